"""A refused file is explained in the organizer's language: every code the importer raises has
its sentence in French, English and Arabic, with its values (sizes, sheets, headers) shown as
the language writes them and the file's own text quoted as written, never interpreted."""

from __future__ import annotations

import ast
import io
import re
import string
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from footprint import i18n
from footprint.i18n import FIRST_STRONG_ISOLATE, POP_ISOLATE
from footprint.importer import ImportFileError, review_upload
from footprint.importer.headers import FIELDS, columns_for
from footprint.importer.messages import (
    LOCATION_KEYS,
    MESSAGE_KEYS,
    PARAM_KINDS,
    QUOTED_KEY,
    Shown,
    error_text,
)
from footprint.importer.reading import MAX_FILE_BYTES, read_upload
from footprint.importer.spreadsheets import MAX_UNPACKED_BYTES
from tests.import_fixtures.support import write_data_folder, xlsx_bytes
from tests.organizer_app import organizer_env, signed_in_by_link

__all__ = ["organizer_env"]  # the fixture, used by name below

IMPORTER = Path(i18n.__file__).parent / "importer"
TRANSLATED = ("fr", "ar")
# Words of the English sentences that neither French nor Arabic ever use.
ENGLISH_WORDS = re.compile(
    r"\b(the|file|than|save|split|line|column|columns|rows|lines|workbook|sheet|neither|nor|"
    r"must|whole|accepts|is|it|of|to|and|or|an|for|city)\b",
    re.IGNORECASE,
)
# Names that stay as they are in every language: formats, encodings, and the headers the
# importer recognises.
TECHNICAL_NAMES = re.compile(
    r"CSV|UTF-8|UTF-16|XLSX|XLS|ODS|Windows-1252|Excel|zip|editions\.csv|Ville|City|"
    r"Édition|Edition"
)
ISOLATED = re.compile(f"{FIRST_STRONG_ISOLATE}[^{POP_ISOLATE}]*{POP_ISOLATE}")


def _raise_sites() -> list[tuple[str, str | None, set[str]]]:
    """(where, code, parameter names) of every ImportFileError built in the importer."""
    sites = []
    for path in sorted(IMPORTER.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ImportFileError"
            ):
                continue
            keywords = {keyword.arg: keyword.value for keyword in node.keywords}
            code = keywords.pop("code", None)
            literal = code.value if isinstance(code, ast.Constant) else None
            sites.append((f"{path.name}:{node.lineno}", literal, set(keywords)))
    return sites


def _catalog(lang: str) -> dict[str, str]:
    path = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return {message.id: message.string for message in read_po(handle) if message.id}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_raise_site_names_a_known_code_and_fills_its_sentences():
    sites = _raise_sites()
    assert len(sites) >= 30
    for where, code, params in sites:
        assert code in MESSAGE_KEYS, f"{where}: code {code!r} has no message"
        assert params <= set(PARAM_KINDS), f"{where}: {params - set(PARAM_KINDS)} not shown"
        for lang in i18n.LANGUAGES:
            wanted = _placeholders(_catalog(lang)[MESSAGE_KEYS[code]])
            assert wanted <= params, f"{where}: {lang} {code} wants {wanted - params}"
    assert {code for _, code, _ in sites} == set(MESSAGE_KEYS), "a code no raise site uses"


def test_every_key_is_translated_in_every_catalog():
    keys = [*MESSAGE_KEYS.values(), *LOCATION_KEYS.values(), QUOTED_KEY]
    english = _catalog("en")
    for lang in i18n.LANGUAGES:
        catalog = _catalog(lang)
        for key in keys:
            assert catalog.get(key, "").strip(), f"{lang}: {key} missing"
            assert _placeholders(catalog[key]) == _placeholders(english[key]), f"{lang}: {key}"
            if lang in TRANSLATED:
                assert catalog[key] != english[key], f"{lang}: {key} is the English text"


