"""The map draws the right cities for each view, and filters redraw it in place."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import Frame, Page

from footprint.i18n import CONTINENT_NAMES, name_in, t
from footprint.mapview import MAP_HEIGHT
from tests.browser.conftest import PHONE
from tests.browser.js import script
from tests.browser.leaflet import (
    MAP_FRAME_SELECTOR,
    count_layers,
    map_frame,
    rendered_texts,
    settle,
    wait_for_layer_count,
)
from tests.browser.navigation import open_app, wait_for_app_idle
from tests.browser.server import StreamlitServer
from ui.widgets import MAP_SIDE_KEY

pytestmark = pytest.mark.browser

# What the bundled data holds (data/cities.csv): edition 2 names 20 delegation cities, 9 of
# them in Europe; edition 3 adds Shanghai as its guest; Casablanca hosts every edition.
EDITION_2_CITIES = 20
EDITION_2_EUROPE_CITIES = 9
ALL_EDITIONS_CITIES = 21
GUEST_CITY = "Shanghai"


def open_map(page: Page, server: StreamlitServer, query: str) -> Frame:
    """The map page's Leaflet frame for a view given as URL parameters."""
    open_app(page, server, f"/?{query}")
    return map_frame(page)


@pytest.mark.parametrize(
    ("query", "expected_cities"),
    [
        ("edition=2&lang=en", EDITION_2_CITIES),
        ("edition=2&continent=Europe&lang=en", EDITION_2_EUROPE_CITIES),
    ],
    ids=["edition-2", "edition-2-europe"],
)
def test_edition_view_draws_its_cities_and_the_host(app_server, watch, query, expected_cities):
    """The continent filter narrows the delegations but never hides the host."""
    frame = open_map(watch.page, app_server, query)
    wait_for_layer_count(frame, "city-marker", expected_cities)
    wait_for_layer_count(frame, "host-marker", 1)
    assert count_layers(frame, "guest-marker") == 0, "edition 2 had no guest city"
    watch.assert_clean()


def test_all_editions_draws_every_city_once_with_shanghai_as_guest(app_server, watch):
    """Across editions each city is one marker; the guest city is also a city marker."""
    frame = open_map(watch.page, app_server, "edition=all&lang=en")
    wait_for_layer_count(frame, "city-marker", ALL_EDITIONS_CITIES)
    wait_for_layer_count(frame, "host-marker", 1)
    guests = frame.evaluate(script("guest_markers"))
    assert guests == [{"isCity": True}], f"expected one guest marker that is a city: {guests}"
    guest_texts = rendered_texts(frame, "guest-marker")
    assert any(
        GUEST_CITY in text["tooltip"] or GUEST_CITY in text["popup"] for text in guest_texts
    ), f"the guest marker does not name {GUEST_CITY}: {guest_texts}"
    watch.assert_clean()


@pytest.mark.parametrize("edition", ["2", "7"])
def test_the_host_city_is_drawn_above_the_countries(app_server, watch, edition):
    """The basemap's countries reach the app's map after its markers: drawn on a canvas made
    then, they covered them, and Casablanca's marker was hidden under Morocco. What shows at
    the host marker's centre must be its own near-black fill (edition 7: no list, only it)."""
    page = watch.page
    frame = open_map(page, app_server, f"edition={edition}&lang=en")
    wait_for_layer_count(frame, "host-marker", 1)
    frame.wait_for_function(script("host_marker_point"))
    settle(frame)
    point = frame.evaluate(script("host_marker_point"))
    shot = Image.open(io.BytesIO(page.locator(MAP_FRAME_SELECTOR).screenshot())).convert("RGB")
    pixel = shot.getpixel((point["x"], point["y"]))
    assert max(pixel) < 80, f"the host marker's centre shows {pixel}, not its dark fill"
    watch.assert_clean()


def test_a_pointer_on_a_marker_shows_its_city_and_a_click_its_card(app_server, watch):
    """All cities are one canvas layer that finds the marker under the pointer itself: a real
    pointer over the host shows its name, a click opens its card, and moving off hides it."""
    page = watch.page
    frame = open_map(page, app_server, "edition=7&lang=en")
    wait_for_layer_count(frame, "host-marker", 1)
    frame.wait_for_function(script("host_marker_point"))
    settle(frame)
    point = frame.evaluate(script("host_marker_point"))
    box = page.locator(MAP_FRAME_SELECTOR).bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = frame.locator(".leaflet-tooltip")
    tooltip.wait_for()
    assert tooltip.inner_text().startswith("Casablanca · ")
    assert frame.locator("canvas.leaflet-interactive").count() == 1, "no pointer cursor"
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    card = frame.locator(".leaflet-popup-content .fp-card")
    card.wait_for()
    assert card.locator("strong").inner_text() == "Casablanca"
    page.mouse.move(box["x"] + point["x"] + 60, box["y"] + point["y"] + 60)
    tooltip.wait_for(state="detached")
    watch.assert_clean()


