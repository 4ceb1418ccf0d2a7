"""Every UI string exists in French, English and Arabic; Babel formats what CLDR knows."""

import datetime as dt
import io
import string
import subprocess
import sys

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from footprint import i18n
from tests.conftest import REPO


def _catalog(lang):
    path = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=i18n.CLDR_LOCALES[lang])


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _messages(catalog):
    """Key → message; a plural message's key is its singular id."""
    return {
        message.id[0] if message.pluralizable else message.id: message
        for message in catalog
        if message.id
    }


def test_every_language_has_every_message_translated_with_the_same_placeholders():
    english = _messages(_catalog("en"))
    assert len(english) > 100
    for lang in i18n.LANGUAGES:
        messages = _messages(_catalog(lang))
        assert set(messages) == set(english), f"{lang}: messages differ from English"
        for key, message in messages.items():
            assert not message.fuzzy, f"{lang}: {key} is fuzzy"
            texts = message.string if message.pluralizable else (message.string,)
            assert all(text.strip() for text in texts), f"{lang}: {key} is not translated"
            english_text = english[key].string
            english_text = english_text[-1] if english[key].pluralizable else english_text
            assert _fields(texts[-1]) == _fields(english_text), f"{lang}: {key} placeholders"


def test_arabic_plurals_have_the_six_forms_cldr_asks_for():
    plural = _messages(_catalog("ar"))["cities_shown"]
    assert len(plural.string) == 6
    assert i18n.t("cities_shown", "ar", count=2) == "مدينتان"
    assert i18n.t("cities_shown", "ar", count=5) == "5 مدن"
    assert i18n.t("cities_shown", "fr", count=1) == "1 ville"
    assert i18n.t("cities_shown", "en", count=21) == "21 cities"


def test_every_key_the_code_uses_is_in_the_catalogs(tmp_path):
    """pybabel extract over the sources finds no key that a catalog lacks."""
    template = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "t", "-k", "N_", "--no-location", "-o", str(template),
         "app.py", "pages", "ui", "footprint"],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    with template.open("rb") as handle:
        used = {message.id for message in read_po(handle) if message.id}
    used = {key if isinstance(key, str) else key[0] for key in used}
    known = set(_messages(_catalog("en")))
    assert used - known == set()


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_catalogs_compile(lang):
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(lang))
    assert len(compiled.getvalue()) > 1000


def test_figures_keep_their_qualifier_in_every_language():
    assert i18n.format_figure(15000, "at_least", "fr") == "≥ 15\u202f000"
    assert i18n.format_figure(15000, "at_least", "en") == "≥ 15,000"
    assert i18n.format_figure(15000, "at_least", "ar") == "≥ 15.000"
    assert i18n.format_figure(85, "about", "en") == "≈ 85"
    assert i18n.format_figure(112, "exact", "fr") == "112"


def test_date_ranges_from_cldr_intervals():
    may17, may18 = dt.date(2017, 5, 17), dt.date(2017, 5, 18)
    assert i18n.format_date_range(may17, may18, "fr") == "17–18 mai 2017"
    assert i18n.format_date_range(may17, may18, "en") == "17–18 May 2017"
    assert "ماي" in i18n.format_date_range(may17, may18, "ar")  # Moroccan: ماي, not مايو
    across_months = i18n.format_date_range(dt.date(2018, 4, 30), dt.date(2018, 5, 2), "en")
    assert across_months == "30 Apr\u2009–\u20092 May 2018"
    assert i18n.format_date_range(None, None, "fr") == ""


def test_moroccan_arabic_month_names():
    assert "غشت" in i18n.format_date(dt.date(2023, 8, 1), "ar")
    assert "يونيو" in i18n.format_date(dt.date(2023, 6, 7), "ar")


def test_country_and_continent_names_from_cldr():
    assert i18n.country_name("GB", "fr") == "Royaume-Uni"
    assert i18n.country_name("GB", "en") == "United Kingdom"
    assert i18n.country_name("MA", "ar") == "المغرب"
    assert i18n.name_in(i18n.CONTINENT_NAMES, "Americas", "fr") == "Amériques"
    assert i18n.name_in(i18n.CONTINENT_NAMES, "Africa", "ar") == "أفريقيا"


def test_default_language_from_the_browser():
    assert i18n.default_language("en-US,en;q=0.9") == "en"
    assert i18n.default_language("ar-MA,ar;q=0.9") == "ar"
    assert i18n.default_language("de-DE,fr;q=0.8") == "fr"
    assert i18n.default_language("de-DE") == "fr"
    assert i18n.default_language(None) == "fr"


def test_direction():
    assert i18n.direction("ar") == "rtl"
    assert i18n.direction("fr") == "ltr"
