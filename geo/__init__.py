"""Offline-first geocoding of the cities in each edition's list, cached in data/geocache.csv.

Nothing is built or read at import: the gazetteer index, the cache and pandas load on first use.
"""

from geo.api import LookupResult, lookup
from geo.continents import continent_of, normalize_continent

__all__ = [
    "LookupResult",
    "continent_of",
    "geocode_table",
    "lookup",
    "normalize_continent",
]


def geocode_table(cities, **options):
    """See geo.table.geocode_table; imported on call so ``import geo`` stays free of pandas."""
    from geo.table import geocode_table as geocode

    return geocode(cities, **options)
