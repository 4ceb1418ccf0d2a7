"""Every word on screen in French, English and Arabic, through one lookup, `t`.

The texts live in gettext catalogs (`footprint/locale/<lang>/LC_MESSAGES/messages.po`) that a
translator edits with the usual tools; `make setup` compiles them. A message id is a short key
(`page_map`, `metric.visitors`) and every language, English included, translates it, so changing
the English wording never orphans the other translations.

Numbers, dates, plurals, country and continent names come from CLDR through Babel: nothing
here is a hand-made locale table.
"""

from __future__ import annotations

import gettext
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_interval
from babel.numbers import format_decimal

LANGUAGES = ("fr", "en", "ar")
DEFAULT_LANGUAGE = "fr"
RIGHT_TO_LEFT = frozenset({"ar"})
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
# The CLDR locale behind each language: Moroccan Arabic (Latin digits, Moroccan month names),
# and British English for day-month-year dates.
CLDR_LOCALES = {"fr": "fr", "en": "en_GB", "ar": "ar_MA"}
# UN M49 codes of the continents the map uses, whose names CLDR knows in every language.
M49_CODES = {"Africa": "002", "Americas": "019", "Asia": "142", "Europe": "150", "Oceania": "009"}
QUALIFIER_SIGNS = {"exact": "", "about": "≈ ", "at_least": "≥ "}


class CatalogMissingError(RuntimeError):
    """The compiled catalogs are made by `make setup`; say so rather than show message ids."""


def N_(key: str) -> str:  # noqa: N802 (gettext's conventional marker name)
    """Marks a key built at run time so that `pybabel extract` still finds it."""
    return key


@cache
def _catalog(lang: str) -> gettext.GNUTranslations:
    compiled = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    source = compiled.with_suffix(".po")
    if not compiled.is_file() or compiled.stat().st_mtime < source.stat().st_mtime:
        raise CatalogMissingError(
            f"{compiled} is missing or older than {source.name}: run `make setup` "
            "(pybabel compile -d footprint/locale)"
        )
    with compiled.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def t(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, `{placeholders}` filled in; with `count`, the plural form
    the language needs (Arabic has six)."""
    catalog = _catalog(lang)
    text = key
    if "count" in values:
        text = catalog.ngettext(key, f"{key}.plural", int(values["count"]))
    if text in (key, f"{key}.plural"):
        text = catalog.gettext(key)
    return text.format(**values) if values else text


def is_rtl(lang: str) -> bool:
    return lang in RIGHT_TO_LEFT


# First-strong isolate … pop directional isolate: the plain-text form of <bdi>.
FIRST_STRONG_ISOLATE = "\u2068"
POP_ISOLATE = "\u2069"


def isolate(text: str, lang: str) -> str:
    """`text` kept in its own order inside a right-to-left sentence (a figure, a span of
    editions, a Latin name); unchanged in a left-to-right language. The app, the press kit and
    the import messages all set values into Arabic sentences this way."""
    if not is_rtl(lang) or not text:
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_ISOLATE}"


def direction(lang: str) -> str:
    """The HTML `dir` of a page in `lang`."""
    return "rtl" if is_rtl(lang) else "ltr"


class Catalogued:
    """Named values (metrics, roles…) whose names are catalog messages `prefix.value`."""

    def __init__(self, prefix: str, values: tuple[str, ...]):
        self.prefix = prefix
        self.values = values

    def name(self, value: str, lang: str) -> str:
        key = f"{self.prefix}.{value or 'none'}"
        text = t(key, lang)
        return value if text == key else text


class ContinentNames:
    """Continent names from CLDR's names of the UN M49 regions."""

    def name(self, region: str, lang: str) -> str:
        code = M49_CODES.get(region)
        return _locale(lang).territories.get(code, region) if code else region


QUALIFIER_NAMES = Catalogued(
    "qualifier", (N_("qualifier.exact"), N_("qualifier.about"), N_("qualifier.at_least"))
)
STAGE_NAMES = Catalogued("stage", (N_("stage.achieved"), N_("stage.announced")))
ROLE_NAMES = Catalogued("role", (N_("role.host"), N_("role.guest"), N_("role.delegation")))
METRIC_NAMES = Catalogued(
    "metric",
    (
        N_("metric.participants"),
        N_("metric.visitors"),
        N_("metric.speakers"),
        N_("metric.journalists"),
        N_("metric.media_outlets"),
        N_("metric.delegation_members"),
        N_("metric.cities"),
        N_("metric.continents"),
        N_("metric.exhibitors"),
        N_("metric.showcases"),
        N_("metric.startups_presenting"),
        N_("metric.startups_pitching"),
        N_("metric.award_winners"),
    ),
)
PROVIDER_NAMES = Catalogued(
    "provider",
    (
        N_("provider.manual"),
        N_("provider.gazetteer"),
        N_("provider.nominatim"),
        N_("provider.none"),
    ),
)
CONTINENT_NAMES = ContinentNames()


def name_in(table: Catalogued | ContinentNames, value: str, lang: str) -> str:
    """A named value (metric, role, continent…) in `lang`; unknown values are shown as they
    are."""
    return table.name(value, lang)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(CLDR_LOCALES[lang])


def format_number(value: int, lang: str) -> str:
    """15 000 (with CLDR's narrow no-break space) in French, 15,000 in English, 15.000 in
    Moroccan Arabic."""
    return format_decimal(value, locale=_locale(lang))


def format_figure(value: int, qualifier: str, lang: str) -> str:
    """A figure as the source states it: ≈ 85, ≥ 15 000, 112."""
    return f"{QUALIFIER_SIGNS[qualifier]}{format_number(value, lang)}"


def _is_missing(value: object) -> bool:
    return value is None or value != value  # NaT and NaN are not equal to themselves


def format_date(day: date, lang: str) -> str:
    """`27 février 2018`, `27 February 2018`, `27 فبراير 2018`."""
    return babel_format_date(day, format="long", locale=_locale(lang))


def format_date_range(start: date | None, end: date | None, lang: str) -> str:
    """`17–18 mai 2017` (CLDR's interval format); empty when no date was published."""
    if _is_missing(start):
        return ""
    end = start if _is_missing(end) else end
    start, end = _as_date(start), _as_date(end)
    if start == end:
        return format_date(start, lang)
    return format_interval(start, end, skeleton="yMMMMd", locale=_locale(lang))


def _as_date(value: date) -> date:
    """pandas Timestamps are datetimes; an interval between two days compares days."""
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def country_name(code: str, lang: str) -> str:
    """The country's name in `lang` from CLDR (Royaume-Uni, United Kingdom, المملكة المتحدة)."""
    if not code:
        return code
    return _locale(lang).territories.get(code.upper(), code)


def language_name(lang: str) -> str:
    """A language in its own words, as CLDR writes it: Français, English, العربية."""
    name = _locale(lang).get_language_name(lang)
    return name[:1].upper() + name[1:]


def default_language(accept_language: str | None) -> str:
    """The browser's first supported language, else French."""
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
