"""Places on the map and the edition metrics, on the bundled data."""

from collections import Counter

from footprint.filters import Filters
from footprint.metrics import (
    compare_editions,
    counts,
    disagreements,
    edition_figures,
    editions_with_lists,
    list_coverage,
    span_figures,
)
from footprint.places import display_names, places, visible_places, visitors


def test_every_bundled_city_is_located(bundled):
    _, located = bundled
    assert located["lat"].notna().all()
    assert set(located["status"]) <= {"resolved", "mismatch"}


def test_edition_2_is_twenty_cities_and_the_host(bundled):
    _, located = bundled
    view = places(located, 2)
    assert Counter(view["role"]) == {"delegation": 20, "host": 1}
    assert Counter(visitors(view)["continent"]) == {
        "Europe": 9,
        "Americas": 5,
        "Africa": 4,
        "Asia": 2,
    }
    assert counts(view).cities == 20
    assert counts(view).continents == 4
    assert counts(view).countries == 18  # Paris and Bordeaux, Medellín and Bogotá share a country


def test_one_place_per_city_across_editions_with_its_strongest_role(bundled):
    _, located = bundled
    every = places(located)
    assert len(visitors(every)) == 21
    host = every[every["role"] == "host"].iloc[0]
    assert host["editions"] == (1, 2, 3, 7)
    shanghai = every[every["name_fr"] == "Shanghai"].iloc[0]
    assert (shanghai["role"], shanghai["editions"]) == ("guest", (3,))


def test_continent_filter_keeps_the_host(bundled):
    _, located = bundled
    view = visible_places(places(located, 2), Filters(2, ("Europe",), "fr"))
    assert Counter(view["role"]) == {"delegation": 9, "host": 1}


def test_names_in_each_language(bundled):
    _, located = bundled
    view = places(located, 2).set_index("name_fr")
    assert view.loc["Londres", "name_en"] == "London"
    assert view.loc["Bruxelles", "name_en"] == "Brussels"
    arabic = dict(zip(view.index, display_names(view.reset_index(), "ar"), strict=True))
    assert arabic["Bruxelles"] == "بروكسل"
    assert arabic["Bordeaux"] == "Bordeaux"  # no Arabic name in the data: the French one


def test_edition_7_cards_with_change_from_edition_2(bundled):
    dataset, _ = bundled
    cards = {card.metric: card for card in edition_figures(dataset.figures, 7)}
    assert set(cards) == {
        "participants",
        "speakers",
        "media_outlets",
        "showcases",
        "startups_presenting",
        "startups_pitching",
        "award_winners",
    }
    speakers = cards["speakers"]
    assert (
        speakers.change.delta,
        speakers.change.approximate,
        speakers.change.previous_edition,
    ) == (66 - 85, True, 2)
    # "at least 600" against "at least 15,000" gives no meaningful difference.
    assert cards["participants"].change is None


def test_announced_and_disagreeing_figures_of_edition_3(bundled):
    dataset, _ = bundled
    speakers = next(c for c in edition_figures(dataset.figures, 3) if c.metric == "speakers")
    assert speakers.disagrees
    assert {(s.value, s.qualifier, s.stage) for s in speakers.statements} == {
        (85, "about", "announced"),
        (100, "about", "announced"),
        (85, "exact", "announced"),
    }
    assert speakers.change is None


def test_combined_figures_are_never_an_editions_own(bundled):
    dataset, _ = bundled
    assert "cities" not in {card.metric for card in edition_figures(dataset.figures, 2)}
    combined = {card.metric: card for card in span_figures(dataset.figures, "1-2")}
    assert combined["cities"].statements[0].value == 92
    assert len(combined["cities"].statements[0].sources) == 3


def test_what_is_known_of_each_list(bundled):
    dataset, located = bundled
    notes = list_coverage(located, dataset.figures, [1, 2, 3, 7])
    assert notes == [
        ("list_none", {"edition": 1}),
        ("list_named", {"edition": 2, "named": 20}),
        ("list_guest_only", {"edition": 3, "guest": "Shanghai"}),
        ("list_none", {"edition": 7}),
        ("list_stated_vs_named", {"editions": "1–2", "stated": 92, "named": 20}),
    ]
    arabic = list_coverage(located, dataset.figures, [3], "ar")
    assert arabic[0] == ("list_guest_only", {"edition": 3, "guest": "شنغهاي"})


def test_disagreements_are_kept(bundled):
    dataset, _ = bundled
    found = {(editions, metric) for editions, metric, _ in disagreements(dataset.figures)}
    assert ("1-2", "participants") in found
    assert ("3", "speakers") in found


def test_compare_editions(bundled):
    _, located = bundled
    assert editions_with_lists(located) == [2, 3]
    result = compare_editions(located, 2, 3, "en")
    assert result.new == ("Shanghai",)
    assert result.returning == ()
    assert len(result.absent) == 20
    assert compare_editions(located, 2, 3, "ar").new == ("شنغهاي",)
