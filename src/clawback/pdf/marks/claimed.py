"""The claimed items drawn in place on a page picture, for the court's in-camera view.

A claimed item is a text span, a rectangle (points on the produced page as displayed, origin
top-left: the produced page is that page, its band below) or the whole page. `draw_claimed`
paints each on the open page before it is rendered: a translucent yellow fill, as the
highlighted filing has (`marks.highlight`), and an orange outline so a box over a picture
still shows. A text is found as the redactor finds it (`shows.locate.find_text_rects`), else
as `shows.matching` reads the page's glyphs (a code wrapped at its hyphen, letter-spaced
words); a text found neither way draws nothing (the page's caption says which items are
claimed on it). The picture is made from the page in memory: no file is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pymupdf

from clawback.pdf.marks.highlight import HIGHLIGHT_OPACITY, YELLOW
from clawback.pdf.shows.locate import find_text_rects
from clawback.pdf.shows.matching import find, literal

__all__ = ["OUTLINE", "Claimed", "boxes", "draw_claimed"]

OUTLINE = (0.71, 0.33, 0.04)  # the app's focus orange, #b45309

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class Claimed:
    """Where one claimed item is on its page: its texts, its rectangle, or the whole page."""

    texts: tuple[str, ...] = ()
    rect: Rect | None = None
    whole_page: bool = False


def boxes(page: pymupdf.Page, claimed: Sequence[Claimed]) -> list[pymupdf.Rect]:
    """The rectangles on `page` covering each claimed item."""
    found: list[pymupdf.Rect] = []
    for item in claimed:
        if item.whole_page:
            found.append(pymupdf.Rect(page.rect))
        if item.rect is not None:
            found.append(pymupdf.Rect(item.rect))
        for text in item.texts:
            if not text.strip():
                continue
            hits = find_text_rects(page, text)
            if not hits:
                hits = [pymupdf.Rect(box) for m in find(page, literal(text)) for _, box in m.pieces]
            found.extend(hits)
    return [r for r in found if not r.is_empty and not r.is_infinite]


def draw_claimed(page: pymupdf.Page, claimed: Sequence[Claimed]) -> int:
    """Paint the claimed items on `page` (in memory); returns how many boxes were drawn."""
    drawn = boxes(page, claimed)
    for rect in drawn:
        page.draw_rect(
            pymupdf.Rect(rect.x0 - 1.5, rect.y0 - 1.5, rect.x1 + 1.5, rect.y1 + 1.5),
            color=OUTLINE,
            fill=YELLOW,
            fill_opacity=HIGHLIGHT_OPACITY,
            width=1.5,
            overlay=True,
        )
    return len(drawn)
