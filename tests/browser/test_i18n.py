"""The `lang` URL parameter switches every visible label, in the sidebar, page and map."""

from __future__ import annotations

import pytest

from footprint.i18n import LANGUAGES, direction, t
from tests.browser.leaflet import map_frame, rendered_texts, wait_for_layer_count
from tests.browser.navigation import open_app

pytestmark = pytest.mark.browser

# Labels whose French and English differ, so each language's page can be told apart.
SIDEBAR_LABEL_KEYS = ("language", "edition")
NAV_KEYS = ("page_map", "page_editions", "page_cities")
POPUP_LABEL_KEYS = ("popup_country", "popup_role")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_follow_the_lang_parameter(app_server, watch, lang):
    """Each label is in the asked language, and the other language's label is absent."""
    other = next(code for code in LANGUAGES if code != lang)
    page = watch.page
    open_app(page, app_server, f"/?edition=2&lang={lang}")
    sidebar = page.get_by_test_id("stSidebar")

    title = page.locator("h1").first.inner_text().strip()
    assert title == t("app_title", lang)
    for container in ("stMain", "stSidebar"):
        laid_out = page.get_by_test_id(container).evaluate(
            "(node) => getComputedStyle(node).direction"
        )
        assert laid_out == direction(lang), f"{container} is {laid_out} in {lang}"

    widget_labels = [
        label.strip() for label in sidebar.get_by_test_id("stWidgetLabel").all_inner_texts()
    ]
    nav_titles = [
        text.strip() for text in sidebar.get_by_test_id("stSidebarNavLink").all_inner_texts()
    ]
    for key in SIDEBAR_LABEL_KEYS:
        assert t(key, lang) in widget_labels, f"{key!r} in {lang}: {widget_labels}"
        assert t(key, other) not in widget_labels, f"{key!r} in {other} on a {lang} page"
    for key in NAV_KEYS:
        assert t(key, lang) in nav_titles, f"{key!r} in {lang}: {nav_titles}"
        assert t(key, other) not in nav_titles, f"{key!r} in {other} on a {lang} page"
    assert t("app_title", other) not in page.locator("h1").all_inner_texts()

    frame = map_frame(page)
    wait_for_layer_count(frame, "host-marker", 1)
    (host_popup,) = [text["popup"] for text in rendered_texts(frame, "host-marker")]
    for key in POPUP_LABEL_KEYS:
        assert t(key, lang) in host_popup, f"{key!r} in {lang} missing from {host_popup!r}"
        assert t(key, other) not in host_popup, f"{key!r} in {other} in {host_popup!r}"
    watch.assert_clean()
