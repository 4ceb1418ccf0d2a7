"""Where a draft comes from: the edition (an existing one, or a new one described here), the
uploaded file and its sheet, and which column is which when the headers are not recognised."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from footprint.i18n import t
from footprint.importer import ImportFileError, list_sheets, review_upload
from footprint.importer.headers import FIELD_KEYS, FIELDS, recognise_headers
from footprint.importer.messages import error_text
from footprint.importer.reading import MAX_FILE_BYTES, read_upload
from footprint.schema import EDITIONS
from ui.markdown import escape_markdown
from ui.workspace.state import Draft, NewEdition, Workspace

NEW_EDITION = 0  # the edition selectbox's "new edition" option (editions start at 1)
ACCEPTED_TYPES = ["csv", "xlsx", "ods"]
MAX_UPLOAD_MB = MAX_FILE_BYTES // (1024 * 1024)
THEME_COLUMNS = tuple(name for name in EDITIONS.column_names if name.startswith("theme_"))
NO_FIELD = ""  # a column left out: FIELD_KEYS names it


def edition_label(edition: int, years: dict[int, int], lang: str) -> str:
    if edition == NEW_EDITION:
        return t("ws_new_edition", lang)
    return t("edition_label", lang, number=edition, year=years[edition])


def choose_edition(
    state: Workspace, years: dict[int, int], lang: str
) -> tuple[int, NewEdition | None] | None:
    """The edition the file is for; a new one comes with its year, dates, venue and themes.
    None while the new edition's number clashes with an existing one. The fields start afresh
    after each publish (their keys carry the round)."""
    options = [NEW_EDITION, *sorted(years, reverse=True)]
    edition = st.selectbox(
        t("ws_edition", lang),
        options,
        format_func=lambda value: edition_label(value, years, lang),
        key=f"ws_import_edition_{state.widgets_round}",
    )
    if edition != NEW_EDITION:
        return edition, None
    new = _new_edition_fields(years, lang, state.widgets_round)
    if new.number in years:
        st.error(t("ws_edition_exists", lang, number=new.number))
        return None
    return new.number, new


def _new_edition_fields(years: dict[int, int], lang: str, round_: int) -> NewEdition:
    with st.container(border=True):
        number_column, year_column, start_column, end_column = st.columns(4)
        number = number_column.number_input(
            t("ws_edition_number", lang),
            min_value=1,
            value=max(years, default=0) + 1,
            step=1,
            key=f"ws_new_number_{round_}",
        )
        year = year_column.number_input(
            t("ws_edition_year", lang),
            min_value=2000,
            max_value=2100,
            value=dt.date.today().year,
            step=1,
            key=f"ws_new_year_{round_}",
        )
        start = start_column.date_input(
            t("ws_start_date", lang), value=None, key=f"ws_new_start_{round_}"
        )
        end = end_column.date_input(t("ws_end_date", lang), value=None, key=f"ws_new_end_{round_}")
        venue = st.text_input(t("venue", lang), key=f"ws_new_venue_{round_}", max_chars=200)
        themes = {
            column: st.text_input(
                t("ws_theme_in", lang, language=column.removeprefix("theme_")),
                key=f"ws_new_{column}_{round_}",
                max_chars=300,
            )
            for column in THEME_COLUMNS
        }
    return NewEdition(int(number), int(year), start, end, venue, themes)


def choose_file(state: Workspace, edition: int, new: NewEdition | None, lang: str) -> None:
    """The uploaded file becomes the draft; removing it drops the draft."""
    uploaded = st.file_uploader(
        t("ws_file", lang),
        type=ACCEPTED_TYPES,
        key=f"ws_file_{state.widgets_round}",
        help=t("ws_file_help", lang, size=MAX_UPLOAD_MB),
        max_upload_size=MAX_UPLOAD_MB,
    )
    if uploaded is None:
        state.draft = None
        return
    draft = state.draft
    if draft is None or draft.upload_id != uploaded.file_id:
        draft = Draft(uploaded.getvalue(), uploaded.name, edition, upload_id=uploaded.file_id)
        try:
            draft.sheets = list_sheets(draft.data, draft.file_name)
        except ImportFileError as error:
            draft.problem = error_text(error, lang)
        state.draft = draft
    draft.edition, draft.new_edition = edition, new
    if len(draft.sheets) > 1:
        draft.sheet = st.selectbox(t("ws_sheet", lang), draft.sheets, key="ws_sheet")


def refresh_review(state: Workspace, folder, lang: str) -> None:
    """Review the draft again when something it depends on changed, and only then: a review
    keeps the organizer's fixes, which a new review would drop. A refused file is read again
    when the language changes, so its message follows."""
    draft = state.draft
    if draft is None or _depends_on(draft, lang) == state.reviewed_inputs:
        return
    draft.review, draft.problem = None, None
    try:
        draft.header = read_upload(draft.data, draft.file_name, draft.sheet).header
        draft.review = review_upload(
            draft.data,
            draft.file_name,
            data_folder=folder,
            edition=draft.edition,
            sheet=draft.sheet,
            mapping=draft.mapping,
            year=draft.new_edition.year if draft.new_edition else None,
        )
    except ImportFileError as error:
        draft.problem = error_text(error, lang)
    finally:
        state.reviewed_inputs = _depends_on(draft, lang)


def _depends_on(draft: Draft, lang: str) -> tuple:
    """What the review depends on. A refused file has no fixes to lose: it is read again when
    the language changes, to say why in the new one."""
    return (*draft.inputs(), lang) if draft.problem else draft.inputs()


def column_mapping(draft: Draft, lang: str) -> None:
    """Which field each column holds: recognised headers are preset, and any can be changed
    (or left out). Open by itself when the review could not find the city column."""
    if not draft.header:
        return
    recognised = recognise_headers(draft.header)
    current = draft.mapping or {}
    with st.expander(t("ws_columns", lang), expanded=draft.review is None):
        st.caption(t("ws_columns_help", lang))
        options = [NO_FIELD, *FIELDS]
        mapping: dict[str, str | None] = {}
        for position, header in enumerate(draft.header):
            if not header.strip():
                continue
            chosen = current.get(header, recognised.get(header)) or NO_FIELD
            picked = st.selectbox(
                escape_markdown(header),
                options,
                index=options.index(chosen),
                format_func=lambda field: (
                    t(FIELD_KEYS[field], lang) if field in FIELD_KEYS else field
                ),
                key=f"ws_map_{draft.upload_id}_{position}",
            )
            mapping[header] = picked or None
    if mapping != {header: recognised.get(header) for header in mapping}:
        draft.mapping = mapping
    else:
        draft.mapping = None
