"""The tables and series the pages show, in both languages."""

from footprint.places import places
from footprint.tables import (
    cities_table,
    document_titles,
    documents_table,
    figures_for,
    figures_table,
    metric_series,
    missing_editions,
    search,
    timeline,
)


def test_cities_table_in_french_says_where_coordinates_came_from(bundled):
    _, located = bundled
    table = cities_table(places(located, 2), "fr").set_index("Ville")
    assert table.loc["Londres", "Pays"] == "Royaume-Uni"
    assert table.loc["Cocody", "Coordonnées"] == "correction manuelle"
    assert table.loc["Casablanca", "Rôle"] == "ville hôte"
    assert table.loc["Paris", "Éditions"] == "2"


def test_search_ignores_case_and_looks_in_every_text_column(bundled):
    _, located = bundled
    table = cities_table(places(located), "en")
    assert search(table, "COLOMBIA")["City"].tolist() == ["Medellín", "Bogotá"]
    assert len(search(table, "  ")) == len(table)


def test_figures_of_an_edition_include_the_combined_ones(bundled):
    dataset, _ = bundled
    shown = figures_for(dataset.figures, 1)
    assert set(shown["editions"]) == {"1-2"}
    assert len(figures_for(dataset.figures, None)) == len(dataset.figures)
    table = figures_table(shown, "en", document_titles(dataset.sources, "en"))
    assert "≥ 20,000" in table["Value"].tolist()
    assert set(table["Editions"]) == {"1–2"}
    assert "News article of April 2018 on the launch of the 3rd edition" in set(table["Document"])


def test_documents_say_what_each_source_is(bundled):
    dataset, _ = bundled
    table = documents_table(dataset.sources, "fr").set_index("Fichier")
    assert table.loc["001_fc2c1cd9264753ce.txt", "Date"] == "2018-02-27"
    assert table.loc["000_435b616033756251.txt", "Date"] == ""
    assert table.loc["003_0ae097d6c0cbd9cc.txt", "Langue"] == "en"
    assert set(table.index) == set(dataset.figures["source"]) | set(dataset.editions["source"])


def test_metric_series_keeps_combined_and_disagreeing_figures_apart(bundled):
    dataset, _ = bundled
    series = metric_series(dataset.figures, "speakers", "en")
    assert series["editions"].drop_duplicates().tolist() == ["1–2", "2", "3", "7"]
    third = series[series["editions"] == "3"]
    assert sorted(third["label"]) == ["85", "≈ 100", "≈ 85"]
    assert set(third["stage"]) == {"announced"}


def test_timeline_keeps_both_parts_of_edition_2(bundled):
    dataset, _ = bundled
    entries = {entry.edition: entry for entry in timeline(dataset.editions, "fr")}
    assert [part["Lieu"] for part in entries[2].parts] == [
        "Hyatt Regency",
        "Place des Nations Unies",
    ]
    assert entries[1].parts[0]["Dates"] == "non publié"
    assert entries[3].parts[0]["Thème"] == "Villes à vivre et innovation citoyenne"
    english = {entry.edition: entry for entry in timeline(dataset.editions, "en")}
    assert english[3].parts[0]["Theme"] == "Livable cities and urban social innovation"


def test_editions_no_source_speaks_of(bundled):
    dataset, _ = bundled
    assert missing_editions(dataset.editions) == [4, 5, 6]
