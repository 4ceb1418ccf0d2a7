"""Every UI string in French and English, in one place, so pages hold no literals."""

from __future__ import annotations

import gettext
from datetime import date
from functools import cache

import pycountry

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"fr": "Empreinte mondiale", "en": "Global Footprint"},
    "app_subtitle": {
        "fr": "Les villes du monde au Smart City Expo Casablanca, édition par édition",
        "en": "The world's cities at Smart City Expo Casablanca, edition by edition",
    },
    "page_map": {"fr": "Carte", "en": "Map"},
    "page_editions": {"fr": "Éditions", "en": "Editions"},
    "page_cities": {"fr": "Villes", "en": "Cities"},
    "page_sources": {"fr": "Sources", "en": "Sources"},
    "edition": {"fr": "Édition", "en": "Edition"},
    "all_editions": {"fr": "Toutes les éditions", "en": "All editions"},
    "edition_label": {"fr": "Édition {number} ({year})", "en": "Edition {number} ({year})"},
    "continents": {"fr": "Continents", "en": "Continents"},
    "continents_help": {
        "fr": "Vide : tous les continents. Casablanca, ville hôte, reste toujours sur la carte.",
        "en": "Empty: every continent. Casablanca, the host city, always stays on the map.",
    },
    "every_continent": {"fr": "Tous les continents", "en": "Every continent"},
    "language": {"fr": "Langue", "en": "Language"},
    "share_link": {
        "fr": "Le lien de cette page reproduit exactement cette vue.",
        "en": "This page's link reproduces exactly this view.",
    },
    "ignored_param": {
        "fr": "Paramètre d'adresse ignoré : {name}={value}",
        "en": "Ignored address parameter: {name}={value}",
    },
    "data_error": {
        "fr": "Les données ne sont pas valides ; corrigez ces lignes :",
        "en": "The data is not valid; fix these lines:",
    },
    # Map page
    "cities_count": {"fr": "Villes", "en": "Cities"},
    "countries_count": {"fr": "Pays", "en": "Countries"},
    "continents_count": {"fr": "Continents", "en": "Continents"},
    "counted_from_list": {
        "fr": "Compté sur la liste géocodée des villes ({scope}).",
        "en": "Counted from the geocoded city list ({scope}).",
    },
    "figures_heading": {"fr": "Chiffres publiés par les sources", "en": "Figures from the sources"},
    "no_figures": {
        "fr": "Aucun chiffre publié pour cette sélection.",
        "en": "No figure published for this selection.",
    },
    "combined_figure": {
        "fr": "Chiffre donné pour les éditions {editions} ensemble",
        "en": "Figure given for editions {editions} together",
    },
    "change_from": {"fr": "{delta} vs édition {edition}", "en": "{delta} vs edition {edition}"},
    "source_help": {"fr": "Source : {source} — « {quote} »", "en": "Source: {source} — “{quote}”"},
    "show_arcs": {"fr": "Afficher les arcs depuis Casablanca", "en": "Show arcs from Casablanca"},
    "per_continent": {"fr": "Villes par continent", "en": "Cities per continent"},
    "what_is_known": {"fr": "Ce que l'on sait des listes", "en": "What is known of the lists"},
    "list_none": {
        "fr": "Édition {edition} : aucune liste de villes publiée.",
        "en": "Edition {edition}: no city list was published.",
    },
    "list_guest_only": {
        "fr": "Édition {edition} : seule la ville invitée ({guest}) est connue.",
        "en": "Edition {edition}: only the guest city ({guest}) is known.",
    },
    "list_named": {
        "fr": "Édition {edition} : {named} villes nommées.",
        "en": "Edition {edition}: {named} cities named.",
    },
    "list_stated_vs_named": {
        "fr": "Éditions {editions} : {stated} villes annoncées ensemble, {named} nommées.",
        "en": "Editions {editions}: {stated} cities stated together, {named} named.",
    },
    "unresolved_cities": {
        "fr": "Villes non localisées (absentes de la carte) : {names}",
        "en": "Cities not located (missing from the map): {names}",
    },
    "mismatched_cities": {
        "fr": "Continent publié différent du continent ONU : {names}",
        "en": "Published continent differs from the UN continent: {names}",
    },
    "legend_title": {"fr": "Légende", "en": "Legend"},
    "host_city": {"fr": "Ville hôte", "en": "Host city"},
    "guest_city": {"fr": "Ville invitée", "en": "Guest city"},
    "online_tiles": {"fr": "Fond OpenStreetMap (en ligne)", "en": "OpenStreetMap tiles (online)"},
    "popup_country": {"fr": "Pays", "en": "Country"},
    "popup_continent": {"fr": "Continent", "en": "Continent"},
    "popup_role": {"fr": "Rôle", "en": "Role"},
    "popup_editions": {"fr": "Éditions", "en": "Editions"},
    # Editions page
    "timeline": {"fr": "Chronologie des éditions", "en": "Timeline of the editions"},
    "dates": {"fr": "Dates", "en": "Dates"},
    "venue": {"fr": "Lieu", "en": "Venue"},
    "theme": {"fr": "Thème", "en": "Theme"},
    "guest": {"fr": "Ville invitée", "en": "Guest city"},
    "part": {"fr": "Volet", "en": "Part"},
    "notes": {"fr": "Remarques", "en": "Notes"},
    "not_published": {"fr": "non publié", "en": "not published"},
    "metric_across": {
        "fr": "Chaque chiffre d'une édition à l'autre",
        "en": "Each figure across editions",
    },
    "metric": {"fr": "Indicateur", "en": "Metric"},
    "value": {"fr": "Valeur", "en": "Value"},
    "qualifier": {"fr": "Précision", "en": "Qualifier"},
    "stage": {"fr": "Statut", "en": "Stage"},
    "editions_col": {"fr": "Éditions", "en": "Editions"},
    "source": {"fr": "Source", "en": "Source"},
    "quote": {"fr": "Citation", "en": "Quote"},
    "disagreements": {"fr": "Sources en désaccord", "en": "Disagreeing sources"},
    "no_disagreement": {"fr": "Aucun désaccord.", "en": "No disagreement."},
    "compare": {"fr": "Comparer deux éditions", "en": "Compare two editions"},
    "compare_first": {"fr": "Première édition", "en": "First edition"},
    "compare_second": {"fr": "Seconde édition", "en": "Second edition"},
    "compare_needs_lists": {
        "fr": "Il faut au moins deux éditions avec une liste de villes.",
        "en": "Comparing needs two editions with a city list.",
    },
    "new_cities": {"fr": "Nouvelles", "en": "New"},
    "returning_cities": {"fr": "Fidèles", "en": "Returning"},
    "absent_cities": {"fr": "Absentes", "en": "Absent"},
    # Cities page
    "search": {"fr": "Rechercher une ville ou un pays", "en": "Search a city or a country"},
    "city": {"fr": "Ville", "en": "City"},
    "country": {"fr": "Pays", "en": "Country"},
    "continent": {"fr": "Continent", "en": "Continent"},
    "role": {"fr": "Rôle", "en": "Role"},
    "editions_attended": {"fr": "Éditions", "en": "Editions attended"},
    "first_edition": {"fr": "Première édition", "en": "First edition"},
    "coordinates_from": {"fr": "Coordonnées", "en": "Coordinates from"},
    "status": {"fr": "Statut", "en": "Status"},
    "download_csv": {"fr": "Télécharger en CSV", "en": "Download as CSV"},
    "cities_shown": {"fr": "{count} villes", "en": "{count} cities"},
    # Sources page
    "sources_intro": {
        "fr": "Chaque chiffre avec sa citation et son document source. Rien n'est arrondi.",
        "en": "Every figure with its quote and source document. Nothing is rounded.",
    },
    "documents": {"fr": "Les documents sources", "en": "The source documents"},
    "document": {"fr": "Document", "en": "Document"},
    "date": {"fr": "Date", "en": "Date"},
    "language_col": {"fr": "Langue", "en": "Language"},
    "file": {"fr": "Fichier", "en": "File"},
    "missing_data": {"fr": "Données manquantes", "en": "Missing data"},
    "missing_editions": {
        "fr": "Éditions {editions} : aucune source dans le dossier de données.",
        "en": "Editions {editions}: no source in the data folder.",
    },
    "add_your_list": {
        "fr": "Pour ajouter une liste de villes, complétez data/cities.csv (voir README).",
        "en": "To add a city list, extend data/cities.csv (see README).",
    },
}

