"""The tables and series the pages show, in French, English and Arabic."""

from footprint.documents import document_labels
from footprint.localized import localized
from footprint.places import places
from footprint.tables import (
    cities_table,
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


def test_cities_table_in_arabic_names_cities_in_arabic_or_in_french(bundled):
    _, located = bundled
    table = cities_table(places(located), "ar").set_index("المدينة")
    assert table.loc["لندن", "البلد"] == "المملكة المتحدة"
    assert table.loc["Barcelone", "البلد"] == "إسبانيا"  # no Arabic name given: the French one
    assert table.loc["الدار البيضاء", "الدورات"] == "1 و2 و3 و7"


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
    table = figures_table(shown, "en", document_labels(dataset, "en"))
    assert "≥ 20,000" in table["Value"].tolist()
    assert set(table["Editions"]) == {"1–2"}
    assert "News article of April 2018 on the launch of the 3rd edition · French" in set(
        table["Document"]
    )
    assert (
        "Press release announcing the 3rd edition (Shanghai guest city) (27 February 2018) · French"
    ) in set(table["Document"])
    assert "002_71dff9f01e98f486.txt" in set(table["Source"])  # the file, for traceability


def test_figure_notes_are_in_the_readers_language(bundled):
    dataset, _ = bundled
    shown = figures_for(dataset.figures, 3)
    notes = {
        lang: set(figures_table(shown, lang, document_labels(dataset, lang)).iloc[:, -1])
        for lang in ("fr", "en", "ar")
    }
    assert "The same release also announces about 85 speakers." in notes["en"]
    assert "Le même communiqué annonce aussi près de 85 intervenants." in notes["fr"]
    assert "يُعلن البلاغ نفسه أيضًا عن نحو 85 متدخلًا." in notes["ar"]


def test_documents_say_what_each_source_is(bundled):
    dataset, _ = bundled
    table = documents_table(dataset, "fr").set_index("Fichier")
    assert table.loc["001_fc2c1cd9264753ce.txt", "Date"] == "27 février 2018"
    assert table.loc["000_435b616033756251.txt", "Date"] == ""
    assert table.loc["003_0ae097d6c0cbd9cc.txt", "Langue"] == "anglais"
    no_date = "Le communiqué ne donne pas de date."
    assert table.loc["000_435b616033756251.txt", "Remarques"] == no_date
    assert set(table.index) == set(dataset.figures["source"]) | set(dataset.editions["source"])
    arabic = documents_table(dataset, "ar").iloc[1]
    assert arabic.tolist()[:3] == [
        "بلاغ صحفي يُعلن عن الدورة الثالثة (شنغهاي مدينة ضيفة)",
        "27 فبراير 2018",
        "الفرنسية",
    ]


def test_metric_series_keeps_combined_and_disagreeing_figures_apart(bundled):
    dataset, _ = bundled
    series = metric_series(dataset.figures, "speakers", "en", document_labels(dataset, "en"))
    assert series["editions"].drop_duplicates().tolist() == ["1–2", "2", "3", "7"]
    third = series[series["editions"] == "3"]
    assert sorted(third["label"]) == ["85", "≈ 100", "≈ 85"]
    assert set(third["stage"]) == {"announced"}
    assert not series["document"].str.endswith(".txt").any()


def test_timeline_keeps_both_parts_of_edition_2(bundled):
    dataset, _ = bundled
    entries = {
        entry.edition: entry
        for entry in timeline(dataset.editions, "fr", document_labels(dataset, "fr"))
    }
    assert [part["Lieu"] for part in entries[2].parts] == [
        "Hyatt Regency",
        "Place des Nations Unies",
    ]
    assert entries[1].parts[0]["Dates"] == "non publié"
    assert entries[3].parts[0]["Thème"] == "Villes à vivre et innovation citoyenne"
    english = {
        entry.edition: entry
        for entry in timeline(dataset.editions, "en", document_labels(dataset, "en"))
    }
    assert english[3].parts[0]["Theme"] == "Livable cities and urban social innovation"


def test_timeline_names_sources_by_title_and_marks_the_arabic_theme_a_translation(bundled):
    dataset, _ = bundled
    entries = {
        entry.edition: entry
        for entry in timeline(dataset.editions, "ar", document_labels(dataset, "ar"))
    }
    assert entries[3].parts[0]["المدينة الضيفة"] == "Shanghai"  # no names given: as written
    named = timeline(dataset.editions, "ar", document_labels(dataset, "ar"), {"Shanghai": "شنغهاي"})
    assert named[2].parts[0]["المدينة الضيفة"] == "شنغهاي"
    first = entries[7].parts[0]
    assert first["الموضوع"] == "المدينة الذكية، نحو تحولات مستدامة للحواضر الكبرى (ترجمة)"
    assert first["المصدر"] == (
        "مقال بعد الدورة السابعة من Casablanca Smart City (12 يونيو 2023) · الفرنسية"
    )
    for entry in entries.values():
        for part in entry.parts:
            assert ".txt" not in part["المصدر"]


def test_editions_no_source_speaks_of(bundled):
    dataset, _ = bundled
    assert missing_editions(dataset.editions) == [4, 5, 6]


def test_a_missing_translation_shows_the_text_in_another_language():
    row = {"notes_fr": "Année déduite.", "notes_en": "Year inferred.", "notes_ar": ""}
    assert localized(row, "notes", "ar") == "Année déduite."
    assert localized(row, "notes", "en") == "Year inferred."
    assert localized({"notes_fr": "", "notes_en": "", "notes_ar": ""}, "notes", "fr") == ""
