"""Edit a published list in place: the edition's rows in a table, then the same review and the
same publish as an uploaded file (the edited table is reviewed as a CSV file)."""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from footprint.i18n import t
from footprint.list_editing import EDITABLE, editable_table, table_as_csv
from footprint.schema import ROLES
from ui.workspace.state import Draft, Workspace
from ui.workspace.upload import edition_label


def edit_step(state: Workspace, cities: pd.DataFrame, years: dict[int, int], lang: str) -> None:
    with_lists = sorted({int(number) for number in cities["edition"].dropna()}, reverse=True)
    if not with_lists:
        st.info(t("ws_no_list_to_edit", lang))
        return
    edition = st.selectbox(
        t("ws_edition", lang),
        with_lists,
        format_func=lambda value: edition_label(value, years, lang),
        key="ws_edit_edition",
    )
    edited = st.data_editor(
        editable_table(cities, edition),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key=f"ws_editor_{edition}_{state.widgets_round}",
        column_config={
            EDITABLE["city"]: st.column_config.TextColumn(t("city", lang), required=True),
            EDITABLE["country"]: st.column_config.TextColumn(
                t("country", lang), help=t("ws_country_code", lang), max_chars=2
            ),
            EDITABLE["role"]: st.column_config.SelectboxColumn(
                t("role", lang), options=list(ROLES), required=True
            ),
            EDITABLE["continent_published"]: st.column_config.TextColumn(t("continent", lang)),
        },
    )
    if st.button(t("ws_check_edits", lang), key="ws_check_edits"):
        state.draft = Draft(
            table_as_csv(edited),
            f"list-editor-edition-{edition}.csv",
            edition,
            upload_id=f"editor-{time.monotonic_ns()}",
            edited_in_place=True,
        )
