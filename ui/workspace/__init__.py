"""The organizers' workspace: bring a city list (a spreadsheet, or the published list edited in
place), review it, fix what the gazetteer could not settle, preview it, publish it, undo.

One module per step; `render` lays them out. The page that calls it checks the sign-in first.
"""

from __future__ import annotations

import streamlit as st

from footprint.auth import Organizer
from footprint.data import data_dir
from footprint.i18n import N_, t
from ui import data
from ui.workspace import editor, placing, preview, publishing, review_table, upload
from ui.workspace.state import Workspace, workspace

IMPORT, EDIT = "import", "edit"
MODE_KEYS = {IMPORT: N_("ws_mode_import"), EDIT: N_("ws_mode_edit")}


def render(organizer: Organizer, lang: str) -> None:
    folder = data_dir()
    dataset, located = data.load(folder)
    years = data.edition_years(folder)
    state = workspace()
    st.title(t("page_organizers", lang))
    st.caption(t("ws_intro", lang))
    publishing.outcome(state, lang)
    mode = st.radio(
        t("ws_mode", lang),
        [IMPORT, EDIT],
        format_func=lambda value: t(MODE_KEYS[value], lang),
        horizontal=True,
        key="ws_mode",
    )
    if mode == IMPORT:
        if state.draft is not None and state.draft.edited_in_place:
            state.draft = None
        _import_source(state, years, lang)
    else:
        if state.draft is not None and not state.draft.edited_in_place:
            state.draft = None
        editor.edit_step(state, dataset.cities, years, lang)
    upload.refresh_review(state, folder, lang)
    if state.draft is not None and not state.draft.edited_in_place:
        upload.column_mapping(state.draft, lang)
        upload.refresh_review(state, folder, lang)
    _review(state, folder, dataset.cities, located, organizer, lang)
    st.divider()
    publishing.history_section(state, folder, organizer, lang)


def _import_source(state: Workspace, years: dict[int, int], lang: str) -> None:
    chosen = upload.choose_edition(state, years, lang)
    if chosen is None:
        return
    edition, new_edition = chosen
    upload.choose_file(state, edition, new_edition, lang)


def _review(state: Workspace, folder, cities, located, organizer: Organizer, lang: str) -> None:
    draft = state.draft
    if draft is None:
        return
    if draft.problem:
        st.error(t("ws_file_refused", lang))
        st.code(draft.problem, language=None)
        return
    review = draft.review
    if review is None:
        return
    st.header(t("ws_review", lang))
    review_table.summary(review, lang)
    review_table.rows_table(review, lang)
    placing.fix_rows(state, review, lang)
    preview.preview(review, lang)
    preview.changes(review, located, lang)
    publishing.publish_step(state, draft, folder, cities, organizer, lang)
