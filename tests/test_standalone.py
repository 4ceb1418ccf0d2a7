"""The standalone page rendered to HTML, no browser: self-contained, escaped, within its size
budget, and carrying figures the metrics computed (the browser test opens it as a file)."""

from __future__ import annotations

import datetime as dt
import json
import re

import numpy as np
import pandas as pd
import pycountry
import pytest

from footprint.filters import Filters
from footprint.i18n import LANGUAGES
from footprint.metrics import Counts, counts
from footprint.places import PLACE_COLUMNS, visible_places
from footprint.snapshot import Snapshot, legend_entries
from footprint.standalone import every_view, render_standalone
from footprint.standalone.payload import continent_mask, page_data
from geo.continents import continent_of
from tests.browser.xss_data import XSS_CITY, make_xss_data_folder

TODAY = dt.date(2026, 11, 23)
BUNDLED_BUDGET = 500_000
LARGE_BUDGET = 1_500_000
LARGE_CITIES = 10_000


def payload(html: str) -> dict:
    text = re.search(r'<script type="application/json" id="fp-data">(.*?)</script>', html, re.S)
    return json.loads(text.group(1))


@pytest.fixture(scope="module")
def bundled_views(bundled):
    dataset, located = bundled
    return every_view(dataset, located, first=Filters(2, (), "fr"), today=TODAY)


@pytest.fixture(scope="module")
def bundled_page(bundled_views) -> str:
    return render_standalone(bundled_views)


def test_every_view_of_the_bundled_data_fits_the_budget(bundled_page):
    assert len(bundled_page.encode("utf-8")) <= BUNDLED_BUDGET


def test_nothing_is_loaded_from_anywhere(bundled_page):
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|<img|@import", bundled_page)
    assert not re.search(r"""url\((?!#|data:|none)""", bundled_page)
    assert "default-src 'none'" in bundled_page  # and the browser is told to refuse it
    assert "L.map" in bundled_page and "window.footprint.cities" in bundled_page


def test_the_first_view_is_the_one_the_page_opens_on(bundled_page):
    assert '<html lang="fr" dir="ltr">' in bundled_page
    assert "<title>Empreinte mondiale · Édition 2 (2017)</title>" in bundled_page
    data = payload(bundled_page)
    assert (data["views"][0]["edition"], data["views"][0]["lang"]) == (2, "fr")
    assert data["languages"] == list(LANGUAGES)


def test_arabic_first_is_right_to_left(bundled):
    dataset, located = bundled
    page = render_standalone(every_view(dataset, located, ["ar"], today=TODAY))
    assert '<html lang="ar" dir="rtl">' in page
    assert payload(page)["texts"]["ar"]["dir"] == "rtl"


def test_arabic_text_brings_its_font_inline_and_only_then(bundled):
    dataset, located = bundled
    arabic = render_standalone(every_view(dataset, located, ["ar"], today=TODAY))
    english = render_standalone(every_view(dataset, located, ["en"], today=TODAY))
    assert arabic.count("src: url(data:font/ttf;base64,") == 2  # regular and bold
    assert "data:font/ttf" not in english


def test_counts_are_the_metrics_for_every_continent_selection(bundled, bundled_views):
    _, located = bundled
    data = page_data(bundled_views)
    view = next(v for v in data["views"] if v["edition"] == 2 and v["lang"] == "en")
    snapshot = next(s for s in bundled_views if s.filters == Filters(2, (), "en"))
    every = ("Africa", "Americas", "Asia", "Europe", "Oceania")
    for selection in [("Europe",), ("Africa", "Asia"), ("Oceania",), ("Europe", "Oceania"), every]:
        expected = counts(visible_places(snapshot.places, Filters(2, selection, "en")))
        found = view["counts"][str(continent_mask(selection))]
        assert found == [expected.cities, expected.countries, expected.continents]


def test_an_edition_without_a_list_has_no_counts(bundled_views):
    data = page_data(bundled_views)
    view = next(v for v in data["views"] if v["edition"] == 7)
    assert view["counts"] is None
    assert any("7" in line for line in view["coverage"])


def test_languages_share_places_and_views(bundled_views):
    data = page_data(bundled_views)
    editions = {view["edition"] for view in data["views"]}
    assert len(data["geometries"]) == len(editions)  # one per edition, whatever the language
    every_edition = next(s for s in bundled_views if s.filters.edition is None)
    assert len(data["lat"]) == len(every_edition.places)  # each place once, for every view
    assert len(data["names"]) <= len(LANGUAGES)


def test_a_city_named_like_markup_never_reaches_the_html_raw(tmp_path):
    from footprint.data import load_dataset
    from footprint.places import locate

    folder = make_xss_data_folder(tmp_path / "data")
    dataset = load_dataset(folder)
    located = locate(dataset.cities, folder / "geocache.csv")
    page = render_standalone(every_view(dataset, located, ["en"], today=TODAY))
    assert XSS_CITY not in page
    assert "<img" not in page
    assert XSS_CITY in payload(page)["names"][0]  # still there, to be shown as text


def _large_snapshots(count: int) -> list[Snapshot]:
    """`count` cities over four editions (a fifth come back once), in every language, built
    directly: the renderer's size is what is measured, not the loader's speed."""
    rng = np.random.default_rng(20160517)
    codes = [c.alpha_2 for c in pycountry.countries if continent_of(c.alpha_2)]
    country = rng.choice(codes, count)
    first = rng.choice([1, 2, 3, 7], count)
    editions = [(int(e), 7) if e != 7 and rng.random() < 0.2 else (int(e),) for e in first]
    every = pd.DataFrame(
        {
            "place": [f"p{i}" for i in range(count)],
            "name_fr": [f"Ville {i:05d}" for i in range(count)],
            "name_en": [f"City {i:05d}" for i in range(count)],
            "name_ar": [""] * count,
            "country_code": country,
            "continent": [continent_of(code) for code in country],
            "role": ["host"] + ["delegation"] * (count - 1),
            "editions": editions,
            "first_edition": first,
            "lat": rng.uniform(-60, 70, count),
            "lon": rng.uniform(-180, 180, count),
            "provider": "gazetteer",
            "status": "ok",
        }
    )[PLACE_COLUMNS]
    snapshots = []
    for lang in LANGUAGES:
        for edition in (None, 1, 2, 3, 7):
            places = every if edition is None else every[[edition in e for e in every["editions"]]]
            if edition is not None:
                places = places.assign(editions=[(edition,)] * len(places))
            snapshots.append(
                Snapshot(
                    filters=Filters(edition, (), lang),
                    title="Global Footprint",
                    subtitle="",
                    edition_label=str(edition),
                    places=places,
                    counts=Counts(len(places), 0, 0),
                    coverage=(),
                    headlines=(),
                    legend=legend_entries(lang),
                    sources=(),
                    made_on=TODAY,
                )
            )
    return snapshots


def test_ten_thousand_cities_in_every_view_and_language_fit_the_budget():
    page = render_standalone(_large_snapshots(LARGE_CITIES))
    assert len(page.encode("utf-8")) <= LARGE_BUDGET
    assert len(payload(page)["lat"]) == LARGE_CITIES
