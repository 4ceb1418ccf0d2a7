"""Home: the world map of the delegations beside the edition's figures."""

import streamlit as st

from footprint.data import data_dir
from footprint.i18n import t
from footprint.localized import format_list
from footprint.metrics import editions_label
from ui import cards, data, filters, map_first, press_kit, widgets
from ui.direction import isolated
from ui.map_frame import show_map
from ui.markdown import escape_markdown
from ui.presentation import present_button

chosen = filters.current()
lang = chosen.lang
facts = data.map_page_facts(data_dir(), chosen)

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))

map_column, side_column = st.columns([4, 1], gap="medium")
beside_map = side_column.container(key=widgets.MAP_SIDE_KEY)  # there from the first run
with map_column:
    show_arcs = st.toggle(t("show_arcs", lang), value=True, key="show_arcs")
    if chosen.edition is not None and facts.counts is None:
        st.info(t("map_no_list", lang))
    shown = show_map(
        data.map_spec_for(data_dir(), chosen), lang, show_arcs, on_shown=map_first.note_shown
    )
map_first.finish_first_view(shown)
with beside_map:
    widgets.map_side_column(chosen)
    present_button(chosen)
    press_kit.download_button(data_dir(), chosen)

if chosen.edition is not None:
    st.subheader(t("figures_heading", lang))
    documents = data.documents(data_dir(), lang)
    edition_cards, spans = data.edition_cards(data_dir(), chosen.edition)
    if edition_cards:
        cards.figure_cards(edition_cards, documents, lang)
    else:
        st.info(t("no_figures", lang))
    for span, span_cards in spans:
        label = t("combined_figure", lang, **isolated({"editions": editions_label(span)}, lang))
        with st.expander(label):
            cards.figure_cards(span_cards, documents, lang)


if facts.unresolved:
    names = escape_markdown(format_list(list(facts.unresolved), lang))
    st.warning(t("unresolved_cities", lang, names=names))
if facts.mismatched:
    names = escape_markdown(format_list(list(facts.mismatched), lang))
    st.caption(t("mismatched_cities", lang, names=names))
