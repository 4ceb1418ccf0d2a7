"""The offline world basemap: country polygons committed in the repo, since the map has no
internet at the expo. tools/make_basemap.py made the file; data/basemap/README.md says how."""

from __future__ import annotations

import json
from pathlib import Path

COUNTRIES_PATH = Path(__file__).resolve().parent.parent / "data" / "basemap" / "countries.geojson"


def load_countries(path: Path = COUNTRIES_PATH) -> dict:
    """The countries GeoJSON FeatureCollection; a broken or missing file is named in the error,
    because the map would otherwise just show no countries."""
    try:
        geojson = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise FileNotFoundError(
            f"Basemap {path} is missing: rebuild it with tools/make_basemap.py"
        ) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"Basemap {path} is not valid JSON: {error}") from error
    if not isinstance(geojson, dict) or geojson.get("type") != "FeatureCollection":
        raise ValueError(f"Basemap {path} is not a GeoJSON FeatureCollection")
    return geojson


def country_codes(geojson: dict) -> set[str]:
    """The ISO 3166-1 alpha-2 codes the basemap can shade; features without one are left out."""
    return {
        feature["properties"]["iso2"]
        for feature in geojson["features"]
        if feature["properties"].get("iso2")
    }
