"""A city name is data, never markup: an injected name shows as text and runs nothing."""

from __future__ import annotations

import pytest

from tests.browser.leaflet import map_frame, rendered_texts, wait_for_layer_count
from tests.browser.navigation import open_app
from tests.browser.xss_data import INJECTED_LAT, INJECTED_LON, LINKED_NOTE, XSS_CITY

pytestmark = pytest.mark.browser

# Edition 2 still has 20 delegation cities: one of them now bears the injected name.
EDITION_2_CITIES = 20
INJECTED_IMAGES = 'img[src="x"]'


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_injected_city_name_is_shown_as_text_and_runs_no_script(xss_server, watch, lang):
    """The tooltip and popup show the name literally; no <img> is created, no dialog opens."""
    page = watch.page
    open_app(page, xss_server, f"/?edition=2&lang={lang}")
    frame = map_frame(page)
    wait_for_layer_count(frame, "city-marker", EDITION_2_CITIES)

    # Render every marker's tooltip and popup once: any of them could turn the name into HTML.
    rendered = rendered_texts(frame, "city-marker")
    # The injected city's marker, found by where its geocache row places it; its tooltip and popup
    # are opened and left open, as a reader hovering and clicking it would see them.
    opened = rendered_texts(
        frame, "city-marker", near=(INJECTED_LAT, INJECTED_LON), leave_open=True
    )
    injected = {"found": len(opened), **(opened[0] if len(opened) == 1 else {})}

    assert frame.locator(INJECTED_IMAGES).count() == 0, "the map frame built the injected <img>"
    assert page.locator(INJECTED_IMAGES).count() == 0, "the page built the injected <img>"
    assert watch.dialogs == [], f"the injected script ran: {watch.dialogs}"
    assert injected["found"] == 1, f"{injected['found']} markers where the injected city is"
    assert XSS_CITY in (injected["tooltip"] or ""), f"tooltip shows {injected['tooltip']!r}"
    assert XSS_CITY in (injected["popup"] or ""), f"popup shows {injected['popup']!r}"
    assert frame.locator(".leaflet-tooltip", has_text=XSS_CITY).count() == 1
    assert frame.locator(".leaflet-popup", has_text=XSS_CITY).count() == 1
    others = [text for text in rendered if XSS_CITY not in text["tooltip"] + text["popup"]]
    assert len(others) == EDITION_2_CITIES - 1, "the name shows on one marker only"
    watch.assert_clean()


def test_an_address_in_a_note_is_shown_as_text_not_as_a_link(xss_server, watch):
    """Markdown links `http://…`, `www.…` and `a@b.org` on its own, escaped or not: a note
    from the data shows them as written, and nothing on the page links there."""
    page = watch.page
    open_app(page, xss_server, "/?lang=en")
    page.locator('[data-testid="stSidebarNavLink"]', has_text="Editions").click()
    note = page.locator('[data-testid="stMarkdownContainer"]', has_text="press@")
    shown = note.first.inner_text().replace("\u2060", "")  # the invisible word joiners
    assert LINKED_NOTE in shown, shown
    assert page.locator('[data-testid="stMain"] a[href*="example.org"]').count() == 0
    watch.assert_clean()
