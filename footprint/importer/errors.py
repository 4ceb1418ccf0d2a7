"""The one error for a file that cannot be read at all, located like every other problem."""

from __future__ import annotations


class ImportFileError(ValueError):
    """A file the import refuses as a whole: says where (line 0 and column "-" for the file
    itself), so the organizer fixes the file rather than guessing.

    `message` is English, for the command line and its JSON; `code` and `params` (the values
    the message quotes) let the workspace say the same in the organizer's language
    (footprint.importer.messages)."""

    def __init__(
        self, file: str, line: int, column: str, message: str, *, code: str, **params: object
    ):
        self.file, self.line, self.column, self.message = file, line, column, message
        self.code, self.params = code, params
        super().__init__(f"{file}:{line}: {column}: {message}")
