"""The public format of the CSV files in `data/`: columns, their kinds and allowed values.

Organizers edit these files by hand, so the format is an interface: keep it stable and
documented in README.md.
"""

from dataclasses import dataclass

ROLES = ("host", "guest", "delegation")
QUALIFIERS = ("exact", "about", "at_least")
STAGES = ("achieved", "announced")
METRICS = (
    "participants",
    "visitors",
    "speakers",
    "journalists",
    "media_outlets",
    "delegation_members",
    "cities",
    "continents",
    "exhibitors",
    "showcases",
    "startups_presenting",
    "startups_pitching",
    "award_winners",
)


@dataclass(frozen=True)
class Column:
    """One column of a data file: its kind drives both validation and dtype."""

    name: str
    kind: str = "text"  # text | int | date | iso2 | choice | edition | editions | continent
    required: bool = True
    choices: tuple[str, ...] = ()
    # An optional column may be left out of the file (read as empty): files written before
    # it existed, or by tools that do not know it, stay valid.
    optional: bool = False


@dataclass(frozen=True)
class FileSchema:
    name: str
    columns: tuple[Column, ...]
    unique_key: tuple[str, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


# Our remarks on a row, one column per language of the dashboard, each a faithful translation.
NOTES = tuple(Column(f"notes_{lang}", required=False) for lang in ("fr", "en", "ar"))

EDITIONS = FileSchema(
    name="editions.csv",
    columns=(
        Column("edition", "int"),
        Column("part", required=False),
        Column("year", "int"),
        Column("start_date", "date", required=False),
        Column("end_date", "date", required=False),
        Column("venue", required=False),
        Column("theme_fr", required=False),
        Column("theme_en", required=False),
        Column("theme_ar", required=False),  # our translation of theme_fr, shown as such
        Column("guest_city", required=False),
        *NOTES,
        Column("source"),
        Column("quote"),
    ),
    unique_key=("edition", "part"),
)

CITIES = FileSchema(
    name="cities.csv",
    columns=(
        Column("edition", "edition"),
        Column("city"),
        Column("country", "iso2"),
        Column("role", "choice", choices=ROLES),
        Column("continent_published", "continent", required=False),
        Column("source"),
        Column("quote", required=False),
        # The city in Arabic; when empty the French name (`city`) is shown.
        Column("name_ar", required=False, optional=True),
    ),
    unique_key=("edition", "city", "country"),
)

# cities.csv columns that are ours rather than the row's source's, so a new source does not make
# them wrong, and that an import may leave empty (the importer never fills name_ar): when a
# publish replaces an edition's rows, a city keeps its value unless the new row gives one.
# Not continent_published or quote: they say what the row's source says, and an imported row's
# source is the organizer's file, which says its own (or nothing).
CITIES_KEPT_ACROSS_PUBLISHES = ("name_ar",)

FIGURES = FileSchema(
    name="figures.csv",
    columns=(
        Column("editions", "editions"),
        Column("metric", "choice", choices=METRICS),
        Column("value", "int"),
        Column("qualifier", "choice", choices=QUALIFIERS),
        Column("stage", "choice", choices=STAGES),
        Column("source"),
        Column("quote"),
        *NOTES,
    ),
    unique_key=("editions", "metric", "value", "qualifier", "stage", "source", "quote"),
)

# Optional: what each source document is, so pages can name it rather than show its file name.
SOURCES = FileSchema(
    name="sources.csv",
    columns=(
        Column("source"),
        Column("date", "date", required=False),
        Column("language", "choice", choices=("fr", "en")),
        Column("title_fr"),
        Column("title_en"),
        Column("title_ar", required=False, optional=True),  # empty: the French title
        *NOTES,
    ),
    unique_key=("source",),
)
