"""Charts, written as Vega-Lite specs rather than with Altair, whose schema validation costs
about 10 ms a chart on every rerun. A chart with nothing to draw says so instead of showing an
empty axis."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from footprint.i18n import CONTINENT_NAMES, STAGE_NAMES, is_rtl, name_in, t
from footprint.mapview import CONTINENT_COLORS
from footprint.places import visitors
from geo.continents import M49_REGIONS

STAGE_COLORS = {"achieved": "#0072B2", "announced": "#A6C8E0"}
# The same font as the page, Arabic included (ui/rtl.css declares its Arabic letters).
CHART_FONT = "Source Sans, sans-serif"


def _config() -> dict:
    return {"font": CHART_FONT, "axis": {"labelFont": CHART_FONT, "titleFont": CHART_FONT}}


def continent_chart(view: pd.DataFrame, lang: str) -> None:
    """Cities per continent, in the map's colours, as plain HTML bars: the map page is a new
    visitor's first page, and a Vega chart there would cost them about 900 KB of JavaScript for
    five bars. The bars follow the page's direction (they grow from the right in Arabic)."""
    counted = visitors(view).groupby("continent").size().reindex(M49_REGIONS, fill_value=0)
    continent_bars(counted.astype(int).to_dict(), lang)


def continent_bars(counts: dict[str, int], lang: str) -> None:
    """The bars for counts already made (continent → cities), or a message when there are
    none: never an empty axis."""
    if not any(counts.values()):
        st.caption(t("no_chart_data", lang))
        return
    st.html(continent_bars_html(counts, lang))


def continent_bars_html(counts: dict[str, int], lang: str) -> str:
    """One row per continent: its name, a bar as long as its share of the largest, the
    number (isolated, so it keeps its digits' order in Arabic)."""
    largest = max(counts.values()) or 1
    rows = []
    for region, count in counts.items():
        name = html.escape(name_in(CONTINENT_NAMES, region, lang))
        width = round(100 * count / largest, 1)
        rows.append(
            f'<div class="fp-bar-row"><span class="fp-bar-label">{name}</span>'
            f'<span class="fp-bar-track"><span class="fp-bar" style="width:{width}%;'
            f'background:{CONTINENT_COLORS[region]}"></span></span>'
            f'<bdi class="fp-bar-count">{count}</bdi></div>'
        )
    label = html.escape(t("per_continent", lang))
    return f'<div class="fp-bars" role="img" aria-label="{label}">{"".join(rows)}</div>'


def metric_chart(series: pd.DataFrame, lang: str) -> None:
    """Bars per edition (combined spans apart), labelled as stated: ≈ 85, ≥ 15 000; editions
    run from the right in Arabic."""
    if series.empty:
        st.caption(t("no_chart_data", lang))
        return
    order = series.drop_duplicates("editions")["editions"].tolist()
    stages = [name_in(STAGE_NAMES, stage, lang) for stage in STAGE_COLORS]
    encoding = {
        "x": {
            "field": "editions",
            "type": "nominal",
            "sort": order[::-1] if is_rtl(lang) else order,
            "title": None,
            "axis": {"labelAngle": 0},
        },
        "xOffset": {"field": "statement", "type": "nominal"},
        "y": {
            "field": "value",
            "type": "quantitative",
            "title": None,
            "axis": {"orient": "right" if is_rtl(lang) else "left"},
        },
        "tooltip": [
            {"field": "editions", "type": "nominal", "title": t("editions_col", lang)},
            {"field": "label", "type": "nominal", "title": t("value", lang)},
            {"field": "qualifier", "type": "nominal", "title": t("qualifier", lang)},
            {"field": "stage", "type": "nominal", "title": t("stage", lang)},
            {"field": "document", "type": "nominal", "title": t("document", lang)},
        ],
    }
    st.vega_lite_chart(
        series,
        {
            "height": 220,
            "config": _config(),
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
