"""Cities: every city of the selection, searchable and downloadable."""

import streamlit as st

from footprint.data import data_dir
from footprint.i18n import t
from footprint.places import visible_places
from footprint.tables import cities_table, search
from ui import data, filters

chosen = filters.current()
lang = chosen.lang
selected, _ = data.view_for(data_dir(), chosen)

st.title(t("page_cities", lang))
query = st.text_input(t("search", lang), key="city_search")
table = search(cities_table(visible_places(selected, chosen), lang), query)
st.caption(t("cities_shown", lang, count=len(table)))
st.dataframe(table, hide_index=True, width="stretch")
st.download_button(
    t("download_csv", lang),
    table.to_csv(index=False).encode("utf-8-sig"),
    file_name=f"global-footprint-cities-{chosen.to_query_params()['edition']}-{lang}.csv",
    mime="text/csv",
)
unresolved = selected[selected["lat"].isna()]
if len(unresolved):
    st.warning(t("unresolved_cities", lang, names=", ".join(unresolved["name_fr"])))
