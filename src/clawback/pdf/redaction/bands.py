"""Boxes widened past their text: the band over a whole line or a whole column of text, for an
item whose line would still tell its width once re-flowed (`redact`'s width policy), and which
way a page's text runs under a box."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pymupdf

from clawback.pdf.redaction.shiftfix import Glyph

__all__ = ["MEASURE_MARGIN", "Directions", "whole_column", "whole_line"]


class Directions:
    """Where each glyph of a page's text trace stands and which way its text runs, read once
    for every item of the page (numpy, not a Python loop per glyph and item)."""

    def __init__(self, spans: Sequence[dict[str, Any]]) -> None:
        boxes = np.array(
            [bbox for span in spans for *_, bbox in span["chars"]], dtype=np.float64
        ).reshape(-1, 4)
        # Each centre as `Rect.contains` compares it: worked out in double precision, then
        # handed to MuPDF's single-precision point.
        self.x = ((boxes[:, 0] + boxes[:, 2]) / 2).astype(np.float32)
        self.y = ((boxes[:, 1] + boxes[:, 3]) / 2).astype(np.float32)
        down = [abs(span["dir"][1]) > abs(span["dir"][0]) for span in spans]
        counts = [len(span["chars"]) for span in spans]
        self.vote = np.repeat(np.where(down, 1, -1), counts).astype(np.int64)

    def runs_down(self, rect: pymupdf.Rect) -> bool:
        """Whether most glyphs under `rect` are set up or down the page, not across it (a
        glyph is under it when its centre is, as MuPDF's ``fz_is_point_inside_rect`` says:
        right and bottom edges left out)."""
        x0, y0, x1, y1 = (np.float32(v) for v in (rect.x0, rect.y0, rect.x1, rect.y1))
        under = (self.x >= x0) & (self.x < x1) & (self.y >= y0) & (self.y < y1)
        return int(self.vote[under].sum()) > 0


def whole_column(rect: pymupdf.Rect, drawn: Sequence[Glyph], area: pymupdf.Rect) -> pymupdf.Rect:
    """`whole_line` for text set up or down the page: as wide as `rect`, from the text block's
    top (at least an inch down) to its bottom (at least an inch up)."""
    inked = [g.bbox for g in drawn if g.key[0] != 32]
    top = min([b[1] for b in inked] + [area.y0 + MEASURE_MARGIN, rect.y0])
    bottom = max([b[3] for b in inked] + [area.y1 - MEASURE_MARGIN, rect.y1])
    return pymupdf.Rect(rect.x0, max(top, area.y0), rect.x1, min(bottom, area.y1))


#: A whole-line box reaches at least this far (points) in from each edge of the page.
MEASURE_MARGIN = 72.0


def whole_line(rect: pymupdf.Rect, drawn: Sequence[Glyph], area: pymupdf.Rect) -> pymupdf.Rect:
    """A box over the line of `rect`, as tall as `rect`, across the page's text block and at
    least from one inch in to one inch in from the page's edges: its width tells nothing of
    the line's (a centred line's length, a justified line's words)."""
    inked = [g.bbox for g in drawn if g.key[0] != 32]
    left = min([b[0] for b in inked] + [area.x0 + MEASURE_MARGIN, rect.x0])
    right = max([b[2] for b in inked] + [area.x1 - MEASURE_MARGIN, rect.x1])
    return pymupdf.Rect(max(left, area.x0), rect.y0, min(right, area.x1), rect.y1)
