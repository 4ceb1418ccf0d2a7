"""Editing a published city list in place: the edition's rows as an editable table, and the
edited table back as a file the importer reviews, so an edit goes through the same checks and
the same publish as an uploaded spreadsheet.

Rows left as they were keep their source, quote and every column the editor does not show:
editing one city must not erase where the others came from.
"""

from __future__ import annotations

import csv
import io

import pandas as pd

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


def _same_row_key(row: dict) -> tuple[str, ...]:
    return tuple(str(row.get(column, "")).strip().casefold() for column in EDITABLE)


def keep_provenance(new_rows: list[dict[str, str]], cities: pd.DataFrame, edition: int) -> list:
    """`new_rows` (cities.csv rows from the review) where every row equal to one already
    published for `edition` keeps that row's other columns (source, quote…)."""
    old = cities[cities["edition"] == edition].astype("string").fillna("")
    published = {_same_row_key(row): row for row in old.to_dict("records")}
    hidden = [column for column in CITIES.column_names if column not in (*EDITABLE, "edition")]
    kept = []
    for row in new_rows:
        before = published.get(_same_row_key(row))
        if before is not None:
            row = {**row, **{column: str(before.get(column, "")) for column in hidden}}
        kept.append({column: row.get(column, "") for column in CITIES.column_names})
    return kept
