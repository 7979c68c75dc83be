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
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

import pikepdf
import pymupdf

__all__ = [
    "Glyph",
    "ShiftReport",
    "Span",
    "glyphs",
    "horizontal",
    "repair_shifts",
    "snapshot",
    "trace",
]

#: Glyphs that moved less than this (points) are in place.
TOLERANCE = 0.05


class Glyph(NamedTuple):
    """One drawn glyph: identity (unicode, glyph id), origin, effective size, bounding box.

    A named tuple: a page holds thousands and each redacted page is snapshotted twice."""

    key: tuple[int, int]
    x: float
    y: float
    size: float
    bbox: tuple[float, float, float, float]


#: One run of glyphs as MuPDF traces it: (size, ((unicode, glyph id, origin, bbox), ...)).
Span = tuple[float, tuple[Any, ...]]

#: One instruction of a content stream as pikepdf parses it.
_Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage


def trace(page: pymupdf.Page) -> list[Span]:
    """The page's horizontal glyph runs in drawing order, as traced (cheap to compare: a run
    that did not change is equal, positions included, to its earlier self)."""
    return horizontal(page.get_texttrace())


def horizontal(traced: Sequence[dict[str, Any]]) -> list[Span]:
    """`trace` of a text trace already read (``page.get_texttrace()``), for a caller that
    needs the whole trace too: a trace costs a run of the page's content."""
    spans: list[Span] = []
    for span in traced:
        dx, dy = span["dir"]
        if span["wmode"] != 0 or round(dx, 3) != 1.0 or round(dy, 3) != 0.0:
            continue
        spans.append((span["size"], span["chars"]))
    return spans


def glyphs(spans: Sequence[Span]) -> list[Glyph]:
    """The glyphs of `spans`, in order."""
    found: list[Glyph] = []
    made = tuple.__new__  # a Glyph without its Python-level __new__: one is made per glyph
    for size, chars in spans:
        found += [
            made(Glyph, ((uni, gid), origin[0], origin[1], size, tuple(bbox)))
            for uni, gid, origin, bbox in chars
        ]
    return found


def snapshot(page: pymupdf.Page) -> list[Glyph]:
    """All horizontal glyphs of a page in drawing order."""
    return glyphs(trace(page))


@dataclass(frozen=True)
class ShiftReport:
    """After a repair: glyphs still away from their old position, and glyphs that are gone;
    and the page's `trace` as the repair left it (what a next step reads of the page until
    it changes the page again)."""

    misplaced: list[Glyph]
    removed: list[Glyph]
    now: list[Span]


def repair_shifts(page: pymupdf.Page, before: list[Span], boxes: list[pymupdf.Rect]) -> ShiftReport:
    """Correct the ``TJ`` displacements MuPDF shortened, then report what is still wrong.

    `before` is the page's `trace` taken before the redaction. Runs that are the same before
    and after (same glyphs at the same places) at the start and the end of the page are
    matched as they are; the glyphs in between, with one unchanged run on each side as
    context, are aligned and checked one by one."""
    now = trace(page)
    old, new = _changed(before, now)
    match = _align(old, new, boxes)
    fixes = _planned_fixes(old, match, new)
    if fixes and _rewrite(page, fixes):
        now = trace(page)
        old, new = _changed(before, now)
        match = _align(old, new, boxes)
    misplaced = [new[j] for i, j in enumerate(match) if j is not None and _moved(old[i], new[j])]
    removed = [old[i] for i, j in enumerate(match) if j is None]
    return ShiftReport(misplaced, removed, now)


def _changed(before: list[Span], after: list[Span]) -> tuple[list[Glyph], list[Glyph]]:
    """The glyphs of the stretch of runs that differ, before and after, with one unchanged
    run on each side (a shift is measured against the glyphs around it)."""
    head, most = 0, min(len(before), len(after))
    while head < most and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < most - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    head, tail = max(0, head - 1), max(0, tail - 1)
    return glyphs(before[head : len(before) - tail]), glyphs(after[head : len(after) - tail])


def _align(before: list[Glyph], after: list[Glyph], boxes: list[pymupdf.Rect]) -> list[int | None]:
    """For each glyph of `before`, the index of the same glyph in `after` (None if removed).

    Fast path: exactly the glyphs centred outside every box survive. Otherwise the common
    prefix and suffix are matched directly and only the middle goes through `difflib`.
    """
    match: list[int | None] = [None] * len(before)
    areas = [(b.x0, b.y0, b.x1, b.y1) for b in boxes]
    expected = [i for i, glyph in enumerate(before) if not _inside(glyph, areas)]
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


def _inside(glyph: Glyph, areas: list[tuple[float, float, float, float]]) -> bool:
    x0, y0, x1, y1 = glyph.bbox
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return any(bx0 <= cx <= bx1 and by0 <= cy <= by1 for bx0, by0, bx1, by1 in areas)


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
    parsed: dict[int, list[_Instruction]] = {}
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
            items: list[pikepdf.Object | Decimal] = list(op.operands[0])
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
