"""Highlighting for the court: translucent boxes over text that stays in the file.

A court that receives a redacted public version usually wants the unredacted copy with the
redacted passages highlighted (e.g. N.D. Cal. Civil L.R. 79-5). `highlight` draws each
highlight as page content: a filled rectangle, no stroke, fill opacity 0.35 by default, painted
over the text. It is not an annotation, so it prints, survives flattening and cannot be
switched off by a viewer; the text underneath is untouched and stays extractable.

A mark is ``(page, text)``, every occurrence of that text on the page (found as the redactor
finds it, with `locate.find_text_rects`), or ``(page, (x0, y0, x1, y1))``, a rectangle in
PyMuPDF page coordinates (points, origin top-left). Pages are 0-based; messages say "page N"
1-based and never quote a mark's text. The result is a whole new file (`save_clean`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from clawback.domain.counts import counted
from clawback.domain.errors import DocumentError
from clawback.pdf.files.document import open_pdf, save_clean
from clawback.pdf.shows.locate import find_text_rects

__all__ = ["HIGHLIGHT_OPACITY", "YELLOW", "HighlightError", "Mark", "highlight"]

YELLOW = (1.0, 1.0, 0.0)
HIGHLIGHT_OPACITY = 0.35

Rect = tuple[float, float, float, float]
Mark = tuple[int, str | Rect]
"""What to highlight: (0-based page, text to find on it or a rectangle)."""


class HighlightError(DocumentError):
    """A mark cannot be drawn: no such page, text not on its page, or a bad rectangle."""


def highlight(
    pdf: bytes,
    marks: Sequence[Mark],
    color: tuple[float, float, float] = YELLOW,
    opacity: float = HIGHLIGHT_OPACITY,
) -> bytes:
    """Return `pdf` with a translucent box drawn over each mark (see module doc).

    Raises `HighlightError` for a missing page, a text not found on its page, or an empty
    rectangle; `PdfError` for unusable input.
    """
    if not 0.0 < opacity < 1.0:
        raise HighlightError(f"opacity must be between 0 and 1 (exclusive), not {opacity}")
    with open_pdf(pdf) as doc:
        boxes: list[tuple[int, pymupdf.Rect]] = []
        for k, (number, target) in enumerate(marks, start=1):
            if not 0 <= number < doc.page_count:
                raise HighlightError(
                    f"mark {k}: page {number + 1} does not exist "
                    f"(the document has {counted(doc.page_count, 'page')})"
                )
            page = doc[number]
            if isinstance(target, str):
                rects = find_text_rects(page, target) if target.strip() else []
                if not rects:
                    raise HighlightError(f"mark {k}: its text is not found on page {number + 1}")
            else:
                rect = pymupdf.Rect(target)
                if rect.is_empty or rect.is_infinite:
                    raise HighlightError(f"mark {k}: empty or inverted rectangle")
                rects = [rect]
            boxes.extend((number, rect) for rect in rects)
        for number, rect in boxes:
            doc[number].draw_rect(
                rect, color=None, fill=color, fill_opacity=opacity, width=0, overlay=True
            )
        return save_clean(doc)
