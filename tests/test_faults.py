"""Bad days: a writer killed mid-write, a read-only or full disk, a file broken while the server
runs, and an online geocoder that times out or answers garbage."""

import builtins
import errno
import io
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

import atomic_files
from footprint import publisher
from footprint.data import load_dataset
from footprint.i18n import t
from footprint.storage import StorageError
from geo.cache import CacheEntry, GeoCache, read_entries, to_csv_text
from geo.online import OnlineGeocoder
from geo.resolver import Resolver, shared_gazetteer
from geo.table import geocode_table
from tests import fault_writer
from tests.conftest import REPO
from tests.full_disk import fill_disk_after
from tests.geo_fixtures.support import index_dir  # noqa: F401
from tests.organizer_app import organizer_env, signed_in_by_link  # noqa: F401
from tests.test_app import PAGES, _as_a_running_server, _metrics, _run  # noqa: F401
from ui import data as ui_data

SNAPSHOT = ("editions.csv", "cities.csv", "geocache.csv")
KILLS = 4


def _files(folder):
    return {name: (folder / name).read_bytes() for name in SNAPSHOT}


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


# A process killed with SIGKILL in the middle of a write leaves the previous file whole.


def _kill_while_writing(mode: str, path: Path, check) -> None:
    """Start a writer, kill it at a random moment of its loop, check the file; KILLS times."""
    chance = random.Random()
    for attempt in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.fault_writer", mode, str(path)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            ready = writer.stdout.readline().split()
            assert ready and ready[0] == "ready", f"the writer did not start ({mode})"
            delay = chance.uniform(0, 3 * float(ready[1]))
            time.sleep(delay)
            writer.send_signal(signal.SIGKILL)
            writer.wait(timeout=60)
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.wait(timeout=60)
            writer.stdout.close()
        assert writer.returncode == -signal.SIGKILL
        check(f"kill {attempt + 1} after {delay:.3f} s")


@pytest.mark.parametrize("name", SNAPSHOT)
def test_a_killed_atomic_writer_leaves_the_old_file_or_the_new_one(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(fault_writer.payload(1))
    whole = {fault_writer.payload(0), fault_writer.payload(1)}

    def check(when):
        assert path.read_bytes() in whole, f"{name} is not whole after {when}"

    _kill_while_writing("atomic", path, check)


def test_a_killed_geocoder_leaves_the_cache_readable(tmp_path):
    path = tmp_path / "geocache.csv"
    rows = [
        CacheEntry(f"place {n}", "FR", 45.0, 2.0, f"Place {n}", "FR", "gazetteer", "2026-11-23")
        for n in range(5_000)
    ]
    path.write_text(to_csv_text(rows), encoding="utf-8")

    def check(when):
        assert len(read_entries(path)) >= len(rows), f"rows lost after {when}"

    _kill_while_writing("geocache", path, check)


def test_a_killed_publish_leaves_data_and_history_whole(data_copy):
    lists = [sorted(row["city"] for row in fault_writer.edition_list(which)) for which in (0, 1)]

    def check(when):
        cities = load_dataset(data_copy).cities
        assert sorted(cities.loc[cities["edition"] == 2, "city"]) in [
            *lists,
            sorted(_bundled_edition_2()),
        ], f"edition 2 is neither list after {when}"
        for version in publisher.history(data_copy):
            saved = data_copy / "history" / version.id
            assert {path.name for path in saved.iterdir()} == {*SNAPSHOT, "meta.json"}
            json.loads((saved / "meta.json").read_text(encoding="utf-8"))
            read_entries(saved / "geocache.csv")

    _kill_while_writing("publish", data_copy, check)
    versions = publisher.history(data_copy)
    assert versions, "no publish finished between the kills"
    publisher.restore(data_copy, versions[-1].id, who="after the crash")
    assert sorted(load_dataset(data_copy).cities.query("edition == 2")["city"]) == sorted(
        _bundled_edition_2()
    )


def _bundled_edition_2():
    return load_dataset(REPO / "data").cities.query("edition == 2")["city"].tolist()


# Atomic writes keep the file's permissions.


@pytest.mark.parametrize("mode", [0o644, 0o664])
def test_every_writer_keeps_the_data_files_permissions(data_copy, mode):
    for name in SNAPSHOT:
        (data_copy / name).chmod(mode)
    entry = CacheEntry("kigali", "RW", -1.95, 30.06, "Kigali", "RW", "gazetteer", "2026-11-23")
    GeoCache(data_copy / "geocache.csv").store([entry])
    assert _mode(data_copy / "geocache.csv") == mode
    place = {
        "query": "Dakar",
        "country": "SN",
        "lat": "14.7",
        "lon": "-17.4",
        "name": "Dakar",
        "country_code": "SN",
    }
    version = publisher.publish(
        data_copy,
        8,
        [{"edition": "8", "city": "Dakar", "country": "SN", "role": "delegation", "source": "x"}],
        who="a",
        file_name="x.csv",
        edition_rows=[{"edition": "8", "year": "2025", "source": "x", "quote": "y"}],
        manual_places=[place],
    )
    assert {name: _mode(data_copy / name) for name in SNAPSHOT} == dict.fromkeys(SNAPSHOT, mode)
    publisher.restore(data_copy, version.id, who="a")
    assert {name: _mode(data_copy / name) for name in SNAPSHOT} == dict.fromkeys(SNAPSHOT, mode)


# A read-only data folder still serves the dashboard; the publisher says why it cannot write.


class _ReadOnlyFolder:
    """Tests run as root, which chmod does not stop: refuse every write under `folder` the way
    a read-only file system would (EROFS), and remember each attempt."""

    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def __init__(self, folder: Path, monkeypatch):
        self.folder = folder.resolve()
        self.attempts: list[str] = []
        real_open, real_os_open = builtins.open, os.open

        def guarded_open(file, mode="r", *args, **kwargs):
            if any(flag in mode for flag in "wax+"):
                self._refuse(file)
            return real_open(file, mode, *args, **kwargs)

        def guarded_os_open(path, flags, *args, **kwargs):
            if flags & self.WRITE_FLAGS:
                self._refuse(path)
            return real_os_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", guarded_open)
        monkeypatch.setattr(io, "open", guarded_open)
        monkeypatch.setattr(os, "open", guarded_os_open)
        for name in ("replace", "rename", "remove", "unlink", "mkdir", "rmdir"):
            monkeypatch.setattr(os, name, self._refusing(getattr(os, name)))

    def _refusing(self, operation):
        def guarded(path, *args, **kwargs):
            self._refuse(path)
            return operation(path, *args, **kwargs)

        return guarded

    def _refuse(self, path) -> None:
        if isinstance(path, int):
            return
        if Path(os.fsdecode(path)).resolve().is_relative_to(self.folder):
            self.attempts.append(os.fsdecode(path))
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))


