"""The presentation page's Streamlit side: its options from the address, the deck built once
per data change and option set, and shown on the whole screen.

The address carries the view (`edition`, `lang`, read by the shared filters) and the deck's own
options: `interval` (seconds between slides, 0 to advance only by hand) and `theme`
(`light` or `dark`). app.py calls `remember_options` on every run, so a value that makes no
sense falls back to the last good one, and the page writes the settled options back.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from footprint.filters import Filters
from footprint.i18n import t
from footprint.present import DEFAULT_INTERVAL_S, MAX_INTERVAL_S, THEMES, render_presentation
from footprint.qr import public_base_url
from footprint.slides import build_slides
from ui import data

STATE_KEY = "footprint_presentation"
PAGE_PATH = "pages/present.py"
URL_PATH = "present"
PAGE_CSS = Path(__file__).resolve().parent / "presentation.css"
SECRETS_SECTION = "footprint"


@dataclass(frozen=True)
class DeckOptions:
    interval: float = DEFAULT_INTERVAL_S
    theme: str = "light"

    def to_query_params(self) -> dict[str, str]:
        return {"interval": f"{self.interval:g}", "theme": self.theme}


def parse_options(interval: str | None, theme: str | None, previous: DeckOptions) -> DeckOptions:
    """Options from the address; a value that makes no sense keeps the previous one."""
    seconds = previous.interval
    if interval is not None:
        try:
            seconds = min(max(float(interval), 0.0), MAX_INTERVAL_S)
        except ValueError:
            seconds = previous.interval
        if seconds != seconds:  # NaN
            seconds = previous.interval
    chosen_theme = theme.lower() if theme and theme.lower() in THEMES else previous.theme
    return DeckOptions(seconds, chosen_theme)


def remember_options() -> None:
    """Settle the deck's options from the address, the last good ones standing in for values
    that make no sense (app.py calls this on every run)."""
    previous = st.session_state.get(STATE_KEY, DeckOptions())
    st.session_state[STATE_KEY] = parse_options(
        st.query_params.get("interval"), st.query_params.get("theme"), previous
    )


def options() -> DeckOptions:
    return st.session_state.get(STATE_KEY, DeckOptions())


def link_params(filters: Filters) -> dict[str, str]:
    """The address parameters of the presentation of the view `filters` shows."""
    return {
        "edition": "all" if filters.edition is None else str(filters.edition),
        "lang": filters.lang,
    }


def configured_public_url() -> str | None:
    """`[footprint] public_url` in Streamlit's secrets, if set (the press kit reads it too)."""
    if not st.secrets.load_if_toml_exists():
        return None
    section = st.secrets.to_dict().get(SECRETS_SECTION, {})
    return section.get("public_url") if isinstance(section, dict) else None


@st.cache_data(show_spinner=False, max_entries=8)
def _deck(
    folder: str,
    signature: tuple,
    lang: str,
    edition: int | None,
    deck: DeckOptions,
    public_base: str | None,
    today: dt.date,
) -> str:
    dataset, located = data.load(Path(folder))
    return render_presentation(
        build_slides(dataset, located, lang, today=today),
        lang=lang,
        interval=deck.interval,
        theme=deck.theme,
        start_edition=edition,
        public_base=public_base,
    )


def show(filters: Filters, folder: Path) -> None:
    """The deck for `filters` (its language; it starts on its edition), full screen."""
    deck = options()
    settled = deck.to_query_params()
    if any(st.query_params.get(name) != value for name, value in settled.items()):
        st.query_params.update(settled)  # only on a change: each write is a message
    public_base = public_base_url(os.environ, configured_public_url(), st.context.url)
    st.html(PAGE_CSS)
    st.iframe(
        _deck(
            str(folder),
            data.served_version(folder),  # a saved or replaced data file: a new deck
            filters.lang,
            filters.edition,
            deck,
            public_base,
            dt.date.today(),
        ),
        height=720,
        tab_index=0,
        alt=t("present.page_title", filters.lang),
    )


def present_button(filters: Filters) -> None:
    """Opens the presentation of the view on screen (its edition, its language)."""
    st.page_link(
        PAGE_PATH,
        label=t("present.button", filters.lang),
        icon=":material/slideshow:",
        help=t("present.button_help", filters.lang),
        query_params=link_params(filters),
    )
