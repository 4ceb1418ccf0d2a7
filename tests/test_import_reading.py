"""Reading organizers' files: encodings, separators, line numbers, sheets, and every cap."""

import io
import zipfile

import pytest

from footprint.importer import ImportFileError, list_sheets
from footprint.importer.reading import MAX_FILE_BYTES, MAX_ROWS, read_upload
from footprint.importer.spreadsheets import MAX_UNPACKED_BYTES
from tests.import_fixtures.support import CP1252_CSV, FRENCH_CSV, ods_bytes, xlsx_bytes


def refused(data: bytes, name: str = "liste.csv", **options) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        read_upload(data, name, **options)
    return caught.value


def test_french_excel_csv_keeps_file_lines_and_raw_cells():
    raw = FRENCH_CSV.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # as Excel writes it
    sheet = read_upload(raw, FRENCH_CSV.name)
    assert sheet.header == ["Édition", "Ville", "Pays", "Continent", "Rôle"]
    assert sheet.separator == ";" and sheet.encoding == "utf-8"
    lines = dict(sheet.rows)
    assert lines[2] == ["8", "Casablanca", "Maroc", "Afrique", "Ville hôte"]
    assert lines[7][1] == "Paris\u00a0"  # as written; the review trims it
    assert lines[21][1] == ""
    assert max(lines) == 24


@pytest.mark.parametrize("separator", [",", "\t", ";"])
def test_separators(separator):
    data = separator.join(["Ville", "Pays"]).encode() + b"\nRabat" + separator.encode() + b"MA\n"
    assert read_upload(data, "l.csv").rows == [(2, ["Rabat", "MA"])]


def test_a_quoted_cell_on_two_lines_keeps_the_next_rows_line_numbers():
    data = b'Ville;Note\r\nRabat;"deux\r\nlignes"\r\n\r\nTanger;x\r\n'
    assert [line for line, _ in read_upload(data, "l.csv").rows] == [2, 5]


def test_windows_1252_is_read_not_garbled():
    sheet = read_upload(CP1252_CSV.read_bytes(), CP1252_CSV.name)
    assert sheet.encoding == "windows-1252"
    assert [cells[0] for _, cells in sheet.rows] == ["Québec", "São Paulo", "Zürich", "Genève"]


def test_utf16_with_bom_as_excel_unicode_text():
    data = "Ville\tPays\r\nFès\tMaroc\r\n".encode("utf-16")
    assert read_upload(data, "l.txt").rows == [(2, ["Fès", "Maroc"])]


def test_mixed_encodings_are_refused_with_their_line():
    data = "Ville\nQuébec\n".encode() + "Genève\n".encode("cp1252")
    error = refused(data)
    assert str(error) == (
        "liste.csv:3: -: the file mixes UTF-8 with another encoding: save it again as CSV UTF-8"
    )


def test_bytes_that_are_not_windows_1252_are_refused():
    assert str(refused(b"Ville\nA\x81b\n")) == (
        "liste.csv:2: -: neither UTF-8 nor Windows-1252 text (byte 0x81): "
        "save the file as CSV UTF-8"
    )


def test_binary_and_old_excel_files_are_refused():
    assert refused(b"\x00\x01binary").message == ("not a text file: save the list as CSV or XLSX")
    assert refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "l.xls").message == (
        "an old Excel file (.xls): save it as .xlsx or as CSV UTF-8"
    )


def test_an_empty_header_line_is_refused():
    assert str(refused(b";;\nRabat;MA\n")) == (
        "liste.csv:1: -: the first line must name the columns"
    )


def test_upload_over_the_size_cap_is_refused_before_reading():
    error = refused(b"x" * (MAX_FILE_BYTES + 500_000))
    assert error.message == (
        "the file is 10.5 MB, more than the 10 MB an import accepts: split the list"
    )


def test_a_million_row_csv_stops_at_the_row_cap():
    data = b"Ville\n" + b"a\n" * 1_000_000
    error = refused(data)
    assert (error.line, error.message) == (
        MAX_ROWS + 2,
        f"more than {MAX_ROWS:,} rows: split the list into smaller files",
    )


def test_a_zip_bomb_disguised_as_xlsx_is_refused_from_its_directory():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (MAX_UNPACKED_BYTES + 1))
    data = buffer.getvalue()
    assert len(data) < 100_000  # tiny on the wire
    error = refused(data, "liste.xlsx")
    assert error.message == (
        "the workbook unpacks to 40.0 MB in 2 parts, more than the 40 MB an import accepts"
    )


