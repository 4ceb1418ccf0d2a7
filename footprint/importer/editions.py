"""Which edition a file is for: chosen for the whole file, or read from its edition column,
where a four-digit value is a year matched to that year's edition in editions.csv."""

from __future__ import annotations

import re
from pathlib import Path

from footprint.data import DataError, read_table
from footprint.importer.errors import ImportFileError
from footprint.importer.headers import Columns
from footprint.importer.rows import Warning
from footprint.importer.values import clean

_NUMBER = re.compile(r"\d{1,4}")


def known_editions(data_folder: Path) -> dict[int, int]:
    """Edition → year, from the data folder's editions.csv (empty when there is none)."""
    path = Path(data_folder) / "editions.csv"
    if not path.is_file():
        return {}
    try:
        table = read_table(path)
    except DataError as error:
        problem = error.problems[0]
        raise ImportFileError(
            str(problem.path),
            problem.line,
            problem.column,
            problem.message,
            code="data_file_broken",
            detail=problem.message,
        ) from error
    years: dict[int, int] = {}
    for _, values in table.rows:
        edition, year = values.get("edition", ""), values.get("year", "")
        if edition.isdigit() and year.isdigit():
            years.setdefault(int(edition), int(year))
    return years


def edition_of_cell(
    text: str, years: dict[int, int], column: str
) -> tuple[int | None, int | None, Warning | None]:
    """(edition, year, rejection) for one edition cell; (None, None, None) when it is empty."""
    text = clean(text)
    if not text:
        return None, None, None
    if not _NUMBER.fullmatch(text):
        return (
            None,
            None,
            Warning("bad_edition", f"{text!r} is not an edition number or a year", column),
        )
    number = int(text)
    if len(text) < 4:
        return number, years.get(number), None
    editions = sorted(edition for edition, year in years.items() if year == number)
    if len(editions) == 1:
        return editions[0], number, None
    reason = "no edition" if not editions else f"editions {editions}"
    return (
        None,
        number,
        Warning(
            "unknown_year",
            f"{number} is a year, and editions.csv has {reason} that year: "
            "choose the edition for the whole file",
            column,
        ),
    )


def file_edition(
    file_name: str,
    columns: Columns,
    rows: list[tuple[int, list[str]]],
    years: dict[int, int],
) -> tuple[int, int | None, str]:
    """The one edition the column names (and its year, and the cell as quoted); refuses a file
    with no edition or with several."""
    column = columns.name("edition")
    found: dict[int, tuple[int, int | None, str]] = {}
    first_rejection: tuple[int, Warning, str] | None = None
    for line, cells in rows:
        edition, year, rejection = edition_of_cell(columns.cell(cells, "edition"), years, column)
        if edition is not None and rejection is None:
            found.setdefault(edition, (line, year, clean(columns.cell(cells, "edition"))))
        elif rejection is not None and first_rejection is None:
            first_rejection = (line, rejection, clean(columns.cell(cells, "edition")))
    if not found and first_rejection is not None:
        raise _no_edition_named(file_name, column, *first_rejection)
    if not found:
        raise ImportFileError(
            file_name,
            1,
            column,
            "no edition in the file: choose the edition for the whole file",
            code="no_edition_in_column",
        )
    if len(found) > 1:
        first, second = sorted(found.items(), key=lambda item: item[1][0])[:2]
        raise ImportFileError(
            file_name,
            second[1][0],
            column,
            f"edition {second[0]} here, edition {first[0]} on line {first[1][0]}: import one "
            "edition at a time, or choose the edition for the whole file",
            code="several_editions",
            edition=second[0],
            other_edition=first[0],
            other_line=first[1][0],
        )
    edition, (_, year, written) = next(iter(found.items()))
    return edition, year, written


def _no_edition_named(
    file_name: str, column: str, line: int, rejection: Warning, text: str
) -> ImportFileError:
    """A file whose edition cells name no edition, refused at the first cell that could not:
    a year no edition matches, or text that is neither."""
    if rejection.code == "unknown_year":
        return ImportFileError(
            file_name,
            line,
            column,
            rejection.message,
            code="year_without_edition",
            year=int(text),
        )
    return ImportFileError(
        file_name, line, column, rejection.message, code="bad_edition_cell", value=text
    )


def column_year(columns: Columns, rows: list[tuple[int, list[str]]]) -> int | None:
    """The year an edition column gives, when every four-digit value in it agrees."""
    if "edition" not in columns.positions:
        return None
    years = {
        int(text)
        for _, cells in rows
        if len(text := clean(columns.cell(cells, "edition"))) == 4 and text.isdigit()
    }
    return years.pop() if len(years) == 1 else None
