"""Publish an edition's city list, list the versions, and put an earlier state back.

One change at a time: a publish or a restore holds the data folder's history lock from reading
the current files to writing the new ones, so two organizers publishing at once are served one
after the other and the second starts from the first's result. Nothing is written until the new
files, built in memory, load without a problem from a scratch folder; then the files as they
were become a version in `history/` (footprint.versions) and the new ones replace them
together (footprint.storage). The dashboard sees the change on its next run: its cache is keyed
on the files' signatures.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from footprint import publish_checks as checks
from footprint import versions
from footprint.csv_rows import editions_in, parse, replace_rows
from footprint.data import Problem
from footprint.publish_checks import GEOCACHE
from footprint.schema import CITIES, CITIES_KEPT_ACROSS_PUBLISHES, EDITIONS
from footprint.storage import locked, remove_leftovers, replace_together
from footprint.versions import SNAPSHOT_FILES, Summary, Version
from geo.cache import merge, to_csv_text

# Read for validation only; a publish never writes them.
OTHER_FILES = ("figures.csv", "sources.csv")

Files = dict[str, bytes | None]


@dataclass(frozen=True)
class _Draft:
    """The new files and what to tell about them."""

    files: Files
    summary: Summary
    manual_keys: tuple[tuple[str, str], ...]
    problems: list[Problem]
    row_of_line: dict[int, int]  # cities.csv line → position of the row in the publish


def history(folder: Path) -> list[Version]:
    """Every version of the data folder, newest first."""
    return versions.list_versions(folder)


def publish(
    folder: Path,
    edition: int,
    cities: list[dict[str, str]],
    *,
    who: str,
    file_name: str,
    edition_rows: list[dict[str, str]] | None = None,
    manual_places: Sequence[dict[str, str]] = (),
) -> Version:
    """Replace every row of `edition` in cities.csv with `cities` (rows in its columns).

    A city already in the edition keeps what was set by hand in the columns an import leaves
    empty (its Arabic name: see `_with_kept_values`).

    `edition_rows` are editions.csv rows added if the edition is new; `manual_places` are
    geocache.csv rows placed by hand (a newer manual row replaces an older one for the same
    query and country; an automatic row never replaces a manual one). Raises DataError with
    every problem (file, line, column) and writes nothing if the result would not load;
    raises StorageError, leaving the data as it was, if the disk refuses the write.
    """
    folder = Path(folder)
    with _change_lock(folder):
        current = _read_files(folder)
        draft = _draft_publish(folder, current, edition, cities, edition_rows, manual_places)
        checks.validate(folder, draft.files, draft.problems, draft.row_of_line, file_name)
        return _commit(folder, current, draft, who=who, file_name=file_name)


def restore(folder: Path, version_id: str, *, who: str) -> Version:
    """Put the data back as it was just before `version_id` (undo it and everything after it).

    Itself a new version, so a restore can be undone too. cities.csv and editions.csv come back
    byte for byte; in geocache.csv only the manual rows set by the undone changes go back, so
    places geocoded since and corrections made by hand are kept. Raises UnknownVersionError
    (a ValueError) for an unknown version, DataError if that state no longer loads (e.g.
    figures.csv has changed); footprint.refusals.REFUSED_CHANGES lists every refusal.
    """
    folder = Path(folder)
    with _change_lock(folder):
        target = versions.find_version(folder, version_id)
        current = _read_files(folder)
        draft = _draft_restore(folder, current, target)
        checks.validate(folder, draft.files, [], {}, file_name="")
        return _commit(folder, current, draft, who=who, file_name="")


@contextmanager
def _change_lock(folder: Path) -> Iterator[None]:
    """The history lock (one change at a time), then geocache.csv's own writer lock, which
    `python -m geo geocode` also takes: neither loses the other's rows."""
    with locked(versions.history_folder(folder)), locked(folder / GEOCACHE):
        for name in SNAPSHOT_FILES:
            remove_leftovers(folder / name)
        yield


def _read_files(folder: Path) -> Files:
    names = (*SNAPSHOT_FILES, *OTHER_FILES)
    return {
        name: (folder / name).read_bytes() if (folder / name).is_file() else None for name in names
    }


