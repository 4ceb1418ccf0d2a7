"""Each validation rule, on a small bad file, with the exact message an organizer sees."""

import subprocess
import sys
from pathlib import Path

import pytest

from footprint.data import DataError, check_dataset, load_dataset
from tests.conftest import REPO


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _messages(folder: Path) -> list[str]:
    return [str(problem) for problem in check_dataset(folder)]


def test_bundled_data_is_valid():
    assert _messages(REPO / "data") == []


def test_missing_column(data_copy):
    _edit(data_copy / "cities.csv", "edition,city,country,", "edition,city,")
    cities = data_copy / "cities.csv"
    # Drop the country column from every row too, so only the header rule fires.
    lines = cities.read_text(encoding="utf-8").splitlines()
    rows = [lines[0]] + [line.replace(",MA,", ",", 1) for line in lines[1:2]]
    cities.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert _messages(data_copy) == [f"{cities}:1: country: missing column"]


def test_bad_iso_code(data_copy):
    _edit(data_copy / "cities.csv", "2,Paris,FR,", "2,Paris,XX,")
    assert _messages(data_copy) == [
        f"{data_copy / 'cities.csv'}:5: country: 'XX' is not an ISO 3166-1 alpha-2 country code"
    ]


def test_bad_date(data_copy):
    _edit(data_copy / "editions.csv", "2023-06-08", "2023-06-31")
    assert _messages(data_copy) == [
        f"{data_copy / 'editions.csv'}:6: end_date: '2023-06-31' is not a date (YYYY-MM-DD)"
    ]


def test_end_before_start(data_copy):
    _edit(data_copy / "editions.csv", "2018-04-20", "2018-04-01")
    assert _messages(data_copy) == [
        f"{data_copy / 'editions.csv'}:5: end_date: 2018-04-01 is before 2018-04-18"
    ]


def test_unknown_edition_in_cities_and_figures(data_copy):
    _edit(data_copy / "cities.csv", "3,Shanghai,CN,", "9,Shanghai,CN,")
    _edit(data_copy / "figures.csv", "1-2,visitors,", "1-4,visitors,")
    assert _messages(data_copy) == [
        f"{data_copy / 'cities.csv'}:25: edition: edition 9 is not in editions.csv",
        f"{data_copy / 'figures.csv'}:7: editions: edition 4 is not in editions.csv",
    ]


def test_unknown_metric_and_qualifier(data_copy):
    _edit(data_copy / "figures.csv", "2,speakers,85,about,", "2,talkers,85,roughly,")
    figures = data_copy / "figures.csv"
    assert _messages(data_copy) == [
        f"{figures}:2: metric: 'talkers' is not one of: participants, visitors, speakers, "
        "journalists, media_outlets, delegation_members, cities, continents, exhibitors, "
        "showcases, startups_presenting, startups_pitching, award_winners",
        f"{figures}:2: qualifier: 'roughly' is not one of: exact, about, at_least",
    ]


def test_duplicate_row(data_copy):
    cities = data_copy / "cities.csv"
    with cities.open("a", encoding="utf-8") as handle:
        handle.write("2,paris,FR,delegation,Europe,organizers,,\n")
    assert _messages(data_copy) == [f"{cities}:27: -: duplicate of line 5"]


def test_every_problem_is_reported_at_once(data_copy):
    _edit(data_copy / "cities.csv", "2,Paris,FR,", "2,Paris,XX,")
    _edit(data_copy / "editions.csv", "2023-06-08", "June 8")
    _edit(data_copy / "figures.csv", "7,award_winners,3,", "7,award_winners,three,")
    assert len(_messages(data_copy)) == 3


def test_unknown_continent_and_empty_required_value(data_copy):
    _edit(data_copy / "cities.csv", "2,Delhi,IN,delegation,Asie,", "2,,IN,delegation,Atlantis,")
    cities = data_copy / "cities.csv"
    assert _messages(data_copy) == [
        f"{cities}:22: city: required value is empty",
        f"{cities}:22: continent_published: 'Atlantis' is not a continent",
    ]


