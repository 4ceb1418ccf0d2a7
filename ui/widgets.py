"""Small rendering helpers shared by the pages: metric cards and the continent chart."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from footprint.i18n import (
    CONTINENT_NAMES,
    METRIC_NAMES,
    STAGE_NAMES,
    format_figure,
    format_number,
    name_in,
    t,
)
from footprint.mapview import CONTINENT_COLORS
from footprint.metrics import Counts, FigureCard, Statement
from footprint.places import visitors
from geo.continents import M49_REGIONS


def statement_text(statement: Statement, lang: str) -> str:
    """`≥ 15 000`, with `(announced)` when the figure was given before the edition."""
    text = format_figure(statement.value, statement.qualifier, lang)
    if statement.stage == "announced":
        text += f" ({name_in(STAGE_NAMES, 'announced', lang)})"
    return text


def sources_help(statements: tuple[Statement, ...], lang: str) -> str:
    lines = []
    for statement in statements:
        for source, quote in statement.sources:
            lines.append(
                f"{statement_text(statement, lang)} — "
                + t("source_help", lang, source=source, quote=quote)
            )
        lines.extend(f"_{note}_" for note in statement.notes)
    return "\n\n".join(lines)


def count_cards(counts: Counts, scope: str, lang: str) -> None:
    """Cities, countries and continents counted on the map, stacked beside it."""
    help_text = t("counted_from_list", lang, scope=scope)
    for key, value in (
        ("cities_count", counts.cities),
        ("countries_count", counts.countries),
        ("continents_count", counts.continents),
    ):
        st.metric(t(key, lang), format_number(value, lang), help=help_text, border=True)


def figure_cards(cards: list[FigureCard], lang: str, per_row: int = 5) -> None:
    """One card per metric; disagreeing sources are shown side by side, never averaged."""
    for start in range(0, len(cards), per_row):
        row = cards[start : start + per_row]
        for column, card in zip(st.columns(per_row), row, strict=False):
            delta = None
            if card.change is not None and not card.disagrees:
                sign = "+" if card.change.delta >= 0 else "-"
                amount = ("≈ " if card.change.approximate else "") + format_number(
                    abs(card.change.delta), lang
                )
                delta = t(
                    "change_from",
                    lang,
                    delta=f"{sign}{amount}",
                    edition=card.change.previous_edition,
                )
            column.metric(
                name_in(METRIC_NAMES, card.metric, lang),
                " / ".join(statement_text(s, lang) for s in card.statements),
                delta=delta,
                delta_color="off" if delta is None else "normal",
                help=sources_help(card.statements, lang),
                border=True,
            )


def continent_chart(view: pd.DataFrame, lang: str) -> None:
    """Cities per continent, in the map's colours."""
    visiting = visitors(view)
    counted = (
        visiting.groupby("continent")
        .size()
        .reindex(M49_REGIONS, fill_value=0)
        .rename("n")
        .reset_index()
    )
    counted["label"] = [name_in(CONTINENT_NAMES, c, lang) for c in counted["continent"]]
    chart = (
        alt.Chart(counted)
        .mark_bar()
        .encode(
            x=alt.X("n:Q", title=t("cities_count", lang), axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(
                "label:N", title=None, sort=[name_in(CONTINENT_NAMES, c, lang) for c in M49_REGIONS]
            ),
            color=alt.Color(
                "continent:N",
                scale=alt.Scale(
                    domain=list(M49_REGIONS), range=[CONTINENT_COLORS[c] for c in M49_REGIONS]
                ),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("label:N", title=t("continent", lang)),
                alt.Tooltip("n:Q", title=t("cities_count", lang)),
            ],
        )
        .properties(height=200)
    )
    st.altair_chart(chart, width="stretch")
