"""The one error for a file that cannot be read at all, located like every other problem."""

from __future__ import annotations


class ImportFileError(ValueError):
    """A file the import refuses as a whole: says where (line 0 and column "-" for the file
    itself), so the organizer fixes the file rather than guessing."""

    def __init__(self, file: str, line: int, column: str, message: str):
        self.file, self.line, self.column, self.message = file, line, column, message
        super().__init__(f"{file}:{line}: {column}: {message}")