def _make_read_only(folder: Path) -> None:
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)


def test_a_read_only_data_folder_serves_every_page(data_copy, monkeypatch):
    _make_read_only(data_copy)
    guard = _ReadOnlyFolder(data_copy, monkeypatch)
    with pytest.raises(OSError, match="Read-only file system"):
        (data_copy / "probe.csv").write_text("x", encoding="utf-8")
    guard.attempts.clear()
    app = _run({"edition": "2", "lang": "en"}, data_dir=data_copy, monkeypatch=monkeypatch)
    assert not app.exception and not app.error
    assert _metrics(app)["Cities"] == "20"
    for page in PAGES[1:]:
        app.switch_page(page).run()
        assert not app.exception, page
    assert guard.attempts == []


def test_publishing_to_a_read_only_folder_names_the_problem(data_copy, monkeypatch):
    before = _files(data_copy)
    _ReadOnlyFolder(data_copy, monkeypatch)
    with pytest.raises(StorageError, match="read-only file system") as raised:
        publisher.publish(data_copy, 2, [], who="a", file_name="x.csv")
    assert str(data_copy) in str(raised.value)
    monkeypatch.undo()
    assert _files(data_copy) == before
    assert not (data_copy / "history").exists()


@pytest.mark.parametrize(
    ("code", "words"), [(errno.EROFS, "read-only file system"), (errno.EACCES, "ermission denied")]
)
def test_a_refused_rename_is_named_and_changes_nothing(data_copy, monkeypatch, code, words):
    before = _files(data_copy)

    def refuse(source, target):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic_files.os, "replace", refuse)
    with pytest.raises(StorageError, match=words) as raised:
        publisher.publish(data_copy, 2, [], who="a", file_name="x.csv")
    assert str(raised.value).startswith(f"could not write {data_copy / 'cities.csv'}: ")
    monkeypatch.undo()
    assert _files(data_copy) == before
    assert publisher.history(data_copy) == []


# A full disk during a write is reported clearly and the old data kept.


def _leftovers(folder):
    hidden = [path.name for path in folder.rglob(".*") if not path.name.endswith(".lock")]
    return sorted(hidden)


