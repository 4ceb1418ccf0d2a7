"""Editions: the timeline, each figure across editions, disagreements, and two editions compared."""

import streamlit as st

from footprint.data import data_dir
from footprint.i18n import METRIC_NAMES, name_in, t
from footprint.metrics import compare_editions, disagreements, editions_label, editions_with_lists
from footprint.places import row_names
from footprint.tables import metric_series, timeline
from ui import cards, charts, data, filters, widgets
from ui.direction import isolated
from ui.markdown import escape_markdown

lang = filters.current().lang
dataset, located = data.load(data_dir())
documents = data.documents(data_dir(), lang)

st.title(t("page_editions", lang))

st.header(t("timeline", lang))
city_names = dict(zip(located["city"], row_names(located, lang), strict=True))
for entry in timeline(dataset.editions, lang, documents, city_names):
    with st.container(border=True):
        st.subheader(t("edition_label", lang, number=entry.edition, year=entry.year))
        widgets.edition_parts(entry.parts, lang)

st.header(t("metric_across", lang))
charts.stage_legend(lang)
metrics = dataset.figures["metric"].unique().tolist()
for start in range(0, len(metrics), 3):
    for column, metric in zip(st.columns(3), metrics[start : start + 3], strict=False):
        with column:
            st.markdown(f"**{escape_markdown(name_in(METRIC_NAMES, metric, lang))}**")
            charts.metric_chart(metric_series(dataset.figures, metric, lang, documents), lang)

st.header(t("disagreements", lang))
found = disagreements(dataset.figures)
if not found:
    st.info(t("no_disagreement", lang))
for editions, metric, stated in found:
    heading = t(
        "metric_for_editions",
        lang,
        metric=name_in(METRIC_NAMES, metric, lang),
        **isolated({"editions": editions_label(editions)}, lang),
    )
    st.markdown(f"**{escape_markdown(heading)}**")
    cards.statements_side_by_side(stated, documents, lang)

st.header(t("compare", lang))
with_lists = editions_with_lists(located)
if len(with_lists) < 2:
    st.info(t("compare_needs_lists", lang))
else:
    left, right = st.columns(2)
    first = left.selectbox(t("compare_first", lang), with_lists, index=0, key="compare_first")
    second = right.selectbox(
        t("compare_second", lang), with_lists, index=len(with_lists) - 1, key="compare_second"
    )
    cards.comparison(compare_editions(located, first, second, lang), lang)
