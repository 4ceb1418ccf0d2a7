"""What the review says about each row of the file: its status, place, warnings, candidates."""

from __future__ import annotations

from dataclasses import dataclass, field

from footprint.i18n import format_number

PLACED, DUPLICATE, REJECTED, UNPLACED, AMBIGUOUS = (
    "placed",
    "duplicate",
    "rejected",
    "unplaced",
    "ambiguous",
)
STATUSES = (PLACED, DUPLICATE, REJECTED, UNPLACED, AMBIGUOUS)
# Statuses that wait for a person: a place by hand or a pick among candidates.
NEEDS_ORGANIZER = (UNPLACED, AMBIGUOUS)


@dataclass(frozen=True)
class Warning:
    """One thing said about a row. `code` lets the workspace translate; `message` is English."""

    code: str
    message: str
    column: str = "-"


@dataclass(frozen=True)
class Candidate:
    """A place the name may mean, with what tells homonyms apart."""

    name: str
    lat: float
    lon: float
    country: str
    region: str
    population: int

    def label(self, lang: str = "en") -> str:
        region = f", {self.region}" if self.region else ""
        people = format_number(self.population, lang)
        return f"{self.name} ({self.country}{region}), population {people}"

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "region": self.region,
            "population": self.population,
        }


@dataclass
class ImportRow:
    """A row of the file. `city` and `cells` are as written; `name` is the canonical form."""

    line: int
    cells: dict[str, str]
    city: str
    name: str
    status: str
    role: str = "delegation"
    role_label: str = ""
    country: str | None = None
    continent: str | None = None
    continent_given: str = ""
    lat: float | None = None
    lon: float | None = None
    place_name: str | None = None
    provider: str | None = None
    warnings: list[Warning] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    quote: str = ""
    duplicate_of: int | None = None

    def to_dict(self) -> dict:
        return {
            "line": self.line,
            "city": self.city,
            "name": self.name,
            "status": self.status,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "continent": self.continent,
            "role": self.role,
            "role_label": self.role_label,
            "warnings": [warning.message for warning in self.warnings],
            "warning_codes": [warning.code for warning in self.warnings],
            "candidates": [candidate.to_dict() for candidate in self.candidates],
        }
