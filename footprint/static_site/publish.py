"""Write the public view as static files any web server or CDN can serve: no Python, no
network at view time.

    OUT/index.html            the map: every edition, continent and language, chosen from the
                              address as in the app (`?edition=2&continent=Europe&lang=en`)
    OUT/{fr,en,ar}/figures.html   a small figures section per edition
    OUT/{fr,en,ar}/sources.html   every figure with its quote, document and file name
    OUT/assets/site.css       the plain pages' stylesheet

Every page carries the Arabic font it needs inline (footprint.standalone.fonts), cut to the
Arabic it holds: nothing to fetch from anywhere.

The site is built beside OUT and swapped in whole (footprint.static_site.swap), and a data
folder that does not validate stops the publish before anything is written.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from atomic_files import writer_lock
from footprint.data import DataError, load_dataset
from footprint.i18n import LANGUAGES, t
from footprint.places import locate
from footprint.standalone import every_view, render_standalone
from footprint.static_site.pages import FIGURES_PAGE, SOURCES_PAGE, figures_page, sources_page
from footprint.static_site.swap import SiteFolderError, staged_folder
from geo.cache import CacheFormatError

SITE_DIR_ENV = "FOOTPRINT_SITE_DIR"
STYLESHEET = Path(__file__).resolve().parent / "assets" / "site.css"

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


def _site_links(lang: str) -> list[tuple[str, str]]:
    """The plain pages, as the map page links to them (from the site's root)."""
    return [
        (t("site.figures_page", lang), f"{lang}/{FIGURES_PAGE}"),
        (t("page_sources", lang), f"{lang}/{SOURCES_PAGE}"),
    ]


def site_pages(data_folder: Path, today: dt.date) -> dict[str, str]:
    """Path inside the site → HTML, for every page."""
    dataset = load_dataset(data_folder)
    located = locate(dataset.cities, data_folder / "geocache.csv")
    snapshots = every_view(dataset, located, today=today)
    pages = {
        "index.html": render_standalone(
            snapshots,
            links={lang: _site_links(lang) for lang in LANGUAGES},
        )
    }
    for lang in LANGUAGES:
        ours = [snapshot for snapshot in snapshots if snapshot.lang == lang]
        overview = next(snapshot for snapshot in ours if snapshot.filters.edition is None)
        editions = sorted(
            (snapshot for snapshot in ours if snapshot.filters.edition is not None),
            key=lambda snapshot: snapshot.filters.edition,
        )
        pages[f"{lang}/{FIGURES_PAGE}"] = figures_page(dataset, overview, editions)
        pages[f"{lang}/{SOURCES_PAGE}"] = sources_page(dataset, overview)
    return pages


def build_site(data_folder: Path, site: Path, today: dt.date) -> None:
    """Every file of the site, written into the (empty) folder `site`."""
    for name, text in site_pages(data_folder, today).items():
        _write(site / name, text)
    _write(site / "assets" / "site.css", STYLESHEET.read_text(encoding="utf-8"))


def publish_site(data_folder: Path, out: Path, *, today: dt.date | None = None) -> PublishedSite:
    """Build the site from `data_folder` and put it at `out` in one swap.

    Raises DataError (every problem, file:line: column) when the data does not validate,
    CacheFormatError (file:line:column) when the geocache is broken, and SiteFolderError
    when `out` cannot take the site; `out` is then left as it was.
    """
    # One publish at a time per site (two organizers publishing at once): the later data wins.
    with writer_lock(Path(out).resolve()), staged_folder(out) as site:
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
    except (CacheFormatError, SiteFolderError, OSError) as error:
        message = f"static site not updated: {error}"
    else:
        log.info("static site refreshed in %s (%d files)", target, len(site.files))
        return SiteRefresh(target, site, None)
    log.warning(message)
    return SiteRefresh(target, None, message)
