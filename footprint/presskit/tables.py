"""The kit's figures table, in the view's language: the figures as the sources state them,
with the number itself beside the stated text (its cities table is the Cities page's own,
footprint.tables.cities_table)."""

from __future__ import annotations

import pandas as pd

from footprint.data import Dataset
from footprint.documents import document_labels
from footprint.i18n import t
from footprint.tables import figures_for, figures_table


def figures_sheet(dataset: Dataset, edition: int | None, lang: str) -> pd.DataFrame:
    """The edition's figures (combined ones that include it too; every figure for all
    editions), with the value both as stated (`≥ 15 000`) and as a number a sheet can add."""
    figures = figures_for(dataset.figures, edition)
    table = figures_table(figures, lang, document_labels(dataset, lang))
    stated = table.columns.get_loc(t("value", lang))
    table.insert(
        stated + 1, t("presskit.figure_number", lang), figures["value"].astype("int64").to_numpy()
    )
    return table
