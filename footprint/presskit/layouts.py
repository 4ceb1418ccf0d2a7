"""Where each part of the kit's pictures goes, for each format: the 1920×1080 and 1080×1080
images and the A4 page. Rectangles are figure fractions, laid out left to right; Arabic
pictures mirror them."""

from __future__ import annotations

from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # left, bottom, width, height in figure fractions


@dataclass(frozen=True)
class Layout:
    """Where each part goes on one format, laid out left to right (mirrored for Arabic)."""

    name: str
    size: tuple[float, float]  # inches; the images have 100 pixels an inch
    header: Rect
    map: Rect
    panel: Rect
    qr: Rect
    footer: Rect
    legend: Rect | None  # None: the legend closes the panel
    font: float  # body size in points
    scale: float  # strokes and markers, 1 = the 1920-pixel image


WIDE = Layout(
    "map-1920x1080",
    (19.2, 10.8),
    header=(0.02, 0.88, 0.96, 0.11),
    map=(0.02, 0.12, 0.66, 0.75),
    panel=(0.70, 0.30, 0.28, 0.57),
    legend=None,
    qr=(0.70, 0.14, 0.10, 0.178),
    footer=(0.02, 0.005, 0.96, 0.10),
    font=15,
    scale=1.0,
)
SQUARE = Layout(
    "map-1080x1080",
    (10.8, 10.8),
    header=(0.03, 0.87, 0.94, 0.12),
    map=(0.03, 0.50, 0.94, 0.36),
    panel=(0.03, 0.11, 0.55, 0.37),
    legend=(0.60, 0.11, 0.19, 0.37),
    qr=(0.80, 0.17, 0.17, 0.17),
    footer=(0.03, 0.005, 0.94, 0.095),
    font=12,
    scale=0.8,
)
A4 = Layout(
    "one-pager",
    (8.27, 11.69),
    header=(0.06, 0.895, 0.88, 0.085),
    map=(0.06, 0.50, 0.88, 0.38),
    panel=(0.06, 0.14, 0.60, 0.35),
    legend=(0.70, 0.31, 0.24, 0.18),
    qr=(0.72, 0.14, 0.20, 0.1415),
    footer=(0.06, 0.02, 0.88, 0.11),
    font=10.5,
    scale=0.5,
)


def mirrored(rect: Rect, rtl: bool) -> Rect:
    left, bottom, width, height = rect
    return (1 - left - width, bottom, width, height) if rtl else rect
