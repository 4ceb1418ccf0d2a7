"""A refused file explained in the organizer's language: the sentence for the error's code,
its values shown the way that language writes them, after where in the file it is.

Plain text, with the file's own values (sheet names, headers, cells) quoted exactly as written:
the workspace shows it as a code block, where nothing is interpreted. The command line keeps
the error's English message.
"""

from __future__ import annotations

from enum import Enum

from babel.lists import format_list
from babel.numbers import format_decimal

from footprint.i18n import CLDR_LOCALES, N_, format_number, isolate, t
from footprint.importer.errors import ImportFileError
from footprint.importer.headers import FIELD_KEYS

# Every code an ImportFileError is raised with → its sentence in the catalogs.
MESSAGE_KEYS = {
    "file_too_large": N_("import_error.file_too_large"),
    "too_many_rows": N_("import_error.too_many_rows"),
    "too_many_lines": N_("import_error.too_many_lines"),
    "old_excel": N_("import_error.old_excel"),
    "csv_has_no_sheets": N_("import_error.csv_has_no_sheets"),
    "broken_utf16": N_("import_error.broken_utf16"),
    "not_text": N_("import_error.not_text"),
    "mixed_encodings": N_("import_error.mixed_encodings"),
    "unknown_encoding": N_("import_error.unknown_encoding"),
    "malformed_csv": N_("import_error.malformed_csv"),
    "no_header": N_("import_error.no_header"),
    "damaged_zip": N_("import_error.damaged_zip"),
    "workbook_too_large": N_("import_error.workbook_too_large"),
    "not_a_spreadsheet": N_("import_error.not_a_spreadsheet"),
    "damaged_workbook": N_("import_error.damaged_workbook"),
    "no_sheet": N_("import_error.no_sheet"),
    "unknown_sheet": N_("import_error.unknown_sheet"),
    "unknown_field": N_("import_error.unknown_field"),
    "no_such_column": N_("import_error.no_such_column"),
    "second_column": N_("import_error.second_column"),
    "no_city_column": N_("import_error.no_city_column"),
    "file_not_found": N_("import_error.file_not_found"),
    "not_an_edition_number": N_("import_error.not_an_edition_number"),
    "no_edition_column": N_("import_error.no_edition_column"),
    "no_edition_in_column": N_("import_error.no_edition_in_column"),
    "bad_edition_cell": N_("import_error.bad_edition_cell"),
    "year_without_edition": N_("import_error.year_without_edition"),
    "several_editions": N_("import_error.several_editions"),
    "data_file_broken": N_("import_error.data_file_broken"),
}
# Where the error is, by (has a line, has a column): line 0 is the file as a whole.
LOCATION_KEYS = {
    (False, False): N_("import_error.at_file"),
    (False, True): N_("import_error.at_column"),
    (True, False): N_("import_error.at_line"),
    (True, True): N_("import_error.at_cell"),
}
QUOTED_KEY = N_("import_error.quoted")


class Shown(Enum):
    """How a parameter is shown. Text from the file is quoted as written; a field is named as
    the column mapping names it; counts and sizes are the language's numbers; a line, an
    edition, a year or a byte names something, and is written as it is."""

    QUOTED = "quoted"
    QUOTED_LIST = "quoted list"
    FIELD = "field"
    FIELD_LIST = "field list"
    COUNT = "count"
    SIZE = "size"
    AS_WRITTEN = "as written"


PARAM_KINDS = {
    "sheet": Shown.QUOTED,
    "value": Shown.QUOTED,
    "first": Shown.QUOTED,
    "sheets": Shown.QUOTED_LIST,
    "columns": Shown.QUOTED_LIST,
    "field": Shown.FIELD,
    "fields": Shown.FIELD_LIST,
    "limit": Shown.COUNT,
    "limit_mb": Shown.COUNT,
    "parts": Shown.COUNT,
    "max_parts": Shown.COUNT,
    "size_mb": Shown.SIZE,
    "unpacked_mb": Shown.SIZE,
    "edition": Shown.AS_WRITTEN,
    "other_edition": Shown.AS_WRITTEN,
    "other_line": Shown.AS_WRITTEN,
    "year": Shown.AS_WRITTEN,
    "byte": Shown.AS_WRITTEN,
    "detail": Shown.AS_WRITTEN,
}


def error_text(error: ImportFileError, lang: str) -> str:
    """The refusal in `lang`: where (the file as a whole, a line, a column), then why."""
    values = {name: _shown(PARAM_KINDS[name], value, lang) for name, value in error.params.items()}
    message = t(MESSAGE_KEYS[error.code], lang, **values)
    has_line, has_column = error.line > 0, error.column not in ("", "-")
    return t(
        LOCATION_KEYS[(has_line, has_column)],
        lang,
        file=isolate(_one_line(error.file), lang),
        line=isolate(str(error.line), lang),
        column=isolate(_one_line(error.column), lang),
        message=message,
    )


def _shown(kind: Shown, value: object, lang: str) -> str:
    match kind:
        case Shown.QUOTED:
            return _quoted(value, lang)
        case Shown.QUOTED_LIST:
            return _listed([_quoted(item, lang) for item in value if str(item).strip()], lang)
        case Shown.FIELD:
            return _quoted(t(FIELD_KEYS[value], lang), lang)
        case Shown.FIELD_LIST:
            return _listed([_quoted(t(FIELD_KEYS[field], lang), lang) for field in value], lang)
        case Shown.COUNT:
            return isolate(format_number(value, lang), lang)
        case Shown.SIZE:
            size = format_decimal(value, format="#,##0.0", locale=CLDR_LOCALES[lang])
            return isolate(size, lang)
        case Shown.AS_WRITTEN:
            return isolate(_one_line(value), lang)


def _quoted(text: object, lang: str) -> str:
    return t(QUOTED_KEY, lang, value=isolate(_one_line(text), lang))


def _listed(items: list[str], lang: str) -> str:
    """`« a », « b » et « c »`: the language's own way of listing."""
    return format_list(items, style="standard", locale=CLDR_LOCALES[lang])


def _one_line(text: object) -> str:
    """A value on one line, so a cell's line breaks cannot break the message."""
    return " ".join(str(text).split())
