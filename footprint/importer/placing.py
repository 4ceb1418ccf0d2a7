"""Where a name is: the data folder's geocache first (manual rows win), then the offline
gazetteer. Never online, never a fuzzy match to a far place, never a country's centre.

A name is ambiguous when its country holds another place of that name at least a quarter as
large, far enough to be another place, or when only a typo-tolerant match finds it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from footprint.importer.errors import ImportFileError
from footprint.importer.rows import AMBIGUOUS, PLACED, UNPLACED, Candidate
from geo.cache import MANUAL, CacheFormatError, GeoCache
from geo.gazetteer import City, Gazetteer
from geo.normalize import fold
from geo.resolver import shared_gazetteer

RIVAL_SHARE = 0.25  # a homonym this large relative to the best match makes the name ambiguous
SAME_PLACE_KM = 25.0  # closer than this, two GeoNames entries are the same place
MAX_CANDIDATES = 8


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Placement:
    status: str
    lat: float | None = None
    lon: float | None = None
    name: str | None = None
    country: str | None = None
    provider: str | None = None
    candidates: tuple[Candidate, ...] = ()
    suggestions: tuple[str, ...] = ()
    doubtful: bool = False  # only a typo-tolerant match, or a country nobody recognised


def _candidate(city: City) -> Candidate:
    return Candidate(
        city.name, city.latitude, city.longitude, city.country_code, city.admin1, city.population
    )


class Placer:
    """Places names for one review, remembering each (name, country) it has already placed."""

    def __init__(self, geocache: Path, gazetteer: Gazetteer | None = None):
        try:
            self._cache = GeoCache(geocache)
        except CacheFormatError as error:
            raise ImportFileError(
                str(error.path),
                error.line,
                str(error.column),
                error.message,
                code="data_file_broken",
                detail=error.message,
            ) from error
        self._gazetteer = gazetteer
        self._known: dict[tuple[str, str | None, bool], Placement] = {}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = shared_gazetteer()
        return self._gazetteer

    def place(self, name: str, country: str | None, country_unknown: bool = False) -> Placement:
        key = (fold(name), country, country_unknown)
        if key not in self._known:
            self._known[key] = self._place(name, country, country_unknown)
        return self._known[key]

    def _place(self, name: str, country: str | None, country_unknown: bool) -> Placement:
        entry = self._cache.find(name, country or "")
        if entry is not None:
            provider = MANUAL if entry.provider == MANUAL else "cached"
            return Placement(PLACED, entry.lat, entry.lon, entry.name, entry.country_code, provider)
        cities = self.gazetteer.named(name, country_codes=country)
        if cities:
            return self._choose_among(name, cities, country_unknown)
        guess = self.gazetteer.typo_match(name, country_codes=country)
        if guess:
            return Placement(AMBIGUOUS, candidates=(_candidate(guess[0]),), doubtful=True)
        suggestions = self.gazetteer.suggestions(name, country_codes=country)
        return Placement(UNPLACED, suggestions=tuple(suggestions))

    @staticmethod
    def _choose_among(name: str, cities: list[City], country_unknown: bool) -> Placement:
        best = cities[0]
        same_name = {fold(best.name), fold(name)}
        rivals = [
            city
            for city in cities[1:]
            if fold(city.name) in same_name
            and city.population >= RIVAL_SHARE * best.population
            and distance_km(best.latitude, best.longitude, city.latitude, city.longitude)
            > SAME_PLACE_KM
        ]
        if rivals or country_unknown:
            chosen = [best, *rivals] if rivals else cities
            return Placement(
                AMBIGUOUS,
                candidates=tuple(_candidate(city) for city in chosen[:MAX_CANDIDATES]),
                doubtful=country_unknown,
            )
        return Placement(
            PLACED, best.latitude, best.longitude, best.name, best.country_code, Gazetteer.name
        )
