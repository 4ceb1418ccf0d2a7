"""A copy of the bundled data where one delegation city is named like an HTML injection.

The city keeps its country, and a manual geocache row places it where the real city is, so
the map draws it with its tooltip and popup: the name must come out as text, never as markup.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.browser.server import REPO

XSS_CITY = "<img src=x onerror=alert(1)>"
REPLACED_CITY = "Nairobi"  # an edition 2 delegation city, Kenya
REPLACED_EDITION = "2"
REPLACED_COUNTRY = "KE"
# Where Nairobi is; the geocache row is "manual", which the geocoder always trusts.
INJECTED_LAT, INJECTED_LON = -1.28333, 36.81667
# Edition 1's English note, written with what Markdown turns into links on its own.
LINKED_NOTE = "See http://example.org/notes, www.example.org or press@example.org."
GEOCACHE_COLUMNS = ("query", "country", "lat", "lon", "name", "country_code", "provider", "updated")


def make_xss_data_folder(folder: Path) -> Path:
    """Copy `data/` to `folder`, rename the city in cities.csv, add its geocache row, and give
    edition 1 an English note with addresses in it."""
    shutil.copytree(REPO / "data", folder)
    _edit_rows(folder / "cities.csv", _rename_city)
    _add_geocache_row(folder / "geocache.csv")
    _edit_rows(folder / "editions.csv", _note_with_links)
    return folder


def _edit_rows(path: Path, edit: Callable[[list[dict[str, str]]], None]) -> None:
    """Read a data CSV's rows, let `edit` change them in place, write them back."""
    with path.open(encoding="utf-8-sig", newline="") as source:
        reader = csv.DictReader(source)
        fieldnames = reader.fieldnames
        rows = list(reader)
    assert fieldnames is not None, f"{path} has no header"
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _rename_city(rows: list[dict[str, str]]) -> None:
    replaced = (REPLACED_EDITION, REPLACED_CITY, REPLACED_COUNTRY)
    found = [row for row in rows if (row["edition"], row["city"], row["country"]) == replaced]
    assert len(found) == 1, f"{REPLACED_CITY} ({REPLACED_COUNTRY}) not found once in cities.csv"
    assert found[0]["role"] == "delegation", f"{REPLACED_CITY} is no longer a delegation city"
    found[0]["city"] = XSS_CITY


def _add_geocache_row(geocache_csv: Path) -> None:
    """Append to the bundled cache (or start one) with the geo.cache format's columns."""
    row = {
        "query": XSS_CITY,
        "country": REPLACED_COUNTRY,
        "lat": f"{INJECTED_LAT:.5f}",
        "lon": f"{INJECTED_LON:.5f}",
        "name": XSS_CITY,
        "country_code": REPLACED_COUNTRY,
        "provider": "manual",
        "updated": "2024-01-01",
    }
    if geocache_csv.exists():
        with geocache_csv.open(encoding="utf-8-sig", newline="") as source:
            header = next(csv.reader(source))
        missing = [name for name in GEOCACHE_COLUMNS if name not in header]
        assert not missing, f"{geocache_csv} lacks columns {missing}: the format changed"
        text = geocache_csv.read_text(encoding="utf-8-sig")
        with geocache_csv.open("w", encoding="utf-8", newline="") as target:
            target.write(text if text.endswith("\n") else text + "\n")
            csv.DictWriter(target, fieldnames=header, restval="", lineterminator="\n").writerow(row)
    else:
        with geocache_csv.open("w", encoding="utf-8", newline="") as target:
            writer = csv.DictWriter(target, fieldnames=GEOCACHE_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerow(row)


def _note_with_links(rows: list[dict[str, str]]) -> None:
    (first,) = [row for row in rows if row["edition"] == "1"]
    first["notes_en"] = LINKED_NOTE
