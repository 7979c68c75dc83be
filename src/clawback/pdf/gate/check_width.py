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

A box with nothing after it on its line (the span ended its line, or was alone on it) must be
exactly the policy's width too, in ems of the largest text left on the line (of the box's own
height when none is left, as `reflow` draws it), unless it is cut by the page's right edge:
a box as wide as the span it hid would measure it as well as a gap.

The text's own direction is used: on a page shown turned (a rotated original, stamped upright)
the line runs down or up the page, and the box and glyphs are turned back before measuring.
Findings name the page and the item label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pymupdf

from clawback.pdf.gate.findings import Finding
from clawback.pdf.redaction.reflow import WIDTH_POLICY, WidthPolicy
from clawback.pdf.redaction.shiftfix import Glyph
from clawback.pdf.shows.pagereads import PageReads

__all__ = ["page_width_findings", "reflowed_by_page", "width_findings"]

BoxSpec = tuple[int, tuple[float, float, float, float], str]
_EM_TOLERANCE = 0.001


def width_findings(
    doc: pymupdf.Document, reflowed: Sequence[BoxSpec], policy: WidthPolicy | None = None
) -> list[Finding]:
    """Findings for re-flowed boxes whose gap still measures what they hide (see module doc)."""
    by_page, findings = reflowed_by_page(doc, reflowed)
    for number, boxes in sorted(by_page.items()):
        page = doc[number]
        findings += page_width_findings(page, boxes, PageReads(page), policy)
    return findings


def reflowed_by_page(
    doc: pymupdf.Document, reflowed: Sequence[BoxSpec]
) -> tuple[dict[int, list[tuple[pymupdf.Rect, str]]], list[Finding]]:
    """The re-flowed boxes by page, and a finding for each on a page the file does not have."""
    findings: list[Finding] = []
    by_page: dict[int, list[tuple[pymupdf.Rect, str]]] = {}
    for number, rect, label in reflowed:
        if 0 <= number < doc.page_count:
            by_page.setdefault(number, []).append((pymupdf.Rect(rect), label))
        else:
            findings.append(Finding(None, "width", f"box of item {label!r}: no page {number + 1}"))
    return by_page, findings


def page_width_findings(
    page: pymupdf.Page,
    boxes: list[tuple[pymupdf.Rect, str]],
    reads: PageReads,
    policy: WidthPolicy | None = None,
) -> list[Finding]:
    """Findings for the re-flowed `boxes` of `page` (`reads`: what the page's other checks
    read of it; its text trace)."""
    gap_em = (policy or WIDTH_POLICY).gap_em
    by_direction = _glyphs(reads.trace())
    findings: list[Finding] = []
    for box, label in boxes:
        problem = _problem(by_direction, box, page.rect, gap_em)
        if problem:
            findings.append(Finding(page.number, "width", f"box of item {label!r}: {problem}"))
    return findings


#: A text direction as MuPDF traces it, and the turn that makes it run left to right.
_TURNS = {
    (1, 0): pymupdf.Matrix(1, 0, 0, 1, 0, 0),
    (0, 1): pymupdf.Matrix(0, -1, 1, 0, 0, 0),
    (-1, 0): pymupdf.Matrix(-1, 0, 0, -1, 0, 0),
    (0, -1): pymupdf.Matrix(0, 1, -1, 0, 0, 0),
}


def _glyphs(traced: list[dict[str, Any]]) -> dict[tuple[int, int], list[Glyph]]:
    """A page's glyphs (its text trace) by text direction, each turned to run left to right
    (in plain floats: a quarter turn only swaps and negates coordinates, exactly as `_TURNS`
    would, and a page holds thousands of glyphs)."""
    found: dict[tuple[int, int], list[Glyph]] = {d: [] for d in _TURNS}
    for span in traced:
        dx, dy = span["dir"]
        direction = (round(dx), round(dy))
        turn = _QUARTER.get(direction)
        if span["wmode"] != 0 or turn is None or abs(dx) + abs(dy) > 1.001:
            continue
        size, into = span["size"], found[direction]
        made = tuple.__new__  # a Glyph without its Python-level __new__: one is made per glyph
        if direction == (1, 0):  # no turn: the box only put in order, as `_turned` does
            into += [
                made(Glyph, ((uni, gid), ox, oy, size, _ordered(x0, y0, x1, y1)))
                for uni, gid, (ox, oy), (x0, y0, x1, y1) in span["chars"]
            ]
            continue
        into += [
            made(Glyph, ((uni, gid), *turn(origin[0], origin[1]), size, _turned(turn, bbox)))
            for uni, gid, origin, bbox in span["chars"]
        ]
    return found


def _ordered(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    """A box with its corners in order: `_turned` by no turn."""
    if x0 <= x1 and y0 <= y1:
        return (x0, y0, x1, y1)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


#: `_TURNS` as functions of (x, y): the same quarter turns, on floats.
_QUARTER: dict[tuple[int, int], Callable[[float, float], tuple[float, float]]] = {
    (1, 0): lambda x, y: (x, y),
    (0, 1): lambda x, y: (y, -x),
    (-1, 0): lambda x, y: (-x, -y),
    (0, -1): lambda x, y: (-y, x),
}


def _turned(
    turn: Callable[[float, float], tuple[float, float]], bbox: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """A glyph box turned: the box around its turned corners (as ``Rect * Matrix``)."""
    (ax, ay), (bx, by) = turn(bbox[0], bbox[1]), turn(bbox[2], bbox[3])
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _problem(
    by_direction: dict[tuple[int, int], list[Glyph]],
    rect: pymupdf.Rect,
    page: pymupdf.Rect,
    gap_em: float,
) -> str | None:
    """What is wrong with one box, in the direction of the text on its line (left to right
    first; a box with no text on its line in any direction is measured as it lies)."""
    for direction, turn in _TURNS.items():
        box = rect * turn
        glyphs = by_direction[direction]
        on_line = [  # the label printed inside the box is laid out from the box alone
            g
            for g in glyphs
            if box.y0 <= (g.bbox[1] + g.bbox[3]) / 2 <= box.y1
            and not box.x0 < (g.bbox[0] + g.bbox[2]) / 2 < box.x1
        ]
        if on_line:
            return _measured(on_line, box, (page * turn).x1, gap_em)
    # Nothing left on its line: its own height is its em (turned: its width).
    long, short = max(rect.width, rect.height), min(rect.width, rect.height)
    if short and abs(long - gap_em * short) > _EM_TOLERANCE * short:
        return f"box is {long / short:.3f} of its height long, not the policy's {gap_em:g}"
    return None


def _measured(on_line: list[Glyph], box: pymupdf.Rect, right: float, gap_em: float) -> str | None:
    after = sorted((g for g in on_line if g.x >= box.x1 - 0.5), key=lambda g: g.x)
    if not after:  # the span ended its line: the box alone could measure it
        size = max(g.size for g in on_line)
        if abs(box.x1 - right) <= _EM_TOLERANCE * size and box.width <= gap_em * size:
            return None  # cut at the page's edge
        if abs(box.width - gap_em * size) > _EM_TOLERANCE * size:
            return (
                f"box at the end of its line is {box.width / size:.3f} em wide, not the "
                f"policy's {gap_em:g}"
            )
        return None
    first = after[0]
    size = first.size
    if abs(first.x - box.x1) > _EM_TOLERANCE * size:
        return f"the text after it starts {(first.x - box.x1) / size:+.3f} em from its edge"
    if abs(box.width - gap_em * size) > _EM_TOLERANCE * size:
        return f"box is {box.width / size:.3f} em wide, not the policy's {gap_em:g}"
    return None
