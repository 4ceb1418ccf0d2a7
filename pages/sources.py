"""Sources: every figure with its quote and document, and what data is missing."""

import streamlit as st

from footprint.data import data_dir
from footprint.i18n import t
from footprint.tables import figures_for, figures_table, missing_editions
from ui import data, filters

chosen = filters.current()
lang = chosen.lang
dataset, _ = data.load(data_dir())

st.title(t("page_sources", lang))
st.caption(t("sources_intro", lang))
shown = figures_table(figures_for(dataset.figures, chosen.edition), lang)
st.dataframe(shown, hide_index=True, width="stretch")
st.download_button(
    t("download_csv", lang),
    shown.to_csv(index=False).encode("utf-8-sig"),
    file_name=f"global-footprint-figures-{lang}.csv",
    mime="text/csv",
)

st.header(t("missing_data", lang))
gaps = missing_editions(dataset.editions)
if gaps:
    st.markdown(f"- {t('missing_editions', lang, editions=', '.join(map(str, gaps)))}")
for key, values in data.coverage(data_dir(), None):
    st.markdown(f"- {t(key, lang, **values)}")
st.caption(t("add_your_list", lang))
