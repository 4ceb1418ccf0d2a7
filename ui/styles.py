"""The app's own stylesheets, beside this module: page.css on every page, rtl.css (right to
left, see ui/direction.py) on top of it when the language is written so."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

from footprint.i18n import is_rtl

PAGE_STYLESHEET = Path(__file__).with_name("page.css")
RTL_STYLESHEET = Path(__file__).with_name("rtl.css")


@cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def apply_page_styles(lang: str) -> None:
    """Style the whole page for `lang`: one <style>, which Streamlit keeps out of the layout."""
    sheets = [PAGE_STYLESHEET, *([RTL_STYLESHEET] if is_rtl(lang) else [])]
    st.html("<style>" + "\n".join(_read(sheet) for sheet in sheets) + "</style>")
