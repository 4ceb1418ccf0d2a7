"""Shared fixtures: a writable copy of the bundled data for tests that break it on purpose."""

import shutil
from pathlib import Path

import pytest

from ui.map_first import SHOWN_KEY

REPO = Path(__file__).resolve().parent.parent
BUNDLED_DATA = REPO / "data"
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the bundled CSV files (and geocache) that a test may edit freely."""
    folder = tmp_path / "data"
    folder.mkdir()
    for csv_file in BUNDLED_DATA.glob("*.csv"):
        shutil.copy(csv_file, folder / csv_file.name)
    return folder


@pytest.fixture(scope="session")
def bundled():
    """The bundled data set and its located cities, as the dashboard loads them."""
    from footprint.data import load_dataset
    from footprint.places import locate

    dataset = load_dataset(BUNDLED_DATA)
    return dataset, locate(dataset.cities, BUNDLED_DATA / "geocache.csv")


def shown_map(app):
    """AppTest runs no JavaScript, so the map's frame never reports its map on screen
    (ui/map_first.py): the session starts as one whose map has been shown."""
    app.session_state[SHOWN_KEY] = True
    return app
