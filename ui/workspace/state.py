"""The workspace's one session entry: the list under review and what was last published.

Everything the workspace remembers between reruns lives in `Workspace`, so signing out (which
clears the session) forgets a draft whole, and no page reads loose session keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import streamlit as st

from footprint.importer import Review
from footprint.refusals import Refusal
from footprint.versions import Version

STATE_KEY = "footprint_workspace"


@dataclass(frozen=True)
class NewEdition:
    """What the organizer says about an edition that is not in editions.csv yet."""

    number: int
    year: int
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    venue: str = ""
    themes: dict[str, str] = field(default_factory=dict)  # theme_fr, theme_en… → text

    def columns(self) -> dict[str, str]:
        """editions.csv values beyond what the review fills in (edition, year, source, quote)."""
        return {
            "start_date": self.start_date.isoformat() if self.start_date else "",
            "end_date": self.end_date.isoformat() if self.end_date else "",
            "venue": self.venue.strip(),
            **{column: text.strip() for column, text in self.themes.items()},
        }


@dataclass
class Draft:
    """One list on its way to publication: the file (uploaded, or written by the list editor),
    the choices that shape its review, and the review with the organizer's fixes."""

    data: bytes
    file_name: str
    edition: int
    upload_id: str = ""
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    header: list[str] = field(default_factory=list)
    mapping: dict[str, str | None] | None = None
    new_edition: NewEdition | None = None
    edited_in_place: bool = False
    review: Review | None = None
    problem: str | None = None  # why the file cannot be reviewed: file:line: column: what

    def inputs(self) -> tuple:
        """What the review depends on: when one changes, the file is reviewed again."""
        mapping = tuple(sorted((self.mapping or {}).items(), key=str))
        year = self.new_edition.year if self.new_edition else None
        return (self.upload_id, self.file_name, self.edition, self.sheet, mapping, year)


@dataclass
class Workspace:
    draft: Draft | None = None
    reviewed_inputs: tuple = ()
    published: Version | None = None  # said once, after a publish or a restore
    refusal: Refusal | None = None  # why the last publish or undo wrote nothing
    widgets_round: int = 0  # bumped after a publish: the uploader and editor start empty
    map_click: tuple[float, float] | None = None  # the last click on the place-by-hand map
    site_problem: str | None = None  # the static site could not follow the last publish


def workspace() -> Workspace:
    if STATE_KEY not in st.session_state:
        st.session_state[STATE_KEY] = Workspace()
    return st.session_state[STATE_KEY]
