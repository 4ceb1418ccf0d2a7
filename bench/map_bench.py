"""Map page benchmark: our map page against the plain folium way, a page with no map and a
trivial Streamlit page.

For each size of a synthetic city list it serves each page with `streamlit run` on a free port
and drives it in headless Chromium (offline). Every visit is a new visitor: a fresh browser
context, so an empty HTTP cache. It measures the first load until every city marker is drawn, a
continent filter change (the sidebar multiselect) until the new markers are drawn, the bytes
sent to the browser, the server's peak memory; and, in this process, the Python time to build
each map. It prints a table and, with --write-readme, puts it in README.md.

    .venv/bin/python bench/map_bench.py [--sizes 20,1000,10000] [--runs 3] [--write-readme]

A measurement, never a test: nothing here fails on a slow number. bench/README.md says what
each column means and the traps met on the way.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import os
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import folium
import pandas as pd
import psutil
from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from streamlit import config as streamlit_config
from streamlit.logger import set_log_level
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # footprint, geo, ui and bench are imported from the repository
# The app's cached loaders, imported here outside `streamlit run`, warn that there is no
# runtime. Parse the config first: parsing resets the log level.
streamlit_config.get_config_options()
set_log_level("error")

import streamlit_folium  # noqa: E402

from bench.baseline import build_plain_map  # noqa: E402
from bench.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from bench.js import script  # noqa: E402
from bench.readme_block import replace_block  # noqa: E402
from bench.synthetic import write_data_folder  # noqa: E402
from deploy.processes import free_port, stop_process_group, streamlit_healthy  # noqa: E402
from footprint.assets import install_static_assets  # noqa: E402
from footprint.data import BUNDLED_DATA_DIR, DATA_DIR_ENV, load_dataset  # noqa: E402
from footprint.filters import Filters  # noqa: E402
from footprint.mapview import build_map, map_spec  # noqa: E402
from footprint.places import locate, places, visible_places, visitors  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"
README = ROOT / "README.md"
README_BLOCK = "bench:map"  # between <!-- NAME:start --> and <!-- NAME:end -->
FIRST_VIEW = "/?edition=all&lang=en"  # every edition, every continent, in English
FILTER_CONTINENT = "Europe"
CONTINENTS_LABEL = "Continents"  # the sidebar multiselect's label in English
ACTION_TIMEOUT_MS = 120_000
SERVER_START_TIMEOUT_S = 60
MEMORY_POLL_S = 0.05
MB = 1_000_000
# A page that breaks (the app is being worked on) is reported, and the others still measured.
MEASUREMENT_ERRORS = (PlaywrightError, RuntimeError, TimeoutError)


@dataclass(frozen=True)
class PageUnderTest:
    name: str
    script: Path
    draws_map: bool
    has_filters: bool = True


PAGES = (
    PageUnderTest("ours", ROOT / "app.py", draws_map=True),
    PageUnderTest("plain", ROOT / "bench" / "pages" / "plain_map.py", draws_map=True),
    PageUnderTest("no-map", ROOT / "bench" / "pages" / "no_map.py", draws_map=False),
    PageUnderTest(
        "trivial", ROOT / "bench" / "pages" / "trivial.py", draws_map=False, has_filters=False
    ),
)


@dataclass(frozen=True)
class DataCase:
    """A data folder and how many visiting cities each measured view must show."""

    label: str
    folder: Path
    all_cities: int
    filtered_cities: int


@dataclass
class ActionResult:
    seconds: float
    http_bytes: int
    ws_bytes: int
    server_ms: float | None  # rerun request sent → script_finished received
    page_seconds: float | None = None  # a first load: until the whole page is there


@dataclass
class PageResult:
    first_loads: list[ActionResult] = field(default_factory=list)
    filter_changes: list[ActionResult] = field(default_factory=list)
    build_ms: float | None = None
    peak_mb: float = 0.0


# --- data -----------------------------------------------------------------------------------


def all_edition_places(folder: Path) -> pd.DataFrame:
    """One row per place over every edition, from the folder's files, as ui.data builds it."""
    return places(locate(load_dataset(folder).cities, folder / "geocache.csv"))


