"""The import tests' files: the committed CSV fixtures, the same list as XLSX and ODS made here,
and a small data folder of our own so the bundled data's changes never move these tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from footprint.schema import EDITIONS
from geo.cache import COLUMNS as GEOCACHE_COLUMNS

FIXTURES = Path(__file__).parent
FRENCH_CSV = FIXTURES / "liste-2024-excel-fr.csv"
CP1252_CSV = FIXTURES / "liste-windows-1252.csv"
KNOWN_EDITIONS = {2: 2017, 3: 2018, 7: 2023}


def french_rows() -> list[list[str]]:
    """The French-Excel list's cells, header first, as the CSV fixture holds them."""
    text = FRENCH_CSV.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def _typed(cell: str) -> object:
    """What a person types into a sheet: numbers are numbers there."""
    return int(cell) if cell.isdigit() else cell


def xlsx_bytes(rows: list[list[str]], sheet: str = "Liste", before: tuple[str, ...] = ()) -> bytes:
    """A workbook whose sheet `sheet` holds `rows`; `before` are other sheets put first."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name in before:
        workbook.create_sheet(name)["A1"] = "autre chose"
    target = workbook.create_sheet(sheet)
    for cells in rows:
        target.append([_typed(cell) for cell in cells])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ods_bytes(rows: list[list[str]], sheet: str = "Liste") -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for cells in rows:
        row = TableRow()
        for cell in cells:
            if cell.startswith("="):
                element = TableCell(formula="of:" + cell, valuetype="string")
            elif cell.isdigit():
                element = TableCell(valuetype="float", value=cell)
            else:
                element = TableCell(valuetype="string")
            element.addElement(P(text=cell))
            row.addElement(element)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_data_folder(folder: Path, manual_rows: list[dict[str, str]] = ()) -> Path:
    """editions.csv with editions 2, 3 and 7, and a geocache holding `manual_rows`."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "editions.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=EDITIONS.column_names)
        writer.writeheader()
        for edition, year in KNOWN_EDITIONS.items():
            writer.writerow({"edition": edition, "year": year, "source": "s.txt", "quote": "q"})
    with (folder / "geocache.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=GEOCACHE_COLUMNS)
        writer.writeheader()
        writer.writerows(manual_rows)
    return folder


def write_loadable_folder(folder: Path) -> Path:
    """write_data_folder plus an empty cities.csv and figures.csv: a folder the dashboard loads
    and the publisher can write to."""
    from footprint.schema import CITIES, FIGURES

    write_data_folder(folder)
    for schema in (CITIES, FIGURES):
        (folder / schema.name).write_text(",".join(schema.column_names) + "\n", encoding="utf-8")
    return folder
