"""Source documents named for readers: title, date and language, never a bare file name.

The file name stays in the Sources page's tables, for traceability.
"""

from __future__ import annotations

from babel import Locale

from footprint.data import Dataset
from footprint.i18n import CLDR_LOCALES, t
from footprint.snapshot import document_names


def language_of_document(code: str, lang: str) -> str:
    """The language a document is written in, named in `lang` by CLDR (anglais, English…)."""
    return Locale.parse(CLDR_LOCALES[lang]).languages.get(code, code)


def document_labels(dataset: Dataset, lang: str) -> dict[str, str]:
    """Source file → `Title (date) · language` in `lang`, for every file sources.csv describes.
    Files it does not describe are absent: callers show their name."""
    sources = dataset.sources
    files = sources["source"].tolist()
    return {
        file: t(
            "document_with_language",
            lang,
            document=name,
            language=language_of_document(code, lang),
        )
        for file, name, code in zip(
            files, document_names(dataset, files, lang), sources["language"], strict=True
        )
    }
