"""The bundled data says what the seeds say: cities, continents, figures, qualifiers, stages."""

import re
from collections import Counter

import pytest

from footprint.data import load_dataset
from tests.conftest import BUNDLED_DATA, SEEDS


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(BUNDLED_DATA)


def test_edition_2_has_twenty_delegation_cities_under_four_published_continents(dataset):
    cities = dataset.cities
    delegations = cities[(cities["edition"] == 2) & (cities["role"] == "delegation")]
    assert len(delegations) == 20
    assert Counter(delegations["continent_published"]) == {
        "Europe": 9,
        "Afrique": 4,
        "Amérique": 5,
        "Asie": 2,
    }
    assert {"Londres", "Bruxelles", "Copenhague", "Santiago du Chili", "Cocody"} <= set(
        delegations["city"]
    )


def test_casablanca_hosts_every_edition_and_shanghai_is_guest_of_edition_3(dataset):
    cities = dataset.cities
    hosts = cities[cities["role"] == "host"]
    assert sorted(hosts["edition"]) == [1, 2, 3, 7]
    assert set(hosts["city"]) == {"Casablanca"}
    guests = cities[cities["role"] == "guest"]
    assert guests[["edition", "city", "country"]].values.tolist() == [[3, "Shanghai", "CN"]]


def test_editions_are_those_the_seeds_speak_of_with_both_parts_of_edition_2(dataset):
    editions = dataset.editions
    assert sorted(editions["edition"].unique()) == [1, 2, 3, 7]
    second = editions[editions["edition"] == 2].set_index("part")
    assert second.loc["Smart City Expo Casablanca", "venue"] == "Hyatt Regency"
    assert str(second.loc["Smart City Expo Casablanca", "end_date"].date()) == "2017-05-18"
    assert second.loc["Smart City Connect Casablanca", "venue"] == "Place des Nations Unies"
    assert str(second.loc["Smart City Connect Casablanca", "end_date"].date()) == "2017-05-19"
    inferred = editions[editions["edition"].isin([1, 2])]
    assert inferred["notes_en"].str.contains("inferred").all()
    assert inferred["notes_fr"].str.contains("déduite").all()
    assert inferred["notes_ar"].str.contains("مستنتجة").all()


def test_every_note_and_title_is_in_three_languages(dataset):
    """A remark written in one language is written in all three (none left for a reader)."""
    for frame in (dataset.editions, dataset.figures, dataset.sources):
        written = frame[["notes_fr", "notes_en", "notes_ar"]].ne("")
        assert written.eq(written["notes_en"], axis=0).all().all()
    assert dataset.sources[["title_fr", "title_en", "title_ar"]].ne("").all().all()
    themed = dataset.editions[dataset.editions["theme_fr"] != ""]
    assert themed["theme_ar"].ne("").all()


def test_arabic_city_names_are_cldr_exemplar_cities_or_empty(dataset):
    """name_ar comes from CLDR's Arabic names of the time zones' exemplar cities, and only
    where the time zone is named after that very city; elsewhere the French name shows."""
    names = dict(zip(dataset.cities["city"], dataset.cities["name_ar"], strict=False))
    assert names["Casablanca"] == "الدار البيضاء"
    assert names["Londres"] == "لندن"
    assert names["Santiago du Chili"] == "سانتياغو"
    assert names["Barcelone"] == names["Cocody"] == names["Delhi"] == ""


EXPECTED_FIGURES = {
    # (editions, metric, value, qualifier, stage, source prefix)
    ("2", "speakers", 85, "about", "achieved", "000"),
    ("2", "continents", 4, "exact", "achieved", "000"),
    ("2", "delegation_members", 160, "at_least", "achieved", "000"),
    ("2", "journalists", 112, "exact", "achieved", "000"),
    ("2", "participants", 15000, "at_least", "achieved", "000"),
    ("1-2", "visitors", 20000, "at_least", "achieved", "001"),
    ("1-2", "speakers", 168, "exact", "achieved", "001"),
    ("1-2", "cities", 92, "exact", "achieved", "001"),
    ("1-2", "exhibitors", 110, "exact", "achieved", "001"),
    ("3", "speakers", 100, "about", "announced", "001"),
    ("3", "speakers", 85, "about", "announced", "001"),
    ("1-2", "participants", 20000, "exact", "achieved", "002"),
    ("1-2", "speakers", 168, "exact", "achieved", "002"),
    ("1-2", "cities", 92, "exact", "achieved", "002"),
    ("1-2", "journalists", 200, "at_least", "achieved", "002"),
    ("3", "speakers", 85, "about", "announced", "002"),
    ("1-2", "visitors", 20000, "at_least", "achieved", "003"),
    ("1-2", "participants", 168, "exact", "achieved", "003"),
    ("1-2", "cities", 92, "exact", "achieved", "003"),
    ("1-2", "exhibitors", 110, "exact", "achieved", "003"),
    ("3", "participants", 100, "about", "announced", "003"),
    ("3", "speakers", 85, "exact", "announced", "003"),
    ("7", "participants", 600, "at_least", "achieved", "004"),
    ("7", "speakers", 66, "exact", "achieved", "004"),
    ("7", "media_outlets", 50, "exact", "achieved", "004"),
    ("7", "showcases", 15, "at_least", "achieved", "004"),
    ("7", "startups_presenting", 24, "exact", "achieved", "004"),
    ("7", "startups_pitching", 12, "exact", "achieved", "004"),
    ("7", "award_winners", 3, "exact", "achieved", "004"),
}


def test_every_figure_of_the_seeds_is_present_with_its_qualifier_and_stage(dataset):
    rows = {
        (r.editions, r.metric, int(r.value), r.qualifier, r.stage, r.source[:3])
        for r in dataset.figures.itertuples()
    }
    assert rows == EXPECTED_FIGURES


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds live beside the repository")
@pytest.mark.parametrize("name", ["editions", "cities", "figures"])
def test_every_quote_is_verbatim_in_its_source(dataset, name):
    def squash(text):
        return re.sub(r"\s+", " ", text)

    for row in getattr(dataset, name).itertuples():
        if not row.quote:
            continue
        source = squash((SEEDS / row.source).read_text(encoding="utf-8"))
        assert squash(row.quote) in source, f"{name} line {row.line}: {row.quote!r}"
