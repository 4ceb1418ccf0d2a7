"""Write the public view as static files any web server or CDN can serve: no Python, no
network at view time.

    OUT/index.html            the map: every edition, continent and language, chosen from the
                              address as in the app (`?edition=2&continent=Europe&lang=en`)
    OUT/{fr,en,ar}/figures.html   a small figures section per edition
    OUT/{fr,en,ar}/sources.html   every figure with its quote, document and file name
    OUT/assets/               the pages' stylesheet and the Arabic fonts (data/fonts/)

The site is built beside OUT and swapped in whole (footprint.static_site.swap), and a data
folder that does not validate stops the publish before anything is written.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from footprint.data import BUNDLED_DATA_DIR, DataError, load_dataset
from footprint.i18n import LANGUAGES
from footprint.places import locate
from footprint.standalone import every_view, render_standalone
from footprint.static_site.pages import FIGURES_PAGE, SOURCES_PAGE, figures_page, sources_page
from footprint.static_site.swap import SiteFolderError, staged_folder

SITE_DIR_ENV = "FOOTPRINT_SITE_DIR"
FONTS_DIR = BUNDLED_DATA_DIR / "fonts"
STYLESHEET = Path(__file__).resolve().parent / "assets" / "site.css"
FONT_FILES = ("*.ttf", "*.woff2", "OFL.txt")
FONT_FACE = (
    '@font-face {{ font-family: "Noto Sans Arabic"; font-weight: {weight}; font-display: swap;'
    ' src: url("fonts/{name}") format("truetype");'
    " unicode-range: U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF; }}\n"
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PublishedSite:
    out: Path
    files: dict[str, int]  # path inside the site → size in bytes

    @property
    def total_bytes(self) -> int:
        return sum(self.files.values())


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_fonts(assets: Path) -> str:
    """Copy the vendored fonts (when present) and return their @font-face rules. The
    unicode-range keeps French and English pages from downloading them."""
    rules = ""
    if not FONTS_DIR.is_dir():
        return rules
    for pattern in FONT_FILES:
        for source in sorted(FONTS_DIR.glob(pattern)):
            (assets / "fonts").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, assets / "fonts" / source.name)
            if source.suffix == ".ttf":
                weight = 700 if "Bold" in source.stem else 400
                rules += FONT_FACE.format(weight=weight, name=source.name)
    return rules


def build_site(data_folder: Path, site: Path, today: dt.date) -> None:
    """Every file of the site, written into the (empty) folder `site`."""
    dataset = load_dataset(data_folder)
    located = locate(dataset.cities, data_folder / "geocache.csv")
    assets = site / "assets"
    assets.mkdir(parents=True)
    font_faces = _copy_fonts(assets)
    _write(assets / "site.css", font_faces + STYLESHEET.read_text(encoding="utf-8"))
    snapshots = every_view(dataset, located, today=today)
    _write(site / "index.html", render_standalone(snapshots))
    for lang in LANGUAGES:
        ours = [snapshot for snapshot in snapshots if snapshot.lang == lang]
        overview = next(snapshot for snapshot in ours if snapshot.filters.edition is None)
        editions = sorted(
            (snapshot for snapshot in ours if snapshot.filters.edition is not None),
            key=lambda snapshot: snapshot.filters.edition,
        )
        _write(site / lang / FIGURES_PAGE, figures_page(dataset, overview, editions))
        _write(site / lang / SOURCES_PAGE, sources_page(dataset, overview))


def publish_site(data_folder: Path, out: Path, *, today: dt.date | None = None) -> PublishedSite:
    """Build the site from `data_folder` and put it at `out` in one swap.

    Raises DataError (every problem, file:line: column) when the data does not validate and
    SiteFolderError when `out` cannot take the site; `out` is then left as it was.
    """
    with staged_folder(out) as site:
        build_site(Path(data_folder), site, today or dt.date.today())
        files = {
            path.relative_to(site).as_posix(): path.stat().st_size
            for path in sorted(site.rglob("*"))
            if path.is_file()
        }
    return PublishedSite(out.resolve(), files)


@dataclass(frozen=True)
class SiteRefresh:
    """What a refresh after an organizer's publish did: the site, or why it was not updated."""

    out: Path
    site: PublishedSite | None
    error: str | None


def refresh_site(folder: Path, out: Path | None = None) -> SiteRefresh | None:
    """Republish the static site after the data in `folder` changed (the organizer workspace
    calls this after a publish). `out` defaults to `$FOOTPRINT_SITE_DIR`; with neither, there is
    no site to keep up to date and nothing happens (None). A failure is returned, never raised:
    the organizer's publish has already succeeded and must not look failed."""
    target = out if out is not None else os.environ.get(SITE_DIR_ENV, "").strip()
    if not target:
        return None
    target = Path(target)
    try:
        site = publish_site(folder, target)
    except DataError as error:
        message = f"static site not updated, the data has problems:\n{error}"
    except (SiteFolderError, OSError) as error:
        message = f"static site not updated: {error}"
    else:
        log.info("static site refreshed in %s (%d files)", target, len(site.files))
        return SiteRefresh(target, site, None)
    log.warning(message)
    return SiteRefresh(target, None, message)
