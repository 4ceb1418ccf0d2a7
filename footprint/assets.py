"""Leaflet, jQuery, the basemap and the Arabic font served by the app itself, so the map draws
and Arabic reads with no internet.

Streamlit serves `static/` next to app.py at `/app/static/` (server.enableStaticServing). The
files come from PyPI packages (XStatic-Leaflet, XStatic-jQuery), from `data/basemap/` and from
`data/fonts/` (Noto Sans Arabic, vendored with its licence); they are copied into
`static/vendor/` (git-ignored) when missing or out of date.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import folium
import xstatic.pkg.jquery
import xstatic.pkg.leaflet

from footprint.basemap import COUNTRIES_PATH, load_countries
from footprint.mapjs import library_source, script_paths

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
VENDOR_URL = "/app/static/vendor"

LEAFLET_JS = f"{VENDOR_URL}/leaflet/leaflet.js"
LEAFLET_CSS = f"{VENDOR_URL}/leaflet/leaflet.css"
JQUERY_JS = f"{VENDOR_URL}/jquery/jquery.min.js"
COUNTRIES_URL = f"{VENDOR_URL}/basemap/countries.geojson"
# Leaflet and the map's scripts in one file: the map frame loads its scripts one after the
# other, so for a new visitor (empty cache) seven round trips become one.
MAP_BUNDLE_NAME = "footprint-map.js"
MAP_BUNDLE_URL = f"{VENDOR_URL}/{MAP_BUNDLE_NAME}"
FONTS_DIR = Path(__file__).resolve().parent.parent / "data" / "fonts"
# The page (ui/rtl.css) and the map frame (footprint/mapjs/rtl.css) load the font from here.
FONTS_URL = f"{VENDOR_URL}/fonts"


def _vendored_files() -> dict[Path, Path]:
    """Destination under static/vendor → source file."""
    leaflet = Path(xstatic.pkg.leaflet.BASE_DIR)
    files = {
        VENDOR_DIR / "leaflet" / "leaflet.js": leaflet / "leaflet.js",
        VENDOR_DIR / "leaflet" / "leaflet.css": leaflet / "leaflet.css",
        VENDOR_DIR / "jquery" / "jquery.min.js": Path(xstatic.pkg.jquery.BASE_DIR)
        / "jquery.min.js",
        VENDOR_DIR / "basemap" / "countries.geojson": COUNTRIES_PATH,
    }
    for image in (leaflet / "images").iterdir():
        files[VENDOR_DIR / "leaflet" / "images" / image.name] = image
    for font in FONTS_DIR.glob("*.ttf"):
        files[VENDOR_DIR / "fonts" / font.name] = font
    return files


def _is_current(destination: Path, source: Path) -> bool:
    if not destination.is_file():
        return False
    wanted, found = source.stat(), destination.stat()
    return found.st_size == wanted.st_size and found.st_mtime >= wanted.st_mtime


def install_static_assets() -> None:
    """Copy what the map needs into static/vendor; atomic, so a page never gets half a file.
    A broken basemap is refused with its file named, rather than served as a blank map."""
    for destination, source in _vendored_files().items():
        if _is_current(destination, source):
            continue
        if source == COUNTRIES_PATH:
            load_countries(source)
        _write_atomically(destination, lambda path, source=source: shutil.copy2(source, path))
    install_map_bundle()


def _bundle_sources() -> tuple[Path, ...]:
    return (Path(xstatic.pkg.leaflet.BASE_DIR) / "leaflet.js", *script_paths())


def _write_atomically(destination: Path, write) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=destination.parent, suffix=".tmp")
    os.close(handle)
    write(Path(temporary))
    os.chmod(temporary, 0o644)
    os.replace(temporary, destination)


def install_map_bundle() -> None:
    """Leaflet, the map's scripts and a head start on the basemap's download, in one file;
    rebuilt when any of its sources is newer."""
    sources = _bundle_sources()
    bundle = VENDOR_DIR / MAP_BUNDLE_NAME
    if bundle.is_file() and bundle.stat().st_mtime >= max(
        source.stat().st_mtime for source in sources
    ):
        return
    text = "\n;\n".join(
        [
            sources[0].read_text(encoding="utf-8"),
            library_source(),
            f"window.footprint.prefetch({json.dumps(COUNTRIES_URL)});",
        ]
    )
    _write_atomically(bundle, lambda path: path.write_text(text, encoding="utf-8"))


def use_local_assets(element: folium.Map, *, jquery: bool = True) -> folium.Map:
    """Point folium's Leaflet and jQuery at the app's own copies and drop the CDN-only extras
    (Bootstrap, Font Awesome, awesome-markers). folium's own popups need jQuery; a map that
    builds its popups itself can leave it out and load one file less."""
    element.default_js = [("leaflet", LEAFLET_JS)] + ([("jquery", JQUERY_JS)] if jquery else [])
    element.default_css = [("leaflet_css", LEAFLET_CSS)]
    return element
