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

from footprint.assets import COUNTRIES_URL, use_local_assets
from footprint.i18n import CONTINENT_NAMES, ROLE_NAMES, country_name, name_in, t
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

MAP_STYLE = """
<style>
  .folium-map, #map_div { background: #dfeaf3; }
  .leaflet-container { font: 14px/1.4 "Source Sans Pro", "Segoe UI", sans-serif; }
  .fp-legend { background: rgba(255,255,255,.9); padding: 6px 9px; border-radius: 6px;
               font-size: 13px; box-shadow: 0 1px 4px rgba(0,0,0,.25); line-height: 1.6; }
  .fp-legend b { display: block; margin-bottom: 2px; }
  .fp-dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%;
            margin-right: 6px; vertical-align: -1px; border: 1px solid #fff; }
  .fp-host { background: #111; border: 2px solid #fff; box-shadow: 0 0 0 1px #111; }
  .fp-guest { background: #fff; border: 3px solid #111; }
  .fp-card { min-width: 160px; }
  .fp-card strong { font-size: 15px; display: block; margin-bottom: 2px; }
  .fp-card dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0 8px; }
  .fp-card dt { color: #555; }
  .fp-card dd { margin: 0; }
</style>
"""


@cache
def _compiled(name: str, template: str) -> Template:
    """Compiling a Jinja template costs about a millisecond: once per layer kind, not per run."""
    return Template(
        "{% macro script(this, kwargs) %}// footprint:" + name + template + "{% endmacro %}"
    )


def script_json(data: object) -> str:
    """Compact JSON that cannot close the <script> it sits in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _Script(MacroElement):
    """A layer written as JavaScript: a template plus the JSON (from `script_json`) it draws."""

    def __init__(self, template: str, name: str, payload: str = "{}", **attributes: str):
        super().__init__()
        self._name = name
        self._template = _compiled(name, template)
        self.payload = payload
        vars(self).update(attributes)


COUNTRIES_JS = """
(function () {
  var map = {{ this._parent.get_name() }};
  var tint = {};
  var onlineTiles = false;
  function style(feature) {
    var color = tint[feature.properties.iso2];
    return {
      color: "#ffffff", weight: 0.6, fillColor: color || "#f4f1ea",
      fillOpacity: onlineTiles ? (color ? 0.35 : 0) : (color ? 0.45 : 1)
    };
  }
  var layer = L.geoJSON(null, {style: style, interactive: false, attribution: "Natural Earth"});
  window.footprintTint = function (colors) { tint = colors; layer.setStyle(style); };
  // The layer control announces the optional tiles; markers coming and going do not matter.
  map.on("overlayadd overlayremove", function (event) {
    if (event.layer instanceof L.TileLayer) {
      onlineTiles = event.type === "overlayadd";
      layer.setStyle(style);
    }
  });
  fetch({{ this.url|tojson }}).then(function (response) { return response.json(); })
    .then(function (data) { layer.addData(data); layer.setStyle(style); });
  layer.addTo(map);
})();
"""


def countries_layer() -> MacroElement:
    """The offline world: Natural Earth country polygons served by the app."""
    return _Script(COUNTRIES_JS, "OfflineCountries", url=COUNTRIES_URL)


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
    content = f"<b>{html.escape(t('legend_title', lang))}</b>{items}"
    return _Script(
        """
