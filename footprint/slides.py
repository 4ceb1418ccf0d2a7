"""Which slides a presentation shows, in what order, with what text: no drawing here.

Editions in order (a map with its figures when a city list was published, the figures alone
otherwise, saying so), then the footprint of every edition, a spotlight on each continent that
sent cities, and the new and returning cities between consecutive editions with lists. Every
text comes from a snapshot (footprint.snapshot), so slides say what the map page says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from footprint.data import Dataset
from footprint.filters import Filters
from footprint.i18n import CONTINENT_NAMES, name_in, t
from footprint.metrics import compare_editions, editions_with_lists
from footprint.places import visitors
from footprint.snapshot import Snapshot, take_snapshot
from geo.continents import M49_REGIONS

EDITION = "edition"
FIGURES_ONLY = "figures_only"
ALL_EDITIONS = "all_editions"
CONTINENT = "continent"
COMPARISON = "comparison"


@dataclass(frozen=True)
class Slide:
    kind: str
    heading: str
    snapshot: Snapshot  # the view the slide's map and figures show
    notes: tuple[str, ...] = ()  # sentences: what is known of the list, why there is no map
    new: tuple[str, ...] = ()  # comparison slides: cities of the later edition, new…
    returning: tuple[str, ...] = ()  # …and back from the earlier one

    @property
    def has_map(self) -> bool:
        return self.kind != FIGURES_ONLY

    @property
    def edition(self) -> int | None:
        return self.snapshot.filters.edition

    @property
    def continents(self) -> tuple[str, ...]:
        return self.snapshot.filters.continents


def _edition_slide(snapshot: Snapshot) -> Slide:
    if snapshot.has_list:
        return Slide(EDITION, snapshot.edition_label, snapshot, notes=snapshot.coverage)
    return Slide(
        FIGURES_ONLY,
        snapshot.edition_label,
        snapshot,
        notes=(t("present.no_list", snapshot.lang), *snapshot.coverage),
    )


def build_slides(
    dataset: Dataset, located: pd.DataFrame, lang: str, *, today: dt.date | None = None
) -> list[Slide]:
    """Every slide of the presentation in `lang`."""

    def snapshot(edition: int | None, continents: tuple[str, ...] = ()) -> Snapshot:
        return take_snapshot(dataset, located, Filters(edition, continents, lang), today=today)

    editions = sorted(dataset.editions["edition"].unique().tolist())
    slides = [_edition_slide(snapshot(edition)) for edition in editions]
    everything = snapshot(None)
    slides.append(Slide(ALL_EDITIONS, t("present.all_editions", lang), everything))
    present = set(visitors(everything.places)["continent"].dropna())
    for region in (region for region in M49_REGIONS if region in present):
        heading = t("present.spotlight", lang, continent=name_in(CONTINENT_NAMES, region, lang))
        slides.append(Slide(CONTINENT, heading, snapshot(None, (region,))))
    with_lists = editions_with_lists(located)
    for first, second in zip(with_lists, with_lists[1:], strict=False):
        comparison = compare_editions(located, first, second, lang)
        slides.append(
            Slide(
                COMPARISON,
                t("present.compare", lang, first=first, second=second),
                snapshot(second),
                new=comparison.new,
                returning=comparison.returning,
            )
        )
    return slides


def first_slide(slides: list[Slide], edition: int | None) -> int:
    """Where a presentation opened for `edition` starts: that edition's slide, else the first."""
    for number, slide in enumerate(slides):
        if slide.kind in (EDITION, FIGURES_ONLY) and slide.edition == edition:
            return number
        if edition is None and slide.kind == ALL_EDITIONS:
            return number
    return 0
