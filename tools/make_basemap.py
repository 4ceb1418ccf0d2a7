"""Build data/basemap/countries.geojson, the offline world basemap, from world-atlas TopoJSON.

The dashboard runs with no internet, so the country polygons are committed. This script is
how they were made, so anyone can rebuild them the same way. It needs only the standard
library and pycountry (already a runtime dependency).

Usage, from the repository root:

    tmp=$(mktemp -d) && (cd "$tmp" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    .venv/bin/python tools/make_basemap.py "$tmp/package/countries-110m.json"

Options: --output (default data/basemap/countries.geojson), --digits (default 2, about 1 km,
finer than the 1:110m source needs).

What it does beyond decoding the quantized, delta-encoded TopoJSON arcs:
- world-atlas rings are spherical: Russia, Fiji and Antarctica cross the antimeridian, which
  Leaflet would draw as streaks across the whole map. Rings are cut at +/-180 degrees, and
  Antarctica, which circles the South Pole, is closed along the pole.
- rings are wound as RFC 7946 asks (exteriors counterclockwise, holes clockwise).
- each feature gets `iso2` (ISO 3166-1 alpha-2 from world-atlas's numeric id, via pycountry)
  and `name` (world-atlas's English name). Features world-atlas gives no id: Kosovo gets the
  user-assigned code "XK" (as the EU and Natural Earth use), N. Cyprus and Somaliland get "".
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import pycountry

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "data" / "basemap" / "countries.geojson"
# Features that world-atlas leaves without an ISO 3166 numeric id, by their world-atlas name.
CODES_WITHOUT_ISO_ID = {"Kosovo": "XK"}
# Cutting a ring that circles a pole closes it along the pole in steps this wide, so that no
# edge spans more than 180 degrees of longitude.
POLE_STEP_DEGREES = 90


def decode_arcs(topology: dict) -> list[Ring]:
    """Absolute lon/lat positions of every arc (quantized arcs are delta-encoded integers)."""
    transform = topology.get("transform")
    if transform is None:
        return [[(x, y) for x, y, *_ in arc] for arc in topology["arcs"]]
    (scale_x, scale_y), (translate_x, translate_y) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        positions = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            positions.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(positions)
    return arcs


def stitch_ring(arc_indexes: Sequence[int], arcs: list[Ring]) -> Ring:
    """Join a ring's arcs; a negative index ~i means arc i reversed, and joints are shared."""
    ring: Ring = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    return ring


def unwrap_longitudes(ring: Ring) -> Ring:
    """Make longitudes continuous (e.g. 179 then 181, not -179) so crossings become plain."""
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        previous_lon = unwrapped[-1][0]
        unwrapped.append((lon + 360 * round((previous_lon - lon) / 360), lat))
    return unwrapped


def close_around_pole(ring: Ring) -> Ring:
    """Close an unwrapped ring that circles a pole by going along the pole back to its start."""
    start_lon, end_lon = ring[0][0], ring[-1][0]
    if math.isclose(start_lon, end_lon):
        return ring
    pole_lat = math.copysign(90.0, sum(lat for _, lat in ring))
    steps = math.ceil(abs(end_lon - start_lon) / POLE_STEP_DEGREES)
    along_pole = [
        (end_lon + (start_lon - end_lon) * step / steps, pole_lat) for step in range(steps + 1)
    ]
    return [*ring, *along_pole]


def clip_at_meridian(ring: Ring, meridian: float, keep_east: bool) -> Ring:
    """One Sutherland-Hodgman pass: the part of an open ring on one side of a meridian."""

    def inside(point: Point) -> bool:
        return point[0] >= meridian if keep_east else point[0] <= meridian

    clipped: Ring = []
    for current, following in zip(ring, ring[1:] + ring[:1], strict=True):
        if inside(current):
            clipped.append(current)
        if inside(current) != inside(following):
            fraction = (meridian - current[0]) / (following[0] - current[0])
            clipped.append((meridian, current[1] + fraction * (following[1] - current[1])))
    return clipped


