"""The shared filters in the sidebar, kept in the URL both ways so a link reproduces a view.

The filters live in one typed session entry. Widgets only edit it: their labels change with the
language, and Streamlit gives a relabelled widget a new identity (and a fresh value), so the
widgets' own state cannot be the source of truth.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from footprint.filters import ALL, Filters, parse_filters
from footprint.i18n import CONTINENT_NAMES, LANGUAGES, default_language, language_name, name_in, t
from geo.continents import M49_REGIONS
from ui.routing import rerun_through_app
from ui.styles import apply_page_styles

STATE_KEY = "footprint_filters"
# Set once a run of this session has drawn the filter widgets. Until then Streamlit calls no
# on_change for them, so the values the browser sends are adopted as they are.
WIDGETS_DRAWN_KEY = "footprint_filters_drawn"
URL_PARAMS = ("edition", "continent", "lang")


def _from_url(editions: list[int]) -> Filters:
    """A session's first filters come from the URL; values that make no sense are named."""
    raw = {name: st.query_params.get_all(name) for name in URL_PARAMS}
    parsed = parse_filters(raw, editions, default_language(st.context.locale))
    for name, value in parsed.ignored:
        st.toast(t("ignored_param", parsed.filters.lang, name=name, value=value), icon="⚠️")
    return parsed.filters


def current() -> Filters:
    """The filters chosen in the sidebar (app.py sets them up before every page)."""
    if STATE_KEY not in st.session_state:
        # A deep link (/editions) as a fresh server's very first request runs the page alone,
        # without app.py.
        rerun_through_app()
    return st.session_state[STATE_KEY]


def _in_m49_order(regions: list[str]) -> tuple[str, ...]:
    return tuple(sorted(regions, key=M49_REGIONS.index))


def _update(**changes: object) -> None:
    st.session_state[STATE_KEY] = replace(st.session_state[STATE_KEY], **changes)


def _on_widget(field: str, widget_key: str, convert=lambda value: value) -> None:
    _update(**{field: convert(st.session_state[widget_key])})


def _adopt_browser_widgets(lang: str, edition: object, continents: list[str]) -> None:
    """A session's first run normally draws the widgets from the URL. But a browser moved to
    another replica (or reconnected after a restart) opens a new session with a run that
    already carries its widgets' values, the visitor's latest change among them, and Streamlit
    calls no on_change for widgets this session never drew: take those values as they are.
    The same holds when a change interrupts the first run before it reached the widgets."""
    shown = Filters(None if edition == ALL else edition, _in_m49_order(continents), lang)
    if shown != current():
        st.session_state[STATE_KEY] = shown
        st.rerun()  # redraw the sidebar with the adopted filters (and labels)


def start(years: dict[int, int]) -> Filters:
    """This run's filters (`years`: edition → year): from the URL on a session's first run,
    then the session's own. The page is styled for their language and the URL kept in step."""
    editions = list(years)
    if STATE_KEY not in st.session_state:
        st.session_state[STATE_KEY] = _from_url(editions)
    if current().edition not in (None, *editions):
        # An organizer's undo removed the edition this visitor was looking at.
        _update(edition=None)
    chosen = current()
    apply_page_styles(chosen.lang)
    _write_to_url(chosen)
    return chosen


def sidebar(years: dict[int, int]) -> Filters:
    """Draw the shared filters in the sidebar, after `start` (a widget's change has already
    updated the filters when the run begins)."""
    editions = list(years)
    adopting = not st.session_state.get(WIDGETS_DRAWN_KEY, False)
    chosen = current()
    lang = chosen.lang
    with st.sidebar:
        shown_lang = st.segmented_control(
            t("language", lang),
            LANGUAGES,
            default=lang,
            key=f"lang_{lang}",
            format_func=language_name,
            required=True,
            on_change=_on_widget,
            args=("lang", f"lang_{lang}"),
        )
        options = [ALL, *editions]
        shown_edition = st.selectbox(
            t("edition", lang),
            options,
            index=options.index(ALL if chosen.edition is None else chosen.edition),
            key=f"edition_{lang}",
            format_func=lambda value: (
                t("all_editions", lang)
                if value == ALL
                else t("edition_label", lang, number=value, year=years[value])
            ),
            on_change=_on_widget,
            args=("edition", f"edition_{lang}", lambda value: None if value == ALL else value),
        )
        shown_continents = st.multiselect(
            t("continents", lang),
            M49_REGIONS,
            default=list(chosen.continents),
            key=f"continents_{lang}",
            format_func=lambda region: name_in(CONTINENT_NAMES, region, lang),
            help=t("continents_help", lang),
            placeholder=t("every_continent", lang),
            on_change=_on_widget,
            args=("continents", f"continents_{lang}", _in_m49_order),
        )
        st.caption(t("share_link", lang))
    if adopting:
        _adopt_browser_widgets(shown_lang, shown_edition, shown_continents)
        st.session_state[WIDGETS_DRAWN_KEY] = True
    return current()


def _write_to_url(chosen: Filters) -> None:
    """Set or delete only the filters' own parameters, so any other one (a campaign tag, the
    deck's interval= and theme=) stays in the link. A value already there is not sent again:
    every write is a message to the browser."""
    wanted = chosen.to_query_params()
    changed = {
        name: value for name, value in wanted.items() if st.query_params.get_all(name) != [value]
    }
    if changed:
        st.query_params.update(changed)  # one message; a key already there keeps its place
    for name in URL_PARAMS:
        if name not in wanted and name in st.query_params:
            del st.query_params[name]