def test_a_zip_that_is_no_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", b"hello")
    assert refused(buffer.getvalue(), "l.xlsx").message == (
        "a zip file that is neither an XLSX nor an ODS sheet"
    )


def test_xlsx_first_sheet_by_default_and_sheet_by_name():
    rows = [["Ville", "Pays"], ["Rabat", "Maroc"], [], ["=1+1", "MA"]]
    data = xlsx_bytes(rows, before=("Notes",))
    assert list_sheets(data, "l.xlsx") == ["Notes", "Liste"]
    assert read_upload(data, "l.xlsx").header == ["autre chose"]
    sheet = read_upload(data, "l.xlsx", sheet="Liste")
    assert sheet.sheet == "Liste" and sheet.sheets == ("Notes", "Liste")
    assert sheet.rows == [(2, ["Rabat", "Maroc"]), (4, ["=1+1", "MA"])]  # formula as text


def test_unknown_sheet_lists_the_sheets():
    data = xlsx_bytes([["Ville"], ["Rabat"]], before=("Notes",))
    assert refused(data, "l.xlsx", sheet="2024").message == (
        "no sheet '2024'; the sheets are: Notes, Liste"
    )


def test_xlsx_numbers_read_as_written():
    sheet = read_upload(xlsx_bytes([["Édition", "Ville"], ["8", "Rabat"]]), "l.xlsx")
    assert sheet.rows == [(2, ["8", "Rabat"])]


def test_ods_rows_formulas_and_sheets():
    data = ods_bytes([["Édition", "Ville"], ["8", "Rabat"], ["8", "=1+1"]], sheet="Villes")
    assert list_sheets(data, "l.ods") == ["Villes"]
    sheet = read_upload(data, "l.ods")
    assert sheet.rows == [(2, ["8", "Rabat"]), (3, ["8", "=1+1"])]


def test_csv_has_no_sheets():
    assert list_sheets(b"Ville\nRabat\n", "l.csv") == []
    assert refused(b"Ville\nRabat\n", sheet="x").message == (
        "a CSV file has no sheets (asked for 'x')"
    )


def test_a_damaged_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", b"<not really")
    error = refused(buffer.getvalue(), "l.xlsx")
    assert (error.line, error.column) == (0, "-")
    assert error.message.startswith("a damaged workbook: ")


def test_ods_repeated_rows_keep_line_numbers_and_caps():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    def row(text, repeated=1):
        element = TableRow(numberrowsrepeated=repeated)
        if text:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=text))
            element.addElement(cell)
        else:
            element.addElement(TableCell(numbercolumnsrepeated=1024))
        return element

    def ods(*rows):
        document = OpenDocumentSpreadsheet()
        table = Table(name="Liste")
        for element in rows:
            table.addElement(element)
        document.spreadsheet.addElement(table)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    data = ods(row("Ville"), row("", 3), row("Rabat", 2), row("", 1_048_000))
    assert read_upload(data, "l.ods").rows == [(5, ["Rabat"]), (6, ["Rabat"])]
    error = refused(ods(row("Ville"), row("Rabat", 1_000_000)), "l.ods")
    assert (error.line, error.message) == (
        MAX_ROWS + 2,
        f"more than {MAX_ROWS:,} rows: split the list into smaller files",
    )


ENTITIES = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


def with_entities(data: bytes, member: str) -> bytes:
    """The workbook with an entity-expansion (billion laughs) preamble in one of its XML parts."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in source.namelist():
            body = source.read(name)
            if name == member:
                if body.startswith(b"<?xml"):
                    body = body.split(b"?>", 1)[1]
                body = ENTITIES + body.replace(b"Rabat", b"&lol2;")
            archive.writestr(name, body)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (with_entities(xlsx_bytes([["Ville"], ["Rabat"]]), "xl/worksheets/sheet1.xml"), "l.xlsx"),
        (with_entities(ods_bytes([["Ville"], ["Rabat"]]), "content.xml"), "l.ods"),
    ],
)
def test_xml_entities_in_a_workbook_are_refused(data, name):
    error = refused(data, name)
    assert error.message.startswith("a damaged workbook: ") and "\n" not in error.message


def test_excel_separator_line_is_followed():
    sheet = read_upload(b"sep=,\r\nVille,Pays\r\nRabat,MA\r\n", "l.csv")
    assert (sheet.header, sheet.rows, sheet.separator) == (
        ["Ville", "Pays"],
        [(3, ["Rabat", "MA"])],
        ",",
    )
