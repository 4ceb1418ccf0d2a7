"""The press kit's download button on the map page: there for every visitor, in the page's
language, built only on a click and from reading the data, never writing it."""

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest, app_test

from footprint.filters import Filters
from footprint.i18n import t
from footprint.presskit.kit import KIT_FILES
from tests.conftest import shown_map
from tests.presskit_data import HOSTILE, make_hostile
from tests.test_app import _RunningServerPagesManager
from ui.press_kit import kit_zip

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _as_a_running_server(monkeypatch):
    monkeypatch.setattr(app_test, "PagesManager", _RunningServerPagesManager)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_map_page_offers_the_kit_of_the_view_without_building_it(lang):
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    shown_map(app)
    app.query_params["edition"] = "2"
    app.query_params["lang"] = lang
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    (button,) = [b for b in app.get("download_button") if b.proto.id.endswith("press_kit")]
    assert button.proto.label == t("presskit.download", lang)
    assert button.proto.deferred_file_id  # built on the click, not on every rerun
    assert not button.proto.url


def test_download_reads_the_data_and_never_writes_it(data_copy):
    make_hostile(data_copy)
    before = {
        path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in data_copy.iterdir()
    }
    archive = zipfile.ZipFile(
        io.BytesIO(kit_zip(data_copy, Filters(2, (), "fr"), "https://x.example/"))
    )
    assert archive.namelist() == list(KIT_FILES)
    after = {
        path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in data_copy.iterdir()
    }
    assert after == before
    cities = openpyxl.load_workbook(io.BytesIO(archive.read("cities.xlsx"))).active
    assert (HOSTILE, "s") in [(row[0].value, row[0].data_type) for row in cities.iter_rows()]
    for name in ("cities.xlsx", "figures.xlsx"):
        for row in openpyxl.load_workbook(io.BytesIO(archive.read(name))).active.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
