"""The footprint map: one function per folium layer, assembled by `build_map`.

The map is split in two for streamlit-folium. The base (offline countries, legend, optional
online tiles) never changes with the filters, so the browser mounts it once. Everything a filter
changes (city markers, arcs, tinted countries) is one FeatureGroup passed as
`feature_group_to_add`, which the browser swaps in place: no blank map, the user's zoom kept.

Markers are built in the browser from compact column arrays on one canvas renderer, with
tooltips and popups made on demand from text nodes (so city names are never parsed as HTML).
This keeps 10,000 cities to a few hundred kilobytes and a few milliseconds of Python.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import cache

import folium
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from footprint.assets import COUNTRIES_URL, MAP_BUNDLE_URL, use_local_assets
from footprint.i18n import CONTINENT_NAMES, ROLE_NAMES, country_name, direction, is_rtl, name_in, t
from footprint.localized import format_list
from footprint.mapjs import LAYER_TEMPLATE, MAP_STYLESHEET, RTL_STYLESHEET
from footprint.places import display_names, visitors
from geo.continents import M49_REGIONS

# Okabe–Ito, a palette that stays distinct for the common forms of colour blindness.
CONTINENT_COLORS = {
    "Africa": "#E69F00",
    "Americas": "#CC79A7",
    "Asia": "#D55E00",
    "Europe": "#0072B2",
    "Oceania": "#009E73",
}
UNKNOWN_COLOR = "#7f7f7f"
HOST_COLOR = "#111111"
ROLE_CODES = {"host": 0, "guest": 1, "delegation": 2}
# Above this many cities, one arc per country instead of one per city keeps the map readable.
ARCS_PER_CITY_LIMIT = 300
DEFAULT_HOST = (33.5731, -7.5898)  # Casablanca, where arcs start when no host row is shown
MAP_HEIGHT = 620


@cache
def _layer_template() -> Template:
    """Compiling a Jinja template costs about a millisecond: once, not per layer or run."""
    return Template(LAYER_TEMPLATE.read_text(encoding="utf-8"))


def script_json(data: object) -> str:
    """Compact JSON that cannot close the <script> it sits in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _Script(MacroElement):
    """A layer drawn by `window.footprint.<function>` (footprint/mapjs/<function>.js), called
    with its target (the map or the layer group it sits in) and its JSON from `script_json`.

    `view_data` layers change with the filters: their payload is the `var d` tests read back.
    """

    def __init__(
        self,
        function: str,
        layer_name: str,
        payload: str,
        *,
        target: str = "parent",
        view_data: bool = True,
    ):
        super().__init__()
        self._name = layer_name
        self._template = _layer_template()
        self.function = function
        self.layer_name = layer_name
        self.payload = payload
        self.view_data = view_data
        self._target = target

    def target_name(self) -> str:
        if self._target == "parent":
            return self._parent.get_name()
        if self._target == "map":
            return self._parent._parent.get_name()
        return ""


def countries_layer() -> MacroElement:
    """The offline world: Natural Earth country polygons served by the app."""
    return _Script("countries", "OfflineCountries", script_json(COUNTRIES_URL), view_data=False)


def online_tiles_layer(lang: str) -> folium.TileLayer:
    """OpenStreetMap tiles, off by default: offline they simply do not load."""
    return folium.TileLayer(
        "OpenStreetMap", name=t("online_tiles", lang), overlay=True, show=False, control=True
    )


def legend(lang: str) -> Element:
    """Continent colours, host and guest: the same for every view, so it lives in the base."""
    items = "".join(
        f'<div><span class="fp-dot" style="background:{CONTINENT_COLORS[c]}"></span>'
        f"{html.escape(name_in(CONTINENT_NAMES, c, lang))}</div>"
        for c in M49_REGIONS
    )
    items += (
        f'<div><span class="fp-dot fp-host"></span>{html.escape(t("host_city", lang))}</div>'
        f'<div><span class="fp-dot fp-guest"></span>{html.escape(t("guest_city", lang))}</div>'
    )
    content = (
        f'<div class="fp-legend-body" dir="{direction(lang)}">'
        f"<b>{html.escape(t('legend_title', lang))}</b>{items}</div>"
    )
    return _Script("legend", "Legend", script_json(content), view_data=False)


def base_map(lang: str) -> folium.Map:
    """The part of the map that does not depend on the filters."""
    fmap = use_local_assets(
        folium.Map(
            location=[25, 10],
            zoom_start=2,
            min_zoom=1,
            max_bounds=True,
            tiles=None,
            prefer_canvas=True,
            control_scale=False,
        ),
        jquery=False,
    )
    fmap.default_js = [("footprint_map", MAP_BUNDLE_URL)]
    map_style = f"<style>{MAP_STYLESHEET.read_text(encoding='utf-8')}</style>"
    fmap.get_root().header.add_child(Element(map_style), name="footprint_style")
    if is_rtl(lang):
        rtl_style = f"<style>{RTL_STYLESHEET.read_text(encoding='utf-8')}</style>"
        fmap.get_root().header.add_child(Element(rtl_style), name="footprint_rtl")
    countries_layer().add_to(fmap)
    online_tiles_layer(lang).add_to(fmap)
    legend(lang).add_to(fmap)
    folium.LayerControl(collapsed=True, position="topright").add_to(fmap)
    return fmap


