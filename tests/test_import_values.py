"""One cell at a time: trimming, formulas, markup, countries, roles and canonical names."""

import pytest

from footprint.importer.errors import ImportFileError
from footprint.importer.headers import columns_for, recognise_headers
from footprint.importer.values import (
    canonical_name,
    clean,
    country_iso2,
    has_markup,
    is_formula,
    role_of,
)


def test_clean_trims_no_break_and_zero_width_spaces():
    assert clean("\u00a0 Rabat\u00a0\u00a0Salé \u00a0\u200b") == "Rabat Salé"
    assert clean("\ufeffParis\t") == "Paris"


@pytest.mark.parametrize("text", ["=1+1", "+33 1 23", "-2+3", "-A1", "@SUM(A1)", '=HYPERLINK("x")'])
def test_formulas(text):
    assert is_formula(text)


@pytest.mark.parametrize(
    "text", ["Rabat", "Saint-Denis", "Île-de-France", "3 < 5", "-7.61", "+212"]
)
def test_not_formulas_nor_markup(text):
    assert not is_formula(text) and not has_markup(text)


@pytest.mark.parametrize("text", ["<img src=x onerror=alert(1)>", "Rabat<br>", "</b>", "<!--"])
def test_markup(text):
    assert has_markup(text)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Maroc", "MA"),
        ("Royaume-Uni", "GB"),
        ("Cote d'Ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Émirats arabes unis", "AE"),
        ("EMIRATS ARABES UNIS", "AE"),
        ("Corée du Sud", "KR"),
        ("Nouvelle-Calédonie", "NC"),
        ("USA", "US"),
        ("GB", "GB"),
        ("gb", "GB"),
        ("MAR", "MA"),
        ("United Kingdom", "GB"),
        ("Etats-Unis", "US"),
        ("South Korea", "KR"),
        ("Turquie", "TR"),
    ],
)
def test_country_names_and_codes(written, code):
    assert country_iso2(written) == code


@pytest.mark.parametrize("written", ["Mars", "Atlantide", "ZZ", ""])
def test_unknown_countries(written):
    assert country_iso2(written) is None


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("hôte", "host"),
        ("Ville hôte", "host"),
        ("HOST CITY", "host"),
        ("invitée", "guest"),
        ("Invité d'honneur", "guest"),
        ("Guest of honour", "guest"),
        ("délégation", "delegation"),
        ("Delegation", "delegation"),
        ("", "delegation"),
    ],
)
def test_roles(written, role):
    assert role_of(written) == role


def test_unknown_role_is_none():
    assert role_of("Partenaire") is None


@pytest.mark.parametrize(
    ("written", "place", "shown"),
    [
        ("MARRAKECH", "Marrakesh", "Marrakech"),
        ("marrakech", None, "Marrakech"),
        ("RIO DE JANEIRO", "Rio de Janeiro", "Rio de Janeiro"),
        ("QUEBEC", "Québec", "Québec"),
        ("Bogota", "Bogotá", "Bogotá"),
        ("Séoul", "Seoul", "Séoul"),
        ("SAINT-ÉTIENNE", "Saint-Étienne", "Saint-Étienne"),
        ("Londres", "London", "Londres"),
        ("New York", "New York City", "New York"),
    ],
)
def test_canonical_names(written, place, shown):
    assert canonical_name(written, place) == shown


def test_headers_in_french_or_english_any_case_or_accent():
    header = ["EDITION", "ville", "Pays", "continent", "Rôle", "Notes"]
    assert recognise_headers(header) == {
        "EDITION": "edition",
        "ville": "city",
        "Pays": "country",
        "continent": "continent",
        "Rôle": "role",
        "Notes": None,
    }
    english = ["Edition", "City", "Country", "Continent", "Role"]
    assert columns_for(english, "l.csv").positions == {
        "edition": 0,
        "city": 1,
        "country": 2,
        "continent": 3,
        "role": 4,
    }
    assert recognise_headers(["Année", "N° édition"]) == {
        "Année": "edition",
        "N° édition": "edition",
    }


def test_mapping_names_unrecognised_headers_and_wins():
    columns = columns_for(["Nom", "Land", "Ville"], "l.csv", {"Nom": "city", "Land": "country"})
    assert columns.positions == {"city": 0, "country": 1}
    assert columns.name("city") == "Nom"


def refusal(header, mapping=None) -> str:
    with pytest.raises(ImportFileError) as caught:
        columns_for(header, "l.csv", mapping)
    return str(caught.value)


def test_header_refusals():
    assert refusal(["Nom", "Land"]) == (
        "l.csv:1: -: no column for the city (Ville or City); the columns are: Nom, Land: "
        "map one of them to city"
    )
    assert refusal(["Ville", "City"]) == (
        "l.csv:1: City: a second column for city (the first is 'Ville'): map one of them to nothing"
    )
    assert refusal(["Ville"], {"Ville": "town"}) == (
        "l.csv:1: Ville: 'town' is not a field; one of: edition, city, country, continent, role"
    )
    assert (
        refusal(["Ville"], {"Nom": "city"})
        == "l.csv:1: Nom: no such column; the columns are: Ville"
    )
