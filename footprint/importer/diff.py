"""The review against the edition's current list: cities added, removed, and moved (the same
city and country placed more than a few kilometres away)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from footprint.importer.placing import distance_km
from footprint.importer.review import Review
from footprint.importer.rows import DUPLICATE, REJECTED, ImportRow
from geo.normalize import fold

MOVED_KM = 5.0


@dataclass
class Diff:
    added: list[ImportRow] = field(default_factory=list)
    removed: list[Mapping] = field(default_factory=list)
    moved: list[tuple[Mapping, ImportRow, float]] = field(default_factory=list)  # km apart


def _current_key(place: Mapping) -> tuple[str, str]:
    name = place.get("city") or place.get("name_fr") or place.get("name") or ""
    country = place.get("country") or place.get("country_code") or ""
    return fold(str(name)), str(country).upper()


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if number != number else number  # NaN: not located


def diff_against(current_places: Iterable[Mapping], review: Review) -> Diff:
    """`current_places`: the edition's cities now, each with city (or name_fr), country (or
    country_code), lat and lon; a DataFrame's `to_dict("records")` fits."""
    current = {_current_key(place): place for place in current_places}
    diff = Diff()
    seen = set()
    for row in review.rows:
        if row.status in (REJECTED, DUPLICATE):
            continue
        key = (fold(row.name), (row.country or "").upper())
        seen.add(key)
        before = current.get(key)
        if before is None:
            diff.added.append(row)
            continue
        lat, lon = _number(before.get("lat")), _number(before.get("lon"))
        if None in (lat, lon, row.lat, row.lon):
            continue
        km = distance_km(lat, lon, row.lat, row.lon)
        if km > MOVED_KM:
            diff.moved.append((before, row, km))
    diff.removed = [place for key, place in current.items() if key not in seen]
    return diff