SAMPLES = {
    Shown.QUOTED: "Feuille 2",
    Shown.QUOTED_LIST: ["Nom", "Pays"],
    Shown.FIELD: "country",
    Shown.FIELD_LIST: FIELDS,
    Shown.COUNT: 20_000,
    Shown.SIZE: 12.5,
    Shown.AS_WRITTEN: "2024",
}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_code_renders_in_every_language_with_no_placeholder_left(lang):
    params_of = {code: params for _, code, params in _raise_sites()}
    for code, params in params_of.items():
        values = {name: SAMPLES[PARAM_KINDS[name]] for name in params}
        text = error_text(ImportFileError("liste.csv", 4, "Pays", "-", code=code, **values), lang)
        assert "{" not in text and "}" not in text, f"{lang} {code}: {text}"
        assert "liste.csv" in text


def _refused(action) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        action()
    return caught.value


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


BAD_FILES = {
    "too big": (lambda: read_upload(b"x" * (MAX_FILE_BYTES + 500_000), "liste.csv")),
    "zip bomb": (
        lambda: read_upload(
            _zip({"xl/workbook.xml": b"<w/>", "s.xml": b"\0" * (MAX_UNPACKED_BYTES + 1)}),
            "liste.xlsx",
        )
    ),
    "not a spreadsheet": (lambda: read_upload(_zip({"readme.txt": b"hi"}), "liste.xlsx")),
    "old excel": (lambda: read_upload(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 99, "l.xls")),
    "binary": (lambda: read_upload(b"\x00\x01binary", "liste.csv")),
    "unknown encoding": (lambda: read_upload(b"Ville\nA\x81b\n", "liste.csv")),
    "no city column": (lambda: columns_for(["Nom", "Etat"], "liste.csv")),
    "damaged workbook": (lambda: read_upload(_zip({"xl/workbook.xml": b"<not"}), "liste.xlsx")),
    "unknown sheet": (
        lambda: read_upload(xlsx_bytes([["Ville"], ["Rabat"]]), "liste.xlsx", "2024")
    ),
    "a sheet asked of a CSV": (lambda: read_upload(b"Ville\nRabat\n", "liste.csv", "2024")),
}
# How each language says where: the file as a whole, a line, a column.
AS_A_WHOLE = {"fr": "(tout le fichier)", "en": "(the file as a whole)", "ar": "بأكمله"}
ON_LINE = {"fr": ", ligne ", "en": ", line ", "ar": "السطر"}


def _without_names(text: str, file_name: str) -> str:
    """The sentence alone: the file's name, isolated or quoted values and format names out."""
    text = ISOLATED.sub("", text).replace(file_name, "")
    text = re.sub(r"«[^»]*»", "", text)
    return TECHNICAL_NAMES.sub("", text)


@pytest.mark.parametrize("case", BAD_FILES)
@pytest.mark.parametrize("lang", TRANSLATED)
def test_real_bad_files_are_explained_in_french_and_arabic(case, lang):
    error = _refused(BAD_FILES[case])
    text = error_text(error, lang)
    file_name = Path(error.file).name
    assert file_name in text
    assert "{" not in text
    where = AS_A_WHOLE if error.line == 0 else ON_LINE
    assert where[lang] in text, text
    assert "line 0" not in text and "ligne 0" not in text
    sentence = _without_names(text, file_name)
    assert not ENGLISH_WORDS.search(sentence), f"English in {text!r}"
    if lang == "ar":
        assert not re.search("[A-Za-z]", sentence), f"Latin text outside values in {text!r}"
    assert error.message not in text


def test_sizes_limits_and_counts_are_the_languages_numbers():
    error = _refused(BAD_FILES["zip bomb"])
    assert error.params == {"unpacked_mb": 40.0, "parts": 2, "limit_mb": 40, "max_parts": 1000}
    french, english = error_text(error, "fr"), error_text(error, "en")
    assert "40,0 Mo" in french and "1\u202f000 parties" in french
    assert "40.0 MB" in english and "1,000 parts" in english
    assert f"{FIRST_STRONG_ISOLATE}1.000{POP_ISOLATE}" in error_text(error, "ar")
    too_big = _refused(BAD_FILES["too big"])
    assert "10,5 Mo" in error_text(too_big, "fr")


