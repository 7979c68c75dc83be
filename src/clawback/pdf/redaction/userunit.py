"""Pages with a ``/UserUnit`` other than 1, redrawn in points before they are redacted.

``/UserUnit 2`` says one unit of the page's space is 2/72 inch: a Letter page of 612 x 792
units is 17 x 22 inches. MuPDF scales such a page when it reads it (its words, drawings and
``Page.rect`` are in points), but PyMuPDF draws new content (a redaction's box and reason)
in the page's own units unscaled: the box landed at twice its place, and the gate refused the
page (the box not opaque over the item, the render changed beside it).

`to_points` redraws each such page in points: its content wrapped in ``q u 0 0 u 0 0 cm …
Q``, its boxes (``/MediaBox``, ``/CropBox``, ``/BleedBox``, ``/TrimBox``, ``/ArtBox``) and
its annotations' ``/Rect`` multiplied by ``u``, and ``/UserUnit`` removed. The page shows
and prints as before, at the same size; every later step reads and writes it in one unit.
"""

from __future__ import annotations

import pymupdf

__all__ = ["to_points"]

_BOXES = ("MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox")


def to_points(doc: pymupdf.Document) -> list[int]:
    """Redraw, in place, every page of `doc` whose ``/UserUnit`` is not 1 in points (module
    doc); the pages (from 0) so redrawn. Pages of `doc` loaded before must not be used
    afterwards."""
    done: list[int] = []
    for number in range(doc.page_count):
        xref = doc.page_xref(number)
        kind, value = doc.xref_get_key(xref, "UserUnit")
        if kind not in ("int", "real"):
            continue
        unit = float(value)
        doc.xref_set_key(xref, "UserUnit", "null")
        if unit <= 0 or unit == 1:
            continue
        page = doc[number]
        boxes = {key: _box(doc, xref, key) for key in _BOXES}
        boxes["MediaBox"] = boxes["MediaBox"] or tuple(page.mediabox)  # inherited
        for key, box in boxes.items():
            if box is not None:
                scaled = " ".join(f"{v * unit:g}" for v in box)
                doc.xref_set_key(xref, key, f"[{scaled}]")
        for annot in _annots(doc, xref):
            rect = _box(doc, annot, "Rect")
            if rect is not None:
                doc.xref_set_key(annot, "Rect", "[" + " ".join(f"{v * unit:g}" for v in rect) + "]")
        _wrap(doc, xref, f"q {unit:g} 0 0 {unit:g} 0 0 cm\n".encode(), b"\nQ")
        done.append(number)
    return done


def _box(doc: pymupdf.Document, xref: int, key: str) -> tuple[float, ...] | None:
    kind, value = doc.xref_get_key(xref, key)
    if kind != "array":
        return None
    try:
        numbers = tuple(float(v) for v in value.strip("[]").split())
    except ValueError:
        return None
    return numbers if len(numbers) == 4 else None


def _annots(doc: pymupdf.Document, xref: int) -> list[int]:
    kind, value = doc.xref_get_key(xref, "Annots")
    if kind == "xref":
        value = doc.xref_object(int(value.split()[0]))
    elif kind != "array":
        return []
    parts = value.strip("[]").split()
    return [int(parts[i]) for i in range(0, len(parts) - 2, 3) if parts[i + 2] == "R"]


def _wrap(doc: pymupdf.Document, xref: int, before: bytes, after: bytes) -> None:
    """Put `before` ahead of the page's content streams and `after` behind them."""
    kind, value = doc.xref_get_key(xref, "Contents")
    if kind == "xref":
        existing = [value]
    elif kind == "array":
        parts = value.strip("[]").split()
        existing = [" ".join(parts[i : i + 3]) for i in range(0, len(parts) - 2, 3)]
    else:
        existing = []
    added = []
    for data in (before, after):
        new = doc.get_new_xref()
        doc.update_object(new, "<<>>")
        doc.update_stream(new, data)
        added.append(f"{new} 0 R")
    doc.xref_set_key(xref, "Contents", "[" + " ".join([added[0], *existing, added[1]]) + "]")
