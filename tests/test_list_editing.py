"""Editing a published list in place (footprint/list_editing.py) and the review as the map
takes it (footprint/review_places.py)."""

from __future__ import annotations

import pandas as pd

from footprint.data import load_dataset
from footprint.importer import review_upload
from footprint.list_editing import editable_table, keep_provenance, table_as_csv
from footprint.review_places import review_places
from tests.conftest import BUNDLED_DATA


def test_an_edited_list_is_reviewed_like_a_file_and_keeps_unchanged_rows_sources():
    cities = load_dataset(BUNDLED_DATA).cities
    table = editable_table(cities, 2)
    assert list(table.columns) == ["City", "Country", "Role", "Continent"]
    assert len(table) == len(cities[cities["edition"] == 2])
    edited = pd.concat(
        [table.iloc[1:], pd.DataFrame([{"City": "Lisbonne", "Country": "PT", "Role": ""}])]
    )
    edited = pd.concat([edited, pd.DataFrame([{"City": " ", "Country": ""}])])  # an empty row
    review = review_upload(table_as_csv(edited), "edit.csv", data_folder=BUNDLED_DATA, edition=2)
    assert len(review.rows) == len(table)  # one removed, one added, the empty row dropped
    rows = keep_provenance(review, review.cities_rows("tester", "edit.csv"), cities, 2)
    old = cities[cities["edition"] == 2].astype("string").fillna("").to_dict("records")
    columns = list(rows[0])
    assert rows[:-1] == [{c: str(row[c]) for c in columns} for row in old[1:]]  # as published
    assert "Medellin" in [row["city"] for row in rows]  # not respelled Medellín
    assert rows[-1]["city"] == "Lisbonne"
    assert rows[-1]["source"].startswith("import:edit.csv (")


def test_review_places_are_the_placed_rows_one_per_place():
    data = (
        "Ville;Pays;Rôle\nCasablanca;MA;ville hôte\nLondres;GB;\nLondres;GB;\nZorglubopolis;FR;\n"
    )
    review = review_upload(data.encode(), "l.csv", data_folder=BUNDLED_DATA, edition=9)
    places = review_places(review)
    assert sorted(places["name_fr"]) == ["Casablanca", "Londres"]
    assert places.set_index("name_fr").loc["Casablanca", "role"] == "host"
    assert places["editions"].tolist() == [(9,), (9,)]
