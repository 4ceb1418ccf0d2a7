"""About 300 realistic spellings of cities worldwide, and names that must stay unresolved."""

import csv

import geo
from tests.geo_fixtures.support import FIXTURES, distance_km, geo_env, index_dir  # noqa: F401

TARGET_SHARE_WITHIN_25_KM = 0.97


def _cases():
    with (FIXTURES / "quality_cases.csv").open(encoding="utf-8", newline="") as table:
        return list(csv.DictReader(table))


def test_at_least_97_percent_of_variants_within_25_km():
    cases = _cases()
    misses = []
    for case in cases:
        result = geo.lookup(case["query"], case["country"] or None)
        expected = float(case["lat"]), float(case["lon"])
        if result is None or distance_km(result.latitude, result.longitude, *expected) > 25:
            misses.append((case["query"], case["country"], result))
    share = 1 - len(misses) / len(cases)
    assert len(cases) >= 200
    assert share >= TARGET_SHARE_WITHIN_25_KM, misses


def test_every_made_up_name_is_unresolved():
    names = (FIXTURES / "madeup_names.txt").read_text(encoding="utf-8").split("\n")
    found = {name: geo.lookup(name) for name in names if name.strip()}
    assert {name: result for name, result in found.items() if result is not None} == {}
