"""Boxes over live text in a PDF another party produced: a redaction that hides nothing.

A producing party that "redacts" by drawing a black rectangle (or pasting a black image, or
adding an annotation) over the text leaves the text in the file: anyone can select, copy or
search it. The receiving party should know, because the text under the box may be privileged
material that the other side meant to withhold (and may have to be sequestered and the other
side told). This check finds such boxes, in the way x-ray (Free Law Project) does:

* a filled, opaque, dark rectangle, or a dark image that does not fill the page, drawn *after*
  text whose characters' centres lie inside it;
* a square, redaction (not yet applied) or ink annotation, always drawn on top, over text.

A proper redaction (the text removed, a box drawn where it was) leaves no characters under the
box and is not reported. The warning says where the box is and how many characters it hides,
never what they say: the warning goes into the record, logs and the audit trail, where the
hidden text must not.
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf

from clawback.pdf.files.document import PdfError, open_pdf

__all__ = ["BoxOverText", "boxes_over_text"]

DARK = 0.25  # a fill with luminance at most this counts as a redaction colour
_INSET = 0.5  # glyphs that only touch a box's edge do not count
_MOSTLY = 0.95  # the share of an image's pixels that must be dark
_PAGE_SHARE = 0.5  # an image covering more of the page is a scan, not a box
_ANNOTS: dict[int, str] = {
    pymupdf.mupdf.PDF_ANNOT_SQUARE: "a filled square annotation",
    pymupdf.mupdf.PDF_ANNOT_REDACT: "a redaction annotation never applied",
    pymupdf.mupdf.PDF_ANNOT_INK: "an ink annotation",
}


@dataclass(frozen=True)
class BoxOverText:
    """One box with live text under it: page index (0-based), what the box is, its rectangle
    and how many characters it covers. It holds no text."""

    page: int
    what: str
    rect: tuple[float, float, float, float]
    characters: int
    failure: str = ""  # set instead when the page could not be checked at all

    def describe(self) -> str:
        if self.failure:
            return f"page {self.page + 1}: {self.failure}"
        x0, y0, x1, y1 = (round(v) for v in self.rect)
        return (
            f"page {self.page + 1} has a box over live text: {self.what} at "
            f"({x0}, {y0}, {x1}, {y1}) covers {self.characters} character(s) that can still "
            "be selected and copied"
        )


def boxes_over_text(pdf: bytes) -> list[BoxOverText]:
    """Every box over live text in the PDF, page by page (see the module doc)."""
    found: list[BoxOverText] = []
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            try:
                found += _page_boxes(page)
            except (RuntimeError, ValueError) as exc:
                name = type(exc).__name__
                raise PdfError(f"page {page.number + 1} could not be inspected ({name})") from None
    return found


def _page_boxes(page: pymupdf.Page) -> list[BoxOverText]:
    chars = _chars(page)
    if not chars:
        return []
    found: list[BoxOverText] = []
    for seqno, what, rect in _painted_boxes(page):
        count = _covered(chars, rect, before=seqno)
        if count:
            found.append(
                BoxOverText(page.number, what, (rect.x0, rect.y0, rect.x1, rect.y1), count)
            )
    for annot in page.annots() or []:
        kind = annot.type[0]
        if kind not in _ANNOTS:
            continue
        colors = annot.colors or {}
        fill = colors.get("fill") or (
            colors.get("stroke") if kind == pymupdf.mupdf.PDF_ANNOT_INK else None
        )
        if kind != pymupdf.mupdf.PDF_ANNOT_REDACT and (not fill or _luminance(fill) > DARK):
            continue
        count = _covered(chars, annot.rect, before=None)
        drawn = any(_close(box.rect, annot.rect) for box in found)  # its appearance, seen above
        if count and not drawn:
            found.append(BoxOverText(page.number, _ANNOTS[kind], tuple(annot.rect), count))
    return found


def _chars(page: pymupdf.Page) -> list[tuple[int, float, float]]:
    """Each character's drawing order and centre; visible or not, it can be extracted."""
    out = []
    for span in page.get_texttrace():
        for char in span["chars"]:
            x0, y0, x1, y1 = char[3]
            out.append((span["seqno"], (x0 + x1) / 2, (y0 + y1) / 2))
    return out


def _painted_boxes(page: pymupdf.Page) -> list[tuple[int, str, pymupdf.Rect]]:
    """Dark opaque rectangles and dark images smaller than the page, with their draw order."""
    boxes = []
    for d in page.get_drawings():
        fill = d.get("fill")
        opaque = d.get("fill_opacity") is None or d["fill_opacity"] >= 1
        if fill is None or not opaque or _luminance(fill) > DARK:
            continue
        if all(item[0] in ("re", "qu") for item in d["items"]):
            boxes.append((d["seqno"], "a filled dark rectangle", pymupdf.Rect(d["rect"])))
    area = abs(page.rect)
    for seqno, (kind, bbox) in enumerate(page.get_bboxlog()):
        if kind not in ("fill-image", "fill-imgmask"):
            continue
        rect = pymupdf.Rect(bbox) & page.rect
        if rect.is_empty or abs(rect) > _PAGE_SHARE * area:
            continue
        if _dark_area(page, rect):
            boxes.append((seqno, "a dark image", rect))
    return boxes


def _dark_area(page: pymupdf.Page, rect: pymupdf.Rect) -> bool:
    """Whether the page, as drawn, is almost all dark inside ``rect``."""
    pix = page.get_pixmap(clip=rect, dpi=36, colorspace=pymupdf.csGRAY, alpha=False)
    samples = pix.samples
    if not samples:
        return False
    dark = sum(1 for value in samples if value <= DARK * 255)
    return dark >= _MOSTLY * len(samples)


def _covered(chars: list[tuple[int, float, float]], rect: pymupdf.Rect, before: int | None) -> int:
    x0, y0, x1, y1 = rect.x0 + _INSET, rect.y0 + _INSET, rect.x1 - _INSET, rect.y1 - _INSET
    if x0 >= x1 or y0 >= y1:
        return 0
    return sum(
        1
        for seqno, cx, cy in chars
        if (before is None or seqno < before) and x0 <= cx <= x1 and y0 <= cy <= y1
    )


def _close(a: tuple[float, ...], b: pymupdf.Rect, tolerance: float = 2.0) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a, (b.x0, b.y0, b.x1, b.y1), strict=True))


def _luminance(color: tuple[float, ...] | list[float]) -> float:
    if len(color) == 1:
        return float(color[0])
    if len(color) == 4:  # CMYK
        c, m, y, k = color
        return float(1 - min(1.0, 0.3 * c + 0.59 * m + 0.11 * y + k))
    r, g, b = color[:3]
    return float(0.3 * r + 0.59 * g + 0.11 * b)
