"""The kit's pictures: the map with everything a journalist must quote beside it (title,
edition, legend, figures with their qualifiers, sources, QR code to the public view, date),
as PNG (1920×1080, 1080×1080) and a one-page A4 PDF whose map stays vectors.

Drawn with matplotlib's object API on Agg and PDF canvases, never pyplot: no global figure
state, so two kits built at once in the server cannot draw into each other."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import FigureCanvasPdf
from matplotlib.figure import Figure

from footprint.i18n import CONTINENT_NAMES, RIGHT_TO_LEFT, isolate, name_in, t
from footprint.localized import format_list
from footprint.presskit.fonts import family_for, register_fonts
from footprint.presskit.layouts import A4, WIDE, Layout, mirrored
from footprint.presskit.mapdraw import draw_map
from footprint.presskit.textcolumn import Column, fitted
from footprint.snapshot import Snapshot
from footprint.standalone.payload import count_figures

MUTED_COLOR = "#555555"
DPI = 100
MAP_AXES = "map"  # the label of the map's axes, to find them again
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


@dataclass(frozen=True)
class PublicLink:
    """Where the QR code leads (the same view on the public dashboard) and its modules."""

    url: str
    matrix: np.ndarray  # True for a dark module, without the quiet zone


@cache
def _configure() -> None:
    """Once per process: the Arabic fonts, and TrueType (not Type 3) fonts in PDFs so their
    text can be searched and copied. The same settings for every kit, so sharing them is safe."""
    register_fonts()
    matplotlib.rcParams["pdf.fonttype"] = 42


def view_label(snapshot: Snapshot) -> str:
    """`Édition 2 (2017)`, with the continents when the view keeps only some."""
    lang, continents = snapshot.lang, snapshot.filters.continents
    if not continents:
        return snapshot.edition_label
    names = format_list([name_in(CONTINENT_NAMES, region, lang) for region in continents], lang)
    return f"{snapshot.edition_label} · {names}"


def draw_header(figure: Figure, snapshot: Snapshot, layout: Layout, rtl: bool) -> None:
    def fill(column: Column) -> None:
        title = f"{snapshot.title} — {view_label(snapshot)}"
        column.add(title, layout.font * 2, bold=True, gap=0.15)
        column.add(snapshot.subtitle, layout.font * 1.1, color=MUTED_COLOR)

    fitted(figure, mirrored(layout.header, rtl), rtl, fill)


def counts_line(snapshot: Snapshot) -> str | None:
    """`Villes 20 · Pays 18 · Continents 4`; None when no list was published (never 0)."""
    figures = count_figures(snapshot)
    return None if figures is None else " · ".join(f"{label} {value}" for label, value in figures)


def fill_figures(column: Column, snapshot: Snapshot, size: float) -> None:
    """Counts (or what is known when no list was published), then the figures as stated."""
    lang = snapshot.lang
    counts = counts_line(snapshot)
    if counts:
        column.add(counts, size * 1.3, bold=True)
    for sentence in snapshot.coverage:
        column.add(sentence, size * 0.85, color=MUTED_COLOR, gap=0.1)
    if snapshot.headlines:
        column.skip(size * 0.6)
        column.add(t("figures_heading", lang), size * 1.05, bold=True, gap=0.2)
        for headline in snapshot.headlines:
            value = isolate(headline.value, lang)
            column.add(t("field_value", lang, label=headline.label, value=value), size, gap=0.1)


def fill_legend(column: Column, snapshot: Snapshot, size: float) -> None:
    """The map's legend: continents, then the host (black) and the guest (ringed)."""
    column.add(t("legend_title", snapshot.lang), size * 1.05, bold=True, gap=0.2)
    for entry in snapshot.legend:
        guest = entry.kind == "guest"
        column.dot(entry.color, "#111111" if guest else "#ffffff", size * 0.8, size * 0.1)
        column.add(entry.label, size, indent=size * 1.9, gap=0.05)


def draw_panel(figure: Figure, snapshot: Snapshot, layout: Layout, rtl: bool) -> None:
    """The figures column and the legend, together or apart as the layout places them."""
    size = layout.font
    if layout.legend is None:

        def fill(column: Column) -> None:
            fill_figures(column, snapshot, size)
            column.skip(size * 0.6)
            fill_legend(column, snapshot, size)

        fitted(figure, mirrored(layout.panel, rtl), rtl, fill)
        return
    fitted(figure, mirrored(layout.panel, rtl), rtl, lambda c: fill_figures(c, snapshot, size))
    fitted(figure, mirrored(layout.legend, rtl), rtl, lambda c: fill_legend(c, snapshot, size))


def draw_qr(figure: Figure, link: PublicLink, layout: Layout, lang: str, rtl: bool) -> None:
    """The QR code's modules as black and white squares with the quiet zone a reader needs,
    captioned with the address it opens."""
    rect = mirrored(layout.qr, rtl)
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
    def fill(column: Column) -> None:
        column.add(snapshot.source_line, layout.font * 0.8, color=MUTED_COLOR, gap=0.1)
        column.add(snapshot.made_on_line, layout.font * 0.8, color=MUTED_COLOR)

    fitted(figure, mirrored(layout.footer, rtl), rtl, fill)


def draw_page(snapshot: Snapshot, link: PublicLink, layout: Layout) -> Figure:
    """One format's figure, ready to save on any canvas."""
    _configure()
    rtl = snapshot.lang in RIGHT_TO_LEFT
    figure = Figure(figsize=layout.size, dpi=DPI, facecolor="white")
    draw_header(figure, snapshot, layout, rtl)
    draw_map(
        figure.add_axes(mirrored(layout.map, rtl), label=MAP_AXES), snapshot.places, layout.scale
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
            "Title": f"{snapshot.title} — {view_label(snapshot)}",
            "Creator": None,
            "Producer": None,
            "CreationDate": None,
        },
    )
    return buffer.getvalue()
