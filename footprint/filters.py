"""The shared filters (edition, continents, language) and their URL form.

A link must reproduce a view exactly, and a link that makes no sense must still open:
values that cannot be understood are dropped and reported, never raised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from footprint.i18n import LANGUAGES
from geo.continents import M49_REGIONS, normalize_continent

ALL = "all"


@dataclass(frozen=True)
class Filters:
    edition: int | None  # None: every edition
    continents: tuple[str, ...]  # empty: every continent
    lang: str

    def to_query_params(self) -> dict[str, str]:
        params = {"edition": ALL if self.edition is None else str(self.edition), "lang": self.lang}
        if self.continents:
            params["continent"] = ",".join(self.continents)
        return params

    def shows_continent(self, continent: str | None) -> bool:
        return not self.continents or continent in self.continents


@dataclass(frozen=True)
class ParsedFilters:
    filters: Filters
    ignored: tuple[tuple[str, str], ...]  # (parameter, value) pairs that made no sense


def _values(params: Mapping[str, str | Sequence[str]], name: str) -> list[str]:
    raw = params.get(name, [])
    items = [raw] if isinstance(raw, str) else list(raw)
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


def parse_filters(
    params: Mapping[str, str | Sequence[str]],
    editions: Iterable[int],
    default_lang: str,
) -> ParsedFilters:
    """Filters from URL parameters (`?edition=2&continent=Europe&lang=en`)."""
    ignored: list[tuple[str, str]] = []
    known_editions = set(editions)

    edition: int | None = None
    for value in _values(params, "edition")[:1]:
        if value.isdigit() and int(value) in known_editions:
            edition = int(value)
        elif value.lower() != ALL:
            ignored.append(("edition", value))

    continents: list[str] = []
    for value in _values(params, "continent"):
        region = normalize_continent(value)
        if region is None:
            ignored.append(("continent", value))
        elif region not in continents:
            continents.append(region)
    continents.sort(key=M49_REGIONS.index)

    lang = default_lang
    for value in _values(params, "lang")[:1]:
        if value.lower() in LANGUAGES:
            lang = value.lower()
        else:
            ignored.append(("lang", value))

    return ParsedFilters(Filters(edition, tuple(continents), lang), tuple(ignored))
