"""Load and validate the data folder (editions, cities, figures).

Every problem is collected before anything is reported, so an organizer fixing a file sees
all of them at once, each as `file:line: column: what is wrong`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pycountry

from footprint.schema import CITIES, EDITIONS, FIGURES, SOURCES, Column, FileSchema
from geo.continents import normalize_continent

DATA_DIR_ENV = "FOOTPRINT_DATA_DIR"
BUNDLED_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_dir() -> Path:
    """The data folder: `$FOOTPRINT_DATA_DIR` if set (tests, organizers' own data), else `data/`."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(configured) if configured else BUNDLED_DATA_DIR


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.column}: {self.message}"


class DataError(ValueError):
    """Raised with every problem found, so they can all be shown together."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Dataset:
    folder: Path
    editions: pd.DataFrame
    cities: pd.DataFrame
    figures: pd.DataFrame
    sources: pd.DataFrame  # empty when the folder has no sources.csv


@dataclass(frozen=True)
class _Table:
    """A CSV file's rows as text, each with the line it starts on."""

    path: Path
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def decode_csv_text(path: Path, raw: bytes) -> str:
    """UTF-8 text, with or without the BOM that Excel writes."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            [Problem(path, line, "-", "not UTF-8 text: save the file as 'CSV UTF-8'")]
        ) from error


def sniff_separator(text: str) -> str:
    """`;` for files saved by French-language Excel, `,` otherwise."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def read_table(path: Path) -> _Table:
    if not path.is_file():
        raise DataError([Problem(path, 0, "-", "file not found")])
    text = decode_csv_text(path, path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(text))
    header = [name.strip() for name in next(reader, [])]
    rows: list[tuple[int, dict[str, str]]] = []
    problems: list[Problem] = []
    next_line = reader.line_num + 1
    for cells in reader:
        line, next_line = next_line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                Problem(path, line, "-", f"expected {len(header)} fields, found {len(cells)}")
            )
            continue
        rows.append((line, {name: cell.strip() for name, cell in zip(header, cells, strict=True)}))
    if problems:
        raise DataError(problems)
    return _Table(path, header, rows)


def _check_cell(column: Column, text: str) -> str | None:
    """What is wrong with one cell, or None."""
    if not text:
        return "required value is empty" if column.required else None
    if column.kind in ("int", "edition") and not text.isdigit():
        return f"{text!r} is not a whole number"
    if column.kind == "date":
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return f"{text!r} is not a date (YYYY-MM-DD)"
        if len(text) != 10:
            return f"{text!r} is not a date (YYYY-MM-DD)"
    if column.kind == "iso2" and (len(text) != 2 or pycountry.countries.get(alpha_2=text) is None):
        return f"{text!r} is not an ISO 3166-1 alpha-2 country code"
    if column.kind == "choice" and text not in column.choices:
        return f"{text!r} is not one of: {', '.join(column.choices)}"
    if column.kind == "editions" and parse_editions(text) is None:
        return f"{text!r} is not an edition (e.g. 2) or a span of editions (e.g. 1-2)"
    if column.kind == "continent" and normalize_continent(text) is None:
        return f"{text!r} is not a continent"
    return None


def parse_editions(text: str) -> tuple[int, ...] | None:
    """`2` → (2,), `1-2` → (1, 2): a figure stated for several editions together."""
    first, sep, last = text.partition("-")
    if not first.isdigit() or (sep and not last.isdigit()):
        return None
    start = int(first)
    end = int(last) if sep else start
    if sep and end <= start:
        return None
    return tuple(range(start, end + 1))


def _validate(table: _Table, schema: FileSchema) -> list[Problem]:
    missing = [
        column.name
        for column in schema.columns
        if column.name not in table.header and not column.optional
    ]
    if missing:
        return [Problem(table.path, 1, name, "missing column") for name in missing]
    problems = []
    first_seen: dict[tuple[str, ...], int] = {}
    for line, values in table.rows:
        for column in schema.columns:
            message = _check_cell(column, values.get(column.name, ""))
            if message:
                problems.append(Problem(table.path, line, column.name, message))
        key = tuple(values[name].casefold() for name in schema.unique_key)
        if key in first_seen:
            problems.append(Problem(table.path, line, "-", f"duplicate of line {first_seen[key]}"))
        else:
            first_seen[key] = line
    return problems


