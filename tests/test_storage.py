"""Atomic writes, several files replaced together, and the writer lock."""

import errno
import os
import stat

import pytest

import atomic_files
from footprint import storage
from footprint.storage import StorageError, atomic_write_bytes, atomic_write_text
from tests.full_disk import fill_disk_after


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def _leftovers(folder):
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_a_write_replaces_the_whole_file_and_leaves_nothing_behind(tmp_path):
    path = tmp_path / "cities.csv"
    path.write_text("old\n", encoding="utf-8")
    atomic_write_text(path, "édition,ville\n8,Londres\n")
    assert path.read_text(encoding="utf-8") == "édition,ville\n8,Londres\n"
    assert _leftovers(tmp_path) == []


def test_a_new_file_gets_the_usual_mode(tmp_path):
    previous = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "new.csv", b"a\n")
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "new.csv") == 0o644


def test_a_secret_is_private_from_its_creation_whatever_the_old_mode(tmp_path, monkeypatch):
    path = tmp_path / "secrets.toml"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o644)
    created = []
    real_open = atomic_files.os.open

    def record_mode(name, flags, mode=0o777):
        created.append(mode)
        return real_open(name, flags, mode)

    monkeypatch.setattr(atomic_files.os, "open", record_mode)
    atomic_write_text(path, "new\n", mode=0o600)
    assert created[0] == 0o600
    assert _mode(path) == 0o600
    assert path.read_text(encoding="utf-8") == "new\n"


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600, 0o640, 0o755])
def test_the_file_keeps_its_mode(tmp_path, mode):
    path = tmp_path / "geocache.csv"
    path.write_bytes(b"old\n")
    path.chmod(mode)
    atomic_write_bytes(path, b"new\n")
    assert _mode(path) == mode


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to someone else")
def test_the_file_keeps_its_owner_when_written_by_root(tmp_path):
    path = tmp_path / "cities.csv"
    path.write_bytes(b"old\n")
    os.chown(path, 4321, 4321)
    atomic_write_bytes(path, b"new\n")
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (4321, 4321)


def test_a_full_disk_is_named_and_the_old_file_kept(tmp_path, monkeypatch):
    path = tmp_path / "cities.csv"
    path.write_bytes(b"old rows\n")
    fill_disk_after(monkeypatch, 4)
    with pytest.raises(StorageError) as raised:
        atomic_write_bytes(path, b"a much longer new content\n")
    assert str(raised.value).startswith(f"could not write {path}: the disk is full")
    assert raised.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"old rows\n"
    assert _leftovers(tmp_path) == []


def test_a_read_only_folder_is_named(tmp_path, monkeypatch):
    path = tmp_path / "editions.csv"
    path.write_bytes(b"old\n")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(atomic_files.os, "open", read_only)
    with pytest.raises(StorageError, match="read-only file system") as raised:
        atomic_write_bytes(path, b"new\n")
    assert str(path) in str(raised.value)
    assert path.read_bytes() == b"old\n"


def test_a_storage_error_is_an_os_error_naming_the_file(tmp_path):
    error = StorageError(tmp_path / "x.csv", OSError(errno.EACCES, "Permission denied"))
    assert isinstance(error, OSError)
    assert str(error) == f"could not write {tmp_path / 'x.csv'}: Permission denied"


def _three_files(tmp_path):
    files = {tmp_path / name: f"old {name}\n".encode() for name in ("a.csv", "b.csv", "c.csv")}
    for path, data in files.items():
        path.write_bytes(data)
    return files


def test_files_are_replaced_together(tmp_path):
    originals = _three_files(tmp_path)
    storage.replace_together({path: b"new\n" for path in originals}, originals)
    assert all(path.read_bytes() == b"new\n" for path in originals)
    assert _leftovers(tmp_path) == []


def test_a_failed_rename_puts_back_the_files_already_replaced(tmp_path, monkeypatch):
    originals = _three_files(tmp_path)
    real_replace = os.replace

    def refuse_b(source, target):
        if str(target).endswith("b.csv"):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        real_replace(source, target)

    monkeypatch.setattr(atomic_files.os, "replace", refuse_b)
    with pytest.raises(StorageError, match="(?i)b.csv: permission denied"):
        storage.replace_together({path: b"new\n" for path in originals}, originals)
    assert {path: path.read_bytes() for path in originals} == originals
    assert _leftovers(tmp_path) == []


def test_a_file_that_did_not_exist_is_removed_again(tmp_path, monkeypatch):
    new, refused = tmp_path / "new.csv", tmp_path / "refused.csv"
    refused.write_bytes(b"old\n")
    real_replace = os.replace

    def refuse(source, target):
        if str(target) == str(refused):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        real_replace(source, target)

    monkeypatch.setattr(atomic_files.os, "replace", refuse)
    with pytest.raises(StorageError):
        storage.replace_together({new: b"x\n", refused: b"y\n"}, {new: None, refused: b"old\n"})
    assert not new.exists() and refused.read_bytes() == b"old\n"


def test_a_file_that_cannot_be_written_replaces_none(tmp_path, monkeypatch):
    originals = _three_files(tmp_path)
    real_write = os.write
    calls = []

    def full_on_the_second_file(handle, data):
        calls.append(handle)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(handle, data)

    monkeypatch.setattr(atomic_files.os, "write", full_on_the_second_file)
    with pytest.raises(StorageError, match="b.csv: the disk is full"):
        storage.replace_together({path: b"new\n" for path in originals}, originals)
    assert {path: path.read_bytes() for path in originals} == originals
    assert _leftovers(tmp_path) == []


def test_a_busy_lock_is_an_error_not_a_hang(tmp_path):
    target = tmp_path / "history"
    with (
        storage.locked(target),
        pytest.raises(StorageError, match="another writer"),
        storage.locked(target, timeout=0.2),
    ):
        pytest.fail("the lock was taken twice")
    with storage.locked(target, timeout=0.2):
        assert (tmp_path / ".history.lock").exists()
