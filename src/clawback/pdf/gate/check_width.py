"""Gate check ``width``: a re-flowed box tells nothing of how long the removed text was.

For each box the redactor says it re-flowed under a `WidthPolicy` (``(page, rect, label)``, as
`RedactionResult.reflowed` lists them), with ``size`` the font size of the text that follows
the box on its line:

* the text must resume exactly at the box's right edge (within 1/1000 em), so no displacement
  inside the box is left to measure;
* the box must be exactly ``gap_em`` ems of that size wide (within 1/1000 em).

Glyphs inside the box (a zero-width or invisible glyph would carry a position too) are the
``box`` check's: pass the same boxes as `boxes`; the label printed on a box is laid out from the
box alone and tells nothing.

A box with nothing after it on its line only has to be at least as wide as the policy's gap (it
may be cut at the page edge). Findings name the page and the item label.
"""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from clawback.pdf.gate.findings import Finding
from clawback.pdf.redaction.reflow import WidthPolicy
from clawback.pdf.redaction.shiftfix import Glyph, snapshot

__all__ = ["width_findings"]

BoxSpec = tuple[int, tuple[float, float, float, float], str]
_EM_TOLERANCE = 0.001


def width_findings(
    doc: pymupdf.Document, reflowed: Sequence[BoxSpec], policy: WidthPolicy | None = None
) -> list[Finding]:
    """Findings for re-flowed boxes whose gap still measures what they hide (see module doc)."""
    gap_em = (policy or WidthPolicy()).gap_em
    findings: list[Finding] = []
    by_page: dict[int, list[tuple[pymupdf.Rect, str]]] = {}
    for number, rect, label in reflowed:
        if 0 <= number < doc.page_count:
            by_page.setdefault(number, []).append((pymupdf.Rect(rect), label))
        else:
            findings.append(Finding(None, "width", f"box of item {label!r}: no page {number + 1}"))
    for number, boxes in sorted(by_page.items()):
        glyphs = snapshot(doc[number])
        for box, label in boxes:
            problem = _problem(glyphs, box, gap_em)
            if problem:
                findings.append(Finding(number, "width", f"box of item {label!r}: {problem}"))
    return findings


def _problem(glyphs: list[Glyph], box: pymupdf.Rect, gap_em: float) -> str | None:
    on_line = [g for g in glyphs if box.y0 <= (g.bbox[1] + g.bbox[3]) / 2 <= box.y1]
    after = sorted((g for g in on_line if g.x >= box.x1 - 0.5), key=lambda g: g.x)
    if not after:
        size = max((g.size for g in on_line), default=0.0)
        if size and box.width < (gap_em - _EM_TOLERANCE) * size:
            return f"box is {box.width / size:.3f} em wide, narrower than the policy's {gap_em:g}"
        return None
    first = after[0]
    size = first.size
    if abs(first.x - box.x1) > _EM_TOLERANCE * size:
        return f"the text after it starts {(first.x - box.x1) / size:+.3f} em from its edge"
    if abs(box.width - gap_em * size) > _EM_TOLERANCE * size:
        return f"box is {box.width / size:.3f} em wide, not the policy's {gap_em:g}"
    return None