def _height(box: dict) -> float:
    return box["bottom"] - box["top"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_on_a_phone_the_legend_is_compact_and_clear_of_the_attribution(app_server, browser, lang):
    """On a phone's narrow map the legend, one entry a line, took a third of its height. In two
    columns it must not run under the attribution, which shares its bottom line."""
    context = browser.new_context(viewport=PHONE)
    try:
        frame = open_map(context.new_page(), app_server, f"edition=2&lang={lang}")
        wait_for_layer_count(frame, "city-marker", EDITION_2_CITIES)
        settle(frame)
        boxes = frame.evaluate(script("legend_boxes"))
        legend, attribution = boxes["legend"], boxes["attribution"]
        side_by_side = legend["right"] <= attribution["left"]
        assert side_by_side or legend["bottom"] <= attribution["top"], boxes
        assert _height(legend) < 0.2 * _height(boxes["map"]), boxes
        shown = context.pages[0].locator(MAP_FRAME_SELECTOR).bounding_box()
        assert 360 <= shown["height"] <= 1.25 * shown["width"], shown  # not a strip of world
        assert frame.evaluate(script("markers_out_of_view")) == []
    finally:
        context.close()


@pytest.mark.parametrize(
    ("viewport", "beside"),
    [({"width": 820, "height": 1180}, False), ({"width": 1400, "height": 900}, True)],
    ids=["tablet", "desktop"],
)
def test_the_figures_beside_the_map_have_room_or_go_below_it(app_server, browser, viewport, beside):
    """On a tablet the column beside the map got a fifth of a narrow main area: its cards'
    labels broke letter by letter and the bars by continent had no room."""
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        open_app(page, app_server, "/?edition=2&lang=fr")
        map_frame(page)
        side = page.locator(f".st-key-{MAP_SIDE_KEY}").bounding_box()
        shown = page.locator(MAP_FRAME_SELECTOR).bounding_box()
        assert side["width"] >= 170, side
        if beside:
            assert side["x"] >= shown["x"] + shown["width"], (side, shown)
            assert shown["height"] == MAP_HEIGHT, shown
        else:
            assert side["y"] >= shown["y"] + shown["height"], (side, shown)
    finally:
        context.close()


def test_continent_filter_redraws_markers_without_remounting_or_rezooming(app_server, watch):
    """Changing a filter must not rebuild the map: the reader keeps the zoom they chose."""
    page = watch.page
    frame = open_map(page, app_server, "edition=2&lang=en")
    wait_for_layer_count(frame, "city-marker", EDITION_2_CITIES)

    frame.evaluate("() => { window.__probe = 1; window.map.__probe = 1; }")
    zoom_before = frame.evaluate("() => window.map.getZoom()")
    frame.evaluate("() => { window.map.setZoom(window.map.getZoom() + 1); }")
    frame.wait_for_function(
        "(zoom) => window.map.getZoom() === zoom && !window.map._animatingZoom",
        arg=zoom_before + 1,
    )
    # Zooming reports the new view back to Streamlit, which may rerun: let it settle first.
    wait_for_app_idle(page)

    continents = (
        page.get_by_test_id("stSidebar")
        .get_by_test_id("stMultiSelect")
        .filter(has_text=t("continents", "en"))
    )
    continents.locator("input").click()
    page.get_by_role("option", name=name_in(CONTINENT_NAMES, "Europe", "en"), exact=True).click()
    page.keyboard.press("Escape")

    wait_for_layer_count(frame, "city-marker", EDITION_2_EUROPE_CITIES)
    wait_for_layer_count(frame, "host-marker", 1)
    still_mounted = frame.evaluate(
        "() => ({window: window.__probe === 1, map: !!window.map && window.map.__probe === 1})"
    )
    assert still_mounted == {"window": True, "map": True}, (
        f"the map was rebuilt by the filter change: {still_mounted}"
    )
    assert frame.evaluate("() => window.map.getZoom()") == zoom_before + 1, (
        "the filter change reset the zoom"
    )
    watch.assert_clean()
