"""The one place that decides the order: manual row → cache → gazetteer → online (opt-in)."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from geopy.exc import GeocoderServiceError

from geo.base import Provider
from geo.cache import MANUAL, CacheEntry, GeoCache, entry_key, today
from geo.continents import continent_of, normalize_continent
from geo.countries import hint_codes
from geo.gazetteer import Gazetteer
from geo.online import OnlineGeocoder, country_code_of

RESOLVED, UNRESOLVED, MISMATCH = "resolved", "unresolved", "mismatch"
# Where a result came from, as the CLI counts them.
SOURCES = ("cached", "manual", "gazetteer", "online", "unresolved")

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class Resolution:
    query: str
    country: str
    lat: float | None = None
    lon: float | None = None
    name: str | None = None
    country_code: str | None = None
    provider: str | None = None
    source: str = "unresolved"
    suggestions: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return self.lat is not None

    @property
    def continent(self) -> str | None:
        return continent_of(self.country_code)


@cache
def shared_gazetteer() -> Gazetteer:
    """One gazetteer per process: it is read-only, and opening it is the slow part."""
    return Gazetteer()


@dataclass
class Resolver:
    """Resolves names, remembering new results to write to the cache unless read-only."""

    cache: GeoCache
    online: Provider | None = None
    read_only: bool = False
    gazetteer_factory: Callable[[], Gazetteer] = shared_gazetteer
    sources: Counter = field(default_factory=Counter)
    online_errors: list[str] = field(default_factory=list)
    _pending: dict[tuple[str, str], CacheEntry] = field(default_factory=dict)
    _gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """Built on first need only: a fully cached table never pays for it."""
        if self._gazetteer is None:
            self._gazetteer = self.gazetteer_factory()
        return self._gazetteer

    @property
    def gazetteer_loaded(self) -> bool:
        return self._gazetteer is not None

    def resolve(self, query: str, country: str | None = None) -> Resolution:
        country = (country or "").strip().upper()
        key = entry_key(query, country)
        entry = self._pending.get(key) or self.cache.find(query, country)
        if entry is not None:
            source = "manual" if entry.provider == MANUAL else "cached"
            return self._from_entry(query, country, entry, source)
        city = next(iter(self.gazetteer.find(query, country_codes=country or None)), None)
        if city is not None:
            entry = self._remember(
                query,
                country,
                city.latitude,
                city.longitude,
                city.name,
                city.country_code,
                Gazetteer.name,
            )
            return self._from_entry(query, country, entry, "gazetteer")
        if self.online is not None:
            found = self._ask_online(query, country)
            if found is not None:
                return found
        suggestions = self.gazetteer.suggestions(query, country_codes=country or None)
        return Resolution(query, country, suggestions=tuple(suggestions))

    def _ask_online(self, query: str, country: str) -> Resolution | None:
        """Online failures are reported and leave the gazetteer's answer standing."""
        try:
            location = self.online.geocode(query, country_codes=country or None)
        except GeocoderServiceError as error:
            self.online_errors.append(f"{query!r}: {type(error).__name__}: {error}")
            return None
        if location is None:
            return None
        name = location.raw.get("name") or location.address.split(",")[0]
        entry = self._remember(
            query,
            country,
            location.latitude,
            location.longitude,
            name,
            country_code_of(location) or country,
            OnlineGeocoder.name,
        )
        return self._from_entry(query, country, entry, "online")

    def _remember(self, query, country, lat, lon, name, country_code, provider) -> CacheEntry:
        key = entry_key(query, country)
        entry = CacheEntry(*key, lat, lon, name, country_code, provider, today())
        self._pending[key] = entry
        return entry

    @staticmethod
    def _from_entry(query: str, country: str, entry: CacheEntry, source: str) -> Resolution:
        return Resolution(
            query,
            country,
            entry.lat,
            entry.lon,
            entry.name,
            entry.country_code,
            entry.provider,
            source,
        )

    def flush(self) -> int:
        """Write new results to the cache file; returns how many, 0 when read-only."""
        if self.read_only or not self._pending:
            return 0
        written = len(self._pending)
        self.cache.store(self._pending.values())
        self._pending.clear()
        return written


def make_resolver(cache_path: Path, *, online: bool = False, read_only: bool = False) -> Resolver:
    return Resolver(
        GeoCache(cache_path), online=OnlineGeocoder() if online else None, read_only=read_only
    )


def row_status(resolution: Resolution, country: str, continent_published: str | None) -> str:
    """Mismatch: resolved, but elsewhere than the list's country or continent says."""
    if not resolution.resolved:
        return UNRESOLVED
    if country and resolution.country_code not in hint_codes(country.strip().upper()):
        return MISMATCH
    published = normalize_continent(continent_published)
    if published is not None and published != resolution.continent:
        return MISMATCH
    return RESOLVED
