"""Edition 7 published figures but no city list: nothing on screen may count 0 cities, the map
shows the world with a message, and no empty chart shows an axis of zeros."""

from __future__ import annotations

import pytest

from footprint.i18n import LANGUAGES, t
from tests.browser.js import script
from tests.browser.leaflet import map_frame, wait_for_layer_count
from tests.browser.navigation import open_app

pytestmark = pytest.mark.browser

CASABLANCA = (33.5731, -7.5898)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_edition_7_never_counts_zero_cities_and_shows_the_world(app_server, watch, lang):
    page = watch.page
    open_app(page, app_server, f"/?edition=7&lang={lang}")
    main = page.get_by_test_id("stMain")

    labels = [text.strip() for text in main.get_by_test_id("stMetricLabel").all_inner_texts()]
    values = [text.strip() for text in main.get_by_test_id("stMetricValue").all_inner_texts()]
    assert t("cities_count", lang) not in labels, labels
    assert "0" not in values, values
    assert main.get_by_text(t("list_not_published", lang)).count() == 3

    assert main.get_by_text(t("map_no_list", lang)).is_visible()
    frame = map_frame(page)
    wait_for_layer_count(frame, "host-marker", 1)
    wait_for_layer_count(frame, "city-marker", 0)
    view = frame.evaluate(script("map_view"), list(CASABLANCA))
    assert view["hostInView"], view
    assert view["zoom"] <= 2, f"zoomed in on the host instead of the world: {view}"
    assert view["east"] - view["west"] >= 180, view

    assert main.get_by_text(t("no_chart_data", lang)).first.is_visible()
    assert "0.000000" not in main.inner_text()
    side_charts = main.get_by_test_id("stVegaLiteChart")
    assert side_charts.count() == 0, "an empty chart is drawn beside the map"
    watch.assert_clean()
