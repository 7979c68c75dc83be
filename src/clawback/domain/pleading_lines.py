"""The lines of a filed page a pinpoint names: "page 7, lines 3-9" read from the line numbers of
pleading paper, "¶ 12" from the paragraph's own number.

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
