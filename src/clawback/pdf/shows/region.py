"""Regions of a page named by rectangle: which coordinates, and what words they cover.

An item's rectangle is given in points on the page *as produced and displayed*: origin at the
top-left corner of the produced page, x to the right, y down, the Bates band excluded (it lies
below the content, which keeps the original page's displayed size and position). With
``clawback image BATES --png F --dpi 72`` one pixel is one point, so a box read off that picture
is the item's rectangle.

The produced page is unrotated, so these are also its PyMuPDF page coordinates. The original
file's page may be rotated or cropped; `to_page_coordinates` maps a displayed rectangle onto it
(PyMuPDF already measures from the CropBox; the derotation matrix undoes ``/Rotate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pymupdf

from clawback.pdf.files.document import open_pdf
from clawback.pdf.redaction.redact import Redaction

__all__ = [
    "Rect",
    "covered_words",
    "displayed_boxes",
    "displayed_size",
    "to_displayed",
    "to_page_coordinates",
]

Rect = tuple[float, float, float, float]


def displayed_size(pdf: bytes, page: int) -> tuple[float, float]:
    """(width, height) in points of page `page` (0-based) as displayed."""
    with open_pdf(pdf) as doc:
        rect = doc[page].rect
        return float(rect.width), float(rect.height)


def covered_words(pdf: bytes, page: int, rect: Rect) -> list[str]:
    """The words whose centre lies in `rect` on an unrotated page, joined line by line."""
    box = pymupdf.Rect(rect)
    lines: dict[tuple[int, int], list[str]] = {}
    with open_pdf(pdf) as doc:
        for x0, y0, x1, y1, word, block, line, _ in doc[page].get_text("words"):
            if box.contains(pymupdf.Point((x0 + x1) / 2, (y0 + y1) / 2)):
                lines.setdefault((block, line), []).append(word)
    return [" ".join(words) for words in lines.values()]


def to_page_coordinates(pdf: bytes, redactions: Sequence[Redaction]) -> list[Redaction]:
    """`redactions` with each rectangle mapped from displayed to PyMuPDF page coordinates."""
    if all(item.rect is None for item in redactions):
        return list(redactions)
    mapped = []
    with open_pdf(pdf) as doc:
        for item in redactions:
            if item.rect is None or item.page >= doc.page_count:
                mapped.append(item)
                continue
            rect = pymupdf.Rect(item.rect) * doc[item.page].derotation_matrix
            mapped.append(replace(item, rect=(rect.x0, rect.y0, rect.x1, rect.y1)))
    return mapped


def to_displayed(pdf: bytes, boxes: Sequence[tuple[int, Rect, str]]) -> list[tuple[int, Rect, str]]:
    """Boxes in PyMuPDF page coordinates of `pdf`, mapped to displayed coordinates."""
    with open_pdf(pdf) as doc:
        return displayed_boxes(doc, boxes)


def displayed_boxes(
    doc: pymupdf.Document, boxes: Sequence[tuple[int, Rect, str]]
) -> list[tuple[int, Rect, str]]:
    """`to_displayed` on an open document (its pages' /Rotate as they are now)."""
    shown = []
    for number, rect, label in boxes:
        r = pymupdf.Rect(rect) * doc[number].rotation_matrix
        shown.append((number, (r.x0, r.y0, r.x1, r.y1), label))
    return shown
