"""Static site benchmark: page weight, and time from navigation to the map shown.

For the bundled data and a 10,000-city synthetic folder it publishes the static site
(`footprint.static_site.publish_site`), serves it with `python -m http.server` on loopback and
opens views in headless Chromium with a cold cache (a new browser context per visit, outside
hosts unreachable). The baseline, measured in the same run and from the same server, is a
trivial static HTML page. Prints a markdown table; --write-readme puts it in README.md.

    .venv/bin/python bench/static_site_bench.py [--sizes bundled,10000] [--runs 5] [--write-readme]

A measurement, never a test: nothing here fails on a slow number.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # footprint and bench are imported from the repository

from bench.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from bench.readme_block import replace_block  # noqa: E402
from bench.synthetic import write_data_folder  # noqa: E402
from deploy.processes import free_port  # noqa: E402
from footprint.data import BUNDLED_DATA_DIR, load_dataset  # noqa: E402
from footprint.filters import Filters  # noqa: E402
from footprint.places import locate, places, visible_places, visitors  # noqa: E402
from footprint.static_site.publish import publish_site  # noqa: E402

VIEWPORT = {"width": 1400, "height": 900}
PROBE = Path(__file__).resolve().parent / "static_site_probe.js"
BASELINE_PAGE = "bench-baseline.html"
BASELINE_HTML = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head>'
    "<body><h1>A trivial static page</h1><p>The floor: one HTML file, nothing else.</p>"
    "</body></html>\n"
)
# (label, query, edition, continents): the views a visitor opens first.
VIEWS = (
    ("all editions, fr", "edition=all&lang=fr", None, ()),
    ("edition 2, Europe, en", "edition=2&continent=Europe&lang=en", 2, ("Europe",)),
    ("all editions, ar", "edition=all&lang=ar", None, ()),
)
WEIGHT_TARGETS_KB = {"bundled": 500, "10000": 1500}
SHOWN_TARGET_S = 0.5
README = ROOT / "README.md"
README_BLOCK = "static-site-bench"  # between <!-- NAME:start --> and <!-- NAME:end -->
SERVER_TIMEOUT_S = 10.0
SHOWN_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Visit:
    shown_s: float
    weight_bytes: int
    requests: int


@dataclass(frozen=True)
class Row:
    size: str
    view: str
    weight_kb: float
    requests: int
    shown_s: float
    baseline_s: float
    site_kb: float


def expected_markers(folder: Path, edition: int | None, continents: tuple[str, ...]) -> int:
    """Visiting cities the view draws, from the app's own place logic."""
    located = locate(load_dataset(folder).cities, folder / "geocache.csv")
    shown = visible_places(places(located, edition), Filters(edition, continents, "en"))
    return len(visitors(shown))


@contextlib.contextmanager
def http_server(folder: Path) -> Iterator[str]:
    """`python -m http.server` on a free loopback port, serving `folder`; stopped on exit."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"{url}/{BASELINE_PAGE}", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError) as error:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"http.server on {url} did not answer") from error
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def visit(browser: Browser, url: str, expected: int) -> Visit:
    """One cold visit: a new context (empty cache), navigation to the map shown, then the
    bytes of every response once the network is idle (fonts and late requests included)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.add_init_script(path=str(PROBE))
        page = context.new_page()
        page.goto(f"{url}#expect={expected}", wait_until="commit")
        page.wait_for_function("() => window.__shownAt !== undefined", timeout=SHOWN_TIMEOUT_MS)
        shown_ms = page.evaluate("() => window.__shownAt")
        page.wait_for_load_state("networkidle")
        weight = page.evaluate("() => window.__pageWeight()")
        return Visit(shown_ms / 1000, weight["bytes"], weight["requests"])
    finally:
        context.close()


def measure(browser: Browser, url: str, expected: int, runs: int) -> list[Visit]:
    visit(browser, url, expected)  # warm-up: the server's and the OS's caches, not counted
    return [visit(browser, url, expected) for _ in range(runs)]