(function () {
  var legend = L.control({position: "bottomleft"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "fp-legend");
    div.innerHTML = {{ this.content|tojson }};
    return div;
  };
  legend.addTo({{ this._parent.get_name() }});
})();
""",
        "Legend",
        content=content,
    )


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
    fmap.get_root().header.add_child(Element(MAP_STYLE), name="footprint_style")
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
        pd.Series([", ".join(map(str, editions)) for editions in view["editions"]], dtype=object)
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
        "labels": [
            t("popup_country", lang),
            t("popup_continent", lang),
            t("popup_role", lang),
            t("popup_editions", lang),
        ],
    }


CITIES_JS = """
(function () {
  var d = {{ this.payload }};
  var renderer = window.footprintRenderer = window.footprintRenderer || L.canvas({padding: 0.3});
  var classes = ["host-marker", "city-marker guest-marker", "city-marker"];
  function text(tag, value) {
    var node = document.createElement(tag);
    node.textContent = value;
    return node;
  }
  function continentOf(i) { return d.countryContinent[d.country[i]]; }
  // One tooltip and one popup for all markers, filled in for the marker under the pointer.
  function tooltip(layer) {
    var i = layer.footprintIndex;
    return text("span", d.name[i] + " · " + d.countries[d.country[i]]);
  }
  function popup(layer) {
    var i = layer.footprintIndex;
    var card = document.createElement("div");
    card.className = "fp-card";
    card.appendChild(text("strong", d.name[i]));
    var list = document.createElement("dl");
    var values = [d.countries[d.country[i]], d.continents[continentOf(i)],
                  d.roles[d.role.charCodeAt(i) - 48], d.editionLists[d.editions[i]]];
    for (var k = 0; k < values.length; k++) {
      list.appendChild(text("dt", d.labels[k]));
      list.appendChild(text("dd", values[k]));
    }
    card.appendChild(list);
    return card;
  }
  var cities = L.featureGroup();
  var order = [];
  for (var i = 0; i < d.lat.length; i++) order.push(i);
  order.sort(function (a, b) { return d.role.charCodeAt(b) - d.role.charCodeAt(a); });
  order.forEach(function (i) {  // host and guest last, so drawn on top
    var role = d.role.charCodeAt(i) - 48;
    var marker = L.circleMarker([d.lat[i], d.lon[i]], {
      renderer: renderer,
      className: classes[role],
      radius: role === 2 ? 6 : 9,
      color: role === 2 ? "#ffffff" : "#111111",
      weight: role === 1 ? 3 : (role === 0 ? 2 : 1),
      fillColor: role === 0 ? "#111111" : d.colors[continentOf(i)],
      fillOpacity: 0.9
    });
    marker.footprintIndex = i;
    cities.addLayer(marker);
  });
  cities.bindTooltip(tooltip, {direction: "top", offset: [0, -6]});
  cities.bindPopup(popup);
  cities.addTo({{ this._parent.get_name() }});
})();
"""


def city_markers_layer(markers: str) -> MacroElement:
    """One canvas circle marker per city, classed host-marker, city-marker or guest-marker."""
    return _Script(CITIES_JS, "CityMarkers", markers)


ARCS_JS = """
(function () {
  var d = {{ this.payload }};
  var rad = Math.PI / 180;
  function greatCircle(a, b, steps) {
    var p1 = a[0] * rad, l1 = a[1] * rad, p2 = b[0] * rad, l2 = b[1] * rad;
    var h = Math.pow(Math.sin((p2 - p1) / 2), 2) +
            Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin((l2 - l1) / 2), 2);
    var delta = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
    if (delta < 1e-6) return [a, b];
    var points = [], previous = null;
    for (var s = 0; s <= steps; s++) {
      var f = s / steps;
      var A = Math.sin((1 - f) * delta) / Math.sin(delta);
      var B = Math.sin(f * delta) / Math.sin(delta);
      var x = A * Math.cos(p1) * Math.cos(l1) + B * Math.cos(p2) * Math.cos(l2);
      var y = A * Math.cos(p1) * Math.sin(l1) + B * Math.cos(p2) * Math.sin(l2);
      var z = A * Math.sin(p1) + B * Math.sin(p2);
      var lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / rad;
      var lon = Math.atan2(y, x) / rad;
      // Unwrap across the antimeridian so the line continues instead of crossing the map.
      if (previous !== null) {
        while (lon - previous > 180) lon -= 360;
        while (previous - lon > 180) lon += 360;
      }
      previous = lon;
      points.push([lat, lon]);
    }
    return points;
  }
  var renderer = window.footprintRenderer = window.footprintRenderer || L.canvas({padding: 0.3});
  var byWeight = {};
  d.ends.forEach(function (end) {
    var weight = Math.min(4, 1 + Math.log(end[2]) / Math.LN2 / 2);
    (byWeight[weight] = byWeight[weight] || []).push(greatCircle(d.start, end, 32));
  });
  Object.keys(byWeight).forEach(function (weight) {
    L.polyline(byWeight[weight], {
      renderer: renderer, className: "arc", interactive: false,
      color: "#333333", weight: Number(weight), opacity: 0.45
    }).addTo({{ this._parent.get_name() }});
  });
})();
"""


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
    return _Script(ARCS_JS, "Arcs", arcs)


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
    return _Script(
        """
(function () {
  var d = {{ this.payload }};
  if (window.footprintTint) window.footprintTint(d);
})();
""",
        "CountryTint",
        tint,
    )


FIT_JS = """
(function () {
  var d = {{ this.payload }};
  if (window.footprintFitted || !d.bounds) return;
  window.footprintFitted = true;
  // The left padding keeps cities clear of the legend in the bottom-left corner.
  {{ this._parent._parent.get_name() }}.fitBounds(d.bounds, {
    paddingTopLeft: [140, 24], paddingBottomRight: [24, 24], maxZoom: 5
  });
})();
"""


def bounds_data(view: pd.DataFrame) -> dict:
    bounds = None
    if len(view):
        bounds = [
            [float(view["lat"].min()), float(view["lon"].min())],
            [float(view["lat"].max()), float(view["lon"].max())],
        ]
    return {"bounds": bounds}


def fit_view_layer(bounds: str) -> MacroElement:
    """Fits the first view to its cities; later filter changes keep the user's zoom."""
    return _Script(FIT_JS, "FitView", bounds)


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
