"""The map rendered to HTML, no browser: layers, classes, escaping, offline assets."""

import json
import re

import pandas as pd
import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from footprint.filters import Filters
from footprint.mapjs import MAPJS_DIR
from footprint.mapview import ARCS_PER_CITY_LIMIT, arc_data, build_map, map_spec
from footprint.places import places, visible_places

PAYLOAD = re.compile(r"// footprint:(\w+)\s(?:(?!// footprint:).)*?var d = (\{.*?\});\n", re.S)


def _render(view, lang="en", show_arcs=True):
    footprint_map = build_map(map_spec(view, lang), lang, show_arcs)
    footprint_map.layers.add_to(footprint_map.base)
    return footprint_map.base.get_root().render()


def _payloads(html):
    """Each layer's data, by layer name (CountryTint, Arcs, CityMarkers, FitView)."""
    return {name: json.loads(data) for name, data in PAYLOAD.findall(html)}


@pytest.fixture(scope="module")
def edition_2(bundled):
    _, located = bundled
    return places(located, 2)


def test_one_marker_per_city_with_its_role(edition_2):
    markers = _payloads(_render(edition_2))["CityMarkers"]
    assert len(markers["lat"]) == 21
    assert markers["role"].count("0") == 1  # the host
    assert markers["role"].count("2") == 20
    assert "London" in markers["name"]


def test_marker_classes_are_what_tests_and_styles_count_on(edition_2):
    """The markers are drawn by footprint/mapjs/cities.js, which the map's one bundle holds."""
    html = _render(edition_2)
    assert '<script src="/app/static/vendor/footprint-map.js">' in html
    assert "window.footprint.cities(" in html
    cities_js = (MAPJS_DIR / "cities.js").read_text(encoding="utf-8")
    for role_classes in ("host-marker", "city-marker guest-marker", "city-marker"):
        assert f'className: "{role_classes}"' in cities_js


def test_french_names_and_labels(edition_2):
    markers = _payloads(_render(edition_2, "fr"))["CityMarkers"]
    assert "Londres" in markers["name"]
    assert "Royaume-Uni" in markers["countries"]
    assert markers["labels"][0] == "Pays"


def test_only_local_assets_are_loaded(edition_2):
    html = _render(edition_2)
    sources = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(
        r'<link[^>]+href="([^"]+)"', html
    )
    assert sources
    assert all(src.startswith("/app/static/vendor/") for src in sources), sources
    assert not re.search(r"cdn\.jsdelivr|cdnjs|code\.jquery|maxcdn|unpkg", html)


def test_online_tiles_are_optional_and_off(edition_2):
    html = _render(edition_2)
    assert "tile.openstreetmap.org" in html
    assert (
        re.search(r'"show":\s*false|show: false', html)
        or "addTo" not in html.split("tile.openstreetmap.org")[1].split(";")[0]
    )


def test_city_names_cannot_inject_html(edition_2):
    evil = "<img src=x onerror=alert(1)>"
    view = edition_2.copy()
    view.loc[view.index[1], ["name_fr", "name_en"]] = evil
    html = _render(view)
    assert evil not in html
    assert evil in _payloads(html)["CityMarkers"]["name"]  # still shown, as text


def test_continent_filter_changes_the_layers_not_the_base(bundled):
    """streamlit-folium remounts the map when the base script changes: it must not."""
    _, located = bundled
    every = places(located, None)
    europe = visible_places(every, Filters(None, ("Europe",), "en"))
    first = build_map(map_spec(every, "en"), "en")
    second = build_map(map_spec(europe, "en"), "en")
    first_key = generate_js_hash(_get_map_string(first.base), "footprint_map")
    second_key = generate_js_hash(_get_map_string(second.base), "footprint_map")
    assert first_key == second_key
    first_layers = _get_feature_group_string(first.layers, first.base)
    second_layers = _get_feature_group_string(second.layers, second.base)
    assert first_layers != second_layers
    assert _payloads(second_layers)["CityMarkers"]["role"].count("2") == 9


def test_arcs_can_be_hidden(edition_2):
    assert set(_payloads(_render(edition_2))) == {"CountryTint", "Arcs", "CityMarkers", "FitView"}
    assert set(_payloads(_render(edition_2, show_arcs=False))) == {
        "CountryTint",
        "CityMarkers",
        "FitView",
    }


def test_arcs_start_at_the_host_and_go_to_each_city(edition_2):
    arcs = json.loads(map_spec(edition_2, "en").arcs)
    assert arcs["start"] == pytest.approx([33.59, -7.62], abs=0.1)
    assert len(arcs["ends"]) == 20


def test_thousands_of_arcs_are_aggregated_by_country():
    count = ARCS_PER_CITY_LIMIT + 1
    view = pd.DataFrame(
        {
            "role": ["host"] + ["delegation"] * count,
            "country_code": ["MA"] + ["FR"] * (count // 2) + ["JP"] * (count - count // 2),
            "lat": [33.6] + [48.0] * (count // 2) + [35.0] * (count - count // 2),
            "lon": [-7.6] + [2.0] * (count // 2) + [139.0] * (count - count // 2),
        }
    )
    arcs = arc_data(view)
    assert sorted(end[2] for end in arcs["ends"]) == [count // 2, count - count // 2]


def test_countries_that_sent_delegations_are_tinted(edition_2):
    tint = _payloads(_render(edition_2))["CountryTint"]
    assert set(tint) == set(edition_2[edition_2["role"] != "host"]["country_code"])
    assert tint["GB"] == "#0072B2"
