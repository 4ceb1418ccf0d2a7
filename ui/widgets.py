"""Small rendering helpers shared by the pages: metric cards and the continent chart."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from footprint.data import data_dir
from footprint.export import csv_bytes
from footprint.filters import Filters
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
from footprint.metrics import Comparison, Counts, FigureCard, Statement, counts
from footprint.places import visitors
from geo.continents import M49_REGIONS
from ui import data

STAGE_COLORS = {"achieved": "#0072B2", "announced": "#A6C8E0"}


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
                # Streamlit reads the direction from a leading sign, so "≈" goes after it.
                sign = "+" if card.change.delta >= 0 else "-"
                amount = sign + format_number(abs(card.change.delta), lang)
                if card.change.approximate:
                    amount += " (≈)"
                delta = t("change_from", lang, delta=amount, edition=card.change.previous_edition)
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
    st.vega_lite_chart(
        counted,
        {
            "mark": {"type": "bar"},
            "height": 200,
            "encoding": {
                "x": {
                    "field": "n",
                    "type": "quantitative",
                    "title": t("cities_count", lang),
                    "axis": {"tickMinStep": 1},
                },
                "y": {"field": "label", "type": "nominal", "title": None, "sort": None},
                "color": {
                    "field": "continent",
                    "type": "nominal",
                    "scale": {
                        "domain": list(M49_REGIONS),
                        "range": [CONTINENT_COLORS[c] for c in M49_REGIONS],
                    },
                    "legend": None,
                },
                "tooltip": [
                    {"field": "label", "type": "nominal", "title": t("continent", lang)},
                    {"field": "n", "type": "quantitative", "title": t("cities_count", lang)},
                ],
            },
        },
        width="stretch",
    )


def edition_parts(parts: tuple[dict[str, str], ...], lang: str) -> None:
    """The parts of one edition side by side (the Expo and the Connect of 2017 stay apart)."""
    colon = " :" if lang == "fr" else ":"
    for column, part in zip(st.columns(len(parts)), parts, strict=True):
        with column:
            lines = [f"**{label}**{colon} {value}" for label, value in part.items() if value]
            st.markdown("  \n".join(lines))


def metric_chart(series: pd.DataFrame, lang: str) -> None:
    """Bars per edition (combined spans apart), labelled as stated: ≈ 85, ≥ 15 000.

    Written as a Vega-Lite spec rather than with Altair, whose schema validation costs about
    10 ms a chart on every rerun."""
    order = series.drop_duplicates("editions")["editions"].tolist()
    stages = [name_in(STAGE_NAMES, stage, lang) for stage in STAGE_COLORS]
    encoding = {
        "x": {
            "field": "editions",
            "type": "nominal",
            "sort": order,
            "title": None,
            "axis": {"labelAngle": 0},
        },
        "xOffset": {"field": "statement", "type": "nominal"},
        "y": {"field": "value", "type": "quantitative", "title": None},
        "tooltip": [
            {"field": "editions", "type": "nominal", "title": t("editions_col", lang)},
            {"field": "label", "type": "nominal", "title": t("value", lang)},
            {"field": "qualifier", "type": "nominal", "title": t("qualifier", lang)},
            {"field": "stage", "type": "nominal", "title": t("stage", lang)},
            {"field": "source", "type": "nominal", "title": t("source", lang)},
        ],
    }
    st.vega_lite_chart(
        series,
        {
            "height": 220,
            "encoding": encoding,
            "layer": [
                {
                    "mark": {"type": "bar"},
                    "encoding": {
                        "color": {
                            "field": "stage",
                            "type": "nominal",
                            "scale": {"domain": stages, "range": list(STAGE_COLORS.values())},
                            "legend": None,
                        }
                    },
                },
                {
                    "mark": {"type": "text", "dy": -6, "fontSize": 11},
                    "encoding": {"text": {"field": "label", "type": "nominal"}},
                },
            ],
        },
        width="stretch",
    )


def stage_legend(lang: str) -> None:
    """One legend for all the metric charts: achieved figures in full, announced ones pale."""
    achieved, announced = (name_in(STAGE_NAMES, stage, lang) for stage in STAGE_COLORS)
    st.caption(f":blue-background[{achieved}] :gray-background[{announced}]")


def statements_side_by_side(statements: tuple[Statement, ...], lang: str) -> None:
    for column, statement in zip(st.columns(len(statements)), statements, strict=True):
        with column.container(border=True):
            st.markdown(f"### {statement_text(statement, lang)}")
            for source, quote in statement.sources:
                st.caption(t("source_help", lang, source=source, quote=quote))
            for note in statement.notes:
                st.caption(f"_{note}_")


def comparison(result: Comparison, lang: str) -> None:
    """New, returning and absent cities in three columns."""
    for column, key, names in zip(
        st.columns(3),
        ("new_cities", "returning_cities", "absent_cities"),
        (result.new, result.returning, result.absent),
        strict=True,
    ):
        column.metric(t(key, lang), len(names), border=True)
        column.write(", ".join(names) or "—")


def map_side_column(view: pd.DataFrame, chosen: Filters) -> None:
    """Beside the map: counts, cities per continent, and what is known of the city lists."""
    lang = chosen.lang
    scope = (
        t("all_editions", lang)
        if chosen.edition is None
        else f"{t('edition', lang)} {chosen.edition}"
    )
    count_cards(counts(view), scope, lang)
    st.caption(t("per_continent", lang))
    continent_chart(view, lang)
    st.caption(t("what_is_known", lang))
    for key, values in data.coverage(data_dir(), chosen.edition):
        st.markdown(f"- {t(key, lang, **values)}")


def table_with_download(table: pd.DataFrame, file_name: str, lang: str) -> None:
    """The table, and the same rows as a CSV that Excel opens with its accents (UTF-8 BOM)
    and in which no cell from the data runs as a formula."""
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button(
        t("download_csv", lang),
        csv_bytes(table),
        file_name=file_name,
        mime="text/csv",
    )
