"""Turn what organizers type into the name to look up and the hints it carries.

"Ville de Montréal", "Paris (France)", "Dakar, Sénégal", "Santiago du Chili", "Washington, DC":
the name, plus a country or US-state hint, plus fallbacks without the organizer noise.
"""

import re
from dataclasses import dataclass

from geo.countries import country_code, us_state_code
from geo.normalize import fold

_PARENTHESES = re.compile(r"\(([^)]*)\)")
_SEPARATORS = re.compile(r"\s*[,;/|]\s*|\s+[-–—]\s+")

# Folded words organizers put around a city's name; removed only when the full text is unknown.
_NOISE_PREFIXES = (
    "la ville de",
    "ville de",
    "ville d",
    "the city of",
    "city of",
    "town of",
    "commune urbaine de",
    "commune de",
    "commune d",
    "municipalite de",
    "municipalite d",
    "municipality of",
    "municipio de",
    "municipio",
    "ciudad de",
    "cidade de",
    "citta di",
    "comune di",
    "stadt",
    "mairie de",
    "mairie d",
    "metropole europeenne de",
    "metropole du grand",
    "metropole de",
    "metropole d",
    "metropole",
    "eurometropole de",
    "metropolitan city of",
    "agglomeration de",
    "communaute urbaine de",
    "region de",
    "wilaya de",
    "prefecture de",
    "province de",
    "gouvernorat de",
    "governorate of",
    "district de",
    "greater",
    "grand",
)
_NOISE_SUFFIXES = (
    "city council",
    "city hall",
    "metropolitan area",
    "municipality",
    "municipalite",
    "metropolis",
    "metropole",
    "city",
    "ville",
)
_COUNTRY_LINKS = ("du", "de", "d", "en", "au", "aux", "in")


@dataclass(frozen=True)
class Hint:
    """Where the place must be: a set of ISO2 codes and, for the US, a state code."""

    countries: frozenset[str] | None = None
    admin1: str | None = None


@dataclass(frozen=True)
class ParsedQuery:
    """Names to try in order, each with its hints and whether only major cities may match.

    Text stripped of noise is a guess: "Gotham City" must not become the village of Gotham.
    """

    attempts: tuple[tuple[str, Hint, bool], ...]
    core_name: str


def _hints_from_parts(parts: list[str]) -> list[Hint]:
    """Read trailing parts as a country or a US state; a 2-letter code may be either."""
    options: list[Hint] = []
    for part in parts:
        code = country_code(part)
        state = us_state_code(part)
        if code:
            options.append(Hint(frozenset({code})))
        if state:
            options.append(Hint(frozenset({"US"}), state))
    return options


def _restrict(hint: Hint, allowed: frozenset[str] | None) -> Hint | None:
    """Combine a hint read from the text with the caller's country filter; None if they clash."""
    if allowed is None:
        return hint
    if hint.countries is None:
        return Hint(allowed, hint.admin1)
    common = hint.countries & allowed
    return Hint(common, hint.admin1) if common else None


def _strip_noise(name: str) -> list[str]:
    """Variants of a folded name without the organizer words around it, most specific first."""
    variants = []
    stripped = name
    for prefix in _NOISE_PREFIXES:
        if stripped.startswith(prefix + " "):
            stripped = stripped[len(prefix) + 1 :]
            variants.append(stripped)
            break
    for suffix in _NOISE_SUFFIXES:
        if stripped.endswith(" " + suffix):
            variants.append(stripped[: -len(suffix) - 1])
            break
    return [variant for variant in variants if variant]


def _trailing_country(name: str) -> list[tuple[str, str]]:
    """Split "santiago du chili" or "dakar senegal" into the name and a country code."""
    words = name.split()
    splits = []
    for cut in range(len(words) - 1, 0, -1):
        code = country_code(" ".join(words[cut:]))
        if not code:
            continue
        head = words[:cut]
        if len(head) > 1 and head[-1] in _COUNTRY_LINKS:
            head = head[:-1]
        splits.append((" ".join(head), code))
    return splits


def parse_query(text: str, country_codes: frozenset[str] | None = None) -> ParsedQuery:
    """All the readings of a query, from the literal text to the text stripped of noise."""
    inside_parentheses = _PARENTHESES.findall(text)
    outside = _PARENTHESES.sub(" ", text)
    parts = [part for part in _SEPARATORS.split(outside) if part.strip()]
    whole = fold(outside)
    head = fold(parts[0]) if len(parts) > 1 else whole
    hint_texts = [*parts[1:], *inside_parentheses]
    hints = _hints_from_parts(hint_texts) or [Hint()]
    attempts: list[tuple[str, Hint, bool]] = []

    def add(name: str, hint: Hint, guessed: bool = False) -> None:
        restricted = _restrict(hint, country_codes)
        if restricted is None or not name:
            return
        attempt = (name, restricted, guessed and restricted.countries is None)
        if attempt[:2] not in [known[:2] for known in attempts]:
            attempts.append(attempt)

    add(whole, Hint(None) if not inside_parentheses else hints[0])
    for hint in hints:
        add(head, hint)
    noise_free = _strip_noise(head)
    for variant in noise_free:
        for hint in hints:
            add(variant, hint, guessed=True)
    core = noise_free[-1] if noise_free else head
    if not hint_texts:
        for name, code in _trailing_country(core):
            add(name, Hint(frozenset({code})))
    return ParsedQuery(tuple(attempts), core)
