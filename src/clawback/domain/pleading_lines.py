"""The lines of a filed page a pinpoint names: "page 7, lines 3-9" read from the line numbers of
pleading paper, "¶ 12" from the paragraph's own number, "page 7, bullet 3" from the bullet
glyphs that open the page's bulleted lines.

Pleading paper numbers its lines 1 to 28 down the left margin; the court's "lines 3-9" are the
body lines level with those numbers. A page is given here as its lines of text with their
places (read from the PDF elsewhere); this module only decides which lines a pinpoint covers.
A page with no column of line numbers has no "lines" to cite: the pinpoint is refused in one
line, and the item must name its words instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from clawback.domain.counts import counted
from clawback.domain.errors import NotFound
from clawback.domain.pinpoints import MOST_LINES, Pinpoint

#: A column of line numbers holds at least this many of them, counting up down the page.
LEAST_NUMBERS = 5
_NUMBER = re.compile(r"^\d{1,2}$")


@dataclass(frozen=True)
class TextLine:
    """One line of text on a page: its left edge and its top and bottom, in points."""

    x0: float
    top: float
    bottom: float
    text: str

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def _margin(lines: Sequence[TextLine]) -> list[tuple[int, TextLine]]:
    """The line numbers down the left margin, in order, or none."""
    numbers = [
        (int(x.text), x)
        for x in lines
        if _NUMBER.match(x.text.strip()) and 1 <= int(x.text) <= MOST_LINES
    ]
    if not numbers:
        return []
    left = min(x.x0 for _, x in numbers)
    column = sorted(((n, x) for n, x in numbers if x.x0 - left < 18), key=lambda p: p[1].top)
    counting = [n for n, _ in column]
    if len(column) < LEAST_NUMBERS or counting != sorted(set(counting)):
        return []
    return column


def numbered_lines(lines: Sequence[TextLine]) -> dict[int, str]:
    """Line number -> the body text level with it, on a page of pleading paper."""
    column = _margin(lines)
    if not column:
        return {}
    spacing = (column[-1][1].middle - column[0][1].middle) / max(1, len(column) - 1)
    margin = {id(x) for _, x in column}
    found: dict[int, list[str]] = {}
    for line in sorted(lines, key=lambda x: (x.top, x.x0)):
        if id(line) in margin or not line.text.strip():
            continue
        number, at = min(column, key=lambda p: abs(p[1].middle - line.middle))
        if abs(at.middle - line.middle) <= spacing / 2:
            found.setdefault(number, []).append(" ".join(line.text.split()))
    return {n: " ".join(texts) for n, texts in found.items()}


def lines_at(pinpoint: Pinpoint, lines: Sequence[TextLine], name: str) -> tuple[str, ...]:
    """The texts of the body lines ``pinpoint`` covers on its page (``lines`` are that page's),
    each as it reads; refused in one line when the page numbers no lines or the run is blank."""
    if pinpoint.lines is None:
        raise NotFound(f"{name} at {pinpoint}: no lines named (page 7, lines 3-9)")
    numbered = numbered_lines(lines)
    if not numbered:
        raise NotFound(
            f"{name} at {pinpoint}: the page numbers no lines (not pleading paper): "
            "name the words instead"
        )
    first, last = pinpoint.lines
    texts = tuple(numbered[n] for n in range(first, last + 1) if n in numbered)
    if not texts:
        raise NotFound(f"{name} at {pinpoint}: no text on those lines")
    return texts


_PARAGRAPH_START = re.compile(r"^\s*(\d{1,4}(?:\([a-z0-9]{1,4}\))*)[.)]?\s+\S")


def paragraph_at(
    pinpoint: Pinpoint, pages: Sequence[Sequence[TextLine]], name: str
) -> tuple[int, tuple[str, ...]]:
    """The page (from 0) where paragraph ``pinpoint.paragraph`` starts, and its lines there,
    up to the next numbered paragraph or the page's end."""
    wanted = pinpoint.paragraph
    for k, page in enumerate(pages):
        body = [x for x in sorted(page, key=lambda x: (x.top, x.x0)) if x.text.strip()]
        margin = {id(x) for _, x in _margin(page)}
        body = [x for x in body if id(x) not in margin]
        for i, line in enumerate(body):
            start = _PARAGRAPH_START.match(line.text)
            if start is None or start.group(1) != wanted:
                continue
            texts = [" ".join(line.text.split())]
            for after in body[i + 1 :]:
                if _PARAGRAPH_START.match(after.text):
                    break
                texts.append(" ".join(after.text.split()))
            return k, tuple(texts)
    raise NotFound(f"{name}: no {pinpoint}")


#: What opens a bulleted line: a bullet glyph (the Symbol and Wingdings fonts' bullets extract
#: as private-use characters), or "-", "*", an en dash followed by a space. "(a)", "1." and
#: "i." open lettered and numbered items, which are not bullets.
_GLYPHS = (
    "\u2022\u2023\u2043\u2219\u00b7\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6"
    "\uf0a7\uf0b7\uf0d8\uf076\uf0fc"
)
_BULLET = re.compile(rf"^\s*(?:[{_GLYPHS}]\s*|[-*\u2013]\s+)(?=\S)")
_GLYPH = re.compile(rf"^\s*(?:[{_GLYPHS}]|[-*\u2013](?=\s|$))\s*")
#: A page number set between dashes ("- 7 -") is no bullet.
_PAGE_NUMBER = re.compile(r"^\s*-\s*\d{1,4}\s*-\s*$")
#: A gap between two lines of more than this many times the page's usual line pitch is a blank
#: line: a bullet ends there.
_BLANK = 1.5


def bullet_at(pinpoint: Pinpoint, lines: Sequence[TextLine], name: str) -> tuple[str, ...]:
    """The texts of the bullet ``pinpoint`` names on its page (``lines`` are that page's), from
    its line, less the glyph, to the next bullet, a blank line, a numbered paragraph or a line
    starting left of the glyph (the body text resumes); refused in one line when the page has
    fewer bullets. Lines side by side (a glyph set apart from its text) read as one line."""
    wanted = pinpoint.bullet
    if wanted is None:
        raise NotFound(f"{name} at {pinpoint}: no bullet named (page 7, bullet 3)")
    rows = _rows(lines)
    starts = [k for k, row in enumerate(rows) if _bulleted(_row_text(row))]
    if len(starts) < wanted:
        has = counted(len(starts), "bullet") if starts else "no bullets"
        raise NotFound(f"{name} at {pinpoint}: the page has {has}")
    first, opening = starts[wanted - 1], set(starts)
    pitches = sorted(b[0].top - a[0].top for a, b in pairwise(rows))
    pitch = pitches[len(pitches) // 2] if pitches else 0.0
    left = min(x.x0 for x in rows[first])
    taken = [rows[first]]
    for k in range(first + 1, len(rows)):
        row, before = rows[k], rows[k - 1]
        text = _row_text(row)
        if (
            k in opening
            or _PARAGRAPH_START.match(text)
            or min(x.x0 for x in row) < left - 2
            or (pitch and row[0].top - before[0].top > _BLANK * pitch)
        ):
            break
        taken.append(row)
    texts = [" ".join(x.text.split()) for row in taken for x in row]
    texts[0] = _GLYPH.sub("", texts[0], count=1).strip()
    return tuple(t for t in texts if t)


def _rows(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """The page's body lines (less a margin's line numbers) in reading order, those side by
    side (level within half a line) together, left to right."""
    margin = {id(x) for _, x in _margin(lines)}
    body = sorted(
        (x for x in lines if x.text.strip() and id(x) not in margin), key=lambda x: (x.top, x.x0)
    )
    rows: list[list[TextLine]] = []
    for line in body:
        if rows and abs(line.middle - rows[-1][0].middle) <= (line.bottom - line.top) / 2:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda x: x.x0) for row in rows]


def _bulleted(text: str) -> bool:
    return bool(_BULLET.match(text)) and not _PAGE_NUMBER.match(text)


def _row_text(row: Sequence[TextLine]) -> str:
    return " ".join(" ".join(x.text.split()) for x in row)
