"""Every UI string exists in both languages, with the same placeholders."""

import datetime as dt
import string

import pytest

from footprint import i18n


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_each_string_in_french_and_english_with_the_same_placeholders(key):
    texts = i18n.STRINGS[key]
    assert set(texts) == set(i18n.LANGUAGES)
    fields = {
        lang: {name for _, name, _, _ in string.Formatter().parse(text) if name}
        for lang, text in texts.items()
    }
    assert fields["fr"] == fields["en"]
    assert all(text.strip() for text in texts.values())


def test_named_values_exist_in_both_languages():
    for table in (
        i18n.QUALIFIER_NAMES,
        i18n.STAGE_NAMES,
        i18n.ROLE_NAMES,
        i18n.CONTINENT_NAMES,
        i18n.METRIC_NAMES,
        i18n.PROVIDER_NAMES,
    ):
        for names in table.values():
            assert set(names) == set(i18n.LANGUAGES)


def test_figures_keep_their_qualifier():
    assert i18n.format_figure(15000, "at_least", "fr") == "≥ 15\u202f000"
    assert i18n.format_figure(15000, "at_least", "en") == "≥ 15,000"
    assert i18n.format_figure(85, "about", "en") == "≈ 85"
    assert i18n.format_figure(112, "exact", "fr") == "112"


def test_date_ranges():
    may17, may18 = dt.date(2017, 5, 17), dt.date(2017, 5, 18)
    assert i18n.format_date_range(may17, may18, "fr") == "17–18 mai 2017"
    assert i18n.format_date_range(may17, may18, "en") == "17–18 May 2017"
    assert i18n.format_date_range(dt.date(2018, 4, 30), dt.date(2018, 5, 2), "en") == (
        "30 April – 2 May 2018"
    )
    assert i18n.format_date_range(None, None, "fr") == ""


def test_country_names():
    assert i18n.country_name("GB", "fr") == "Royaume-Uni"
    assert i18n.country_name("GB", "en") == "United Kingdom"


def test_default_language_from_the_browser():
    assert i18n.default_language("en-US,en;q=0.9") == "en"
    assert i18n.default_language("de-DE,fr;q=0.8") == "fr"
    assert i18n.default_language("de-DE") == "fr"
    assert i18n.default_language(None) == "fr"
