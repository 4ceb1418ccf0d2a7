"""The presentation: every slide of footprint.slides as one self-contained HTML document, made
by the standalone renderer (one map, everything inline, no request) plus a slide controller,
present.js, for a 16:9 screen and a presenter's clicker.

    html = render_presentation(slides, lang="fr", interval=15, theme="dark",
                               public_base="https://footprint.example/")
"""

from __future__ import annotations

from collections.abc import Sequence

from footprint.i18n import QUALIFIER_SIGNS, format_number, t
from footprint.qr import public_view_url, qr_svg
from footprint.slides import Slide, first_slide
from footprint.snapshot import Headline
from footprint.standalone.document import environment, render_document
from footprint.standalone.payload import count_figures, page_data

THEMES = ("light", "dark")
DEFAULT_INTERVAL_S = 15
MAX_INTERVAL_S = 3600
# A comparison slide names at most this many cities of each kind, then says how many more.
NAMED_CITIES = 12
PRESENT_SCRIPTS = ("views.js", "present.js")
PRESENT_STYLES = ("map.css", "present.css")
# A figure longer than this (`≈ 100 (annoncé)`) takes the panel's whole width: in the slides'
# large type, half of it would cut a word in two.
HALF_WIDTH_CHARS = 12


def unbroken(figure: str) -> str:
    """`≈ 100 (annoncé)` with a no-break space after each sign: in the slides' large type the
    sign was left at the end of one line and its number began the next."""
    for sign in filter(None, (sign.strip() for sign in QUALIFIER_SIGNS.values())):
        figure = figure.replace(f"{sign} ", f"{sign}\N{NO-BREAK SPACE}")
    return figure


def figure_class(headline: Headline) -> str:
    """A figure stated in several ways gets the whole width and smaller type; a long one, the
    whole width."""
    if headline.disputed:
        return "fp-figure fp-wide fp-disputed"
    return "fp-figure fp-wide" if len(headline.value) > HALF_WIDTH_CHARS else "fp-figure"


def render_presentation(
    slides: Sequence[Slide],
    *,
    lang: str,
    interval: float = DEFAULT_INTERVAL_S,
    theme: str = "light",
    start_edition: int | None = None,
    public_base: str | None = None,
) -> str:
    """The deck as one HTML document. `interval`: seconds between slides (0: only by hand);
    `public_base`: where the QR codes point (no QR code without it)."""
    if not slides:
        raise ValueError("a presentation needs at least one slide")
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {THEMES}, not {theme!r}")
    total = len(slides)
    qr_codes = [
        qr_svg(public_view_url(public_base, slide.edition, lang, slide.continents))
        if public_base
        else ""
        for slide in slides
    ]

    def names(cities: Sequence[str]) -> str:
        if not cities:
            return t("present.none", lang)
        shown = ", ".join(cities[:NAMED_CITIES])
        return shown + (" …" if len(cities) > NAMED_CITIES else "")

    body = (
        environment()
        .get_template("slides.html")
        .render(
            slides=slides,
            app_title=t("app_title", lang),
            interval=max(0.0, min(float(interval), MAX_INTERVAL_S)),
            start=first_slide(list(slides), start_edition),
            slide_labels=[
                t("present.slide_label", lang, number=number + 1, total=total)
                + f" · {slide.heading}"
                for number, slide in enumerate(slides)
            ],
            qr_codes=qr_codes,
            count_figures=count_figures,
            figure_class=figure_class,
            unbroken=unbroken,
            counted_from_list=lambda snapshot: t(
                "counted_from_list", lang, scope=snapshot.edition_label
            ),
            format_count=lambda value: format_number(value, lang),
            names=names,
            labels={
                "new": t("present.new_cities", lang),
                "returning": t("present.returning_cities", lang),
                "qr": t("present.qr_caption", lang),
                "controls": t("present.page_title", lang),
                "previous": t("present.previous", lang),
                "next": t("present.next", lang),
                "pause": t("present.pause", lang),
                "resume": t("present.resume", lang),
            },
        )
    )
    return render_document(
        lang=lang,
        title=f"{t('app_title', lang)} · {t('present.page_title', lang)}",
        body=body,
        data=page_data([slide.snapshot for slide in slides]),
        scripts=PRESENT_SCRIPTS,
        styles=PRESENT_STYLES,
        body_class=f"fp-theme-{theme}",
    )
