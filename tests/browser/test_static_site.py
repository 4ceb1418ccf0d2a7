"""The static site as a visitor gets it: served by a plain HTTP server, opened in Chromium with
every outside request blocked, the right markers for each shared link, in three languages."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page

from footprint.i18n import t
from footprint.places import display_names, places
from footprint.static_site.publish import publish_site
from tests.browser.conftest import PHONE
from tests.browser.js import script
from tests.browser.leaflet import count_layers, rendered_texts, settle, wait_for_layer_count
from tests.browser.server import REPO
from tests.browser.xss_data import XSS_CITY

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 23)
MAP_READY = "() => window.map && window.map._loaded && window.map._layers"
# What the bundled data holds (data/cities.csv), as tests/browser/test_map.py counts it.
EDITION_2_CITIES = 20
EDITION_2_EUROPE_CITIES = 9
ALL_EDITIONS_CITIES = 21
VIEWS = [
    ("edition=2", EDITION_2_CITIES, 0),
    ("edition=2&continent=Europe", EDITION_2_EUROPE_CITIES, 0),
    ("edition=all", ALL_EDITIONS_CITIES, 1),
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        """Requests are not worth a line each in the test output."""


@pytest.fixture(scope="session")
def serve_site() -> Iterator:
    """Serve a published folder over HTTP on a free loopback port, in a thread; every server
    started is shut down at the end of the session."""
    servers: list[ThreadingHTTPServer] = []

    def serve(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory, serve_site) -> str:
    out = tmp_path_factory.mktemp("static-site") / "site"
    publish_site(REPO / "data", out, today=TODAY)
    return serve_site(out)


@pytest.fixture(scope="session")
def xss_site_url(tmp_path_factory: pytest.TempPathFactory, xss_data_dir: Path, serve_site) -> str:
    out = tmp_path_factory.mktemp("static-site-xss") / "site"
    publish_site(xss_data_dir, out, today=TODAY)
    return serve_site(out)


def open_view(page: Page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function(MAP_READY)


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
@pytest.mark.parametrize(("query", "cities", "guests"), VIEWS, ids=[v[0] for v in VIEWS])
def test_shared_link_draws_its_markers(site_url, watch, bundled, lang, query, cities, guests):
    """The same links as the app's, with the host always drawn and the page in its language."""
    page = watch.page
    open_view(page, f"{site_url}/?{query}&lang={lang}")
    frame = page.main_frame
    wait_for_layer_count(frame, "city-marker", cities)
    wait_for_layer_count(frame, "host-marker", 1)
    assert count_layers(frame, "guest-marker") == guests
    if guests:
        texts = rendered_texts(frame, "guest-marker")
        every_place = places(bundled[1])
        guest = display_names(every_place[every_place["role"] == "guest"], lang).tolist()
        assert [text["tooltip"].split(" · ")[0] for text in texts] == guest
    assert page.get_attribute("html", "lang") == lang
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize(("query", "cities", "guests"), VIEWS, ids=[v[0] for v in VIEWS])
def test_on_a_phone_every_marker_is_in_view(site_url, browser, lang, query, cities, guests):
    """A phone's map is narrow: fitted with the room a wide map leaves beside the legend, the
    view could not hold every city, and Shanghai and the Americas were cut off. Below the map,
    the figures ran under the sources line of a page one screen high."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        open_view(page, f"{site_url}/?{query}&lang={lang}")
        wait_for_layer_count(page.main_frame, "city-marker", cities)
        settle(page.main_frame)
        assert page.evaluate(script("markers_out_of_view")) == []
        side, footer = page.locator(".fp-side").bounding_box(), page.locator(".fp-footer")
        assert side["y"] + side["height"] <= footer.bounding_box()["y"] + 1
    finally:
        context.close()


@pytest.mark.parametrize(("query", "shown"), [("edition=2", True), ("edition=all", False)])
def test_the_figures_heading_only_heads_figures(site_url, watch, query, shown):
    """Figures are published per edition: every edition together showed their heading over
    nothing."""
    page = watch.page
    open_view(page, f"{site_url}/?{query}&lang=en")
    heading = page.locator("#fp-figures-heading")
    assert heading.is_visible() is shown
    assert (page.locator("#fp-headlines .fp-headline").count() > 0) is shown
    watch.assert_clean()


def test_injected_city_name_is_shown_as_text_and_runs_no_script(xss_site_url, watch):
    page = watch.page
    open_view(page, f"{xss_site_url}/?edition=2&lang=en")
    frame = page.main_frame
    wait_for_layer_count(frame, "city-marker", EDITION_2_CITIES)
    texts = rendered_texts(frame, "city-marker")
    injected = [text for text in texts if XSS_CITY in text["tooltip"]]
    assert len(injected) == 1, "the injected name shows, as text, on one marker"
    assert XSS_CITY in injected[0]["popup"]
    assert page.locator('img[src="x"]').count() == 0, "the page built the injected <img>"
    assert watch.dialogs == []
    watch.assert_clean()


def test_map_page_links_to_the_other_pages_in_its_language(site_url, watch):
    """The links follow the language chosen on the page, and Arabic is drawn in the font the
    site serves."""
    page = watch.page
    open_view(page, f"{site_url}/?edition=2&lang=ar")
    links = page.locator("#fp-links a")
    assert links.all_inner_texts() == [t("site.figures_page", "ar"), t("page_sources", "ar")]
    assert [link.get_attribute("href") for link in links.all()] == [
        "ar/figures.html",
        "ar/sources.html",
    ]
    assert _loaded_arabic_fonts(page) >= 1, "the Arabic font did not load from the site"
    page.select_option("#fp-language", "en")
    assert links.all_inner_texts() == [t("site.figures_page", "en"), t("page_sources", "en")]
    links.nth(1).click()
    page.wait_for_url("**/en/sources.html")
    assert page.get_attribute("html", "lang") == "en"
    watch.assert_clean()


def _loaded_arabic_fonts(page: Page) -> int:
    """How many of the site's Arabic font faces the page has loaded, once fonts settle."""
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return page.evaluate(
        "() => [...document.fonts].filter((face) => face.family.includes('Noto Sans Arabic')"
        " && face.status === 'loaded').length"
    )


@pytest.mark.parametrize("page_name", ["figures.html", "sources.html"])
def test_plain_pages_open_clean_and_arabic_uses_the_sites_own_font(site_url, watch, page_name):
    page = watch.page
    page.goto(f"{site_url}/ar/{page_name}", wait_until="load")
    assert page.get_attribute("html", "dir") == "rtl"
    assert _loaded_arabic_fonts(page) >= 1, "the Arabic font did not load from the site"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/{page_name}")
    assert page.get_attribute("html", "dir") == "ltr"
    watch.assert_clean()
