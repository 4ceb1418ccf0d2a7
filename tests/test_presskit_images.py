"""The kit's images and PDF: sizes, the map really drawn where the cities are, every text a
journalist must quote, one vector page, and Arabic drawn in Noto Sans Arabic."""

import io
from pathlib import Path

import numpy as np
import pypdf
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextPath
from PIL import Image

from footprint.filters import Filters
from footprint.i18n import t
from footprint.mapview import CONTINENT_COLORS
from footprint.presskit import images
from footprint.presskit.fonts import ARABIC_FONT_FILES, has_arabic, register_fonts
from footprint.presskit.layouts import SQUARE, WIDE
from footprint.presskit.mapdraw import project
from footprint.snapshot import take_snapshot

# The QR code's own decoding is tested with the real encoder in test_presskit.py; here any
# module pattern will do.
LINK = images.PublicLink("https://footprint.example.org/?edition=2&lang=fr", np.eye(25) > 0)


def squash(text: str) -> str:
    """Text without any whitespace: lines wrap and numbers use narrow spaces."""
    return "".join(text.split())


RENDERED: dict[tuple[int, str], bytes] = {}  # drawing takes a while: once per test module


def png(snapshot, layout=WIDE) -> bytes:
    key = (id(snapshot), layout.name)
    if key not in RENDERED:
        RENDERED[key] = images.png_bytes(snapshot, LINK, layout)
    return RENDERED[key]


def pdf_text(snapshot) -> str:
    key = (id(snapshot), "pdf")
    if key not in RENDERED:
        RENDERED[key] = squash(_pdf(snapshot).pages[0].extract_text()).encode()
    return RENDERED[key].decode()


@pytest.fixture(scope="module")
def snapshots(bundled):
    dataset, located = bundled
    return {
        (edition, lang): take_snapshot(dataset, located, Filters(edition, (), lang))
        for edition in (1, 2)
        for lang in ("fr", "ar")
    }


@pytest.mark.parametrize("layout", [WIDE, SQUARE], ids=lambda x: x.name)
def test_png_has_the_exact_pixel_size(snapshots, layout):
    picture = Image.open(io.BytesIO(png(snapshots[2, "fr"], layout)))
    assert picture.format == "PNG"
    assert picture.size == (round(layout.size[0] * 100), round(layout.size[1] * 100))


def _pixel(figure, lat: float, lon: float) -> tuple[int, int]:
    """Column and row of a place in the PNG drawn from `figure`."""
    (ax,) = [ax for ax in figure.axes if ax.get_label() == images.MAP_AXES]
    ax.apply_aspect()  # the axes' final box (equal aspect), as drawing sets it
    x, y = project(np.array([lat]), np.array([lon]))
    column, row_from_bottom = ax.transData.transform((x[0], y[0]))
    return round(column), round(figure.bbox.height - row_from_bottom)


@pytest.mark.parametrize("layout", [WIDE, SQUARE], ids=lambda x: x.name)
def test_each_city_is_drawn_in_its_continent_colour(snapshots, layout):
    snapshot = snapshots[2, "fr"]
    pixels = np.asarray(Image.open(io.BytesIO(png(snapshot, layout))).convert("RGB"), float)
    figure = images.draw_page(snapshot, LINK, layout)
    FigureCanvasAgg(figure)
    delegations = snapshot.places[snapshot.places["role"] == "delegation"]
    assert len(delegations) >= 15
    for city in delegations.itertuples():
        column, row = _pixel(figure, city.lat, city.lon)
        around = pixels[row - 4 : row + 5, column - 4 : column + 5].reshape(-1, 3)
        wanted = np.array(to_rgb(CONTINENT_COLORS[city.continent])) * 255
        closest = np.abs(around - wanted).max(axis=1).min()
        assert closest <= 16, f"{city.name_fr}: no {city.continent} colour near ({column}, {row})"


def test_png_is_not_blank_and_the_host_is_black(snapshots):
    snapshot = snapshots[2, "fr"]
    pixels = np.asarray(Image.open(io.BytesIO(png(snapshot))).convert("RGB"))
    packed = pixels.astype(np.uint32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.uint32)
    assert len(np.unique(packed)) > 200
    figure = images.draw_page(snapshot, LINK, WIDE)
    FigureCanvasAgg(figure)
    host = snapshot.places[snapshot.places["role"] == "host"].iloc[0]
    column, row = _pixel(figure, host.lat, host.lon)
    assert pixels[row - 2 : row + 3, column - 2 : column + 3].max() < 40


def _pdf(snapshot) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(images.pdf_bytes(snapshot, LINK)))


def test_pdf_is_one_a4_page_with_the_map_as_vectors(snapshots):
    reader = _pdf(snapshots[2, "fr"])
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert len(page.images) == 1  # the QR code; the map itself is paths, not a picture


def test_pdf_text_has_title_figures_qualifiers_legend_sources_and_date(snapshots):
    snapshot = snapshots[2, "fr"]
    text = pdf_text(snapshot)
    expected = [
        snapshot.title,
        snapshot.edition_label,
        snapshot.source_line,
        snapshot.made_on_line,
        *(entry.label for entry in snapshot.legend),
    ]
    for headline in snapshot.headlines:
        expected += [headline.label, headline.value]
    for value in expected:
        assert squash(value) in text, value
    assert "≥" in text and "≈" in text  # qualifiers kept: ≥ 15 000 participants, ≈ 85


def test_edition_without_a_list_says_so_and_shows_no_count(snapshots):
    snapshot = snapshots[1, "fr"]
    assert snapshot.counts is None
    text = pdf_text(snapshot)
    assert squash(t("list_none", "fr", edition=1)) in text
    assert squash(t("cities_count", "fr")) + "0" not in text


def test_arabic_text_is_drawn_in_noto_sans_arabic(snapshots):
    snapshot = snapshots[2, "ar"]
    figure = images.draw_page(snapshot, LINK, WIDE)
    arabic = [
        text
        for text in figure.findobj(lambda a: hasattr(a, "get_text"))
        if isinstance(text.get_text(), str) and has_arabic(text.get_text())
    ]
    assert any(
        text.get_text() == snapshot.title + " — " + snapshot.edition_label for text in arabic
    )
    for text in arabic:
        path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        assert Path(path) in ARABIC_FONT_FILES, text.get_text()
    assert images.png_bytes(snapshot, LINK, SQUARE).startswith(b"\x89PNG")


def test_arabic_pdf_embeds_noto_sans_arabic_and_keeps_its_words(snapshots):
    snapshot = snapshots[2, "ar"]
    page = _pdf(snapshot).pages[0]
    fonts = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert any("NotoSansArabic" in font for font in fonts)
    assert any("DejaVuSans" in font for font in fonts)  # Latin document titles, digits


def test_a_continent_filter_is_named_in_the_title(bundled):
    dataset, located = bundled
    snapshot = take_snapshot(dataset, located, Filters(2, ("Africa", "Europe"), "en"))
    assert images.view_label(snapshot) == "Edition 2 (2017) · Africa and Europe"
    assert set(snapshot.places["continent"]) == {"Africa", "Europe"}


def test_arabic_letters_are_joined_when_drawn():
    """matplotlib shapes Arabic (libraqm): three joined beh are far narrower than three
    isolated ones, which is what an unshaped drawing would show."""
    register_fonts()
    arabic = FontProperties(family="Noto Sans Arabic")

    def width(text: str) -> float:
        return TextPath((0, 0), text, prop=arabic, size=20).get_extents().width

    assert width("ببب") < 2 * width("ب")
