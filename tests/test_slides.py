"""Which slides, in what order, with what text; the deck rendered to HTML; its options."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from footprint.data import load_dataset
from footprint.places import locate
from footprint.present import render_presentation
from footprint.qr import public_view_url
from footprint.slides import (
    ALL_EDITIONS,
    COMPARISON,
    CONTINENT,
    EDITION,
    FIGURES_ONLY,
    build_slides,
    first_slide,
)
from tests.browser.xss_data import XSS_CITY, make_xss_data_folder
from ui.presentation import DeckOptions, parse_options

TODAY = dt.date(2026, 11, 23)
PUBLIC = "https://footprint.example/"


@pytest.fixture(scope="module")
def slides_fr(bundled):
    dataset, located = bundled
    return build_slides(dataset, located, "fr", today=TODAY)


def test_editions_in_order_then_every_edition_continents_and_comparisons(slides_fr):
    assert [(slide.kind, slide.edition) for slide in slides_fr] == [
        (FIGURES_ONLY, 1),
        (EDITION, 2),
        (EDITION, 3),
        (FIGURES_ONLY, 7),
        (ALL_EDITIONS, None),
        (CONTINENT, None),
        (CONTINENT, None),
        (CONTINENT, None),
        (CONTINENT, None),
        (COMPARISON, 3),
    ]
    assert [slide.continents for slide in slides_fr if slide.kind == CONTINENT] == [
        ("Africa",),
        ("Americas",),
        ("Asia",),
        ("Europe",),
    ]


def test_an_edition_without_a_list_says_so_and_counts_nothing(slides_fr):
    edition_7 = slides_fr[3]
    assert not edition_7.has_map
    assert edition_7.snapshot.counts is None
    assert edition_7.notes[0].startswith("Aucune liste de villes")
    assert edition_7.snapshot.headlines  # its figures from the sources are still shown


def test_slides_carry_the_figures_with_their_qualifiers(slides_fr):
    edition_2 = slides_fr[1]
    assert edition_2.heading == "Édition 2 (2017)"
    assert edition_2.snapshot.counts.cities == 20
    values = [headline.value for headline in edition_2.snapshot.headlines]
    assert "≈ 85" in values
    assert any(value.startswith("≥ 15") and value.endswith("000") for value in values)


def test_comparison_names_new_and_returning_cities(slides_fr):
    comparison = slides_fr[-1]
    assert comparison.heading == "De l'édition 2 à l'édition 3"
    assert comparison.new == ("Shanghai",)
    assert comparison.returning == ()


def test_a_presentation_starts_on_its_edition(slides_fr):
    assert first_slide(slides_fr, 2) == 1
    assert first_slide(slides_fr, None) == 4
    assert first_slide(slides_fr, 9) == 0


def test_the_deck_has_one_section_per_slide_a_credit_and_qr_codes(slides_fr):
    html = render_presentation(
        slides_fr, lang="fr", interval=8, start_edition=2, public_base=PUBLIC
    )
    sections = re.findall(r'<section class="fp-slide[^"]*"[^>]*data-map="(yes|no)"', html)
    assert sections == ["no", "yes", "yes", "no", "yes", "yes", "yes", "yes", "yes", "yes"]
    assert html.count('class="fp-credit"') == len(slides_fr)
    assert html.count("<svg viewBox=") == len(slides_fr)
    assert 'data-interval="8.0"' in html and 'data-start="1"' in html
    assert 'class="fp-theme-light"' in html


def test_a_sign_and_its_number_are_never_split_across_lines(slides_fr):
    html = render_presentation(slides_fr, lang="fr")
    figures = re.findall(r'<span class="fp-value">([^<]*)</span>', html)
    signed = [figure for figure in figures if "≈" in figure or "≥" in figure]
    assert signed, "the bundled slides state figures with signs"
    for figure in signed:
        assert not re.search(r"[≈≥] ", figure), figure
        assert re.search("[≈≥]\N{NO-BREAK SPACE}\\d", figure), figure


def test_no_qr_code_without_a_public_address(slides_fr):
    html = render_presentation(slides_fr, lang="fr", theme="dark")
    assert 'class="fp-qr"' not in html
    assert 'class="fp-theme-dark"' in html


def test_each_qr_code_opens_its_slides_view(slides_fr, monkeypatch):
    targets = []
    monkeypatch.setattr(
        "footprint.present.qr_svg", lambda url: targets.append(url) or "<svg></svg>"
    )
    render_presentation(slides_fr, lang="fr", public_base=PUBLIC)
    assert targets[1] == public_view_url(PUBLIC, 2, "fr")
    assert targets[5] == public_view_url(PUBLIC, None, "fr", ("Africa",))


def test_an_unknown_theme_is_refused(slides_fr):
    with pytest.raises(ValueError, match="theme"):
        render_presentation(slides_fr, lang="fr", theme="<b>")


def test_city_names_are_escaped_in_the_slides(tmp_path):
    folder = make_xss_data_folder(tmp_path / "data")
    dataset = load_dataset(folder)
    located = locate(dataset.cities, folder / "geocache.csv")
    html = render_presentation(build_slides(dataset, located, "en", today=TODAY), lang="en")
    assert XSS_CITY not in html
    assert "<img" not in html


@pytest.mark.parametrize(
    ("interval", "theme", "expected"),
    [
        ("5", "dark", DeckOptions(5.0, "dark")),
        ("0", "LIGHT", DeckOptions(0.0, "light")),
        ("-3", None, DeckOptions(0.0, "light")),
        ("nan", "<script>", DeckOptions(15.0, "light")),
        ("soon", "blue", DeckOptions(15.0, "light")),
        ("1e9", None, DeckOptions(3600.0, "light")),
        (None, None, DeckOptions(15.0, "light")),
    ],
)
def test_deck_options_from_the_address(interval, theme, expected):
    assert parse_options(interval, theme, DeckOptions()) == expected
