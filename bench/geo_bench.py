"""Gazetteer benchmark (run by ``make bench``; not a test): cold start, memory, look-up latency,
and a 10,000-name offline run. Prints a markdown table; with --write-readme, puts it in
README.md."""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.readme_block import replace_block  # noqa: E402
from geo.index import ensure_index  # noqa: E402

README_BLOCK = "bench:geo"  # between <!-- NAME:start --> and <!-- NAME:end -->

COLD_START = """
import json, time, psutil
process = psutil.Process()
baseline = process.memory_info().rss
started = time.perf_counter()
from geo.gazetteer import Gazetteer
gazetteer = Gazetteer()
gazetteer.geocode("Casablanca")
ready = time.perf_counter() - started
print(json.dumps({"seconds": ready, "extra_mb": (process.memory_info().rss - baseline) / 2**20}))
"""

SAMPLE_NAMES = [
    "Londres",
    "Bruxelles",
    "Copenhague",
    "Santiago du Chili",
    "Québec",
    "Medellin",
    "Bogota",
    "Ville de Montréal",
    "Paris (France)",
    "Pékin",
    "Le Caire",
    "Moscou",
    "Varsovie",
    "Genève",
    "Nueva York",
    "München",
    "Cologne",
    "Anvers",
    "La Haye",
    "Séville",
    "Lisbonne",
    "Le Cap",
    "Alger",
    "Tanger",
    "Fès",
    "Marrakech",
    "Washington, DC",
    "St Petersburg, Russia",
    "Springfield, US",
    "Valencia, Venezuela",
    "Córdoba, Argentina",
    "San José, Costa Rica",
    "Hyderabad, Pakistan",
    "Frankfurt am Main",
    "Sao Paulo",
    "Dakar, Sénégal",
    "Abidjan",
    "Casablanca",
    "Tokyo",
    "Sydney",
    "Lagos",
    "Lima",
    "Grand Tunis",
    "Métropole de Lyon",
]


def cold_start(runs: int = 5) -> tuple[float, float]:
    """Each run is a fresh interpreter (cold for Python) on a warm disk (index already built)."""
    results = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", COLD_START],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        results.append(json.loads(output))
    return (
        statistics.median(result["seconds"] for result in results),
        statistics.median(result["extra_mb"] for result in results),
    )


def lookup_latencies(gazetteer, names: list[str]) -> list[float]:
    timings = []
    for name in names:
        started = time.perf_counter()
        gazetteer.geocode(name)
        timings.append(time.perf_counter() - started)
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def table_of_names(count: int) -> list[tuple[str, str]]:
    """Real city names from the index (official and alternate), as a list might hold them."""
    import sqlite3

    connection = sqlite3.connect(ensure_index())
    rows = connection.execute(
        "SELECT n.key, c.country_code FROM names n JOIN cities c ON c.id = n.city "
        "WHERE c.major = 1 AND n.kind >= 1"
    ).fetchall()
    random.Random(2016).shuffle(rows)
    return rows[:count]


def measure() -> list[tuple[str, str, str]]:
    """(measure, result, target) rows, in the README's order."""
    started = time.perf_counter()
    ensure_index()
    build_seconds = time.perf_counter() - started
    cold_seconds, cold_mb = cold_start()

    from geo.cache import GeoCache
    from geo.gazetteer import Gazetteer
    from geo.resolver import Resolver
    from geo.table import geocode_table

    gazetteer = Gazetteer()
    gazetteer.geocode("warm up")
    hits = lookup_latencies(gazetteer, SAMPLE_NAMES * 50)
    names = table_of_names(10_000)
    exact = lookup_latencies(gazetteer, [name for name, _ in names[:5000]])

    import pandas as pd

    with tempfile.TemporaryDirectory() as scratch:
        cities = pd.DataFrame(
            [(name, country, "") for name, country in names],
            columns=["city", "country", "continent_published"],
        )
        resolver = Resolver(GeoCache(Path(scratch) / "geocache.csv"))
        started = time.perf_counter()
        first = geocode_table(cities, resolver=resolver)
        offline_seconds = time.perf_counter() - started
        resolved = int((first["status"] != "unresolved").sum())
        started = time.perf_counter()
        cached = Resolver(GeoCache(Path(scratch) / "geocache.csv"), read_only=True)
        geocode_table(cities, resolver=cached)
        cached_seconds = time.perf_counter() - started

    micro = 1e6
    return [
        ("index present or built (this run)", f"{build_seconds:.2f} s", "once per version"),
        (
            "gazetteer cold start, warm disk (median of 5 fresh processes)",
            f"{cold_seconds:.3f} s",
            "< 0.5 s",
        ),
        ("gazetteer extra memory (RSS)", f"{cold_mb:.1f} MB", "< 60 MB"),
        (
            "look-up p50 / p99, organizers' spellings",
            f"{percentile(hits, 0.5) * micro:.1f} µs / {percentile(hits, 0.99) * micro:.0f} µs",
            "p50 < 50 µs",
        ),
        (
            "look-up p50 / p99, 5,000 GeoNames names",
            f"{percentile(exact, 0.5) * micro:.1f} µs / {percentile(exact, 0.99) * micro:.0f} µs",
            "p50 < 50 µs",
        ),
        (
            f"10,000 names geocoded offline ({resolved:,} resolved), cache written",
            f"{offline_seconds:.2f} s",
            "",
        ),
        ("the same 10,000 names, all cached, read-only", f"{cached_seconds:.2f} s", "< 1 s"),
    ]


def table(rows: list[tuple[str, str, str]]) -> str:
    return "\n".join(
        [
            f"Latest run: {time.strftime('%Y-%m-%d %H:%M')} UTC, {os.cpu_count()} cores, "
            "`.venv/bin/python bench/geo_bench.py --write-readme` (from `make bench`).",
            "",
            "| measure | result | target |",
            "|---|---|---|",
            *(f"| {measure} | {result} | {target} |" for measure, result, target in rows),
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write-readme", action="store_true", help="update README.md's block")
    args = parser.parse_args()
    text = table(measure())
    print(text)
    if args.write_readme:
        replace_block(REPO_ROOT / "README.md", README_BLOCK, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
