"""Every row of the file as the review understood it, with filters to find the problems.

Cells go through st.dataframe, which shows text as text: whatever the file holds (markup,
formulas) is never interpreted. The grid can also download itself as CSV, so text that a
spreadsheet would run as a formula is shown neutralised (a leading quote), as every export is.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from footprint.export import neutralize
from footprint.i18n import CONTINENT_NAMES, ROLE_NAMES, country_name, format_number, name_in, t
from footprint.importer import Review
from footprint.importer.rows import NEEDS_ORGANIZER, REJECTED, STATUSES
from ui import widgets

SUMMARY_CARDS = (
    ("ws_count_read", ("read",)),
    ("ws_count_placed", ("placed",)),
    ("ws_count_to_fix", ("unplaced", "ambiguous")),
    ("ws_count_rejected", ("rejected",)),
    ("ws_count_duplicates", ("duplicates",)),
)


def status_name(status: str, lang: str) -> str:
    return t(f"ws_status_{status}", lang)


def warning_text(code: str, message: str, column: str, lang: str) -> str:
    """The warning in `lang` (the importer's English message when the code is unknown), with
    the column it is about."""
    key = f"ws_warning_{code}"
    text = t(key, lang)
    text = message if text == key else text
    return f"{column}: {text}" if column and column != "-" else text


def summary(review: Review, lang: str) -> None:
    counts = review.summary
    for column, (key, fields) in zip(st.columns(len(SUMMARY_CARDS)), SUMMARY_CARDS, strict=True):
        column.metric(t(key, lang), format_number(sum(counts[f] for f in fields), lang))


def rows_frame(review: Review, lang: str) -> pd.DataFrame:
    records = []
    for row in review.rows:
        records.append(
            {
                t("ws_col_line", lang): row.line,
                t("ws_col_written", lang): row.city,
                t("ws_col_understood", lang): ""
                if row.status == REJECTED
                else row.place_name or row.name,
                t("country", lang): country_name(row.country, lang) if row.country else "",
                t("continent", lang): name_in(CONTINENT_NAMES, row.continent, lang)
                if row.continent
                else "",
                t("role", lang): name_in(ROLE_NAMES, row.role, lang),
                t("status", lang): status_name(row.status, lang),
                t("ws_col_warnings", lang): " · ".join(
                    warning_text(w.code, w.message, w.column, lang) for w in row.warnings
                ),
                "_status": row.status,
                "_warned": bool(row.warnings),
            }
        )
    frame = pd.DataFrame.from_records(records)
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(neutralize)
    return frame


def rows_table(review: Review, lang: str) -> None:
    """The table, filtered by status and to the rows with something to say."""
    left, right = st.columns([3, 1])
    statuses = left.multiselect(
        t("ws_filter_status", lang),
        list(STATUSES),
        format_func=lambda status: status_name(status, lang),
        placeholder=t("ws_filter_all", lang),
        key="ws_filter_status",
    )
    problems_only = right.toggle(t("ws_filter_problems", lang), key="ws_filter_problems")
    frame = rows_frame(review, lang)
    if frame.empty:
        st.info(t("ws_no_rows", lang))
        return
    shown = frame
    if statuses:
        shown = shown[shown["_status"].isin(statuses)]
    if problems_only:
        shown = shown[shown["_warned"] | shown["_status"].isin(NEEDS_ORGANIZER)]
    widgets.show_table(shown.drop(columns=["_status", "_warned"]), lang)
    st.caption(t("ws_rows_shown", lang, shown=len(shown), total=len(frame)))