def test_french_excel_csv_is_read(data_copy):
    """Excel in French saves UTF-8 with a BOM and `;` between fields."""
    cities = data_copy / "cities.csv"
    cities.write_bytes(
        "\ufeffedition;city;country;role;continent_published;source;quote\r\n"
        "2;Casablanca;MA;host;;organizers.xlsx;\r\n"
        '2;Londres;GB;delegation;Europe;organizers.xlsx;"Europe ; Londres"\r\n'.encode()
    )
    dataset = load_dataset(data_copy)
    assert dataset.cities["city"].tolist() == ["Casablanca", "Londres"]
    assert dataset.cities["quote"].tolist() == ["", "Europe ; Londres"]
    assert dataset.cities["line"].tolist() == [2, 3]


def test_file_that_is_not_utf8(data_copy):
    cities = data_copy / "cities.csv"
    cities.write_bytes("edition,city\n2,Qu\u00e9bec\n".encode("cp1252"))
    assert _messages(data_copy) == [f"{cities}:2: -: not UTF-8 text: save the file as 'CSV UTF-8'"]


def test_missing_file(data_copy):
    (data_copy / "figures.csv").unlink()
    assert _messages(data_copy) == [f"{data_copy / 'figures.csv'}:0: -: file not found"]


def test_sources_file_is_optional_but_checked_when_present(data_copy):
    sources = data_copy / "sources.csv"
    _edit(sources, "2018-02-27,fr,", "27/02/2018,de,")
    assert _messages(data_copy) == [
        f"{sources}:3: date: '27/02/2018' is not a date (YYYY-MM-DD)",
        f"{sources}:3: language: 'de' is not one of: fr, en",
    ]
    sources.unlink()
    assert _messages(data_copy) == []
    assert load_dataset(data_copy).sources.empty


def test_arabic_city_names_are_an_optional_column(data_copy):
    """Lists written without name_ar (the organizers' import, older files) stay valid."""
    cities = data_copy / "cities.csv"
    rows = [line.rsplit(",", 1)[0] for line in cities.read_text(encoding="utf-8").splitlines()]
    cities.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert _messages(data_copy) == []
    assert set(load_dataset(data_copy).cities["name_ar"]) == {""}


def test_notes_columns_are_required_columns(data_copy):
    _edit(data_copy / "figures.csv", ",notes_fr,", ",remarques,")
    assert _messages(data_copy) == [f"{data_copy / 'figures.csv'}:1: notes_fr: missing column"]


def test_wrong_field_count(data_copy):
    cities = data_copy / "cities.csv"
    with cities.open("a", encoding="utf-8") as handle:
        handle.write("7,Rabat,MA\n")
    assert _messages(data_copy) == [f"{cities}:27: -: expected 8 fields, found 3"]


def test_load_raises_with_all_problems(data_copy):
    _edit(data_copy / "cities.csv", "2,Paris,FR,", "2,Paris,XX,")
    with pytest.raises(DataError) as raised:
        load_dataset(data_copy)
    assert "country: 'XX'" in str(raised.value)


def test_columns_have_explicit_dtypes():
    dataset = load_dataset(REPO / "data")
    assert str(dataset.cities["edition"].dtype) == "Int64"
    assert str(dataset.figures["value"].dtype) == "Int64"
    assert str(dataset.editions["start_date"].dtype).startswith("datetime64")
    assert str(dataset.cities["city"].dtype) == "string"


def test_check_command(data_copy):
    ok = subprocess.run(
        [sys.executable, "-m", "footprint", "check", "--data", str(REPO / "data")],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert ok.returncode == 0
    assert ok.stdout.startswith("ok: 4 editions, 25 city rows (22 cities), 29 figures")
    _edit(data_copy / "cities.csv", "2,Paris,FR,", "2,Paris,XX,")
    bad = subprocess.run(
        [sys.executable, "-m", "footprint", "check", "--data", str(data_copy)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert bad.returncode == 1
    assert f"{data_copy / 'cities.csv'}:5: country:" in bad.stdout
