"""XLSX and ODS sheets to raw rows, after checking the zip directory: a workbook that would
unpack to more than the cap is refused before a single byte is inflated (zip bombs).

Formulas are read as their text (`=1+1`), never evaluated, so the review can reject them.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from xml.parsers.expat import ExpatError

from footprint.importer.errors import ImportFileError
from footprint.importer.reading import MAX_ROWS, RawSheet, too_many_rows

MAX_UNPACKED_BYTES = 40_000_000
MAX_MEMBERS = 1_000
MAX_COLUMNS = 200
# Empty lines are skipped, not counted as rows; past this many lines the sheet is refused anyway.
MAX_LINES = 5 * MAX_ROWS
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# What a damaged workbook makes the readers raise: zip, XML and openpyxl's own value errors.
_BROKEN = (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, ExpatError, OSError)


def _archive(data: bytes, file_name: str) -> zipfile.ZipFile:
    """The zip, once its directory shows it unpacks to a bounded size. zipfile never inflates a
    member past the size its directory declares, so the check holds for lying archives too."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ImportFileError(
            file_name, 0, "-", "a damaged XLSX or ODS file", code="damaged_zip"
        ) from error
    members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES:
        unpacked_mb, limit_mb = round(unpacked / 1e6, 1), MAX_UNPACKED_BYTES // 1_000_000
        raise ImportFileError(
            file_name,
            0,
            "-",
            f"the workbook unpacks to {unpacked_mb:.1f} MB in {len(members)} parts, more "
            f"than the {limit_mb} MB an import accepts",
            code="workbook_too_large",
            unpacked_mb=unpacked_mb,
            parts=len(members),
            limit_mb=limit_mb,
            max_parts=MAX_MEMBERS,
        )
    return archive


def _kind(archive: zipfile.ZipFile, file_name: str) -> str:
    names = set(archive.namelist())
    if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
        return "ods"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise ImportFileError(
        file_name,
        0,
        "-",
        "a zip file that is neither an XLSX nor an ODS sheet",
        code="not_a_spreadsheet",
    )


def workbook_sheets(data: bytes, file_name: str) -> list[str]:
    archive = _archive(data, file_name)
    try:
        if _kind(archive, file_name) == "xlsx":
            return list(_open_xlsx(data, file_name).sheetnames)
        return [_ods_name(table) for table in _ods_tables(data, file_name)]
    except ImportFileError:
        raise
    except _BROKEN as error:
        raise _damaged(file_name, error) from error


def read_workbook(data: bytes, file_name: str, sheet: str | None) -> RawSheet:
    archive = _archive(data, file_name)
    try:
        if _kind(archive, file_name) == "xlsx":
            return _read_xlsx(data, file_name, sheet)
        return _read_ods(data, file_name, sheet)
    except ImportFileError:
        raise
    except _BROKEN as error:
        raise _damaged(file_name, error) from error


def _damaged(file_name: str, error: Exception) -> ImportFileError:
    """The reader's own first line says what broke, for whoever looks into the file."""
    lines = str(error).strip().splitlines() or [type(error).__name__]
    return ImportFileError(
        file_name,
        0,
        "-",
        f"a damaged workbook: {lines[0]}",
        code="damaged_workbook",
        detail=lines[0],
    )


def _pick(names: list[str], sheet: str | None, file_name: str) -> str:
    if not names:
        raise ImportFileError(file_name, 0, "-", "the workbook has no sheet", code="no_sheet")
    if sheet is None:
        return names[0]
    if sheet not in names:
        raise ImportFileError(
            file_name,
            0,
            "-",
            f"no sheet {sheet!r}; the sheets are: {', '.join(names)}",
            code="unknown_sheet",
            sheet=sheet,
            sheets=names,
        )
    return sheet


def cell_text(value: object) -> str:
    """A cell as the organizer sees it: 2 not 2.0, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def _too_many_lines(file_name: str, line: int) -> ImportFileError:
    return ImportFileError(
        file_name,
        line,
        "-",
        f"more than {MAX_LINES:,} lines",
        code="too_many_lines",
        limit=MAX_LINES,
    )


def _collect(lines: Iterator[tuple[int, list[str]]], file_name: str) -> tuple[list, list]:
    """Header (line 1) and the non-empty rows, stopping at the row and line caps."""
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    for line, cells in lines:
        if line == 1:
            header = cells
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if line > MAX_LINES:
            raise _too_many_lines(file_name, line)
        if len(rows) >= MAX_ROWS:
            raise too_many_rows(file_name, line)
        rows.append((line, cells))
    if not any(cell.strip() for cell in header):
        raise ImportFileError(
            file_name, 1, "-", "the first row must name the columns", code="no_header"
        )
    return header, rows


def _open_xlsx(data: bytes, file_name: str):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data), read_only=True, data_only=False)


def _read_xlsx(data: bytes, file_name: str, sheet: str | None) -> RawSheet:
    workbook = _open_xlsx(data, file_name)
    try:
        names = list(workbook.sheetnames)
        chosen = _pick(names, sheet, file_name)
        worksheet = workbook[chosen]
        worksheet.reset_dimensions()  # trust the rows present, not a declared A1:XFD1048576

        def lines() -> Iterator[tuple[int, list[str]]]:
            for line, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if line > MAX_LINES:  # a far-away cell makes openpyxl yield every row between
                    raise _too_many_lines(file_name, line)
                yield line, [cell_text(value) for value in cells[:MAX_COLUMNS]]

        header, rows = _collect(lines(), file_name)
    finally:
        workbook.close()
    return RawSheet(file_name, header, rows, "; ", "xlsx", tuple(names), chosen)


def _ods_tables(data: bytes, file_name: str) -> list:
    from odf.opendocument import load
    from odf.table import Table

    return load(io.BytesIO(data)).spreadsheet.getElementsByType(Table)


def _ods_name(table) -> str:
    return str(table.getAttribute("name"))


def _ods_cell(cell) -> str:
    from odf import teletype
    from odf.text import P

    formula = cell.getAttribute("formula")
    if formula:
        return "=" + formula.split(":", 1)[-1].lstrip("=")
    kind = cell.getAttribute("valuetype")
    if kind in ("float", "percentage", "currency"):
        return cell_text(float(cell.getAttribute("value")))
    if kind == "date":
        return cell.getAttribute("datevalue")
    return "\n".join(teletype.extractText(part) for part in cell.getElementsByType(P))


def _ods_row_cells(row) -> list[str]:
    """A row's cells, repeated cells expanded only while they hold text and up to the cap."""
    cells: list[str] = []
    for cell in row.childNodes:
        if cell.qname[1] not in ("table-cell", "covered-table-cell"):
            continue
        text = _ods_cell(cell)
        repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
        cells.extend([text] * min(repeat if text else 1, MAX_COLUMNS - len(cells)))
        if len(cells) >= MAX_COLUMNS:
            break
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _read_ods(data: bytes, file_name: str, sheet: str | None) -> RawSheet:
    from odf.table import TableRow

    tables = _ods_tables(data, file_name)
    names = [_ods_name(table) for table in tables]
    chosen = _pick(names, sheet, file_name)
    table = tables[names.index(chosen)]

    def lines() -> Iterator[tuple[int, list[str]]]:
        line = 1
        for row in table.getElementsByType(TableRow):
            cells = _ods_row_cells(row)
            repeat = int(row.getAttribute("numberrowsrepeated") or 1)
            for offset in range(repeat if cells else 1):
                yield line + offset, cells
            line += repeat

    header, rows = _collect(lines(), file_name)
    return RawSheet(file_name, header, rows, "; ", "ods", tuple(names), chosen)
