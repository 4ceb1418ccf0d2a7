"""Press kit benchmark: time to build every file of the kit (two PNGs, the PDF, the map page,
two XLSX and two CSV) for the bundled data and for 10,000 synthetic cities, against a baseline
measured in the same run: bare matplotlib figures of the same sizes saved as PNG and PDF.

    .venv/bin/python bench/presskit_bench.py                   # prints a markdown table
    .venv/bin/python bench/presskit_bench.py --write-readme    # and puts it in README.md

Data loading and geocoding are left out (the app has them cached); targets: ≤ 3 s for the
bundled data, ≤ 15 s for 10,000 cities.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import FigureCanvasPdf
from matplotlib.figure import Figure

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # footprint and bench are imported from the repository

from bench.readme_block import replace_block  # noqa: E402
from bench.synthetic import write_data_folder  # noqa: E402
from footprint.data import BUNDLED_DATA_DIR, load_dataset  # noqa: E402
from footprint.filters import Filters  # noqa: E402
from footprint.places import locate  # noqa: E402
from footprint.presskit.kit import build_kit, zip_bytes  # noqa: E402
from footprint.presskit.layouts import A4, SQUARE, WIDE  # noqa: E402

PUBLIC_BASE = "https://footprint.example.org/"
README_BLOCK = "presskit-bench"


@dataclass(frozen=True)
class Case:
    label: str
    folder: Path
    filters: Filters
    target: float | None


def median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: fonts registered, basemap read, caches filled
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_figures() -> None:
    """The baseline: empty figures of the kit's three formats, saved as the kit saves them."""
    for layout in (WIDE, SQUARE):
        FigureCanvasAgg(Figure(figsize=layout.size, dpi=100)).print_png(io.BytesIO())
    FigureCanvasPdf(Figure(figsize=A4.size)).print_pdf(io.BytesIO())


def kit_action(case: Case) -> Callable[[], bytes]:
    dataset = load_dataset(case.folder)
    located = locate(dataset.cities, case.folder / "geocache.csv")
    today = dt.date.today()
    return lambda: zip_bytes(build_kit(dataset, located, case.filters, PUBLIC_BASE), today)


def run(runs: int, scratch: Path) -> tuple[list[str], list[str]]:
    synthetic = scratch / "cities-10000"
    write_data_folder(synthetic, 10_000)
    cases = [
        Case("bundled data, edition 2, fr", BUNDLED_DATA_DIR, Filters(2, (), "fr"), 3.0),
        Case("bundled data, edition 2, ar", BUNDLED_DATA_DIR, Filters(2, (), "ar"), 3.0),
        Case("bundled data, all editions, en", BUNDLED_DATA_DIR, Filters(None, (), "en"), 3.0),
        Case("10,000 cities, all editions, fr", synthetic, Filters(None, (), "fr"), 15.0),
    ]
    baseline = median_seconds(bare_figures, runs)
    rows = [
        "| kit | time (s) | × baseline | target |",
        "|---|---|---|---|",
        f"| baseline: bare figures of the kit's sizes (2 PNG, 1 PDF) | {baseline:.2f} | 1 | |",
    ]
    verdicts = []
    for case in cases:
        seconds = median_seconds(kit_action(case), runs)
        rows.append(
            f"| {case.label} | {seconds:.2f} | {seconds / baseline:.1f} | ≤ {case.target:g} s |"
        )
        met = "met" if seconds <= case.target else "**not met**"
        verdicts.append(f"- {met}: {case.label}: {seconds:.2f} s for ≤ {case.target:g} s")
    return rows, verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per case (median)")
    parser.add_argument("--write-readme", action="store_true", help="update README.md's block")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]  # the figures drift with other work on a shared machine
    with tempfile.TemporaryDirectory() as scratch:
        rows, verdicts = run(args.runs, Path(scratch))
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    text = "\n".join(
        [
            f"Latest run: {stamp}, {os.cpu_count()} cores (load average {load:.1f} at the start),"
            f" `bench/presskit_bench.py`; median of {args.runs} runs after a warm-up, data loading"
            " excluded.",
            "",
            *rows,
            "",
            "Targets (this run):",
            "",
            *verdicts,
        ]
    )
    print(text)
    if args.write_readme:
        replace_block(ROOT / "README.md", README_BLOCK, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
