"""The kit's pictures: the map with everything a journalist must quote beside it (title,
edition, legend, figures with their qualifiers, sources, QR code to the public view, date),
as PNG (1920×1080, 1080×1080) and a one-page A4 PDF whose map stays vectors.

Drawn with matplotlib's object API on Agg and PDF canvases, never pyplot: no global figure
state, so two kits built at once in the server cannot draw into each other."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from functools import cache

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import FigureCanvasPdf
from matplotlib.figure import Figure

from footprint.i18n import RIGHT_TO_LEFT, format_number, t
from footprint.presskit.fonts import family_for, register_fonts
from footprint.presskit.mapdraw import draw_map
from footprint.snapshot import Snapshot

Rect = tuple[float, float, float, float]  # left, bottom, width, height in figure fractions
TEXT_COLOR = "#1a1a1a"
MUTED_COLOR = "#555555"
DPI = 100
MAP_AXES = "map"  # the label of the map's axes, to find them again
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


@dataclass(frozen=True)
class PublicLink:
    """Where the QR code leads (the same view on the public dashboard) and its modules."""

    url: str
    matrix: np.ndarray  # True for a dark module, without the quiet zone


@dataclass(frozen=True)
class Layout:
    """Where each part goes on one format, laid out left to right (mirrored for Arabic)."""

    name: str
    size: tuple[float, float]  # inches at DPI
    header: Rect
    map: Rect
    panel: Rect
    qr: Rect
    footer: Rect
    font: float  # body size in points
    scale: float  # strokes and markers, 1 = the 1920-pixel image


WIDE = Layout(
    "map-1920x1080",
    (19.2, 10.8),
    header=(0.02, 0.88, 0.96, 0.11),
    map=(0.02, 0.12, 0.66, 0.75),
    panel=(0.70, 0.30, 0.28, 0.57),
    qr=(0.70, 0.12, 0.10, 0.178),
    footer=(0.02, 0.01, 0.96, 0.10),
    font=15,
    scale=1.0,
)
SQUARE = Layout(
    "map-1080x1080",
    (10.8, 10.8),
    header=(0.03, 0.87, 0.94, 0.12),
    map=(0.03, 0.46, 0.94, 0.40),
    panel=(0.03, 0.13, 0.70, 0.32),
    qr=(0.78, 0.16, 0.19, 0.19),
    footer=(0.03, 0.01, 0.94, 0.11),
    font=12,
    scale=0.8,
)
A4 = Layout(
    "one-pager",
    (8.27, 11.69),
    header=(0.06, 0.89, 0.88, 0.09),
    map=(0.06, 0.55, 0.88, 0.33),
    panel=(0.06, 0.15, 0.62, 0.39),
    qr=(0.72, 0.30, 0.22, 0.155),
    footer=(0.06, 0.02, 0.88, 0.12),
    font=9,
    scale=0.45,
)


@cache
def _configure() -> None:
    """Once per process: the Arabic fonts, and TrueType (not Type 3) fonts in PDFs so their
    text can be searched and copied. The same settings for every kit, so sharing them is safe."""
    register_fonts()
    matplotlib.rcParams["pdf.fonttype"] = 42


def _mirrored(rect: Rect, rtl: bool) -> Rect:
    left, bottom, width, height = rect
    return (1 - left - width, bottom, width, height) if rtl else rect


def _blank_axes(figure: Figure, rect: Rect) -> Axes:
    ax = figure.add_axes(rect)
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return ax


class Column:
    """Lines of text stacked down an axes from its top, wrapped to its width, aligned to the
    reading side (matplotlib shapes Arabic and orders it right to left)."""

    def __init__(self, ax: Axes, rtl: bool, width_points: float, height_points: float):
        self.ax, self.rtl = ax, rtl
        self.width_points, self.height_points = width_points, height_points
        self.y = 1.0

    def line_chars(self, size: float) -> int:
        return max(12, int(self.width_points / (size * 0.56)))

    def add(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        color: str = TEXT_COLOR,
        indent: float = 0.0,
        gap: float = 0.3,
    ) -> None:
        for line in textwrap.wrap(text, self.line_chars(size)) or [""]:
            self.ax.text(
                1 - indent if self.rtl else indent,
                self.y,
                line,
                ha="right" if self.rtl else "left",
                va="top",
                fontsize=size,
                fontweight="bold" if bold else "normal",
                family=family_for(line),
                color=color,
            )
            self.y -= size * 1.35 / self.height_points
        self.y -= size * gap / self.height_points

    def dot(self, color: str, edge: str, size: float, edge_width: float) -> None:
        """A legend marker at the start of the next line."""
        center = self.y - size * 0.65 / self.height_points
        self.ax.plot(
            [0.985 if self.rtl else 0.015],
            [center],
            marker="o",
            markersize=size,
            markerfacecolor=color,
            markeredgecolor=edge,
            markeredgewidth=edge_width,
        )


def _size_points(figure: Figure, rect: Rect) -> tuple[float, float]:
    width_in, height_in = figure.get_size_inches()
    return rect[2] * width_in * 72, rect[3] * height_in * 72


def draw_header(figure: Figure, snapshot: Snapshot, layout: Layout, rtl: bool) -> None:
    rect = _mirrored(layout.header, rtl)
    column = Column(_blank_axes(figure, rect), rtl, *_size_points(figure, rect))
    column.add(f"{snapshot.title} — {snapshot.edition_label}", layout.font * 2, bold=True, gap=0.15)
    column.add(snapshot.subtitle, layout.font * 1.1, color=MUTED_COLOR)


def draw_panel(figure: Figure, snapshot: Snapshot, layout: Layout, rtl: bool) -> None:
    """Counts (or what is known when no list was published), figures, then the legend."""
    lang, size = snapshot.lang, layout.font
    rect = _mirrored(layout.panel, rtl)
    column = Column(_blank_axes(figure, rect), rtl, *_size_points(figure, rect))
    if snapshot.counts is not None:
        counts = snapshot.counts
        column.add(
            " · ".join(
                f"{t(key, lang)} {format_number(value, lang)}"
                for key, value in (
                    ("cities_count", counts.cities),
                    ("countries_count", counts.countries),
                    ("continents_count", counts.continents),
                )
            ),
            size * 1.3,
            bold=True,
        )
    for sentence in snapshot.coverage:
        column.add(sentence, size * 0.85, color=MUTED_COLOR, gap=0.1)
    column.y -= size * 0.6 / column.height_points
    if snapshot.headlines:
        column.add(t("figures_heading", lang), size * 1.05, bold=True, gap=0.2)
        for headline in snapshot.headlines:
            column.add(
                f"{headline.label} : {headline.value}"
                if lang == "fr"
                else f"{headline.label}: {headline.value}",
                size,
                gap=0.1,
            )
        column.y -= size * 0.6 / column.height_points
    column.add(t("legend_title", lang), size * 1.05, bold=True, gap=0.2)
    for entry in snapshot.legend:
        edge = "#111111" if entry.kind == "guest" else "#ffffff"
        column.dot(entry.color, edge, size * 0.8, size * (0.2 if entry.kind == "guest" else 0.08))
        column.add(entry.label, size, indent=0.06, gap=0.05)


def draw_qr(figure: Figure, link: PublicLink, layout: Layout, lang: str, rtl: bool) -> None:
    """The QR code's modules as black and white squares with the quiet zone a reader needs,
    captioned with the address it opens."""
    rect = _mirrored(layout.qr, rtl)
    ax = figure.add_axes(rect)
    ax.set_axis_off()
    padded = np.pad(np.asarray(link.matrix, dtype=bool), QUIET_ZONE, constant_values=False)
    ax.imshow(~padded, cmap="gray", vmin=0, vmax=1, interpolation="nearest", aspect="equal")
    caption = t("presskit.qr_caption", lang)
    ax.text(
        0.5,
        0.0,
        caption,
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=layout.font * 0.8,
        family=family_for(caption),
        color=MUTED_COLOR,
    )


def draw_footer(figure: Figure, snapshot: Snapshot, layout: Layout, rtl: bool) -> None:
    rect = _mirrored(layout.footer, rtl)
    column = Column(_blank_axes(figure, rect), rtl, *_size_points(figure, rect))
    column.add(snapshot.source_line, layout.font * 0.8, color=MUTED_COLOR, gap=0.1)
    column.add(snapshot.made_on_line, layout.font * 0.8, color=MUTED_COLOR)


def draw_page(snapshot: Snapshot, link: PublicLink, layout: Layout) -> Figure:
    """One format's figure, ready to save on any canvas."""
    _configure()
    rtl = snapshot.lang in RIGHT_TO_LEFT
    figure = Figure(figsize=layout.size, dpi=DPI, facecolor="white")
    draw_header(figure, snapshot, layout, rtl)
    draw_map(
        figure.add_axes(_mirrored(layout.map, rtl), label=MAP_AXES), snapshot.places, layout.scale
    )
    draw_panel(figure, snapshot, layout, rtl)
    draw_qr(figure, link, layout, snapshot.lang, rtl)
    draw_footer(figure, snapshot, layout, rtl)
    return figure


def png_bytes(snapshot: Snapshot, link: PublicLink, layout: Layout = WIDE) -> bytes:
    """The image at exactly the layout's pixel size."""
    figure = draw_page(snapshot, link, layout)
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()


def pdf_bytes(snapshot: Snapshot, link: PublicLink) -> bytes:
    """The A4 one-pager: one page, the map as vectors, fonts embedded."""
    figure = draw_page(snapshot, link, A4)
    buffer = io.BytesIO()
    FigureCanvasPdf(figure).print_pdf(
        buffer,
        metadata={
            "Title": f"{snapshot.title} — {snapshot.edition_label}",
            "Creator": None,
            "Producer": None,
            "CreationDate": None,
        },
    )
    return buffer.getvalue()
