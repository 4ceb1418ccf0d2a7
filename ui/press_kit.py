"""The press kit's download button: one click gives the current view's kit as a ZIP.

The kit is built only when the button is clicked (Streamlit's deferred download, which shows
a spinner on the button meanwhile), never on a rerun: drawing it takes about a second."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import streamlit as st

from footprint.filters import Filters
from footprint.i18n import t
from footprint.presskit.kit import build_kit, zip_bytes, zip_name
from footprint.qr import public_base_url
from ui import data
from ui.presentation import configured_public_url


def kit_zip(folder: Path, chosen: Filters, public_base: str) -> bytes:
    """The ZIP of the view `chosen`, from the cached data set."""
    dataset, located = data.load(folder)
    today = dt.date.today()
    return zip_bytes(build_kit(dataset, located, chosen, public_base, today=today), today)


def _public_base() -> str:
    """The address the QR codes open: FOOTPRINT_PUBLIC_URL, `[footprint] public_url` in the
    secrets, else this server's own address."""
    return public_base_url(os.environ, configured_public_url(), st.context.url) or "/"


def download_button(folder: Path, chosen: Filters) -> None:
    public_base = _public_base()
    st.download_button(
        t("presskit.download", chosen.lang),
        data=lambda: kit_zip(folder, chosen, public_base),
        file_name=zip_name(chosen),
        mime="application/zip",
        help=t("presskit.help", chosen.lang),
        icon=":material/folder_zip:",
        on_click="ignore",
        key="press_kit",
    )
