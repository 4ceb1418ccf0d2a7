"""Sources: every figure with its quote and document, and what data is missing."""

import streamlit as st

from footprint.data import data_dir
from footprint.i18n import t
from footprint.tables import (
    document_titles,
    documents_table,
    figures_for,
    figures_table,
    missing_editions,
)
from ui import data, filters, widgets

chosen = filters.current()
lang = chosen.lang
dataset, _ = data.load(data_dir())

st.title(t("page_sources", lang))
st.caption(t("sources_intro", lang))
titles = document_titles(dataset.sources, lang)
shown = figures_table(figures_for(dataset.figures, chosen.edition), lang, titles)
widgets.table_with_download(shown, f"global-footprint-figures-{lang}.csv", lang)

if len(dataset.sources):
    st.header(t("documents", lang))
    st.dataframe(documents_table(dataset.sources, lang), hide_index=True, width="stretch")

st.header(t("missing_data", lang))
gaps = missing_editions(dataset.editions)
if gaps:
    st.markdown(f"- {t('missing_editions', lang, editions=', '.join(map(str, gaps)))}")
for key, values in data.coverage(data_dir(), None):
    st.markdown(f"- {t(key, lang, **values)}")
