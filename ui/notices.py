"""What the sidebar says when the data folder has a problem: visitors learn that they see the
last published data, organizers also see which lines are wrong."""

from __future__ import annotations

import streamlit as st

from footprint.auth import Organizer
from footprint.data import data_dir
from footprint.i18n import LANGUAGES, t
from ui import data


def unusable_data(error: Exception) -> None:
    """No data set ever loaded: say so in every language (the language is not known yet) and
    stop the page."""
    st.error(" / ".join(t("data_error", lang) for lang in LANGUAGES))
    st.code(str(error), language=None)
    st.stop()


def broken_files(organizer: Organizer | None, lang: str) -> None:
    """Files broken since the last good load: the pages keep showing that load."""
    problems = data.load_problems(data_dir())
    if not problems:
        return
    st.sidebar.caption(t("data.last_good", lang))
    if organizer is not None:  # what is wrong is for organizers' eyes only
        st.sidebar.error(t("data_error", lang))
        st.sidebar.code("\n".join(problems), language=None)
