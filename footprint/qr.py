"""QR codes that open the public view of what a slide shows, so a room can explore it on phones.

Drawn locally by segno as inline SVG: no image service, no network. The public address is
configurable (`FOOTPRINT_PUBLIC_URL`, or `[footprint] public_url` in Streamlit's secrets), since
the presenter's own address (often localhost) is not one the room can reach.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

from footprint.filters import Filters

PUBLIC_URL_ENV = "FOOTPRINT_PUBLIC_URL"


def public_view_url(
    base: str, edition: int | None, lang: str, continents: Iterable[str] = ()
) -> str:
    """The public map at `base` showing this view: `https://site/?edition=2&lang=fr`.

    Parameters are written as the app's share links write them (footprint.filters), and any
    query or fragment already on `base` is replaced."""
    parts = urlsplit(base)
    params = Filters(edition, tuple(continents), lang).to_query_params()
    query = urlencode(params, safe=",")
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def public_base_url(
    environ: Mapping[str, str], configured: str | None, server_url: str | None
) -> str | None:
    """Where the room's phones should go: the environment, then the configuration, then the
    server's own address (its root: the public view is the map page)."""
    for candidate in (environ.get(PUBLIC_URL_ENV), configured):
        if candidate and candidate.strip():
            return candidate.strip()
    if not server_url:
        return None
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))


def qr_svg(url: str) -> str:
    """`url` as an inline <svg> QR code (medium error correction, quiet zone kept), sized by
    CSS through its viewBox; dark modules on white, readable in a dark theme too."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="fp-qr"
    )


def qr_matrix(url: str) -> list[list[bool]]:
    """The same code as `qr_svg`, as rows of modules (True: dark) without the quiet zone, for
    drawings that are not SVG: the press kit's images and PDF."""
    code = segno.make(url, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(border=0)]
