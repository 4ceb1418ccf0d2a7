"""Right to left for Arabic: values set into an Arabic sentence are isolated so that
`≥ 15.000` or `1–2` keep their order. The layout itself is turned around by rtl.css (applied by
ui/styles.py), since Streamlit has no RTL mode (streamlit/streamlit#552)."""

from __future__ import annotations

from footprint.i18n import isolate

__all__ = ["isolate", "isolated"]


def isolated(values: dict[str, object], lang: str) -> dict[str, object]:
    """Message placeholders isolated for `t`; `count` stays a number (it picks the plural)."""
    return {
        name: value if name == "count" else isolate(str(value), lang)
        for name, value in values.items()
    }
