"""Editing a published city list in place: the edition's rows as an editable table, and the
edited table back as a file the importer reviews, so an edit goes through the same checks and
the same publish as an uploaded spreadsheet.

Rows left as they were come back exactly as published (spelling, source, quote and every column
the editor does not show): editing one city must not rename the others or erase where they came
from.
"""

from __future__ import annotations

import csv
import io

import pandas as pd

from footprint.importer import Review
from footprint.importer.rows import PLACED
from footprint.schema import CITIES

# The editable columns, named as the importer recognises them (English headers).
EDITABLE = {
    "city": "City",
    "country": "Country",
    "role": "Role",
    "continent_published": "Continent",
}


def editable_table(cities: pd.DataFrame, edition: int) -> pd.DataFrame:
    """The edition's rows of cities.csv (as loaded), with the importer's English headers."""
    rows = cities[cities["edition"] == edition]
    table = rows[list(EDITABLE)].astype("string").fillna("").rename(columns=EDITABLE)
    return table.reset_index(drop=True)


def table_as_csv(table: pd.DataFrame) -> bytes:
    """The edited table as a UTF-8 CSV file (empty rows dropped), ready for review_upload."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(EDITABLE.values()))
    for record in table.fillna("").astype(str).to_dict("records"):
        values = [record.get(header, "").strip() for header in EDITABLE.values()]
        if any(values):
            writer.writerow(values)
    return out.getvalue().encode("utf-8")


def _key(values: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(str(value).split()).casefold() for value in values)


def keep_provenance(
    review: Review, new_rows: list[dict[str, str]], cities: pd.DataFrame, edition: int
) -> list[dict[str, str]]:
    """`new_rows` (review.cities_rows(), one per placed row in order) where every row left as
    it was published comes back exactly as published: its spelling, source, quote and the
    columns the editor does not show. Only edited and added rows take the review's form."""
    old = cities[cities["edition"] == edition].astype("string").fillna("")
    published = {_key([row[column] for column in EDITABLE]): row for row in old.to_dict("records")}
    placed = [row for row in review.rows if row.status == PLACED]
    kept = []
    for import_row, new in zip(placed, new_rows, strict=True):
        written = _key([import_row.cells.get(header, "") for header in EDITABLE.values()])
        before = published.get(written)
        row = new if before is None else {**before, "edition": str(edition)}
        kept.append({column: str(row.get(column, "")) for column in CITIES.column_names})
    return kept
