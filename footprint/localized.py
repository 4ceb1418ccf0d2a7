"""Data texts kept in one column per language (`notes_fr`, `notes_en`, `notes_ar`)."""

from __future__ import annotations

from collections.abc import Mapping

from babel.lists import format_list as babel_format_list

from footprint.i18n import CLDR_LOCALES, DEFAULT_LANGUAGE, LANGUAGES


def localized(row: Mapping[str, object], column: str, lang: str) -> str:
    """`row["<column>_<lang>"]`; when that one is empty, the same text in another language
    (French first), so a missing translation never hides what the data says."""
    others = [code for code in (DEFAULT_LANGUAGE, *LANGUAGES) if code != lang]
    for code in (lang, *others):
        value = row.get(f"{column}_{code}")
        if isinstance(value, str) and value:
            return value
    return ""


def localized_columns(column: str) -> list[str]:
    """`notes` → `["notes_fr", "notes_en", "notes_ar"]`."""
    return [f"{column}_{code}" for code in LANGUAGES]


def format_list(items: list[str], lang: str) -> str:
    """`1, 2 et 3`, `1, 2 and 3`, `1 و2 و3`: CLDR's list pattern of `lang`."""
    return babel_format_list(items, locale=CLDR_LOCALES[lang]) if items else ""
