"""A data folder whose city name is a spreadsheet formula, for the press kit's safety tests."""

import csv
from pathlib import Path

from geo.normalize import cache_key

HOSTILE = '=HYPERLINK("http://example.invalid","x")'


def make_hostile(folder: Path) -> Path:
    """Rename Paris (edition 2) in the data copy `folder` to HOSTILE and place it with a manual
    geocode row, so that it is on the map and in every table."""
    cities = folder / "cities.csv"
    with cities.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["city"] == "Paris" and row["edition"] == "2":
            row["city"] = HOSTILE
    with cities.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with (folder / "geocache.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [
                cache_key(HOSTILE),
                "FR",
                "48.85341",
                "2.34880",
                "Paris",
                "FR",
                "manual",
                "2026-11-22",
                "test",
            ]
        )
    return folder
