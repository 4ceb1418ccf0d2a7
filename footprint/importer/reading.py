"""Files to raw rows: CSV as organizers' Excel writes it, or a sheet of an XLSX or ODS workbook.

Everything is bounded before work starts: the upload's size, a workbook's unpacked size (read
from the zip directory, before anything is inflated) and the number of rows, so a huge or hostile
file is refused in milliseconds with a message instead of filling the memory.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field

from footprint.importer.errors import ImportFileError

MAX_FILE_BYTES = 10_000_000
MAX_ROWS = 20_000
SEPARATORS = (";", ",", "\t")
# Lead and continuation bytes of a UTF-8 sequence: text that fails as UTF-8 but holds these
# mixes two encodings, and reading it as Windows-1252 would garble its accents ("Ã©").
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_SEPARATOR_HINT = re.compile(r"sep=([;,\t|])\r?\n")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class RawSheet:
    """A file's header and rows as written, each row with its line (header = line 1)."""

    file_name: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    separator: str
    encoding: str = "utf-8"
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)


def check_size(size: int, file_name: str) -> None:
    if size > MAX_FILE_BYTES:
        size_mb, limit_mb = round(size / 1e6, 1), MAX_FILE_BYTES // 1_000_000
        raise ImportFileError(
            file_name,
            0,
            "-",
            f"the file is {size_mb:.1f} MB, more than the {limit_mb} MB an import accepts: "
            "split the list",
            code="file_too_large",
            size_mb=size_mb,
            limit_mb=limit_mb,
        )


def too_many_rows(file_name: str, line: int) -> ImportFileError:
    return ImportFileError(
        file_name,
        line,
        "-",
        f"more than {MAX_ROWS:,} rows: split the list into smaller files",
        code="too_many_rows",
        limit=MAX_ROWS,
    )


def read_upload(data: bytes, file_name: str, sheet: str | None = None) -> RawSheet:
    """The raw rows of an uploaded file, whatever its format (told by its bytes, not its name)."""
    check_size(len(data), file_name)
    if data.startswith(_ZIP_MAGIC):
        from footprint.importer.spreadsheets import read_workbook

        return read_workbook(data, file_name, sheet)
    if data.startswith(_OLE_MAGIC):
        raise ImportFileError(
            file_name,
            0,
            "-",
            "an old Excel file (.xls): save it as .xlsx or as CSV UTF-8",
            code="old_excel",
        )
    if sheet is not None:
        raise ImportFileError(
            file_name,
            0,
            "-",
            f"a CSV file has no sheets (asked for {sheet!r})",
            code="csv_has_no_sheets",
            sheet=sheet,
        )
    return read_csv(data, file_name)


def list_sheets(data: bytes, file_name: str) -> list[str]:
    """The sheets of a workbook, in order; empty for a CSV file."""
    check_size(len(data), file_name)
    if not data.startswith(_ZIP_MAGIC):
        return []
    from footprint.importer.spreadsheets import workbook_sheets

    return workbook_sheets(data, file_name)


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def decode_text(data: bytes, file_name: str) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (BOM or not), UTF-16 with a BOM, or Windows-1252;
    anything else is refused with its line rather than shown garbled."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise ImportFileError(
                file_name,
                0,
                "-",
                "broken UTF-16 text: save the file as CSV UTF-8",
                code="broken_utf16",
            ) from error
    if b"\x00" in data[:4096]:
        raise ImportFileError(
            file_name, 0, "-", "not a text file: save the list as CSV or XLSX", code="not_text"
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        line = _line_of(data, error.start)
        if _UTF8_SEQUENCE.search(data):
            raise ImportFileError(
                file_name,
                line,
                "-",
                "the file mixes UTF-8 with another encoding: save it again as CSV UTF-8",
                code="mixed_encodings",
            ) from error
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as error:
        byte = f"0x{data[error.start]:02X}"
        raise ImportFileError(
            file_name,
            _line_of(data, error.start),
            "-",
            f"neither UTF-8 nor Windows-1252 text (byte {byte}): save the file as CSV UTF-8",
            code="unknown_encoding",
            byte=byte,
        ) from error


def sniff_separator(text: str) -> str:
    """The separator the header line uses most: `;` from French Excel, `,` or a tab."""
    header = text.split("\n", 1)[0]
    return max(SEPARATORS, key=header.count)


def read_csv(data: bytes, file_name: str) -> RawSheet:
    text, encoding = decode_text(data, file_name)
    next_line = 1
    hint = _SEPARATOR_HINT.match(text)
    if hint:  # Excel's `sep=;` first line: the separator is said, the header is the next line
        separator, text, next_line = hint.group(1), text[hint.end() :], 2
    else:
        separator = sniff_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    first_line = next_line
    try:
        for cells in reader:
            line, next_line = next_line, first_line + reader.line_num
            if header is None:
                header = cells
                continue
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise too_many_rows(file_name, line)
            rows.append((line, cells))
    except csv.Error as error:
        raise ImportFileError(
            file_name,
            next_line,
            "-",
            f"malformed CSV: {error}",
            code="malformed_csv",
            detail=str(error),
        ) from error
    if not header or not any(cell.strip() for cell in header):
        raise ImportFileError(
            file_name, first_line, "-", "the first line must name the columns", code="no_header"
        )
    return RawSheet(file_name, header, rows, separator, encoding)
