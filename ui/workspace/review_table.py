"""Every row of the file as the review understood it, with filters to find the problems.

Cells go through st.dataframe, which shows text as text: whatever the file holds (markup,
formulas) is never interpreted. The grid can also download itself as CSV, so text that a
spreadsheet would run as a formula is shown neutralised (a leading quote), as every export is.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from footprint.export import neutralize
from footprint.i18n import (
    CONTINENT_NAMES,
    N_,
    ROLE_NAMES,
    country_name,
    format_number,
    name_in,
    t,
)
from footprint.importer import Review
from footprint.importer.rows import NEEDS_ORGANIZER, REJECTED, STATUSES
from ui import widgets

SUMMARY_CARDS = (
    (N_("ws_count_read"), ("read",)),
    (N_("ws_count_placed"), ("placed",)),
    (N_("ws_count_to_fix"), ("unplaced", "ambiguous")),
    (N_("ws_count_rejected"), ("rejected",)),
    (N_("ws_count_duplicates"), ("duplicates",)),
)
STATUS_KEYS = {
    "placed": N_("ws_status_placed"),
    "duplicate": N_("ws_status_duplicate"),
    "rejected": N_("ws_status_rejected"),
    "unplaced": N_("ws_status_unplaced"),
    "ambiguous": N_("ws_status_ambiguous"),
}
# The importer's warning codes; a code not listed here is shown in the importer's English.
WARNING_KEYS = {
    "formula": N_("ws_warning_formula"),
    "markup": N_("ws_warning_markup"),
    "empty_city": N_("ws_warning_empty_city"),
    "unknown_country": N_("ws_warning_unknown_country"),
    "duplicate": N_("ws_warning_duplicate"),
    "country_from_place": N_("ws_warning_country_from_place"),
    "ambiguous": N_("ws_warning_ambiguous"),
    "unplaced": N_("ws_warning_unplaced"),
    "continent_mismatch": N_("ws_warning_continent_mismatch"),
    "unknown_continent": N_("ws_warning_unknown_continent"),
    "unknown_role": N_("ws_warning_unknown_role"),
    "bad_edition": N_("ws_warning_bad_edition"),
    "unknown_year": N_("ws_warning_unknown_year"),
}


def status_name(status: str, lang: str) -> str:
    return t(STATUS_KEYS[status], lang) if status in STATUS_KEYS else status


def warning_text(code: str, message: str, column: str, lang: str) -> str:
    """The warning in `lang` (the importer's English message when the code is unknown), with
    the column it is about."""
    text = t(WARNING_KEYS[code], lang) if code in WARNING_KEYS else message
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
    shown_count, total = format_number(len(shown), lang), format_number(len(frame), lang)
    st.caption(t("ws_rows_shown", lang, shown=shown_count, total=total))
