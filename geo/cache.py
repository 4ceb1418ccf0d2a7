"""The persistent geocode cache, data/geocache.csv: a table a person can read and fix.

Rows are keyed by the folded query and the country hint. A person's ``manual`` rows always win
and automatic runs never overwrite them. Writes go to a temporary file renamed over the cache,
under a lock, so two processes can write at once and nobody ever reads half a file; the file
keeps its permissions (atomic_files, shared with footprint's publisher).
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import astuple, dataclass, fields
from datetime import date
from pathlib import Path

from atomic_files import atomic_write_text, writer_lock
from geo.normalize import cache_key

PROVIDERS = ("gazetteer", "nominatim", "manual")
MANUAL = "manual"


class CacheFormatError(ValueError):
    """The cache file is broken; says where, so a person can fix it by hand."""

    def __init__(self, path: Path, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


@dataclass(frozen=True)
class CacheEntry:
    query: str
    country: str
    lat: float
    lon: float
    name: str
    country_code: str
    provider: str
    updated: str
    note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.query, self.country


COLUMNS = tuple(field.name for field in fields(CacheEntry))
REQUIRED_COLUMNS = COLUMNS[:-1]


def entry_key(query: str, country: str | None) -> tuple[str, str]:
    return cache_key(query), (country or "").strip().upper()


def today() -> str:
    return date.today().isoformat()


class GeoCache:
    """Reads the cache once, answers from memory, and merges its writes into the file on disk."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._entries: dict[tuple[str, str], CacheEntry] = read_entries(self.path)
        self._by_query: dict[str, list[CacheEntry]] = {}
        self._index_by_query()

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> list[CacheEntry]:
        return list(self._entries.values())

    def _index_by_query(self) -> None:
        self._by_query = {}
        for entry in self._entries.values():
            self._by_query.setdefault(entry.query, []).append(entry)

    def find(self, query: str, country: str | None = None) -> CacheEntry | None:
        """A manual row for this query (and country) first, then the exact row, then any
        other row for the query in that country, as long as they all agree on the place."""
        key = entry_key(query, country)
        same_query = self._by_query.get(key[0], [])
        if key[1]:
            same_query = [
                entry for entry in same_query if key[1] in (entry.country, entry.country_code)
            ]
        manual = [entry for entry in same_query if entry.provider == MANUAL]
        manual.sort(key=lambda entry: entry.key != key)
        if manual:
            return manual[0]
        exact = self._entries.get(key)
        if exact is not None:
            return exact
        places = {(entry.lat, entry.lon) for entry in same_query}
        return same_query[0] if len(places) == 1 else None

    def store(self, new_entries: Iterable[CacheEntry]) -> None:
        """Merge rows into the file: re-read under lock, keep manual rows, replace atomically."""
        new_entries = list(new_entries)
        if not new_entries:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with writer_lock(self.path):
            entries = merge(read_entries(self.path), new_entries)
            atomic_write_text(self.path, to_csv_text(entries.values()))
        self._entries = entries
        self._index_by_query()


def merge(
    entries: dict[tuple[str, str], CacheEntry], new_entries: Iterable[CacheEntry]
) -> dict[tuple[str, str], CacheEntry]:
    """`entries` updated in place with `new_entries`, except that a manual row is only ever
    replaced by another manual row (a person's newer placement)."""
    for entry in new_entries:
        current = entries.get(entry.key)
        if current is not None and current.provider == MANUAL and entry.provider != MANUAL:
            continue
        entries[entry.key] = entry
    return entries


