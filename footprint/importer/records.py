"""What the publisher writes: cities.csv rows, an editions.csv row for a new edition, and
geocache.csv `manual` rows for places a person set by hand or picked, in the files' columns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from footprint.importer.rows import PLACED, ImportRow
from footprint.schema import CITIES, EDITIONS
from geo.cache import COLUMNS as GEOCACHE_COLUMNS
from geo.cache import MANUAL
from geo.normalize import cache_key


def import_source(file_name: str, who: str, when: dt.date) -> str:
    """`import:liste-2024.xlsx (2026-11-23, organizer@example.org)`: where the rows came from."""
    by = f", {who}" if who else ""
    return f"import:{Path(file_name).name} ({when.isoformat()}{by})"


def city_record(row: ImportRow, edition: int, source: str) -> dict[str, str]:
    values = {
        "edition": str(edition),
        "city": row.name,
        "country": row.country or "",
        "role": row.role,
        "continent_published": row.continent_given if _is_continent(row) else "",
        "source": source,
        "quote": row.quote,
    }
    return {column: values.get(column, "") for column in CITIES.column_names}


def _is_continent(row: ImportRow) -> bool:
    return not any(warning.code == "unknown_continent" for warning in row.warnings)


def edition_record(edition: int, year: int, source: str, quote: str) -> dict[str, str]:
    values = {"edition": str(edition), "year": str(year), "source": source, "quote": quote}
    return {column: values.get(column, "") for column in EDITIONS.column_names}


def manual_record(row: ImportRow, when: dt.date, note: str) -> dict[str, str]:
    """A geocache row the dashboard finds first for this name and country, whatever the
    gazetteer would say: `manual` rows are never overwritten."""
    if row.status != PLACED or row.lat is None or row.lon is None or not row.country:
        raise ValueError(f"line {row.line} is not placed")
    values = {
        "query": cache_key(row.name),
        "country": row.country,
        "lat": f"{row.lat:.5f}",
        "lon": f"{row.lon:.5f}",
        "name": row.place_name or row.name,
        "country_code": row.country,
        "provider": MANUAL,
        "updated": when.isoformat(),
        "note": note,
    }
    return {column: values[column] for column in GEOCACHE_COLUMNS}
