"""Cached loading: the data folder is read and geocoded once per change of its files, and
what each view derives from it once per filter set.

Cache keys are plain strings and tuples: hashing them costs nothing, and every rerun of a
page goes through here.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from footprint.data import Dataset, load_dataset
from footprint.filters import Filters
from footprint.mapview import MapSpec, map_spec
from footprint.metrics import (
    FigureCard,
    combined_figures,
    edition_figures,
    list_coverage,
    span_figures,
)
from footprint.places import locate, places, visible_places


def _signature(folder: Path) -> tuple:
    """Changes whenever an organizer saves a file, so the cache never serves stale data."""
    return tuple(
        (path.name, path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(folder.glob("*.csv"))
    )


@st.cache_data(show_spinner=False, max_entries=4)
def _load(folder: str, signature: tuple) -> tuple[Dataset, pd.DataFrame]:
    dataset = load_dataset(Path(folder))
    return dataset, locate(dataset.cities, Path(folder) / "geocache.csv")


def load(folder: Path) -> tuple[Dataset, pd.DataFrame]:
    """The validated data set and its cities with coordinates (raises footprint.data.DataError)."""
    return _load(str(folder), _signature(folder))


@st.cache_data(show_spinner=False, max_entries=4)
def _edition_years(folder: str, signature: tuple) -> dict[int, int]:
    dataset, _ = _load(folder, signature)
    editions = dataset.editions.drop_duplicates("edition")
    return dict(zip(editions["edition"].tolist(), editions["year"].tolist(), strict=True))


def edition_years(folder: Path) -> dict[int, int]:
    """Edition → year, for the sidebar, without copying the whole data set on every rerun."""
    return _edition_years(str(folder), _signature(folder))


@st.cache_data(show_spinner=False, max_entries=64)
def _view(
    folder: str, signature: tuple, edition: int | None, continents: tuple[str, ...]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    _, located = _load(folder, signature)
    selected = places(located, edition)
    return selected, visible_places(selected, Filters(edition, continents, "fr"))


def view_for(folder: Path, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every place of the selected editions, the places the view shows): cached per filter set."""
    return _view(str(folder), _signature(folder), filters.edition, filters.continents)


@st.cache_data(show_spinner=False, max_entries=16)
def _coverage(folder: str, signature: tuple, editions: tuple[int, ...]) -> list[tuple[str, dict]]:
    dataset, located = _load(folder, signature)
    return list_coverage(located, dataset.figures, list(editions))


def coverage(folder: Path, edition: int | None) -> list[tuple[str, dict]]:
    """What is known of the city list of `edition`, or of every edition."""
    signature = _signature(folder)
    editions = (edition,) if edition is not None else tuple(_edition_years(str(folder), signature))
    return _coverage(str(folder), signature, editions)


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
    return _edition_cards(str(folder), _signature(folder), edition)


@st.cache_data(show_spinner=False, max_entries=64)
def _map_spec(
    folder: str, signature: tuple, edition: int | None, continents: tuple[str, ...], lang: str
) -> MapSpec:
    _, view = _view(folder, signature, edition, continents)
    return map_spec(view, lang)


def map_spec_for(folder: Path, filters: Filters) -> MapSpec:
    """What the map draws for a filter set, built once per filter set and language."""
    return _map_spec(
        str(folder), _signature(folder), filters.edition, filters.continents, filters.lang
    )
