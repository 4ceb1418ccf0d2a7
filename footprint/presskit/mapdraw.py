"""The dashboard's map drawn by matplotlib: the same offline basemap, tint, arcs, palette and
projection (Web Mercator, as Leaflet), so the kit's images look like the map on screen."""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_rgba

from footprint.basemap import load_countries
from footprint.mapview import CONTINENT_COLORS, HOST_COLOR, UNKNOWN_COLOR, arc_data, tint_data

SEA_COLOR = "#dfeaf3"
LAND_COLOR = "#f4f1ea"
TINT_OPACITY = 0.45  # the Leaflet map's fill opacity for countries that sent delegations
ARC_COLOR = (0.2, 0.2, 0.2, 0.45)
MAX_LATITUDE = 85.05112878  # Web Mercator's square world, as Leaflet
ARC_STEPS = 32
MIN_SPAN = 40.0  # degrees of longitude: a view of one country still shows its neighbours
PADDING = 0.12


def project(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator, in degrees on both axes (x is the longitude): the map's projection."""
    phi = np.radians(np.clip(lat, -MAX_LATITUDE, MAX_LATITUDE))
    return np.asarray(lon, dtype=float), np.degrees(np.log(np.tan(np.pi / 4 + phi / 2)))


@cache
def country_shapes() -> tuple[tuple[str, np.ndarray], ...]:
    """(ISO code, projected ring) for every outer ring of the basemap, read once per process."""
    shapes = []
    for feature in load_countries()["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        code = feature["properties"].get("iso2") or ""
        for polygon in polygons:
            ring = np.asarray(polygon[0], dtype=float)
            x, y = project(ring[:, 1], ring[:, 0])
            shapes.append((code, np.column_stack([x, y])))
    return tuple(shapes)


def draw_countries(ax: Axes, tint: dict[str, str], edge_width: float) -> None:
    """Every country in the land colour, those that sent delegations in their continent's."""
    shapes = country_shapes()
    land = to_rgba(LAND_COLOR)
    faces = [to_rgba(tint[code], TINT_OPACITY) if code in tint else land for code, _ in shapes]
    ax.add_collection(
        PolyCollection(
            [ring for _, ring in shapes],
            facecolors=faces,
            edgecolors="white",
            linewidths=edge_width,
            zorder=1,
        )
    )


def great_circles(start: tuple[float, float], ends: np.ndarray) -> np.ndarray:
    """(n, ARC_STEPS, 2) lat/lon points along the great circle from `start` to each end, with
    longitudes unwrapped so an arc over the antimeridian stays one line."""
    lat0, lon0 = np.radians(start)
    lat1, lon1 = np.radians(ends[:, 0]), np.radians(ends[:, 1])
    a = np.array([np.cos(lat0) * np.cos(lon0), np.cos(lat0) * np.sin(lon0), np.sin(lat0)])
    b = np.stack([np.cos(lat1) * np.cos(lon1), np.cos(lat1) * np.sin(lon1), np.sin(lat1)], -1)
    angle = np.arccos(np.clip(b @ a, -1.0, 1.0))[:, None]
    steps = np.linspace(0.0, 1.0, ARC_STEPS)[None, :]
    safe = np.where(angle == 0, 1.0, np.sin(angle))
    weight_a = np.where(angle == 0, 1 - steps, np.sin((1 - steps) * angle) / safe)
    weight_b = np.where(angle == 0, steps, np.sin(steps * angle) / safe)
    points = weight_a[..., None] * a + weight_b[..., None] * b[:, None, :]
    lat = np.degrees(np.arcsin(np.clip(points[..., 2], -1.0, 1.0)))
    lon = np.degrees(np.unwrap(np.arctan2(points[..., 1], points[..., 0]), axis=1))
    return np.stack([lat, lon], -1)


def draw_arcs(ax: Axes, view: pd.DataFrame, width: float) -> None:
    """Arcs from the host to each city (to each country beyond the map's limit), as on screen."""
    arcs = arc_data(view)
    if not arcs["ends"]:
        return
    ends = np.asarray(arcs["ends"], dtype=float)
    paths = great_circles(tuple(arcs["start"]), ends[:, :2])
    x, y = project(paths[..., 0], paths[..., 1])
    weights = width * (1 + np.log10(ends[:, 2]))
    ax.add_collection(
        LineCollection(np.stack([x, y], -1), colors=[ARC_COLOR], linewidths=weights, zorder=2)
    )


def draw_cities(ax: Axes, view: pd.DataFrame, size: float) -> None:
    """Circles coloured by continent; the host in black and the guest in white, drawn larger
    and on top, as the map's legend shows them."""
    delegations = view[view["role"] == "delegation"]
    x, y = project(delegations["lat"].to_numpy(float), delegations["lon"].to_numpy(float))
    colors = [CONTINENT_COLORS.get(c, UNKNOWN_COLOR) for c in delegations["continent"]]
    ax.scatter(x, y, s=size**2, c=colors, edgecolors="white", linewidths=size / 6, zorder=3)
    for role, face, edge, scale in (
        ("guest", "#ffffff", HOST_COLOR, 1.4),
        ("host", HOST_COLOR, "#ffffff", 1.6),
    ):
        rows = view[view["role"] == role]
        x, y = project(rows["lat"].to_numpy(float), rows["lon"].to_numpy(float))
        ax.scatter(
            x, y, s=(size * scale) ** 2, c=face, edgecolors=edge, linewidths=size / 3, zorder=4
        )


def view_limits(view: pd.DataFrame, aspect: float) -> tuple[tuple[float, float], ...]:
    """x and y limits that frame every city with a margin, at the axes' width/height ratio,
    within the world; the whole world when the view has no city."""
    world_x = (-180.0, 180.0)
    world_y = tuple(project(np.array([-60.0, 78.0]), np.zeros(2))[1])
    if view.empty:
        x0, x1, y0, y1 = *world_x, *world_y
    else:
        x, y = project(view["lat"].to_numpy(float), view["lon"].to_numpy(float))
        x0, x1, y0, y1 = x.min(), x.max(), y.min(), y.max()
    width = max(x1 - x0, MIN_SPAN) * (1 + 2 * PADDING)
    height = max(y1 - y0, MIN_SPAN / aspect) * (1 + 2 * PADDING)
    width, height = max(width, height * aspect), max(height, width / aspect)
    centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
    return (
        (centre_x - width / 2, centre_x + width / 2),
        (centre_y - height / 2, centre_y + height / 2),
    )


def draw_map(ax: Axes, view: pd.DataFrame, scale: float) -> None:
    """The whole map in `ax`; `scale` sizes strokes and markers to the image (1 = 1920 px)."""
    ax.set_facecolor(SEA_COLOR)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#b8c7d3")
    width_px, height_px = ax.bbox.width, ax.bbox.height
    (x0, x1), (y0, y1) = view_limits(view, width_px / height_px)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")
    draw_countries(ax, tint_data(view), edge_width=0.6 * scale)
    draw_arcs(ax, view, width=0.9 * scale)
    draw_cities(ax, view, size=7 * scale)
