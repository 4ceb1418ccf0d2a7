"""The data a standalone page carries: every view it was given, in every language, with what
repeats stored once.

Places are one shared table (coordinates, country, continent, names per language); a view is
a list of place numbers with their roles, shared by the languages that draw the same places.
Counts are computed here, with `footprint.metrics.counts`, for every continent selection the
page can make, so the page never computes a figure itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import pandas as pd

from footprint.filters import Filters
from footprint.i18n import (
    CONTINENT_NAMES,
    ROLE_NAMES,
    country_name,
    direction,
    format_number,
    language_name,
    name_in,
    t,
)
from footprint.mapview import (
    ARCS_PER_CITY_LIMIT,
    CONTINENT_COLORS,
    DEFAULT_HOST,
    ROLE_CODES,
    UNKNOWN_COLOR,
)
from footprint.metrics import counts
from footprint.places import display_names, visible_places
from footprint.snapshot import Snapshot
from geo.continents import M49_REGIONS

NAME_COLUMNS = ("name_fr", "name_en", "name_ar")
LOCATION = ["country_code", "continent", "lat", "lon"]
CONTINENTS = (*M49_REGIONS, "")  # the last one: a place with no known continent


def count_figures(snapshot: Snapshot) -> list[tuple[str, str]] | None:
    """(label, number) for cities, countries and continents, as the slides, the site's figures
    page and the press kit print them; None when no list was published (never 0)."""
    if snapshot.counts is None:
        return None
    lang, found = snapshot.lang, snapshot.counts
    return [
        (t("cities_count", lang), format_number(found.cities, lang)),
        (t("countries_count", lang), format_number(found.countries, lang)),
        (t("continents_count", lang), format_number(found.continents, lang)),
    ]


def continent_mask(continents: Sequence[str]) -> int:
    """A set of M49 continents as bits, in M49_REGIONS order: how the page names a selection."""
    return sum(1 << M49_REGIONS.index(c) for c in continents)


def _selections(allowed: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every non-empty subset of the allowed continents."""
    return [subset for size in range(1, len(allowed) + 1) for subset in combinations(allowed, size)]


def _counts_by_selection(snapshot: Snapshot, allowed: tuple[str, ...]) -> dict[str, list[int]]:
    """Cities, countries and continents for each continent selection, keyed by its mask.
    Selections that differ only by continents with no place count the same: counted once."""
    places = snapshot.places[["role", "continent", "country_code", "lat"]]
    present = set(places["continent"].dropna())
    found: dict[tuple[str, ...], list[int]] = {}
    table = {}
    for subset in _selections(allowed):
        effective = tuple(c for c in subset if c in present)
        if effective not in found:
            view = visible_places(places, Filters(snapshot.filters.edition, effective, "fr"))
            total = counts(view) if effective else counts(view.iloc[0:0])
            found[effective] = [total.cities, total.countries, total.continents]
        table[str(continent_mask(subset))] = found[effective]
    return table


def places_identity(snapshots: Sequence[Snapshot]) -> list[str]:
    """What makes two rows the same place on the page: its names (those the data has) and
    where it is."""
    present = set(snapshots[0].places.columns)
    return [name for name in NAME_COLUMNS if name in present] + LOCATION


def _place_table(snapshots: Sequence[Snapshot]) -> tuple[pd.DataFrame, list[pd.Series]]:
    """The places of every view once, and for each view its rows' numbers in that table."""
    columns = places_identity(snapshots)
    frames = [snapshot.places[columns] for snapshot in snapshots]
    stacked = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if stacked.empty:
        return pd.DataFrame(columns=columns), [pd.Series(dtype=int) for _ in snapshots]
    numbers = stacked.groupby(columns, sort=False, dropna=False).ngroup()
    table = stacked.drop_duplicates(columns).reset_index(drop=True)
    per_view, start = [], 0
    for frame in frames:
        per_view.append(numbers.iloc[start : start + len(frame)])
        start += len(frame)
    return table, per_view


