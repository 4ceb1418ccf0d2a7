"""Open the app's pages and wait for Streamlit to finish running their script."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.leaflet import MAP_FRAME_SELECTOR
from tests.browser.server import StreamlitServer

# Streamlit's first page load on a fresh machine may be slow.
FIRST_LOAD_TIMEOUT_MS = 60_000
APP_IDLE_SELECTOR = (
    '[data-testid="stApp"][data-test-script-state="notRunning"]'
    '[data-test-connection-state="CONNECTED"]'
)

LOADING_PLACEHOLDER = '[data-testid="stSkeleton"]'
SIDEBAR_FILTERS = '[data-testid="stSidebar"] [data-testid="stMultiSelect"]'


def open_app(page: Page, server: StreamlitServer, path_and_query: str = "/") -> None:
    """Load a page of the app and wait until its script has run, and on the map page until
    the rest of the page has followed the map."""
    page.goto(
        f"{server.url}{path_and_query}",
        wait_until="domcontentloaded",
        timeout=FIRST_LOAD_TIMEOUT_MS,
    )
    wait_for_app_idle(page)
    if page.locator(MAP_FRAME_SELECTOR).count() and not page.locator(SIDEBAR_FILTERS).count():
        # Map first (ui/map_first.py): the rest of the page follows the map's report.
        page.locator(SIDEBAR_FILTERS).wait_for(state="attached", timeout=FIRST_LOAD_TIMEOUT_MS)
        wait_for_app_idle(page)


def wait_for_app_idle(page: Page, timeout_ms: float = FIRST_LOAD_TIMEOUT_MS) -> None:
    """Connected, the page's script no longer running, and no element still loading its code.

    Streamlit loads some elements (tables, buttons) lazily and shows a skeleton meanwhile.
    """
    page.wait_for_selector(APP_IDLE_SELECTOR, state="attached", timeout=timeout_ms)
    page.wait_for_selector(LOADING_PLACEHOLDER, state="detached", timeout=timeout_ms)
