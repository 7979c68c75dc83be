"""Put back text that PyMuPDF 2.0 moves when it removes glyphs.

MuPDF 1.28 (PyMuPDF 2.0) loses the advance width of the *first* glyph of every run of glyphs
it removes: it replaces the run by a ``TJ`` displacement that is short by exactly that width, so
whatever follows on the line slides left, often under the new box, where it is hidden
(PyMuPDF 1.24 kept positions exactly). Example: removing "FIR-2018-12-004417" (11 pt Helvetica)
writes ``-8670.996`` instead of ``-9282`` and "assigned." moves 6.7 pt left.

The repair is measured, not assumed: the glyph positions of the page are recorded before the
redaction and compared after it (glyphs aligned by identity with `difflib`); for every run whose
following glyph moved, the displacement MuPDF wrote is predicted from the measured positions,
looked up among the numbers of the page's ``TJ`` arrays, and corrected only where the match is
unambiguous. `repair_shifts` reports the glyphs still out of place and the glyphs removed, so
the caller can refuse a result that hides or deletes text outside the boxes.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal

import pikepdf
import pymupdf

__all__ = ["Glyph", "ShiftReport", "repair_shifts", "snapshot"]

#: Glyphs that moved less than this (points) are in place.
TOLERANCE = 0.05


@dataclass(frozen=True)
class Glyph:
    """One drawn glyph: identity (unicode, glyph id), origin, effective size, bounding box."""

    key: tuple[int, int]
    x: float
    y: float
    size: float
    bbox: tuple[float, float, float, float]


def snapshot(page: pymupdf.Page) -> list[Glyph]:
    """All horizontal glyphs of a page in drawing order."""
    glyphs: list[Glyph] = []
    for span in page.get_texttrace():
        if span["wmode"] != 0 or tuple(round(v, 3) for v in span["dir"]) != (1.0, 0.0):
            continue
        for uni, gid, origin, bbox in span["chars"]:
            glyphs.append(Glyph((uni, gid), origin[0], origin[1], span["size"], tuple(bbox)))
    return glyphs


@dataclass(frozen=True)
class ShiftReport:
    """After a repair: glyphs still away from their old position, and glyphs that are gone."""

    misplaced: list[Glyph]
    removed: list[Glyph]


def repair_shifts(
    page: pymupdf.Page, before: list[Glyph], boxes: list[pymupdf.Rect]
) -> ShiftReport:
    """Correct the ``TJ`` displacements MuPDF shortened, then report what is still wrong."""
    after = snapshot(page)
    fixes = _planned_fixes(before, _align(before, after, boxes), after)
    if fixes and _rewrite(page, fixes):
        after = snapshot(page)
    match = _align(before, after, boxes)
    misplaced = [
        after[j] for i, j in enumerate(match) if j is not None and _moved(before[i], after[j])
    ]
    removed = [before[i] for i, j in enumerate(match) if j is None]
    return ShiftReport(misplaced, removed)


def _align(before: list[Glyph], after: list[Glyph], boxes: list[pymupdf.Rect]) -> list[int | None]:
    """For each glyph of `before`, the index of the same glyph in `after` (None if removed).

    Fast path: exactly the glyphs centred outside every box survive. Otherwise the common
    prefix and suffix are matched directly and only the middle goes through `difflib`.
    """
    match: list[int | None] = [None] * len(before)
    expected = [i for i, glyph in enumerate(before) if not _inside(glyph, boxes)]
    if len(expected) == len(after) and all(
        before[i].key == after[j].key for j, i in enumerate(expected)
    ):
        for j, i in enumerate(expected):
            match[i] = j
        return match
    head = 0
    while head < min(len(before), len(after)) and before[head].key == after[head].key:
        match[head] = head
        head += 1
    tail = 0
    while (
        tail < min(len(before), len(after)) - head and before[-1 - tail].key == after[-1 - tail].key
    ):
        match[len(before) - 1 - tail] = len(after) - 1 - tail
        tail += 1
    middle_a = [g.key for g in before[head : len(before) - tail]]
    middle_b = [g.key for g in after[head : len(after) - tail]]
    matcher = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            match[head + block.a + offset] = head + block.b + offset
    return match


def _inside(glyph: Glyph, boxes: list[pymupdf.Rect]) -> bool:
    x0, y0, x1, y1 = glyph.bbox
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return any(b.x0 <= cx <= b.x1 and b.y0 <= cy <= b.y1 for b in boxes)


def _moved(old: Glyph, new: Glyph) -> bool:
    return max(abs(new.x - old.x), abs(new.y - old.y)) > TOLERANCE


def _planned_fixes(
    before: list[Glyph], match: list[int | None], after: list[Glyph]
) -> list[tuple[float, float]]:
    """(displacement MuPDF wrote, displacement it should have written), per shifted run."""
    shift = {i: after[j].x - before[i].x for i, j in enumerate(match) if j is not None}
    fixes: list[tuple[float, float]] = []
    index = 0
    while index < len(before):
        if index in shift:
            index += 1
            continue
        start = index
        while index < len(before) and index not in shift:
            index += 1
        if index == len(before):
            break
        first, kept = before[start], before[index]
        if abs(kept.y - first.y) > 0.5 or abs(kept.size - first.size) > 0.01 or kept.size <= 0:
            continue
        base = shift.get(start - 1, 0.0) if start > 0 else 0.0
        if start > 0 and abs(before[start - 1].y - first.y) > 0.5:
            base = 0.0
        delta = shift[index] - base
        if abs(delta) <= TOLERANCE:
            continue
        removed_advance = kept.x - first.x
        written = -(removed_advance + delta) * 1000 / kept.size
        wanted = -removed_advance * 1000 / kept.size
        fixes.append((written, wanted))
    return fixes


def _rewrite(page: pymupdf.Page, fixes: list[tuple[float, float]]) -> bool:
    """Replace the ``TJ`` numbers MuPDF wrote; True if any stream changed.

    Fixes with (nearly) the same written value form a group; a group is applied only when the
    page holds exactly as many matching numbers as the group has runs, matched in order.
    """
    doc = page.parent
    xrefs = list(page.get_contents()) + [item[0] for item in doc.get_page_xobjects(page.number)]
    scratch = pikepdf.new()
    parsed: dict[int, list[object]] = {}
    for xref in xrefs:
        stream = pikepdf.Stream(scratch, doc.xref_stream(xref) or b"")
        parsed[xref] = list(pikepdf.parse_content_stream(stream))
    changed: set[int] = set()
    for group in _groups(fixes):
        written = group[0][0]
        hits = [
            (xref, i, j)
            for xref, ops in parsed.items()
            for i, op in enumerate(ops)
            if isinstance(op, pikepdf.ContentStreamInstruction) and str(op.operator) == "TJ"
            for j, item in enumerate(op.operands[0] if op.operands else ())
            if isinstance(item, int | Decimal) and abs(float(item) - written) <= _slack(written)
        ]
        if len(hits) != len(group):
            continue
        for (xref, i, j), (_, wanted) in zip(hits, group, strict=True):
            op = parsed[xref][i]
            items = list(op.operands[0])
            items[j] = Decimal(f"{wanted:.3f}")
            parsed[xref][i] = pikepdf.ContentStreamInstruction([pikepdf.Array(items)], op.operator)
            changed.add(xref)
    for xref in changed:
        doc.update_stream(xref, pikepdf.unparse_content_stream(parsed[xref]))
    return bool(changed)


def _groups(fixes: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Fixes grouped by written value (within `_slack`), keeping drawing order in each."""
    groups: list[list[tuple[float, float]]] = []
    for fix in fixes:
        for group in groups:
            if abs(group[0][0] - fix[0]) <= _slack(fix[0]):
                group.append(fix)
                break
        else:
            groups.append([fix])
    return groups


def _slack(value: float) -> float:
    """Matching tolerance for a predicted displacement, in thousandths of an em."""
    return max(1.5, abs(value) * 0.002)
