"""The publishing history survives a version record that cannot be read, and keeps only the
newest versions: a bad meta.json hides its own version and nothing else, publishing and undoing
go on with fresh numbers, and pruning never removes the version just written, an unreadable
one, or leaves a half-removed folder listed as a version."""

import json
from datetime import UTC, datetime

import pytest

from footprint import publisher, versions
from footprint.versions import KEEP_ENV, HistoryKeepError, Summary, Version
from tests.test_publisher import _history_cli, city, files, publish_8

CORRUPTIONS = {
    "not json": (b'{"when": "2026-11-23T10:15:00+00:00", "who": ', "not valid JSON"),
    "missing who": (None, "'who' is missing"),
    "not an object": (b"[]\n", "not a JSON object"),
    "bad date": (None, "Invalid isoformat string"),
    "not utf-8": (b'{"who": "\xff"}', "not UTF-8"),
}


@pytest.fixture(autouse=True)
def default_retention(monkeypatch):
    monkeypatch.delenv(KEEP_ENV, raising=False)


def version(number: int) -> Version:
    return Version(
        id=f"20261123T1015{number % 60:02d}Z-{number:04d}",
        when=datetime(2026, 11, 23, 10, 15, number % 60, tzinfo=UTC),
        who="amina",
        file_name=f"list-{number}.xlsx",
        summary=Summary(edition=8, cities=number),
    )


def save(folder, number: int) -> Version:
    """A version saved and the history pruned, as the publisher does once its change is
    written."""
    saved = version(number)
    snapshot = {"cities.csv": f"cities {number}\n".encode(), "editions.csv": b"e\n"}
    versions.save(folder, saved, {**snapshot, "geocache.csv": None})
    versions.prune(folder, versions.keep_count(), just_saved=saved.id)
    return saved


def meta_path(folder, version_id):
    return versions.history_folder(folder) / version_id / versions.META


def corrupt(folder, version_id, how):
    path = meta_path(folder, version_id)
    content, _ = CORRUPTIONS[how]
    if content is None:
        meta = json.loads(path.read_text(encoding="utf-8"))
        if how == "missing who":
            del meta["who"]
        else:
            meta["when"] = "the 23rd of November"
        content = json.dumps(meta).encode()
    path.write_bytes(content)
    return path


def folders(folder):
    return sorted(entry.name for entry in versions.history_folder(folder).iterdir())


# ---- an unreadable meta.json ------------------------------------------------------------------


@pytest.mark.parametrize("how", CORRUPTIONS)
def test_an_unreadable_record_hides_only_its_own_version_and_is_named(tmp_path, how):
    first, second, third = (save(tmp_path, number) for number in (1, 2, 3))
    broken = corrupt(tmp_path, second.id, how)
    found = versions.read_history(tmp_path)
    assert found.versions == (third, first)
    assert [(problem.id, problem.path) for problem in found.unreadable] == [(second.id, broken)]
    assert CORRUPTIONS[how][1] in found.unreadable[0].reason
    assert versions.list_versions(tmp_path) == [third, first]
    with pytest.raises(ValueError, match="unreadable version record") as refused:
        versions.find_version(tmp_path, second.id)
    assert str(broken) in str(refused.value)


def test_list_versions_logs_what_it_leaves_out(tmp_path, caplog):
    save(tmp_path, 1)
    broken = corrupt(tmp_path, save(tmp_path, 2).id, "missing who")
    assert [found.id for found in versions.list_versions(tmp_path)] == [version(1).id]
    assert str(broken) in caplog.text and "'who' is missing" in caplog.text


def test_a_publish_after_a_corrupt_newest_version_gets_a_higher_number(data_copy):
    first = publish_8(data_copy)
    second = publish_8(data_copy, cities=[city("Rabat", "MA")])
    broken = corrupt(data_copy, second.id, "not json")
    broken_bytes = broken.read_bytes()
    third = publish_8(data_copy, cities=[city("Dakar", "SN")])
    assert third.number == second.number + 1 > first.number
    assert [found.id for found in publisher.history(data_copy)] == [third.id, first.id]
    assert broken.read_bytes() == broken_bytes  # left for a human, untouched


def test_the_number_also_follows_a_folder_without_its_record(tmp_path):
    save(tmp_path, 1)
    (versions.history_folder(tmp_path) / version(7).id).mkdir()
    assert versions.next_id(tmp_path, datetime(2026, 11, 24, tzinfo=UTC)).endswith("-0008")


def test_a_readable_version_is_still_undone_beside_a_corrupt_one(data_copy):
    before = files(data_copy)
    first = publish_8(data_copy)
    second = publish_8(data_copy, cities=[city("Rabat", "MA")])
    corrupt(data_copy, second.id, "missing who")
    undo = publisher.restore(data_copy, first.id, who="youssef")
    assert files(data_copy) == before
    assert undo.number == second.number + 1
    with pytest.raises(ValueError, match="'who' is missing"):
        publisher.restore(data_copy, second.id, who="youssef")
    assert files(data_copy) == before


# ---- retention --------------------------------------------------------------------------------


def test_the_history_keeps_the_newest_versions_only(tmp_path, monkeypatch):
    monkeypatch.setenv(KEEP_ENV, "3")
    saved = [save(tmp_path, number) for number in range(1, 7)]
    newest = [found.id for found in reversed(saved[-3:])]
    assert [found.id for found in versions.list_versions(tmp_path)] == newest
    assert folders(tmp_path) == sorted(newest)
    kept = versions.snapshot(tmp_path, saved[-1].id)
    assert kept["cities.csv"] == b"cities 6\n" and kept["geocache.csv"] is None


