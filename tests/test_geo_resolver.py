import shutil

import pandas as pd
import pytest

import geo
from geo.cache import CacheEntry, GeoCache
from geo.resolver import Resolver
from tests.geo_fixtures.support import REPO_ROOT, geo_env, index_dir  # noqa: F401

BUNDLED_CACHE = REPO_ROOT / "data" / "geocache.csv"


def table(rows):
    return pd.DataFrame(rows, columns=["city", "country", "continent_published"])


def no_gazetteer():
    raise AssertionError("the gazetteer must not be built when everything is cached")


def test_table_gets_coordinates_continent_and_status(geo_env):  # noqa: F811
    cities = table(
        [
            ("Bogota", "CO", "Amérique"),
            ("Istanbul", "TR", "Europe"),
            ("Londres", "FR", ""),
            ("Zorbington", "", ""),
            ("Paris (France)", "", "Europe"),
        ]
    )
    seen = []
    result = geo.geocode_table(cities, progress=lambda done, total: seen.append((done, total)))
    assert list(result.columns[:3]) == ["city", "country", "continent_published"]
    assert result["status"].tolist() == [
        "resolved",
        "mismatch",
        "unresolved",
        "unresolved",
        "resolved",
    ]
    bogota = result.iloc[0]
    assert (bogota["country_code"], bogota["continent"], bogota["provider"]) == (
        "CO",
        "Americas",
        "gazetteer",
    )
    assert result.iloc[1]["continent"] == "Asia"
    assert result.iloc[2]["suggestions"]
    assert seen[-1] == (5, 5) and len(seen) == 5
    assert cities.columns.tolist() == ["city", "country", "continent_published"]
    assert (geo_env / "geocache.csv").exists()


def test_read_only_run_writes_nothing(geo_env):  # noqa: F811
    geo.geocode_table(table([("Accra", "GH", "Afrique")]), read_only=True)
    assert not (geo_env / "geocache.csv").exists()


def test_resolved_country_different_from_given_is_a_mismatch(tmp_path):
    cache = GeoCache(tmp_path / "geocache.csv")
    typo = CacheEntry("abidjan", "GA", 5.36, -4.0, "Abidjan", "CI", "manual", "2026-01-01")
    cache.store([typo])
    resolver = Resolver(cache, gazetteer_factory=no_gazetteer)
    result = geo.geocode_table(table([("Abidjan", "GA", "Afrique")]), resolver=resolver)
    assert (result.iloc[0]["status"], result.iloc[0]["country_code"]) == ("mismatch", "CI")


def test_manual_rows_come_before_the_gazetteer(tmp_path):
    cache = GeoCache(tmp_path / "geocache.csv")
    cache.store([CacheEntry("paris", "FR", 1.0, 1.0, "Paris", "FR", "manual", "2026-01-01")])
    resolution = Resolver(cache, gazetteer_factory=no_gazetteer).resolve("Paris", "FR")
    assert (resolution.lat, resolution.source) == (1.0, "manual")


def test_bundled_cache_resolves_every_city_without_the_gazetteer(geo_env):  # noqa: F811
    shutil.copy(BUNDLED_CACHE, geo_env / "geocache.csv")
    cities = pd.read_csv(REPO_ROOT / "data" / "cities.csv", dtype=str, keep_default_na=False)
    resolver = Resolver(GeoCache(geo_env / "geocache.csv"), gazetteer_factory=no_gazetteer)
    result = geo.geocode_table(cities, resolver=resolver)
    assert (result["status"] == "resolved").all()
    assert not resolver.gazetteer_loaded
    cocody = result[result["city"] == "Cocody"].iloc[0]
    assert cocody["provider"] == "manual"
    assert abs(cocody["lat"] - 5.36) < 0.1 and abs(cocody["lon"] + 3.98) < 0.1


def test_ten_thousand_cached_rows_never_open_the_gazetteer(tmp_path):
    """How fast this is, bench/geo_bench.py measures; here, that no row costs a look-up."""
    names = [f"place {number}" for number in range(2000)]
    cache = GeoCache(tmp_path / "geocache.csv")
    cache.store(
        CacheEntry(name, "FR", 45.0, 2.0, name, "FR", "gazetteer", "2026-01-01") for name in names
    )
    cities = table([(names[number % 2000], "FR", "Europe") for number in range(10_000)])
    resolver = Resolver(
        GeoCache(tmp_path / "geocache.csv"), gazetteer_factory=no_gazetteer, read_only=True
    )
    result = geo.geocode_table(cities, resolver=resolver)
    assert (result["status"] == "resolved").all()
    assert not resolver.gazetteer_loaded


def test_lookup_uses_manual_rows_then_the_gazetteer(geo_env):  # noqa: F811
    shutil.copy(BUNDLED_CACHE, geo_env / "geocache.csv")
    cocody = geo.lookup("Cocody")
    assert (cocody.provider, cocody.country_code, cocody.continent) == ("manual", "CI", "Africa")
    london = geo.lookup("Londres", "Royaume-Uni")
    assert (london.name, london.country_code, london.provider) == ("London", "GB", "gazetteer")
    assert geo.lookup("Qwertyville") is None
    assert geo.lookup("") is None
    assert not (geo_env / "geocache.csv").read_text(encoding="utf-8").count("london")


def test_lookup_rejects_an_unknown_country(geo_env):  # noqa: F811
    with pytest.raises(ValueError, match="unknown country"):
        geo.lookup("Paris", "Atlantide")


def test_importing_geo_builds_nothing(tmp_path):
    import subprocess
    import sys

    environment = {"GEO_CACHE_DIR": str(tmp_path / "index"), "PATH": "/usr/bin:/bin"}
    code = "import geo, sys; assert 'pandas' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=environment, check=True)
    assert not (tmp_path / "index").exists()


def test_cities_filed_under_morocco_in_western_sahara_are_found_not_swapped():
    """Moroccan organizers write "Dakhla, MA"; GeoNames files Dakhla under EH, and a village
    near Agadir is also called Dakhla: the hint must find the city, not the namesake."""
    from geo import lookup
    from geo.resolver import Resolution, row_status

    dakhla = lookup("Dakhla", "MA")
    assert (round(dakhla.latitude), round(dakhla.longitude)) == (24, -16)
    assert lookup("Laâyoune", "MA") is not None
    resolution = Resolution(
        query="Dakhla",
        country="MA",
        lat=dakhla.latitude,
        lon=dakhla.longitude,
        name="Dakhla",
        country_code="EH",
        provider="gazetteer",
        source="gazetteer",
    )
    assert row_status(resolution, "MA", "Afrique") == "resolved"
