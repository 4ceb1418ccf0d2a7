import pytest
from geopy.exc import GeocoderQueryError
from geopy.location import Location

from geo.gazetteer import Gazetteer
from geo.resolver import shared_gazetteer
from tests.geo_fixtures.support import distance_km, geo_env, index_dir  # noqa: F401


@pytest.fixture
def gazetteer() -> Gazetteer:
    return shared_gazetteer()


def assert_near(location, lat, lon, km=25):
    assert location is not None
    assert distance_km(location.latitude, location.longitude, lat, lon) <= km, location


@pytest.mark.parametrize(
    ("query", "lat", "lon"),
    [
        ("Londres", 51.507, -0.128),
        ("Bruxelles", 50.850, 4.352),
        ("Copenhague", 55.676, 12.568),
        ("Pékin", 39.904, 116.407),
        ("Le Caire", 30.044, 31.236),
        ("Nueva York", 40.713, -74.006),
        ("München", 48.137, 11.575),
        ("Medellin", 6.244, -75.581),
        ("Bogota", 4.711, -74.072),
        ("Québec", 46.813, -71.208),
        ("Saint-Pétersbourg", 59.939, 30.316),
        ("Sao Paulo", -23.550, -46.633),
    ],
)
def test_exonyms_and_missing_accents(gazetteer, query, lat, lon):
    assert_near(gazetteer.geocode(query), lat, lon)


@pytest.mark.parametrize(
    ("query", "lat", "lon"),
    [
        ("Ville de Montréal", 45.502, -73.567),
        ("Paris (France)", 48.857, 2.352),
        ("  PARIS  ", 48.857, 2.352),
        ("Dakar, Sénégal", 14.716, -17.467),
        ("Santiago du Chili", -33.449, -70.669),
        ("Grand Casablanca", 33.573, -7.590),
        ("Métropole de Lyon", 45.764, 4.836),
        ("Casablanca (Maroc).", 33.573, -7.590),
        ("City of Cape Town", -33.925, 18.424),
        ("Washington, DC", 38.895, -77.036),
    ],
)
def test_organizer_noise_is_stripped(gazetteer, query, lat, lon):
    assert_near(gazetteer.geocode(query), lat, lon)


@pytest.mark.parametrize(
    ("query", "country", "lat", "lon"),
    [
        ("Valencia", "VE", 10.162, -68.008),
        ("Valencia", "ES", 39.470, -0.377),
        ("Córdoba", "ES", 37.888, -4.779),
        ("Córdoba", "AR", -31.417, -64.183),
        ("San José", "CR", 9.933, -84.083),
        ("Hyderabad", "PK", 25.396, 68.377),
        ("Paris", "US", 33.661, -95.556),
        ("Tripoli", "LB", 34.437, 35.850),
    ],
)
def test_country_hint_decides_between_homonyms(gazetteer, query, country, lat, lon):
    assert_near(gazetteer.geocode(query, country_codes=country), lat, lon)


@pytest.mark.parametrize(
    ("query", "lat", "lon"),
    [
        ("Paris", 48.857, 2.352),
        ("London", 51.507, -0.128),
        ("Birmingham", 52.486, -1.890),
        ("Venise", 45.441, 12.316),
        ("Porto", 41.158, -8.629),
        ("Valencia, Venezuela", 10.162, -68.008),
        ("Springfield, IL", 39.802, -89.644),
        ("St Petersburg, Russia", 59.939, 30.316),
    ],
)
def test_without_hint_the_larger_or_named_city_wins(gazetteer, query, lat, lon):
    assert_near(gazetteer.geocode(query), lat, lon)


@pytest.mark.parametrize(
    "query", ["Zorbington", "Qwertyville", "Blorpton-sur-Mer", "Xanadu City", "Fakeopolis"]
)
def test_made_up_names_are_not_found(gazetteer, query):
    assert gazetteer.geocode(query) is None
    assert gazetteer.geocode(query, exactly_one=False) is None


def test_close_unambiguous_typo_is_accepted_and_far_one_only_suggested(gazetteer):
    assert_near(gazetteer.geocode("Marakech"), 31.630, -8.008)
    assert gazetteer.geocode("Zorbington") is None
    assert gazetteer.suggestions("Zorbington")


def test_country_hint_is_a_filter(gazetteer):
    assert gazetteer.geocode("Londres", country_codes=["FR"]) is None
    assert gazetteer.geocode("Paris (France)", country_codes="US") is None


def test_geocode_is_shaped_like_geopy(gazetteer):
    location = gazetteer.geocode("Casablanca")
    assert isinstance(location, Location)
    assert location.raw["country_code"] == "MA"
    assert location.raw["provider"] == "gazetteer"
    several = gazetteer.geocode("Paris", exactly_one=False)
    assert isinstance(several, list) and len(several) > 1
    assert several[0].raw["country_code"] == "FR"


@pytest.mark.parametrize("query", ["", "   ", None])
def test_empty_query_raises_a_geopy_error(gazetteer, query):
    with pytest.raises(GeocoderQueryError):
        gazetteer.geocode(query)


def test_cocody_is_not_in_geonames_city_lists(gazetteer):
    assert gazetteer.geocode("Cocody", country_codes="CI") is None
