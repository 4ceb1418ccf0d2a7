"""The tables the pages show and download, in the chosen language."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from footprint.data import Dataset, parse_editions
from footprint.documents import language_of_document
from footprint.i18n import (
    CONTINENT_NAMES,
    METRIC_NAMES,
    PROVIDER_NAMES,
    QUALIFIER_NAMES,
    ROLE_NAMES,
    STAGE_NAMES,
    country_name,
    format_date,
    format_date_range,
    format_figure,
    name_in,
    t,
)
from footprint.localized import format_list, localized
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
            t("editions_attended", lang): [
                format_list([str(number) for number in e], lang) for e in view["editions"]
            ],
            t("first_edition", lang): view["first_edition"].to_numpy(),
            t("coordinates_from", lang): [
                name_in(PROVIDER_NAMES, provider or "", lang) for provider in view["provider"]
            ],
            t("latitude", lang): view["lat"].round(4).to_numpy(),
            t("longitude", lang): view["lon"].round(4).to_numpy(),
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


def documents_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    """What each source document is: title, date, language and file."""
    rows = dataset.sources.to_dict("records")
    return pd.DataFrame(
        {
            t("document", lang): [localized(row, "title", lang) for row in rows],
            t("date", lang): [
                format_date(row["date"].date(), lang) if pd.notna(row["date"]) else ""
                for row in rows
            ],
            t("language_col", lang): [language_of_document(row["language"], lang) for row in rows],
            t("file", lang): [row["source"] for row in rows],
            t("notes", lang): [localized(row, "notes", lang) for row in rows],
        },
        columns=[t(key, lang) for key in ("document", "date", "language_col", "file", "notes")],
    )


def figures_table(figures: pd.DataFrame, lang: str, documents: dict[str, str]) -> pd.DataFrame:
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
            t("document", lang): [documents.get(source, source) for source in figures["source"]],
            t("source", lang): figures["source"].to_numpy(),
            t("notes", lang): [localized(row, "notes", lang) for row in figures.to_dict("records")],
        }
    )


def figures_for(figures: pd.DataFrame, edition: int | None) -> pd.DataFrame:
    """The figures of one edition, combined ones that include it too; all when None."""
    if edition is None:
        return figures
    spans = figures["editions"].map(parse_editions)
    return figures[spans.map(lambda span: edition in span)]


def metric_series(
    figures: pd.DataFrame, metric: str, lang: str, documents: dict[str, str]
) -> pd.DataFrame:
    """One bar per statement of a metric: combined spans (1–2) stay their own bars, and
    statements that disagree stand side by side (`statement` tells them apart); `document`
    names the first source of each (footprint.documents.document_labels)."""
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
                "document": [documents.get(source, source) for source in rows["source"]],
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


def theme_in(row: dict, lang: str) -> str:
    """The theme as the source gives it (French), its English, or our Arabic translation said
    to be one; empty when none was published."""
    if lang == "ar" and row["theme_ar"]:
        return t("theme_translated", lang, theme=row["theme_ar"])
    return (row["theme_en"] if lang == "en" else "") or row["theme_fr"] or ""


def timeline(
    editions: pd.DataFrame,
    lang: str,
    documents: dict[str, str],
    city_names: dict[str, str] | None = None,
) -> list[TimelineEntry]:
    """Each edition with its parts (the professional Expo and the public Connect stay apart);
    `documents` names the source files (footprint.documents.document_labels), `city_names`
    gives the guest city in `lang` (cities.csv's name → footprint.places.row_names)."""
    city_names = city_names or {}
    missing = t("not_published", lang)
    entries = []
    for edition, rows in editions.sort_values(["edition", "line"]).groupby("edition"):
        parts = []
        for row in rows.to_dict("records"):
            parts.append(
                {
                    t("part", lang): row["part"] or "",
                    t("dates", lang): format_date_range(row["start_date"], row["end_date"], lang)
                    or missing,
                    t("venue", lang): row["venue"] or missing,
                    t("theme", lang): theme_in(row, lang) or missing,
                    t("guest", lang): city_names.get(row["guest_city"], row["guest_city"]) or "—",
                    t("notes", lang): localized(row, "notes", lang),
                    t("source", lang): documents.get(row["source"], row["source"]),
                }
            )
        entries.append(TimelineEntry(int(edition), int(rows["year"].iloc[0]), tuple(parts)))
    return entries


def missing_editions(editions: pd.DataFrame) -> list[int]:
    """Editions between the first and the last that no source speaks of (4 to 6 here)."""
    known = set(editions["edition"].astype(int))
    return [number for number in range(min(known), max(known) + 1) if number not in known]
