"""The dashboard works with no network: nothing requested from outside, nothing logged as error.

Venues often have no reliable internet; the map's scripts, styles and base map must all come
from the app itself.
"""

from __future__ import annotations

import pytest

from footprint.i18n import t
from tests.browser.js import script
from tests.browser.leaflet import count_layers, map_frame, rendered_texts, wait_for_layer_count
from tests.browser.navigation import open_app, wait_for_app_idle

pytestmark = pytest.mark.browser

ALL_EDITIONS_CITIES = 21


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_map_needs_nothing_from_outside_and_logs_no_error(app_server, watch, lang):
    """Load, read every marker, zoom and redraw: no outside request, no console or page error."""
    page = watch.page
    open_app(page, app_server, f"/?edition=all&lang={lang}")
    frame = map_frame(page)
    wait_for_layer_count(frame, "city-marker", ALL_EDITIONS_CITIES)

    texts = rendered_texts(frame, "city-marker") + rendered_texts(frame, "host-marker")
    assert all(text["tooltip"] and text["popup"] for text in texts), texts
    frame.evaluate("() => { window.map.setZoom(window.map.getZoom() + 2); }")
    frame.wait_for_function("() => !window.map._animatingZoom")

    # A rerun that redraws the markers (arcs off) must not fetch anything either.
    assert count_layers(frame, "arc") > 0, "arcs are shown by default"
    page.get_by_text(t("show_arcs", lang), exact=True).click()
    frame.wait_for_function(script("arcs_gone"))
    wait_for_layer_count(frame, "city-marker", ALL_EDITIONS_CITIES)
    wait_for_app_idle(page)

    assert watch.outside_requests == [], f"requests to other hosts: {watch.outside_requests}"
    assert watch.console_errors == [], f"console errors: {watch.console_errors}"
    assert watch.page_errors == [], f"uncaught errors: {watch.page_errors}"
