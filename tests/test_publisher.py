"""Publishing a city list: validated before anything is written, every version kept, undone in
one call; and the history command line."""

import csv
import errno
import io
import json
import multiprocessing
import os
import subprocess
import sys

import pytest

import atomic_files
from footprint import publisher, versions
from footprint.data import DataError, load_dataset
from footprint.storage import StorageError
from geo.cache import CacheEntry, GeoCache, read_entries
from tests.conftest import REPO

SNAPSHOT = ("editions.csv", "cities.csv", "geocache.csv")


def city(name, country, edition=8, role="delegation", **extra):
    return {
        "edition": str(edition),
        "city": name,
        "country": country,
        "role": role,
        "continent_published": "",
        "source": "organizers-2025.xlsx",
        "quote": "",
        **extra,
    }


EDITION_8 = [{"edition": "8", "part": "", "year": "2025", "source": "org.xlsx", "quote": "8e"}]
LONDON_AND_DAKAR = [city("Londres", "GB"), city("Dakar", "SN")]


def files(folder):
    return {name: (folder / name).read_bytes() for name in SNAPSHOT}


def rows(folder, name="cities.csv"):
    return list(csv.DictReader(io.StringIO((folder / name).read_text(encoding="utf-8"))))


def publish_8(folder, cities=LONDON_AND_DAKAR, **options):
    options.setdefault("who", "amina")
    options.setdefault("file_name", "organizers-2025.xlsx")
    return publisher.publish(folder, 8, cities, edition_rows=EDITION_8, **options)


def test_a_new_edition_is_added_and_the_other_lines_kept_byte_for_byte(data_copy):
    before = files(data_copy)
    version = publish_8(data_copy)
    after = (data_copy / "cities.csv").read_bytes()
    assert after.startswith(before["cities.csv"])
    added = rows(data_copy)[-2:]
    assert [(row["edition"], row["city"], row["country"]) for row in added] == [
        ("8", "Londres", "GB"),
        ("8", "Dakar", "SN"),
    ]
    assert (data_copy / "editions.csv").read_bytes().startswith(before["editions.csv"])
    assert rows(data_copy, "editions.csv")[-1]["year"] == "2025"
    assert (data_copy / "geocache.csv").read_bytes() == before["geocache.csv"]
    dataset = load_dataset(data_copy)
    assert sorted(dataset.cities.loc[dataset.cities["edition"] == 8, "city"]) == [
        "Dakar",
        "Londres",
    ]
    assert (version.who, version.file_name) == ("amina", "organizers-2025.xlsx")
    assert version.summary.added == ("Dakar", "Londres") and version.summary.new_edition


def test_a_publish_keeps_the_files_as_they_were_in_history(data_copy):
    before = files(data_copy)
    version = publish_8(data_copy)
    assert versions.snapshot(data_copy, version.id) == before
    meta = json.loads((data_copy / "history" / version.id / "meta.json").read_text("utf-8"))
    assert (meta["who"], meta["file_name"]) == ("amina", "organizers-2025.xlsx")
    assert publisher.history(data_copy) == [version]


def test_an_edition_is_replaced_in_place(data_copy):
    edition_2 = [row for row in rows(data_copy) if row["edition"] == "2"]
    others = [
        line
        for line in (data_copy / "cities.csv").read_text("utf-8").splitlines()
        if not line.startswith("2,")
    ]
    kept = [row for row in edition_2 if row["city"] != "Paris"]
    version = publisher.publish(
        data_copy, 2, [*kept, city("Lisbonne", "PT", 2)], who="amina", file_name="e2.csv"
    )
    text = (data_copy / "cities.csv").read_text("utf-8").splitlines()
    assert [line for line in text if not line.startswith("2,")] == others
    assert [row["city"] for row in rows(data_copy) if row["edition"] == "2"] == [
        *(row["city"] for row in kept),
        "Lisbonne",
    ]
    assert (version.summary.added, version.summary.removed) == (("Lisbonne",), ("Paris",))
    assert version.summary.cities == len(edition_2) and not version.summary.new_edition


def test_an_existing_editions_rows_are_never_changed(data_copy):
    before = (data_copy / "editions.csv").read_bytes()
    other = [{**EDITION_8[0], "edition": "2", "year": "1999"}]
    publisher.publish(
        data_copy, 2, [city("Paris", "FR", 2)], who="a", file_name="f", edition_rows=other
    )
    assert (data_copy / "editions.csv").read_bytes() == before


