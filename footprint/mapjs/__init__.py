"""The map's JavaScript, as real files: one `window.footprint.<name>` function per file.

The app serves them as static files (footprint.assets) and folium layers call them; the
standalone page inlines the same files, so the live map and the offline page draw alike.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

MAPJS_DIR = Path(__file__).resolve().parent
# Load order: cities.js defines the shared canvas renderer arcs.js uses.
SCRIPT_NAMES = ("countries", "legend", "cities", "arcs", "tint", "fit")
LAYER_TEMPLATE = MAPJS_DIR / "layer.jinja"
# The map's look (legend, popups, background), the same in the app, the standalone page and
# the presentation.
MAP_STYLESHEET = MAPJS_DIR / "map.css"
# Arabic inside the map frame: the font, and right-to-left legend, tooltips and popups.
RTL_STYLESHEET = MAPJS_DIR / "rtl.css"


def script_paths() -> tuple[Path, ...]:
    return tuple(MAPJS_DIR / f"{name}.js" for name in SCRIPT_NAMES)


@cache
def library_source() -> str:
    """Every map script, concatenated in load order, for pages that inline their scripts."""
    return "\n".join(path.read_text(encoding="utf-8") for path in script_paths())
