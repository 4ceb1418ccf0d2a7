"""What the review hands the publisher loads as data, and the diff against the current list."""

import csv
import datetime as dt

import pytest

from footprint.data import load_dataset
from footprint.importer import diff_against, review_file, review_upload
from footprint.schema import CITIES, EDITIONS
from tests.import_fixtures.support import FRENCH_CSV, write_loadable_folder

WHEN = dt.date(2026, 11, 23)
WHO = "organizer@example.org"


@pytest.fixture
def folder(tmp_path):
    return write_loadable_folder(tmp_path / "data")


def append_rows(path, columns, rows):
    with path.open("a", encoding="utf-8", newline="") as file:
        csv.DictWriter(file, fieldnames=columns).writerows(rows)


def test_rows_for_a_new_edition_load_as_data(folder):
    review = review_file(FRENCH_CSV, data_folder=folder, year=2024)
    review.place(22, 48.1, 2.3)
    cities = review.cities_rows(WHO, when=WHEN)
    editions = review.edition_rows(WHO, when=WHEN)
    append_rows(folder / "cities.csv", CITIES.column_names, cities)
    append_rows(folder / "editions.csv", EDITIONS.column_names, editions)
    dataset = load_dataset(folder)
    assert len(dataset.cities) == 19
    assert set(dataset.cities["edition"]) == {8}
    assert editions[0]["year"] == "2024" and editions[0]["quote"] == "Édition: 8"
    london = next(row for row in cities if row["city"] == "Londres")
    assert london == {
        **{column: "" for column in CITIES.column_names},
        "edition": "8",
        "city": "Londres",
        "country": "GB",
        "role": "delegation",
        "continent_published": "Europe",
        "source": "import:liste-2024-excel-fr.csv (2026-11-23, organizer@example.org)",
        "quote": "8;Londres;Royaume-Uni;Europe;Délégation",
    }
    names = [row["city"] for row in cities]
    assert names.count("Londres") == 1  # the duplicate counts once
    assert not any("<" in name or name.startswith("=") or not name for name in names)


def test_an_unknown_continent_is_not_published_as_one(folder):
    data = b"Ville;Pays;Continent\nRabat;Maroc;Atlantide\n"
    review = review_upload(data, "l.csv", data_folder=folder, edition=7)
    [row] = review.rows
    assert row.warnings[0].message == "'Atlantide' is not a continent"
    assert review.summary["continent_warnings"] == 1
    [city] = review.cities_rows(WHO, when=WHEN)
    assert city["continent_published"] == ""


def test_diff_against_the_current_list(folder):
    data = b"Ville;Pays\nRabat;Maroc\nTanger;Maroc\nFes;Maroc\n"
    review = review_upload(data, "l.csv", data_folder=folder, edition=7)
    current = [
        {"city": "RABAT", "country": "MA", "lat": 34.01325, "lon": -6.83255},
        {"city": "Tanger", "country": "MA", "lat": 35.0, "lon": -5.0},  # about 110 km off
        {"city": "Oujda", "country": "MA", "lat": 34.68, "lon": -1.91},
    ]
    diff = diff_against(current, review)
    assert [row.name for row in diff.added] == ["Fes"]
    assert [place["city"] for place in diff.removed] == ["Oujda"]
    [(before, after, km)] = diff.moved
    assert before["city"] == "Tanger" and after.name == "Tanger"
    assert 100 < km < 120
