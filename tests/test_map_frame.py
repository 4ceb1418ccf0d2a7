"""The map component's arguments, made once per view, are what st_folium itself sends."""

import re

import pytest
import streamlit_folium

from footprint import assets
from footprint.filters import Filters
from footprint.mapview import MAP_HEIGHT, build_map, map_spec
from footprint.places import places, visible_places
from ui import map_frame

FOLIUM_NAME = re.compile(r"_[0-9a-f]{32}")


@pytest.fixture
def spec(bundled):
    _, located = bundled
    return map_spec(visible_places(places(located, 2), Filters(2, (), "fr")), "fr")


def _normalized(args: dict) -> dict:
    return {
        name: FOLIUM_NAME.sub("_ID", value) if isinstance(value, str) else value
        for name, value in args.items()
    }


def test_the_same_arguments_as_st_folium(spec, monkeypatch):
    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.update(kwargs))
    footprint_map = build_map(spec, "fr", True)
    streamlit_folium.st_folium(
        footprint_map.base,
        feature_group_to_add=footprint_map.layers,
        key=map_frame.COMPONENT_KEY,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=[],
    )
    ours = _normalized(map_frame.component_args(spec, "fr", True))
    theirs = _normalized({name: sent[name] for name in ours})
    assert ours == theirs
    assert ours["js_links"] == ["/app/static/vendor/footprint-map.js"]


def test_made_once_per_view_and_the_key_survives_a_filter_change(bundled, spec):
    assert map_frame.component_args(spec, "fr", True) is map_frame.component_args(spec, "fr", True)
    _, located = bundled
    europe = map_spec(visible_places(places(located, 2), Filters(2, ("Europe",), "fr")), "fr")
    one, other = (map_frame.component_args(s, "fr", True) for s in (spec, europe))
    assert one["key"] == other["key"]  # the frame is kept, its layers swapped
    assert one["feature_group"] != other["feature_group"]
    assert map_frame.component_args(spec, "en", True)["key"] != one["key"]  # new legend


def test_the_component_page_loads_the_apps_own_leaflet_and_map_bundle():
    """The frame starts Leaflet, the basemap and the map's scripts as it opens, from the app's
    static files (footprint.assets), never from elsewhere."""
    page = (map_frame.COMPONENT_DIR / "index.html").read_text(encoding="utf-8")
    assert f'<script src="{assets.MAP_BUNDLE_URL}"></script>' in page
    assert f'<link rel="stylesheet" href="{assets.LEAFLET_CSS}">' in page
    assert re.findall(r'(?:src|href)="([^"]+)"', page) == [
        assets.LEAFLET_CSS,
        assets.COUNTRIES_URL,
        assets.MAP_BUNDLE_URL,
        "./frame.js",
    ]