def _language_texts(lang: str, country_codes: list[str], snapshot: Snapshot) -> dict:
    """Every fixed word of the page in `lang`, and the names the markers show."""
    return {
        "dir": direction(lang),
        "name": language_name(lang),
        "title": snapshot.title,
        "subtitle": snapshot.subtitle,
        "countries": [country_name(code, lang) if code else "" for code in country_codes],
        "continents": [name_in(CONTINENT_NAMES, c, lang) if c else "" for c in CONTINENTS],
        "roles": [name_in(ROLE_NAMES, role, lang) for role in ROLE_CODES],
        "popupLabels": [
            t("popup_country", lang),
            t("popup_continent", lang),
            t("popup_role", lang),
            t("popup_editions", lang),
        ],
        "legendTitle": t("legend_title", lang),
        "legend": [[entry.label, entry.color, entry.kind] for entry in snapshot.legend],
        "labels": {
            "edition": t("edition", lang),
            "continents": t("continents", lang),
            "everyContinent": t("every_continent", lang),
            "language": t("language", lang),
            "cities": t("cities_count", lang),
            "countries": t("countries_count", lang),
            "continentsCount": t("continents_count", lang),
            "figures": t("figures_heading", lang),
            "noFigures": t("no_figures", lang),
            "known": t("what_is_known", lang),
            "share": t("standalone.share", lang),
        },
    }


def page_data(snapshots: Sequence[Snapshot]) -> dict:
    """Everything a standalone page draws, as plain JSON-ready data (see the module doc)."""
    if not snapshots:
        raise ValueError("a standalone page needs at least one snapshot")
    table, numbers = _place_table(snapshots)
    country_codes, countries = pd.factorize(table["country_code"].fillna(""))
    continent_numbers = [
        CONTINENTS.index(c) if c in M49_REGIONS else len(CONTINENTS) - 1
        for c in table["continent"].tolist()
    ]
    country_continent = [len(CONTINENTS) - 1] * len(countries)
    for country, continent in reversed(list(zip(country_codes, continent_numbers, strict=True))):
        country_continent[country] = continent  # the first place's, as the live map does
    languages = list(dict.fromkeys(snapshot.lang for snapshot in snapshots))
    names: list[list[str]] = []
    name_list = {}
    for lang in languages:
        shown = display_names(table, lang).fillna("").tolist()
        if shown not in names:
            names.append(shown)
        name_list[lang] = names.index(shown)
    edition_lists: dict[str, int] = {}
    geometries: list[dict] = []
    views = []
    for snapshot, rows in zip(snapshots, numbers, strict=True):
        lists = [", ".join(map(str, editions)) for editions in snapshot.places["editions"]]
        geometry = {
            "places": [int(number) for number in rows],
            "role": "".join(str(ROLE_CODES[role]) for role in snapshot.places["role"]),
            "editions": [edition_lists.setdefault(text, len(edition_lists)) for text in lists],
        }
        if geometry not in geometries:
            geometries.append(geometry)
        allowed = snapshot.filters.continents or M49_REGIONS
        views.append(
            {
                "edition": snapshot.filters.edition,
                "lang": snapshot.lang,
                "geometry": geometries.index(geometry),
                "continents": continent_mask(allowed),
                "editionLabel": snapshot.edition_label,
                "counts": _counts_by_selection(snapshot, tuple(allowed))
                if snapshot.has_list
                else None,
                "headlines": [[h.label, h.value] for h in snapshot.headlines],
                "coverage": list(snapshot.coverage),
                "sourceLine": snapshot.source_line,
                "madeOnLine": snapshot.made_on_line,
            }
        )
    first_in = {snapshot.lang: snapshot for snapshot in reversed(snapshots)}
    return {
        "lat": table["lat"].round(2).tolist(),
        "lon": table["lon"].round(2).tolist(),
        "country": country_codes.tolist(),
        "continent": continent_numbers,
        "countryCodes": list(countries),
        "countryContinent": country_continent,
        "names": names,
        "nameList": name_list,
        "editionLists": list(edition_lists),
        "colors": [CONTINENT_COLORS.get(c, UNKNOWN_COLOR) for c in CONTINENTS],
        "regions": list(M49_REGIONS),
        "arcsPerCityLimit": ARCS_PER_CITY_LIMIT,
        "defaultHost": list(DEFAULT_HOST),
        "geometries": geometries,
        "views": views,
        "languages": languages,
        "texts": {
            lang: _language_texts(lang, list(countries), first_in[lang]) for lang in languages
        },
    }
