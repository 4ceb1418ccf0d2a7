"""Replace a published site in one step, so a visitor never sees half of it.

The new site is built in a folder beside the old one (same file system), then the two are
exchanged: with Linux's `renameat2(RENAME_EXCHANGE)` the exchange is a single atomic step;
elsewhere it is two renames, a gap of microseconds in which the folder is missing (a 404, never
a mix of old and new pages). A folder that is not a site we published is never replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Written into every site we publish: only a folder holding it may be replaced.
SITE_MARKER = ".footprint-site"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class SiteFolderError(ValueError):
    """The output folder cannot take the site (not ours, not a folder, not writable)."""


def check_output(out: Path) -> None:
    """Refuse an output that is a file, or a non-empty folder we did not publish."""
    if out.exists() and not out.is_dir():
        raise SiteFolderError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / SITE_MARKER).is_file():
        raise SiteFolderError(
            f"{out}: folder is not empty and holds no published site ({SITE_MARKER} missing);"
            " choose an empty or new folder"
        )


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False when the system cannot (then nothing was changed)."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return result == 0


def _folder_mode(out: Path) -> int:
    """The old site's mode, else what the umask gives a new folder (readable by a web server,
    unlike the 0700 of a temporary folder)."""
    if out.is_dir():
        return out.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


@contextlib.contextmanager
def staged_folder(out: Path) -> Iterator[Path]:
    """A fresh folder beside `out` to build the site in; on success it replaces `out`.

    If building fails, `out` is left exactly as it was and the staged folder is removed.
    """
    out = out.resolve()
    check_output(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        yield staged
        (staged / SITE_MARKER).write_text("published by python -m footprint publish\n")
        os.chmod(staged, _folder_mode(out))
        _replace(staged, out)
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def _replace(staged: Path, out: Path) -> None:
    """Put `staged` at `out`; the old site, if any, ends at `staged` (removed by the caller)."""
    if not out.exists():
        os.rename(staged, out)
        return
    check_output(out)  # again: it may have changed while the site was being built
    if _exchange(staged, out):
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rename(out, retired / "site")
    os.rename(staged, out)
    os.rename(retired / "site", staged)
    retired.rmdir()
