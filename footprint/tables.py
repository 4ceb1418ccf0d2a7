"""The tables the pages show and download, in the chosen language."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from footprint.data import parse_editions
from footprint.i18n import (
    CONTINENT_NAMES,
    METRIC_NAMES,
    PROVIDER_NAMES,
    QUALIFIER_NAMES,
    ROLE_NAMES,
    STAGE_NAMES,
    country_name,
    format_date_range,
    format_figure,
    name_in,
    t,
)
from footprint.metrics import editions_label
from footprint.places import display_names


def cities_table(view: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per city with where its coordinates came from, ready to show or download."""
    return pd.DataFrame(
        {
            t("city", lang): display_names(view, lang).to_numpy(),
            t("country", lang): [country_name(code, lang) for code in view["country_code"]],
            t("continent", lang): [
                name_in(CONTINENT_NAMES, c or "", lang) for c in view["continent"]
            ],
            t("role", lang): [name_in(ROLE_NAMES, role, lang) for role in view["role"]],
            t("editions_attended", lang): [", ".join(map(str, e)) for e in view["editions"]],
            t("first_edition", lang): view["first_edition"].to_numpy(),
            t("coordinates_from", lang): [
                name_in(PROVIDER_NAMES, provider or "", lang) for provider in view["provider"]
            ],
            "lat": view["lat"].round(4).to_numpy(),
            "lon": view["lon"].round(4).to_numpy(),
        }
    )


def search(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows where any text cell contains the query, ignoring case."""
    query = query.strip().casefold()
    if not query:
        return table
    text = (
        table.select_dtypes(exclude="number")
        .astype("string")
        .apply(lambda column: column.str.casefold().str.contains(query, regex=False))
    )
    return table[text.fillna(False).any(axis=1)]


def document_titles(sources: pd.DataFrame, lang: str) -> dict[str, str]:
    """Source file → its title in `lang` (empty when the data folder has no sources.csv)."""
    return dict(zip(sources["source"], sources[f"title_{lang}"], strict=True))


def documents_table(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What each source document is: title, date, language and file."""
    return pd.DataFrame(
        {
            t("document", lang): sources[f"title_{lang}"].to_numpy(),
            t("date", lang): sources["date"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
            t("language_col", lang): sources["language"].to_numpy(),
            t("file", lang): sources["source"].to_numpy(),
            t("notes", lang): sources["notes"].to_numpy(),
        }
    )


def figures_table(figures: pd.DataFrame, lang: str, titles: dict[str, str]) -> pd.DataFrame:
    """Every figure with its quote and source document, as stated."""
    return pd.DataFrame(
        {
            t("editions_col", lang): figures["editions"].map(editions_label).to_numpy(),
            t("metric", lang): [name_in(METRIC_NAMES, m, lang) for m in figures["metric"]],
            t("value", lang): [
                format_figure(int(v), q, lang)
                for v, q in zip(figures["value"], figures["qualifier"], strict=True)
            ],
            t("qualifier", lang): [name_in(QUALIFIER_NAMES, q, lang) for q in figures["qualifier"]],
            t("stage", lang): [name_in(STAGE_NAMES, s, lang) for s in figures["stage"]],
            t("quote", lang): figures["quote"].to_numpy(),
            t("document", lang): [titles.get(source, source) for source in figures["source"]],
            t("source", lang): figures["source"].to_numpy(),
            t("notes", lang): figures["notes"].to_numpy(),
        }
    )


def figures_for(figures: pd.DataFrame, edition: int | None) -> pd.DataFrame:
    """The figures of one edition, combined ones that include it too; all when None."""
    if edition is None:
        return figures
    spans = figures["editions"].map(parse_editions)
    return figures[spans.map(lambda span: edition in span)]


def metric_series(figures: pd.DataFrame, metric: str, lang: str) -> pd.DataFrame:
    """One bar per statement of a metric: combined spans (1–2) stay their own bars, and
    statements that disagree stand side by side (`statement` tells them apart)."""
    rows = figures[figures["metric"] == metric].drop_duplicates(
        ["editions", "value", "qualifier", "stage"]
    )
    spans = rows["editions"].map(parse_editions)
    return (
        pd.DataFrame(
            {
                "editions": rows["editions"].map(editions_label).to_numpy(),
                "order": [(span[0], len(span)) for span in spans],
                "value": rows["value"].astype("int64").to_numpy(),
                "label": [
                    format_figure(int(v), q, lang)
                    for v, q in zip(rows["value"], rows["qualifier"], strict=True)
                ],
                "statement": [
                    f"{q}:{v}:{s}"
                    for v, q, s in zip(rows["value"], rows["qualifier"], rows["stage"], strict=True)
                ],
                "stage": [name_in(STAGE_NAMES, s, lang) for s in rows["stage"]],
                "qualifier": [name_in(QUALIFIER_NAMES, q, lang) for q in rows["qualifier"]],
                "source": rows["source"].to_numpy(),
            }
        )
        .sort_values("order")
        .drop(columns="order")
    )


@dataclass(frozen=True)
class TimelineEntry:
    edition: int
    year: int
    parts: tuple[dict[str, str], ...]  # label → text, one dict per part of the edition


def timeline(editions: pd.DataFrame, lang: str) -> list[TimelineEntry]:
    """Each edition with its parts (the professional Expo and the public Connect stay apart)."""
    missing = t("not_published", lang)
    theme_column = "theme_fr" if lang == "fr" else "theme_en"
    entries = []
    for edition, rows in editions.sort_values(["edition", "line"]).groupby("edition"):
        parts = []
        for row in rows.itertuples():
            parts.append(
                {
                    t("part", lang): row.part or "",
                    t("dates", lang): format_date_range(row.start_date, row.end_date, lang)
                    or missing,
                    t("venue", lang): row.venue or missing,
                    t("theme", lang): getattr(row, theme_column) or missing,
                    t("guest", lang): row.guest_city or "—",
                    t("notes", lang): row.notes or "",
                    t("source", lang): row.source,
                }
            )
        entries.append(TimelineEntry(int(edition), int(rows["year"].iloc[0]), tuple(parts)))
    return entries


def missing_editions(editions: pd.DataFrame) -> list[int]:
    """Editions between the first and the last that no source speaks of (4 to 6 here)."""
    known = set(editions["edition"].astype(int))
    return [number for number in range(min(known), max(known) + 1) if number not in known]
