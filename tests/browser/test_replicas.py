"""Two replicas behind HAProxy, as `make serve REPLICAS=2` runs them: the map draws, a filter
and a download work through the proxy, and a visitor whose replica dies is reconnected to the
other one by Streamlit's frontend, HAProxy redispatching the sticky cookie."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page

from bench.streamlit_session import StreamlitSession, run_async
from deploy.haproxy import HAPROXY, HAProxy, start_haproxy
from deploy.processes import free_port
from deploy.replicas import Replica, launch_replica, start_replicas, stop_all
from deploy.replicas import wait_healthy as wait_replicas_healthy
from deploy.secret import cookie_secret
from footprint.filters import Filters
from footprint.i18n import CONTINENT_NAMES, name_in, t
from footprint.places import places, visible_places, visitors
from footprint.tables import cities_table
from tests.browser.leaflet import map_frame, wait_for_layer_count
from tests.browser.navigation import open_app, wait_for_app_idle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not HAPROXY.exists(), reason=f"HAProxy is not installed at {HAPROXY}"),
]

FIRST_VIEW = "/?edition=all&lang=en"
EUROPE = "Europe"
RECONNECT_TIMEOUT_MS = 60_000


@dataclass
class Layout:
    replicas: list[Replica]
    proxy: HAProxy
    log_dir: Path
    secret: str

    @property
    def url(self) -> str:
        return self.proxy.url

    def replica(self, name: str) -> Replica:
        return next(replica for replica in self.replicas if replica.name == name)

    def restart(self, name: str) -> None:
        """Start a dead replica again on its port, as deploy/serve.py's watch loop does."""
        index = next(i for i, replica in enumerate(self.replicas) if replica.name == name)
        old = self.replicas[index]
        fresh = launch_replica(old.name, old.port, self.log_dir, cookie_secret=self.secret)
        self.replicas[index] = fresh
        wait_replicas_healthy([fresh])


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Layout]:
    work = tmp_path_factory.mktemp("replicas")
    secret = cookie_secret(work / "cookie_secret")
    try:
        replicas = start_replicas(2, [free_port(), free_port()], work / "logs", None, secret)
    except RuntimeError as error:
        pytest.fail(str(error))
    proxy = None
    try:
        servers = [(r.name, r.address, r.port) for r in replicas]
        proxy = start_haproxy(servers, work / "haproxy", port=free_port())
        for replica in replicas:
            run_async(visit_once(replica.url))
        yield Layout(replicas, proxy, work / "logs", secret)
    finally:
        if proxy is not None:
            proxy.stop()
        stop_all(replicas)


async def visit_once(url: str) -> None:
    """Both replicas have served a visitor, as in a running deployment: the reconnection is
    then timed on a warm replica, not on a first run's imports."""
    session = StreamlitSession(url, FIRST_VIEW.lstrip("/?"))
    try:
        assert (await session.open()).is_full_page
    finally:
        await session.close()


def city_count(bundled, continents: tuple[str, ...] = ()) -> int:
    _, located = bundled
    view = visible_places(places(located, None), Filters(None, continents, "en"))
    return len(visitors(view))


def pick_continent(page: Page, continent: str) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    box = sidebar.get_by_test_id("stMultiSelect").filter(has_text=t("continents", "en"))
    box.locator("input").click()
    page.get_by_role("option", name=name_in(CONTINENT_NAMES, continent, "en"), exact=True).click()
    page.keyboard.press("Escape")


def wait_for_cities(page: Page, expected: int, attempts: int = 3) -> None:
    """The map shows `expected` cities. After a reconnection the new session may remount the
    map once it runs, so a frame that goes away is looked up again."""
    for attempt in range(attempts):
        try:
            wait_for_layer_count(map_frame(page), "city-marker", expected)
            return
        except AssertionError as error:
            if "detached" not in str(error) or attempt == attempts - 1:
                raise


def stuck_to(page: Page) -> str:
    """The replica HAProxy's cookie keeps this browser on."""
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    return cookies["fp_replica"]


def test_map_filter_and_download_through_the_proxy(layout: Layout, watch, bundled) -> None:
    page = watch.page
    open_app(page, layout, FIRST_VIEW)
    frame = map_frame(page)
    wait_for_layer_count(frame, "city-marker", city_count(bundled))
    wait_for_layer_count(frame, "host-marker", 1)
    assert stuck_to(page) in {replica.name for replica in layout.replicas}

    pick_continent(page, EUROPE)
    wait_for_layer_count(frame, "city-marker", city_count(bundled, (EUROPE,)))

    # The file lives in the replica's memory: the sticky cookie brings the download to it.
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=t("page_cities", "en")).click()
    wait_for_app_idle(page)
    with page.expect_download() as download_info:
        page.get_by_test_id("stDownloadButton").get_by_role("button").click()
    download = download_info.value
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    _, located = bundled
    view = visible_places(places(located, None), Filters(None, (EUROPE,), "en"))
    expected = cities_table(view, "en")
    assert rows[0] == list(expected.columns)
    assert len(rows) - 1 == len(expected)
    watch.assert_clean()


def kill_stuck_replica(layout: Layout, page: Page, bundled) -> str:
    """Open the map, kill the replica the browser is stuck to, wait for the reconnection to the
    other one (HAProxy sends the dead replica's cookie on) and for the map to be back."""
    open_app(page, layout, FIRST_VIEW)
    wait_for_cities(page, city_count(bundled))
    victim = stuck_to(page)
    layout.replica(victim).kill()
    page.wait_for_selector(
        '[data-testid="stApp"]:not([data-test-connection-state="CONNECTED"])',
        state="attached",
        timeout=RECONNECT_TIMEOUT_MS,
    )
    wait_for_app_idle(page, RECONNECT_TIMEOUT_MS)
    wait_for_cities(page, city_count(bundled))
    return victim


def assert_nothing_forbidden(watch) -> None:
    """The reconnection logs failed websocket attempts to the console, which is expected; what
    must never happen is checked."""
    assert watch.outside_requests == []
    assert watch.page_errors == []
    assert watch.dialogs == []


def test_a_visitor_survives_the_death_of_their_replica(layout: Layout, watch, bundled) -> None:
    page = watch.page
    victim = kill_stuck_replica(layout, page, bundled)
    try:
        # The first interaction on the new replica is one the page reads directly (see the
        # next test for a filter), then filters work on the new replica as before.
        page.get_by_test_id("stCheckbox").filter(has_text=t("show_arcs", "en")).click()
        wait_for_app_idle(page)
        pick_continent(page, EUROPE)
        wait_for_cities(page, city_count(bundled, (EUROPE,)))
        assert not layout.replica(victim).is_running(), "served by the other replica"
    finally:
        layout.restart(victim)  # the layout is whole again for whatever runs next
    assert_nothing_forbidden(watch)


def test_the_first_filter_change_after_a_switch_is_kept(layout: Layout, watch, bundled) -> None:
    page = watch.page
    victim = kill_stuck_replica(layout, page, bundled)
    try:
        pick_continent(page, EUROPE)
        # A dropped change never redraws: the usual wait (not a short one) tells it from a
        # machine slowed by the rest of the suite.
        wait_for_layer_count(map_frame(page), "city-marker", city_count(bundled, (EUROPE,)))
    finally:
        layout.restart(victim)
        assert_nothing_forbidden(watch)
