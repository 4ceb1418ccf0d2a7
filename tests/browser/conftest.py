"""Browser fixtures: one Streamlit server per data folder, headless Chromium, watched pages.

Every page is opened in a fresh context whose requests all pass through a route that aborts
and records any request to another host (see watch.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from bench.chromium import CHROMIUM as CHROMIUM_PATH
from bench.chromium import CHROMIUM_FLAGS
from tests.browser.server import REPO, StreamlitServer, start_streamlit
from tests.browser.watch import PageWatch
from tests.browser.xss_data import make_xss_data_folder

CHROMIUM = Path(CHROMIUM_PATH)
VIEWPORT = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}  # a common phone, portrait
ARTIFACTS = REPO / "tests" / "artifacts"


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Screenshots land here (git-ignored) so a person can look at what the tests saw."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium: Playwright's own browser download cannot run here."""
    if not CHROMIUM.exists():
        pytest.fail(f"the browser tests need Chromium at {CHROMIUM} (make chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        yield chromium
        chromium.close()


def _serve(data_dir: Path | None, log_path: Path) -> Iterator[StreamlitServer]:
    try:
        server = start_streamlit(data_dir, log_path)
    except RuntimeError as error:
        pytest.fail(str(error))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """The dashboard on the bundled `data/` folder."""
    logs = tmp_path_factory.mktemp("streamlit-bundled")
    yield from _serve(None, logs / "streamlit.log")


@pytest.fixture(scope="session")
def xss_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data with one delegation city named like an HTML injection."""
    return make_xss_data_folder(tmp_path_factory.mktemp("xss") / "data")


@pytest.fixture(scope="session")
def xss_server(
    xss_data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[StreamlitServer]:
    """The dashboard on the XSS data folder."""
    logs = tmp_path_factory.mktemp("streamlit-xss")
    yield from _serve(xss_data_dir, logs / "streamlit.log")


@pytest.fixture
def watch(browser: Browser) -> Iterator[PageWatch]:
    """A fresh page (1400×900) whose outside requests, errors and dialogs are recorded."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page_watch = PageWatch(page)
    page_watch.attach(context)
    try:
        yield page_watch
    finally:
        context.close()
