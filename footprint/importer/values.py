"""One cell at a time: trimming, formulas and markup, countries, roles, continents, names.

Countries are compared on folded text (no case, no accents), from Babel's CLDR names in French
and English, pycountry's codes and translations, and geo's everyday names (USA, UK, RDC).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from geo.continents import normalize_continent
from geo.countries import country_code as geo_country_code
from geo.normalize import fold

FORMULA_STARTS = ("=", "+", "-", "@")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_SIGNED_NUMBER = re.compile(r"[+-]\d+(?:[.,]\d+)?")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_WORDS = re.compile(r"([^\W\d_]+)")
# Kept in lower case inside a name written all in capitals: "RIO DE JANEIRO" → "Rio de Janeiro".
_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "les", "d", "l", "et", "sur", "en", "of", "the", "and", "upon"}
)
_ROLE_WORDS = {
    "host": (
        "host",
        "host city",
        "hôte",
        "ville hôte",
        "organisateur",
        "organisatrice",
        "ville organisatrice",
        "organizer",
        "organiser",
    ),
    "guest": (
        "guest",
        "guest city",
        "guest of honour",
        "guest of honor",
        "guest city of honour",
        "guest city of honor",
        "invité",
        "invitée",
        "ville invitée",
        "invité d'honneur",
        "invitée d'honneur",
        "ville invitée d'honneur",
        "ville à l'honneur",
        "à l'honneur",
    ),
    "delegation": (
        "délégation",
        "délégations",
        "délégation officielle",
        "delegation",
        "official delegation",
        "participant",
        "participante",
        "ville participante",
        "participating city",
        "visiting city",
    ),
}
_ROLE_OF_WORD = {fold(word): role for role, words in _ROLE_WORDS.items() for word in words}


def clean(text: str) -> str:
    """Trimmed, the no-break space and zero-width characters included, inner runs of
    whitespace made one space: how a cell is compared and shown."""
    text = text.strip().strip(_INVISIBLE)
    return " ".join(text.split())


def is_formula(text: str) -> bool:
    """What a spreadsheet would evaluate: never evaluated, never geocoded, never exported.
    A plain signed number (`-7.61`) is only a number."""
    return text.startswith(FORMULA_STARTS) and not _SIGNED_NUMBER.fullmatch(text)


def has_markup(text: str) -> bool:
    return bool(_MARKUP.search(text))


@cache
def _iso2_codes() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_2 for country in pycountry.countries)


@cache
def _country_names() -> dict[str, str]:
    """Folded French and English CLDR names and ISO alpha-3 codes → ISO2."""
    import pycountry
    from babel import Locale

    names: dict[str, str] = {}
    for language in ("fr", "en"):
        for code, name in Locale(language).territories.items():
            if code in _iso2_codes():
                names.setdefault(fold(name), code)
    for country in pycountry.countries:
        names.setdefault(fold(country.alpha_3), country.alpha_2)
    return names


@lru_cache(maxsize=4096)
def country_iso2(text: str) -> str | None:
    """`Maroc`, `Royaume-Uni`, `Cote d'Ivoire`, `USA`, `GB`, `MAR` → the ISO2 code, else None."""
    if not text:
        return None
    if len(text) == 2 and text.upper() in _iso2_codes():
        return text.upper()
    found = _country_names().get(fold(text)) or geo_country_code(text)
    return found if found in _iso2_codes() else None


@lru_cache(maxsize=4096)
def role_of(text: str) -> str | None:
    """The schema's role for a French or English word; None when the word is unknown.
    An empty cell is a delegation, the common case."""
    if not text:
        return "delegation"
    return _ROLE_OF_WORD.get(fold(text))


@lru_cache(maxsize=4096)
def continent_region(text: str) -> str | None:
    """geo's reading of a continent's name, remembered: a list repeats a handful of them."""
    return normalize_continent(text)


def canonical_name(written: str, place_name: str | None = None) -> str:
    """The name as it is shown. A name typed without accents takes the gazetteer's spelling
    when it is the same name (`QUEBEC`, `Bogota` → Québec, Bogotá); a name typed all in capitals
    or all in lower case gets its capitals back (`MARRAKECH` → Marrakech); otherwise the
    organizer's spelling stands (`Séoul` stays French, not GeoNames' `Seoul`)."""
    if place_name and written.isascii() and fold(place_name) == fold(written):
        return place_name
    if not (written.isupper() or written.islower()):
        return written
    parts = _WORDS.split(written.lower())
    for index in range(1, len(parts), 2):
        word = parts[index]
        if index == 1 or word not in _PARTICLES:
            parts[index] = word[:1].upper() + word[1:]
    return "".join(parts)