def test_invalid_rows_are_refused_with_file_line_column_and_nothing_is_touched(data_copy):
    before = files(data_copy)
    bad = [city("Londres", "GB"), city("Atlantis", "XX"), city("Dakar", "SN", role="king")]
    with pytest.raises(DataError) as raised:
        publish_8(data_copy, bad, file_name="list.xlsx")
    cities_csv = data_copy / "cities.csv"
    lines = len(before["cities.csv"].splitlines())
    assert [str(problem) for problem in raised.value.problems] == [
        f"{cities_csv}:{lines + 2}: country: 'XX' is not an ISO 3166-1 alpha-2 country code"
        " (row 2 of list.xlsx)",
        f"{cities_csv}:{lines + 3}: role: 'king' is not one of: host, guest, delegation"
        " (row 3 of list.xlsx)",
    ]
    assert files(data_copy) == before
    assert publisher.history(data_copy) == []


def test_rows_of_another_edition_or_unknown_columns_are_refused(data_copy):
    with pytest.raises(DataError) as raised:
        publish_8(data_copy, [city("Londres", "GB", edition=2), city("Dakar", "SN", mayor="x")])
    messages = [(problem.column, problem.message) for problem in raised.value.problems]
    assert ("edition", "'2' is not edition 8 (row 1 of organizers-2025.xlsx)") in messages
    assert ("mayor", "not a column of cities.csv (row 2 of organizers-2025.xlsx)") in messages


def test_a_new_edition_without_its_row_is_refused(data_copy):
    with pytest.raises(DataError, match="edition 8 is not in editions.csv"):
        publisher.publish(data_copy, 8, LONDON_AND_DAKAR, who="a", file_name="f")


def test_a_french_excel_file_keeps_its_separator_bom_and_line_endings(data_copy):
    path = data_copy / "cities.csv"
    with path.open(encoding="utf-8", newline="") as source:
        table = list(csv.reader(source))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(table)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    before = path.read_bytes()
    publish_8(data_copy)
    after = path.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :].decode("utf-8") == (
        "8;Londres;GB;delegation;;organizers-2025.xlsx;" + ";" * (len(table[0]) - 7) + "\r\n"
        "8;Dakar;SN;delegation;;organizers-2025.xlsx;" + ";" * (len(table[0]) - 7) + "\r\n"
    )
    assert len(load_dataset(data_copy).cities) == len(table) + 1


def place(query, country, lat, lon, **extra):
    return {
        "query": query,
        "country": country,
        "lat": lat,
        "lon": lon,
        "name": query,
        "country_code": country,
        **extra,
    }


def test_manual_places_are_added_and_a_newer_one_replaces_the_older(data_copy):
    publish_8(data_copy, manual_places=[place("Dakar", "SN", "14.7", "-17.4")])
    assert read_entries(data_copy / "geocache.csv")[("dakar", "SN")].provider == "manual"
    version = publish_8(data_copy, manual_places=[place("dakar", "SN", "14.69", "-17.44")])
    entry = GeoCache(data_copy / "geocache.csv").find("Dakar", "SN")
    assert (entry.lat, entry.lon, entry.provider) == (14.69, -17.44, "manual")
    assert version.summary.manual_places == 1 and version.manual_keys == (("dakar", "SN"),)


def test_a_place_that_is_not_manual_or_not_a_place_is_refused(data_copy):
    before = files(data_copy)
    with pytest.raises(DataError) as raised:
        publish_8(
            data_copy,
            manual_places=[
                place("Dakar", "SN", "14.7", "-17.4", provider="gazetteer"),
                place("Thiès", "SN", "north", "-16.9"),
            ],
        )
    assert [(p.column, p.message) for p in raised.value.problems] == [
        ("provider", "manual place 1: not manual"),
        ("lat", "manual place 2: 'north' is not a number"),
    ]
    assert files(data_copy) == before


def test_restore_undoes_a_publish_and_is_itself_undoable(data_copy):
    before = files(data_copy)
    published = publish_8(data_copy, manual_places=[place("Dakar", "SN", "14.7", "-17.4")])
    after = files(data_copy)
    undo = publisher.restore(data_copy, published.id, who="youssef")
    assert files(data_copy) == before
    assert (undo.who, undo.summary.restored) == ("youssef", published.id)
    assert [version.id for version in publisher.history(data_copy)] == [undo.id, published.id]
    publisher.restore(data_copy, undo.id, who="youssef")
    assert files(data_copy) == after


def test_restoring_an_older_version_keeps_places_geocoded_since(data_copy):
    before = rows(data_copy)
    first = publish_8(data_copy, manual_places=[place("Dakar", "SN", "14.7", "-17.4")])
    publisher.publish(data_copy, 8, [city("Rabat", "MA")], who="a", file_name="second.xlsx")
    kigali = CacheEntry("kigali", "RW", -1.95, 30.06, "Kigali", "RW", "gazetteer", "2026-11-23")
    GeoCache(data_copy / "geocache.csv").store([kigali])
    publisher.restore(data_copy, first.id, who="a")
    assert rows(data_copy) == before
    cached = read_entries(data_copy / "geocache.csv")
    assert ("dakar", "SN") not in cached and ("kigali", "RW") in cached


