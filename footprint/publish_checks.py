"""What would be wrong with a publish's new files, found before anything is written.

The rows are checked for what `load_dataset` cannot see (a column the file lacks, a row of
another edition), then the new files load from a scratch folder exactly as the dashboard would
load them. Every problem names the data folder's file, line and column, and a published row's
place in the organizer's file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from footprint.csv_rows import CsvFile
from footprint.data import DataError, Problem, load_dataset
from footprint.schema import CITIES
from geo.cache import (
    COLUMNS,
    MANUAL,
    CacheEntry,
    CacheFormatError,
    parse_entry,
    read_entries,
    today,
)

GEOCACHE = "geocache.csv"


def geocache_entries(folder: Path, raw: bytes | None) -> dict[tuple[str, str], CacheEntry]:
    """Parsed from the bytes read under the lock; a broken file is a DataError naming it."""
    if raw is None:
        return {}
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / GEOCACHE
        copy.write_bytes(raw)
        try:
            return read_entries(copy)
        except CacheFormatError as error:
            raise DataError([_cache_problem(folder, error)]) from error


def manual_entries(
    path: Path, rows: Iterable[dict[str, str]]
) -> tuple[list[CacheEntry], list[Problem]]:
    entries, problems = [], []
    for position, row in enumerate(rows, 1):
        values = {"provider": MANUAL, "updated": today(), **row}
        if values["provider"] != MANUAL:
            problems.append(Problem(path, 0, "provider", f"manual place {position}: not manual"))
            continue
        try:
            entries.append(parse_entry(path, position, values))
        except CacheFormatError as error:
            problem = _cache_problem(path.parent, error)
            message = f"manual place {position}: {problem.message}"
            problems.append(Problem(path, 0, problem.column, message))
    return entries, problems


def row_problems(
    path: Path,
    parsed: CsvFile,
    rows: Sequence[dict[str, str]],
    lines: list[int],
    edition: int,
) -> list[Problem]:
    """What load_dataset cannot see: columns the file lacks, rows of another edition."""
    problems = []
    for line, row in zip(lines, rows, strict=True):
        for name in row:
            if name not in parsed.header:
                problems.append(Problem(path, line, name, f"not a column of {path.name}"))
        if str(row.get("edition", "")).strip() != str(edition):
            message = f"{row.get('edition', '')!r} is not edition {edition}"
            problems.append(Problem(path, line, "edition", message))
    return problems


def validate(
    folder: Path,
    files: dict[str, bytes | None],
    problems: list[Problem],
    row_of_line: dict[int, int],
    file_name: str,
) -> None:
    """Load the new `files` from a scratch folder; raise DataError with `problems` and every
    one found, naming the data folder's files and, for new rows, their row in `file_name`."""
    problems = list(problems)
    with tempfile.TemporaryDirectory() as scratch:
        for name, data in files.items():
            if data is not None:
                (Path(scratch) / name).write_bytes(data)
        try:
            load_dataset(Path(scratch))
        except DataError as error:
            problems += [_in_folder(folder, problem) for problem in error.problems]
        try:
            read_entries(Path(scratch) / GEOCACHE)
        except CacheFormatError as error:
            problems.append(_cache_problem(folder, error))
    if problems:
        raise DataError([_with_row(problem, row_of_line, file_name) for problem in problems])


def _cache_problem(folder: Path, error: CacheFormatError) -> Problem:
    column = COLUMNS[min(error.column, len(COLUMNS)) - 1]
    return Problem(folder / GEOCACHE, error.line, column, error.message.removeprefix(f"{column}: "))


def _in_folder(folder: Path, problem: Problem) -> Problem:
    return Problem(folder / problem.path.name, problem.line, problem.column, problem.message)


def _with_row(problem: Problem, row_of_line: dict[int, int], file_name: str) -> Problem:
    """Point a problem in a published row back to that row of the organizer's file."""
    position = row_of_line.get(problem.line)
    if problem.path.name != CITIES.name or position is None or not file_name:
        return problem
    message = f"{problem.message} (row {position} of {file_name})"
    return Problem(problem.path, problem.line, problem.column, message)
