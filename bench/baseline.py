"""The two reference pages the benchmark compares our map page with.

- the plain way: one folium CircleMarker with a Popup and a Tooltip per city, drawn with
  st_folium, as the issue describes it;
- the floor: the same page with no map at all.

Both load the data, draw the sidebar filters and the map page's side column (count cards,
continent chart, what is known) with the app's own code (ui.data, ui.filters, ui.widgets), and
the plain map sits on the app's offline basemap, so what differs from our page is the map.
"""

from __future__ import annotations

import html

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from footprint.assets import MAP_BUNDLE_URL, use_local_assets
from footprint.data import data_dir
from footprint.i18n import CONTINENT_NAMES, ROLE_NAMES, country_name, name_in, t
from footprint.mapview import CONTINENT_COLORS, HOST_COLOR, MAP_HEIGHT, countries_layer
from footprint.places import display_names
from ui import data, filters, widgets


def _html_text(text: str) -> str:
    """Escaped for HTML and for the JS template literal folium puts tooltips in: GeoNames has
    names with a backtick (Al-`Ula), which otherwise break the whole map script."""
    return html.escape(text).replace("`", "&#96;")


def build_plain_map(view: pd.DataFrame, lang: str) -> folium.Map:
    """The plain way: every city is its own CircleMarker with an HTML Popup and a Tooltip."""
    plain_map = use_local_assets(folium.Map(location=(25, 10), zoom_start=2, tiles=None))
    # The offline basemap layer is one of the app's map scripts: load them after jQuery,
    # which folium's own popups need (the bundle brings its Leaflet too).
    plain_map.default_js = [*plain_map.default_js[1:], ("footprint_map", MAP_BUNDLE_URL)]
    countries_layer().add_to(plain_map)
    for place, raw_name in zip(view.itertuples(), display_names(view, lang), strict=True):
        name = _html_text(raw_name)
        is_host = place.role == "host"
        color = HOST_COLOR if is_host else CONTINENT_COLORS.get(place.continent, "#7f7f7f")
        editions = ", ".join(str(edition) for edition in place.editions)
        folium.CircleMarker(
            location=(place.lat, place.lon),
            radius=9 if is_host else 6,
            color=color,
            fill=True,
            fill_opacity=0.9,
            class_name="host-marker" if is_host else "city-marker",
            popup=folium.Popup(
                f"<b>{name}</b><br>{_html_text(country_name(place.country_code, lang))}"
                f"<br>{name_in(CONTINENT_NAMES, place.continent, lang)}"
                f"<br>{name_in(ROLE_NAMES, place.role, lang)}<br>{editions}",
                max_width=250,
            ),
            tooltip=name,
        ).add_to(plain_map)
    return plain_map


def render_page(draw_map: bool) -> None:
    """The map page's layout with the app's own widgets (count cards, continent chart, what is
    known) beside the map column, which holds the plain map or, on the floor page, nothing."""
    st.set_page_config(page_title="Global Footprint (bench)", layout="wide")
    years = data.edition_years(data_dir())
    filters.start(years)
    chosen = filters.sidebar(years)
    lang = chosen.lang
    _, view = data.view_for(data_dir(), chosen)
    st.title(t("app_title", lang))
    st.caption(t("app_subtitle", lang))
    map_column, side_column = st.columns([4, 1], gap="medium")
    if draw_map:
        with map_column:
            st_folium(
                build_plain_map(view, lang),
                height=MAP_HEIGHT,
                use_container_width=True,
                returned_objects=[],
            )
    with side_column:
        widgets.map_side_column(chosen)
