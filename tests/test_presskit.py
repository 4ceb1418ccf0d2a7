"""The press kit as a whole: every file, the QR code that opens the public view, safe tables
for a hostile city name, the command line and the app's download."""

import csv
import io
import stat
import zipfile
from pathlib import Path

import openpyxl
import pytest
import zxingcpp
from PIL import Image

from footprint.__main__ import main
from footprint.data import load_dataset
from footprint.export import FORMULA_TRIGGERS
from footprint.filters import Filters
from footprint.i18n import t
from footprint.places import locate
from footprint.presskit.kit import KIT_FILES, build_kit, write_folder, zip_bytes, zip_name
from footprint.qr import public_view_url, qr_matrix
from tests.presskit_data import HOSTILE, make_hostile

PUBLIC = "https://footprint.example.org/"


@pytest.fixture(scope="module")
def kit_fr(bundled):
    dataset, located = bundled
    return build_kit(dataset, located, Filters(2, (), "fr"), PUBLIC)


def test_kit_has_every_file_and_zips_them(kit_fr):
    assert tuple(kit_fr) == KIT_FILES
    assert all(kit_fr.values())
    with zipfile.ZipFile(io.BytesIO(zip_bytes(kit_fr))) as archive:
        assert archive.namelist() == list(KIT_FILES)
        assert archive.read("one-pager.pdf") == kit_fr["one-pager.pdf"]
    assert zip_name(Filters(2, ("Europe",), "ar")) == "press-kit-edition-2-Europe-ar.zip"


@pytest.mark.parametrize("name", ["map-1920x1080.png", "map-1080x1080.png"])
def test_qr_code_in_the_png_opens_the_public_view(kit_fr, name):
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(kit_fr[name])).convert("L"))
    texts = [code.text for code in decoded if code.format == zxingcpp.BarcodeFormat.QRCode]
    assert texts == [f"{PUBLIC}?edition=2&lang=fr"]


