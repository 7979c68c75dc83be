"""The reason printed on a redaction box: white text, one line, shrunk to fit.

The label is drawn *after* the box, in white, so a checker can tell it from anything hidden
underneath: hidden text would be drawn before the box (x-ray's test), or in the box's colour.
A reason in plain Windows-1252 (the usual case, en dashes included) is set in the standard
Helvetica (`helvetica`: no embedded font, the cheapest text for the gate's extractors); any
other in MuPDF's Helvetica clone embedded as a Unicode font.
"""

from __future__ import annotations

import pymupdf

from clawback.pdf.marks import helvetica, overlay

__all__ = ["BOX_FILL", "LABEL_COLOR", "draw_box", "draw_label"]

BOX_FILL = (0.0, 0.0, 0.0)
LABEL_COLOR = (1.0, 1.0, 1.0)
#: Font sizes (points) tried for the label; below the minimum it is shortened, then omitted.
MAX_LABEL_SIZE = 24.0
MIN_LABEL_SIZE = 3.0
SHORT_LABEL = "REDACTED"
_PADDING = 1.0


def draw_box(page: pymupdf.Page, rect: pymupdf.Rect) -> None:
    """Paint an opaque black rectangle over `rect` (page coordinates, as `search_for` gives
    them), above everything on the page (`overlay`: in the right place on rotated, cropped
    pages too)."""
    overlay.append(page, overlay.rectangle(page, rect, BOX_FILL))


def draw_label(page: pymupdf.Page, rect: pymupdf.Rect, reason: str) -> None:
    """Print `reason` centred in `rect`, one line, as large as fits (at most 24 pt).

    If the reason does not fit at 3 pt, "REDACTED" is tried, then nothing is printed.
    """
    for text in (reason, SHORT_LABEL):
        size = _fit(text, rect)
        if size is not None:
            break
    else:
        return
    width = helvetica.text_width(text, size)
    x = rect.x0 + (rect.width - width) / 2
    # Centre the cap height (≈0.7 em) vertically.
    y = rect.y0 + rect.height / 2 + 0.35 * size
    if helvetica.plain(text):
        helvetica.write_text(page, [(x, y, text)], size, LABEL_COLOR)
        return
    writer = pymupdf.TextWriter(page.rect)
    writer.append((x, y), text, font=helvetica.clone(), fontsize=size)
    writer.write_text(page, color=LABEL_COLOR)


def _fit(text: str, rect: pymupdf.Rect) -> float | None:
    """Largest font size at which `text` fits inside `rect` with padding, or None."""
    unit = helvetica.text_width(text, 1)
    if unit <= 0:
        return None
    by_width = (rect.width - 2 * _PADDING) / unit
    by_height = (rect.height - 2 * _PADDING) / 1.1
    size = min(MAX_LABEL_SIZE, by_width, by_height)
    return size if size >= MIN_LABEL_SIZE else None
