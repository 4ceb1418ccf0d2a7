"""Cities: every city of the selection, searchable and downloadable."""

import streamlit as st

from footprint.data import data_dir
from footprint.i18n import t
from footprint.localized import format_list
from footprint.places import display_names
from footprint.tables import cities_table, search
from ui import data, filters, widgets
from ui.markdown import escape_markdown

chosen = filters.current()
lang = chosen.lang
selected, view = data.view_for(data_dir(), chosen)

st.title(t("page_cities", lang))
query = st.text_input(t("search", lang), key="city_search")
table = search(cities_table(view, lang), query)
st.caption(t("cities_shown", lang, count=len(table)))
edition = chosen.to_query_params()["edition"]
widgets.table_with_download(table, f"global-footprint-cities-{edition}-{lang}.csv", lang)
unresolved = selected[selected["lat"].isna()]
if len(unresolved):
    names = format_list(display_names(unresolved, lang).tolist(), lang)
    st.warning(t("unresolved_cities", lang, names=escape_markdown(names)))
