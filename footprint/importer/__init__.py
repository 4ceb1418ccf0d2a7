"""Organizers' own city lists (CSV, XLSX, ODS): read, recognise, check, place and review them
before the publisher writes anything. No Streamlit here: the workspace and the CLI share it."""

from footprint.importer.diff import Diff, diff_against
from footprint.importer.errors import ImportFileError
from footprint.importer.reading import list_sheets
from footprint.importer.review import Review, review_file, review_upload
from footprint.importer.rows import Candidate, ImportRow, Warning

__all__ = [
    "Candidate",
    "Diff",
    "ImportFileError",
    "ImportRow",
    "Review",
    "Warning",
    "diff_against",
    "list_sheets",
    "review_file",
    "review_upload",
]