def test_a_full_disk_while_publishing_keeps_the_data(data_copy, monkeypatch):
    before = _files(data_copy)
    fill_disk_after(monkeypatch, 100)
    with pytest.raises(StorageError) as raised:
        publisher.publish(data_copy, 2, [], who="a", file_name="x.csv")
    assert str(raised.value).startswith(f"could not write {data_copy / 'cities.csv'}: ")
    assert "the disk is full (No space left on device)" in str(raised.value)
    monkeypatch.undo()
    assert _files(data_copy) == before
    assert publisher.history(data_copy) == [] and _leftovers(data_copy) == []


def test_a_full_disk_while_saving_the_version_keeps_the_data(data_copy, monkeypatch):
    before = _files(data_copy)

    def full(handle):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError, match="the disk is full") as raised:
        publisher.publish(data_copy, 2, [], who="a", file_name="x.csv")
    assert str(data_copy / "history") in str(raised.value)
    monkeypatch.undo()
    assert _files(data_copy) == before
    assert publisher.history(data_copy) == [] and _leftovers(data_copy) == []


# A real kernel refusal, no patching: the shell lets the writer's files grow to 64 kB only
# (ulimit -f, in 512-byte blocks) and ignores SIGXFSZ, so a bigger write fails with EFBIG.
LIMITED = 'ulimit -f 128 && trap "" XFSZ && exec "$0" "$@"'


