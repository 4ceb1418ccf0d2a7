"""QR codes: the address each slide's code opens, and the code itself read back."""

from __future__ import annotations

import re

import numpy as np
import pytest
import segno
import zxingcpp

from footprint.qr import PUBLIC_URL_ENV, public_base_url, public_view_url, qr_svg

MODULE_PX = 8


def svg_matrix(svg: str) -> np.ndarray:
    """The dark modules of a segno inline SVG (one path of horizontal runs), as a matrix."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    path = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    matrix = np.zeros((size, size), dtype=bool)
    x = y = 0.0
    for command, dx, dy in re.findall(r"([MmHh])(-?[\d.]+)(?:[ ,](-?[\d.]+))?", path):
        if command == "M":
            x, y = float(dx), float(dy)
        elif command == "m":
            x, y = x + float(dx), y + float(dy)
        else:  # h: a run of dark modules on row y - 0.5
            length = float(dx)
            matrix[int(y - 0.5), int(x) : int(x + length)] = True
            x += length
    return matrix


def decode(svg: str) -> str:
    dark = svg_matrix(svg)
    pixels = np.where(np.kron(dark, np.ones((MODULE_PX, MODULE_PX))), 0, 255).astype(np.uint8)
    found = zxingcpp.read_barcodes(pixels)
    assert len(found) == 1, "exactly one QR code in the picture"
    return found[0].text


@pytest.mark.parametrize(
    ("base", "edition", "lang", "continents", "expected"),
    [
        ("https://footprint.example", 2, "fr", (), "https://footprint.example/?edition=2&lang=fr"),
        (
            "https://footprint.example/map/?old=1#top",
            None,
            "ar",
            ("Africa", "Europe"),
            "https://footprint.example/map/?edition=all&lang=ar&continent=Africa,Europe",
        ),
    ],
)
def test_public_view_url_is_the_apps_share_link(base, edition, lang, continents, expected):
    assert public_view_url(base, edition, lang, continents) == expected


def test_the_configured_address_wins_then_the_server_root():
    server = "http://10.0.0.5:8501/present"
    environ = {PUBLIC_URL_ENV: "https://a.example/"}
    assert public_base_url(environ, "https://b.example/", server) == "https://a.example/"
    assert public_base_url({}, "https://b.example/", server) == "https://b.example/"
    assert public_base_url({PUBLIC_URL_ENV: "  "}, None, server) == "http://10.0.0.5:8501/"
    assert public_base_url({}, None, None) is None


def test_the_code_reads_back_as_the_configured_url():
    url = public_view_url("https://footprint.example/", 2, "fr", ("Europe",))
    svg = qr_svg(url)
    assert svg.startswith("<svg") and "<script" not in svg
    assert decode(svg) == url


def test_the_svg_draws_exactly_segnos_matrix():
    url = public_view_url("http://192.168.1.20:8501/", 7, "ar")
    expected = np.array(segno.make(url, error="m", micro=False).matrix, dtype=bool)
    drawn = svg_matrix(qr_svg(url))
    border = (drawn.shape[0] - expected.shape[0]) // 2
    assert border == 4
    assert (drawn[border:-border, border:-border] == expected).all()
    assert not drawn[:border].any() and not drawn[-border:].any()
