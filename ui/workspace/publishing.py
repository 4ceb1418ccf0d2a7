"""One click publishes the reviewed list; the history lists every version (when, who, which
file) and one click puts the data back as it was before any of them. A version whose record
cannot be read is named above the list, with why, and left on disk for a person to deal with.

The publisher checks the whole data folder before writing and writes nothing if it would not
load; the public pages read the new files on their next run (their cache is keyed on the
files), so nothing needs restarting.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from footprint.auth import Organizer
from footprint.i18n import format_date_range, t
from footprint.list_editing import keep_provenance
from footprint.publisher import publish, restore
from footprint.refusals import REFUSED_CHANGES, refusal
from footprint.static_site.publish import refresh_site
from footprint.versions import UnreadableVersion, Version, read_history
from ui.markdown import escape_markdown
from ui.workspace.state import Draft, Workspace

HISTORY_SHOWN = 30


def publish_step(
    state: Workspace, draft: Draft, folder: Path, cities: pd.DataFrame, who: Organizer, lang: str
) -> None:
    """The publish button, with what still blocks it."""
    review = draft.review
    if review.needs_organizer:
        st.info(t("ws_publish_blocked", lang))
    nothing_placed = not review.needs_organizer and review.summary["placed"] == 0
    if nothing_placed:
        st.info(t("ws_nothing_placed", lang))
    if review.creates_edition and draft.new_edition is None:
        st.warning(t("ws_new_edition_needed", lang, number=review.edition))
    blocked = (
        review.needs_organizer
        or nothing_placed
        or (review.creates_edition and draft.new_edition is None)
    )
    if st.button(
        t("ws_publish", lang, number=review.edition),
        type="primary",
        disabled=blocked,
        key="ws_publish",
    ):
        _publish(state, draft, folder, cities, who)


def _publish(
    state: Workspace, draft: Draft, folder: Path, cities: pd.DataFrame, who: Organizer
) -> None:
    review = draft.review
    rows = review.cities_rows(who.name, draft.file_name)
    if draft.edited_in_place:
        rows = keep_provenance(review, rows, cities, review.edition)
    edition_rows = review.edition_rows(who.name, draft.file_name)
    if edition_rows and draft.new_edition is not None:
        edition_rows = [{**row, **draft.new_edition.columns()} for row in edition_rows]
    try:
        version = publish(
            folder,
            review.edition,
            rows,
            who=who.name,
            file_name=draft.file_name,
            edition_rows=edition_rows or None,
            manual_places=review.manual_places(who.name),
        )
    except REFUSED_CHANGES as error:
        state.refusal = refusal(error)
        st.rerun()  # the outcome is drawn above the button: show it now, not on the next run
    _done(state, version, folder)


def _done(state: Workspace, version: Version, folder: Path) -> None:
    """Say what was published, and bring the static public site (if one is set up) up to
    date with it."""
    refreshed = refresh_site(folder)
    state.site_problem = refreshed.error if refreshed is not None else None
    state.published, state.refusal, state.draft = version, None, None
    state.reviewed_inputs, state.map_click = (), None
    state.widgets_round += 1
    st.rerun()


def outcome(state: Workspace, lang: str) -> None:
    """What the last publish or restore did, once; or why it was refused, until the next try."""
    if state.published is not None:
        st.success(
            t("ws_published", lang, version=state.published.id)
            + " "
            + escape_markdown(state.published.describe(lang))
        )
        st.page_link("pages/map.py", label=t("ws_see_map", lang))
        state.published = None
    if state.site_problem:
        st.warning(t("ws_site_not_updated", lang))
        st.code(state.site_problem, language=None)
        state.site_problem = None
    if state.refusal is not None:
        st.error(state.refusal.sentence(lang))
        st.code(state.refusal.detail, language=None)


def when_text(version: Version, lang: str) -> str:
    day = version.when.date()
    return f"{format_date_range(day, day, lang)} {version.when:%H:%M} UTC"


def _unreadable_warning(unreadable: tuple[UnreadableVersion, ...], lang: str) -> None:
    """Each unreadable meta.json by its path, with why; both come from the disk, so escaped."""
    files = "\n".join(
        f"- {escape_markdown(problem.path)}: {escape_markdown(problem.reason)}"
        for problem in unreadable
    )
    st.warning(t("ws_history_unreadable", lang) + "\n\n" + files)


def history_section(state: Workspace, folder: Path, who: Organizer, lang: str) -> None:
    """Every version, newest first, each with a button that undoes it and everything after; above
    them, the versions whose record cannot be read, so that one bad file hides only itself."""
    st.header(t("ws_history", lang))
    found = read_history(folder)
    if found.unreadable:
        _unreadable_warning(found.unreadable, lang)
    versions = found.versions
    if not versions:
        st.info(t("ws_history_empty", lang))
        return
    st.caption(t("ws_history_help", lang))
    for version in versions[:HISTORY_SHOWN]:
        text_column, button_column = st.columns([5, 1], vertical_alignment="center")
        with text_column:
            st.markdown(
                f"**{escape_markdown(version.id)}** · {escape_markdown(when_text(version, lang))}"
                f" · {escape_markdown(version.who)}"
                + (f" · {escape_markdown(version.file_name)}" if version.file_name else "")
            )
            st.caption(escape_markdown(version.describe(lang)))
        if button_column.button(t("ws_restore", lang), key=f"ws_restore_{version.id}"):
            try:
                done = restore(folder, version.id, who=who.name)
            except REFUSED_CHANGES as error:
                state.refusal = refusal(error)
                st.rerun()
            _done(state, done, folder)
