"""`python -m footprint import`: the JSON and text reports, exit codes, and the entry point's
security: a review writes nothing, and nothing unsettled, rejected or unsafe is published."""

import argparse
import json

import pytest

from footprint.commands import import_list
from tests.import_fixtures.support import FRENCH_CSV, write_loadable_folder

WHO = "organizer@example.org"


@pytest.fixture
def folder(tmp_path):
    return write_loadable_folder(tmp_path / "data")


def snapshot(folder) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def main(argv: list[str]) -> int:
    """`python -m footprint` with this command alone, as footprint.__main__ builds it."""
    parser = argparse.ArgumentParser(prog="python -m footprint")
    import_list.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.run(args)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["import", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_report(capsys, folder):
    code, out, _ = run(capsys, FRENCH_CSV, "--json", "--data", folder)
    assert code == 1  # Zorglubopolis needs the organizer
    report = json.loads(out)
    assert report["summary"] == {
        "read": 23,
        "placed": 18,
        "duplicates": 1,
        "rejected": 3,
        "unplaced": 1,
        "ambiguous": 0,
        "continent_warnings": 3,
    }
    marrakech = next(row for row in report["rows"] if row["line"] == 8)
    assert {key: marrakech[key] for key in ("city", "name", "status", "country", "continent")} == {
        "city": "MARRAKECH",
        "name": "Marrakech",
        "status": "placed",
        "country": "MA",
        "continent": "Africa",
    }
    assert marrakech["lat"] == pytest.approx(31.63416) and marrakech["warnings"] == []
    istanbul = next(row for row in report["rows"] if row["line"] == 16)
    assert istanbul["warnings"] == [
        "line 16: continent 'Europe' given, but TR is in Asia (UN M49): the map shows Asia"
    ]
    assert report["edition"] == 8 and report["creates_edition"] is True


def test_text_report_reads_file_line_column_message(capsys, folder):
    code, out, _ = run(capsys, FRENCH_CSV, "--data", folder, "--edition", "7")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "liste-2024-excel-fr.csv: 23 rows, edition 7"
    assert "liste-2024-excel-fr.csv:6: -: duplicate of line 4: counted once" in lines
    assert (
        "liste-2024-excel-fr.csv:22: Ville: 'Zorglubopolis' is not in the offline gazetteer: "
        "place it by hand"
    ) in lines
    assert lines[-1] == (
        "placed 18, duplicates 1, rejected 3, unplaced 1, ambiguous 0, continent warnings 3"
    )


def test_every_row_settled_exits_0(capsys, folder):
    code, out, _ = run(capsys, FRENCH_CSV, "--data", folder, "--place", "22=48.1,2.3")
    assert code == 0
    assert out.splitlines()[-1].startswith("placed 19, duplicates 1, rejected 3, unplaced 0")


def test_an_unreadable_file_exits_1_with_its_location(capsys, folder, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"Nom;Land\nRabat;MA\n")
    code, out, err = run(capsys, bad, "--data", folder, "--edition", "7", "--json")
    assert code == 1
    assert json.loads(out)["error"] == {
        "file": "bad.csv",
        "line": 1,
        "column": "-",
        "message": "no column for the city (Ville or City); the columns are: Nom, Land: "
        "map one of them to city",
    }
    assert err.startswith("bad.csv:1: -: no column for the city")
    code, out, _ = run(capsys, bad, "--data", folder, "--edition", "7", "--map", "Nom=city")
    assert code == 0 and "1 rows, edition 7" in out


def test_a_review_writes_nothing(capsys, folder):
    before = snapshot(folder)
    run(capsys, FRENCH_CSV, "--data", folder, "--place", "22=48.1,2.3", "--year", "2024")
    assert snapshot(folder) == before


def test_publish_is_refused_while_rows_need_the_organizer(capsys, folder):
    before = snapshot(folder)
    code, _, err = run(capsys, FRENCH_CSV, "--data", folder, "--publish", "--who", WHO)
    assert code == 1
    assert err.strip() == (
        "not published: place or pick the unplaced and ambiguous rows first "
        "(--place LINE=LAT,LON, --choose LINE=N)"
    )
    code, _, err = run(capsys, FRENCH_CSV, "--data", folder, "--publish", "--place", "22=48,2")
    assert code == 1 and err.strip() == "not published: say who publishes with --who EMAIL"
    assert snapshot(folder) == before


def test_publish_writes_only_settled_safe_rows(capsys, folder):
    args = (FRENCH_CSV, "--data", folder, "--place", "22=48.1,2.3", "--year", "2024")
    code, out, _ = run(capsys, *args, "--publish", "--who", WHO)
    assert code == 0
    assert out.splitlines()[-1].startswith(
        f"published edition 8: 19 cities from liste-2024-excel-fr.csv by {WHO} (version "
    )
    cities = (folder / "cities.csv").read_text(encoding="utf-8")
    assert "HYPERLINK" not in cities and "<img" not in cities and "onerror" not in cities
    assert cities.count("\n8,Londres,GB,") == 1
    assert "import:liste-2024-excel-fr.csv (" in cities and WHO in cities
    assert "8,,2024," in (folder / "editions.csv").read_text(encoding="utf-8")
    geocache = (folder / "geocache.csv").read_text(encoding="utf-8")
    assert "zorglubopolis,FR,48.10000,2.30000,Zorglubopolis,FR,manual," in geocache


def test_place_by_hand_with_a_country_when_the_list_gives_none(capsys, folder, tmp_path):
    listing = tmp_path / "sans-pays.csv"
    listing.write_bytes(b"Ville\nZorglubopolis\n")
    code, _, err = run(capsys, listing, "--data", folder, "--edition", "7", "--place", "2=45,1")
    assert code == 1
    assert err.strip() == "sans-pays.csv: line 2: give the city's country (ISO2) to place it"
    code, out, _ = run(
        capsys, listing, "--data", folder, "--edition", "7", "--place", "2=45,1,FR", "--json"
    )
    assert code == 0
    [row] = json.loads(out)["rows"]
    assert (row["status"], row["country"], row["continent"]) == ("placed", "FR", "Europe")
