"""Edition metrics as the sources state them: never rounded, never merged across scopes.

A figure given for editions 1–2 together stays a combined figure, an announced figure is not an
achieved one, and sources that disagree are all kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from footprint.data import parse_editions
from footprint.localized import format_list, localized_columns
from footprint.places import display_names, place_keys, places, row_names, visitors

NOTE_COLUMNS = localized_columns("notes")

COMPARABLE_QUALIFIERS = ("exact", "about")


@dataclass(frozen=True)
class Statement:
    """One figure as one or more sources state it."""

    value: int
    qualifier: str
    stage: str
    sources: tuple[tuple[str, str], ...]  # (source file, quote)
    notes: tuple[dict[str, str], ...]  # notes_fr, notes_en, notes_ar: see footprint.localized


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


def _records(figures: pd.DataFrame, **equal: str) -> list[dict]:
    """Figure rows as plain records: a few dozen rows, where pandas' per-call cost dominates."""
    records = figures[
        ["editions", "metric", "value", "qualifier", "stage", "source", "quote", *NOTE_COLUMNS]
    ]
    return [
        row
        for row in records.to_dict("records")
        if all(row[column] == value for column, value in equal.items())
    ]


def _by_metric(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["metric"], []).append(row)
    return grouped


def statements(rows: list[dict]) -> tuple[Statement, ...]:
    """The distinct (value, qualifier, stage) of some figure rows, each with all its sources."""
    grouped: dict[tuple, list[dict]] = {}
    for row in rows:
        grouped.setdefault((int(row["value"]), row["qualifier"], row["stage"]), []).append(row)
    result = [
        Statement(
            value=value,
            qualifier=qualifier,
            stage=stage,
            sources=tuple((row["source"], row["quote"]) for row in group),
            notes=tuple(
                {column: row[column] for column in NOTE_COLUMNS}
                for row in group
                if any(row[column] for column in NOTE_COLUMNS)
            ),
        )
        for (value, qualifier, stage), group in grouped.items()
    ]
    result.sort(key=lambda s: (s.stage != "achieved", -len(s.sources), s.value))
    return tuple(result)


def _single_comparable(rows: list[dict]) -> Statement | None:
    found = statements([row for row in rows if row["stage"] == "achieved"])
    if len(found) == 1 and found[0].qualifier in COMPARABLE_QUALIFIERS:
        return found[0]
    return None


def _change(single: dict[int, list[dict]], edition: int) -> Change | None:
    """The difference with the latest earlier edition stating the same metric for itself alone.

    `single` holds one metric's rows by edition, for figures stated for one edition only."""
    current = _single_comparable(single.get(edition, []))
    if current is None:
        return None
    for previous_edition in sorted((e for e in single if e < edition), reverse=True):
        previous = _single_comparable(single[previous_edition])
        if previous is not None:
            approximate = "about" in (current.qualifier, previous.qualifier)
            return Change(current.value - previous.value, approximate, previous_edition)
    return None


def edition_figures(figures: pd.DataFrame, edition: int) -> list[FigureCard]:
    """The figures stated for this edition alone, one card per metric."""
    single_by_metric: dict[str, dict[int, list[dict]]] = {}
    for row in _records(figures):
        if row["editions"].isdigit():
            by_edition = single_by_metric.setdefault(row["metric"], {})
            by_edition.setdefault(int(row["editions"]), []).append(row)
    return [
        FigureCard(
            metric,
            statements(by_edition[edition]),
            _change(by_edition, edition),
        )
        for metric, by_edition in single_by_metric.items()
        if edition in by_edition
    ]


def span_figures(figures: pd.DataFrame, editions: str) -> list[FigureCard]:
    """The figures stated for several editions together (`1-2`): no change, they stand apart."""
    return [
        FigureCard(metric, statements(rows), None)
        for metric, rows in _by_metric(_records(figures, editions=editions)).items()
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
    located: pd.DataFrame, figures: pd.DataFrame, editions: list[int], lang: str = "fr"
) -> list[tuple[str, dict]]:
    """What is known of each edition's city list, as (message key, values) pairs; city names
    in `lang`."""
    notes: list[tuple[str, dict]] = []
    for edition in editions:
        visiting = visitors(located[located["edition"] == edition])
        guests = visiting[visiting["role"] == "guest"]
        if visiting.empty:
            notes.append(("list_none", {"edition": edition}))
        elif len(guests) == len(visiting):
            notes.append(
                (
                    "list_guest_only",
                    {
                        "edition": edition,
                        "guest": format_list(row_names(guests, lang).tolist(), lang),
                    },
                )
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
    grouped: dict[tuple[str, str], list[dict]] = {}
    for row in _records(figures):
        grouped.setdefault((row["editions"], row["metric"]), []).append(row)
    found = []
    for (editions, metric), rows in grouped.items():
        stated = statements(rows)
        if len(stated) > 1:
            found.append((editions, metric, stated))
    return found


@dataclass(frozen=True)
class Comparison:
    new: tuple[str, ...]
    returning: tuple[str, ...]
    absent: tuple[str, ...]


def compare_editions(located: pd.DataFrame, first: int, second: int, lang: str) -> Comparison:
    """Which visiting cities of `second` are new, returning or absent compared to `first`."""

    def named(edition: int) -> dict[str, str]:
        view = visitors(places(located, edition))
        return dict(zip(view["place"], display_names(view, lang), strict=True))

    before, after = named(first), named(second)
    return Comparison(
        new=tuple(sorted(after[key] for key in after.keys() - before.keys())),
        returning=tuple(sorted(after[key] for key in after.keys() & before.keys())),
        absent=tuple(sorted(before[key] for key in before.keys() - after.keys())),
    )


def editions_with_lists(located: pd.DataFrame) -> list[int]:
    """Editions that have at least one delegation or guest city."""
    return sorted(visitors(located)["edition"].unique().tolist())
