"""Gate check (g): under every redaction box, nothing.

For each box the caller says was painted (``(page, rect, label)``, as `redact` returns them):

* an opaque filled path must cover the box (else ``box is not drawn opaque``);
* no character may have its centre inside the box unless it was drawn *after* that fill, is
  visible, and differs in colour from the fill — the label printed on the box qualifies; hidden
  or invisible text does not;
* no vector path drawn before the fill may reach into the box (other boxes' fills excepted),
  nor any shading painted by ``sh`` in a file holding one other than a plain blend (a mesh
  may draw letters), nor a segment of a clip path (an outline of letters: `redaction.culled`);
* every image reaching into the box must have uniform pixels in the part the box covers (the
  redactor blanks them); an inline image there cannot be inspected and is reported.

Boxes are shrunk by half a point before testing, so glyphs and lines that only touch an edge do
not count.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pymupdf

from clawback.pdf.gate.findings import Finding
from clawback.pdf.redaction.culled import plain_blends_only, touched_shadings, within
from clawback.pdf.shows.outlines import clip_spans, letter_segments
from clawback.pdf.shows.pagereads import PageReads

__all__ = ["box_findings", "boxes_by_page", "page_box_findings"]

BoxSpec = tuple[int, tuple[float, float, float, float], str]
#: The boxes of one page, each with its item's label.
PageBoxes = list[tuple[pymupdf.Rect, str]]
_INSET = 0.5
_PICTURES = frozenset({"fill-image", "fill-imgmask"})


def box_findings(doc: pymupdf.Document, boxes: Sequence[BoxSpec]) -> list[Finding]:
    """Findings for boxes that hide something (see module doc)."""
    by_page, findings = boxes_by_page(doc, boxes)
    for number, items in sorted(by_page.items()):
        page = doc[number]
        findings += page_box_findings(doc, page, items, PageReads(page))
    return findings


def boxes_by_page(
    doc: pymupdf.Document, boxes: Sequence[BoxSpec]
) -> tuple[dict[int, PageBoxes], list[Finding]]:
    """The boxes by page, and a finding for each box on a page the file does not have."""
    by_page: dict[int, PageBoxes] = {}
    findings: list[Finding] = []
    for number, rect, label in boxes:
        if not 0 <= number < doc.page_count:
            detail = f"box of item {label!r} is on page {number + 1}, which does not exist"
            findings.append(Finding(None, "box", detail))
            continue
        by_page.setdefault(number, []).append((pymupdf.Rect(rect), label))
    return by_page, findings


def page_box_findings(
    doc: pymupdf.Document, page: pymupdf.Page, items: PageBoxes, reads: PageReads
) -> list[Finding]:
    """Findings for the boxes `items` of `page` (`reads`: what the page's other checks read
    of it; its text trace and box log)."""
    number = page.number
    drawings = page.get_cdrawings()
    spans = reads.trace()
    inners = [
        (
            pymupdf.Rect(rect.x0 + _INSET, rect.y0 + _INSET, rect.x1 - _INSET, rect.y1 - _INSET),
            label,
        )
        for rect, label in items
    ]
    inners = [(inner, label) for inner, label in inners if not inner.is_empty]
    # Every image the page draws (inline ones too) is in its drawing log: only a page where
    # one reaches a box needs the costlier look at each image's pixels.
    # (a stencil mask logs as ``fill-imgmask``: it was passed unlooked at, its pixels whole)
    pictures = [pymupdf.Rect(r) for kind, r in reads.boxes() if kind in _PICTURES]
    reached = any(not (picture & inner).is_empty for picture in pictures for inner, _ in inners)
    images = page.get_image_info(xrefs=True) if reached else []
    # a clip that may outline letters; a rectangle larger than a dot of a letter shapes
    # nothing (a placed page's or a picture's frame) and is not one
    clips = clip_spans([c for c in reads.clips() if letter_segments({**c, "type": "f"})])
    findings: list[Finding] = []
    for inner, label in inners:
        cover = _cover(drawings, inner)
        if cover is None:
            detail = f"box of item {label!r} is not drawn opaque"
            findings.append(Finding(number, "box", detail))
            continue
        hidden = _hidden_chars(spans, inner, cover)
        if hidden:
            detail = f"{hidden} character(s) under the box of item {label!r}"
            findings.append(Finding(number, "box", detail))
        if _paths_under(drawings, inner, cover, [r for r, _ in items]):
            detail = f"vector art under the box of item {label!r}"
            findings.append(Finding(number, "box", detail))
        if touched_shadings(reads.boxes(), [inner]) and not plain_blends_only(doc):
            detail = f"a shading under the box of item {label!r}"
            findings.append(Finding(number, "box", detail))
        if any(within(span, [inner]) for span in clips):
            detail = f"a clip path's outline under the box of item {label!r}"
            findings.append(Finding(number, "box", detail))
        for image in images:
            problem = _image_problem(doc, image, inner)
            if problem:
                findings.append(
                    Finding(number, "box", f"{problem} under the box of item {label!r}")
                )
    return findings


def _cover(drawings: list[dict[str, Any]], inner: pymupdf.Rect) -> dict[str, Any] | None:
    """The last-drawn opaque fill that covers `inner`, if any."""
    covers = [
        d
        for d in drawings
        if d.get("fill") is not None
        and (d.get("fill_opacity") is None or d["fill_opacity"] >= 1)
        and pymupdf.Rect(d["rect"]).contains(inner)
    ]
    return max(covers, key=lambda d: d["seqno"], default=None)


def _hidden_chars(spans: list[dict[str, Any]], inner: pymupdf.Rect, cover: dict[str, Any]) -> int:
    fill = tuple(round(c, 3) for c in cover["fill"])
    count = 0
    for span in spans:
        x0, y0, x1, y1 = span["bbox"]  # holds every glyph box of the span
        if x1 < inner.x0 or x0 > inner.x1 or y1 < inner.y0 or y0 > inner.y1:
            continue
        visible_label = (
            span["seqno"] > cover["seqno"]
            and span["type"] != 3
            and span["opacity"] > 0
            and tuple(round(c, 3) for c in span["color"]) != fill
        )
        if visible_label:
            continue
        for char in span["chars"]:
            x0, y0, x1, y1 = char[3]
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if inner.x0 <= cx <= inner.x1 and inner.y0 <= cy <= inner.y1:
                count += 1
    return count


def _paths_under(
    drawings: list[dict[str, Any]],
    inner: pymupdf.Rect,
    cover: dict[str, Any],
    boxes: list[pymupdf.Rect],
) -> bool:
    for d in drawings:
        if d["seqno"] >= cover["seqno"]:
            continue
        area = pymupdf.Rect(d["rect"])
        if (area & inner).is_empty:
            continue
        if d.get("fill") is not None and any(_close(area, box) for box in boxes):
            continue  # another box's fill
        return True
    return False


def _close(a: pymupdf.Rect, b: pymupdf.Rect, tolerance: float = 1.0) -> bool:
    corners = zip((a.x0, a.y0, a.x1, a.y1), (b.x0, b.y0, b.x1, b.y1), strict=True)
    return all(abs(p - q) <= tolerance for p, q in corners)


def _image_problem(doc: pymupdf.Document, image: dict[str, Any], inner: pymupdf.Rect) -> str | None:
    """None if the image misses the box or is uniform under it, else what is wrong."""
    bbox = pymupdf.Rect(image["bbox"])
    if (bbox & inner).is_empty:
        return None
    xref = image.get("xref", 0)
    if not xref:
        return "an inline image"
    try:
        pix = pymupdf.Pixmap(doc, xref)
        to_unit = ~pymupdf.Matrix(image["transform"])
    except (RuntimeError, ValueError, ZeroDivisionError):
        return "an undecodable image"
    corners = [p * to_unit for p in (inner.tl, inner.tr, inner.bl, inner.br)]
    x0 = max(0, int(min(p.x for p in corners) * pix.width) + 1)
    x1 = min(pix.width, int(max(p.x for p in corners) * pix.width) - 1)
    y0 = max(0, int(min(p.y for p in corners) * pix.height) + 1)
    y1 = min(pix.height, int(max(p.y for p in corners) * pix.height) - 1)
    if x0 >= x1 or y0 >= y1:
        return None
    samples, n, stride = pix.samples, pix.n, pix.stride
    first = samples[y0 * stride + x0 * n : y0 * stride + x0 * n + n]
    row = first * (x1 - x0)
    for y in range(y0, y1):
        start = y * stride + x0 * n
        if samples[start : start + (x1 - x0) * n] != row:
            return "image pixels that were not blanked"
    return None
