"""Which column holds what: headers in French or English, any case or accent, or the
organizer's own mapping (file header → field) when they are not recognised."""

from __future__ import annotations

from dataclasses import dataclass

from footprint.i18n import N_
from footprint.importer.errors import ImportFileError
from geo.normalize import fold

FIELDS = ("edition", "city", "country", "continent", "role")
# Each field's name on screen; "" is a column left out.
FIELD_KEYS = {
    "": N_("ws_field_none"),
    "edition": N_("ws_field_edition"),
    "city": N_("ws_field_city"),
    "country": N_("ws_field_country"),
    "continent": N_("ws_field_continent"),
    "role": N_("ws_field_role"),
}

# Header → field, compared folded (no case, accents or apostrophes). A year column is an
# edition column: its four-digit values are matched to that year's edition.
_HEADER_WORDS = {
    "edition": (
        "edition",
        "editions",
        "n edition",
        "no edition",
        "numéro d'édition",
        "edition number",
        "année",
        "year",
    ),
    "city": (
        "ville",
        "villes",
        "city",
        "cities",
        "town",
        "commune",
        "municipalité",
        "municipality",
        "nom de la ville",
        "city name",
        "ville participante",
        "localité",
    ),
    "country": ("pays", "country", "code pays", "country code", "nation", "iso"),
    "continent": ("continent", "continents", "zone", "zone géographique", "région du monde"),
    "role": ("rôle", "role", "roles", "statut", "status", "type de participation", "participation"),
}
_FIELD_OF_HEADER = {fold(word): name for name, words in _HEADER_WORDS.items() for word in words}


@dataclass(frozen=True)
class Columns:
    """Field → position in the row, and the header as written, to name it in messages."""

    positions: dict[str, int]
    header: list[str]

    def name(self, field: str) -> str:
        position = self.positions.get(field)
        return self.header[position].strip() if position is not None else field

    def cell(self, cells: list[str], field: str) -> str:
        position = self.positions.get(field)
        return cells[position] if position is not None and position < len(cells) else ""


def recognise_headers(header: list[str]) -> dict[str, str | None]:
    """Each header as written → the field it is taken for, or None: what a mapping step shows."""
    return {name: _FIELD_OF_HEADER.get(fold(name)) for name in header}


def _position(header: list[str], wanted: str, file_name: str) -> int:
    for position, name in enumerate(header):
        if name.strip() == wanted.strip():
            return position
    for position, name in enumerate(header):
        if fold(name) == fold(wanted):
            return position
    raise ImportFileError(
        file_name,
        1,
        wanted,
        f"no such column; the columns are: {', '.join(header)}",
        code="no_such_column",
        columns=header,
    )


def columns_for(
    header: list[str], file_name: str, mapping: dict[str, str | None] | None = None
) -> Columns:
    """Recognised headers, then the explicit mapping on top (it wins; None leaves a column
    out). Refuses two columns for one field and a file with no city column."""
    chosen: dict[int, str | None] = {
        position: _FIELD_OF_HEADER.get(fold(name)) for position, name in enumerate(header)
    }
    for wanted, field in (mapping or {}).items():
        if field not in (*FIELDS, None, ""):
            raise ImportFileError(
                file_name,
                1,
                wanted,
                f"{field!r} is not a field; one of: {', '.join(FIELDS)}",
                code="unknown_field",
                value=field,
                fields=FIELDS,
            )
        position = _position(header, wanted, file_name)
        if field:
            for other, other_field in chosen.items():
                if other_field == field and other != position:
                    chosen[other] = None
        chosen[position] = field or None
    positions: dict[str, int] = {}
    for position, field in chosen.items():
        if field is None:
            continue
        if field in positions:
            first = header[positions[field]].strip()
            raise ImportFileError(
                file_name,
                1,
                header[position].strip(),
                f"a second column for {field} (the first is {first!r}): map one of them to nothing",
                code="second_column",
                field=field,
                first=first,
            )
        positions[field] = position
    if "city" not in positions:
        names = [name.strip() for name in header]
        raise ImportFileError(
            file_name,
            1,
            "-",
            f"no column for the city (Ville or City); the columns are: {', '.join(names)}: "
            "map one of them to city",
            code="no_city_column",
            columns=names,
        )
    return Columns(positions, header)
