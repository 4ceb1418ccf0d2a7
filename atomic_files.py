"""Atomic, permission-keeping file writes and writer locks, shared by `footprint` and `geo`.

It sits beside both packages, imports neither, so `geo` (which must not import `footprint`)
and `footprint` write files the same way: a reader, or a process killed halfway, only ever
sees the old file or the new one, and the file keeps its mode (and owner, when run as root).
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from filelock import FileLock

_EXPLANATIONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the folder is on a read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EFBIG: "the file is larger than allowed",
}


class StorageError(OSError):
    """A write that did not happen; names the file and why, and the old file is still whole."""

    def __init__(self, path: Path, error: OSError, action: str = "write"):
        self.path = Path(path)
        reason = _EXPLANATIONS.get(error.errno)
        detail = error.strerror or str(error) or type(error).__name__
        explained = f"{reason} ({detail})" if reason and reason != detail.lower() else detail
        message = f"could not {action} {self.path}: {explained}"
        super().__init__(error.errno, message, str(self.path))

    def __str__(self) -> str:
        return self.strerror


def write_beside(path: Path, data: bytes, mode: int | None = None) -> Path:
    """Write `data` to a new hidden file in `path`'s folder, synced to disk, with `path`'s mode
    (or `mode`, e.g. 0o600 for a secret, which the file has from its creation on) and owner:
    ready to be renamed over `path`. Raises StorageError; leaves nothing behind."""
    path = Path(path)
    try:
        current = os.stat(path)
    except FileNotFoundError:
        current = None
    except OSError as error:
        raise StorageError(path, error) from error
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # A new file gets the usual 0o666 minus the umask; an existing one no wider than it is.
    create_mode = stat.S_IMODE(current.st_mode) & 0o666 if current else 0o666
    if mode is not None:
        create_mode = mode
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, create_mode)
    except OSError as error:
        raise StorageError(path, error) from error
    try:
        try:
            _write_all(handle, data)
            if current is not None and os.geteuid() == 0:
                os.fchown(handle, current.st_uid, current.st_gid)
            if mode is not None:
                os.fchmod(handle, mode)
            elif current is not None:
                os.fchmod(handle, stat.S_IMODE(current.st_mode))
            os.fsync(handle)
        finally:
            os.close(handle)
    except OSError as error:
        _remove(temporary)
        raise StorageError(path, error) from error
    return temporary


def replace(temporary: Path, path: Path) -> None:
    """Rename a file made by `write_beside` over `path`, then sync the folder so the rename
    survives a power cut. Raises StorageError and removes the temporary file on failure."""
    try:
        os.replace(temporary, path)
    except OSError as error:
        _remove(temporary)
        raise StorageError(path, error) from error
    sync_folder(Path(path).parent)


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` all at once: readers see the old file or the new one."""
    replace(write_beside(path, data, mode), Path(path))


def atomic_write_text(
    path: Path, text: str, encoding: str = "utf-8", mode: int | None = None
) -> None:
    """`atomic_write_bytes` for text; newlines are written as given."""
    atomic_write_bytes(path, text.encode(encoding), mode)


def sync_folder(folder: Path) -> None:
    """Make renames and new files in `folder` durable."""
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise StorageError(folder, error, "sync") from error
    try:
        os.fsync(handle)
    except OSError as error:
        # Some file systems cannot sync a folder; the rename itself has happened.
        if error.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise StorageError(folder, error, "sync") from error
    finally:
        os.close(handle)


def writer_lock(path: Path, timeout: float = -1) -> FileLock:
    """The lock every writer of `path` holds: `.NAME.lock` beside it (git-ignored in data/)."""
    path = Path(path)
    return FileLock(str(path.with_name(f".{path.name}.lock")), timeout=timeout)


def _write_all(handle: int, data: bytes) -> None:
    """os.write may write less than asked (a signal, a nearly full disk): loop until done."""
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        view = view[written:]


def _remove(temporary: Path) -> None:
    """Best effort: a leftover hidden `.tmp` is harmless, and the error worth reporting is the
    one that made the write fail, not this one."""
    try:
        os.remove(temporary)
    except OSError:
        return
