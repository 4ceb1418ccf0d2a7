"""One self-contained HTML document: Leaflet (from XStatic, as the app serves it), the Natural
Earth basemap, the map scripts of footprint/mapjs and the page's own, all inline, so the file
opens from a USB stick as `file://` and asks nothing of any network.

The standalone page and the presentation are both made here; they differ by their body,
their scripts and their styles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import xstatic.pkg.leaflet
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from footprint.basemap import COUNTRIES_PATH, load_countries
from footprint.i18n import direction
from footprint.mapjs import library_source
from footprint.mapview import script_json
from footprint.standalone.fonts import inline_font_faces

HERE = Path(__file__).resolve().parent
LEAFLET_DIR = Path(xstatic.pkg.leaflet.BASE_DIR)
# Leaflet's stylesheet names images for markers and the layer control, which these pages do
# not use; an inline document must not point at files it does not carry.
CSS_FILE_URL = re.compile(r"url\((?!#|data:)[^)]*\)")
SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


@cache
def environment() -> Environment:
    """Templates of this package and of the presentation, autoescaped."""
    return Environment(
        loader=FileSystemLoader([HERE, HERE.parent / "present"]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def inline_script(source: str) -> str:
    """A script's text, safe to put between <script> tags."""
    return SCRIPT_END.sub(r"<\\/\1", source)


@cache
def leaflet_css() -> str:
    return CSS_FILE_URL.sub("none", (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8"))


@cache
def leaflet_js() -> str:
    return inline_script((LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8"))


@cache
def basemap_json(path: Path = COUNTRIES_PATH) -> str:
    """The countries, checked and compacted (a broken file is named, never a blank map)."""
    return script_json(load_countries(path))


@cache
def asset(name: str) -> str:
    """A file of this package (page.js…), of footprint/present/, or of footprint/mapjs/ (the
    map's look, map.css, which the app's map uses too)."""
    folders = (HERE, HERE.parent / "present", HERE.parent / "mapjs")
    for folder in folders:
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no asset {name} in {', '.join(map(str, folders))}")


def render_document(
    *,
    lang: str,
    title: str,
    body: str,
    data: dict,
    scripts: Sequence[str],
    styles: Sequence[str],
    body_class: str = "",
) -> str:
    """The whole document. `body` is HTML already escaped (a rendered template); `data` goes
    in as JSON that cannot close its script; `scripts` and `styles` are asset names."""
    data_json = script_json(data)
    fonts = inline_font_faces(body + data_json)  # Arabic reads right with no font installed
    return (
        environment()
        .get_template("document.html")
        .render(
            lang=lang,
            dir=direction(lang),
            title=title,
            body=body,
            body_class=body_class,
            data=data_json,
            basemap=basemap_json(),
            styles=[leaflet_css(), *fonts, *(asset(name) for name in styles)],
            scripts=[
                leaflet_js(),
                inline_script(library_source()),
                *(inline_script(asset(name)) for name in scripts),
            ],
        )
    )
