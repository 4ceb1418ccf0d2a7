"""Right to left for Arabic.

Streamlit has no RTL mode (streamlit/streamlit#552): an Arabic page gets a stylesheet
(rtl.css, beside this module) that turns the app's own containers around, and the values set
into Arabic sentences are isolated so that `≥ 15.000` or `1–2` keep their order.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

from footprint.i18n import is_rtl

RTL_STYLESHEET = Path(__file__).with_name("rtl.css")
# First-strong isolate … pop directional isolate: the plain-text form of <bdi>.
FIRST_STRONG_ISOLATE = "\u2068"
POP_ISOLATE = "\u2069"


@cache
def _stylesheet() -> str:
    return RTL_STYLESHEET.read_text(encoding="utf-8")


def apply_direction(lang: str) -> None:
    """Lay the whole page out right to left when `lang` is written so; nothing otherwise."""
    if is_rtl(lang):
        st.html(f"<style>{_stylesheet()}</style>")


def isolate(text: str, lang: str) -> str:
    """`text` kept in its own order inside a right-to-left sentence (a figure, a span of
    editions, a Latin name); unchanged in a left-to-right language."""
    if not is_rtl(lang) or not text:
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_ISOLATE}"


def isolated(values: dict[str, object], lang: str) -> dict[str, object]:
    """Message placeholders isolated for `t`; `count` stays a number (it picks the plural)."""
    return {
        name: value if name == "count" else isolate(str(value), lang)
        for name, value in values.items()
    }
