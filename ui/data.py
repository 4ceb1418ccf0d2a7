"""Cached loading: the data folder is read and geocoded once per change of its files, and
what each view derives from it once per filter set.

Cache keys are plain strings and tuples: hashing them costs nothing, and every rerun of a
page goes through here.

A file saved half-edited or broken while the server runs does not take the dashboard down:
visitors keep the last data set that loaded from that folder, and `load_problems` says what is
wrong for the organizers' eyes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from footprint.data import DataError, Dataset, load_dataset
from footprint.documents import document_labels
from footprint.filters import Filters
from footprint.i18n import t
from footprint.mapview import MapSpec, map_spec
from footprint.metrics import (
    Counts,
    FigureCard,
    combined_figures,
    counts,
    edition_figures,
    list_coverage,
    span_figures,
)
from footprint.places import display_names, locate, places, visible_places, visitors
from geo.cache import CacheFormatError
from geo.continents import M49_REGIONS
from ui.direction import isolated

# Folders whose last good data set is kept (tests and benches use many; a server uses one).
KEPT_FOLDERS = 8


def _signature(folder: Path) -> tuple:
    """Changes whenever an organizer saves a file (a publish replaces it: a new inode), so the
    cache never serves stale data."""
    signature = []
    for path in sorted(folder.glob("*.csv")):
        status = path.stat()
        signature.append((path.name, status.st_ino, status.st_mtime_ns, status.st_size))
    return tuple(signature)


@dataclass
class _Folder:
    """The last data set that loaded from a folder, and the files that failed since."""

    good_signature: tuple | None = None
    good: tuple[Dataset, pd.DataFrame] | None = None
    failed_signature: tuple | None = None
    problems: list[str] = field(default_factory=list)


@dataclass
class _LastGood:
    lock: threading.Lock = field(default_factory=threading.Lock)
    folders: dict[str, _Folder] = field(default_factory=dict)

    def folder(self, folder: str) -> _Folder:
        with self.lock:
            if folder not in self.folders:
                if len(self.folders) >= KEPT_FOLDERS:
                    self.folders.pop(next(iter(self.folders)))
                self.folders[folder] = _Folder()
            return self.folders[folder]


@st.cache_resource(show_spinner=False)
def _last_good() -> _LastGood:
    """One per server process, shared by every session."""
    return _LastGood()


@st.cache_data(show_spinner=False, max_entries=4)
def _load(folder: str, signature: tuple) -> tuple[Dataset, pd.DataFrame]:
    kept = _last_good().folder(folder)
    if kept.good is not None and kept.good_signature == signature:
        return kept.good
    dataset = load_dataset(Path(folder))
    return dataset, locate(dataset.cities, Path(folder) / "geocache.csv")


def _serving(folder: Path) -> tuple[str, tuple]:
    """(folder, signature) to read from: the files' own while they load, else those of the last
    data set that loaded. Raises DataError or CacheFormatError when none ever did."""
    key, signature = str(folder), _signature(folder)
    kept = _last_good().folder(key)
    if kept.good_signature == signature:
        return key, signature
    if kept.failed_signature == signature and kept.good is not None:
        return key, kept.good_signature
    try:
        loaded = _load(key, signature)
    except (DataError, CacheFormatError) as error:
        kept.failed_signature, kept.problems = signature, _problem_lines(error)
        if kept.good is None:
            raise
        return key, kept.good_signature
    kept.good_signature, kept.good = signature, loaded
    kept.failed_signature, kept.problems = None, []
    return key, signature


def _problem_lines(error: DataError | CacheFormatError) -> list[str]:
    if isinstance(error, DataError):
        return [str(problem) for problem in error.problems]
    return [str(error)]


def load_problems(folder: Path) -> list[str]:
    """Why the files in `folder` do not load right now, one `file:line: column: what` each;
    empty when they load. While not empty, pages show the last data set that loaded."""
    try:
        _serving(folder)
    except (DataError, CacheFormatError) as error:
        return _problem_lines(error)
    return list(_last_good().folder(str(folder)).problems)


def served_version(folder: Path) -> tuple:
    """Names the data set the pages show now (its files' signature): a cache key for what is
    built from it elsewhere, which changes when an organizer saves or publishes."""
    return _serving(folder)[1]


def load(folder: Path) -> tuple[Dataset, pd.DataFrame]:
    """The validated data set and its cities with coordinates (raises footprint.data.DataError)."""
    return _load(*_serving(folder))


@st.cache_data(show_spinner=False, max_entries=4)
def _edition_years(folder: str, signature: tuple) -> dict[int, int]:
    dataset, _ = _load(folder, signature)
    editions = dataset.editions.drop_duplicates("edition")
    return dict(zip(editions["edition"].tolist(), editions["year"].tolist(), strict=True))


def edition_years(folder: Path) -> dict[int, int]:
    """Edition → year, for the sidebar, without copying the whole data set on every rerun."""
    return _edition_years(*_serving(folder))


@st.cache_data(show_spinner=False, max_entries=64)
def _view(
    folder: str, signature: tuple, edition: int | None, continents: tuple[str, ...]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    _, located = _load(folder, signature)
    selected = places(located, edition)
    return selected, visible_places(selected, Filters(edition, continents, "fr"))


def view_for(folder: Path, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every place of the selected editions, the places the view shows): cached per filter set."""
    return _view(*_serving(folder), filters.edition, filters.continents)


@st.cache_data(show_spinner=False, max_entries=32)
def _coverage_lines(
    folder: str, signature: tuple, edition: int | None, lang: str
) -> tuple[str, ...]:
    dataset, located = _load(folder, signature)
    editions = [edition] if edition is not None else list(_edition_years(folder, signature))
    selected, _ = _view(folder, signature, edition, ())
    names = dict(zip(selected["name_fr"], display_names(selected, lang), strict=True))
    lines = []
    for key, values in list_coverage(located, dataset.figures, editions):
        if "guest" in values:  # the guest city named in the visitor's language
            values = {**values, "guest": names.get(values["guest"], values["guest"])}
        lines.append(t(key, lang, **isolated(values, lang)))
    return tuple(lines)


def coverage_lines(folder: Path, edition: int | None, lang: str) -> tuple[str, ...]:
    """What is known of the city list of `edition` (or of every edition), as sentences."""
    return _coverage_lines(*_serving(folder), edition, lang)


@st.cache_data(show_spinner=False, max_entries=16)
def _edition_cards(
    folder: str, signature: tuple, edition: int
) -> tuple[list[FigureCard], list[tuple[str, list[FigureCard]]]]:
    dataset, _ = _load(folder, signature)
    figures = dataset.figures
    spans = combined_figures(figures, edition)["editions"].unique().tolist()
    return edition_figures(figures, edition), [
        (span, span_figures(figures, span)) for span in spans
    ]


def edition_cards(
    folder: Path, edition: int
) -> tuple[list[FigureCard], list[tuple[str, list[FigureCard]]]]:
    """The edition's own figure cards, and apart, those of spans of editions that include it."""
    return _edition_cards(*_serving(folder), edition)


@st.cache_data(show_spinner=False, max_entries=64)
def _map_spec(
    folder: str, signature: tuple, edition: int | None, continents: tuple[str, ...], lang: str
) -> MapSpec:
    _, view = _view(folder, signature, edition, continents)
    return map_spec(view, lang)


@st.cache_data(show_spinner=False, max_entries=16)
def _documents(folder: str, signature: tuple, lang: str) -> dict[str, str]:
    dataset, _ = _load(folder, signature)
    return document_labels(dataset, lang)


def documents(folder: Path, lang: str) -> dict[str, str]:
    """Source file → how pages name it in `lang` (title, date, language), without copying the
    data set on every run."""
    return _documents(*_serving(folder), lang)


@dataclass(frozen=True)
class MapPageFacts:
    """What the map page shows beside and below the map, settled once per view and language:
    plain values that cost nothing to hand to each new session."""

    counts: Counts | None  # None: no list was published for the view
    coverage: tuple[str, ...]  # what is known of the lists, as sentences
    per_continent: dict[str, int]  # visiting cities by continent, M49 order
    unresolved: tuple[str, ...]  # cities the geocoder could not place (not on the map)
    mismatched: tuple[str, ...]  # cities whose published continent is not the UN's


@st.cache_data(show_spinner=False, max_entries=64)
def _map_page_facts(
    folder: str, signature: tuple, edition: int | None, continents: tuple[str, ...], lang: str
) -> MapPageFacts:
    selected, view = _view(folder, signature, edition, continents)
    visiting = visitors(view)
    return MapPageFacts(
        counts=counts(view) if not visitors(selected).empty else None,
        coverage=_coverage_lines(folder, signature, edition, lang),
        per_continent=visiting.groupby("continent")
        .size()
        .reindex(M49_REGIONS, fill_value=0)
        .astype(int)
        .to_dict(),
        unresolved=tuple(display_names(selected[selected["lat"].isna()], lang)),
        mismatched=tuple(display_names(selected[selected["status"] == "mismatch"], lang)),
    )


def map_page_facts(folder: Path, filters: Filters) -> MapPageFacts:
    """Counts, what is known of the lists, cities per continent and the cities left off the
    map, for the map page."""
    return _map_page_facts(*_serving(folder), filters.edition, filters.continents, filters.lang)


def map_spec_for(folder: Path, filters: Filters) -> MapSpec:
    """What the map draws for a filter set, built once per filter set and language."""
    return _map_spec(*_serving(folder), filters.edition, filters.continents, filters.lang)
