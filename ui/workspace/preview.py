"""The edition as it would be published: the dashboard's own map, counts and continent chart
on the review's places, and what changes against the list published now."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from footprint.export import neutralize
from footprint.i18n import country_name, format_number, t
from footprint.importer import Review, diff_against
from footprint.mapview import MAP_HEIGHT, map_spec
from footprint.metrics import counts
from footprint.review_places import review_places
from ui import cards, charts, widgets
from ui.map_frame import show_map

PREVIEW_MAP_HEIGHT = min(MAP_HEIGHT, 480)


def preview(review: Review, lang: str) -> None:
    """Map, counts and chart exactly as the public map page would draw the edition."""
    view = review_places(review)
    st.subheader(t("ws_preview", lang))
    map_column, side_column = st.columns([3, 1], gap="medium")
    with map_column:
        # The public map's own component: the same drawing, and a new list swaps its layers
        # in place instead of reloading the map.
        show_map(map_spec(view, lang), lang, show_arcs=True, height=PREVIEW_MAP_HEIGHT)
    with side_column:
        scope = t("edition_label", lang, number=review.edition, year=review.year or "?")
        cards.count_cards(counts(view), scope, lang)
        st.caption(t("per_continent", lang))
        charts.continent_chart(view, lang)


def changes(review: Review, located: pd.DataFrame, lang: str) -> None:
    """Added, removed and moved cities against the edition's published list."""
    st.subheader(t("ws_changes", lang))
    current = located[located["edition"] == review.edition]
    diff = diff_against(current.to_dict("records"), review)
    change, city, country, detail = (
        t("ws_col_change", lang),
        t("city", lang),
        t("country", lang),
        t("ws_col_detail", lang),
    )
    records = [
        {
            change: t("ws_added", lang),
            city: row.name,
            country: _country(row.country, lang),
            detail: "",
        }
        for row in diff.added
    ]
    records += [
        {
            change: t("ws_removed", lang),
            city: str(place.get("city", "")),
            country: _country(place.get("country"), lang),
            detail: "",
        }
        for place in diff.removed
    ]
    records += [
        {
            change: t("ws_moved", lang),
            city: row.name,
            country: _country(row.country, lang),
            detail: t("ws_moved_by", lang, km=format_number(round(km), lang)),
        }
        for _, row, km in diff.moved
    ]
    if not records:
        st.info(t("ws_no_changes", lang))
        return
    columns = st.columns(3)
    for column, key, found in zip(
        columns,
        ("ws_added", "ws_removed", "ws_moved"),
        (diff.added, diff.removed, diff.moved),
        strict=True,
    ):
        column.metric(t(key, lang), format_number(len(found), lang))
    table = pd.DataFrame.from_records(records, columns=[change, city, country, detail])
    widgets.show_table(table.map(neutralize), lang)


def _country(code: object, lang: str) -> str:
    return country_name(str(code), lang) if code and code == code else ""
