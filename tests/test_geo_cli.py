import os
import shutil
import subprocess
import sys

from tests.geo_fixtures.support import REPO_ROOT, geo_env, index_dir  # noqa: F401


def run_geo(*arguments, env_overrides=None):
    environment = {**os.environ, **(env_overrides or {})}
    return subprocess.run(
        [sys.executable, "-m", "geo", *arguments],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=environment,
        timeout=300,
        check=False,
    )


def test_lookup_prints_one_line():
    run = run_geo("lookup", "Santiago du Chili", "--country", "CL")
    assert run.returncode == 0, run.stderr
    lat, lon, iso2, continent, name, provider = run.stdout.strip().split(",")
    assert (iso2, continent, name, provider) == ("CL", "Americas", "Santiago", "gazetteer")
    assert abs(float(lat) + 33.45) < 0.2 and abs(float(lon) + 70.66) < 0.2


def test_unresolved_lookup_exits_1_with_suggestions():
    run = run_geo("lookup", "Zorbington")
    assert run.returncode == 1 and run.stdout == ""
    assert "unresolved" in run.stderr and "did you mean" in run.stderr


def test_geocode_french_excel_csv_lists_unresolved_rows(geo_env):  # noqa: F811
    cities = geo_env / "villes.csv"
    cities.write_bytes(
        "\ufeffedition;city;country;role;continent_published\r\n"
        "2;Londres;GB;delegation;Europe\r\n"
        "2;Istanbul;TR;delegation;Europe\r\n"
        "2;Blorpton-sur-Mer;;delegation;\r\n".encode()
    )
    run = run_geo("geocode", str(cities))
    assert run.returncode == 1
    assert "gazetteer: 2" in run.stdout and "unresolved: 1" in run.stdout
    assert "mismatched: 1" in run.stdout
    assert f"{cities}:4: Blorpton-sur-Mer" in run.stdout
    assert f"{cities}:3: Istanbul (TR): mismatch" in run.stdout
    assert "geocoding [" in run.stderr
    assert "londres,GB" in (geo_env / "geocache.csv").read_text(encoding="utf-8")


def test_second_run_with_bundled_cache_never_opens_the_gazetteer(geo_env, tmp_path):  # noqa: F811
    shutil.copy(REPO_ROOT / "data" / "geocache.csv", geo_env / "geocache.csv")
    empty_index_dir = tmp_path / "no-index"
    run = run_geo(
        "geocode",
        str(REPO_ROOT / "data" / "cities.csv"),
        env_overrides={"GEO_CACHE_DIR": str(empty_index_dir)},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "gazetteer: 0" in run.stdout and "online: 0" in run.stdout
    assert "unresolved: 0" in run.stdout and "manual: 1" in run.stdout
    assert not empty_index_dir.exists()
