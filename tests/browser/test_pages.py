"""Every page of the app renders without an exception box; a screenshot of each is kept."""

from __future__ import annotations

import re

import pytest

from footprint.i18n import t
from tests.browser.leaflet import map_frame, wait_for_layer_count
from tests.browser.navigation import open_app, wait_for_app_idle
from tests.browser.screenshots import save_full_page

pytestmark = pytest.mark.browser

LANG = "en"
EDITION_2_CITIES = 20  # delegation cities of edition 2 in data/cities.csv
# (page title key in footprint/i18n.py, its URL path, its heading key, screenshot name)
PAGES = [
    ("page_map", "/", "app_title", "map.png"),
    ("page_editions", "/editions", "page_editions", "editions.png"),
    ("page_cities", "/cities", "page_cities", "cities.png"),
    ("page_sources", "/sources", "page_sources", "sources.png"),
]
NAV_LINK = '[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]'
EXCEPTION = '[data-testid="stException"]'


def test_sidebar_lists_every_page(app_server, watch):
    """The four pages are reachable from the sidebar, under their translated titles."""
    page = watch.page
    open_app(page, app_server, f"/?edition=2&lang={LANG}")
    links = page.locator(NAV_LINK)
    titles = [text.strip() for text in links.all_inner_texts()]
    assert titles == [t(title_key, LANG) for title_key, *_ in PAGES]
    paths = [
        re.sub(r"^https?://[^/]+", "", links.nth(i).get_attribute("href") or "")
        for i in range(links.count())
    ]
    assert paths == [path for _, path, *_ in PAGES]
    watch.assert_clean()


@pytest.mark.parametrize(
    ("title_key", "path", "heading_key", "screenshot"),
    PAGES,
    ids=[name.removesuffix(".png") for *_, name in PAGES],
)
def test_page_renders_without_exception(
    app_server, watch, artifacts_dir, title_key, path, heading_key, screenshot
):
    """Reached from the sidebar as a reader would, each page shows its heading and no error."""
    page = watch.page
    open_app(page, app_server, f"/?edition=2&lang={LANG}")
    if path != "/":
        page.locator(NAV_LINK).filter(has_text=t(title_key, LANG)).click()
        page.wait_for_url(re.compile(rf"^{re.escape(app_server.url)}{re.escape(path)}(\?|$)"))
    heading = page.locator("h1").filter(has_text=t(heading_key, LANG))
    heading.wait_for(state="visible")
    wait_for_app_idle(page)
    if path == "/":
        # The map is the heart of the first page: shoot it once its markers are drawn.
        wait_for_layer_count(map_frame(page), "city-marker", EDITION_2_CITIES)

    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()
    save_full_page(page, artifacts_dir / screenshot)
    watch.assert_clean()