def publish(size: str, work_dir: Path) -> tuple[Path, Path]:
    """(data folder, published site) for `size`: the bundled data or N synthetic cities."""
    if size == "bundled":
        data = BUNDLED_DATA_DIR
    else:
        data = work_dir / f"cities-{size}"
        if not (data / "cities.csv").is_file():
            write_data_folder(data, int(size))
    site = work_dir / f"site-{size}"
    publish_site(data, site, today=dt.date.today())
    # Served beside the site, from the same server: the floor a static page cannot beat.
    (site / BASELINE_PAGE).write_text(BASELINE_HTML, encoding="utf-8")
    return data, site


def site_kb(site: Path) -> float:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file()) / 1024


def run_size(browser: Browser, size: str, work_dir: Path, runs: int) -> list[Row]:
    data, site = publish(size, work_dir)
    rows = []
    with http_server(site) as url:
        baseline = measure(browser, f"{url}/{BASELINE_PAGE}", 0, runs)
        baseline_s = statistics.median(v.shown_s for v in baseline)
        for label, query, edition, continents in VIEWS:
            expected = expected_markers(data, edition, continents)
            visits = measure(browser, f"{url}/index.html?{query}", expected, runs)
            rows.append(
                Row(
                    size=size,
                    view=label,
                    weight_kb=statistics.median(v.weight_bytes for v in visits) / 1024,
                    requests=int(statistics.median(v.requests for v in visits)),
                    shown_s=statistics.median(v.shown_s for v in visits),
                    baseline_s=baseline_s,
                    site_kb=site_kb(site),
                )
            )
            print(f"  {size} · {label}: {rows[-1].shown_s:.3f} s, {rows[-1].weight_kb:.0f} KB")
    return rows


def markdown(rows: list[Row], runs: int, load: float) -> str:
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    lines = [
        f"Latest run: {when}, {os.cpu_count()} cores (load average {load:.1f} at the start),"
        " `.venv/bin/python bench/static_site_bench.py`; headless Chromium, cold cache"
        " (a new browser context per visit), served by"
        f" `python -m http.server` on loopback; median of {runs} visits after one warm-up.",
        "",
        "| data | view | page weight (KB) | requests | map shown (s) | trivial page (s) "
        "| ratio | whole site (KB) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.size} | {row.view} | {row.weight_kb:,.0f} | {row.requests} "
            f"| {row.shown_s:.3f} | {row.baseline_s:.3f} | {row.shown_s / row.baseline_s:.1f}× "
            f"| {row.site_kb:,.0f} |"
        )
    lines += ["", "Targets (this run):", ""]
    for row in rows:
        limit = WEIGHT_TARGETS_KB.get(row.size)
        if limit is not None:
            lines.append(
                _target(
                    f"{row.size}, {row.view}: page weight ≤ {limit} KB",
                    row.weight_kb <= limit,
                    f"{row.weight_kb:,.0f} KB",
                )
            )
        lines.append(
            _target(
                f"{row.size}, {row.view}: map shown ≤ {SHOWN_TARGET_S} s",
                row.shown_s <= SHOWN_TARGET_S,
                f"{row.shown_s:.3f} s",
            )
        )
    return "\n".join(lines)


def _target(what: str, met: bool, measured: str) -> str:
    return f"- {'met' if met else '**not met**'}: {what}: {measured}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="bundled,10000", help="bundled and/or city counts")
    parser.add_argument("--runs", type=int, default=5, help="measured cold visits per view")
    parser.add_argument("--write-readme", action="store_true", help="put the table in README.md")
    args = parser.parse_args(argv)
    work_dir = ROOT / ".cache" / "static-site-bench"  # git-ignored
    work_dir.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    load = os.getloadavg()[0]  # other work on the machine skews times: say how busy it was
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for size in args.sizes.split(","):
                print(f"{size}: publishing and measuring...", flush=True)
                rows += run_size(browser, size, work_dir, args.runs)
        finally:
            browser.close()
    text = markdown(rows, args.runs, load)
    print(text)
    if args.write_readme:
        replace_block(README, README_BLOCK, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