def expected_counts(folder: Path) -> tuple[int, int]:
    """Visiting cities in the all-editions view, unfiltered and filtered, computed with the
    app's own place logic so "every marker drawn" means the same number the page draws."""
    every_place = all_edition_places(folder)
    unfiltered = visitors(visible_places(every_place, Filters(None, (), "en")))
    filtered = visitors(visible_places(every_place, Filters(None, (FILTER_CONTINENT,), "en")))
    return len(unfiltered), len(filtered)


def prepare_case(size: int, work_dir: Path) -> DataCase:
    folder = work_dir / f"cities-{size}"
    write_data_folder(folder, size)
    check = subprocess.run(
        [str(PYTHON), "-m", "footprint", "check", "--data", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if check.returncode != 0:
        raise SystemExit(
            f"generated data folder {folder} is invalid:\n{check.stdout}{check.stderr}"
        )
    return DataCase(str(size), folder, *expected_counts(folder))


# --- Python map build -----------------------------------------------------------------------


def component_strings(base: folium.Map, feature_group: folium.FeatureGroup | None = None) -> None:
    """What st_folium does in Python before sending the map: render the figure and turn it
    (and the feature group it swaps in place) into HTML and JavaScript strings."""
    base.get_root().render()
    base.render()
    streamlit_folium._get_html(base)
    streamlit_folium._get_header(base)
    streamlit_folium._get_map_string(base)
    if feature_group is not None:
        streamlit_folium._get_feature_group_string(feature_group, map=base)


def build_times_ms(case: DataCase, repeats: int) -> dict[str, float]:
    """Median wall time to build each page's map and convert it, on the all-editions view."""
    view = visible_places(all_edition_places(case.folder), Filters(None, (), "en"))

    def ours(cities: pd.DataFrame) -> None:
        footprint_map = build_map(map_spec(cities, "en"), "en")
        component_strings(footprint_map.base, footprint_map.layers)

    def plain(cities: pd.DataFrame) -> None:
        component_strings(build_plain_map(cities, "en"))

    timings = {}
    for name, builder in (("ours", ours), ("plain", plain)):
        builder(view.head(20))  # imports and template compilation are not part of a build
        timings[name] = _median_ms(lambda builder=builder: builder(view), repeats)
    return timings


def _median_ms(work: Callable[[], None], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


# --- server ---------------------------------------------------------------------------------


class PeakMemory:
    """Polls the RSS of the server and its children in a thread and keeps the peak."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self._stop.is_set():
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                rss = sum(member.memory_info().rss for member in tree)
            except psutil.NoSuchProcess:
                return
            self.peak_bytes = max(self.peak_bytes, rss)
            self._stop.wait(MEMORY_POLL_S)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def _script_dir(page: PageUnderTest, work_dir: Path) -> Path:
    """Streamlit serves `static/` next to the main script: the bench pages run from a folder
    that links to their file and to the app's static/, so they load the same local Leaflet."""
    if page.script.parent == ROOT:
        return page.script
    folder = work_dir / "pages"
    folder.mkdir(exist_ok=True)
    for link, target in (
        (folder / "static", ROOT / "static"),
        (folder / page.script.name, page.script),
    ):
        if not link.is_symlink():
            link.symlink_to(target)
    return folder / page.script.name


@contextlib.contextmanager
def streamlit_server(
    page: PageUnderTest, data_folder: Path, work_dir: Path
) -> Iterator[tuple[str, PeakMemory]]:
    port = free_port()
    log_path = work_dir / f"server-{page.name}-{data_folder.name}.log"
    command = [
        str(PYTHON),
        "-m",
        "streamlit",
        "run",
        str(_script_dir(page, work_dir)),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    env = {**os.environ, DATA_DIR_ENV: str(data_folder)}
    with log_path.open("w") as log:
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, server, log_path)
        with PeakMemory(server.pid) as memory:
            yield url, memory
    finally:
        stop_process_group(server)


def _wait_healthy(url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log_path.read_text()}")
        if streamlit_healthy(url):
            return
        time.sleep(0.2)
    raise RuntimeError(
        f"streamlit did not answer in {SERVER_START_TIMEOUT_S} s:\n{log_path.read_text()}"
    )


# --- browser --------------------------------------------------------------------------------


class Traffic:
    """Bytes and Streamlit messages seen by one tab, through the DevTools protocol: HTTP
    bodies as received (a cache hit counts 0) and websocket frames both ways."""

    def __init__(self, page: Page):
        self.http: list[int] = []
        self.received: list[tuple[float, int, str]] = []  # (timestamp, bytes, ForwardMsg type)
        self.sent: list[tuple[float, str]] = []  # (timestamp, BackMsg type)
        session = page.context.new_cdp_session(page)
        session.on(
            "Network.loadingFinished",
            lambda event: self.http.append(int(event["encodedDataLength"])),
        )
        session.on("Network.webSocketFrameReceived", self._on_received)
        session.on("Network.webSocketFrameSent", self._on_sent)
        session.send("Network.enable")

    @staticmethod
    def _payload(event: dict) -> bytes:
        response = event["response"]
        if response["opcode"] == 2:
            return base64.b64decode(response["payloadData"])
        return response["payloadData"].encode()

    def _on_received(self, event: dict) -> None:
        payload = self._payload(event)
        kind = ForwardMsg.FromString(payload).WhichOneof("type") or ""
        self.received.append((event["timestamp"], len(payload), kind))

    def _on_sent(self, event: dict) -> None:
        kind = BackMsg.FromString(self._payload(event)).WhichOneof("type") or ""
        self.sent.append((event["timestamp"], kind))

    def mark(self) -> tuple[int, int, int]:
        return len(self.http), len(self.received), len(self.sent)

    def since(self, mark: tuple[int, int, int], seconds: float) -> ActionResult:
        http_from, received_from, sent_from = mark
        received = self.received[received_from:]
        reruns = [stamp for stamp, kind in self.sent[sent_from:] if kind == "rerun_script"]
        finished = [stamp for stamp, _, kind in received if kind == "script_finished"]
        server_ms = None
        if reruns:
            after = [stamp for stamp in finished if stamp >= reruns[0]]
            server_ms = (after[0] - reruns[0]) * 1000 if after else None
        return ActionResult(
            seconds=seconds,
            http_bytes=sum(self.http[http_from:]),
            ws_bytes=sum(size for _, size, _ in received),
            server_ms=server_ms,
        )


def _wait_until_shown(page: Page, draws_map: bool, cities: int | None) -> None:
    if cities is None:  # the trivial page: its one card
        page.wait_for_function(script("card_shown"), polling=20, timeout=ACTION_TIMEOUT_MS)
    elif draws_map:
        page.wait_for_function(
            script("markers_drawn"), arg=cities, polling=20, timeout=ACTION_TIMEOUT_MS
        )
    else:  # the no-map page: its first count card shows the number of cities
        page.wait_for_function(
            script("card_shown"), arg=f"{cities:,}", polling=20, timeout=ACTION_TIMEOUT_MS
        )
    page.evaluate(script("painted"))


def first_load(
    page: Page, traffic: Traffic, url: str, draws_map: bool, cities: int | None
) -> ActionResult:
    mark = traffic.mark()
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    _wait_until_shown(page, draws_map, cities)
    seconds = time.perf_counter() - start
    if cities is not None:
        _wait_for_whole_page(page)
    page_seconds = time.perf_counter() - start
    _wait_for_script_finished(page, traffic, mark)  # its bytes and server time count too
    return replace(traffic.since(mark, seconds), page_seconds=page_seconds)


def _wait_for_whole_page(page: Page) -> None:
    """The sidebar's filters, a card and no script running: our map page draws its map
    first and the rest once the map's frame reports it on screen (ui/map_first.py)."""
    _continents_input(page).wait_for(state="attached", timeout=ACTION_TIMEOUT_MS)
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=ACTION_TIMEOUT_MS)
    page.wait_for_function(script("script_done"), polling=20, timeout=ACTION_TIMEOUT_MS)


def _continents_input(page: Page) -> Locator:
    widget = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has_text=CONTINENTS_LABEL
    )
    return widget.locator("input")


def filter_change(page: Page, traffic: Traffic, draws_map: bool, cities: int) -> ActionResult:
    """Pick one continent in the sidebar multiselect; timed from the click on the option."""
    _continents_input(page).click()
    option = page.get_by_role("option", name=FILTER_CONTINENT, exact=True)
    option.wait_for()
    mark = traffic.mark()
    start = time.perf_counter()
    option.click()
    _wait_until_shown(page, draws_map, cities)
    seconds = time.perf_counter() - start
    _wait_for_script_finished(page, traffic, mark)
    return traffic.since(mark, seconds)


def measure_page(
    browser: Browser, page_under_test: PageUnderTest, case: DataCase, runs: int, work_dir: Path
) -> PageResult:
    """One server; a warm-up visit, then `runs` visits. Each visit is a new visitor: a new
    browser context (an empty HTTP cache) and a new Streamlit session, on a server whose own
    caches the warm-up filled, as on a running dashboard."""
    result = PageResult()
    cities = case.all_cities if page_under_test.has_filters else None
    with streamlit_server(page_under_test, case.folder, work_dir) as (base_url, memory):
        for run in range(runs + 1):
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
            page = context.new_page()
            traffic = Traffic(page)
            try:
                load = first_load(
                    page, traffic, base_url + FIRST_VIEW, page_under_test.draws_map, cities
                )
                change = None
                if page_under_test.has_filters:
                    change = filter_change(
                        page, traffic, page_under_test.draws_map, case.filtered_cities
                    )
            except MEASUREMENT_ERRORS:
                shot = work_dir / f"failed-{page_under_test.name}-{case.label}.png"
                page.screenshot(path=shot)
                raise
            finally:
                context.close()
            if run > 0:
                result.first_loads.append(load)
                if change is not None:
                    result.filter_changes.append(change)
        result.peak_mb = memory.peak_bytes / MB
    return result


def warm_rerun_ms(browser: Browser, work_dir: Path, cycles: int) -> list[float]:
    """Server time of reruns of our map page on the bundled data once its caches are warm.
    Each cycle picks Europe in the continent filter, then removes it (Backspace); the first
    cycle fills the caches of both views and is left out."""
    all_cities, _ = expected_counts(BUNDLED_DATA_DIR)
    with streamlit_server(PAGES[0], BUNDLED_DATA_DIR, work_dir) as (base_url, _):
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
        try:
            page = context.new_page()
            traffic = Traffic(page)
            first_load(page, traffic, base_url + FIRST_VIEW, True, all_cities)
            continents = _continents_input(page)
            option = page.get_by_role("option", name=FILTER_CONTINENT, exact=True)
            timings = []
            for _ in range(cycles + 1):
                continents.click()
                timings.append(_rerun_server_ms(page, traffic, option.click))
                timings.append(
                    _rerun_server_ms(page, traffic, lambda: continents.press("Backspace"))
                )
        finally:
            context.close()
    return timings[2:]


def _rerun_server_ms(page: Page, traffic: Traffic, action: Callable[[], None]) -> float:
    """Do `action`, wait for the rerun it causes to finish, return its server time."""
    mark = traffic.mark()
    action()
    return _wait_for_script_finished(page, traffic, mark)


def _wait_for_script_finished(page: Page, traffic: Traffic, mark: tuple[int, int, int]) -> float:
    """Wait for the script run requested after `mark` to finish; return its server time.
    The map can be drawn before the script ends (it goes on below the map)."""
    deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
    while (server_ms := traffic.since(mark, 0).server_ms) is None:
        if time.monotonic() > deadline:
            raise TimeoutError("no script_finished message after the rerun request")
        page.wait_for_timeout(10)
    page.wait_for_function(script("script_done"), polling=20, timeout=ACTION_TIMEOUT_MS)
    return server_ms


# --- report ---------------------------------------------------------------------------------


def _median(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else None


@dataclass(frozen=True)
class Row:
    """Medians for one page and size."""

    size: str
    page: str
    load_s: float
    page_s: float | None
    filter_s: float | None
    filter_server_ms: float | None
    load_mb: float
    load_ws_mb: float
    filter_mb: float
    build_ms: float | None
    peak_mb: float


def summarize(size: str, page: str, result: PageResult) -> Row:
    loads, changes = result.first_loads, result.filter_changes
    return Row(
        size=size,
        page=page,
        load_s=_median([load.seconds for load in loads]),
        page_s=_median([load.page_seconds for load in loads]),
        filter_s=_median([change.seconds for change in changes]),
        filter_server_ms=_median([change.server_ms for change in changes]),
        load_mb=_median([(load.http_bytes + load.ws_bytes) / MB for load in loads]),
        load_ws_mb=_median([load.ws_bytes / MB for load in loads]),
        filter_mb=_median([(change.http_bytes + change.ws_bytes) / MB for change in changes]),
        build_ms=result.build_ms,
        peak_mb=result.peak_mb,
    )


def _fmt(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _ratio(ours: float, other: float) -> str:
    return f"{ours / other:.2f}" if other else "–"


def markdown_table(rows: list[Row]) -> str:
    header = (
        "| size | page | first load (s) | whole page (s) | filter change (s) | filter server (ms) "
        "| bytes first load (MB) | bytes filter (MB) | map data (MB) | Python build (ms) "
        "| server peak (MB) | ours/plain (load · filter) | ours/no-map (load · filter) "
        "| ours/trivial (load) |"
    )
    lines = [header, "|" + "---|" * 14]
    by_key = {(row.size, row.page): row for row in rows}
    for row in rows:
        floor = by_key.get((row.size, "no-map"))
        plain = by_key.get((row.size, "plain"))
        trivial = by_key.get((row.size, "trivial"))
        map_data = (
            row.load_ws_mb - floor.load_ws_mb if floor and row.page in ("ours", "plain") else None
        )
        versus_plain = versus_floor = ""
        if row.page == "ours" and plain:
            versus_plain = (
                f"{_ratio(row.load_s, plain.load_s)} · {_ratio(row.filter_s, plain.filter_s)}"
            )
        if row.page == "ours" and floor:
            versus_floor = (
                f"{_ratio(row.load_s, floor.load_s)} · {_ratio(row.filter_s, floor.filter_s)}"
            )
        cells = [
            row.size,
            row.page,
            _fmt(row.load_s, 2),
            _fmt(row.page_s, 2),
            _fmt(row.filter_s, 2),
            _fmt(row.filter_server_ms, 0),
            _fmt(row.load_mb, 3),
            _fmt(row.filter_mb, 3),
            _fmt(map_data, 3),
            _fmt(row.build_ms, 0),
            _fmt(row.peak_mb, 0),
            versus_plain,
            versus_floor,
            _ratio(row.load_s, trivial.load_s) if row.page == "ours" and trivial else "",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(rows: list[Row], warm_reruns: list[float]) -> list[str]:
    """The issue's targets, each read off this run's table: met or not, with the numbers.
    A target whose rows were not measured (--sizes, --pages) is left out."""
    by_key = {(row.size, row.page): row for row in rows}
    lines: list[str] = []

    def check(what: str, met: bool, numbers: str) -> None:
        lines.append(f"- {'met' if met else '**not met**'}: {what}: {numbers}")

    ours, plain, floor, trivial = (
        by_key.get(("10000", name)) for name in ("ours", "plain", "no-map", "trivial")
    )
    if ours and trivial:
        ratio = ours.load_s / trivial.load_s
        check(
            "10,000 cities, new visitor: first load ≤ 1.4× a trivial Streamlit page",
            ratio <= 1.4,
            f"{ours.load_s:.2f} s vs {trivial.load_s:.2f} s ({ratio:.2f}×)",
        )
    if ours and plain:
        ratio = ours.load_s / plain.load_s
        check(
            "10,000 cities: first load ≤ 10% of the plain way",
            ratio <= 0.10,
            f"{ours.load_s:.2f} s vs {plain.load_s:.2f} s ({ratio:.0%})",
        )
    if ours and floor:
        ratio = ours.load_s / floor.load_s
        check(
            "10,000 cities: first load ≤ 1.4× the no-map page",
            ratio <= 1.4,
            f"{ours.load_s:.2f} s vs {floor.load_s:.2f} s ({ratio:.2f}×)",
        )
    if ours:
        check(
            "10,000 cities: filter change ≤ 0.3 s", ours.filter_s <= 0.3, f"{ours.filter_s:.2f} s"
        )
    if ours and floor:
        map_data = ours.load_ws_mb - floor.load_ws_mb
        check("10,000 cities: ≤ 0.4 MB of map data sent", map_data <= 0.4, f"{map_data:.3f} MB")
        check(
            "10,000 cities: server peak ≤ 200 MB",
            ours.peak_mb <= 200,
            f"{ours.peak_mb:.0f} MB (RSS; the no-map page peaks at {floor.peak_mb:.0f} MB)",
        )
    if ours and ours.build_ms is not None:
        check(
            "10,000 cities: Python map build ≤ 150 ms",
            ours.build_ms <= 150,
            f"{ours.build_ms:.0f} ms",
        )
    ours, plain, floor, trivial = (
        by_key.get(("20", name)) for name in ("ours", "plain", "no-map", "trivial")
    )
    if ours and trivial:
        ratio = ours.load_s / trivial.load_s
        check(
            "20 cities, new visitor: first load ≤ 1.4× a trivial Streamlit page",
            ratio <= 1.4,
            f"{ours.load_s:.2f} s vs {trivial.load_s:.2f} s ({ratio:.2f}×)",
        )
    if ours and plain:
        change = ours.load_s / plain.load_s - 1
        check(
            "20 cities: first load within 5% of the plain way",
            change <= 0.05,
            f"{ours.load_s:.2f} s vs {plain.load_s:.2f} s ({change:+.0%})",
        )
    if ours and floor:
        ratio = ours.filter_s / floor.filter_s
        check(
            "20 cities: filter change ≤ 1.3× the no-map page",
            ratio <= 1.3,
            f"{ours.filter_s:.2f} s vs {floor.filter_s:.2f} s ({ratio:.2f}×)",
        )
    if warm_reruns:
        warm = statistics.median(warm_reruns)
        check(
            "bundled data: warm rerun ≤ 100 ms of server time",
            warm <= 100,
            f"{warm:.0f} ms (median of {len(warm_reruns)} reruns)",
        )
    return lines


def report(
    rows: list[Row], failures: list[str], warm_reruns: list[float], runs: int, cases: list[DataCase]
) -> str:
    sizes = ", ".join(
        f"{case.label} ({case.all_cities:,} cities, {case.filtered_cities:,} in {FILTER_CONTINENT})"
        for case in cases
    )
    intro = (
        f"Latest run: {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, headless "
        f"Chromium, offline; median of {runs} runs after one warm-up visit per page. "
        f"Sizes: {sizes}. Filter change: picking {FILTER_CONTINENT} in the sidebar's "
        f"{CONTINENTS_LABEL} multiselect. Figures drift 10–35% between batches on shared "
        "machines: compare within one table."
    )
    lines = [textwrap.fill(intro, width=100, break_on_hyphens=False), "", markdown_table(rows), ""]
    if failures:
        lines += ["Not measured:", "", *(f"- {failure}" for failure in failures), ""]
    return "\n".join([*lines, "Targets (this run):", "", *targets(rows, warm_reruns)])


def _failure(what: str, error: Exception) -> str:
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    print(f"  failed: {first_line} (screenshot and server log in .cache/map-bench/)", flush=True)
    return f"{what}: {first_line}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20,1000,10000", help="city counts, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="measured visits per page and size")
    parser.add_argument(
        "--pages", default=",".join(page.name for page in PAGES), help="pages to measure"
    )
    parser.add_argument("--write-readme", action="store_true", help="put the table in README.md")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    pages = [page for page in PAGES if page.name in args.pages.split(",")]

    work_dir = ROOT / ".cache" / "map-bench"  # git-ignored; server logs stay here to read
    work_dir.mkdir(parents=True, exist_ok=True)
    install_static_assets()
    cases = [prepare_case(size, work_dir) for size in sizes]
    rows: list[Row] = []
    failures: list[str] = []
    warm_reruns: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for case in cases:
                builds = build_times_ms(case, args.runs)
                for page in pages:
                    print(f"{case.label} cities: {page.name}...", flush=True)
                    try:
                        result = measure_page(browser, page, case, args.runs, work_dir)
                    except MEASUREMENT_ERRORS as error:
                        failures.append(_failure(f"{page.name} at {case.label} cities", error))
                        continue
                    result.build_ms = builds.get(page.name)
                    row = summarize(case.label, page.name, result)
                    rows.append(row)
                    print(
                        f"  first load {row.load_s:.2f} s, "
                        f"filter change {_fmt(row.filter_s, 2)} s, "
                        f"peak {row.peak_mb:.0f} MB",
                        flush=True,
                    )
            if PAGES[0] in pages:
                print("warm reruns on the bundled data...", flush=True)
                try:
                    warm_reruns = warm_rerun_ms(browser, work_dir, cycles=3)
                except MEASUREMENT_ERRORS as error:
                    failures.append(_failure("warm reruns on the bundled data", error))
        finally:
            browser.close()
    text = report(rows, failures, warm_reruns, args.runs, cases)
    print(text)
    if args.write_readme:
        replace_block(README, README_BLOCK, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
