"""Cards: what the list counts, the figures as the sources state them, two lists compared."""

from __future__ import annotations

import streamlit as st

from footprint.i18n import METRIC_NAMES, STAGE_NAMES, format_figure, format_number, name_in, t
from footprint.localized import format_list, localized
from footprint.metrics import Comparison, Counts, FigureCard, Statement
from ui.direction import isolate, isolated
from ui.markdown import escape_markdown


def _announced(text: str, lang: str) -> str:
    return t("figure_at_stage", lang, figure=text, stage=name_in(STAGE_NAMES, "announced", lang))


def statement_text(statement: Statement, lang: str, *, with_stage: bool = True) -> str:
    """`≥ 15 000`, with `(announced)` when the figure was given before the edition; the figure
    keeps its order inside Arabic text."""
    figure = isolate(format_figure(statement.value, statement.qualifier, lang), lang)
    return _announced(figure, lang) if with_stage and statement.stage == "announced" else figure


def _source_lines(statement: Statement, documents: dict[str, str], lang: str) -> list[str]:
    """Each source by its title, date and language, with its quote; then our notes."""
    lines = [
        t(
            "source_help",
            lang,
            **isolated({"source": documents.get(source, source), "quote": quote}, lang),
        )
        for source, quote in statement.sources
    ]
    return lines + [localized(note, "notes", lang) for note in statement.notes]


def sources_help(statements: tuple[Statement, ...], documents: dict[str, str], lang: str) -> str:
    return "\n\n".join(
        f"{statement_text(statement, lang)} — {escape_markdown(line)}"
        for statement in statements
        for line in _source_lines(statement, documents, lang)
    )


def count_cards(counts: Counts | None, scope: str, lang: str) -> None:
    """Cities, countries and continents counted on the map, stacked beside it; with no
    published list, say so rather than count 0."""
    keys = ("cities_count", "countries_count", "continents_count")
    if counts is None:
        with st.container(border=True):
            for key in keys:
                st.markdown(
                    t(
                        "field_value",
                        lang,
                        label=f"**{t(key, lang)}**",
                        value=t("list_not_published", lang),
                    )
                )
        return
    help_text = t("counted_from_list", lang, **isolated({"scope": scope}, lang))
    values = (counts.cities, counts.countries, counts.continents)
    for key, value in zip(keys, values, strict=True):
        st.metric(t(key, lang), format_number(value, lang), help=help_text, border=True)


def _change_text(card: FigureCard, lang: str) -> str | None:
    if card.change is None or card.disagrees:
        return None
    # Streamlit reads the direction from a leading sign, so "≈" goes after it.
    sign = "+" if card.change.delta >= 0 else "-"
    amount = sign + format_number(abs(card.change.delta), lang)
    if card.change.approximate:
        amount += " (≈)"
    return t("change_from", lang, delta=amount, edition=card.change.previous_edition)


def figure_cards(
    cards: list[FigureCard], documents: dict[str, str], lang: str, per_row: int = 5
) -> None:
    """One card per metric; disagreeing sources are shown side by side, never averaged."""
    for start in range(0, len(cards), per_row):
        row = cards[start : start + per_row]
        for column, card in zip(st.columns(per_row), row, strict=False):
            delta = _change_text(card, lang)
            label = name_in(METRIC_NAMES, card.metric, lang)
            # Every statement announced: said once, in the label, so the figures fit the card.
            all_announced = {s.stage for s in card.statements} == {"announced"}
            column.metric(
                _announced(label, lang) if all_announced else label,
                " / ".join(
                    statement_text(s, lang, with_stage=not all_announced) for s in card.statements
                ),
                delta=delta,
                delta_color="off" if delta is None else "normal",
                help=sources_help(card.statements, documents, lang),
                border=True,
            )


def statements_side_by_side(
    statements: tuple[Statement, ...], documents: dict[str, str], lang: str
) -> None:
    for column, statement in zip(st.columns(len(statements)), statements, strict=True):
        with column.container(border=True):
            st.markdown(f"### {statement_text(statement, lang)}")
            for line in _source_lines(statement, documents, lang):
                st.caption(escape_markdown(line))


def comparison(result: Comparison, lang: str) -> None:
    """New, returning and absent cities in three columns."""
    for column, key, names in zip(
        st.columns(3),
        ("new_cities", "returning_cities", "absent_cities"),
        (result.new, result.returning, result.absent),
        strict=True,
    ):
        column.metric(t(key, lang), format_number(len(names), lang), border=True)
        column.write(escape_markdown(format_list(list(names), lang)) if names else "—")
