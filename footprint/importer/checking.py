"""Each row's rules, in order: formulas and markup, an empty city, duplicates, the country,
the place, the continent and the role. A row is rejected before it is ever geocoded."""

from __future__ import annotations

from footprint.importer.headers import Columns
from footprint.importer.placing import Placer
from footprint.importer.rows import DUPLICATE, PLACED, REJECTED, ImportRow, Warning
from footprint.importer.values import (
    FORMULA_STARTS,
    canonical_name,
    clean,
    continent_region,
    country_iso2,
    has_markup,
    is_formula,
    role_of,
)
from geo.continents import continent_of
from geo.normalize import fold


def column_name(names: list[str], position: int) -> str:
    """The header as written (trimmed), or `column 6` for a cell past the header or under an
    empty one."""
    name = clean(names[position]) if position < len(names) else ""
    return name or f"column {position + 1}"


def unsafe_cells(names: list[str], cleaned: list[str]) -> list[Warning]:
    """Formulas and markup anywhere in the row: the row is quoted whole, so any cell counts.
    `names`: the columns' names; `cleaned`: the row's trimmed cells."""
    warnings = []
    for position, text in enumerate(cleaned):
        if not text or not (text.startswith(FORMULA_STARTS) or "<" in text):
            continue
        column = column_name(names, position)
        if is_formula(text):
            warnings.append(
                Warning(
                    "formula",
                    f"{text!r} is a formula (starts with {text[0]}); it is never evaluated: "
                    "type the value itself",
                    column,
                )
            )
        elif has_markup(text):
            warnings.append(
                Warning("markup", f"{text!r} contains markup (<…>): type plain text", column)
            )
    return warnings


class RowChecker:
    """Checks the rows of one file in order, remembering the first line of each city."""

    def __init__(self, columns: Columns, placer: Placer, separator: str):
        self.columns, self.placer, self.separator = columns, placer, separator
        self.names = [
            column_name(columns.header, position) for position in range(len(columns.header))
        ]
        self._first_line: dict[tuple[str, str], tuple[int, list[str]]] = {}

    def check(self, line: int, cells: list[str], extra: list[Warning]) -> ImportRow:
        """`extra`: rejections found by the caller (an edition cell that names no edition)."""
        columns = self.columns
        names = self.names
        written = {column_name(names, position): cell for position, cell in enumerate(cells)}
        cleaned = [clean(cell) for cell in cells]
        city_written = columns.cell(cells, "city")
        city = columns.cell(cleaned, "city")
        quoted = list(cells)
        while quoted and not quoted[-1].strip():
            quoted.pop()
        row = ImportRow(line, written, city_written, city, REJECTED)
        row.quote = self.separator.join(quoted)
        rejections = unsafe_cells(names, cleaned) + extra
        if not city:
            rejections.append(
                Warning(
                    "empty_city",
                    "the city is empty: the row is left out (a city is never guessed from "
                    "its country)",
                    columns.name("city"),
                )
            )
        if rejections:
            row.warnings = rejections
            return row
        country_written = columns.cell(cleaned, "country")
        country = country_iso2(country_written)
        row.name, row.country = canonical_name(city), country
        if country_written and self._is_duplicate(row, cells, country or fold(country_written)):
            return row
        if country_written and country is None:
            row.warnings.append(
                Warning(
                    "unknown_country",
                    f"{country_written!r} is not a country name (French or English) or code",
                    columns.name("country"),
                )
            )
        self._place(row, city, country, country_unknown=bool(country_written) and not country)
        if not country_written and self._is_duplicate(row, cells, row.country or ""):
            # Without a country, the place found tells whether it is a city already listed.
            row.lat = row.lon = row.place_name = row.provider = None
            row.candidates = []
            row.warnings = [warning for warning in row.warnings if warning.code == "duplicate"]
            return row
        self._check_continent(row, columns.cell(cleaned, "continent"))
        self._check_role(row, columns.cell(cleaned, "role"))
        return row

    def _is_duplicate(self, row: ImportRow, cells: list[str], country_key: str) -> bool:
        key = (fold(row.name), country_key)
        first = self._first_line.get(key)
        if first is None:
            self._first_line[key] = (row.line, cells)
            return False
        first_line, first_cells = first
        row.status, row.duplicate_of = DUPLICATE, first_line
        differing = [
            column_name(self.names, position)
            for position in range(max(len(cells), len(first_cells)))
            if fold(_at(cells, position)) != fold(_at(first_cells, position))
        ]
        message = f"duplicate of line {first_line}: counted once"
        if differing:
            message = (
                f"same city as line {first_line}, which is kept; this row differs in "
                f"{', '.join(differing)}"
            )
        row.warnings.append(Warning("duplicate", message))
        return True

    def _place(self, row: ImportRow, city: str, country: str | None, country_unknown: bool):
        placement = self.placer.place(city, country, country_unknown)
        row.status = placement.status
        row.country = country or placement.country
        row.lat, row.lon = placement.lat, placement.lon
        row.place_name, row.provider = placement.name, placement.provider
        row.candidates = list(placement.candidates)
        row.name = canonical_name(city, placement.name)
        column = self.columns.name("city")
        if placement.status == PLACED:
            if country is None and not country_unknown:
                row.warnings.append(
                    Warning(
                        "country_from_place",
                        f"no country given: placed in {placement.country}",
                        self.columns.name("country"),
                    )
                )
        elif placement.candidates:
            kind = "a doubtful match" if placement.doubtful else "several places bear this name"
            row.warnings.append(
                Warning("ambiguous", f"{city!r}: {kind}: pick one of the candidates", column)
            )
        else:
            hint = f" (close names: {', '.join(placement.suggestions)})"
            row.warnings.append(
                Warning(
                    "unplaced",
                    f"{city!r} is not in the offline gazetteer"
                    f"{hint if placement.suggestions else ''}: place it by hand",
                    column,
                )
            )
        row.continent = continent_of(row.country)

    def _check_continent(self, row: ImportRow, given: str) -> None:
        row.continent_given = given
        if not given:
            return
        region = continent_region(given)
        column = self.columns.name("continent")
        if region is None:
            row.warnings.append(
                Warning("unknown_continent", f"{given!r} is not a continent", column)
            )
        elif row.continent and region != row.continent:
            row.warnings.append(
                Warning(
                    "continent_mismatch",
                    f"line {row.line}: continent {given!r} given, but {row.country} is in "
                    f"{row.continent} (UN M49): the map shows {row.continent}",
                    column,
                )
            )

    def _check_role(self, row: ImportRow, label: str) -> None:
        row.role_label = label
        role = role_of(label)
        if role is None:
            row.warnings.append(
                Warning(
                    "unknown_role",
                    f"unknown role {label!r}: kept as a delegation",
                    self.columns.name("role"),
                )
            )
        row.role = role or "delegation"


def _at(cells: list[str], position: int) -> str:
    return cells[position] if position < len(cells) else ""