QUALIFIER_SIGNS = {"exact": "", "about": "≈ ", "at_least": "≥ "}
QUALIFIER_NAMES = {
    "exact": {"fr": "exact", "en": "exact"},
    "about": {"fr": "environ", "en": "about"},
    "at_least": {"fr": "au moins", "en": "at least"},
}
STAGE_NAMES = {
    "achieved": {"fr": "réalisé", "en": "achieved"},
    "announced": {"fr": "annoncé", "en": "announced"},
}
ROLE_NAMES = {
    "host": {"fr": "ville hôte", "en": "host city"},
    "guest": {"fr": "ville invitée", "en": "guest city"},
    "delegation": {"fr": "délégation", "en": "delegation"},
}
CONTINENT_NAMES = {
    "Africa": {"fr": "Afrique", "en": "Africa"},
    "Americas": {"fr": "Amériques", "en": "Americas"},
    "Asia": {"fr": "Asie", "en": "Asia"},
    "Europe": {"fr": "Europe", "en": "Europe"},
    "Oceania": {"fr": "Océanie", "en": "Oceania"},
}
METRIC_NAMES = {
    "participants": {"fr": "Participants", "en": "Participants"},
    "visitors": {"fr": "Visiteurs", "en": "Visitors"},
    "speakers": {"fr": "Intervenants", "en": "Speakers"},
    "journalists": {"fr": "Journalistes", "en": "Journalists"},
    "media_outlets": {"fr": "Médias", "en": "Media outlets"},
    "delegation_members": {"fr": "Membres de délégations", "en": "Delegation members"},
    "cities": {"fr": "Villes", "en": "Cities"},
    "continents": {"fr": "Continents", "en": "Continents"},
    "exhibitors": {"fr": "Exposants", "en": "Exhibitors"},
    "showcases": {"fr": "Showcases", "en": "Showcases"},
    "startups_presenting": {"fr": "Startups exposantes", "en": "Startups presenting"},
    "startups_pitching": {"fr": "Startups en pitch", "en": "Startups pitching"},
    "award_winners": {"fr": "Lauréats", "en": "Award winners"},
}
PROVIDER_NAMES = {
    "manual": {"fr": "correction manuelle", "en": "manual correction"},
    "gazetteer": {"fr": "index GeoNames hors ligne", "en": "offline GeoNames index"},
    "nominatim": {"fr": "Nominatim (en ligne)", "en": "Nominatim (online)"},
    "": {"fr": "non localisée", "en": "not located"},
}


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled in."""
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def name_in(table: dict[str, dict[str, str]], key: str, lang: str) -> str:
    """A named value (metric, role, continent…) in `lang`; unknown keys are shown as they are."""
    return table.get(key, {}).get(lang, key)


def format_number(value: int, lang: str) -> str:
    """15 000 in French, 15,000 in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", "\u202f") if lang == "fr" else grouped


