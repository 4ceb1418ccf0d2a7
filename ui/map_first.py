"""Map first: a session's first run of the map page draws its title and its map alone; the
rest (the sidebar's filters, the figures beside and below the map) follows as soon as the map's
frame reports the map on screen.

Why: a new visitor's browser compiles each kind of element's code on first use, on the thread
that also draws the map's frame. Sent in one run, the filters and the cards delayed the map by
about a quarter of a second (bench/README.md, "Map first"). The map comes that much sooner;
the whole page 0.1-0.2 s later than before.

The frame reports by setting its component value once it has painted its markers
(ui/map_component/frame.js). The value's callback marks the session before the rerun it
triggers, so that rerun draws everything. A browser that opens a new session with the value
already set (moved to another replica, or back after a restart) has its report read in the
first run, which then draws everything too, the sidebar last.
"""

from __future__ import annotations

import streamlit as st

# Set once this session's map page has had its map on screen; from then on it draws whole.
SHOWN_KEY = "footprint_map_shown"


def map_shown() -> bool:
    return st.session_state.get(SHOWN_KEY, False)


def note_shown() -> None:
    """The map's report callback (its frame reports once it has painted its markers)."""
    st.session_state[SHOWN_KEY] = True


def holds_back(page: st.Page, map_page: st.Page) -> bool:
    """Whether this run draws only the map: the map page, before its map was ever shown."""
    return page is map_page and not map_shown()


def finish_first_view(reported: bool) -> None:
    """Called right after the map: stop there until the frame reports it shown. A report this
    run already carries (a new session in a browser that showed the map) lets the page go on;
    app.py then draws the sidebar it held back, after the page."""
    if map_shown():
        return
    if reported:
        note_shown()
        return
    st.stop()
