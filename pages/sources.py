"""Sources: every figure with its quote and document, and what data is missing."""

import streamlit as st

from footprint.data import data_dir
from footprint.i18n import t
from footprint.localized import format_list
from footprint.tables import documents_table, figures_for, figures_table, missing_editions
from ui import data, filters, widgets
from ui.direction import isolated
from ui.markdown import escape_markdown

chosen = filters.current()
lang = chosen.lang
dataset, _ = data.load(data_dir())

st.title(t("page_sources", lang))
st.caption(t("sources_intro", lang))
documents = data.documents(data_dir(), lang)
shown = figures_table(figures_for(dataset.figures, chosen.edition), lang, documents)
widgets.table_with_download(shown, f"global-footprint-figures-{lang}.csv", lang)

if len(dataset.sources):
    st.header(t("documents", lang))
    widgets.show_table(documents_table(dataset, lang), lang)

st.header(t("missing_data", lang))
gaps = missing_editions(dataset.editions)
if gaps:
    editions = format_list([str(number) for number in gaps], lang)
    missing = t("missing_editions", lang, **isolated({"editions": editions}, lang))
    st.markdown(f"- {escape_markdown(missing)}")
for line in data.coverage_lines(data_dir(), None, lang):
    st.markdown(f"- {escape_markdown(line)}")
