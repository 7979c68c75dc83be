"""The width channel: re-flow each removed text span to one fixed width.

After a removal the glyphs that remain keep their positions, so the gap between the last glyph
before a box and the first glyph after it is the exact advance width of what was removed, to
1/1000 em (Bland, Iyer, Levchenko, "Story Beyond the Eye", PoPETs 2023). A tight box says the
same. Measured on names (see benchmarks/width_channel.py and tests/pdf/test_width.py), that
width alone narrows a list of candidate names to a few.

The policy (`WidthPolicy`, docs/redaction-policy.md; `WIDTH_POLICY` is the one clawback applies,
to productions and filings alike): for a text item, the rest of its line is moved so that the
gap becomes exactly ``gap_em`` ems of the line's font size, whatever was removed, and the box is
painted exactly that wide. The ``TJ`` displacement MuPDF wrote for the removed run is the only
number changed (or, when the span began its line, the one operator that now starts the line),
so the glyphs after the box move together and keep their own spacing. A span with nothing after
it on its line (at the end of a line, or alone on it) gets a box of the same fixed width, cut
only by the page's edge, however wide the span was. The positions then say nothing about the
width of the span; what the layout still forces (where a ragged line breaks) is left, and said.

Where the line itself would still tell the width, it is not re-flowed (`telling_lines`, on the
page as it was): a line spaced out to a measure (justified, or letter- or word-spaced: its
spacing, or where it ends, was computed from the width of every word on it, the removed ones
too; an OCR text layer is stretched to the words of the scan, so it is spaced out too), a line
ending at the right margin of the page's justified lines, a centred or right-aligned line (where
it starts tells how long it is), and text after the span set apart on the same line (a tab
stop, a column: re-flow would move it off its stop by the difference). The redactor then boxes
the whole line instead, across the page's text block (`redact`).

The re-flow is also refused (a `ReflowError` naming the item) when it cannot be done exactly: the
text after the span is positioned on its own (no ``TJ`` number to change), the displacement is
not unique on the page, the moved glyphs did not all move by the planned amount, or they would
leave the page. The caller then redacts the rest of the line, or burns the page in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

import pikepdf
import pymupdf

from clawback.domain.errors import DocumentError
from clawback.pdf.redaction.shiftfix import Glyph, snapshot

__all__ = [
    "WIDTH_POLICY",
    "ReflowError",
    "WidthPolicy",
    "line_starts",
    "reflow_line",
    "telling_lines",
]

#: Glyphs within this (points) of a planned position are where they should be.
_TOLERANCE = 0.05

#: A gap between two words more than this (ems) off the font's own advances: spaced out.
_SPACED_EM = 0.003
#: A displacement between two glyphs at least this wide (ems) is a word gap, not kerning.
_WORD_GAP_EM = 0.1
#: A gap wider than this (ems) sets the text after it apart (a tab stop, a column).
_APART_EM = 2.0
#: Two lines start (or end) at one place within this (points).
_ALIGNED = 0.1
#: A line whose middle is this close (points) to the page's is centred.
_CENTRED = 1.5

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


#: The policy clawback applies to every text item it redacts, in productions (pattern hits)
#: and filings alike: the one object both use, and the gate's default.
WIDTH_POLICY = WidthPolicy()


def reflow_line(
    page: pymupdf.Page,
    box: pymupdf.Rect,
    policy: WidthPolicy,
    label: str,
    now: list[Glyph] | None = None,
) -> tuple[pymupdf.Rect, float, list[Glyph]]:
    """Re-flow the glyphs after `box` on its line so the gap is the policy's; return the box
    to paint (its left edge kept, its width the policy's), how far the rest of the line
    moved (points), and the page's glyphs (`snapshot`) as it leaves the page. With nothing
    after it on its line, nothing moves and the box is the policy's width all the same (cut
    at the page's edge). Raises `ReflowError`; the line as it was must not be one
    `telling_lines` names. `now`: the page's `snapshot` as it is, when the caller has it (a
    snapshot costs a run of the page's content; one taken before the page last changed is
    no snapshot of it)."""
    glyphs = snapshot(page) if now is None else now
    after = _following(glyphs, box)
    width = (page.rect * page.derotation_matrix).x1
    # The gap runs from where the text before the box ends (not the box's edge, which may sit
    # a little right of it) to the first glyph after it.
    start = _preceding_end(glyphs, box)
    begins_line = start is None
    start = box.x0 if start is None else start
    if not after:  # nothing follows on the line: only the box could tell the width
        # The policy's width, never the span's: a wider span is left partly unboxed (nothing
        # is drawn there any more), a narrower one gets a wider box.
        size = _line_size(glyphs, box)
        right = min(start + policy.gap_em * size, width)
        if right - start < 1.0:
            raise ReflowError(
                f"item {label!r}: it ends its line at the edge of page {page.number + 1}, "
                "with no room for a box; redact the rest of the line or the whole page"
            )
        return pymupdf.Rect(start, box.y0, right, box.y1), 0.0, glyphs
    first = after[0]
    size = first.size
    gap = first.x - start
    delta = policy.gap_em * size - gap
    # Rewritten even when the gap is already close: its last decimals would still tell.
    written = -gap * 1000 / size
    moved = (
        _rewrite(page, written, -delta * 1000 / size)
        or (begins_line and _move_line_start(page, first.x, start + policy.gap_em * size))
        or (not begins_line and _move_last_part(page, _line_left(glyphs, box), first.x, delta))
    )
    if not moved:
        raise ReflowError(
            f"item {label!r}: the text after it on page {page.number + 1} is not positioned "
            "relative to it; redact the rest of the line or the whole page"
        )
    moved_now = _check_moved(page, after, delta, label, width)
    return pymupdf.Rect(start, box.y0, start + policy.gap_em * size, box.y1), delta, moved_now


def telling_lines(
    original: Sequence[Glyph],
    items: Sequence[tuple[pymupdf.Rect, str]],
    page: int,
    centre: float,
    elsewhere: Callable[[], Sequence[float]] = lambda: (),
) -> dict[int, str]:
    """The text items (by index into `items`) whose line would still tell the width of what
    they remove once re-flowed, each with why (see the module doc). `original` is the page's
    glyphs before the redaction (`shiftfix.snapshot`), `items` every text item's box on the
    page with its label, `page` the 0-based page number, `centre` the middle of the page
    across; `elsewhere` gives where the lines of the document's other pages start
    (`line_starts`), asked only for a line that starts where no other line of its page does.

    A line is taken as centred or right-aligned only when it starts where no other line does
    and its middle is the page's or its end another line's: a lone line at an indent is
    set from its start, which tells nothing of how long it is."""
    told: dict[int, str] = {}
    if not items:
        return told
    spans = [box for box, _ in items]

    def inside(glyph: Glyph) -> bool:
        x0, y0, x1, y1 = glyph.bbox
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        return any(b.x0 <= cx <= b.x1 and b.y0 <= cy <= b.y1 for b in spans)

    starts: list[tuple[float, float]] = []  # (left edge, baseline) of every part of a line
    ends: list[tuple[float, float]] = []  # (right edge, baseline) of every part of a line
    margins: list[float] = []  # where the spaced-out (justified) parts of lines end
    for baseline, part in _all_parts(original):
        starts.append((part[0].x, baseline))
        ends.append((part[-1].bbox[2], baseline))
        if _spaced_out(part, inside):
            margins.append(part[-1].bbox[2])
    for index, (box, label) in enumerate(items):
        where = f"item {label!r}: its line on page {page + 1}"
        line = [g for g in original if box.y0 <= (g.bbox[1] + g.bbox[3]) / 2 <= box.y1]
        parts = _parts(line)
        mine = [i for i, part in enumerate(parts) if any(inside(g) for g in part)]
        if not mine:
            continue  # nothing of it drawn horizontally: nothing to re-flow
        first, last = parts[mine[0]], parts[mine[-1]]
        left, right, baseline = first[0].x, last[-1].bbox[2], first[0].y
        if len(mine) > 1 or mine[-1] < len(parts) - 1:
            told[index] = f"{where} sets text after it apart (a tab stop or a column)"
        elif _spaced_out(first, inside):
            told[index] = f"{where} is spaced out to a measure (justified or letter-spaced)"
        elif any(abs(right - margin) <= _ALIGNED for margin in margins):
            told[index] = f"{where} ends at the right margin of the page's justified lines"
        elif not any(
            abs(x - left) <= _ALIGNED and abs(y - baseline) > 1.0 for x, y in starts
        ) and not any(abs(x - left) <= _ALIGNED for x in elsewhere()):
            if abs((left + right) / 2 - centre) <= _CENTRED:
                told[index] = f"{where} is centred"
            elif any(abs(x - right) <= _ALIGNED and abs(y - baseline) > 1.0 for x, y in ends):
                told[index] = f"{where} is right-aligned"
    return told


def line_starts(glyphs: Sequence[Glyph]) -> list[float]:
    """Where the lines (and the parts of lines set apart) of a page start."""
    return [part[0].x for _, part in _all_parts(glyphs)]


def _all_parts(glyphs: Sequence[Glyph]) -> list[tuple[float, list[Glyph]]]:
    """Every part of every line of a page, with its baseline."""
    lines: dict[float, list[Glyph]] = {}
    for glyph in glyphs:
        lines.setdefault(round(glyph.y, 1), []).append(glyph)
    return [(baseline, part) for baseline, line in lines.items() for part in _parts(line)]


def _parts(line: Sequence[Glyph]) -> list[list[Glyph]]:
    """The glyphs of one line left to right, in parts split where a gap of more than
    `_APART_EM` sets what follows apart."""
    parts: list[list[Glyph]] = []
    for glyph in sorted(line, key=lambda g: g.x):
        if parts:
            before = parts[-1][-1]
            if glyph.x - before.bbox[2] <= _APART_EM * max(glyph.size, before.size):
                parts[-1].append(glyph)
                continue
        parts.append([glyph])
    return parts


def _spaced_out(part: Sequence[Glyph], inside: Callable[[Glyph], bool]) -> bool:
    """Whether a gap between two words of `part` (at a space, or a displacement too wide to be
    kerning) is wider or narrower than the font's own advances: word spacing, letter spacing
    or a justified line's stretch. Gaps between two removed glyphs do not count."""
    for a, b in pairwise(part):
        em = max(a.size, b.size)
        extra = (b.x - a.bbox[2]) / em if em > 0 else 0.0
        word = a.key[0] == 32 or b.key[0] == 32 or abs(extra) >= _WORD_GAP_EM
        # whether both were removed is asked last: most gaps tell nothing, and it is dearer
        if word and abs(extra) > _SPACED_EM and not (inside(a) and inside(b)):
            return True
    return False


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
) -> list[Glyph]:
    """Every glyph that followed the box moved by `delta`, and none left the page; returns
    the page's `snapshot` it checked."""
    now: dict[tuple[tuple[int, int], float], list[float]] = {
        (g.key, round(g.y, 2)): [] for g in before
    }
    after = snapshot(page)
    for glyph in after:
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
    return after


