import multiprocessing
import os

import pytest

from geo.cache import COLUMNS, CacheEntry, CacheFormatError, GeoCache

HEADER = ",".join(COLUMNS) + "\n"


def entry(query, country="", lat=1.0, lon=2.0, provider="gazetteer", name=None):
    return CacheEntry(
        query, country, lat, lon, name or query.title(), country or "FR", provider, "2026-01-01"
    )


def test_round_trip_and_lookup(tmp_path):
    path = tmp_path / "geocache.csv"
    GeoCache(path).store([entry("paris", "FR", 48.85341, 2.3488)])
    reread = GeoCache(path)
    found = reread.find("  PARIS ", "fr")
    assert (found.lat, found.lon, found.provider) == (48.85341, 2.3488, "gazetteer")
    assert reread.find("Paris") is not None
    assert reread.find("Paris", "US") is None


def test_missing_file_is_an_empty_cache(tmp_path):
    assert len(GeoCache(tmp_path / "nothing.csv")) == 0


def test_manual_rows_win_and_are_never_overwritten(tmp_path):
    path = tmp_path / "geocache.csv"
    cache = GeoCache(path)
    cache.store([entry("cocody", "CI", 5.36, -3.98, provider="manual")])
    cache.store([entry("cocody", "CI", 9.0, 9.0, provider="gazetteer")])
    cache.store([entry("cocody", "", 7.0, 7.0, provider="nominatim")])
    reread = GeoCache(path)
    assert reread.find("Cocody", "CI").provider == "manual"
    assert reread.find("Cocody").provider == "manual"
    assert reread.find("cocody", "CI").lat == 5.36


def test_write_is_atomic_when_rename_fails(tmp_path, monkeypatch):
    path = tmp_path / "geocache.csv"
    GeoCache(path).store([entry("paris", "FR")])
    before = path.read_bytes()

    def broken_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        GeoCache(path).store([entry("lyon", "FR")])
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [
        "geocache.csv"
    ]


def _write_rows(path: str, writer: int, count: int) -> None:
    cache = GeoCache(path)
    for number in range(count):
        cache.store([entry(f"city {writer} {number}", "FR", writer, number)])


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "geocache.csv"
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write_rows, args=(str(path), w, 15)) for w in range(3)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert len(GeoCache(path)) == 45


@pytest.mark.parametrize(
    ("row", "line", "column", "message"),
    [
        ("paris,FR,abc,2.3,Paris,FR,gazetteer,2026-01-01,\n", 3, 3, "lat"),
        ("paris,FR,48.8,200,Paris,FR,gazetteer,2026-01-01,\n", 3, 4, "lon"),
        ("paris,FR,48.8,2.3,Paris,FR,robot,2026-01-01,\n", 3, 7, "provider"),
        ("paris,FR,48.8,2.3,Paris,FRA,gazetteer,2026-01-01,\n", 3, 6, "country_code"),
        ("paris,FR,48.8,2.3,Paris,FR,gazetteer,yesterday,\n", 3, 8, "updated"),
        ("paris,FR,48.8,2.3\n", 3, 5, "missing value"),
        ('paris,FR,48.8,2.3,"Paris,FR,gazetteer,2026-01-01,\n', 3, 1, "malformed"),
        ("lyon,FR,45.7,4.8,Lyon,FR,gazetteer,2026-01-01,\n", 3, 1, "duplicate"),
    ],
)
def test_broken_file_names_file_line_and_column(tmp_path, row, line, column, message):
    path = tmp_path / "geocache.csv"
    text = HEADER + "lyon,FR,45.7,4.8,Lyon,FR,gazetteer,2026-01-01,\n" + row
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CacheFormatError, match=message) as raised:
        GeoCache(path)
    assert str(raised.value).startswith(f"{path}:{raised.value.line}:{raised.value.column}:")
    assert (raised.value.line, raised.value.column) == (line, column)


def test_broken_header_is_reported(tmp_path):
    path = tmp_path / "geocache.csv"
    path.write_text("query,lat\nparis,48\n", encoding="utf-8")
    with pytest.raises(CacheFormatError, match=r"geocache.csv:1:3: missing column 'country'"):
        GeoCache(path)


def test_broken_file_is_never_emptied_by_a_write(tmp_path):
    path = tmp_path / "geocache.csv"
    text = HEADER + "paris,FR,oops,2.3,Paris,FR,gazetteer,2026-01-01,\n"
    path.write_text(text, encoding="utf-8")
    cache = GeoCache.__new__(GeoCache)
    cache.path = path
    with pytest.raises(CacheFormatError):
        cache.store([entry("lyon", "FR")])
    assert path.read_text(encoding="utf-8") == text


def test_file_saved_by_french_excel_is_read(tmp_path):
    path = tmp_path / "geocache.csv"
    text = HEADER.replace(",", ";") + "Cocody;CI;5,36;-3,98;Cocody;CI;manual;2026-01-01;\n"
    path.write_bytes(
        b"\xef\xbb\xbf" + text.replace("5,36", "5.36").replace("-3,98", "-3.98").encode()
    )
    assert GeoCache(path).find("cocody", "CI").lat == 5.36


def test_person_written_note_and_capitals_are_kept(tmp_path):
    path = tmp_path / "geocache.csv"
    path.write_text(
        HEADER + "Cocody,ci,5.36,-3.98,Cocody,CI,Manual,2026-01-01,commune of Abidjan\n",
        encoding="utf-8",
    )
    cache = GeoCache(path)
    cache.store([entry("paris", "FR")])
    kept = GeoCache(path).find("cocody", "CI")
    assert (kept.provider, kept.note) == ("manual", "commune of Abidjan")
