"""Safe spreadsheet exports: text from the data never runs as a formula or a link, in CSV or
XLSX, and numbers stay numbers."""

import csv
import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from footprint.export import FORMULA_TRIGGERS, csv_bytes, neutralize, xlsx_bytes

HOSTILE = '=HYPERLINK("http://example.invalid","x")'


def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Ville": [HOSTILE, "Paris", "+33 1", "@SUM(A1)", "-2+3", "\tTab", "\rCR", None],
            "Première édition": pd.array([2, 2, 3, 3, 2, 2, 2, None], dtype="Int64"),
            "lat": [33.5, 48.85, 1.0, 2.0, 3.0, 4.0, 5.0, float("nan")],
            "Écart": [-19, 4, 0, 1, 2, 3, 4, 5],
        }
    )


@pytest.mark.parametrize("start", FORMULA_TRIGGERS)
def test_text_that_a_spreadsheet_would_run_gets_a_quote(start):
    assert neutralize(f"{start}1+1") == f"'{start}1+1"


def test_plain_text_and_numbers_are_left_alone():
    assert neutralize("Casablanca") == "Casablanca"
    assert neutralize(-19) == -19
    assert neutralize("Saint-Louis") == "Saint-Louis"  # a dash inside is harmless


def test_csv_prefixes_dangerous_text_but_not_negative_numbers():
    text = csv_bytes(table()).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads the accents
    header, *rows = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    assert header == ["Ville", "Première édition", "lat", "Écart"]
    assert [row[0] for row in rows[:7]] == [
        "'" + HOSTILE,
        "Paris",
        "'+33 1",
        "'@SUM(A1)",
        "'-2+3",
        "'\tTab",
        "'\rCR",
    ]
    assert rows[0][3] == "-19"
    assert not any(row[0].startswith(FORMULA_TRIGGERS) for row in rows)


def _sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )


def test_xlsx_keeps_numbers_as_numbers_and_text_as_text():
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes({"Villes": table()})))
    sheet = workbook["Villes"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["Ville", "Première édition", "lat", "Écart"]
    first = sheet[2]
    assert (first[0].value, first[0].data_type) == (HOSTILE, "s")
    assert (first[1].value, first[1].data_type) == (2, "n")
    assert (first[2].value, first[2].data_type) == (33.5, "n")
    assert (first[3].value, first[3].data_type) == (-19, "n")
    last = sheet[9]
    assert last[0].value is None and last[1].value is None and last[2].value is None


def test_xlsx_has_no_formula_and_no_link_anywhere():
    data = xlsx_bytes({"Villes": table()})
    xml = _sheet_xml(data)
    assert "<f>" not in xml and "<f " not in xml
    assert "hyperlink" not in xml.replace("HYPERLINK(", "")  # only the literal text
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for row in workbook["Villes"].iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            assert cell.hyperlink is None


def test_xlsx_drops_characters_xml_cannot_hold():
    data = xlsx_bytes({"Villes": pd.DataFrame({"Ville": ["Ab\x00\x07idjan"]})})
    assert openpyxl.load_workbook(io.BytesIO(data))["Villes"]["A2"].value == "Abidjan"
