"""Cached loading: the data folder is read and geocoded once per change of its files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from footprint.data import Dataset, load_dataset
from footprint.filters import Filters
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


@st.cache_data(show_spinner=False, max_entries=64)
def _view(folder: str, signature: tuple, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    _, located = _load(folder, signature)
    selected = places(located, filters.edition)
    return selected, visible_places(selected, filters)


def view_for(folder: Path, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every place of the selected editions, the places the view shows): cached per filter set."""
    return _view(str(folder), _signature(folder), filters)
