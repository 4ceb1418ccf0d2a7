"""The whole review of one file for one edition: every row's status, the summary, and what the
organizer can still do (place a name by hand, pick among homonyms) before publishing."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from footprint.importer import records
from footprint.importer.checking import RowChecker
from footprint.importer.editions import column_year, edition_of_cell, file_edition, known_editions
from footprint.importer.errors import ImportFileError
from footprint.importer.headers import Columns, columns_for
from footprint.importer.placing import Placer
from footprint.importer.reading import check_size, read_upload
from footprint.importer.rows import (
    AMBIGUOUS,
    DUPLICATE,
    NEEDS_ORGANIZER,
    PLACED,
    REJECTED,
    UNPLACED,
    ImportRow,
)
from geo.continents import continent_of

CONTINENT_CODES = ("continent_mismatch", "unknown_continent")


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


@dataclass
class Review:
    file_name: str
    edition: int
    creates_edition: bool
    year: int | None
    rows: list[ImportRow]
    columns: dict[str, str]  # field → the header as written
    edition_quote: str = ""
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    encoding: str = "utf-8"
    # Line → how its place was set by hand, for the manual geocache rows.
    _set_by_hand: dict[int, str] = field(default_factory=dict, repr=False)

    def row(self, line: int) -> ImportRow:
        for row in self.rows:
            if row.line == line:
                return row
        raise KeyError(f"no row on line {line}")

    @property
    def summary(self) -> dict[str, int]:
        def count(status: str) -> int:
            return sum(row.status == status for row in self.rows)

        return {
            "read": len(self.rows),
            "placed": count(PLACED),
            "duplicates": count(DUPLICATE),
            "rejected": count(REJECTED),
            "unplaced": count(UNPLACED),
            "ambiguous": count(AMBIGUOUS),
            "continent_warnings": sum(
                warning.code in CONTINENT_CODES for row in self.rows for warning in row.warnings
            ),
        }

    @property
    def needs_organizer(self) -> bool:
        """Rows still unplaced or ambiguous: nothing can be published until they are settled."""
        return any(row.status in NEEDS_ORGANIZER for row in self.rows)

    def to_dict(self) -> dict:
        return {
            "file": self.file_name,
            "edition": self.edition,
            "creates_edition": self.creates_edition,
            "rows": [row.to_dict() for row in self.rows],
            "summary": self.summary,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def place(self, line: int, lat: float, lon: float, country: str | None = None) -> ImportRow:
        """Put a row's city where the organizer says; it becomes a manual geocache row."""
        row = self._open_row(line)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"({lat}, {lon}) is not a latitude and longitude")
        if country:
            row.country = country.strip().upper()
        continent = continent_of(row.country)
        if continent is None:
            raise ValueError(f"line {line}: give the city's country (ISO2) to place it")
        row.lat, row.lon, row.status, row.provider = float(lat), float(lon), PLACED, "manual"
        row.place_name, row.continent, row.candidates = row.name, continent, []
        row.warnings = [w for w in row.warnings if w.code not in NEEDS_ORGANIZER]
        self._set_by_hand[line] = f"placed by hand at ({lat:.5f}, {lon:.5f})"
        return row

    def choose(self, line: int, candidate_index: int) -> ImportRow:
        """Pick one of an ambiguous row's candidates; it becomes a manual geocache row."""
        row = self._open_row(line)
        if not 0 <= candidate_index < len(row.candidates):
            raise ValueError(f"line {line} has no candidate {candidate_index}")
        picked = row.candidates[candidate_index]
        row.country = row.country or picked.country
        self.place(line, picked.lat, picked.lon)
        row.place_name = picked.name
        self._set_by_hand[line] = f"picked at import: {picked.label()}"
        return row

    def _open_row(self, line: int) -> ImportRow:
        row = self.row(line)
        if row.status in (REJECTED, DUPLICATE):
            raise ValueError(f"line {line} is {row.status}: it cannot be placed")
        return row

    def cities_rows(
        self, who: str, file_name: str | None = None, when: dt.date | None = None
    ) -> list[dict[str, str]]:
        """cities.csv rows for the edition; refused while a row still needs the organizer."""
        if self.needs_organizer:
            raise ValueError("rows are still unplaced or ambiguous: place or pick them first")
        source = records.import_source(file_name or self.file_name, who, when or _today())
        rows = [
            records.city_record(row, self.edition, source)
            for row in self.rows
            if row.status == PLACED
        ]
        if not rows:  # publishing would empty the edition's list
            raise ValueError(f"no city placed in {self.file_name}: nothing to publish")
        return rows

    def edition_rows(
        self, who: str = "", file_name: str | None = None, when: dt.date | None = None
    ) -> list[dict[str, str]]:
        """editions.csv's row for a new edition; none when the edition exists."""
        if not self.creates_edition:
            return []
        if self.year is None:
            raise ValueError(f"edition {self.edition} is new: give its year")
        source = records.import_source(file_name or self.file_name, who, when or _today())
        return [records.edition_record(self.edition, self.year, source, self.edition_quote)]

    def manual_places(self, who: str = "", when: dt.date | None = None) -> list[dict[str, str]]:
        """geocache.csv `manual` rows for every place set by hand or picked in this review."""
        when = when or _today()
        by = f" by {who}" if who else ""
        return [
            records.manual_record(self.row(line), when, f"{how}{by} ({self.file_name})")
            for line, how in sorted(self._set_by_hand.items())
        ]


