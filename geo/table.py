"""Geocode a whole city table, as the dashboard and the CLI need it."""

from pathlib import Path

import pandas as pd

from geo.config import geocache_path
from geo.resolver import (
    UNRESOLVED,
    ProgressCallback,
    Resolution,
    Resolver,
    make_resolver,
    row_status,
)

NAN = float("nan")
# Where a city is: what the dashboard joins onto its city rows.
LOCATION_COLUMNS = (
    "lat",
    "lon",
    "country_code",
    "continent",
    "resolved_name",
    "provider",
    "status",
)
ADDED_COLUMNS = (*LOCATION_COLUMNS, "suggestions", "source")


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip()


def geocode_table(
    cities: pd.DataFrame,
    *,
    resolver: Resolver | None = None,
    read_only: bool = False,
    online: bool = False,
    progress: ProgressCallback | None = None,
    cache_path: Path | None = None,
) -> pd.DataFrame:
    """A copy of the table with coordinates, continent and a status for every row.

    Each distinct (city, country) is resolved once; with everything cached the gazetteer is
    never opened. ``read_only`` (the dashboard) leaves the cache file untouched.
    """
    resolver = resolver or make_resolver(
        cache_path or geocache_path(), online=online, read_only=read_only
    )
    cities_column = [_text(value) for value in cities["city"]]
    countries = [_text(value) for value in cities.get("country", pd.Series([""] * len(cities)))]
    published = [
        _text(value) for value in cities.get("continent_published", pd.Series([""] * len(cities)))
    ]
    total = len(cities)
    resolutions: dict[tuple[str, str], Resolution | None] = {}
    rows: dict[tuple[str, str, str], tuple] = {}
    values = []
    for position, row_key in enumerate(zip(cities_column, countries, published, strict=True), 1):
        city, country, _ = row_key
        if row_key not in rows:
            key = (city, country.upper())
            if key not in resolutions:
                resolutions[key] = resolver.resolve(city, country) if city else None
            rows[row_key] = _added_values(resolutions[key], *row_key)
        values.append(rows[row_key])
        resolver.sources[rows[row_key][-1]] += 1
        if progress is not None:
            progress(position, total)
    resolver.flush()
    result = cities.copy()
    for name, column in zip(
        ADDED_COLUMNS,
        zip(*values, strict=True) if values else [()] * len(ADDED_COLUMNS),
        strict=True,
    ):
        result[name] = list(column)
    result["lat"] = result["lat"].astype("float64")
    result["lon"] = result["lon"].astype("float64")
    return result


def _added_values(
    resolution: Resolution | None, city: str, country: str, continent_published: str
) -> tuple:
    """The added columns of one row, in ADDED_COLUMNS order (source last)."""
    if resolution is None or not resolution.resolved:
        suggestions = resolution.suggestions if resolution else ()
        return (NAN, NAN, None, None, None, None, UNRESOLVED, tuple(suggestions), "unresolved")
    return (
        resolution.lat,
        resolution.lon,
        resolution.country_code,
        resolution.continent,
        resolution.name,
        resolution.provider,
        row_status(resolution, country, continent_published),
        (),
        resolution.source,
    )
