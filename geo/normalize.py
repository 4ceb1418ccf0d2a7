"""Text folding shared by the index, the cache keys and the queries, so they always agree."""

import re
import unicodedata

_LETTER_MAP = str.maketrans(
    {
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŀ": "l",
    }
)
_APOSTROPHES = re.compile(r"['’‘`´ʻʼ]")
_COMBINING_MARKS = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def fold(text: str) -> str:
    """Lower-case ASCII words and single spaces: what people mean, not how they typed it."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LETTER_MAP)
    text = _APOSTROPHES.sub("", text)
    if not text.isascii():
        text = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))
    tokens = _NON_ALNUM.sub(" ", text).split()
    return " ".join(_ABBREVIATIONS.get(token, token) for token in _merge_initials(tokens))


def _merge_initials(tokens: list[str]) -> list[str]:
    """Join runs of single letters so "D.C." and "U.S.A." read as "dc" and "usa"."""
    merged: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if run:
            merged.append("".join(run) if len(run) > 1 else run[0])
            run = []
        if token:
            merged.append(token)
    return merged


def is_latin_name(folded: str) -> bool:
    """Folded names left with letters are Latin-script; other scripts fold to nothing useful."""
    return bool(folded) and any(char.isalpha() for char in folded)


def cache_key(query: str) -> str:
    """The cache row key: folded text, no noise stripping, so a row means exactly what was typed."""
    return fold(query)