def test_qr_matrix_is_the_code_of_the_url():
    url = public_view_url(PUBLIC, 2, "ar", ("Europe", "Africa"))
    matrix = qr_matrix(url)
    size = len(matrix)
    assert size >= 21 and all(len(row) == size for row in matrix)
    picture = Image.new("L", (size + 8, size + 8), 255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                picture.putpixel((x + 4, y + 4), 0)
    decoded = zxingcpp.read_barcodes(picture.resize(((size + 8) * 6,) * 2, Image.NEAREST))
    assert [code.text for code in decoded] == [url]


def test_map_page_is_the_standalone_view(kit_fr):
    page = kit_fr["map.html"].decode("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Barcelone" in page


def _kit(folder: Path, lang: str = "fr") -> dict[str, bytes]:
    dataset = load_dataset(folder)
    located = locate(dataset.cities, folder / "geocache.csv")
    return build_kit(dataset, located, Filters(2, (), lang), PUBLIC)


def test_hostile_city_name_stays_text_in_every_table(data_copy):
    kit = _kit(make_hostile(data_copy))
    sheet = openpyxl.load_workbook(io.BytesIO(kit["cities.xlsx"])).active
    names = {row[0].value: row[0].data_type for row in sheet.iter_rows(min_row=2)}
    assert names[HOSTILE] == "s"
    for name in ("cities.xlsx", "figures.xlsx"):
        workbook = openpyxl.load_workbook(io.BytesIO(kit[name]))
        for row in workbook.active.iter_rows():
            for cell in row:
                assert cell.data_type != "f" and cell.hyperlink is None
                if isinstance(cell.value, int | float):
                    assert cell.data_type == "n"
    header, *rows = csv.reader(io.StringIO(kit["cities.csv"].decode("utf-8-sig"), newline=""))
    assert ["'" + HOSTILE] in [row[:1] for row in rows]
    assert not any(row[0].startswith(FORMULA_TRIGGERS) for row in rows)


def test_numbers_stay_numbers_in_the_tables(kit_fr):
    cities = openpyxl.load_workbook(io.BytesIO(kit_fr["cities.xlsx"])).active
    header = [cell.value for cell in cities[1]]
    first = cities[2]
    for column in (t("latitude", "fr"), t("longitude", "fr"), t("first_edition", "fr")):
        cell = first[header.index(column)]
        assert cell.data_type == "n" and isinstance(cell.value, int | float)
    figures = openpyxl.load_workbook(io.BytesIO(kit_fr["figures.xlsx"])).active
    header = [cell.value for cell in figures[1]]
    number, stated = header.index(t("presskit.figure_number", "fr")), header.index(t("value", "fr"))
    values = [row[number].value for row in figures.iter_rows(min_row=2)]
    stated = [row[stated].value for row in figures.iter_rows(min_row=2)]
    assert 15000 in values and "≥ 15\u202f000" in stated


def test_kit_in_arabic_builds_every_file(bundled):
    dataset, located = bundled
    kit = build_kit(dataset, located, Filters(2, (), "ar"), PUBLIC)
    assert tuple(kit) == KIT_FILES
    sheet = openpyxl.load_workbook(io.BytesIO(kit["figures.xlsx"])).active
    assert sheet.title == "الأرقام"


def test_command_writes_the_kit_unzipped(tmp_path, capsys):
    out = tmp_path / "kit"
    out.mkdir()
    kept = out / "cities.csv"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    code = main(
        [
            "press-kit",
            "--edition",
            "2",
            "--lang",
            "en",
            "--continent",
            "Europe",
            "--out",
            str(out),
            "--public-url",
            PUBLIC,
        ]
    )
    assert code == 0
    assert sorted(path.name for path in out.iterdir()) == sorted(KIT_FILES)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640  # rewritten, permissions kept
    assert kept.read_text(encoding="utf-8-sig").startswith("City,")
    printed = capsys.readouterr().out.split()
    assert printed == [str(out / name) for name in KIT_FILES]
    picture = Image.open(out / "map-1920x1080.png")
    (code,) = zxingcpp.read_barcodes(picture.convert("L"))
    assert code.text == f"{PUBLIC}?edition=2&lang=en&continent=Europe"


def test_command_refuses_an_unknown_edition(tmp_path, capsys):
    assert main(["press-kit", "--edition", "9", "--out", str(tmp_path / "kit")]) == 2
    assert "--edition 9" in capsys.readouterr().err
    assert not (tmp_path / "kit").exists()


def test_command_names_the_bad_line_of_broken_data(data_copy, tmp_path, capsys):
    cities = data_copy / "cities.csv"
    cities.write_text(
        cities.read_text(encoding="utf-8") + "2,Nowhere,ZZZ,delegation,,x,\n", encoding="utf-8"
    )
    code = main(["press-kit", "--data", str(data_copy), "--out", str(tmp_path / "kit")])
    assert code == 1
    assert "cities.csv:" in capsys.readouterr().err
    assert not (tmp_path / "kit").exists()


def test_command_names_the_bad_line_of_a_broken_geocache(data_copy, tmp_path, capsys):
    cache = data_copy / "geocache.csv"
    cache.write_text(cache.read_text(encoding="utf-8") + "paris,FR,north,2.3,Paris,FR,manual,,\n")
    code = main(["press-kit", "--data", str(data_copy), "--out", str(tmp_path / "kit")])
    assert code == 1
    assert f"{cache}:" in capsys.readouterr().err
    assert not (tmp_path / "kit").exists()


def test_command_says_when_the_folder_cannot_be_made(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = main(["press-kit", "--out", str(blocker / "kit"), "--public-url", PUBLIC])
    assert code == 1
    assert str(blocker / "kit") in capsys.readouterr().err


def test_writing_the_folder_is_atomic_per_file(tmp_path):
    written = write_folder({"a.txt": b"one", "b.txt": b"two"}, tmp_path / "new")
    assert [path.read_bytes() for path in written] == [b"one", b"two"]
    assert sorted(path.name for path in (tmp_path / "new").iterdir()) == ["a.txt", "b.txt"]