def review_upload(
    data: bytes,
    file_name: str,
    *,
    data_folder: Path,
    edition: int | None = None,
    sheet: str | None = None,
    mapping: dict[str, str | None] | None = None,
    year: int | None = None,
) -> Review:
    """Review an uploaded file against a data folder, writing nothing. `edition` wins over the
    file's edition column; `year` is needed only to publish a new edition."""
    raw = read_upload(data, file_name, sheet)
    columns = columns_for(raw.header, file_name, mapping)
    years = known_editions(data_folder)
    chosen, column_given_year, quote = _edition(file_name, columns, raw.rows, years, edition)
    checker = RowChecker(columns, Placer(Path(data_folder) / "geocache.csv"), raw.separator)
    from_column = edition is None
    rows = []
    for line, cells in raw.rows:
        extra = []
        if from_column:
            _, _, rejection = edition_of_cell(
                columns.cell(cells, "edition"), years, columns.name("edition")
            )
            extra = [rejection] if rejection else []
        rows.append(checker.check(line, cells, extra))
    return Review(
        file_name=file_name,
        edition=chosen,
        creates_edition=chosen not in years,
        year=years.get(chosen) or year or column_given_year,
        rows=rows,
        columns={field: columns.name(field) for field in columns.positions},
        edition_quote=quote,
        sheets=raw.sheets,
        sheet=raw.sheet,
        encoding=raw.encoding,
    )


def _edition(
    file_name: str,
    columns: Columns,
    rows: list[tuple[int, list[str]]],
    years: dict[int, int],
    edition: int | None,
) -> tuple[int, int | None, str]:
    if edition is not None:
        if edition < 1:
            raise ImportFileError(
                file_name,
                0,
                "-",
                f"{edition} is not an edition number",
                code="not_an_edition_number",
                edition=edition,
            )
        return edition, column_year(columns, rows), f"edition {edition}, chosen at import"
    if "edition" not in columns.positions:
        raise ImportFileError(
            file_name,
            1,
            "-",
            "no edition column (Édition or Edition): choose the edition for the whole file",
            code="no_edition_column",
        )
    chosen, year, written = file_edition(file_name, columns, rows, years)
    return chosen, year, f"{columns.name('edition')}: {written}"


def review_file(path: Path, **options) -> Review:
    """review_upload for a file on disk; its size is checked before it is read."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(str(path), 0, "-", "file not found", code="file_not_found")
    check_size(path.stat().st_size, path.name)
    return review_upload(path.read_bytes(), path.name, **options)
