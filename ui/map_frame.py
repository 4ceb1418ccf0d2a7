"""The map on the page: folium's JavaScript made once per view, drawn by a small component.

`st_folium` renders the folium map to JavaScript strings on every call: a dozen Jinja templates
compiled, the base map's tile providers looked up, about 20 ms of a new visitor's 50 ms first
run. What it sends depends only on the view's spec, the language and the arcs toggle, so the
strings are made once per such triple, the way st_folium makes them, and every session reuses
them.

They are drawn by our own component (ui/map_component/: an HTML page and frame.js) rather than
streamlit-folium's: its frame loads Leaflet and the map's scripts as it opens, in parallel with
the script run, where streamlit-folium's first loads its own 225 KB of React and then each
script in turn. The behaviour is the same: the base map is made once, and a filter change swaps
the layer group in place (same component key), so the zoom stays and the map never blanks.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

import streamlit.components.v1 as components
from streamlit_folium import (
    _get_feature_group_string,
    _get_header,
    _get_html,
    _get_map_string,
    generate_js_hash,
    get_full_id,
)

from footprint.mapview import MAP_HEIGHT, MapSpec, build_map

COMPONENT_KEY = "footprint_map"
COMPONENT_DIR = Path(__file__).resolve().parent / "map_component"


@lru_cache(maxsize=64)
def component_args(spec: MapSpec, lang: str, show_arcs: bool) -> dict:
    """What streamlit-folium's frontend takes for this view, as `st_folium` would send it with
    `returned_objects=[]` and a fixed key. The key hashes the base map only (as st_folium does,
    with its random variable names taken out), so a filter change swaps the layers in place
    instead of remounting the map."""
    footprint_map = build_map(spec, lang, show_arcs)
    base = footprint_map.base
    base.get_root().render()
    base.render()
    html, header = _get_html(base), _get_header(base)
    script = _get_map_string(base)
    return {
        "script": script,
        "header": header,
        "html": html,
        "id": get_full_id(base),
        "key": generate_js_hash(script, COMPONENT_KEY, False),
        "feature_group": _get_feature_group_string(footprint_map.layers, map=base, idx=0),
        "css_links": _links(base, "default_css"),
        "js_links": _links(base, "default_js"),
    }


def _links(element, attribute: str) -> list[str]:
    """Every stylesheet or script the map's elements ask for, once, in order (as st_folium
    walks them)."""
    found = [url for _, url in getattr(element, attribute, [])]
    for child in getattr(element, "_children", {}).values():
        found.extend(_links(child, attribute))
    return list(dict.fromkeys(found))


@cache
def _component():
    """Declared on first use, not on import; its frame's title names it `footprint_map`."""
    return components.declare_component(COMPONENT_KEY, path=str(COMPONENT_DIR))


def show_map(
    spec: MapSpec,
    lang: str,
    show_arcs: bool,
    height: int = MAP_HEIGHT,
    on_shown: Callable[[], None] | None = None,
) -> bool:
    """Draw the map at full width (one per page: the component's key names the base map).
    With `on_shown`, the frame reports once it has painted its markers, which calls it and
    reruns (ui/map_first.py); the value says whether the frame has reported. A page passes it
    on every run or never, so the map's arguments stay the same and a rerun resends none."""
    args = component_args(spec, lang, show_arcs)
    reported = _component()(
        script=args["script"],
        header=args["header"],
        feature_group=args["feature_group"],
        height=height,
        reports_shown=on_shown is not None,
        key=args["key"],
        default=False,
        on_change=on_shown,
    )
    return reported is True
