"""From city rows per edition to places on the map: one row per city, whatever its editions."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from footprint.filters import Filters
from geo.continents import M49_REGIONS
from geo.table import LOCATION_COLUMNS, geocode_table

ROLE_RANK = {"host": 0, "guest": 1, "delegation": 2}
ROLES_BY_RANK = {rank: role for role, rank in ROLE_RANK.items()}

PLACE_COLUMNS = [
    "place",
    "name_fr",
    "name_en",
    "name_ar",
    "country_code",
    "continent",
    "role",
    "editions",
    "first_edition",
    "lat",
    "lon",
    "provider",
    "status",
]


def locate(cities: pd.DataFrame, geocache: Path) -> pd.DataFrame:
    """cities.csv's rows with coordinates, continent and status, read-only: the dashboard never
    writes the cache (`python -m geo geocode` does)."""
    geocoded = geocode_table(
        cities[["city", "country", "continent_published"]], read_only=True, cache_path=geocache
    )
    return cities.join(geocoded[list(LOCATION_COLUMNS)])


def place_keys(located: pd.DataFrame) -> pd.Series:
    """The same place however organizers spelled it: its coordinates once resolved."""
    resolved = located["lat"].notna()
    by_position = (
        located["country"]
        + "|"
        + located["lat"].round(2).astype("string")
        + "|"
        + located["lon"].round(2).astype("string")
    )
    by_name = located["country"] + "|" + located["city"].str.casefold()
    return by_position.where(resolved, by_name)


def places(located: pd.DataFrame, edition: int | None = None) -> pd.DataFrame:
    """One row per city of `edition` (or of every edition), with its editions and strongest role.

    The country is the list's (an organizer's statement); geocoding gives the coordinates.

    `located` holds cities.csv's rows with the geocoding columns (lat, lon, country_code,
    continent, resolved_name, provider, status).
    """
    rows = located if edition is None else located[located["edition"] == edition]
    if rows.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    rows = rows.sort_values(["edition", "line"])
    rows = rows.assign(
        place=place_keys(rows),
        role_rank=rows["role"].map(ROLE_RANK),
        mismatch=rows["status"] == "mismatch",
        # Empty Arabic names as missing, so "first" below takes the first one given.
        name_ar=rows["name_ar"].fillna("").astype(str).replace("", None),
    )
    editions_by_place: dict[str, set[int]] = {}
    for place, number in zip(rows["place"].tolist(), rows["edition"].tolist(), strict=True):
        editions_by_place.setdefault(place, set()).add(number)
    result = rows.groupby("place", sort=False).agg(
        name_fr=("city", "first"),
        name_ar=("name_ar", "first"),
        resolved_name=("resolved_name", "first"),
        country_code=("country", "first"),
        continent=("continent", "first"),
        role_rank=("role_rank", "min"),
        first_edition=("edition", "min"),
        lat=("lat", "first"),
        lon=("lon", "first"),
        provider=("provider", "first"),
        status=("status", "first"),
        mismatch=("mismatch", "any"),
    )
    result["editions"] = [tuple(sorted(editions_by_place[place])) for place in result.index]
    result["name_ar"] = result["name_ar"].fillna("")
    result["name_en"] = result["resolved_name"].fillna(result["name_fr"])
    result["role"] = result["role_rank"].map(ROLES_BY_RANK)
    result["status"] = result["status"].where(~result["mismatch"], "mismatch")
    return result.reset_index()[PLACE_COLUMNS]


def visible_places(all_places: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The places a view shows: its continents, plus the host whatever the continent filter,
    since every arc starts there. Unlocated cities are left out (they are listed apart)."""
    located = all_places[all_places["lat"].notna()]
    keep = (located["role"] == "host") | located["continent"].isin(
        filters.continents or M49_REGIONS
    )
    return located[keep]


def visitors(view: pd.DataFrame) -> pd.DataFrame:
    """Delegation and guest cities: what the headline counts count."""
    return view[view["role"] != "host"]


def display_names(view: pd.DataFrame, lang: str) -> pd.Series:
    """French: the organizers' spelling (Londres); English: GeoNames' name (London); Arabic:
    cities.csv's `name_ar`, else the French name."""
    if lang == "ar":
        return view["name_ar"].where(view["name_ar"].fillna("") != "", view["name_fr"])
    return view["name_fr"] if lang == "fr" else view["name_en"]


def row_names(rows: pd.DataFrame, lang: str) -> pd.Series:
    """The same choice as `display_names` for cities.csv's rows once located (`locate`)."""
    return display_names(
        rows.rename(columns={"city": "name_fr"}).assign(
            name_en=rows["resolved_name"].fillna(rows["city"])
        ),
        lang,
    )