def _check_edition_dates(table: _Table) -> list[Problem]:
    problems = []
    for line, values in table.rows:
        start, end, year = values["start_date"], values["end_date"], values["year"]
        try:
            start_date = dt.date.fromisoformat(start) if start else None
            end_date = dt.date.fromisoformat(end) if end else None
        except ValueError:
            continue  # already reported as a bad date
        if start_date and end_date and end_date < start_date:
            problems.append(Problem(table.path, line, "end_date", f"{end} is before {start}"))
        if start_date and year.isdigit() and start_date.year != int(year):
            problems.append(Problem(table.path, line, "year", f"{year} but start_date is {start}"))
    return problems


def _check_edition_references(
    table: _Table, column: str, known: set[int], editions_path: Path
) -> list[Problem]:
    problems = []
    for line, values in table.rows:
        numbers = parse_editions(values[column]) or ()
        for number in sorted(set(numbers) - known):
            problems.append(
                Problem(
                    table.path, line, column, f"edition {number} is not in {editions_path.name}"
                )
            )
    return problems


def _frame(table: _Table, schema: FileSchema) -> pd.DataFrame:
    """The validated rows with explicit dtypes, plus `line` to point back at the file."""
    records = [{"line": line, **values} for line, values in table.rows]
    frame = pd.DataFrame.from_records(records, columns=["line", *table.header])
    frame["line"] = frame["line"].astype("int64")
    for column in schema.columns:
        if column.name not in frame.columns:
            frame[column.name] = ""  # an optional column the file leaves out
        text = frame[column.name].astype("string")
        if column.kind in ("int", "edition"):
            frame[column.name] = pd.to_numeric(text.replace("", pd.NA)).astype("Int64")
        elif column.kind == "date":
            frame[column.name] = pd.to_datetime(text.replace("", pd.NA), format="%Y-%m-%d")
        else:
            frame[column.name] = text
    return frame


def check_dataset(folder: Path) -> list[Problem]:
    """Every problem in the data folder; empty when it is valid."""
    try:
        load_dataset(folder)
    except DataError as error:
        return error.problems
    return []


def load_dataset(folder: Path | None = None) -> Dataset:
    """Read and validate the files (sources.csv is optional); raise DataError listing every
    problem."""
    folder = Path(folder) if folder is not None else data_dir()
    tables: dict[str, _Table] = {}
    problems: list[Problem] = []
    for schema in (EDITIONS, CITIES, FIGURES, SOURCES):
        if schema is SOURCES and not (folder / schema.name).is_file():
            continue
        try:
            table = read_table(folder / schema.name)
        except DataError as error:
            problems.extend(error.problems)
            continue
        table_problems = _validate(table, schema)
        problems.extend(table_problems)
        if not any(problem.message == "missing column" for problem in table_problems):
            tables[schema.name] = table
    editions = tables.get(EDITIONS.name)
    if editions is not None:
        problems.extend(_check_edition_dates(editions))
        known = {
            int(values["edition"]) for _, values in editions.rows if values["edition"].isdigit()
        }
        for schema, column in ((CITIES, "edition"), (FIGURES, "editions")):
            if schema.name in tables:
                problems.extend(
                    _check_edition_references(tables[schema.name], column, known, editions.path)
                )
    if problems:
        raise DataError(problems)
    return Dataset(
        folder=folder,
        editions=_frame(tables[EDITIONS.name], EDITIONS),
        cities=_frame(tables[CITIES.name], CITIES),
        figures=_frame(tables[FIGURES.name], FIGURES),
        sources=_frame(
            tables.get(SOURCES.name, _Table(folder / SOURCES.name, list(SOURCES.column_names), [])),
            SOURCES,
        ),
    )