def test_the_location_reads_as_the_file_a_line_or_a_cell():
    def at(line, column):
        return error_text(ImportFileError("l.csv", line, column, "-", code="no_header"), "fr")

    assert at(0, "-").startswith("l.csv (tout le fichier) : la première ligne")
    assert at(3, "-").startswith("l.csv, ligne 3 : ")
    assert at(3, "Pays").startswith("l.csv, ligne 3, colonne « Pays » : ")
    assert at(0, "Pays").startswith("l.csv, colonne « Pays » : ")
    arabic = error_text(ImportFileError("l.csv", 3, "Pays", "-", code="no_header"), "ar")
    assert arabic.startswith(
        f"الملف {FIRST_STRONG_ISOLATE}l.csv{POP_ISOLATE}، السطر {FIRST_STRONG_ISOLATE}3"
        f"{POP_ISOLATE}، العمود «{FIRST_STRONG_ISOLATE}Pays{POP_ISOLATE}»: "
    )


def test_fields_are_named_as_the_column_mapping_names_them(tmp_path):
    error = _refused(lambda: columns_for(["Ville", "Commune"], "l.csv"))
    assert error.params == {"field": "city", "first": "Ville"}
    assert "le champ « ville » (la première est « Ville »)" in error_text(error, "fr")
    assert "للحقل «\u2068المدينة\u2069»" in error_text(error, "ar")


def test_edition_refusals_keep_years_and_lines_as_written(tmp_path):
    folder = write_data_folder(tmp_path / "data")
    several = _refused(
        lambda: review_upload(b"Edition;City\n2;Rabat\n3;Fes\n", "l.csv", data_folder=folder)
    )
    assert "édition 3 ici, édition 2 à la ligne 2" in error_text(several, "fr")
    year = _refused(
        lambda: review_upload(b"Edition;City\n2024;Rabat\n", "l.csv", data_folder=folder)
    )
    assert error_text(year, "fr").startswith("l.csv, ligne 2, colonne « Edition » : 2024 est")


MARKUP_HEADER = "Nom *gras*;<img src=x onerror=alert(1)>;[lien](javascript:alert(1))"


def test_markup_in_the_file_is_quoted_as_written_on_one_line():
    header = [*MARKUP_HEADER.split(";"), "Pays\nISO"]
    text = error_text(_refused(lambda: columns_for(header, "l.csv")), "fr")
    assert "« <img src=x onerror=alert(1)> »" in text
    assert "« [lien](javascript:alert(1)) »" in text
    assert "« Pays ISO »" in text and "\n" not in text


@pytest.mark.parametrize(
    ("lang", "wording"),
    [
        ("fr", "liste.csv, ligne 1 : aucune colonne pour la ville"),
        ("ar", "الملف \u2068liste.csv\u2069، السطر \u20681\u2069: لا يوجد عمود للمدينة"),
    ],
)
def test_the_workspace_shows_the_refusal_in_its_language_as_literal_text(
    organizer_env, monkeypatch, lang, wording
):
    """The refusal is a code block: markup from the file shows as written, nowhere rendered."""
    app = signed_in_by_link(monkeypatch, lang)
    data = (MARKUP_HEADER + "\nRabat;MA;x\n").encode()
    app.file_uploader[0].upload("liste.csv", data, "text/csv").run()
    assert not app.exception
    shown = app.code[0].value
    assert shown.startswith(wording)
    assert "<img src=x onerror=alert(1)>" in shown and "[lien](javascript:alert(1))" in shown
    rendered = [element.value for element in (*app.markdown, *app.error, *app.caption)]
    assert not any("onerror" in str(value) or "javascript" in str(value) for value in rendered)


def test_the_refusal_follows_a_change_of_language(organizer_env, monkeypatch):
    app = signed_in_by_link(monkeypatch, "fr")
    app.file_uploader[0].upload("liste.csv", b"Nom;Etat\nRabat;MA\n", "text/csv").run()
    assert app.code[0].value.startswith("liste.csv, ligne 1 : aucune colonne")
    app.sidebar.segmented_control[0].set_value("en").run()
    assert not app.exception
    assert app.code[0].value.startswith("liste.csv, line 1: no column for the city")
