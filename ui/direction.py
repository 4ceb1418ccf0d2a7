"""Right to left for Arabic: values set into an Arabic sentence are isolated so that
`≥ 15.000` or `1–2` keep their order. The layout itself is turned around by rtl.css (applied by
ui/styles.py), since Streamlit has no RTL mode (streamlit/streamlit#552)."""

from __future__ import annotations

from footprint.i18n import is_rtl

# First-strong isolate … pop directional isolate: the plain-text form of <bdi>.
FIRST_STRONG_ISOLATE = "\u2068"
POP_ISOLATE = "\u2069"


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
