"""The organizers' workspace in a real browser, on a server started as `make run` starts it
(`python -m footprint serve`), on a temporary copy of the data so the bundled data is never
written: unreachable signed out, then the one-time link, the French-Excel list, a made-up city
placed by hand, publish, and the public map drawing the new markers. No markup from the file
runs anywhere."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from footprint.auth import TOKEN_HASH_ENV
from tests.browser.leaflet import (
    MAP_FRAME_SELECTOR,
    count_layers,
    map_frame,
    wait_for_layer_count,
)
from tests.browser.navigation import open_app, wait_for_app_idle
from tests.browser.server import REPO, STARTUP_TIMEOUT_S, StreamlitServer, _health_ok, free_port
from tests.import_fixtures.support import FRENCH_CSV

pytestmark = pytest.mark.browser

LINK = re.compile(r"Organizers: (http://\S+)")
# Opening a deep link, Streamlit's frontend first looks for its server under the page's path
# and logs the 404s before finding it at the root: nothing of ours.
DEEP_LINK_PROBE = re.compile(r"/(organizers|signin)/_stcore/(health|host-config)\b")
INJECTED_IMAGES = 'img[src="x"]'
MADE_UP = "Zorglubopolis"
# Edition 8 as published from the fixture: Casablanca hosts; Shanghai, the guest city, and 16
# delegation cities are found, plus the made-up one placed by hand: 18 visiting cities (the
# duplicate, the formula, the markup and the empty city are left out).
EDITION_8_VISITORS = 18
ACTION_TIMEOUT_MS = 60_000


def _start_launcher(data_dir: Path, log_path: Path) -> StreamlitServer:
    port = free_port()
    env = {
        **os.environ,
        "FOOTPRINT_DATA_DIR": str(data_dir),
        "STREAMLIT_SERVER_HEADLESS": "true",
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    }
    env.pop(TOKEN_HASH_ENV, None)
    command = [sys.executable, "-m", "footprint", "serve"]
    command += ["--port", str(port), "--address", "127.0.0.1"]
    with log_path.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = StreamlitServer(process, port, log_path)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the launcher exited early:\n{server.log_tail()}")
        if _health_ok(server.url):
            return server
        time.sleep(0.25)
    server.stop()
    pytest.fail(f"the launcher's server was not healthy in time:\n{server.log_tail()}")


@pytest.fixture(scope="module")
def launched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """`python -m footprint serve` on a copy of the bundled CSV files."""
    data_dir = tmp_path_factory.mktemp("workspace") / "data"
    data_dir.mkdir()
    for csv_file in (REPO / "data").glob("*.csv"):
        shutil.copy(csv_file, data_dir / csv_file.name)
    server = _start_launcher(data_dir, data_dir.parent / "streamlit.log")
    server.data_dir = data_dir
    try:
        yield server
    finally:
        server.stop()


def _link(server: StreamlitServer) -> str:
    found = LINK.search(server.log_path.read_text(encoding="utf-8"))
    assert found, f"the launcher printed no organizer link:\n{server.log_tail()}"
    return found.group(1)


def _metric(page: Page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]', has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text()


def _wait_for_metric(page: Page, label: str, value: str) -> None:
    deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        shown = page.locator('[data-testid="stMetric"]', has_text=label).count()
        if shown and _metric(page, label) == value:
            return
        time.sleep(0.25)
    raise AssertionError(f"{label} never showed {value}")


def test_signed_out_the_workspace_cannot_be_reached(launched, watch):
    """The fresh server's very first request is the deep link: the page must still stop."""
    page = watch.page
    open_app(page, launched, "/organizers")
    page.wait_for_timeout(1500)
    wait_for_app_idle(page)
    assert page.get_by_role("heading", name="Organizers", exact=True).count() == 0
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    assert page.get_by_role("link", name="Organizers", exact=True).count() == 0
    open_app(page, launched, "/signin")
    page.get_by_role("heading", name="Organizer sign-in").wait_for()
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    watch.console_errors = [e for e in watch.console_errors if not DEEP_LINK_PROBE.search(e)]
    watch.assert_clean()


def test_link_upload_review_place_publish_then_public_map(launched, watch, artifacts_dir, browser):
    page = watch.page
    link = _link(launched)
    token = link.split("organizer=", 1)[1]
    page.goto(link.replace("localhost", "127.0.0.1"), wait_until="domcontentloaded")
    page.get_by_role("heading", name="Organizers", exact=True).first.wait_for(
        timeout=ACTION_TIMEOUT_MS
    )
    wait_for_app_idle(page)
    assert "organizer=" not in page.url

    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(FRENCH_CSV)
    page.get_by_role("heading", name="Review", exact=True).wait_for(timeout=ACTION_TIMEOUT_MS)
    wait_for_app_idle(page)
    assert (_metric(page, "Rows read"), _metric(page, "To place")) == ("23", "1")
    assert page.locator(INJECTED_IMAGES).count() == 0, "the file's markup became an element"
    page.get_by_text("Problems only").click()
    wait_for_app_idle(page)
    page.get_by_role("heading", name="Review", exact=True).scroll_into_view_if_needed()
    page.mouse.wheel(0, 120)
    page.wait_for_timeout(300)
    page.screenshot(path=artifacts_dir / "workspace-review.png")

    # Placed by a click on the place-by-hand map (the first map on the page): the click fills
    # in the latitude and longitude.
    place_map = page.locator(MAP_FRAME_SELECTOR).first
    map_frame(page)
    box = place_map.bounding_box()
    place_map.click(position={"x": box["width"] * 0.55, "y": box["height"] * 0.5})
    latitude = page.get_by_label("Latitude", exact=True)
    page.wait_for_function(
        "(input) => input.value !== ''", arg=latitude.element_handle(), timeout=ACTION_TIMEOUT_MS
    )
    wait_for_app_idle(page)
    clicked = float(latitude.input_value()), float(page.get_by_label("Longitude").input_value())
    page.get_by_role("button", name="Place it here").click()
    _wait_for_metric(page, "To place", "0")
    wait_for_app_idle(page)

    page.get_by_role("button", name="Publish edition 8").click()
    page.get_by_text("Published (version").wait_for(timeout=ACTION_TIMEOUT_MS)
    assert page.locator(INJECTED_IMAGES).count() == 0
    published = (launched.data_dir / "cities.csv").read_text(encoding="utf-8")
    assert MADE_UP in published and "onerror" not in published
    manual = (launched.data_dir / "geocache.csv").read_text(encoding="utf-8")
    assert f"FR,{clicked[0]:.5f},{clicked[1]:.5f},{MADE_UP},FR,manual" in manual

    public = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    try:
        visitor = public.new_page()
        open_app(visitor, launched, "/?edition=8&lang=en")
        frame = map_frame(visitor)
        wait_for_layer_count(frame, "city-marker", EDITION_8_VISITORS)
        assert count_layers(frame, "host-marker") == 1
        assert count_layers(frame, "guest-marker") == 1
        assert visitor.get_by_role("link", name="Organizers", exact=True).count() == 0
        assert frame.locator(INJECTED_IMAGES).count() == 0

        open_app(visitor, launched, f"/?organizer={token}")
        visitor.wait_for_timeout(1000)
        assert visitor.get_by_role("heading", name="Organizers", exact=True).count() == 0, (
            "link reused"
        )
    finally:
        public.close()

    log = launched.log_path.read_text(encoding="utf-8")
    assert log.count(token) == 1, "the token was written somewhere besides the launcher's line"
    watch.assert_clean()
