"""The shared filters in the sidebar, kept in the URL both ways so a link reproduces a view."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from footprint.filters import ALL, Filters, parse_filters
from footprint.i18n import CONTINENT_NAMES, LANGUAGES, default_language, name_in, t
from geo.continents import M49_REGIONS

EDITION_KEY = "filter_edition"
CONTINENTS_KEY = "filter_continents"
LANG_KEY = "filter_lang"
URL_PARAMS = ("edition", "continent", "lang")
LANGUAGE_LABELS = {"fr": "Français", "en": "English"}


def _seed_from_url(editions: list[int]) -> None:
    """On a session's first run, the URL sets the widgets; values that make no sense are named."""
    raw = {name: st.query_params.get_all(name) for name in URL_PARAMS}
    parsed = parse_filters(raw, editions, default_language(st.context.locale))
    st.session_state[EDITION_KEY] = (
        ALL if parsed.filters.edition is None else parsed.filters.edition
    )
    st.session_state[CONTINENTS_KEY] = list(parsed.filters.continents)
    st.session_state[LANG_KEY] = parsed.filters.lang
    for name, value in parsed.ignored:
        st.toast(t("ignored_param", parsed.filters.lang, name=name, value=value), icon="⚠️")


def _route_through_app() -> None:
    """A deep link (/editions) can be a fresh server's very first request; Streamlit then runs
    the page alone in its legacy `pages/` mode, without app.py. Leave that mode and rerun, so
    app.py sets up the filters and st.navigation picks the same page."""
    PagesManager.uses_pages_directory = False
    st.rerun()


def current() -> Filters:
    """The filters as the sidebar holds them (set up by `sidebar` in app.py on every run)."""
    if LANG_KEY not in st.session_state:
        _route_through_app()
    edition = st.session_state[EDITION_KEY]
    return Filters(
        edition=None if edition == ALL else int(edition),
        continents=tuple(st.session_state[CONTINENTS_KEY]),
        lang=st.session_state[LANG_KEY],
    )


def sidebar(editions: list[int], years: dict[int, int]) -> Filters:
    """Draw the shared filters and write them back to the URL."""
    if LANG_KEY not in st.session_state:
        _seed_from_url(editions)
    lang = st.session_state[LANG_KEY]
    with st.sidebar:
        st.segmented_control(
            t("language", lang),
            LANGUAGES,
            key=LANG_KEY,
            format_func=LANGUAGE_LABELS.__getitem__,
            required=True,
        )
        lang = st.session_state[LANG_KEY]
        st.selectbox(
            t("edition", lang),
            [ALL, *editions],
            key=EDITION_KEY,
            format_func=lambda value: (
                t("all_editions", lang)
                if value == ALL
                else t("edition_label", lang, number=value, year=years[value])
            ),
        )
        st.multiselect(
            t("continents", lang),
            M49_REGIONS,
            key=CONTINENTS_KEY,
            format_func=lambda region: name_in(CONTINENT_NAMES, region, lang),
            help=t("continents_help", lang),
            placeholder=t("every_continent", lang),
        )
        st.caption(t("share_link", lang))
    filters = current()
    st.query_params.from_dict(filters.to_query_params())
    return filters
