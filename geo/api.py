"""``geo.lookup``: one name to one place, from the bundled cache (manual rows first), then the
gazetteer. Never online and never writes, so the dashboard can call it freely."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.cache import GeoCache
from geo.config import geocache_path
from geo.resolver import Resolver


@dataclass(frozen=True)
class LookupResult:
    latitude: float
    longitude: float
    country_code: str
    continent: str | None
    name: str
    provider: str


@lru_cache(maxsize=4)
def _read_only_resolver(path: Path, modified_ns: int) -> Resolver:
    """Re-read the cache when the file changes, keep it in memory otherwise."""
    return Resolver(GeoCache(path), read_only=True)


def _resolver() -> Resolver:
    path = geocache_path()
    modified_ns = path.stat().st_mtime_ns if path.exists() else 0
    return _read_only_resolver(path, modified_ns)


def lookup(query: str, country: str | None = None) -> LookupResult | None:
    """Where ``query`` is (``country``: ISO2 or a country name), or None when unsure."""
    if not query or not query.strip():
        return None
    resolution = _resolver().resolve(query, _country_hint(country))
    if not resolution.resolved:
        return None
    return LookupResult(
        resolution.lat,
        resolution.lon,
        resolution.country_code,
        resolution.continent,
        resolution.name,
        resolution.provider,
    )


def _country_hint(country: str | None) -> str | None:
    from geo.countries import country_code

    if not country or not country.strip():
        return None
    code = country_code(country)
    if code is None:
        raise ValueError(f"unknown country {country!r}: give an ISO2 code or a country name")
    return code
