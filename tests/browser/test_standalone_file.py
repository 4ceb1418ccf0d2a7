"""The standalone map page opened as a file, as from a USB stick: no server, no request at all,
the markers the app would draw, the address choosing the view, names shown as text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from footprint.data import load_dataset
from footprint.filters import Filters
from footprint.places import locate
from footprint.standalone import every_view, render_standalone
from tests.browser.conftest import VIEWPORT
from tests.browser.leaflet import count_layers, rendered_texts, wait_for_layer_count
from tests.browser.xss_data import XSS_CITY

pytestmark = pytest.mark.browser

# As in test_map.py: edition 2 names 20 delegation cities, 9 in Europe; all editions 21.
EDITION_2_CITIES = 20
EDITION_2_EUROPE_CITIES = 9
ALL_EDITIONS_CITIES = 21
AFRICA_AND_AMERICAS_CITIES = 9  # every edition: 4 African cities, 5 in the Americas
TODAY = dt.date(2026, 11, 23)


def _write_page(data_dir: Path, out: Path) -> Path:
    dataset = load_dataset(data_dir)
    located = locate(dataset.cities, data_dir / "geocache.csv")
    out.write_text(
        render_standalone(every_view(dataset, located, first=Filters(2, (), "fr"), today=TODAY)),
        encoding="utf-8",
    )
    return out


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import BUNDLED_DATA

    return _write_page(BUNDLED_DATA, tmp_path_factory.mktemp("standalone") / "footprint.html")


class FileWatch:
    """Every request the page makes, whatever its scheme, and every error it reports."""

    def __init__(self, page: Page, document: Path):
        self.page = page
        self.document = document.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", lambda dialog: (self.errors.append(dialog.message), dialog.dismiss()))

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def open(self, query: str) -> None:
        self.page.goto(f"{self.document}?{query}", wait_until="load")
        self.page.wait_for_function("() => window.map && window.map._loaded")

    def assert_clean(self) -> None:
        others = [url for url in self.requests if url.split("?")[0] != self.document]
        assert others == [], f"the page requested: {others}"
        resources = self.page.evaluate("() => performance.getEntriesByType('resource').length")
        assert resources == 0
        assert self.errors == []


@pytest.fixture
def file_page(browser: Browser, page_file: Path) -> Iterator[FileWatch]:
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.set_default_timeout(30_000)
    watch = FileWatch(context.new_page(), page_file)
    try:
        yield watch
    finally:
        context.close()


@pytest.mark.parametrize(
    ("query", "cities"),
    [
        ("edition=2&lang=en", EDITION_2_CITIES),
        ("edition=2&continent=Europe&lang=en", EDITION_2_EUROPE_CITIES),
        ("edition=all&lang=fr", ALL_EDITIONS_CITIES),
        ("edition=all&continent=Afrique,Am%C3%A9riques&lang=ar", AFRICA_AND_AMERICAS_CITIES),
    ],
    ids=["edition-2", "edition-2-europe", "all-editions", "continents-named-in-french"],
)
def test_the_address_chooses_the_view_and_nothing_is_requested(file_page, query, cities):
    file_page.open(query)
    frame = file_page.page.main_frame
    wait_for_layer_count(frame, "city-marker", cities)
    assert count_layers(frame, "host-marker") == 1
    file_page.assert_clean()


def test_figures_keep_their_qualifiers_and_the_source_line(file_page):
    file_page.open("edition=2&lang=fr")
    page = file_page.page
    headlines = page.locator("#fp-headlines .fp-value").all_inner_texts()
    assert any(value.startswith(("≈", "≥")) for value in headlines), headlines
    assert page.locator("#fp-counts .fp-value").first.inner_text() == str(EDITION_2_CITIES)
    assert page.locator("#fp-source-line").inner_text().strip()
    assert "2026" in page.locator("#fp-made-on").inner_text()
    file_page.assert_clean()


def test_an_edition_without_a_list_shows_no_count_and_arabic_reads_right_to_left(file_page):
    file_page.open("edition=7&lang=ar")
    page = file_page.page
    assert page.evaluate("() => document.documentElement.dir") == "rtl"
    assert page.locator("#fp-counts").is_hidden()
    assert count_layers(page.main_frame, "city-marker") == 0
    assert page.locator("#fp-coverage li").count() >= 1
    file_page.assert_clean()


def test_a_filter_change_gives_a_share_link_that_reproduces_the_view(file_page):
    file_page.open("edition=2&lang=en")
    page = file_page.page
    page.locator("#fp-continents input[value=Europe]").check()
    wait_for_layer_count(page.main_frame, "city-marker", EDITION_2_EUROPE_CITIES)
    link = page.locator("#fp-share").get_attribute("href")
    assert "continent=Europe" in link and "edition=2" in link
    file_page.open(link.lstrip("?"))
    wait_for_layer_count(page.main_frame, "city-marker", EDITION_2_EUROPE_CITIES)
    file_page.assert_clean()


def test_a_city_named_like_markup_is_shown_as_text(browser, xss_data_dir, tmp_path):
    page_path = _write_page(xss_data_dir, tmp_path / "xss.html")
    context = browser.new_context(viewport=VIEWPORT)
    try:
        watch = FileWatch(context.new_page(), page_path)
        watch.open("edition=2&lang=en")
        frame = watch.page.main_frame
        wait_for_layer_count(frame, "city-marker", EDITION_2_CITIES)
        texts = rendered_texts(frame, "city-marker")
        assert any(XSS_CITY in text["tooltip"] for text in texts)
        assert watch.page.locator("img[src=x]").count() == 0
        watch.assert_clean()
    finally:
        context.close()
