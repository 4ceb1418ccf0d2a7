"""Home: the world map of the delegations beside the edition's figures."""

import streamlit as st
from streamlit_folium import st_folium

from footprint.data import data_dir
from footprint.i18n import t
from footprint.mapview import MAP_HEIGHT, build_map
from footprint.metrics import editions_label
from footprint.places import display_names
from ui import data, filters, widgets

chosen = filters.current()
lang = chosen.lang
selected, view = data.view_for(data_dir(), chosen)

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))

map_column, side_column = st.columns([4, 1], gap="medium")
with map_column:
    show_arcs = st.toggle(t("show_arcs", lang), value=True, key="show_arcs")
    footprint_map = build_map(data.map_spec_for(data_dir(), chosen), lang, show_arcs)
    st_folium(
        footprint_map.base,
        feature_group_to_add=footprint_map.layers,
        key="footprint_map",
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=[],
    )
with side_column:
    widgets.map_side_column(view, chosen)

if chosen.edition is not None:
    st.subheader(t("figures_heading", lang))
    cards, spans = data.edition_cards(data_dir(), chosen.edition)
    if cards:
        widgets.figure_cards(cards, lang)
    else:
        st.info(t("no_figures", lang))
    for span, span_cards in spans:
        with st.expander(t("combined_figure", lang, editions=editions_label(span))):
            widgets.figure_cards(span_cards, lang)

unresolved = selected[selected["lat"].isna()]
if len(unresolved):
    st.warning(t("unresolved_cities", lang, names=", ".join(display_names(unresolved, lang))))
mismatched = selected[selected["status"] == "mismatch"]
if len(mismatched):
    st.caption(t("mismatched_cities", lang, names=", ".join(display_names(mismatched, lang))))
