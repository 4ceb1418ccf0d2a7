"""The whole review of the French-Excel list (and the same list as XLSX and ODS): each rule
with its exact message, then placing and picking by hand and what the publisher receives."""

import datetime as dt

import pytest

from footprint.importer import ImportFileError, review_file, review_upload
from footprint.importer.placing import Placer
from tests.import_fixtures.support import (
    CP1252_CSV,
    FRENCH_CSV,
    french_rows,
    ods_bytes,
    write_data_folder,
    xlsx_bytes,
)

EXPECTED_STATUS = {
    2: "placed",
    3: "placed",
    4: "placed",
    5: "placed",
    6: "duplicate",
    7: "placed",
    8: "placed",
    9: "placed",
    10: "placed",
    11: "placed",
    12: "placed",
    13: "placed",
    14: "placed",
    15: "placed",
    16: "placed",
    17: "placed",
    18: "placed",
    19: "rejected",
    20: "rejected",
    21: "rejected",
    22: "unplaced",
    23: "placed",
    24: "placed",
}
EXPECTED_WARNINGS = {
    6: [("duplicate", "-", "duplicate of line 4: counted once")],
    16: [
        (
            "continent_mismatch",
            "Continent",
            "line 16: continent 'Europe' given, but TR is in Asia (UN M49): the map shows Asia",
        )
    ],
    17: [
        (
            "continent_mismatch",
            "Continent",
            "line 17: continent 'Asie' given, but RU is in Europe (UN M49): the map shows Europe",
        )
    ],
    18: [
        (
            "continent_mismatch",
            "Continent",
            "line 18: continent 'Asie' given, but EG is in Africa (UN M49): the map shows Africa",
        )
    ],
    19: [
        (
            "formula",
            "Ville",
            '\'=HYPERLINK("http://example.org";"Rabat")\' is a formula (starts with =); it is '
            "never evaluated: type the value itself",
        )
    ],
    20: [
        (
            "markup",
            "Ville",
            "'<img src=x onerror=alert(1)>' contains markup (<…>): type plain text",
        )
    ],
    21: [
        (
            "empty_city",
            "Ville",
            "the city is empty: the row is left out (a city is never guessed from its country)",
        )
    ],
    22: [
        (
            "unplaced",
            "Ville",
            "'Zorglubopolis' is not in the offline gazetteer: place it by hand",
        )
    ],
    23: [("unknown_role", "Rôle", "unknown role 'Partenaire': kept as a delegation")],
}
WHEN = dt.date(2026, 11, 23)
WHO = "organizer@example.org"


@pytest.fixture
def data_folder(tmp_path):
    return write_data_folder(tmp_path / "data")


@pytest.fixture
def review(data_folder):
    return review_file(FRENCH_CSV, data_folder=data_folder)


def outcome(review) -> list[tuple]:
    return [
        (row.line, row.status, row.name, row.country, row.continent, row.role, row.lat, row.lon)
        for row in review.rows
    ]


def test_every_row_has_its_status_and_summary(review):
    assert {row.line: row.status for row in review.rows} == EXPECTED_STATUS
    assert review.summary == {
        "read": 23,
        "placed": 18,
        "duplicates": 1,
        "rejected": 3,
        "unplaced": 1,
        "ambiguous": 0,
        "continent_warnings": 3,
    }
    assert review.needs_organizer


def test_every_warning_with_its_exact_message(review):
    found = {
        row.line: [(w.code, w.column, w.message) for w in row.warnings]
        for row in review.rows
        if row.warnings
    }
    assert found == EXPECTED_WARNINGS


def test_names_are_trimmed_canonical_and_countries_resolved(review):
    rows = {row.line: row for row in review.rows}
    assert rows[7].city == "Paris\u00a0" and rows[7].name == "Paris"
    assert (rows[8].city, rows[8].name) == ("MARRAKECH", "Marrakech")
    assert (rows[9].city, rows[9].name) == ("dakar", "Dakar")
    assert rows[15].name == "Bogotá"  # the gazetteer's spelling of the same name
    assert rows[12].name == "Séoul"  # the organizer's French, not GeoNames' Seoul
    countries = {line: rows[line].country for line in (10, 11, 12, 13, 14, 23, 24)}
    assert countries == {10: "CI", 11: "AE", 12: "KR", 13: "NC", 14: "US", 23: "MA", 24: "GB"}
    assert rows[2].role == "host" and rows[3].role == "guest"
    assert (rows[23].role, rows[23].role_label) == ("delegation", "Partenaire")
    # Label variants are not mismatches.
    assert rows[14].continent == rows[15].continent == "Americas"
    assert not rows[14].warnings and not rows[15].warnings


def test_unplaced_and_rejected_rows_have_no_place(review):
    for row in review.rows:
        if row.status in ("rejected", "unplaced", "duplicate"):
            assert (row.lat, row.lon) == (None, None)