def format_figure(value: int, qualifier: str, lang: str) -> str:
    """A figure as the source states it: ≈ 85, ≥ 15 000, 112."""
    return f"{QUALIFIER_SIGNS[qualifier]}{format_number(value, lang)}"


MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}


def _is_missing(value: object) -> bool:
    return value is None or value != value  # NaT and NaN are not equal to themselves


def format_date_range(start: date | None, end: date | None, lang: str) -> str:
    """`17–18 mai 2017`, `30 April – 2 May 2018`; empty when no date was published."""
    if _is_missing(start):
        return ""
    end = start if _is_missing(end) else end
    months = MONTHS[lang].split()

    def day_month(day: date) -> str:
        return f"{day.day} {months[day.month - 1]}"

    if start == end:
        return f"{day_month(start)} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_month(end)} {end.year}"
    if start.year == end.year:
        return f"{day_month(start)} – {day_month(end)} {end.year}"
    return f"{day_month(start)} {start.year} – {day_month(end)} {end.year}"


@cache
def _french_countries() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


def country_name(code: str, lang: str) -> str:
    """The country's common name in `lang` (Royaume-Uni / United Kingdom)."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return code
    if lang == "en":
        return getattr(country, "common_name", None) or country.name
    return _french_countries().gettext(country.name)


def default_language(accept_language: str | None) -> str:
    """The browser's first supported language, else French."""
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