@pytest.mark.parametrize(
    "version_id", ["../../etc", "20261123T000000Z-0001/../..", "nothing", "", ".x.partial"]
)
def test_restore_refuses_anything_but_a_version_of_this_folder(data_copy, version_id):
    publish_8(data_copy)
    before = files(data_copy)
    with pytest.raises(ValueError, match="no version"):
        publisher.restore(data_copy, version_id, who="a")
    assert files(data_copy) == before


def test_a_state_that_no_longer_loads_is_not_restored(data_copy):
    version = publish_8(data_copy)
    figures = data_copy / "figures.csv"
    header = figures.read_text(encoding="utf-8").splitlines()[0].split(",")
    figure = {
        "editions": "8",
        "metric": "speakers",
        "value": "50",
        "qualifier": "exact",
        "stage": "achieved",
        "source": "org.xlsx",
        "quote": "cinquante",
    }
    with figures.open("a", encoding="utf-8", newline="") as output:
        csv.DictWriter(output, header, restval="", lineterminator="\n").writerow(figure)
    before = files(data_copy)
    with pytest.raises(DataError, match="edition 8 is not in editions.csv"):
        publisher.restore(data_copy, version.id, who="a")
    assert files(data_copy) == before


def test_a_write_that_fails_midway_leaves_the_data_and_history_as_they_were(data_copy, monkeypatch):
    before = files(data_copy)
    real_replace = os.replace

    def refuse_cities(source, target):
        if str(target).endswith("cities.csv"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(source, target)

    monkeypatch.setattr(atomic_files.os, "replace", refuse_cities)
    with pytest.raises(StorageError, match="cities.csv"):
        publish_8(data_copy, manual_places=[place("Dakar", "SN", "14.7", "-17.4")])
    assert files(data_copy) == before
    assert publisher.history(data_copy) == []
    assert [p.name for p in data_copy.iterdir() if p.name.endswith(".tmp")] == []


def _publish_edition(folder: str, edition: int) -> None:
    rows = [city(f"Ville {edition}-{n}", "FR", edition) for n in range(200)]
    editions = [{**EDITION_8[0], "edition": str(edition)}]
    publisher.publish(
        folder, edition, rows, who=f"p{edition}", file_name="f", edition_rows=editions
    )


def test_two_publishes_at_once_are_served_one_after_the_other(data_copy):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_publish_edition, args=(str(data_copy), e)) for e in (8, 9)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    cities = load_dataset(data_copy).cities
    assert cities["edition"].value_counts()[[8, 9]].tolist() == [200, 200]
    assert sorted(version.who for version in publisher.history(data_copy)) == ["p8", "p9"]


def test_every_version_describes_itself_in_every_language(data_copy):
    published = publish_8(data_copy, manual_places=[place("Dakar", "SN", "14.7", "-17.4")])
    undo = publisher.restore(data_copy, published.id, who="a")
    assert published.describe("en") == "Edition 8: 2 cities (+2, −0) · 1 place set by hand"
    assert published.describe("fr") == "Édition 8 : 2 villes (+2, −0) · 1 lieu placé à la main"
    assert published.describe("ar").startswith("الدورة 8: مدينتان")
    assert undo.describe("en") == f"Data put back as it was before version {published.id}"


def _history_cli(folder, *arguments):
    return subprocess.run(
        [sys.executable, "-m", "footprint", "history", "--data", str(folder), *arguments],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_the_history_command_lists_and_restores(data_copy):
    before = files(data_copy)
    version = publish_8(data_copy)
    listing = _history_cli(data_copy)
    assert listing.returncode == 0, listing.stderr
    assert version.id in listing.stdout and "organizers-2025.xlsx" in listing.stdout
    restored = _history_cli(data_copy, "--restore", version.id, "--who", "cli-test")
    assert restored.returncode == 0, restored.stderr
    assert files(data_copy) == before
    assert publisher.history(data_copy)[0].who == "cli-test"


def test_the_history_command_refuses_a_path_and_shows_names_as_text(data_copy):
    publish_8(data_copy, who="\x1b[31mevil\x1b[0m", file_name="list\n.xlsx")
    before = files(data_copy)
    refused = _history_cli(data_copy, "--restore", "../../etc")
    assert refused.returncode == 1 and "no version '../../etc'" in refused.stderr
    assert files(data_copy) == before
    listing = _history_cli(data_copy)
    assert "\x1b" not in listing.stdout and "\\x1b[31mevil" in listing.stdout
    assert "list\\n.xlsx" in listing.stdout
