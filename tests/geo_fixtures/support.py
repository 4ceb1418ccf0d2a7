"""Fixtures shared by the geo tests: every write goes to tmp_path, never to data/."""

import math
from pathlib import Path

import pytest

from geo import api, config
from geo.index import index_path

FIXTURES = Path(__file__).parent
REPO_ROOT = config.REPO_ROOT


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    radians = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * radians / 2) ** 2
        + math.cos(lat1 * radians)
        * math.cos(lat2 * radians)
        * math.sin((lon2 - lon1) * radians / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(a))


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    """Reuse an index already built in the default cache dir; otherwise build one in tmp."""
    default = index_path()
    if default.exists():
        return default.parent
    return tmp_path_factory.mktemp("geo-index")


@pytest.fixture(autouse=True)
def geo_env(tmp_path, monkeypatch, index_dir) -> Path:
    """A scratch data dir and no online access unless a test asks for it."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("FOOTPRINT_DATA_DIR", str(data))
    monkeypatch.setenv("GEO_CACHE_DIR", str(index_dir))
    for name in ("GEO_ONLINE", "GEO_NOMINATIM_DOMAIN", "GEO_NOMINATIM_SCHEME"):
        monkeypatch.delenv(name, raising=False)
    api._read_only_resolver.cache_clear()
    return data
