"""Streamlit's legacy multipage mode, left as soon as a run finds itself in it.

The project has a `pages/` folder, so a fresh server starts in Streamlit's legacy mode (MPA v1)
until app.py has called st.navigation once. In that mode its very first run executes app.py as
a page of an implicit navigation, and the widgets app.py draws (the sidebar's filters) get other
ids than in every later run: the browser then sends its first change under ids the server no
longer draws, and the change is lost. Every run in that mode reruns at once in the normal one.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def rerun_through_app() -> None:
    """Leave the legacy mode and rerun: app.py sets up the filters and st.navigation picks the
    page the address asks for."""
    PagesManager.uses_pages_directory = False
    st.rerun()


def leave_legacy_pages_mode() -> None:
    """Called first by app.py: a fresh server's first run reruns before drawing anything."""
    if PagesManager.uses_pages_directory:
        rerun_through_app()