def signed_area(ring: Ring) -> float:
    """Planar shoelace area in square degrees: positive when the ring is counterclockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


def tidy_ring(ring: Ring, digits: int, counterclockwise: bool) -> list[list[float]] | None:
    """Round, drop repeated points, close and wind the ring; None if nothing of it is left."""
    rounded: Ring = []
    for lon, lat in ring:
        point = (round(lon, digits) + 0.0, round(lat, digits) + 0.0)  # + 0.0 turns -0.0 into 0.0
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    closed = [*rounded, rounded[0]] if rounded else []
    if len(closed) < 4 or signed_area(closed) == 0:
        return None
    if (signed_area(closed) > 0) != counterclockwise:
        closed.reverse()
    return [[lon, lat] for lon, lat in closed]


def split_at_antimeridian(polygon: Polygon, digits: int) -> list[list[list[list[float]]]]:
    """Cut a spherical polygon into GeoJSON polygons that stay within [-180, 180] longitude."""
    exterior = close_around_pole(unwrap_longitudes(polygon[0]))
    exterior_middle = (min(lon for lon, _ in exterior) + max(lon for lon, _ in exterior)) / 2
    holes = []
    for hole in polygon[1:]:
        unwrapped = unwrap_longitudes(hole)
        shift = 360 * round((exterior_middle - unwrapped[0][0]) / 360)
        holes.append([(lon + shift, lat) for lon, lat in unwrapped])

    first_copy = math.floor((min(lon for lon, _ in exterior) + 180) / 360)
    last_copy = math.ceil((max(lon for lon, _ in exterior) + 180) / 360) - 1
    pieces = []
    for copy in range(first_copy, last_copy + 1):
        piece_exterior = cut_world_copy(exterior, copy, digits, counterclockwise=True)
        if piece_exterior is None:
            continue
        piece_holes = [cut_world_copy(hole, copy, digits, counterclockwise=False) for hole in holes]
        pieces.append([piece_exterior, *(hole for hole in piece_holes if hole is not None)])
    return pieces


def cut_world_copy(
    ring: Ring, copy: int, digits: int, counterclockwise: bool
) -> list[list[float]] | None:
    """The part of an unwrapped ring in world copy `copy` (longitudes 360 * copy +/- 180),
    shifted back into [-180, 180]."""
    west, east = 360 * copy - 180, 360 * copy + 180
    inside = clip_at_meridian(clip_at_meridian(ring, west, keep_east=True), east, keep_east=False)
    return tidy_ring([(lon - 360 * copy, lat) for lon, lat in inside], digits, counterclockwise)


def iso2_code(numeric_id: str | None, name: str) -> str:
    """ISO 3166-1 alpha-2 for world-atlas's numeric id; see CODES_WITHOUT_ISO_ID for the rest."""
    country = pycountry.countries.get(numeric=numeric_id) if numeric_id else None
    return country.alpha_2 if country else CODES_WITHOUT_ISO_ID.get(name, "")


def to_feature(geometry: dict, arcs: list[Ring], digits: int) -> dict:
    """A GeoJSON Feature (Polygon or MultiPolygon) from one TopoJSON country geometry."""
    arc_polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    polygons = [
        piece
        for arc_polygon in arc_polygons
        for piece in split_at_antimeridian(
            [stitch_ring(ring, arcs) for ring in arc_polygon], digits
        )
    ]
    name = geometry["properties"]["name"]
    return {
        "type": "Feature",
        "properties": {"iso2": iso2_code(geometry.get("id"), name), "name": name},
        "geometry": (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        ),
    }


def build_basemap(topology: dict, digits: int = 2) -> dict:
    """The GeoJSON FeatureCollection of the topology's `countries` object."""
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    return {
        "type": "FeatureCollection",
        "features": [
            to_feature(geometry, arcs, digits)
            for geometry in geometries
            if geometry.get("type") in ("Polygon", "MultiPolygon")
        ],
    }


def write_geojson(collection: dict, output: Path) -> None:
    """Compact JSON, one feature per line, so that a regenerated file diffs readably."""
    features = ",\n".join(
        json.dumps(feature, ensure_ascii=False, separators=(",", ":"))
        for feature in collection["features"]
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        '{"type":"FeatureCollection","features":[\n' + features + "\n]}\n", encoding="utf-8"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-*.json")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--digits", type=int, default=2, help="decimals kept in coordinates")
    args = parser.parse_args(argv)

    collection = build_basemap(json.loads(args.topojson.read_text(encoding="utf-8")), args.digits)
    write_geojson(collection, args.output)
    uncoded = [
        f["properties"]["name"] for f in collection["features"] if not f["properties"]["iso2"]
    ]
    print(
        f"{args.output}: {len(collection['features'])} countries, "
        f"{args.output.stat().st_size:,} bytes; without iso2: {', '.join(uncoded) or 'none'}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
