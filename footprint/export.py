"""Tables as files a spreadsheet opens safely: CSV and XLSX where a cell from the data is never
run as a formula or followed as a link (CSV injection, OWASP's advice), and where numbers stay
numbers. Every download of the app and the press kit goes through here."""

from __future__ import annotations

import io
import numbers

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# A cell starting with one of these is read as a formula by Excel, LibreOffice or Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MAX_COLUMN_WIDTH = 60
BOLD = Font(bold=True)


def neutralize(value: object) -> object:
    """Text that a spreadsheet would run gets a leading quote, which shows it as typed;
    numbers (a change of -19) are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel opens it with its accents, and no cell that
    runs as a formula."""
    safe = table.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralize)
    # CRLF as RFC 4180 says; it also makes the writer quote a cell holding a lone CR.
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def cell_value(value: object) -> tuple[object, str]:
    """(value, openpyxl data type): `n` for numbers, `s` for everything else, never `f`."""
    if _is_missing(value):
        return None, "n"
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return value.item() if hasattr(value, "item") else value, "n"
    # XML cannot hold control characters: they are dropped, the rest of the text kept.
    return ILLEGAL_CHARACTERS_RE.sub("", str(value)), "s"


def _cell(sheet: WriteOnlyWorksheet, raw: object, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet)
    cell.value, cell.data_type = cell_value(raw)  # the value first: its setter guesses a type
    if font is not None:
        cell.font = font
    return cell


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per table: header row in bold, then the rows, numbers as
    numbers and text as text (the type is set explicitly, so `=HYPERLINK(...)` stays words).
    Written row by row (openpyxl's write-only mode), so a large table is never held twice."""
    workbook = Workbook(write_only=True)
    for title, table in sheets.items():
        sheet = workbook.create_sheet(ILLEGAL_CHARACTERS_RE.sub("", title)[:31])
        for column, header in enumerate(table.columns, start=1):
            longest = max([len(str(header)), *(len(str(v)) for v in table.iloc[:200, column - 1])])
            sheet.column_dimensions[get_column_letter(column)].width = min(
                longest + 2, MAX_COLUMN_WIDTH
            )
        sheet.freeze_panes = "A2"
        sheet.append([_cell(sheet, header, BOLD) for header in table.columns])
        for values in table.itertuples(index=False):
            sheet.append([_cell(sheet, raw) for raw in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
