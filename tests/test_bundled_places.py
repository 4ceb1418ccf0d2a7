"""Every city of the bundled data is placed within 25 km of where it really is."""

from math import asin, cos, radians, sin, sqrt

import pytest

# Independent reference positions (city centres), not taken from GeoNames or the cache.
WHERE_THEY_ARE = {
    ("Casablanca", "MA"): (33.573, -7.590),
    ("Barcelone", "ES"): (41.387, 2.170),
    ("Paris", "FR"): (48.857, 2.352),
    ("Berlin", "DE"): (52.520, 13.405),
    ("Amsterdam", "NL"): (52.370, 4.895),
    ("Bordeaux", "FR"): (44.838, -0.579),
    ("Londres", "GB"): (51.507, -0.128),
    ("Bruxelles", "BE"): (50.850, 4.352),
    ("Copenhague", "DK"): (55.676, 12.568),
    ("Stockholm", "SE"): (59.329, 18.069),
    ("Libreville", "GA"): (0.416, 9.467),
    ("Accra", "GH"): (5.604, -0.187),
    ("Nairobi", "KE"): (-1.286, 36.817),
    ("Cocody", "CI"): (5.360, -3.967),
    ("New York", "US"): (40.713, -74.006),
    ("Santiago du Chili", "CL"): (-33.449, -70.669),
    ("Québec", "CA"): (46.813, -71.208),
    ("Medellin", "CO"): (6.244, -75.581),
    ("Bogota", "CO"): (4.711, -74.072),
    ("Delhi", "IN"): (28.614, 77.209),
    ("Jakarta", "ID"): (-6.208, 106.846),
    ("Shanghai", "CN"): (31.230, 121.474),
}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (map(radians, a)), (map(radians, b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * asin(sqrt(h))


def test_the_reference_covers_every_bundled_city(bundled):
    _, located = bundled
    assert set(zip(located["city"], located["country"], strict=True)) == set(WHERE_THEY_ARE)


@pytest.mark.parametrize("city, country", sorted(WHERE_THEY_ARE))
def test_placed_within_25_km(bundled, city, country):
    _, located = bundled
    row = located[(located["city"] == city) & (located["country"] == country)].iloc[0]
    assert _km((row["lat"], row["lon"]), WHERE_THEY_ARE[city, country]) <= 25
