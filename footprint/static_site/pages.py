"""The site's plain pages (figures by edition, sources), one per language, as escaped HTML.

Every text comes from the snapshot (`footprint.snapshot`) or the catalogs; every value from the
data goes through Jinja's autoescape, so a quote or a title can never become markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from footprint.data import Dataset, parse_editions
from footprint.documents import language_of_document
from footprint.i18n import (
    LANGUAGES,
    METRIC_NAMES,
    QUALIFIER_NAMES,
    STAGE_NAMES,
    direction,
    format_date,
    format_figure,
    language_name,
    name_in,
    t,
)
from footprint.localized import localized
from footprint.metrics import editions_label, span_figures
from footprint.snapshot import Snapshot, document_names, statement_text
from footprint.standalone.fonts import inline_font_faces
from footprint.standalone.payload import count_figures
from footprint.tables import missing_editions

TEMPLATES = Path(__file__).resolve().parent / "templates"
FIGURES_PAGE = "figures.html"
SOURCES_PAGE = "sources.html"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _render(template: str, context: dict) -> str:
    """The page, with the Arabic font inline, cut to the Arabic it holds (none: no font), as
    the map page carries it: nothing to fetch, and Arabic reads right with no font installed."""
    page = _environment().get_template(template)
    text = page.render(context, font_faces="")
    faces = "\n".join(inline_font_faces(text))
    return page.render(context, font_faces=faces) if faces else text


def map_href(lang: str, edition: int | None = None) -> str:
    """The map view from a language folder, as the app's share link reads it."""
    query = f"edition={'all' if edition is None else edition}&lang={lang}"
    return f"../index.html?{query}"


@dataclass(frozen=True)
class Link:
    label: str
    href: str
    current: bool = False
    hreflang: str = ""


def _navigation(lang: str, page: str) -> list[Link]:
    return [
        Link(t("page_map", lang), map_href(lang)),
        Link(t("site.figures_page", lang), FIGURES_PAGE, page == FIGURES_PAGE),
        Link(t("page_sources", lang), SOURCES_PAGE, page == SOURCES_PAGE),
    ]


def _languages(lang: str, page: str) -> list[Link]:
    """The same page in each language, each named in its own language."""
    return [
        Link(language_name(other), f"../{other}/{page}", other == lang, other)
        for other in LANGUAGES
    ]


def _frame(dataset: Dataset, overview: Snapshot, page: str, heading: str) -> dict:
    """What every page carries: its language and direction, navigation, source line, date.
    These pages speak of every figure and list, so their source line names every document."""
    lang = overview.lang
    files = [*dataset.cities["source"].tolist(), *dataset.figures["source"].tolist()]
    snapshot = replace(overview, sources=document_names(dataset, files, lang))
    return {
        "lang": lang,
        "dir": direction(lang),
        "site_title": snapshot.title,
        "heading": heading,
        "navigation": _navigation(lang, page),
        "languages": _languages(lang, page),
        "language_label": t("language", lang),
        "source_line": snapshot.source_line,
        "made_on_line": snapshot.made_on_line,
    }


@dataclass(frozen=True)
class EditionSection:
    anchor: str
    label: str
    map_href: str
    counts: list[tuple[str, str]] | None  # (label, number); None: no list was published
    headlines: list[tuple[str, str]]
    combined: list[tuple[str, str, str]]  # (editions, metric, statement)
    coverage: tuple[str, ...]


def _edition_section(snapshot: Snapshot, dataset: Dataset) -> EditionSection:
    lang = snapshot.lang
    edition = snapshot.filters.edition
    spans = [
        text
        for text in dataset.figures["editions"].unique().tolist()
        if len(parse_editions(text) or ()) > 1 and edition in parse_editions(text)
    ]
    combined = [
        (
            editions_label(span),
            name_in(METRIC_NAMES, card.metric, lang),
            " / ".join(statement_text(s, lang) for s in card.statements),
        )
        for span in spans
        for card in span_figures(dataset.figures, span)
    ]
    return EditionSection(
        anchor=f"edition-{edition}",
        label=snapshot.edition_label,
        map_href=map_href(lang, edition),
        counts=count_figures(snapshot),
        headlines=[(headline.label, headline.value) for headline in snapshot.headlines],
        combined=combined,
        coverage=snapshot.coverage,
    )


def figures_page(dataset: Dataset, overview: Snapshot, editions: Sequence[Snapshot]) -> str:
    """One section per edition (`editions`, one snapshot each, in the overview's language):
    its counts (or that no list was published), its figures as the sources state them, and
    what is known of its list."""
    lang = overview.lang
    context = _frame(dataset, overview, FIGURES_PAGE, t("site.figures_page", lang))
    context.update(
        sections=[_edition_section(snapshot, dataset) for snapshot in editions],
        no_list=t("site.no_list", lang),
        no_figures=t("no_figures", lang),
        see_on_map=t("site.see_on_map", lang),
        figures_heading=t("figures_heading", lang),
        what_is_known=t("what_is_known", lang),
        combined_label=t("site.combined_heading", lang),
    )
    return _render("figures.html", context)


def _document_rows(dataset: Dataset, lang: str) -> dict[str, dict[str, str]]:
    """Source file → its title, date, language and notes in `lang` (empty without sources.csv)."""
    return {
        row["source"]: {
            "title": localized(row, "title", lang),
            "date": format_date(row["date"].date(), lang) if pd.notna(row["date"]) else "",
            "language": language_of_document(row["language"], lang),
            "notes": localized(row, "notes", lang),
        }
        for row in dataset.sources.to_dict("records")
    }


def sources_page(dataset: Dataset, overview: Snapshot) -> str:
    """Every figure with its quote, its document (title, date, language) and the file name it
    came from, then the documents and what data is missing; in the overview's language."""
    lang = overview.lang
    documents = _document_rows(dataset, lang)
    unknown = {"title": "", "date": "", "language": "", "notes": ""}
    figures = [
        {
            "editions": editions_label(row["editions"]),
            "metric": name_in(METRIC_NAMES, row["metric"], lang),
            "value": format_figure(int(row["value"]), row["qualifier"], lang),
            "qualifier": name_in(QUALIFIER_NAMES, row["qualifier"], lang),
            "stage": name_in(STAGE_NAMES, row["stage"], lang),
            "quote": row["quote"],
            "file": row["source"],
            **documents.get(row["source"], unknown),
        }
        for row in dataset.figures.to_dict("records")
    ]
    gaps = missing_editions(dataset.editions)
    context = _frame(dataset, overview, SOURCES_PAGE, t("page_sources", lang))
    context.update(
        intro=t("sources_intro", lang),
        figures=figures,
        documents=[{"file": name, **row} for name, row in documents.items()],
        missing=([t("missing_editions", lang, editions=", ".join(map(str, gaps)))] if gaps else [])
        + list(overview.coverage),
        labels={
            key: t(key, lang)
            for key in (
                "editions_col",
                "metric",
                "value",
                "qualifier",
                "stage",
                "quote",
                "document",
                "date",
                "language_col",
                "file",
                "notes",
                "documents",
                "missing_data",
            )
        },
    )
    return _render("sources.html", context)
