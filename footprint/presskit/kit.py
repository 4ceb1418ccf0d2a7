"""The press kit of one view: every file built in memory, then written into a folder (the
command line, the evening before) or packed into one ZIP (the app's download button)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from atomic_files import atomic_write_bytes
from footprint.data import Dataset
from footprint.export import csv_bytes, xlsx_bytes
from footprint.filters import Filters
from footprint.i18n import t
from footprint.presskit.images import PublicLink, pdf_bytes, png_bytes
from footprint.presskit.layouts import SQUARE, WIDE
from footprint.presskit.tables import figures_sheet
from footprint.qr import public_view_url, qr_matrix
from footprint.snapshot import take_snapshot
from footprint.standalone import render_standalone
from footprint.tables import cities_table

KIT_FILES = (
    "map-1920x1080.png",
    "map-1080x1080.png",
    "one-pager.pdf",
    "map.html",
    "cities.xlsx",
    "cities.csv",
    "figures.xlsx",
    "figures.csv",
)


def build_kit(
    dataset: Dataset,
    located: pd.DataFrame,
    filters: Filters,
    public_base: str,
    *,
    today: dt.date | None = None,
) -> dict[str, bytes]:
    """Every file of the kit for `filters` (edition, continents, language), by file name.

    `public_base` is the public dashboard's address: the QR code on each image and page
    opens the same view there."""
    snapshot = take_snapshot(dataset, located, filters, today=today)
    url = public_view_url(public_base, filters.edition, filters.lang, filters.continents)
    link = PublicLink(url, np.asarray(qr_matrix(url), dtype=bool))
    lang = filters.lang
    cities = cities_table(snapshot.places, lang)
    figures = figures_sheet(dataset, filters.edition, lang)
    files = {
        "map-1920x1080.png": png_bytes(snapshot, link, WIDE),
        "map-1080x1080.png": png_bytes(snapshot, link, SQUARE),
        "one-pager.pdf": pdf_bytes(snapshot, link),
        "map.html": render_standalone(snapshot).encode("utf-8"),
        "cities.xlsx": xlsx_bytes({t("page_cities", lang): cities}),
        "cities.csv": csv_bytes(cities),
        "figures.xlsx": xlsx_bytes({t("presskit.figures_sheet", lang): figures}),
        "figures.csv": csv_bytes(figures),
    }
    return {name: files[name] for name in KIT_FILES}


def zip_bytes(files: dict[str, bytes], made_on: dt.date | None = None) -> bytes:
    """The files as one ZIP, dated `made_on` so the same kit gives the same bytes."""
    stamp = (made_on or dt.date.today()).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return buffer.getvalue()


def write_folder(files: dict[str, bytes], folder: Path) -> list[Path]:
    """Each file into `folder` (made if needed), atomically: a file being read by someone
    else is never seen half-written, and an existing file keeps its permissions."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        path = folder / name
        atomic_write_bytes(path, data)
        written.append(path)
    return written


def zip_name(filters: Filters) -> str:
    """`press-kit-edition-2-fr.zip`, `press-kit-all-editions-Europe-en.zip`."""
    edition = "all-editions" if filters.edition is None else f"edition-{filters.edition}"
    return "-".join(["press-kit", edition, *filters.continents, filters.lang]) + ".zip"
