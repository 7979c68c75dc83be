"""The trace mark: a served copy's pages tiled with who it was served to, when, and its code.

Each mark is three lines (``TRACE XXXX-XXXX``, the person, the moment) in a light, translucent
blue over the page: the page reads through it, and black text stays black where they cross.
Marks are tiled in rows `pitch` apart, each row shifted half a step from the one above, so any
piece of the page at least `whole_mark_window` in size (about 2.8 by 2.4 inches for an
e-mail address of 26 characters) holds one mark whole: a corner cut off a printout still names its
person. The blue also lets the reader pick the marks out of a colour scan
(``marks.trace_reading``).

The marks are real text (Helvetica), so a PDF copy names its code to any text extractor too.
"""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from clawback.pdf.files.document import open_pdf, save_clean

__all__ = ["COLOUR", "draw", "pitch", "watermark", "whole_mark_window"]

#: The marks' colour before blending: light blue once its `OPACITY` lays it over white.
COLOUR = (0.1, 0.3, 0.9)
OPACITY = 0.35
CODE_SIZE = 11.0  # points, the code's line (bold)
LINE_SIZE = 7.0  # points, the person's and the moment's lines
LEADING = 1.2
GAP = (60.0, 40.0)  # points between marks, across and down
_BOLD = pymupdf.Font("hebo")
_PLAIN = pymupdf.Font("helv")


def _sizes(lines: Sequence[str]) -> tuple[float, float]:
    """A mark's width and height in points, from the top of its first line to the foot of
    its last (as the fonts' ascender and descender reach)."""
    width = max(
        (_BOLD if n == 0 else _PLAIN).text_length(line, fontsize=CODE_SIZE if n == 0 else LINE_SIZE)
        for n, line in enumerate(lines)
    )
    height = _BOLD.ascender * CODE_SIZE + _baselines(lines)[-1]
    return width, height - _PLAIN.descender * LINE_SIZE


def _baselines(lines: Sequence[str]) -> list[float]:
    """Each line's baseline, in points below the first's: the code's line a size of its own
    above the others, which follow at `LEADING` times theirs."""
    return [0.0] + [CODE_SIZE + LEADING * LINE_SIZE * n for n in range(len(lines) - 1)]


def pitch(lines: Sequence[str]) -> tuple[float, float]:
    """The step between one mark and the next, across a row and from row to row."""
    width, height = _sizes(lines)
    return width + GAP[0], height + GAP[1]


def whole_mark_window(lines: Sequence[str]) -> tuple[float, float]:
    """The smallest piece of a page (width, height in points) sure to hold a whole mark: a
    row's marks step ``pitch`` apart and the next row is shifted half a step, so a piece
    spanning two rows finds a mark starting within every half step."""
    width, height = _sizes(lines)
    across, down = pitch(lines)
    return width + across / 2, height + 2 * down


def draw(page: pymupdf.Page, lines: Sequence[str]) -> None:
    """Tile ``page`` with the mark of ``lines`` (the first in bold), as the page displays."""
    across, down = pitch(lines)
    width, height = _sizes(lines)
    area = page.rect
    writer = pymupdf.TextWriter(page.rect)
    row = 0
    top = CODE_SIZE
    while top - CODE_SIZE < area.height:
        left = -across / 2 if row % 2 else 0.0
        while left < area.width:
            # Only marks wholly on the page: a mark cut by the page's edge is no whole mark to
            # any piece of the page, and text a viewer clips away is what the gate refuses.
            x, y = left + 12, top - _BOLD.ascender * CODE_SIZE
            if x < 0 or y < 0 or x + width > area.width or y + height > area.height:
                left += across
                continue
            for n, (line, below) in enumerate(zip(lines, _baselines(lines), strict=True)):
                font, size = (_BOLD, CODE_SIZE) if n == 0 else (_PLAIN, LINE_SIZE)
                writer.append((left + 12, top + below), line, font=font, fontsize=size)
            left += across
        top += down
        row += 1
    writer.write_text(page, color=COLOUR, opacity=OPACITY)


def watermark(pdf: bytes, lines: Sequence[str]) -> bytes:
    """The PDF with every page tiled with the mark of ``lines``."""
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            draw(page, lines)
        return save_clean(doc)
