"""Home: the world map of the delegations beside the edition's figures."""

import streamlit as st
from streamlit_folium import st_folium

from footprint.data import data_dir
from footprint.documents import document_labels
from footprint.i18n import t
from footprint.localized import format_list
from footprint.mapview import MAP_HEIGHT, build_map
from footprint.metrics import editions_label
from footprint.places import display_names, visitors
from ui import cards, data, filters, press_kit, widgets
from ui.direction import isolated
from ui.markdown import escape_markdown
from ui.presentation import present_button

chosen = filters.current()
lang = chosen.lang
selected, view = data.view_for(data_dir(), chosen)

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))

map_column, side_column = st.columns([4, 1], gap="medium")
with map_column:
    show_arcs = st.toggle(t("show_arcs", lang), value=True, key="show_arcs")
    if chosen.edition is not None and visitors(selected).empty:
        st.info(t("map_no_list", lang))
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
    present_button(chosen)
    press_kit.download_button(data_dir(), chosen)

if chosen.edition is not None:
    st.subheader(t("figures_heading", lang))
    dataset, _ = data.load(data_dir())
    documents = document_labels(dataset, lang)
    edition_cards, spans = data.edition_cards(data_dir(), chosen.edition)
    if edition_cards:
        cards.figure_cards(edition_cards, documents, lang)
    else:
        st.info(t("no_figures", lang))
    for span, span_cards in spans:
        label = t("combined_figure", lang, **isolated({"editions": editions_label(span)}, lang))
        with st.expander(label):
            cards.figure_cards(span_cards, documents, lang)


def _names(places) -> str:
    return escape_markdown(format_list(display_names(places, lang).tolist(), lang))


unresolved = selected[selected["lat"].isna()]
if len(unresolved):
    st.warning(t("unresolved_cities", lang, names=_names(unresolved)))
mismatched = selected[selected["status"] == "mismatch"]
if len(mismatched):
    st.caption(t("mismatched_cities", lang, names=_names(mismatched)))
