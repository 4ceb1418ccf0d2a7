"""URL parameters → filters: links reproduce a view, nonsense is dropped and named."""

from footprint.filters import Filters, parse_filters

EDITIONS = [1, 2, 3, 7]


def test_valid_parameters():
    parsed = parse_filters(
        {"edition": ["2"], "continent": ["Europe"], "lang": ["en"]}, EDITIONS, "fr"
    )
    assert parsed.filters == Filters(edition=2, continents=("Europe",), lang="en")
    assert parsed.ignored == ()


def test_defaults_every_edition_and_continent_in_the_default_language():
    parsed = parse_filters({}, EDITIONS, "en")
    assert parsed.filters == Filters(edition=None, continents=(), lang="en")


def test_continents_comma_separated_repeated_french_and_any_case():
    parsed = parse_filters(
        {"continent": ["asie,EUROPE", "Amérique du Sud", "Europe"]}, EDITIONS, "fr"
    )
    assert parsed.filters.continents == ("Americas", "Asia", "Europe")


def test_nonsense_is_ignored_and_reported():
    parsed = parse_filters(
        {"edition": ["9"], "continent": ["Atlantis", "Africa"], "lang": ["de"]}, EDITIONS, "fr"
    )
    assert parsed.filters == Filters(edition=None, continents=("Africa",), lang="fr")
    assert parsed.ignored == (("edition", "9"), ("continent", "Atlantis"), ("lang", "de"))


def test_edition_all_is_not_reported():
    assert parse_filters({"edition": ["all"]}, EDITIONS, "fr").ignored == ()


def test_round_trip_through_query_params():
    filters = Filters(edition=3, continents=("Asia", "Europe"), lang="en")
    params = filters.to_query_params()
    assert params == {"edition": "3", "lang": "en", "continent": "Asia,Europe"}
    assert parse_filters(params, EDITIONS, "fr").filters == filters
