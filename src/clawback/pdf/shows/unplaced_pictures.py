"""Pictures a page reaches that cannot be placed on it, so that what shows of them cannot be
told: inside a Type 3 glyph (MuPDF places it nowhere), a pattern not the page's own, or a
pattern of more than `unseen_parts._TILES` tiles. `unseen_parts` finds where each picture a
page places shows; these it cannot, and the gate refuses them (`check_shown`)."""

from __future__ import annotations

import numpy as np
import pymupdf

from clawback.pdf.shows.objectreads import ObjectReads
from clawback.pdf.shows.unseen_parts import (
    _PLACED,
    _UNPLACED,
    _holds_something,
    _listed,
    _reached,
    _size,
    _triable,
)

__all__ = ["unplaced"]


def unplaced(doc: pymupdf.Document, objects: ObjectReads | None = None) -> dict[int, int]:
    """Page (from 0) -> how many pictures it reaches that cannot be placed on it, so that what
    shows of them cannot be told (nor the rest blanked): inside a Type 3 glyph (MuPDF lists
    them nowhere), a pattern not the page's own, or a pattern of more than `_TILES` tiles on
    the page; drawn more than one pixel, no stencil mask, of more than one colour. The gate
    refuses them. `objects`: what other checks of this opening of `doc` read of its
    objects."""
    objects = ObjectReads.of(doc, objects)
    counted: dict[int, int] = {}
    done: set[int] = set()
    for page in doc.pages():
        reached = _reached(doc, page.number, objects)
        if not reached:
            continue
        placed = {xref for xref, _ in _listed(page, objects)}
        listed = {info[0] for info in page.get_images(full=True)}
        for xref, how in reached.items():
            if xref in done or xref in placed or xref in listed or how == _PLACED:
                continue
            if not _triable(objects, xref):
                continue
            done.add(xref)
            try:
                width, height = _size(objects, xref)
            except ValueError:  # a size that cannot be read: it cannot be placed either
                width, height = 2, 1
            if how != _UNPLACED and not _drawn_by_pattern(page, xref):
                continue  # a pattern the page names and does not paint with
            if width * height > 1 and _holds_something(doc, xref, np.ones((1, 1), dtype=bool)):
                counted[page.number] = counted.get(page.number, 0) + 1
    return counted


def _drawn_by_pattern(page: pymupdf.Page, xref: int) -> bool:
    """Whether MuPDF lists picture `xref` among those `page` draws (told by its digest)."""
    try:
        digest = pymupdf.Pixmap(page.parent, xref).digest
    except (RuntimeError, ValueError):
        return False
    return any(info.get("digest") == digest for info in page.get_image_info(hashes=True))
