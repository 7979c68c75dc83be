"""The width channel: re-flow each removed text span to one fixed width.

After a removal the glyphs that remain keep their positions, so the gap between the last glyph
before a box and the first glyph after it is the exact advance width of what was removed, to
1/1000 em (Bland, Iyer, Levchenko, "Story Beyond the Eye", PoPETs 2023). A tight box says the
same. Measured on names (see benchmarks/width_channel.py and tests/pdf/test_width.py), that
width alone narrows a list of candidate names to a few.

The policy (`WidthPolicy`, docs/redaction-policy.md): for a text item, the rest of its line is
moved so that the gap becomes exactly ``gap_em`` ems of the line's font size, whatever was
removed, and the box is painted exactly that wide. The ``TJ`` displacement MuPDF wrote for the
removed run is the only number changed (or, when the span began its line, the one operator
that now starts the line), so the glyphs after the box move together and keep their own
spacing. The positions then say nothing about the width of the span; what the layout
still forces (where the line breaks, a justified line's word spacing) is left, and said so.

The re-flow is refused (a `ReflowError` naming the item) when it cannot be done exactly: the
text after the span is positioned on its own (no ``TJ`` number to change), the displacement is
not unique on the page, the moved glyphs did not all move by the planned amount, or they would
leave the page. The caller then redacts the rest of the line, or burns the page in.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pikepdf
import pymupdf

from clawback.domain.errors import DocumentError
from clawback.pdf.redaction.shiftfix import Glyph, snapshot

__all__ = ["ReflowError", "WidthPolicy", "reflow_line"]

#: Glyphs within this (points) of a planned position are where they should be.
_TOLERANCE = 0.05

#: One instruction of a content stream as pikepdf parses it.
_Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage


class ReflowError(DocumentError):
    """A gap could not be re-flowed exactly; the message names the item, never its text."""


@dataclass(frozen=True)
class WidthPolicy:
    """Every removed text span leaves a gap of `gap_em` ems (at the font size of the text that
    follows it), and its box is that wide. 8 em holds most names and codes at once."""

    gap_em: float = 8.0

    def __post_init__(self) -> None:
        if not 1.0 <= self.gap_em <= 40.0:
            raise ValueError(f"gap_em must be between 1 and 40, got {self.gap_em}")


def reflow_line(
    page: pymupdf.Page, box: pymupdf.Rect, policy: WidthPolicy, label: str
) -> tuple[pymupdf.Rect, float]:
    """Re-flow the glyphs after `box` on its line so the gap is the policy's; return the box
    to paint (its left edge kept, its width the policy's) and how far the rest of the line
    moved (points). Raises `ReflowError`."""
    glyphs = snapshot(page)
    after = _following(glyphs, box)
    width = (page.rect * page.derotation_matrix).x1
    # The gap runs from where the text before the box ends (not the box's edge, which may sit
    # a little right of it) to the first glyph after it.
    start = _preceding_end(glyphs, box)
    begins_line = start is None
    start = box.x0 if start is None else start
    if not after:  # nothing follows on the line: only the box could tell the width
        size = _line_size(glyphs, box)
        right = min(start + policy.gap_em * size, width)
        return pymupdf.Rect(start, box.y0, max(right, box.x1), box.y1), 0.0
    first = after[0]
    size = first.size
    gap = first.x - start
    delta = policy.gap_em * size - gap
    # Rewritten even when the gap is already close: its last decimals would still tell.
    written = -gap * 1000 / size
    moved = _rewrite(page, written, -delta * 1000 / size) or (
        begins_line and _move_line_start(page, first.x, start + policy.gap_em * size)
    )
    if not moved:
        raise ReflowError(
            f"item {label!r}: the text after it on page {page.number + 1} is not positioned "
            "relative to it; redact the rest of the line or the whole page"
        )
    _check_moved(page, after, delta, label, width)
    return pymupdf.Rect(start, box.y0, start + policy.gap_em * size, box.y1), delta


def _preceding_end(glyphs: list[Glyph], box: pymupdf.Rect) -> float | None:
    """Where the advance of the last glyph before `box` on its line ends (None: no glyph)."""
    ends = [
        g.bbox[2]
        for g in glyphs
        if box.y0 <= (g.bbox[1] + g.bbox[3]) / 2 <= box.y1 and g.bbox[2] <= box.x0 + 0.5
    ]
    return max(ends, default=None)


def _following(glyphs: list[Glyph], box: pymupdf.Rect) -> list[Glyph]:
    """The glyphs after `box` on its line (their centre in its height), left to right."""
    found = [
        g
        for g in glyphs
        if box.y0 <= (g.bbox[1] + g.bbox[3]) / 2 <= box.y1 and g.x >= box.x1 - _TOLERANCE
    ]
    return sorted(found, key=lambda g: g.x)


def _line_size(glyphs: list[Glyph], box: pymupdf.Rect) -> float:
    on_line = [g.size for g in glyphs if box.y0 <= (g.bbox[1] + g.bbox[3]) / 2 <= box.y1]
    return max(on_line, default=box.height)


def _check_moved(
    page: pymupdf.Page, before: list[Glyph], delta: float, label: str, width: float
) -> None:
    """Every glyph that followed the box moved by `delta`, and none left the page."""
    now: dict[tuple[tuple[int, int], float], list[float]] = {
        (g.key, round(g.y, 2)): [] for g in before
    }
    for glyph in snapshot(page):
        slot = now.get((glyph.key, round(glyph.y, 2)))
        if slot is not None:
            slot.append(glyph.x)
    for glyph in before:
        xs = now[(glyph.key, round(glyph.y, 2))]
        if not any(abs(x - (glyph.x + delta)) <= _TOLERANCE for x in xs):
            raise ReflowError(
                f"item {label!r}: re-flowing its line on page {page.number + 1} did not move all "
                "of the line; redact the rest of the line or the whole page"
            )
    right = max(g.bbox[2] for g in before) + delta
    if right > width:
        raise ReflowError(
            f"item {label!r}: re-flowing its line on page {page.number + 1} would push text off "
            "the page; redact the rest of the line or the whole page"
        )


def _move_line_start(page: pymupdf.Page, x_old: float, x_new: float) -> bool:
    """When the span began its line, MuPDF moves the line's start (``Td``/``TD``/``Tm``) to
    the first glyph kept: move the one operator that starts at `x_old` to `x_new` instead."""
    doc = page.parent
    scratch = pikepdf.new()
    hits = []
    parsed: dict[int, list[_Instruction]] = {}
    for xref in page.get_contents():
        ops = list(pikepdf.parse_content_stream(pikepdf.Stream(scratch, doc.xref_stream(xref))))
        parsed[xref] = ops
        for i, op in enumerate(ops):
            name = str(op.operator) if isinstance(op, pikepdf.ContentStreamInstruction) else ""
            at = {"Td": 0, "TD": 0, "Tm": 4}.get(name)
            operands = list(op.operands) if at is not None else []
            if at is not None and len(operands) > at and _near(operands[at], x_old):
                hits.append((xref, i, at))
    if len(hits) != 1:
        return False
    xref, i, at = hits[0]
    op = parsed[xref][i]
    moved: list[pikepdf.Object | Decimal] = list(op.operands)
    moved[at] = Decimal(f"{x_new:.3f}")
    parsed[xref][i] = pikepdf.ContentStreamInstruction(moved, op.operator)
    doc.update_stream(xref, pikepdf.unparse_content_stream(parsed[xref]))
    return True


def _near(value: object, x: float) -> bool:
    return isinstance(value, int | Decimal) and abs(float(value) - x) <= 0.01


def _rewrite(page: pymupdf.Page, written: float, change: float) -> bool:
    """Add `change` to the one ``TJ`` number near `written`, rounded to a whole thousandth of
    an em (so no trace of the measured width survives in its decimals); False unless exactly
    one number matches."""
    doc = page.parent
    xrefs = list(page.get_contents()) + [item[0] for item in doc.get_page_xobjects(page.number)]
    scratch = pikepdf.new()
    slack = max(1.5, abs(written) * 0.002)
    hits: list[tuple[int, int, int]] = []
    parsed: dict[int, list[_Instruction]] = {}
    for xref in xrefs:
        stream = pikepdf.Stream(scratch, doc.xref_stream(xref) or b"")
        ops = list(pikepdf.parse_content_stream(stream))
        parsed[xref] = ops
        for i, op in enumerate(ops):
            if not isinstance(op, pikepdf.ContentStreamInstruction) or str(op.operator) != "TJ":
                continue
            for j, item in enumerate(op.operands[0] if op.operands else ()):
                if isinstance(item, int | Decimal) and abs(float(item) - written) <= slack:
                    hits.append((xref, i, j))
    if len(hits) != 1:
        return False
    xref, i, j = hits[0]
    op = parsed[xref][i]
    items: list[pikepdf.Object | Decimal] = list(op.operands[0])
    items[j] = Decimal(round(float(items[j]) + change))
    parsed[xref][i] = pikepdf.ContentStreamInstruction([pikepdf.Array(items)], op.operator)
    doc.update_stream(xref, pikepdf.unparse_content_stream(parsed[xref]))
    return True
