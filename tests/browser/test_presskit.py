"""The press kit's button in a real server: one click downloads the view's kit as a ZIP whose
QR code opens the same view at the server's own address, and nothing leaves the machine."""

from __future__ import annotations

import io
import zipfile

import pytest
import zxingcpp
from PIL import Image

from footprint.i18n import t
from footprint.presskit.kit import KIT_FILES
from tests.browser.navigation import open_app

pytestmark = pytest.mark.browser


def test_one_click_downloads_the_kit_of_the_view(app_server, watch, tmp_path):
    page = watch.page
    open_app(page, app_server, "/?edition=2&continent=Europe&lang=fr")
    button = page.get_by_role("button", name=t("presskit.download", "fr"), exact=True)
    with page.expect_download(timeout=90_000) as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename == "press-kit-edition-2-Europe-fr.zip"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        assert archive.namelist() == list(KIT_FILES)
        picture = Image.open(io.BytesIO(archive.read("map-1080x1080.png"))).convert("L")
    (code,) = zxingcpp.read_barcodes(picture)
    assert code.text.endswith("/?edition=2&lang=fr&continent=Europe")
    assert code.text.startswith(("http://127.0.0.1:", "http://localhost:"))
    watch.assert_clean()