def _move_line_start(page: pymupdf.Page, x_old: float, x_new: float) -> bool:
    """When the span began its line, MuPDF moves the line's start (``Td``/``TD``/``Tm``) to
    the first glyph kept: move the one operator that starts at `x_old` to `x_new` instead."""

    def starts(ops: list[_Instruction], i: int) -> int | None:
        at = {"Td": 0, "TD": 0, "Tm": 4}.get(_name(ops[i]))
        operands = list(ops[i].operands) if at is not None else []
        return at if at is not None and len(operands) > at and _near(operands[at], x_old) else None

    return _set_one_operand(page, starts, lambda old: x_new)


def _set_one_operand(
    page: pymupdf.Page,
    which: Callable[[list[_Instruction], int], int | None],
    value: Callable[[float], float],
) -> bool:
    """In the page's own content streams, find the instructions `which` picks (it returns the
    operand to change, or None); if exactly one, set that operand to `value` of its old value
    (to a thousandth) and write the stream back. False, and nothing written, otherwise."""
    doc = page.parent
    scratch = pikepdf.new()
    hits = []
    parsed: dict[int, list[_Instruction]] = {}
    for xref in page.get_contents():
        ops = list(pikepdf.parse_content_stream(pikepdf.Stream(scratch, doc.xref_stream(xref))))
        parsed[xref] = ops
        hits += [(xref, i, at) for i in range(len(ops)) if (at := which(ops, i)) is not None]
    if len(hits) != 1:
        return False
    xref, i, at = hits[0]
    op = parsed[xref][i]
    moved: list[pikepdf.Object | Decimal] = list(op.operands)
    moved[at] = Decimal(f"{value(float(moved[at])):.3f}")
    parsed[xref][i] = pikepdf.ContentStreamInstruction(moved, op.operator)
    doc.update_stream(xref, pikepdf.unparse_content_stream(parsed[xref]))
    return True


