"""Arabic in Chromium: the page reads right to left with the sidebar on the right, figures keep
their order, the map's tooltips and popups are Arabic and sit by their marker, and the Arabic
font comes from the app itself. A screenshot of every page in Arabic is kept."""

from __future__ import annotations

import re

import pytest

from footprint.assets import FONTS_URL
from footprint.i18n import t
from tests.browser.conftest import PHONE, VIEWPORT
from tests.browser.js import script
from tests.browser.leaflet import map_frame, wait_for_layer_count
from tests.browser.navigation import open_app, wait_for_app_idle
from tests.browser.screenshots import save_full_page
from tests.browser.watch import PageWatch

pytestmark = pytest.mark.browser

LANG = "ar"
EDITION_2_CITIES = 20
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
# (URL path, navigation title key, heading key)
PAGES = [
    ("/", "page_map", "app_title"),
    ("/editions", "page_editions", "page_editions"),
    ("/cities", "page_cities", "page_cities"),
    ("/sources", "page_sources", "page_sources"),
]
NAV_LINK = '[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]'


def test_the_page_reads_right_to_left_with_the_sidebar_on_the_right(app_server, watch):
    page = watch.page
    open_app(page, app_server, f"/?edition=2&lang={LANG}")
    main = page.get_by_test_id("stMain")
    sidebar = page.get_by_test_id("stSidebar")
    assert main.evaluate("(node) => getComputedStyle(node).direction") == "rtl"
    assert sidebar.evaluate("(node) => getComputedStyle(node).direction") == "rtl"
    main_box, sidebar_box = main.bounding_box(), sidebar.bounding_box()
    assert sidebar_box["x"] >= main_box["x"] + main_box["width"] - 1, (sidebar_box, main_box)
    # The title's text starts at the right of the main area, not at its left.
    title_text = page.locator("h1").first.evaluate(script("text_extent"))
    assert title_text["left"] > main_box["x"] + main_box["width"] / 2, (title_text, main_box)
    watch.assert_clean()


def _sidebar_box(page) -> dict:
    return page.get_by_test_id("stSidebar").evaluate(
        "(node) => { const box = node.firstElementChild.getBoundingClientRect();"
        " return {left: box.left, right: box.right}; }"
    )


@pytest.mark.parametrize("viewport", [PHONE, VIEWPORT], ids=["phone", "desktop"])
def test_a_closed_sidebar_is_out_of_view_and_opens_from_the_right(app_server, browser, viewport):
    """Streamlit slides a closed sidebar out to the left: from the right, it stayed on screen,
    squeezed over the map (every Arabic visitor on a phone, where it starts closed)."""
    context = browser.new_context(viewport=viewport, locale="en-US")
    try:
        watch = PageWatch(context.new_page())
        watch.attach(context)
        page = watch.page
        open_app(page, app_server, f"/?edition=2&lang={LANG}")
        if viewport is VIEWPORT:  # a desktop starts with it open: close it
            page.get_by_test_id("stSidebar").hover()
            page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
        sidebar = page.get_by_test_id("stSidebar")
        expect_closed = 'node => node.getAttribute("data-collapsed") === "true"'
        page.wait_for_function(f"() => ({expect_closed})(document.getElementById('stSidebar'))")
        page.wait_for_timeout(600)  # its 0.3 s slide
        assert _sidebar_box(page)["left"] >= viewport["width"], _sidebar_box(page)
        main = page.get_by_test_id("stMain").bounding_box()
        assert main["x"] <= 1 and main["width"] >= viewport["width"] - 2, main
        expand = page.get_by_test_id("stExpandSidebarButton")
        mirrored = expand.get_by_test_id("stIconMaterial").evaluate(
            "(icon) => getComputedStyle(icon).transform"
        )
        assert mirrored.startswith("matrix(-1,"), mirrored  # «: it opens leftwards
        expand.click()
        page.wait_for_timeout(600)
        assert sidebar.get_attribute("data-collapsed") == "false"
        opened = _sidebar_box(page)
        assert abs(opened["right"] - viewport["width"]) <= 1, opened
        assert opened["left"] < viewport["width"] - 200, opened
        watch.assert_clean()
    finally:
        context.close()


def test_a_browser_set_to_arabic_gets_arabic_without_asking(app_server, browser):
    context = browser.new_context(viewport=VIEWPORT, locale="ar-MA")
    try:
        watch = PageWatch(context.new_page())
        watch.attach(context)
        open_app(watch.page, app_server, "/")
        assert watch.page.locator("h1").first.inner_text().strip() == t("app_title", LANG)
        assert "lang=ar" in watch.page.url
        main = watch.page.get_by_test_id("stMain")
        assert main.evaluate("(node) => getComputedStyle(node).direction") == "rtl"
        watch.assert_clean()
    finally:
        context.close()