def marker_data(view: pd.DataFrame, lang: str) -> dict:
    """Parallel arrays, with what repeats (countries, editions, labels) sent once: about 30
    bytes a city. A city's continent is its country's, so it travels with the country."""
    country_codes, countries = pd.factorize(view["country_code"].fillna(""))
    edition_codes, edition_lists = pd.factorize(
        pd.Series(
            [format_list([str(e) for e in editions], lang) for editions in view["editions"]],
            dtype=object,
        )
    )
    continents = [*M49_REGIONS, ""]
    continent_of_country = (
        view.assign(code=country_codes).drop_duplicates("code").set_index("code")["continent"]
    )
    return {
        "lat": view["lat"].round(2).tolist(),
        "lon": view["lon"].round(2).tolist(),
        "name": display_names(view, lang).tolist(),
        "country": country_codes.tolist(),
        "role": "".join(str(ROLE_CODES[role]) for role in view["role"].tolist()),
        "editions": edition_codes.tolist(),
        "countries": [country_name(code, lang) for code in countries],
        "countryContinent": [
            continents.index(continent_of_country[code])
            if continent_of_country[code] in M49_REGIONS
            else len(continents) - 1
            for code in range(len(countries))
        ],
        "continents": [name_in(CONTINENT_NAMES, c, lang) for c in continents],
        "colors": [CONTINENT_COLORS.get(c, UNKNOWN_COLOR) for c in continents],
        "roles": [name_in(ROLE_NAMES, r, lang) for r in ROLE_CODES],
        "editionLists": list(edition_lists),
        "dir": direction(lang),  # of the tooltips and popups, never of the map itself
        "labels": [
            t("popup_country", lang),
            t("popup_continent", lang),
            t("popup_role", lang),
            t("popup_editions", lang),
        ],
    }


def city_markers_layer(markers: str) -> MacroElement:
    """Every city on one canvas layer, its markers classed host-marker, city-marker or
    guest-marker."""
    return _Script("cities", "CityMarkers", markers)


def arc_data(view: pd.DataFrame) -> dict:
    """Where arcs start (the host) and end: each city, or each country when there are many."""
    hosts = view[view["role"] == "host"]
    start = (
        [float(hosts["lat"].iloc[0]), float(hosts["lon"].iloc[0])]
        if len(hosts)
        else list(DEFAULT_HOST)
    )
    ends_frame = visitors(view)[["country_code", "lat", "lon"]]
    if len(ends_frame) > ARCS_PER_CITY_LIMIT:
        ends_frame = ends_frame.groupby("country_code").agg(
            lat=("lat", "mean"), lon=("lon", "mean"), count=("lat", "size")
        )
    else:
        ends_frame = ends_frame.assign(count=1)
    ends = ends_frame[["lat", "lon", "count"]].round(3).values.tolist()
    return {"start": start, "ends": ends}


def arcs_layer(arcs: str) -> MacroElement:
    """Great-circle arcs from the host, computed in the browser."""
    return _Script("arcs", "Arcs", arcs)


def tint_data(view: pd.DataFrame) -> dict:
    """The colour of each country that sent delegations: its continent's."""
    visiting = visitors(view).dropna(subset=["country_code"])
    first_per_country = visiting.drop_duplicates("country_code")
    return {
        code: CONTINENT_COLORS.get(continent, UNKNOWN_COLOR)
        for code, continent in zip(
            first_per_country["country_code"].tolist(),
            first_per_country["continent"].tolist(),
            strict=True,
        )
    }


def tint_layer(tint: str) -> MacroElement:
    """Tints the countries that sent delegations on the offline basemap."""
    return _Script("tint", "CountryTint", tint, target="none")


def bounds_data(view: pd.DataFrame) -> dict:
    """The cities' bounds; none (the world) when the host is all there is to show, rather
    than a zoom into the host's street."""
    bounds = None
    if len(visitors(view)):
        bounds = [
            [float(view["lat"].min()), float(view["lon"].min())],
            [float(view["lat"].max()), float(view["lon"].max())],
        ]
    return {"bounds": bounds}


def fit_view_layer(bounds: str) -> MacroElement:
    """Fits the first view to its cities; later filter changes keep the user's zoom."""
    return _Script("fit", "FitView", bounds, target="map")


@dataclass(frozen=True)
class MapSpec:
    """What a view draws, as the JSON each layer takes: plain data, so it can be cached per
    filter set and turned into folium objects in a few milliseconds."""

    tint: str
    arcs: str
    markers: str
    bounds: str


def map_spec(view: pd.DataFrame, lang: str) -> MapSpec:
    """The spec of `view` (one row per place) in `lang`."""
    return MapSpec(
        tint=script_json(tint_data(view)),
        arcs=script_json(arc_data(view)),
        markers=script_json(marker_data(view, lang)),
        bounds=script_json(bounds_data(view)),
    )


@dataclass(frozen=True)
class FootprintMap:
    base: folium.Map
    layers: folium.FeatureGroup


def build_map(spec: MapSpec, lang: str, show_arcs: bool = True) -> FootprintMap:
    """The base map, and the layers a filter changes as one group (streamlit-folium swaps it
    in place)."""
    layers = folium.FeatureGroup(name="footprint", control=False)
    tint_layer(spec.tint).add_to(layers)
    if show_arcs:
        arcs_layer(spec.arcs).add_to(layers)
    city_markers_layer(spec.markers).add_to(layers)
    fit_view_layer(spec.bounds).add_to(layers)
    return FootprintMap(base_map(lang), layers)