def test_a_hundred_versions_are_kept_by_default(tmp_path):
    for number in range(1, 103):
        save(tmp_path, number)
    listed = versions.list_versions(tmp_path)
    assert len(listed) == versions.DEFAULT_KEEP == 100
    assert (listed[0].number, listed[-1].number) == (102, 3)


def test_the_version_just_written_is_never_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv(KEEP_ENV, "1")
    save(tmp_path, 1)
    just_written = save(tmp_path, 2)
    assert folders(tmp_path) == [just_written.id]
    # Even when it is not the newest (a clock or a hand-made folder ahead of it).
    monkeypatch.setenv(KEEP_ENV, "10")
    ahead = save(tmp_path, 9)
    behind = save(tmp_path, 5)
    assert versions.prune(tmp_path, 1, just_saved=behind.id) == [ahead.id, just_written.id]
    assert folders(tmp_path) == [behind.id]


def test_unreadable_versions_are_left_for_a_human(tmp_path, monkeypatch):
    monkeypatch.setenv(KEEP_ENV, "2")
    oldest = save(tmp_path, 1)
    middle = save(tmp_path, 2)
    corrupt(tmp_path, oldest.id, "not json")
    corrupt(tmp_path, middle.id, "bad date")
    saved = [save(tmp_path, number) for number in (3, 4, 5)]
    assert folders(tmp_path) == sorted([oldest.id, middle.id, saved[1].id, saved[2].id])
    found = versions.read_history(tmp_path)
    assert [problem.id for problem in found.unreadable] == [middle.id, oldest.id]
    assert len(found.versions) == 2


def test_an_interrupted_prune_is_never_listed_and_is_finished_next_time(tmp_path, monkeypatch):
    monkeypatch.setenv(KEEP_ENV, "2")
    first = save(tmp_path, 1)
    save(tmp_path, 2)

    def killed(path, *args, **kwargs):
        raise OSError("killed while removing")

    monkeypatch.setattr(versions.shutil, "rmtree", killed)
    third = save(tmp_path, 3)
    monkeypatch.undo()
    monkeypatch.setenv(KEEP_ENV, "2")
    half_removed = versions.history_folder(tmp_path) / first.id
    assert sorted(path.name for path in half_removed.iterdir()) == ["cities.csv", "editions.csv"]
    listed = versions.read_history(tmp_path)
    assert [found.id for found in listed.versions] == [third.id, version(2).id]
    assert listed.unreadable == ()
    with pytest.raises(ValueError, match="no version"):
        versions.find_version(tmp_path, first.id)
    fourth = save(tmp_path, 4)
    assert fourth.number == 4
    assert folders(tmp_path) == sorted([third.id, fourth.id])


def test_a_publish_prunes_the_history(data_copy, monkeypatch):
    monkeypatch.setenv(KEEP_ENV, "2")
    publish_8(data_copy)
    second = publish_8(data_copy, cities=[city("Rabat", "MA")])
    third = publish_8(data_copy, cities=[city("Dakar", "SN")])
    assert [found.id for found in publisher.history(data_copy)] == [third.id, second.id]
    assert folders(data_copy) == sorted([second.id, third.id])


@pytest.mark.parametrize(
    ("configured", "keep"), [(None, 100), ("", 100), ("7", 7), (" 12 ", 12), ("1", 1)]
)
def test_the_retention_comes_from_the_environment(configured, keep):
    environ = {} if configured is None else {KEEP_ENV: configured}
    assert versions.keep_count(environ) == keep


@pytest.mark.parametrize("configured", ["0", "-3", "ten", "2.5", "1e3"])
def test_a_bad_retention_is_refused_by_name(configured):
    with pytest.raises(HistoryKeepError, match=f"\\${KEEP_ENV} must be a whole number") as bad:
        versions.keep_count({KEEP_ENV: configured})
    assert repr(configured) in str(bad.value)


def test_a_bad_retention_refuses_the_publish_before_writing_anything(data_copy, monkeypatch):
    kept = publish_8(data_copy)
    before = files(data_copy)
    monkeypatch.setenv(KEEP_ENV, "zero")
    with pytest.raises(HistoryKeepError, match=KEEP_ENV):
        publish_8(data_copy, cities=[city("Rabat", "MA")])
    assert files(data_copy) == before
    assert folders(data_copy) == [kept.id]


def test_a_publish_that_cannot_write_keeps_the_oldest_version(data_copy, monkeypatch):
    monkeypatch.setenv(KEEP_ENV, "2")
    first = publish_8(data_copy)
    second = publish_8(data_copy, cities=[city("Rabat", "MA")])
    before = files(data_copy)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publisher, "replace_together", disk_full)
    with pytest.raises(OSError):
        publish_8(data_copy, cities=[city("Dakar", "SN")])
    assert [found.id for found in publisher.history(data_copy)] == [second.id, first.id]
    assert files(data_copy) == before


def test_the_history_command_lists_the_rest_and_names_an_unreadable_version(data_copy):
    first = publish_8(data_copy)
    second = publish_8(data_copy, cities=[city("Rabat", "MA")])
    corrupt(data_copy, first.id, "not json")
    listing = _history_cli(data_copy)
    assert listing.returncode == 0, listing.stderr
    assert second.id in listing.stdout and first.id not in listing.stdout
    assert str(meta_path(data_copy, first.id)) in listing.stderr
    assert "unreadable" in listing.stderr
