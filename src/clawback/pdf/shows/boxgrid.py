"""The shapes a box may overlap, found through a grid instead of testing every shape.

A check that asks, for each of a page's thousands of characters, which of its thousands of
filled shapes or pictures lie over or under it (`ingest.hidden`: a spreadsheet rendered to PDF
fills a shape behind nearly every cell) costs characters times shapes box tests when it tests
them all. A `BoxGrid` files each shape under the cells of a grid its box touches; a query
gives the shapes filed under the cells the query's box touches.

Its contract: `near` gives, in the order the shapes were given, every shape whose box overlaps
the query's box with a positive area (and usually a few more: the caller still tests each one
itself), so a test that can only pass for shapes that overlap gives the same answers as testing
every shape. Why it holds: a point inside both boxes lies in one cell, and both boxes are filed
under every cell from the cell of their lower corner to the cell of their upper one (cells
clamped to the grid, which keeps that order). A shape or query with a coordinate that is not a
finite number is never filed: such a shape is given for every query, and such a query is given
every shape.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

__all__ = ["BoxGrid"]

Box = tuple[float, float, float, float]

#: Cells per side at most: a page-sized shape is filed under at most this squared.
_MOST = 48
#: The narrowest area a grid is laid over (points); a narrower one is taken as a unit square.
_LEAST = 1e-3


class BoxGrid:
    """The shapes of `boxes`, findable by the boxes they overlap (see the module doc). `within`:
    the area the queries will mostly fall in (the grid covers it; anything outside is filed
    under the cells at its edge)."""

    def __init__(self, boxes: Sequence[Box], within: Box) -> None:
        self._count = len(boxes)
        self._everywhere: list[int] = []
        x0, y0, x1, y1 = within
        if not all(math.isfinite(v) for v in within) or x1 - x0 < _LEAST or y1 - y0 < _LEAST:
            x0, y0, x1, y1 = 0.0, 0.0, 1.0, 1.0
        side = max(1, min(_MOST, math.isqrt(max(1, len(boxes)))))
        self._x0, self._y0 = x0, y0
        self._sx, self._sy = side / (x1 - x0), side / (y1 - y0)
        self._side = side
        self._cells: dict[int, list[int]] = {}
        for n, box in enumerate(boxes):
            cells = self._span(box)
            if cells is None:
                self._everywhere.append(n)
                continue
            for cell in cells:
                self._cells.setdefault(cell, []).append(n)

    def near(self, box: Box) -> list[int]:
        """The positions (in the order given) of the shapes that may overlap `box`: every one
        that does."""
        cells = self._span(box)
        if cells is None:
            return list(range(self._count))
        found: set[int] = set(self._everywhere)
        for cell in cells:
            found.update(self._cells.get(cell, ()))
        return sorted(found)

    def _span(self, box: Box) -> Iterable[int] | None:
        """The cells a box is filed under (None: a coordinate is not a finite number)."""
        if not all(math.isfinite(v) for v in box):
            return None
        ax, bx = self._column(min(box[0], box[2])), self._column(max(box[0], box[2]))
        ay, by = self._row(min(box[1], box[3])), self._row(max(box[1], box[3]))
        side = self._side
        return [y * side + x for y in range(ay, by + 1) for x in range(ax, bx + 1)]

    def _column(self, x: float) -> int:
        return int(min(self._side - 1.0, max(0.0, (x - self._x0) * self._sx)))

    def _row(self, y: float) -> int:
        return int(min(self._side - 1.0, max(0.0, (y - self._y0) * self._sy)))
