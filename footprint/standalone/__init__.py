"""The standalone map page: one HTML file that carries the interactive map, its legend and
figures for one or many views, and opens anywhere with no server and no network.

    html = render_standalone(snapshots)   # one Snapshot, or several (editions × languages)

The page shows the view its address asks for (`?edition=2&continent=Europe&lang=fr`), the
first snapshot's otherwise, and keeps the address in step so a copied link reproduces it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

from footprint.data import Dataset
from footprint.filters import Filters
from footprint.i18n import LANGUAGES
from footprint.snapshot import Snapshot, take_snapshot
from footprint.standalone.document import environment, render_document
from footprint.standalone.payload import page_data

PAGE_SCRIPTS = ("views.js", "page.js")
PAGE_STYLES = ("map.css", "page.css")

__all__ = ["every_view", "render_standalone"]


def every_view(
    dataset: Dataset,
    located: pd.DataFrame,
    languages: Sequence[str] = LANGUAGES,
    *,
    first: Filters | None = None,
    today: dt.date | None = None,
) -> list[Snapshot]:
    """Every edition, and all of them together, in each language: what a page needs to
    answer any address. `first` (default: every edition, first language) opens the page."""
    editions = [None, *sorted(dataset.editions["edition"].unique().tolist())]
    views = [(edition, lang) for lang in languages for edition in editions]
    if first is not None:
        views.remove((first.edition, first.lang))
        views.insert(0, (first.edition, first.lang))
    return [
        take_snapshot(dataset, located, Filters(edition, (), lang), today=today)
        for edition, lang in views
    ]


def render_standalone(
    snapshots: Snapshot | Sequence[Snapshot],
    *,
    links: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> str:
    """One self-contained HTML page drawing `snapshots`; the first is the view it opens on.

    `links`, for a page that is part of a site (footprint.static_site), gives per language
    the (label, relative address) of its other pages, shown in the header and switched with
    the language."""
    views = [snapshots] if isinstance(snapshots, Snapshot) else list(snapshots)
    data = page_data(views)
    for lang, entries in (links or {}).items():
        if lang in data["texts"]:
            data["texts"][lang]["links"] = [[label, href] for label, href in entries]
    first = views[0]
    body = environment().get_template("page.html").render(snapshot=first)
    return render_document(
        lang=first.lang,
        title=f"{first.title} · {first.edition_label}",
        body=body,
        data=data,
        scripts=PAGE_SCRIPTS,
        styles=PAGE_STYLES,
    )
