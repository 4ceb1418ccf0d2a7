import pytest

from geo.continents import M49_REGIONS, continent_of, continents_agree, normalize_continent


@pytest.mark.parametrize(
    ("iso2", "region"),
    [
        ("MA", "Africa"),
        ("CI", "Africa"),
        ("CO", "Americas"),
        ("CA", "Americas"),
        ("TR", "Asia"),
        ("CY", "Asia"),
        ("RU", "Europe"),
        ("GB", "Europe"),
        ("gr", "Europe"),
        ("AU", "Oceania"),
    ],
)
def test_countries_map_to_m49_regions(iso2, region):
    assert continent_of(iso2) == region


@pytest.mark.parametrize("iso2", [None, "", "ZZ", "AQ"])
def test_unknown_codes_have_no_continent(iso2):
    assert continent_of(iso2) is None


def test_every_iso_country_with_a_region_is_covered():
    import pycountry

    missing = [c.alpha_2 for c in pycountry.countries if continent_of(c.alpha_2) is None]
    assert set(missing) <= {"AQ", "BV", "GS", "HM"}


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Amérique", "Americas"),
        ("Amérique du Sud", "Americas"),
        ("Amérique du Nord", "Americas"),
        ("Americas", "Americas"),
        ("Afrique", "Africa"),
        ("Africa", "Africa"),
        ("Asie", "Asia"),
        ("ASIA ", "Asia"),
        ("Europe", "Europe"),
        ("Océanie", "Oceania"),
        ("Oceania", "Oceania"),
    ],
)
def test_continent_synonyms_normalise(text, region):
    assert normalize_continent(text) == region
    assert normalize_continent(text) in M49_REGIONS


@pytest.mark.parametrize("text", [None, "", "Mars", "Eurasie"])
def test_unknown_continent_text_is_none(text):
    assert normalize_continent(text) is None


def test_synonyms_agree_and_true_disagreements_are_flagged():
    assert continents_agree("Amérique", "CO")
    assert continents_agree("", "CO")
    assert not continents_agree("Europe", "TR")
