"""Import benchmark (`make bench-import`; not a test): 10,000 synthetic rows of an organizer's
list reviewed offline, against plain `pandas.read_csv` of the same file in the same run, and how
fast the caps refuse a 1,000,000-row CSV and a zip bomb. Prints a markdown table;
`--write-readme` puts it in README.md's import-bench block."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pandas as pd
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # footprint, geo and bench are imported from the repository

from bench.readme_block import replace_block  # noqa: E402
from bench.synthetic import synthetic_cities  # noqa: E402
from footprint.data import BUNDLED_DATA_DIR  # noqa: E402
from footprint.importer import ImportFileError, review_file, review_upload  # noqa: E402
from footprint.importer.spreadsheets import MAX_UNPACKED_BYTES  # noqa: E402

ROWS = 10_000
TARGET_SECONDS = 5.0
WARM_RUNS = 3
BASELINE_RUNS = 5
README_BLOCK = "import-bench"
CONTINENTS_FR = {
    "Africa": "Afrique",
    "Americas": "Amérique",
    "Asia": "Asie",
    "Europe": "Europe",
    "Oceania": "Océanie",
}


def write_list(path: Path, count: int) -> None:
    """A French-Excel export (BOM, `;`, CRLF) of `count` real GeoNames cities, with French
    country names and continents, as an organizer would send it."""
    countries = Locale("fr").territories
    lines = ["Édition;Ville;Pays;Continent;Rôle"]
    for city in synthetic_cities(count):
        country = countries.get(city.country, city.country)
        lines.append(f"8;{city.name};{country};{CONTINENTS_FR[city.continent]};Délégation")
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")


def write_data_folder(folder: Path) -> None:
    """The bundled editions and an empty geocache: every name goes through the gazetteer."""
    folder.mkdir()
    shutil.copyfile(BUNDLED_DATA_DIR / "editions.csv", folder / "editions.csv")


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def refusal_seconds(data: bytes, name: str, runs: int = 3) -> float:
    def refuse() -> None:
        try:
            review_upload(data, name, data_folder=ROOT / "data", edition=8)
        except ImportFileError:
            return
        raise AssertionError(f"{name} was not refused")

    return statistics.median(timed(refuse) for _ in range(runs))


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (MAX_UNPACKED_BYTES + 1))
    return buffer.getvalue()


def review_in_fresh_process(path: Path, data: Path) -> dict:
    """Cold and warm review times and the peak memory of a process that only reviews, so the
    benchmark's own set-up (GeoNames loaded to make the list) does not count."""
    output = subprocess.run(
        [sys.executable, __file__, "--review-only", str(path), str(data)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def review_only(path: Path, data: Path) -> None:
    first = None

    def review() -> None:
        nonlocal first
        first = review_file(path, data_folder=data)

    cold = timed(review)
    warm = statistics.median(timed(review) for _ in range(WARM_RUNS))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"cold": cold, "warm": warm, "peak_mb": peak_mb, "summary": first.summary}))


def measure(folder: Path) -> dict:
    path = folder / "liste-synthetique.csv"
    write_list(path, ROWS)
    data = folder / "data"
    write_data_folder(data)
    results = review_in_fresh_process(path, data)
    results["baseline"] = statistics.median(
        timed(lambda: pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str))
        for _ in range(BASELINE_RUNS)
    )
    million = b"Ville\n" + b"a\n" * 1_000_000
    bomb = zip_bomb()
    results.update(
        million=refusal_seconds(million, "million.csv"),
        bomb=refusal_seconds(bomb, "bomb.xlsx"),
        bomb_bytes=len(bomb),
    )
    return results


def table(results: dict) -> str:
    summary = results["summary"]
    met = "met" if results["cold"] <= TARGET_SECONDS else "**not met**"
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    rows = [
        (
            f"{ROWS:,} rows reviewed, first review in the process (gazetteer opened)",
            f"{results['cold']:.2f} s",
            f"≤ {TARGET_SECONDS:g} s ({met})",
        ),
        (
            f"{ROWS:,} rows reviewed again (median of {WARM_RUNS})",
            f"{results['warm']:.2f} s",
            "",
        ),
        (
            f"baseline: `pandas.read_csv` of the same file (median of {BASELINE_RUNS})",
            f"{results['baseline'] * 1000:.0f} ms",
            "",
        ),
        (
            "review / baseline (first · again)",
            f"{results['cold'] / results['baseline']:.0f}× · "
            f"{results['warm'] / results['baseline']:.0f}×",
            "",
        ),
        (
            "rows placed · ambiguous · unplaced · duplicates",
            f"{summary['placed']:,} · {summary['ambiguous']:,} · {summary['unplaced']:,} · "
            f"{summary['duplicates']:,}",
            "",
        ),
        ("1,000,000-row CSV refused (row cap)", f"{results['million'] * 1000:.0f} ms", ""),
        (
            f"zip bomb as XLSX ({results['bomb_bytes'] / 1000:.0f} kB, unpacks to "
            f"{MAX_UNPACKED_BYTES / 1e6:.0f} MB) refused",
            f"{results['bomb'] * 1000:.1f} ms",
            "",
        ),
        ("peak RSS of a process that only reviews", f"{results['peak_mb']:.0f} MB", ""),
    ]
    lines = [
        f"Latest run: {when} UTC, {os.cpu_count()} cores, offline, "
        "`.venv/bin/python bench/import_bench.py`.",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        *(f"| {measure} | {result} | {target} |" for measure, result, target in rows),
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write-readme", action="store_true", help="update README.md's block")
    parser.add_argument("--review-only", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.review_only:
        review_only(*args.review_only)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        text = table(measure(Path(folder)))
    print(text)
    if args.write_readme:
        replace_block(ROOT / "README.md", README_BLOCK, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