def to_csv_text(entries: Iterable[CacheEntry]) -> str:
    """The cache file's text: sorted rows, coordinates to 5 decimals (about a metre)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in sorted(entries, key=lambda entry: entry.key):
        row = list(astuple(entry))
        row[2], row[3] = f"{entry.lat:.5f}", f"{entry.lon:.5f}"
        writer.writerow(row)
    return buffer.getvalue()


def parse_entry(path: Path, line: int, values: dict[str, str]) -> CacheEntry:
    """A row given as a mapping (a form, an import), checked like a row of the file."""
    columns = {name: position for position, name in enumerate(COLUMNS)}
    return _parse_row(path, line, columns, [values.get(name, "") or "" for name in COLUMNS])


def read_entries(path: Path) -> dict[tuple[str, str], CacheEntry]:
    """The file's rows by key (empty when there is no file); raises CacheFormatError."""
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8-sig")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            return {}
        columns = _check_header(path, header)
        entries: dict[tuple[str, str], CacheEntry] = {}
        lines: dict[tuple[str, str], int] = {}
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            entry = _parse_row(path, reader.line_num, columns, row)
            previous = entries.get(entry.key)
            if previous is not None:
                if (previous.provider == MANUAL) == (entry.provider == MANUAL):
                    raise CacheFormatError(
                        path,
                        reader.line_num,
                        1,
                        f"duplicate key {entry.key}, already on line {lines[entry.key]}",
                    )
                if previous.provider == MANUAL:
                    continue
            entries[entry.key] = entry
            lines[entry.key] = reader.line_num
    except csv.Error as error:
        raise CacheFormatError(path, reader.line_num, 1, f"malformed CSV: {error}") from error
    return entries


def _check_header(path: Path, header: list[str]) -> dict[str, int]:
    columns = {name.strip(): position for position, name in enumerate(header)}
    for name in REQUIRED_COLUMNS:
        if name not in columns:
            raise CacheFormatError(
                path, 1, len(header) + 1, f"missing column {name!r}; expected {','.join(COLUMNS)}"
            )
    unknown = [name for name in columns if name not in COLUMNS]
    if unknown:
        raise CacheFormatError(path, 1, columns[unknown[0]] + 1, f"unknown column {unknown[0]!r}")
    return columns


def _parse_row(path: Path, line: int, columns: dict[str, int], row: list[str]) -> CacheEntry:
    if len(row) > len(columns):
        raise CacheFormatError(
            path, line, len(columns) + 1, f"{len(row)} fields, expected {len(columns)}"
        )

    absent = sorted(columns[name] for name in REQUIRED_COLUMNS if columns[name] >= len(row))
    if absent:
        name = next(name for name, position in columns.items() if position == absent[0])
        raise CacheFormatError(path, line, absent[0] + 1, f"missing value for {name!r}")

    def cell(name: str) -> str:
        position = columns.get(name)
        return "" if position is None or position >= len(row) else row[position].strip()

    def fail(name: str, message: str) -> CacheFormatError:
        return CacheFormatError(path, line, columns[name] + 1, f"{name}: {message}")

    query = cache_key(cell("query"))
    if not query:
        raise fail("query", "empty")
    country = cell("country").upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise fail("country", f"{country!r} is not an ISO2 code")
    coordinates = []
    for name, limit in (("lat", 90.0), ("lon", 180.0)):
        try:
            value = float(cell(name))
        except ValueError as error:
            raise fail(name, f"{cell(name)!r} is not a number") from error
        if not -limit <= value <= limit:
            raise fail(name, f"{value} is outside [-{limit:g}, {limit:g}]")
        coordinates.append(value)
    country_code = cell("country_code").upper()
    if len(country_code) != 2 or not country_code.isalpha():
        raise fail("country_code", f"{country_code!r} is not an ISO2 code")
    provider = cell("provider").lower()
    if provider not in PROVIDERS:
        raise fail("provider", f"{provider!r} is not one of {', '.join(PROVIDERS)}")
    updated = cell("updated")
    try:
        date.fromisoformat(updated)
    except ValueError as error:
        raise fail("updated", f"{updated!r} is not a YYYY-MM-DD date") from error
    return CacheEntry(
        query,
        country,
        *coordinates,
        cell("name") or query,
        country_code,
        provider,
        updated,
        cell("note"),
    )