def test_the_xlsx_and_ods_lists_review_the_same(review, data_folder):
    rows = french_rows()
    as_xlsx = review_upload(xlsx_bytes(rows), "liste-2024.xlsx", data_folder=data_folder)
    as_ods = review_upload(ods_bytes(rows), "liste-2024.ods", data_folder=data_folder)
    assert outcome(as_xlsx) == outcome(review) == outcome(as_ods)
    assert as_xlsx.summary == review.summary == as_ods.summary


def test_edition_for_the_whole_file_wins_over_the_column(data_folder):
    review = review_file(FRENCH_CSV, data_folder=data_folder, edition=7)
    assert (review.edition, review.creates_edition, review.year) == (7, False, 2023)
    assert review.edition_rows() == []


def test_a_new_edition_is_reviewed_and_will_be_created(review):
    assert (review.edition, review.creates_edition, review.year) == (8, True, None)
    assert review.summary["placed"] == 18
    with pytest.raises(ValueError, match="edition 8 is new: give its year"):
        review.edition_rows()


def test_a_year_in_the_edition_column_is_that_years_edition(data_folder):
    data = "Année;Ville;Pays\n 2023 ;Rabat;Maroc\n2023;Tanger;Maroc\n".encode()
    review = review_upload(data, "l.csv", data_folder=data_folder)
    assert (review.edition, review.year, review.creates_edition) == (7, 2023, False)
    assert review.summary["placed"] == 2


def test_a_year_without_edition_and_mixed_editions_are_refused(data_folder):
    with pytest.raises(ImportFileError) as caught:
        review_upload(b"Edition;City\n2024;Rabat\n", "l.csv", data_folder=data_folder)
    assert str(caught.value) == (
        "l.csv:2: Edition: 2024 is a year, and editions.csv has no edition that year: "
        "choose the edition for the whole file"
    )
    with pytest.raises(ImportFileError) as caught:
        review_upload(b"Edition;City\n2;Rabat\n3;Fes\n", "l.csv", data_folder=data_folder)
    assert str(caught.value) == (
        "l.csv:3: Edition: edition 3 here, edition 2 on line 2: import one edition at a time, "
        "or choose the edition for the whole file"
    )
    with pytest.raises(ImportFileError) as caught:
        review_upload(b"City\nRabat\n", "l.csv", data_folder=data_folder)
    assert str(caught.value) == (
        "l.csv:1: -: no edition column (Édition or Edition): choose the edition for the whole file"
    )


def test_a_new_edition_takes_the_year_of_its_column(data_folder):
    data = b"Edition;City;Country\n2031;Rabat;MA\n"
    review = review_upload(data, "l.csv", data_folder=data_folder, edition=12)
    assert (review.edition, review.year, review.creates_edition) == (12, 2031, True)
    [row] = review.edition_rows(WHO, when=WHEN)
    assert (row["edition"], row["year"], row["quote"]) == (
        "12",
        "2031",
        "edition 12, chosen at import",
    )
    assert row["source"] == f"import:l.csv (2026-11-23, {WHO})"


def test_rejected_rows_are_never_geocoded(data_folder, monkeypatch):
    asked = []
    place = Placer.place

    def spy(self, name, country, country_unknown=False):
        asked.append(name)
        return place(self, name, country, country_unknown)

    monkeypatch.setattr(Placer, "place", spy)
    review_file(FRENCH_CSV, data_folder=data_folder)
    assert not any("HYPERLINK" in name or "<" in name for name in asked)
    assert "" not in asked


def test_ambiguous_names_offer_candidates_with_region_and_population(data_folder):
    data = b"City;Country\nSpringfield;USA\n"
    review = review_upload(data, "l.csv", data_folder=data_folder, edition=7)
    [row] = review.rows
    assert row.status == "ambiguous" and review.summary["ambiguous"] == 1
    assert [w.message for w in row.warnings] == [
        "'Springfield': several places bear this name: pick one of the candidates"
    ]
    assert len(row.candidates) >= 2
    assert all(c.name == "Springfield" and c.country == "US" for c in row.candidates)
    assert all(c.region and c.population > 0 for c in row.candidates)
    assert row.candidates[0].population >= row.candidates[1].population
    picked = row.candidates[1]
    review.choose(2, 1)
    assert (row.status, row.lat, row.lon) == ("placed", picked.lat, picked.lon)
    [manual] = review.manual_places(WHO, when=WHEN)
    assert manual == {
        "query": "springfield",
        "country": "US",
        "lat": f"{picked.lat:.5f}",
        "lon": f"{picked.lon:.5f}",
        "name": "Springfield",
        "country_code": "US",
        "provider": "manual",
        "updated": "2026-11-23",
        "note": f"picked at import: {picked.label()} by {WHO} (l.csv)",
    }


