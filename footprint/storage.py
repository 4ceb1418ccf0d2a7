"""Safe writes to the data folder: one file at a time, several together, and one writer at once.

Single files go through `atomic_files` (shared with `geo`, which cannot import footprint): a
temporary file beside the target, synced, given the target's mode, renamed over it. Several
files change together by writing every new file first and only then renaming them one by one;
a rename that fails puts back the files already renamed, so a failed publish leaves the data
as it was.
"""

from __future__ import annotations

import errno
import glob
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import Timeout

from atomic_files import (
    StorageError,
    atomic_write_bytes,
    atomic_write_text,
    replace,
    write_beside,
    writer_lock,
)

__all__ = [
    "StorageError",
    "atomic_write_bytes",
    "atomic_write_text",
    "locked",
    "remove_leftovers",
    "replace_together",
    "writer_lock",
]

LOCK_TIMEOUT_SECONDS = 60.0


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold `path`'s writer lock; a lock that cannot be taken is a StorageError, not a hang."""
    lock = writer_lock(path, timeout=timeout)
    try:
        lock.acquire()
    except Timeout as error:
        busy = OSError(errno.EBUSY, f"another writer held it for more than {timeout:g} s")
        raise StorageError(Path(error.lock_file), busy, "lock") from error
    except OSError as error:
        raise StorageError(Path(lock.lock_file), error, "lock") from error
    try:
        yield
    finally:
        lock.release()


def replace_together(new_files: dict[Path, bytes], originals: dict[Path, bytes | None]) -> None:
    """Replace each file of `new_files` (in order) with its bytes, all or none.

    `originals` holds every file's current bytes (None: it does not exist yet), used to put back
    the files already replaced when a later one fails. Raises StorageError naming the file.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in new_files.items():
            staged.append((path, write_beside(path, data)))
    except StorageError:
        for _, temporary in staged:
            _discard(temporary)
        raise
    done: list[Path] = []
    for position, (path, temporary) in enumerate(staged):
        try:
            replace(temporary, path)
        except StorageError:
            for _, unused in staged[position + 1 :]:
                _discard(unused)
            _put_back(done, originals)
            raise
        done.append(path)


def remove_leftovers(path: Path) -> None:
    """Temporary files a killed writer of `path` left beside it; call under its writer lock."""
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        leftover.unlink(missing_ok=True)


def _put_back(paths: list[Path], originals: dict[Path, bytes | None]) -> None:
    for path in reversed(paths):
        original = originals[path]
        if original is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write_bytes(path, original)


def _discard(temporary: Path) -> None:
    temporary.unlink(missing_ok=True)