def _name(op: _Instruction) -> str:
    return str(op.operator) if isinstance(op, pikepdf.ContentStreamInstruction) else ""


def _line_left(glyphs: list[Glyph], box: pymupdf.Rect) -> float:
    """Where the line of `box` starts (the origin of its leftmost glyph)."""
    return min(g.x for g in glyphs if box.y0 <= (g.bbox[1] + g.bbox[3]) / 2 <= box.y1)


#: Operators that may follow the moved ``Td`` before ``ET``: none of them places text anew.
_SHOWS_ONLY = frozenset(
    {"Tj", "TJ", "Tf", "Tc", "Tw", "Tz", "Tr", "Ts", "TL", "gs", "g", "G", "rg", "RG", "k", "K",
     "cs", "CS", "sc", "SC", "scn", "SCN"}
)  # fmt: skip


def _move_last_part(page: pymupdf.Page, left: float, x_old: float, delta: float) -> bool:
    """When MuPDF wrote the text after the box as a new line part (``dx 0 Td``, `dx` from the
    line's start) and nothing after it in its text object is placed anew, add `delta` to
    `dx`; False unless exactly one such operator matches."""

    def resumes(ops: list[_Instruction], i: int) -> int | None:
        operands = list(ops[i].operands) if _name(ops[i]) in ("Td", "TD") else []
        if len(operands) != 2 or not _near(operands[0], x_old - left):
            return None
        if not _near(operands[1], 0.0):
            return None
        rest = []
        for later in ops[i + 1 :]:
            if _name(later) == "ET":
                break
            rest.append(_name(later))
        return 0 if all(name in _SHOWS_ONLY for name in rest) else None

    return _set_one_operand(page, resumes, lambda old: old + delta)


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
