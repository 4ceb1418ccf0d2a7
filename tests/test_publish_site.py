"""The static public site: every page in every language, sources traceable to their files,
escaped data, and a publish that either replaces the whole site or leaves it untouched."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import html
import io
import os
import re
import stat
import threading
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from footprint.__main__ import main
from footprint.data import DataError, load_dataset
from footprint.filters import Filters
from footprint.i18n import LANGUAGES, format_number, t
from footprint.places import locate
from footprint.snapshot import document_names, take_snapshot
from footprint.standalone.fonts import arabic_characters
from footprint.static_site import swap
from footprint.static_site.publish import SITE_DIR_ENV, publish_site, refresh_site
from footprint.static_site.swap import SITE_MARKER, SiteFolderError
from tests.browser.xss_data import XSS_CITY, make_xss_data_folder

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data"
TODAY = dt.date(2026, 11, 23)
PAGES = ("figures.html", "sources.html")
INLINE_ARABIC_FONT = re.compile(
    r'"Noto Sans Arabic".*?url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)'
)
INJECTED_QUOTE = '<script>alert("quote")</script>'


def _snapshot(folder: Path, lang: str, edition: int | None = None):
    dataset = load_dataset(folder)
    located = locate(dataset.cities, folder / "geocache.csv")
    return take_snapshot(dataset, located, Filters(edition, (), lang), today=TODAY)


def _edit_csv(path: Path, edit) -> None:
    """Rewrite a data file through the csv module, whatever its columns: `edit(rows)` changes
    the list of row dicts in place."""
    with path.open(encoding="utf-8-sig", newline="") as source:
        reader = csv.DictReader(source)
        header, rows = reader.fieldnames, list(reader)
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=header, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _leftovers(folder: Path) -> list[str]:
    """Staged or retired site folders left beside the site (the lock file may stay)."""
    return sorted(p.name for p in folder.iterdir() if ".new-" in p.name or ".old-" in p.name)


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site published from the bundled data."""
    out = tmp_path_factory.mktemp("published") / "site"
    publish_site(BUNDLED, out, today=TODAY)
    return out


def test_every_page_exists_in_every_language_with_its_direction(site):
    assert (site / "index.html").is_file()
    assert (site / "assets" / "site.css").is_file()
    for lang in LANGUAGES:
        for page in PAGES:
            text = (site / lang / page).read_text(encoding="utf-8")
            direction = "rtl" if lang == "ar" else "ltr"
            assert f'<html lang="{lang}" dir="{direction}">' in text, f"{lang}/{page}"


def test_the_site_holds_its_pages_and_nothing_from_the_data_folder(tmp_path, data_copy):
    """A public folder: no CSV, cache or secret an organizer keeps beside the data."""
    (data_copy / "organizers.toml").write_text('password_hash = "$argon2id$secret"\n')
    out = tmp_path / "site"
    site = publish_site(data_copy, out, today=TODAY)
    pages = {f"{lang}/{page}" for lang in LANGUAGES for page in PAGES}
    expected = {"index.html", "assets/site.css", *pages}
    assert set(site.files) == expected
    found = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert found == {*expected, SITE_MARKER}
    for path in out.rglob("*"):
        if path.is_file():
            assert "argon2id" not in path.read_text(encoding="utf-8"), path


def test_every_page_carries_the_arabic_font_it_needs(site):
    """No font to fetch: each page holding Arabic carries Noto Sans Arabic inline, with a
    glyph for every Arabic character of that page."""
    if not any((BUNDLED / "fonts").glob("*.ttf")):
        pytest.skip("no font vendored in data/fonts yet")
    for path in _html_files(site):
        text = path.read_text(encoding="utf-8")
        shown = arabic_characters(html.unescape(text))
        assert shown, f"{path.relative_to(site)} names the Arabic version at least"
        fonts = INLINE_ARABIC_FONT.findall(text)
        assert fonts, f"{path.relative_to(site)} carries no Arabic font"
        for font in fonts:
            covered = TTFont(io.BytesIO(base64.b64decode(font))).getBestCmap()
            assert [c for c in shown if ord(c) not in covered] == [], path.relative_to(site)