def test_a_figure_is_not_scrambled_inside_arabic_text(app_server, watch):
    """`≥ 15.000` is kept in order in the text node and drawn left to right as written."""
    page = watch.page
    open_app(page, app_server, f"/?edition=2&lang={LANG}")
    value = page.get_by_test_id("stMetricValue").filter(has_text="15.000").first
    found = value.evaluate(script("glyph_positions"))
    assert found["text"].strip("\u2068\u2069 ") == "≥ 15.000"
    drawn = [glyph for glyph in found["glyphs"] if not glyph["char"].isspace()]
    assert "".join(glyph["char"] for glyph in drawn).strip("\u2068\u2069") == "≥15.000"
    visible = [glyph for glyph in drawn if glyph["char"] not in "\u2068\u2069"]
    positions = [glyph["x"] for glyph in visible]
    assert positions == sorted(positions), f"drawn out of order: {visible}"
    watch.assert_clean()


def test_a_change_keeps_its_sign_before_the_number(app_server, watch):
    """Edition 7's speakers card reads `-19 (≈)` against edition 2: the minus stays left of
    the digits, with Streamlit's down arrow."""
    page = watch.page
    open_app(page, app_server, f"/?edition=7&lang={LANG}")
    delta = page.get_by_test_id("stMetricDelta").filter(has_text="19").first
    assert delta.get_by_test_id("stMetricDeltaIcon-Down").count() == 1
    found = delta.evaluate(script("glyph_positions"))
    assert found["text"].startswith("-19 (≈)")
    positions = {glyph["char"]: glyph["x"] for glyph in found["glyphs"] if glyph["char"] in "-19"}
    assert positions["-"] < positions["1"] < positions["9"], found["glyphs"]
    watch.assert_clean()


def test_map_tooltips_and_popups_are_arabic_and_sit_by_their_marker(app_server, watch):
    page = watch.page
    open_app(page, app_server, f"/?edition=2&lang={LANG}")
    frame = map_frame(page)
    wait_for_layer_count(frame, "city-marker", EDITION_2_CITIES)
    opened = frame.evaluate(script("open_city"))
    assert opened["mapDirection"] == "ltr", "Leaflet's own layout must stay left to right"
    assert opened["legendDirection"] == "rtl"
    assert opened["tooltipDir"] == "rtl" and ARABIC_LETTER.search(opened["tooltipText"])
    assert opened["popupDir"] == "rtl" and opened["popupDirection"] == "rtl"
    assert t("popup_country", LANG) in opened["popupText"]
    assert t("popup_role", LANG) in opened["popupText"]
    box, marker = opened["tooltipBox"], opened["marker"]
    # Leaflet opens the tooltip above the marker ("top"), centred on it.
    assert box["left"] - 5 <= marker["x"] <= box["right"] + 5, opened
    assert 0 <= marker["y"] - box["bottom"] <= 30, opened
    watch.assert_clean()


def test_the_arabic_font_comes_from_the_app(app_server, watch):
    """Loaded by the page and by the map frame, from /app/static/vendor/fonts/, and nothing
    requested elsewhere (watch.assert_clean)."""
    page = watch.page
    fonts: list[str] = []
    page.on(
        "response",
        lambda response: (
            fonts.append(response.url) if response.ok and ".ttf" in response.url else None
        ),
    )
    open_app(page, app_server, f"/?edition=2&lang={LANG}")
    frame = map_frame(page)
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    assert page.evaluate("() => document.fonts.check('16px \"Source Sans\"', 'خريطة')")
    loaded_in_map = frame.evaluate(script("arabic_font_faces"))
    assert loaded_in_map > 0, "the map frame has no Arabic font"
    arabic = [url for url in fonts if "NotoSansArabic" in url]
    assert arabic, f"the Arabic font was not loaded: {fonts}"
    assert all(url.startswith(f"{app_server.url}{FONTS_URL}/") for url in arabic), arabic
    watch.assert_clean()


@pytest.mark.parametrize(("path", "title_key", "heading_key"), PAGES, ids=[p for p, *_ in PAGES])
def test_every_page_in_arabic(app_server, watch, artifacts_dir, path, title_key, heading_key):
    page = watch.page
    open_app(page, app_server, f"/?edition=2&lang={LANG}")
    if path != "/":  # from the sidebar, as a reader does (a deep link's first load logs 404s)
        page.locator(NAV_LINK).filter(has_text=t(title_key, LANG)).click()
        page.wait_for_url(re.compile(rf"^{re.escape(app_server.url)}{re.escape(path)}(\?|$)"))
    page.locator("h1").filter(has_text=t(heading_key, LANG)).wait_for(state="visible")
    if path == "/":
        wait_for_layer_count(map_frame(page), "city-marker", EDITION_2_CITIES)
    wait_for_app_idle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    name = "map" if path == "/" else path.strip("/")
    save_full_page(page, artifacts_dir / f"ar-{name}.png")
    watch.assert_clean()
