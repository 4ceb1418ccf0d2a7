"""Names the gazetteer could not settle: pick among homonyms (with region and population), or
place the city by hand, by a click on the map or by typing its latitude and longitude. Both
become `manual` rows of geocache.csv when the list is published, never overwritten after."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from footprint.i18n import format_number, t
from footprint.importer import Review
from footprint.importer.rows import NEEDS_ORGANIZER, ImportRow
from footprint.mapview import base_map
from geo.continents import continent_of
from ui.markdown import escape_markdown
from ui.workspace.state import Workspace

PLACE_MAP_HEIGHT = 360


def _row_label(row: ImportRow, lang: str) -> str:
    """Plain text for a selectbox option (options are never Markdown)."""
    return t("ws_row_label", lang, line=row.line, city=row.city)


def fix_rows(state: Workspace, review: Review, lang: str) -> None:
    waiting = [row for row in review.rows if row.status in NEEDS_ORGANIZER]
    if not waiting:
        return
    st.subheader(t("ws_to_place", lang))
    st.caption(t("ws_to_place_help", lang, number=format_number(len(waiting), lang)))
    by_line = {row.line: row for row in waiting}
    line = st.selectbox(
        t("ws_row_to_fix", lang),
        list(by_line),
        format_func=lambda value: _row_label(by_line[value], lang),
        key="ws_row_to_fix",
    )
    row = by_line[line]
    if row.candidates:
        _candidates(review, row, lang)
    _place_by_hand(state, review, row, lang)


def _candidates(review: Review, row: ImportRow, lang: str) -> None:
    labels = [candidate.label(lang) for candidate in row.candidates]
    picked = st.selectbox(
        t("ws_candidates", lang),
        range(len(labels)),
        format_func=labels.__getitem__,
        key=f"ws_candidate_{row.line}",
    )
    if st.button(t("ws_choose", lang), key=f"ws_choose_{row.line}"):
        review.choose(row.line, picked)
        st.rerun()


def _place_by_hand(state: Workspace, review: Review, row: ImportRow, lang: str) -> None:
    lat_key, lon_key = f"ws_lat_{row.line}", f"ws_lon_{row.line}"
    map_column, form_column = st.columns([3, 2])
    with map_column:
        st.caption(t("ws_click_map", lang))
        clicked = st_folium(
            base_map(lang),
            key="ws_place_map",
            height=PLACE_MAP_HEIGHT,
            use_container_width=True,
            returned_objects=["last_clicked"],
        )
    click = (clicked or {}).get("last_clicked")
    if click and (click["lat"], click["lng"]) != state.map_click:
        state.map_click = (click["lat"], click["lng"])
        st.session_state[lat_key] = round(float(click["lat"]), 5)
        st.session_state[lon_key] = round(float(click["lng"]), 5)
    for key in (lat_key, lon_key):
        st.session_state.setdefault(key, None)  # empty until typed or clicked
    with form_column:
        st.markdown(t("ws_place_city", lang, city=escape_markdown(row.city)))
        lat = st.number_input(t("ws_latitude", lang), -90.0, 90.0, format="%.5f", key=lat_key)
        lon = st.number_input(t("ws_longitude", lang), -180.0, 180.0, format="%.5f", key=lon_key)
        country = st.text_input(
            t("ws_country_code", lang),
            value=row.country or "",
            max_chars=2,
            key=f"ws_country_{row.line}",
        )
        if st.button(t("ws_place_here", lang), key=f"ws_place_{row.line}", type="primary"):
            if lat is None or lon is None:
                st.error(t("ws_need_coordinates", lang))
                return
            if continent_of((country or row.country or "").strip().upper()) is None:
                st.error(t("ws_need_country", lang))
                return
            try:
                review.place(row.line, lat, lon, country or None)
            except ValueError as error:
                st.error(escape_markdown(error))
                return
            st.rerun()