def test_every_page_carries_the_source_line_and_the_date_made(site):
    """The map carries each view's own line; the figures and sources pages, which speak of
    every list and figure, name every document the data cites."""
    dataset = load_dataset(BUNDLED)
    index = html.unescape((site / "index.html").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        overview = _snapshot(BUNDLED, lang)
        assert overview.made_on_line in index and overview.source_line in index, lang
        for page in PAGES:
            text = html.unescape((site / lang / page).read_text(encoding="utf-8"))
            footer = text[text.index('<footer class="fp-site-footer">') :]
            assert overview.made_on_line in footer, f"{lang}/{page}"
            assert t("source_line", lang, sources="").strip() in footer, f"{lang}/{page}"
            cited = {*dataset.cities["source"], *dataset.figures["source"]}
            for name in document_names(dataset, sorted(cited), lang):
                assert name in footer, f"{lang}/{page}: {name}"


def test_nothing_is_loaded_from_another_host(site):
    """No CDN: every script, image, stylesheet and CSS url() is the site's own (a plain link
    to another site, such as Leaflet's credit, loads nothing)."""
    outside = re.compile(
        r"""\bsrc\s*=\s*["']?\s*(?:https?:)?//"""
        r"""|<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//"""
        r"""|url\(\s*["']?\s*(?:https?:)?//|@import"""
    )
    for path in [*_html_files(site), *site.rglob("*.css")]:
        found = outside.findall(path.read_text(encoding="utf-8"))
        assert found == [], f"{path.relative_to(site)} loads from another host: {found}"


def test_sources_page_traces_every_figure_to_its_quote_and_file(site):
    dataset = load_dataset(BUNDLED)
    for lang in LANGUAGES:
        text = html.unescape((site / lang / "sources.html").read_text(encoding="utf-8"))
        for row in dataset.figures.to_dict("records"):
            assert row["quote"] in text, f"{lang}: quote missing: {row['quote']}"
            assert row["source"] in text
        for row in dataset.sources.to_dict("records"):
            assert (row.get(f"title_{lang}") or row["title_fr"]) in text, f"{lang}: {row}"
        assert t("page_sources", lang) in text


def test_figures_page_gives_each_edition_its_figures_or_says_no_list(site):
    editions = sorted(load_dataset(BUNDLED).editions["edition"].unique().tolist())
    for lang in LANGUAGES:
        text = (site / lang / "figures.html").read_text(encoding="utf-8")
        sections = dict(
            re.findall(
                r'<section class="fp-edition" id="edition-(\d+)">(.*?)</section>', text, flags=re.S
            )
        )
        assert sorted(map(int, sections)) == editions
        for edition in editions:
            snapshot = _snapshot(BUNDLED, lang, edition)
            section = html.unescape(sections[str(edition)])
            assert snapshot.edition_label in section
            for headline in snapshot.headlines:
                assert headline.value in section, f"{lang} edition {edition}: {headline}"
            if snapshot.counts is None:
                assert t("site.no_list", lang) in section, f"{lang} edition {edition}"
            else:
                assert t("site.no_list", lang) not in section
                cities = format_number(snapshot.counts.cities, lang)
                assert f"<dd>{cities}</dd>" in sections[str(edition)]
            assert f"index.html?edition={edition}&lang={lang}" in section


def test_text_from_data_is_escaped_everywhere(tmp_path):
    data = make_xss_data_folder(tmp_path / "data")
    _edit_csv(data / "figures.csv", lambda rows: rows[0].update(quote=INJECTED_QUOTE))
    out = tmp_path / "site"
    publish_site(data, out, today=TODAY)
    for path in _html_files(out):
        text = path.read_text(encoding="utf-8")
        assert XSS_CITY not in text, f"{path.relative_to(out)} holds the raw injected name"
        assert "<script>alert" not in text, f"{path.relative_to(out)} holds the raw quote"
    sources = (out / "en" / "sources.html").read_text(encoding="utf-8")
    assert INJECTED_QUOTE in html.unescape(sources), "the quote is shown, as text"


def test_publishing_again_replaces_the_whole_site_and_keeps_its_mode(tmp_path):
    out = tmp_path / "site"
    publish_site(BUNDLED, out, today=TODAY)
    (out / "stale.html").write_text("from an older publish")
    out.chmod(0o750)
    publish_site(BUNDLED, out, today=TODAY)
    assert not (out / "stale.html").exists()
    assert (out / "index.html").is_file() and (out / SITE_MARKER).is_file()
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert _leftovers(tmp_path) == [], "a staged folder was left"


def test_a_new_site_folder_is_readable_by_a_web_server(site):
    """Not the 0700 of a temporary folder: what the umask gives any new folder."""
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(site.stat().st_mode) == 0o777 & ~umask


def test_the_swap_works_without_an_atomic_exchange(tmp_path, monkeypatch):
    monkeypatch.setattr(swap, "_exchange", lambda first, second: False)
    out = tmp_path / "site"
    publish_site(BUNDLED, out, today=TODAY)
    (out / "stale.html").write_text("old")
    publish_site(BUNDLED, out, today=TODAY)
    assert not (out / "stale.html").exists() and (out / "index.html").is_file()
    assert _leftovers(tmp_path) == []


def test_bad_data_leaves_the_published_site_untouched(tmp_path, data_copy):
    out = tmp_path / "site"
    publish_site(BUNDLED, out, today=TODAY)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad_city = {"edition": "2", "city": "Nowhere", "country": "XX", "role": "delegation"}
    _edit_csv(data_copy / "cities.csv", lambda rows: rows.append({**rows[-1], **bad_city}))
    with pytest.raises(DataError) as error:
        publish_site(data_copy, out, today=TODAY)
    assert "cities.csv" in str(error.value) and "country" in str(error.value)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert _leftovers(tmp_path) == []


def test_two_publishes_at_once_leave_one_whole_site(tmp_path):
    out = tmp_path / "site"
    errors: list[BaseException] = []

    def publish() -> None:
        try:
            publish_site(BUNDLED, out, today=TODAY)
        except Exception as error:  # noqa: BLE001 (the test reports it below)
            errors.append(error)

    threads = [threading.Thread(target=publish) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert (out / "index.html").is_file() and (out / SITE_MARKER).is_file()
    assert _leftovers(tmp_path) == []


def test_a_folder_that_is_not_a_site_is_never_replaced(tmp_path):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.txt").write_text("precious")
    with pytest.raises(SiteFolderError, match="not empty"):
        publish_site(BUNDLED, out, today=TODAY)
    assert [p.name for p in out.iterdir()] == ["thesis.txt"]
    file_out = tmp_path / "a-file"
    file_out.write_text("x")
    with pytest.raises(SiteFolderError, match="not a folder"):
        publish_site(BUNDLED, file_out, today=TODAY)


def test_refresh_does_nothing_without_a_configured_site(monkeypatch, tmp_path):
    monkeypatch.delenv(SITE_DIR_ENV, raising=False)
    assert refresh_site(BUNDLED) is None
    assert list(tmp_path.iterdir()) == []


def test_refresh_republishes_the_configured_site(monkeypatch, tmp_path):
    out = tmp_path / "public"
    monkeypatch.setenv(SITE_DIR_ENV, str(out))
    refreshed = refresh_site(BUNDLED)
    assert refreshed is not None and refreshed.error is None
    assert refreshed.site is not None and "index.html" in refreshed.site.files
    assert (out / "en" / "sources.html").is_file()


def test_refresh_reports_bad_data_without_raising(monkeypatch, tmp_path, data_copy):
    (data_copy / "editions.csv").write_text("edition\n", encoding="utf-8")
    refreshed = refresh_site(data_copy, tmp_path / "public")
    assert refreshed is not None and refreshed.site is None
    assert "editions.csv" in refreshed.error
    assert not (tmp_path / "public").exists()


def test_cli_publishes_and_says_how_to_serve(tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["publish", str(out), "--data", str(BUNDLED)]) == 0
    printed = capsys.readouterr().out
    assert str(out) in printed and "http.server" in printed
    assert (out / "index.html").is_file()


def test_cli_names_every_problem_and_publishes_nothing(tmp_path, data_copy, capsys):
    _edit_csv(data_copy / "figures.csv", lambda rows: rows[0].update(value="many"))
    assert main(["publish", str(tmp_path / "site"), "--data", str(data_copy)]) == 1
    errors = capsys.readouterr().err
    assert re.search(r"figures\.csv:\d+: value: 'many' is not a whole number", errors), errors
    assert not (tmp_path / "site").exists()


def _break_geocache(folder: Path) -> None:
    cache = folder / "geocache.csv"
    header, first, *rest = cache.read_text(encoding="utf-8").splitlines()
    cells = first.split(",")
    cells[2] = "north"  # lat
    cache.write_text("\n".join([header, ",".join(cells), *rest]) + "\n", encoding="utf-8")


def test_cli_names_a_broken_geocache_and_publishes_nothing(tmp_path, data_copy, capsys):
    _break_geocache(data_copy)
    assert main(["publish", str(tmp_path / "site"), "--data", str(data_copy)]) == 1
    errors = capsys.readouterr().err
    assert re.search(r"geocache\.csv:2:3: lat: 'north' is not a number", errors), errors
    assert not (tmp_path / "site").exists()


def test_refresh_reports_a_broken_geocache_without_raising(tmp_path, data_copy):
    _break_geocache(data_copy)
    refreshed = refresh_site(data_copy, tmp_path / "public")
    assert refreshed is not None and refreshed.site is None
    assert "geocache.csv:2:3" in refreshed.error
    assert not (tmp_path / "public").exists()