def _draft_publish(
    folder: Path,
    current: Files,
    edition: int,
    cities: list[dict[str, str]],
    edition_rows: list[dict[str, str]] | None,
    manual_places: Sequence[dict[str, str]],
) -> _Draft:
    cities_path, editions_path = folder / CITIES.name, folder / EDITIONS.name
    old_cities = parse(cities_path, current[CITIES.name], CITIES.column_names)
    old_editions = parse(editions_path, current[EDITIONS.name], EDITIONS.column_names)
    new_edition = edition not in editions_in(old_editions)
    current_rows = [
        record.values for record in old_cities.records if _is_edition(record.values, edition)
    ]
    new_rows = _with_kept_values(cities, current_rows)
    edited = replace_rows(old_cities, lambda row: _is_edition(row, edition), new_rows)
    problems = checks.row_problems(cities_path, old_cities, new_rows, edited.new_lines, edition)
    files = dict(current)
    files[CITIES.name] = edited.data
    if new_edition and edition_rows:
        appended = replace_rows(old_editions, lambda row: False, edition_rows)
        problems += checks.row_problems(
            editions_path, old_editions, edition_rows, appended.new_lines, edition
        )
        files[EDITIONS.name] = appended.data
    entries, entry_problems = checks.manual_entries(folder / GEOCACHE, manual_places)
    problems += entry_problems
    if entries and not entry_problems:
        cached = checks.geocache_entries(folder, current[GEOCACHE])
        files[GEOCACHE] = to_csv_text(merge(cached, entries).values()).encode("utf-8")
    before = {_city_key(row) for row in edited.dropped}
    after = {_city_key(row) for row in new_rows}
    summary = Summary(
        edition=edition,
        cities=len(new_rows),
        added=tuple(sorted(name for name, _ in after - before)),
        removed=tuple(sorted(name for name, _ in before - after)),
        new_edition=new_edition,
        manual_places=len(entries),
    )
    row_of_line = {line: position for position, line in enumerate(edited.new_lines, 1)}
    keys = tuple(entry.key for entry in entries)
    return _Draft(files, summary, keys, problems, row_of_line)


def _with_kept_values(
    imported: Sequence[dict[str, str]], current: Iterable[dict[str, str]]
) -> list[dict[str, str]]:
    """`imported`, where a row leaves a column of CITIES_KEPT_ACROSS_PUBLISHES empty, filled
    with its city's current value in the edition.

    Manual corrections are never overwritten: a re-import whose file has no Arabic names must
    not erase the ones set by hand. A value the imported row gives wins, since it is the
    organizer's own decision in their file, not the machine overwriting theirs (an import
    cannot clear a value: edit cities.csv for that). Cities match on `_city_key` only, the key
    the summary counts on: a row whose city or country changed, like a city new to the
    edition, keeps nothing. The carried values change no city's key, so the summary's added
    and removed stay as the import alone would make them.
    """
    current_by_key: dict[tuple[str, str], dict[str, str]] = {}
    for row in current:
        current_by_key.setdefault(_city_key(row), row)
    rows = []
    for row in imported:
        before = current_by_key.get(_city_key(row), {})
        kept = {
            column: before[column]
            for column in CITIES_KEPT_ACROSS_PUBLISHES
            if before.get(column) and not str(row.get(column, "")).strip()
        }
        rows.append({**row, **kept})
    return rows


def _draft_restore(folder: Path, current: Files, target: Version) -> _Draft:
    saved = versions.snapshot(folder, target.id)
    files = dict(current)
    for name in (CITIES.name, EDITIONS.name):
        if saved[name] is not None:
            files[name] = saved[name]
    undone = [
        version for version in versions.list_versions(folder) if version.number >= target.number
    ]
    keys = {tuple(key) for version in undone for key in version.manual_keys}
    if keys:
        cached = checks.geocache_entries(folder, current[GEOCACHE])
        earlier = checks.geocache_entries(folder, saved[GEOCACHE])
        for key in keys:
            if key in earlier:
                cached[key] = earlier[key]
            else:
                cached.pop(key, None)
        files[GEOCACHE] = to_csv_text(cached.values()).encode("utf-8")
    summary = Summary(restored=target.id)
    return _Draft(files, summary, tuple(sorted(keys)), [], {})


def _commit(folder: Path, current: Files, draft: _Draft, *, who: str, file_name: str) -> Version:
    now = datetime.now(UTC)
    version = Version(
        id=versions.next_id(folder, now),
        when=now,
        who=who,
        file_name=file_name,
        summary=draft.summary,
        manual_keys=draft.manual_keys,
    )
    keep = versions.keep_count()  # a bad $FOOTPRINT_HISTORY_KEEP refuses before any write
    versions.save(folder, version, {name: current[name] for name in SNAPSHOT_FILES})
    changed = {
        folder / name: draft.files[name]
        for name in _write_order(folder, current, draft.files)
        if draft.files[name] != current[name]
    }
    try:
        replace_together(changed, {folder / name: current[name] for name in SNAPSHOT_FILES})
    except OSError:
        versions.discard(folder, version)
        raise
    versions.prune(folder, keep, just_saved=version.id)
    return version


def _write_order(folder: Path, current: Files, new: Files) -> list[str]:
    """Every intermediate state should load too (a process killed between two renames): add
    editions before the cities that name them, remove cities before their editions."""
    path = folder / EDITIONS.name
    kept = editions_in(parse(path, current[EDITIONS.name], EDITIONS.column_names)) <= editions_in(
        parse(path, new[EDITIONS.name], EDITIONS.column_names)
    )
    if kept:
        return [EDITIONS.name, GEOCACHE, CITIES.name]
    return [CITIES.name, GEOCACHE, EDITIONS.name]


def _is_edition(row: dict[str, str], edition: int) -> bool:
    value = row.get("edition", "")
    return value.isdigit() and int(value) == edition


def _city_key(row: dict[str, str]) -> tuple[str, str]:
    return str(row.get("city", "")).strip(), str(row.get("country", "")).strip().upper()
