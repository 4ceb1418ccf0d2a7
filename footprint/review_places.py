"""An edition as a review would publish it, in the shape the public map takes: one row per
place (footprint.places.PLACE_COLUMNS), so the workspace previews it with the dashboard's own
map, counts and chart rather than copies of them."""

from __future__ import annotations

import pandas as pd

from footprint.importer import Review
from footprint.importer.rows import PLACED
from footprint.places import PLACE_COLUMNS, places
from footprint.schema import CITIES
from geo.resolver import RESOLVED


def located_rows(review: Review) -> pd.DataFrame:
    """The review's placed rows as cities.csv rows joined with their coordinates, as
    footprint.places.locate gives them for published data."""
    records = []
    for row in review.rows:
        if row.status != PLACED:
            continue
        values = {column: "" for column in CITIES.column_names}
        values.update(
            edition=review.edition,
            line=row.line,
            city=row.name,
            country=row.country or "",
            role=row.role,
            continent_published=row.continent_given,
            lat=row.lat,
            lon=row.lon,
            country_code=row.country or "",
            continent=row.continent,
            resolved_name=row.place_name or row.name,
            provider=row.provider or "",
            status=RESOLVED,
        )
        records.append(values)
    frame = pd.DataFrame.from_records(records)
    if frame.empty:
        return frame
    return frame.astype({"lat": "float64", "lon": "float64", "line": "int64", "edition": "int64"})


def review_places(review: Review) -> pd.DataFrame:
    """One row per place of the edition as the review stands (placed rows only)."""
    located = located_rows(review)
    if located.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    return places(located, review.edition)