def test_a_write_the_kernel_refuses_keeps_the_old_file(tmp_path):
    path = tmp_path / "cities.csv"
    path.write_bytes(b"edition,city\n2,Paris\n")
    run = subprocess.run(
        ["/bin/sh", "-c", LIMITED, sys.executable, "-m", "tests.fault_writer", "atomic", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1 and "ready" not in run.stdout
    assert f"StorageError: could not write {path}: the file is larger than allowed" in run.stderr
    assert path.read_bytes() == b"edition,city\n2,Paris\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cities.csv"]


# A corrupt or half-saved CSV while the server runs: visitors keep the last good data.


def test_a_file_broken_while_the_server_runs_keeps_the_last_good_data(data_copy, monkeypatch):
    app = _run({"edition": "2", "lang": "en"}, data_dir=data_copy, monkeypatch=monkeypatch)
    notice = t("data.last_good", "en")
    assert _metrics(app)["Cities"] == "20"
    assert notice not in [caption.value for caption in app.sidebar.caption]
    cities = data_copy / "cities.csv"
    text = cities.read_text(encoding="utf-8")
    cities.write_text(text[: len(text) // 2], encoding="utf-8")  # saved halfway
    app.run()
    assert not app.exception and not app.error
    assert _metrics(app)["Cities"] == "20"
    assert notice in [caption.value for caption in app.sidebar.caption]
    assert not [code for code in app.code if str(cities) in code.value]  # not for visitors
    problems = ui_data.load_problems(data_copy)
    assert problems and all(problem.startswith(f"{cities}:") for problem in problems)
    assert "fields" in problems[0] or "required value is empty" in problems[0]
    cities.write_text(text, encoding="utf-8")
    app.run()
    assert notice not in [caption.value for caption in app.sidebar.caption]
    assert ui_data.load_problems(data_copy) == []


def test_organizers_see_what_is_wrong(organizer_env, monkeypatch):  # noqa: F811
    app = signed_in_by_link(monkeypatch)
    geocache = organizer_env / "geocache.csv"
    geocache.write_text(
        geocache.read_text(encoding="utf-8").replace("5.55602", "north", 1), encoding="utf-8"
    )
    app.run()
    assert not app.exception
    assert t("data_error", "en") in [error.value for error in app.sidebar.error]
    assert f"{geocache}:2:3: lat: 'north' is not a number" in app.sidebar.code[0].value


def test_last_good_data_per_folder(data_copy):
    dataset, located = ui_data.load(data_copy)
    geocache = data_copy / "geocache.csv"
    geocache.write_text(
        geocache.read_text(encoding="utf-8").replace("5.55602", "north", 1), encoding="utf-8"
    )
    kept, kept_located = ui_data.load(data_copy)
    assert kept.cities.equals(dataset.cities) and kept_located.equals(located)
    assert ui_data.load_problems(data_copy) == [f"{geocache}:2:3: lat: 'north' is not a number"]
    never_good = data_copy.parent / "never-good"
    shutil.copytree(data_copy, never_good)
    with pytest.raises(ValueError, match="'north' is not a number"):
        ui_data.load(never_good)
    assert ui_data.load_problems(never_good) == [
        f"{never_good / 'geocache.csv'}:2:3: lat: 'north' is not a number"
    ]


def test_a_publish_shows_on_the_next_run(data_copy, monkeypatch):
    app = _run({"edition": "2", "lang": "en"}, data_dir=data_copy, monkeypatch=monkeypatch)
    assert _metrics(app)["Cities"] == "20"
    rows = [row for _, row in load_dataset(data_copy).cities.query("edition == 2").iterrows()]
    kept = [
        {name: "" if pd.isna(row[name]) else str(row[name]) for name in row.index if name != "line"}
        for row in rows
        if row["city"] != "Paris"
    ]
    publisher.publish(data_copy, 2, kept, who="a", file_name="edited in place")
    app.run()
    assert _metrics(app)["Cities"] == "19"
    publisher.restore(data_copy, publisher.history(data_copy)[0].id, who="a")
    app.run()
    assert _metrics(app)["Cities"] == "20"


# The online geocoder's timeouts, 429, 5xx and garbage never crash an import.


def _places(**place) -> bytes:
    return json.dumps([{"display_name": "x", **place}]).encode()


GARBAGE = {
    "html": b"<html>not json",
    "error_object": json.dumps({"error": "Internal failure"}).encode(),
    "strings": b'["Cocody"]',
    "number": b"42",
    "no_coordinates": _places(),
    "words_for_numbers": _places(lat="north", lon="east"),
    "off_the_globe": _places(lat="123", lon="456"),
    "not_utf8": b"\xff\xfe\x00garbage",
}


class _BadDayNominatim(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.calls += 1
        try:
            self._answer(self.server.mode)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up waiting, as it should

    def _answer(self, mode):
        if mode == "hang":
            time.sleep(2)
        if mode == "hang_up":
            self.wfile.flush()
            self.connection.close()
            return
        if mode == "short_body":
            self._reply(200, b'[{"lat": "5.3', length=400)
            return
        if isinstance(mode, int):
            self._reply(mode, b'{"error": "no"}')
            return
        self._reply(200, GARBAGE.get(mode, b"[]"))

    def _reply(self, status, body, length=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(length or len(body)))
        if self.server.retry_after:
            self.send_header("Retry-After", self.server.retry_after)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        """Keep the test output clean."""


@pytest.fixture
def bad_day(index_dir, monkeypatch):  # noqa: F811
    monkeypatch.setenv("GEO_CACHE_DIR", str(index_dir))
    shared_gazetteer.cache_clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BadDayNominatim)
    server.mode, server.calls, server.retry_after = "ok", 0, None
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    shared_gazetteer.cache_clear()


def _import(bad_day, tmp_path) -> tuple[pd.DataFrame, Resolver]:
    """Geocode a list as an import would: one name only Nominatim knows, one the gazetteer does."""
    online = OnlineGeocoder(
        domain=f"127.0.0.1:{bad_day.server_port}",
        scheme="http",
        timeout=0.5,
        min_delay_seconds=0,
    )
    resolver = Resolver(GeoCache(tmp_path / "geocache.csv"), online=online)
    table = pd.DataFrame(
        {"city": ["Cocody", "Copenhague"], "country": ["CI", "DK"], "continent_published": ""}
    )
    return geocode_table(table, resolver=resolver), resolver


@pytest.mark.filterwarnings("ignore:Latitude normalization:UserWarning")
@pytest.mark.parametrize("mode", ["hang", 429, 500, 502, 503, "hang_up", "short_body", *GARBAGE])
def test_an_import_survives_a_bad_geocoder(bad_day, tmp_path, mode):
    bad_day.mode = mode
    located, resolver = _import(bad_day, tmp_path)
    assert located["provider"].isna().tolist() == [True, False]
    assert located.loc[1, "provider"] == "gazetteer"
    assert located["status"].tolist() == ["unresolved", "resolved"]
    # geopy retries a dropped or silent connection twice; an HTTP answer is taken as it is.
    assert bad_day.calls == 1 or (mode in ("hang", "hang_up") and bad_day.calls <= 3)
    assert len(resolver.online_errors) == 1 and "'Cocody'" in resolver.online_errors[0]
    assert ("cocody", "CI") not in read_entries(tmp_path / "geocache.csv")


def test_a_429_with_retry_after_does_not_stall_an_import(bad_day, tmp_path, monkeypatch):
    bad_day.mode, bad_day.retry_after = 429, "3600"
    waits = []
    monkeypatch.setattr(time, "sleep", lambda seconds: waits.append(seconds))
    located, resolver = _import(bad_day, tmp_path)
    assert located.loc[1, "provider"] == "gazetteer"
    assert len(resolver.online_errors) == 1
    assert (bad_day.calls, [wait for wait in waits if wait >= 1]) == (1, [])
