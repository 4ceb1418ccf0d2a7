"""Text columns for the kit's pictures: lines stacked down a box, wrapped to its width, on the
reading side, drawn again smaller when they do not fit.

The text is placed straight on the figure (figure coordinates), not in an axes of its own:
an axes costs about 40 ms to set up, and a picture has five columns."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from footprint.presskit.fonts import family_for
from footprint.presskit.layouts import Rect

TEXT_COLOR = "#1a1a1a"
SHRINK_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6)


class Column:
    """Lines of text stacked down `rect` from its top, wrapped to its width, aligned to the
    reading side (matplotlib shapes Arabic and orders it right to left). `shrink` scales every
    size, so a column that overflows can be drawn again smaller."""

    def __init__(self, figure: Figure, rect: Rect, rtl: bool, shrink: float = 1.0):
        self.figure, self.rect = figure, rect
        self.rtl, self.shrink = rtl, shrink
        self.width_points, self.height_points = _size_points(figure, rect)
        self.y = 1.0  # the next line's top, as a fraction of the column's height
        self.artists: list[Artist] = []

    @property
    def overflows(self) -> bool:
        return self.y < 0

    def skip(self, size: float) -> None:
        self.y -= size * self.shrink / self.height_points

    def _at(self, offset: float, y: float) -> tuple[float, float]:
        """Figure coordinates of a point `offset` (a fraction of the width) in from the
        reading side, `y` up from the column's bottom."""
        left, bottom, width, height = self.rect
        across = 1 - offset if self.rtl else offset
        return left + across * width, bottom + y * height

    def add(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        color: str = TEXT_COLOR,
        indent: float = 0.0,
        gap: float = 0.3,
    ) -> None:
        """`text` wrapped to the column, `indent` points in from the reading side."""
        size *= self.shrink
        offset = indent * self.shrink / self.width_points
        width = max(12, int((self.width_points - indent * self.shrink) / (size * 0.56)))
        for line in textwrap.wrap(text, width) or [""]:
            self.artists.append(
                self.figure.text(
                    *self._at(offset, self.y),
                    line,
                    ha="right" if self.rtl else "left",
                    va="top",
                    fontsize=size,
                    fontweight="bold" if bold else "normal",
                    family=family_for(line),
                    color=color,
                )
            )
            self.y -= size * 1.35 / self.height_points
        self.y -= size * gap / self.height_points

    def dot(self, color: str, edge: str, size: float, edge_width: float) -> None:
        """A legend marker on the reading side of the next line."""
        size, edge_width = size * self.shrink, edge_width * self.shrink
        x, y = self._at(size / self.width_points, self.y - size * 0.8 / self.height_points)
        marker = Line2D(
            [x],
            [y],
            transform=self.figure.transFigure,
            marker="o",
            markersize=size,
            markerfacecolor=color,
            markeredgecolor=edge,
            markeredgewidth=edge_width,
        )
        self.artists.append(self.figure.add_artist(marker))

    def discard(self) -> None:
        for artist in self.artists:
            artist.remove()


def fitted(figure: Figure, rect: Rect, rtl: bool, fill: Callable[[Column], None]) -> None:
    """`fill` the column at full size, or smaller until it fits (a long list of sources)."""
    for shrink in SHRINK_STEPS:
        column = Column(figure, rect, rtl, shrink)
        fill(column)
        if not column.overflows or shrink == SHRINK_STEPS[-1]:
            return
        column.discard()


def _size_points(figure: Figure, rect: Rect) -> tuple[float, float]:
    width_in, height_in = figure.get_size_inches()
    return rect[2] * width_in * 72, rect[3] * height_in * 72
