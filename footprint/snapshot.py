"""One view of the footprint, settled into plain text and numbers for everything that is not the
live dashboard: the press kit's images, PDF and tables, the standalone map page, the static site
and the presentation's slides all draw the same snapshot, so they cannot disagree.

Everything here is already in the visitor's language and says only what the sources say: the
figures keep their qualifiers, an edition without a published list has no counts (never 0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from footprint.data import Dataset, parse_editions
from footprint.filters import Filters
from footprint.i18n import (
    CONTINENT_NAMES,
    METRIC_NAMES,
    STAGE_NAMES,
    format_date,
    format_figure,
    name_in,
    t,
)
from footprint.mapview import CONTINENT_COLORS, HOST_COLOR
from footprint.metrics import Counts, Statement, counts, edition_figures, list_coverage
from footprint.places import places, visible_places, visitors
from geo.continents import M49_REGIONS


@dataclass(frozen=True)
class Headline:
    """One figure as the sources state it: `≥ 15 000`, `≈ 85 (annoncé)`."""

    metric: str
    label: str
    value: str  # every distinct statement, joined with " / " when sources disagree
    disputed: bool = False  # the sources state it in more than one way


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    kind: str  # continent | host | guest


@dataclass(frozen=True)
class Snapshot:
    filters: Filters
    title: str
    subtitle: str
    edition_label: str  # "Édition 2 (2017)" or "Toutes les éditions"
    places: pd.DataFrame  # what the map draws (footprint.places columns)
    counts: Counts | None  # None: no city list was published for this view
    coverage: tuple[str, ...]  # what is known of the lists, as sentences
    headlines: tuple[Headline, ...]
    legend: tuple[LegendEntry, ...]
    sources: tuple[str, ...]  # each document named by its title and date
    made_on: dt.date

    @property
    def lang(self) -> str:
        return self.filters.lang

    @property
    def has_list(self) -> bool:
        return self.counts is not None

    @property
    def source_line(self) -> str:
        """The one-line credit every slide, image and page carries."""
        return t("source_line", self.lang, sources="; ".join(self.sources))

    @property
    def made_on_line(self) -> str:
        return t("made_on", self.lang, date=format_date(self.made_on, self.lang))


def statement_text(statement: Statement, lang: str) -> str:
    """`≥ 15 000`, with `(announced)` when the figure was given before the edition."""
    text = format_figure(statement.value, statement.qualifier, lang)
    if statement.stage == "announced":
        stage = name_in(STAGE_NAMES, "announced", lang)
        return t("figure_at_stage", lang, figure=text, stage=stage)
    return text


def edition_label(dataset: Dataset, edition: int | None, lang: str) -> str:
    if edition is None:
        return t("all_editions", lang)
    years = dataset.editions.loc[dataset.editions["edition"] == edition, "year"]
    return t("edition_label", lang, number=edition, year=int(years.iloc[0]))


def legend_entries(lang: str) -> tuple[LegendEntry, ...]:
    """The map's legend: continent colours, then the host and the guest."""
    return (
        *(
            LegendEntry(
                name_in(CONTINENT_NAMES, region, lang), CONTINENT_COLORS[region], "continent"
            )
            for region in M49_REGIONS
        ),
        LegendEntry(t("host_city", lang), HOST_COLOR, "host"),
        LegendEntry(t("guest_city", lang), "#ffffff", "guest"),
    )


def document_names(dataset: Dataset, files: list[str], lang: str) -> tuple[str, ...]:
    """Each source file by its title and date, in the order given; unknown files by name."""
    sources = dataset.sources.set_index("source") if len(dataset.sources) else None
    named = []
    for name in dict.fromkeys(files):
        if sources is None or name not in sources.index:
            named.append(name)
            continue
        row = sources.loc[name]
        title = row.get(f"title_{lang}") or row["title_fr"]
        when = row["date"]
        named.append(f"{title} ({format_date(when.date(), lang)})" if pd.notna(when) else title)
    return tuple(named)


def _view_figures(dataset: Dataset, edition: int | None) -> pd.DataFrame:
    if edition is None:
        return dataset.figures.iloc[0:0]
    spans = dataset.figures["editions"].map(parse_editions)
    return dataset.figures[spans.map(lambda span: tuple(span) == (edition,)).astype(bool)]


def take_snapshot(
    dataset: Dataset, located: pd.DataFrame, filters: Filters, *, today: dt.date | None = None
) -> Snapshot:
    """The view `filters` selects, ready to draw in `filters.lang`."""
    lang = filters.lang
    selected = places(located, filters.edition)
    shown = visible_places(selected, filters)
    editions = (
        [filters.edition]
        if filters.edition is not None
        else sorted(dataset.editions["edition"].unique().tolist())
    )
    in_view = located if filters.edition is None else located[located["edition"] == filters.edition]
    has_list = not visitors(in_view).empty
    headlines = tuple(
        Headline(
            card.metric,
            name_in(METRIC_NAMES, card.metric, lang),
            " / ".join(statement_text(s, lang) for s in card.statements),
            disputed=len(card.statements) > 1,
        )
        for card in (edition_figures(dataset.figures, filters.edition) if filters.edition else [])
    )
    source_files = [
        *in_view["source"].tolist(),
        *_view_figures(dataset, filters.edition)["source"].tolist(),
    ]
    return Snapshot(
        filters=filters,
        title=t("app_title", lang),
        subtitle=t("app_subtitle", lang),
        edition_label=edition_label(dataset, filters.edition, lang),
        places=shown,
        counts=counts(shown) if has_list else None,
        coverage=tuple(
            t(key, lang, **values)
            for key, values in list_coverage(located, dataset.figures, editions, lang)
        ),
        headlines=headlines,
        legend=legend_entries(lang),
        sources=document_names(dataset, source_files, lang),
        made_on=today or dt.date.today(),
    )