def test_a_typo_is_a_doubtful_match_not_a_placement(data_folder):
    review = review_upload(
        b"Ville;Pays\nMarakech;Maroc\n", "l.csv", data_folder=data_folder, edition=7
    )
    [row] = review.rows
    assert row.status == "ambiguous"
    assert row.warnings[0].message == ("'Marakech': a doubtful match: pick one of the candidates")
    assert [c.name for c in row.candidates] == ["Marrakesh"]


def test_an_unknown_country_is_reported_and_the_place_left_to_pick(data_folder):
    review = review_upload(b"Ville;Pays\nRabat;Mars\n", "l.csv", data_folder=data_folder, edition=7)
    [row] = review.rows
    assert row.status == "ambiguous"
    assert (row.warnings[0].code, row.warnings[0].column, row.warnings[0].message) == (
        "unknown_country",
        "Pays",
        "'Mars' is not a country name (French or English) or code",
    )


def test_no_country_column_places_the_city_and_says_where(data_folder):
    review = review_upload(b"Ville\nParis\n", "l.csv", data_folder=data_folder, edition=7)
    [row] = review.rows
    assert (row.status, row.country, row.continent) == ("placed", "FR", "Europe")
    assert row.warnings[0].message == "no country given: placed in FR"


def test_a_manual_geocache_row_wins(tmp_path):
    folder = write_data_folder(
        tmp_path / "d",
        [
            {
                "query": "zorglubopolis",
                "country": "FR",
                "lat": "45.00000",
                "lon": "1.00000",
                "name": "Zorglubopolis",
                "country_code": "FR",
                "provider": "manual",
                "updated": "2026-01-01",
                "note": "",
            }
        ],
    )
    review = review_file(FRENCH_CSV, data_folder=folder)
    row = review.row(22)
    assert (row.status, row.lat, row.lon, row.provider) == ("placed", 45.0, 1.0, "manual")


def test_placing_by_hand_settles_the_review(review):
    with pytest.raises(ValueError, match="rows are still unplaced or ambiguous"):
        review.cities_rows(WHO)
    with pytest.raises(ValueError, match="line 19 is rejected: it cannot be placed"):
        review.place(19, 1.0, 1.0)
    with pytest.raises(ValueError, match=r"\(91, 0\) is not a latitude and longitude"):
        review.place(22, 91, 0)
    review.place(22, 48.1, 2.3)
    assert not review.needs_organizer
    assert review.summary["placed"] == 19
    [manual] = review.manual_places(WHO, when=WHEN)
    assert (manual["query"], manual["country"], manual["provider"]) == (
        "zorglubopolis",
        "FR",
        "manual",
    )
    assert (
        manual["note"]
        == f"placed by hand at (48.10000, 2.30000) by {WHO} (liste-2024-excel-fr.csv)"
    )


def test_an_unreadable_edition_cell_rejects_its_row(data_folder):
    data = b"Edition;City;Country\n7;Rabat;MA\nseven;Fes;MA\n"
    review = review_upload(data, "l.csv", data_folder=data_folder)
    row = review.row(3)
    assert row.status == "rejected"
    assert [(w.code, w.column, w.message) for w in row.warnings] == [
        ("bad_edition", "Edition", "'seven' is not an edition number or a year")
    ]


def test_the_windows_1252_list_is_reviewed(data_folder):
    review = review_file(CP1252_CSV, data_folder=data_folder, edition=7)
    assert [(row.name, row.country, row.status) for row in review.rows] == [
        ("Québec", "CA", "placed"),
        ("São Paulo", "BR", "placed"),
        ("Zürich", "CH", "placed"),
        ("Genève", "CH", "placed"),
    ]
    assert review.encoding == "windows-1252"


def test_a_city_without_country_is_a_duplicate_of_the_same_city_with_one(data_folder):
    data = b"Ville;Pays\nParis;France\nParis;\n"
    review = review_upload(data, "l.csv", data_folder=data_folder, edition=7)
    row = review.row(3)
    assert (row.status, row.lat, row.warnings[0].message) == (
        "duplicate",
        None,
        "same city as line 2, which is kept; this row differs in Pays",
    )
    assert len(review.cities_rows("x")) == 1


def test_an_unplaced_name_lists_close_names_but_is_not_placed(data_folder):
    review = review_upload(
        b"Ville;Pays\nCasablonkaa;Maroc\n", "l.csv", data_folder=data_folder, edition=7
    )
    [row] = review.rows
    assert (row.status, row.lat, row.candidates) == ("unplaced", None, [])
    assert row.warnings[0].message == (
        "'Casablonkaa' is not in the offline gazetteer (close names: Casablanca (MA)): "
        "place it by hand"
    )


def test_a_list_with_no_placed_city_publishes_nothing(data_folder):
    review = review_upload(b"Ville;Pays\n=1+1;MA\n", "l.csv", data_folder=data_folder, edition=7)
    assert not review.needs_organizer
    with pytest.raises(ValueError, match="no city placed in l.csv: nothing to publish"):
        review.cities_rows("x")
