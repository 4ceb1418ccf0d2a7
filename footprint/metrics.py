"""Edition metrics as the sources state them: never rounded, never merged across scopes.

A figure given for editions 1–2 together stays a combined figure, an announced figure is not an
achieved one, and sources that disagree are all kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from footprint.data import parse_editions
from footprint.places import place_keys, places, visitors

COMPARABLE_QUALIFIERS = ("exact", "about")


@dataclass(frozen=True)
class Statement:
    """One figure as one or more sources state it."""

    value: int
    qualifier: str
    stage: str
    sources: tuple[tuple[str, str], ...]  # (source file, quote)
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    delta: int
    approximate: bool
    previous_edition: int


@dataclass(frozen=True)
class FigureCard:
    metric: str
    statements: tuple[Statement, ...]  # more than one: the sources disagree
    change: Change | None

    @property
    def disagrees(self) -> bool:
        return len({(s.value, s.qualifier) for s in self.statements}) > 1


@dataclass(frozen=True)
class Counts:
    cities: int
    countries: int
    continents: int


def editions_label(text: str) -> str:
    """`1-2` → `1–2`, as typeset."""
    return text.replace("-", "–")


def statements(rows: pd.DataFrame) -> tuple[Statement, ...]:
    """The distinct (value, qualifier, stage) of some figure rows, each with all its sources."""
    result = []
    for (value, qualifier, stage), group in rows.groupby(
        ["value", "qualifier", "stage"], sort=False
    ):
        result.append(
            Statement(
                value=int(value),
                qualifier=qualifier,
                stage=stage,
                sources=tuple(zip(group["source"], group["quote"], strict=True)),
                notes=tuple(note for note in group["notes"] if note),
            )
        )
    result.sort(key=lambda s: (s.stage != "achieved", -len(s.sources), s.value))
    return tuple(result)


def _single_comparable(rows: pd.DataFrame) -> Statement | None:
    found = statements(rows[rows["stage"] == "achieved"])
    if len(found) == 1 and found[0].qualifier in COMPARABLE_QUALIFIERS:
        return found[0]
    return None


def _change(figures: pd.DataFrame, metric: str, edition: int) -> Change | None:
    """The difference with the latest earlier edition stating the same metric for itself alone."""
    single = figures[(figures["metric"] == metric) & figures["editions"].str.isdigit()]
    current = _single_comparable(single[single["editions"] == str(edition)])
    if current is None:
        return None
    earlier = sorted({int(e) for e in single["editions"] if int(e) < edition}, reverse=True)
    for previous_edition in earlier:
        previous = _single_comparable(single[single["editions"] == str(previous_edition)])
        if previous is not None:
            approximate = "about" in (current.qualifier, previous.qualifier)
            return Change(current.value - previous.value, approximate, previous_edition)
    return None


def edition_figures(figures: pd.DataFrame, edition: int) -> list[FigureCard]:
    """The figures stated for this edition alone, one card per metric."""
    rows = figures[figures["editions"] == str(edition)]
    return [
        FigureCard(metric, statements(group), _change(figures, metric, edition))
        for metric, group in rows.groupby("metric", sort=False)
    ]


def span_figures(figures: pd.DataFrame, editions: str) -> list[FigureCard]:
    """The figures stated for several editions together (`1-2`): no change, they stand apart."""
    rows = figures[figures["editions"] == editions]
    return [
        FigureCard(metric, statements(group), None)
        for metric, group in rows.groupby("metric", sort=False)
    ]


def combined_figures(figures: pd.DataFrame, edition: int | None) -> pd.DataFrame:
    """Figures stated for several editions together that include `edition` (or any)."""
    spans = figures["editions"].map(parse_editions)
    combined = spans.map(len) > 1
    if edition is not None:
        combined &= spans.map(lambda span: edition in span)
    return figures[combined]


def counts(view: pd.DataFrame) -> Counts:
    """Cities, countries and continents of the delegation and guest cities (host excluded)."""
    visiting = visitors(view)
    return Counts(
        cities=len(visiting),
        countries=visiting["country_code"].nunique(),
        continents=visiting["continent"].nunique(),
    )


def list_coverage(
    located: pd.DataFrame, figures: pd.DataFrame, editions: list[int]
) -> list[tuple[str, dict]]:
    """What is known of each edition's city list, as (message key, values) pairs."""
    notes: list[tuple[str, dict]] = []
    for edition in editions:
        visiting = visitors(located[located["edition"] == edition])
        guests = visiting[visiting["role"] == "guest"]
        if visiting.empty:
            notes.append(("list_none", {"edition": edition}))
        elif len(guests) == len(visiting):
            notes.append(
                ("list_guest_only", {"edition": edition, "guest": ", ".join(guests["city"])})
            )
        else:
            notes.append(("list_named", {"edition": edition, "named": len(visiting)}))
    stated = combined_figures(figures, None)
    stated = stated[stated["metric"] == "cities"].drop_duplicates(["editions", "value"])
    for row in stated.itertuples():
        span = parse_editions(row.editions) or ()
        if not set(span) & set(editions):
            continue
        named = place_keys(visitors(located[located["edition"].isin(span)])).nunique()
        notes.append(
            (
                "list_stated_vs_named",
                {
                    "editions": editions_label(row.editions),
                    "stated": int(row.value),
                    "named": named,
                },
            )
        )
    return notes


def disagreements(figures: pd.DataFrame) -> list[tuple[str, str, tuple[Statement, ...]]]:
    """(editions, metric, statements) wherever sources give different values for one figure."""
    found = []
    for (editions, metric), group in figures.groupby(["editions", "metric"], sort=False):
        stated = statements(group)
        if len({(s.value, s.qualifier, s.stage) for s in stated}) > 1:
            found.append((editions, metric, stated))
    return found


@dataclass(frozen=True)
class Comparison:
    new: tuple[str, ...]
    returning: tuple[str, ...]
    absent: tuple[str, ...]


def compare_editions(located: pd.DataFrame, first: int, second: int, lang: str) -> Comparison:
    """Which visiting cities of `second` are new, returning or absent compared to `first`."""
    name_column = "name_fr" if lang == "fr" else "name_en"

    def named(edition: int) -> dict[str, str]:
        view = visitors(places(located, edition))
        return dict(zip(view["place"], view[name_column], strict=True))

    before, after = named(first), named(second)
    return Comparison(
        new=tuple(sorted(after[key] for key in after.keys() - before.keys())),
        returning=tuple(sorted(after[key] for key in after.keys() & before.keys())),
        absent=tuple(sorted(before[key] for key in before.keys() - after.keys())),
    )


def editions_with_lists(located: pd.DataFrame) -> list[int]:
    """Editions that have at least one delegation or guest city."""
    return sorted(visitors(located)["edition"].unique().tolist())
