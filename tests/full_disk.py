"""A disk that fills up in the middle of a write, for the tests of what a full disk does."""

from __future__ import annotations

import errno
import os

import atomic_files


def fill_disk_after(monkeypatch, room: int) -> None:
    """Every atomic write gets its first `room` bytes out, then the disk is full (ENOSPC)."""
    real_write = os.write

    def write_until_full(handle, data):
        if len(data) > room:
            return real_write(handle, bytes(data[:room]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic_files.os, "write", write_until_full)
