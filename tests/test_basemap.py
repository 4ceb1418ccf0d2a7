"""The committed basemap loads offline, names its countries, and draws without antimeridian
streaks; the tool that made it decodes TopoJSON correctly."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from footprint.basemap import COUNTRIES_PATH, country_codes, load_countries
from tests.conftest import REPO


def load_tool():
    """tools/ is not a package, so the script is loaded from its path."""
    spec = importlib.util.spec_from_file_location(
        "make_basemap", REPO / "tools" / "make_basemap.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rings(geometry: dict) -> list[list[list[float]]]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [ring for polygon in polygons for ring in polygon]


@pytest.fixture(scope="module")
def countries() -> dict:
    return load_countries()


def test_committed_basemap_is_a_feature_collection_of_named_countries(countries):
    assert countries["type"] == "FeatureCollection"
    assert len(countries["features"]) >= 170
    for feature in countries["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"]["iso2"], str)
        assert feature["properties"]["name"]
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_basemap_has_the_countries_the_expo_needs(countries):
    assert {"MA", "CN", "FR", "US", "BR", "CI", "RU", "FJ"} <= country_codes(countries)


def test_features_without_iso_numeric_id_get_documented_codes(countries):
    codes = {f["properties"]["name"]: f["properties"]["iso2"] for f in countries["features"]}
    assert codes["Kosovo"] == "XK"
    assert codes["Somaliland"] == ""
    assert "" not in country_codes(countries)


def test_basemap_stays_small():
    assert COUNTRIES_PATH.stat().st_size <= 400 * 1024


def test_every_coordinate_is_on_the_map(countries):
    for feature in countries["features"]:
        for ring in rings(feature["geometry"]):
            for lon, lat in ring:
                assert -180 <= lon <= 180 and -90 <= lat <= 90, feature["properties"]["name"]


def test_rings_are_closed_and_never_jump_across_the_antimeridian(countries):
    for feature in countries["features"]:
        for ring in rings(feature["geometry"]):
            assert len(ring) >= 4 and ring[0] == ring[-1]
            for (lon, _), (next_lon, _) in zip(ring, ring[1:], strict=False):
                assert abs(next_lon - lon) <= 180, feature["properties"]["name"]


def test_decoder_gives_the_hand_computed_coordinates():
    tool = load_tool()
    # Two arcs forming a 2 x 1 degree box, the second one used reversed (~0 == -1).
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
        "arcs": [[[0, 0], [4, 0], [0, 4]], [[0, 0], [0, 4], [4, 0]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": "Polygon",
                        "id": "504",
                        "properties": {"name": "Morocco"},
                        "arcs": [[0, ~1]],
                    },
                ],
            }
        },
    }
    assert tool.decode_arcs(topology) == [
        [(-10, 20), (-8, 20), (-8, 21)],
        [(-10, 20), (-10, 21), (-8, 21)],
    ]
    feature = tool.build_basemap(topology)["features"][0]
    assert feature["properties"] == {"iso2": "MA", "name": "Morocco"}
    assert feature["geometry"] == {
        "type": "Polygon",
        "coordinates": [[[-10, 20], [-8, 20], [-8, 21], [-10, 21], [-10, 20]]],
    }


def test_a_ring_across_the_antimeridian_is_cut_in_two():
    tool = load_tool()
    # An island from 179 E to 179 W, given as world-atlas does, with unwrapped jumps.
    topology = {
        "type": "Topology",
        "arcs": [[[179, -1], [-179, -1], [-179, 1], [179, 1], [179, -1]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "id": "242", "properties": {"name": "Fiji"}, "arcs": [[0]]}
                ],
            }
        },
    }
    geometry = tool.build_basemap(topology)["features"][0]["geometry"]
    assert geometry["type"] == "MultiPolygon"
    assert sorted(geometry["coordinates"]) == [
        [[[-180, -1], [-179, -1], [-179, 1], [-180, 1], [-180, -1]]],
        [[[179, -1], [180, -1], [180, 1], [179, 1], [179, -1]]],
    ]


def test_loader_names_a_missing_file(tmp_path: Path):
    missing = tmp_path / "countries.geojson"
    with pytest.raises(FileNotFoundError, match=str(missing)):
        load_countries(missing)


def test_loader_names_a_file_that_is_not_json(tmp_path: Path):
    broken = tmp_path / "countries.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(ValueError, match=str(broken)):
        load_countries(broken)
