"""Page pieces shared by the pages: an edition's parts, the column beside the map, and a
table with its download. Cards are in ui/cards.py, charts in ui/charts.py."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from footprint.data import data_dir
from footprint.export import csv_bytes
from footprint.filters import Filters
from footprint.i18n import is_rtl, t
from ui import cards, charts, data
from ui.direction import isolate
from ui.markdown import escape_markdown

# Up to this many rows, an Arabic table is an HTML table (right to left); beyond, a grid.
RTL_HTML_TABLE_ROWS = 300
# The container of the column beside the map; page.css gives that column room by this key.
MAP_SIDE_KEY = "map_side"


def edition_parts(parts: tuple[dict[str, str], ...], lang: str) -> None:
    """The parts of one edition side by side (the Expo and the Connect of 2017 stay apart)."""
    for column, part in zip(st.columns(len(parts)), parts, strict=True):
        with column:
            lines = [
                t(
                    "field_value",
                    lang,
                    label=f"**{escape_markdown(label)}**",
                    value=isolate(escape_markdown(value), lang),
                )
                for label, value in part.items()
                if value
            ]
            st.markdown("  \n".join(lines))


def map_side_column(chosen: Filters) -> None:
    """Beside the map: counts (or that no list was published) with what is known of the
    lists right below them, then cities per continent; all settled once per view."""
    lang = chosen.lang
    column = data.map_page_facts(data_dir(), chosen)
    scope = (
        t("all_editions", lang)
        if chosen.edition is None
        else t("edition_number", lang, number=chosen.edition)
    )
    cards.count_cards(column.counts, scope, lang)
    for line in column.coverage:
        st.caption(escape_markdown(line))
    st.caption(t("per_continent", lang))
    charts.continent_bars(column.per_continent, lang)


def _html_cell(value: object, lang: str) -> str:
    """st.table reads each cell as Markdown: text from the data is shown as written, and a
    number (`-7.6114`) keeps its sign before it inside an Arabic table."""
    if isinstance(value, str):
        return escape_markdown(value)
    return "" if pd.isna(value) else isolate(str(value), lang)


def show_table(rows: pd.DataFrame, lang: str) -> None:
    """Streamlit's grid draws on a canvas and has no right-to-left mode. In Arabic a table of
    reading size is an HTML table instead, which follows the page's direction; a longer one
    stays a grid, its columns shown from the right."""
    if not is_rtl(lang):
        st.dataframe(rows, hide_index=True, width="stretch")
    elif len(rows) <= RTL_HTML_TABLE_ROWS:
        st.table(rows.map(lambda value: _html_cell(value, lang)), hide_index=True)
    else:
        st.dataframe(rows[rows.columns[::-1]], hide_index=True, width="stretch")


def table_with_download(table: pd.DataFrame, file_name: str, lang: str) -> None:
    """The table, and the same rows as a CSV that Excel opens with its accents (UTF-8 BOM),
    its columns in reading order, where no cell from the data runs as a formula."""
    show_table(table, lang)
    st.download_button(
        t("download_csv", lang),
        csv_bytes(table),
        file_name=file_name,
        mime="text/csv",
    )
