"""Where an exact text is on a page: tight rectangles, safe to hand to the redactor.

PyMuPDF's search rectangles run from the font's full ascent to its full descent, so on single-
spaced text a box over one line overlaps the glyphs of the next; `apply_redactions` then deletes
parts of the neighbouring line (PyMuPDF #2108, #3433). `TOOLS.set_small_glyph_heights(True)`,
the documented cure, has no effect on search rectangles in PyMuPDF 2.0, so each hit is tightened
here: horizontally to the matched characters' boxes, vertically to the font's declared ascender
and descender around the baseline. Vertical or rotated lines keep the search rectangle.

Text is searched twice, with ``/ActualText`` replacement text used and ignored, because either
spelling may be the one a reader copies; both sets of hits are returned. In a document without
replacement text the two searches read the same, and the caller may say so (`survey`).

Words hyphenated at a line's end are NOT joined (``TEXT_DEHYPHENATE`` off): with it, MuPDF
reports every hit after such a line in the same block one character to the left per joined
hyphen, so a box missed the end of its text and nothing checked the characters left printed
(tests/pdf/test_locate_hyphen.py). A text wrapped at a hyphen is searched as it is printed,
with its line break (``"555-44-\n3333"``); asked for joined, it is not found, and the redactor
refuses rather than guessing. Where the page also prints it whole, the whole copy is found and
boxed, and `spelled_at`, which reads through line breaks, dashes and look-alikes, still sees the
wrapped one: the redactor refuses then too (tests/redaction/test_box_placement.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

import pymupdf

from clawback.pdf.shows.needles import spelled

__all__ = ["by_text_or_box", "find_text_rects", "spelled_at"]

# PyMuPDF's defaults, except that text beyond the page's edges is searched too (with
# `_EVERYWHERE`) and hyphenated words are not joined (see above).
_SEARCH_FLAGS = pymupdf.TEXTFLAGS_SEARCH & ~pymupdf.TEXT_MEDIABOX_CLIP & ~pymupdf.TEXT_DEHYPHENATE
# Characters only: with pictures kept and no clip, MuPDF made a picture of a shading painted
# with no clip over the whole plane, and raised 'Overly wide image'.
_RAW_FLAGS = pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_MEDIABOX_CLIP & ~pymupdf.TEXT_PRESERVE_IMAGES
# PyMuPDF 2.0 clips a text page to the page's rectangle (its CropBox) whatever the flags say:
# without this clip, text beyond the page's edges was neither found nor removed, and pypdf,
# pdfminer and pdfium still read it in the finished file (tests/redaction/test_box_placement.py).
_EVERYWHERE = pymupdf.INFINITE_RECT()


def find_text_rects(
    page: pymupdf.Page, text: str, replacement_text: bool = True
) -> list[pymupdf.Rect]:
    """Tight rectangles covering every occurrence of `text` on `page` (case-insensitive, as
    MuPDF searches), with ActualText both used and ignored; empty if not found. With
    ``replacement_text=False`` (the caller knows the document has no ``/ActualText``: see
    `survey`, and then both searches read the same) it is searched once."""
    found: list[pymupdf.Rect] = []
    ways = (0, pymupdf.TEXT_IGNORE_ACTUALTEXT) if replacement_text else (0,)
    for extra in ways:
        hits = [
            pymupdf.Rect(hit)
            for hit in page.search_for(text, flags=_SEARCH_FLAGS | extra, clip=_EVERYWHERE)
        ]
        if not hits:
            continue
        area = pymupdf.Rect(hits[0])
        for hit in hits[1:]:
            area |= hit
        near = pymupdf.Rect(area.x0 - 1, area.y0 - 1, area.x1 + 1, area.y1 + 1)
        chars = _chars(page, _RAW_FLAGS | extra, near)
        for hit in hits:
            rect = _tighten(hit, chars)
            if not any(_same(rect, other) for other in found):
                found.append(rect)
    return found


# bbox, top and bottom of the ascent/descent band around the baseline
_Char = tuple[tuple[float, float, float, float], float, float]


def _chars(page: pymupdf.Page, flags: int, clip: pymupdf.Rect) -> list[_Char]:
    """Horizontal characters near `clip`, with their declared ascent/descent band."""
    chars: list[_Char] = []
    for block in page.get_text("rawdict", flags=flags, clip=clip)["blocks"]:
        for line in block.get("lines", ()):
            if tuple(round(v, 3) for v in line["dir"]) != (1.0, 0.0):
                continue
            for span in line["spans"]:
                size = span["size"]
                ascender, descender = span["ascender"], span["descender"]
                if ascender - descender < 0.5:
                    ascender, descender = 0.8, -0.2
                for char in span["chars"]:
                    base = char["origin"][1]
                    chars.append((char["bbox"], base - ascender * size, base - descender * size))
    return chars


def _tighten(hit: pymupdf.Rect, chars: list[_Char]) -> pymupdf.Rect:
    """Shrink a search hit to the ascent/descent band of the characters it covers."""
    inside = [
        c
        for c in chars
        if hit.x0 <= (c[0][0] + c[0][2]) / 2 <= hit.x1
        and hit.y0 <= (c[0][1] + c[0][3]) / 2 <= hit.y1
    ]
    if not inside:
        return hit
    x0 = min(c[0][0] for c in inside)
    x1 = max(c[0][2] for c in inside)
    y0 = min(c[1] for c in inside)
    y1 = max(c[2] for c in inside)
    tight = pymupdf.Rect(x0, y0, x1, y1) & hit
    return hit if tight.is_empty else tight


def spelled_at(
    page: pymupdf.Page, text: str, replacement_text: bool = True
) -> list[list[pymupdf.Rect]]:
    """Every place the page's characters spell `text`, each as its characters' boxes: read
    from the characters themselves, not from MuPDF's search, so that the boxes a search placed
    can be checked against it (`redact` does, before anything is removed).

    The page is read as a determined reader reads it (`needles.spelled`, `_spellings`):
    letters compared taken apart and case folded, dashes and zero-width characters skipped, a
    line break allowed anywhere, white space where the text has white space or a dash. So a
    copy MuPDF's exact search misses is found too: wrapped at a line's end or inside a word,
    letter-spaced, with en dashes, a soft hyphen or a zero-width space, its accents decomposed.
    It is read twice: in MuPDF's order, and with the characters of level lines put in the
    order they stand on the page (`_as_placed`), for a copy drawn glyph by glyph from right to
    left or in scrambled order reads as a jumble to MuPDF but as the text to pdfium and to the
    eye. Places may overlap (``12-12`` twice in ``12-12-12``), and text beyond the page's edges
    counts (no viewer prints it; pypdf and pdfminer read it)."""
    patterns = _spellings(text)
    if not patterns:
        return []
    found: dict[tuple[_Box, ...], list[pymupdf.Rect]] = {}  # by its boxes
    ways = (0, pymupdf.TEXT_IGNORE_ACTUALTEXT) if replacement_text else (0,)
    for extra in ways:
        raw = page.get_text("rawdict", flags=_RAW_FLAGS | extra, clip=_EVERYWHERE)
        in_order = _in_order(raw)
        for reading in (in_order, _as_placed(in_order)):
            for place in _places(reading, patterns):
                found.setdefault(tuple(place), [pymupdf.Rect(box) for box in place])
    return list(found.values())


_Box = tuple[float, float, float, float]
# One character of a reading: its text as compared (`needles.spelled`), box, origin, font size
# and whether its line is level; None ends a line.
_Placed = tuple[str, _Box, tuple[float, float], float, bool]
_Read = _Placed | None


def _in_order(raw: dict[str, Any]) -> list[_Read]:
    """The characters of a ``rawdict`` reading in MuPDF's order, each line ended by None. A
    space that takes no room on a level line (the glyphs either side of it touch: its advance
    taken back by a TJ offset or negative spacing) reads as nothing: the page prints the two
    sides as one word (``DB-409 81`` written, ``DB-40981`` printed)."""
    reading: list[_Read] = []
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            level = tuple(round(v, 3) for v in line["dir"]) == (1.0, 0.0)
            start = len(reading)
            for span in line["spans"]:
                for char in span["chars"]:
                    form = spelled(char["c"])
                    reading.append((form, char["bbox"], char["origin"], span["size"], level))
            if level:
                _close_up(reading, start)
            reading.append(None)
    return reading


#: A space between glyphs closer than this share of the font size takes no room.
_NO_ROOM = 0.15


def _close_up(reading: list[_Read], start: int) -> None:
    """Read as nothing each space of the line from `start` whose neighbours touch."""
    marks = [i for i in range(start, len(reading)) if (r := reading[i]) and r[0].strip()]
    for before, after in itertools.pairwise(marks):
        if after - before < 2:
            continue
        left, right = reading[before], reading[after]
        assert left is not None and right is not None
        if right[1][0] - left[1][2] < _NO_ROOM * max(left[3], right[3]):
            for i in range(before + 1, after):
                char = reading[i]
                if char is not None and char[0] == " ":
                    reading[i] = ("", *char[1:])


def _as_placed(reading: Sequence[_Read]) -> list[_Read]:
    """The characters of level lines regrouped by baseline (within a third of their size)
    and each group read left to right, whatever order the page drew them in."""
    level: list[_Placed] = [r for r in reading if r is not None and r[4]]
    level.sort(key=lambda r: (r[2][1], r[2][0]))
    placed: list[_Read] = []
    group: list[_Placed] = []
    for char in level:
        if group and char[2][1] - group[0][2][1] > char[3] / 3:
            group.sort(key=_along)
            placed.extend(group)
            placed.append(None)
            group = []
        group.append(char)
    group.sort(key=_along)
    placed.extend(group)
    placed.append(None)
    return placed


def _along(char: _Placed) -> float:
    return char[2][0]


def _places(reading: Sequence[_Read], patterns: Sequence[re.Pattern[str]]) -> list[list[_Box]]:
    """Where `reading` spells what `patterns` (`_spellings`) look for, overlapping places too:
    each the boxes of every character from the first of the place to its last."""
    read: list[str] = []  # the reading as compared (a line's end: "\n"), ...
    owner: list[int] = []  # ... each of its code points from which entry of `reading`
    for i, char in enumerate(reading):
        for c in char[0] if char is not None else "\n":
            read.append(c)
            owner.append(i)
    joined = "".join(read)
    places: list[list[_Box]] = []
    for pattern in patterns:
        for m in pattern.finditer(joined):
            first, last = owner[m.start(1)], owner[m.end(1) - 1]
            place = [
                r[1]
                for r in reading[first : last + 1]
                if r is not None and r[1][2] > r[1][0] and r[1][3] > r[1][1]
            ]
            if place:
                places.append(place)
    return places


#: Between two letters of a text, what the page may have: where the text has nothing, a line
#: break (and the spaces around it); where it has a dash or another skipped character, any
#: white space or none; where it has white space, some white space or a line break.
_GAPS = {"": r"(?: *\n *)?", "-": r"[ \n]*", " ": r"[ \n]+"}


def _spellings(text: str) -> list[re.Pattern[str]]:
    """How a page may spell `text` (`spelled_at`): as written, with a line break anywhere; and,
    for a text of more than one letter, letter-spaced (white space between every two). Each
    finds overlapping places, the place in group 1. Not white space where the text has none:
    ``lorem`` is not in ``dolore magna``."""
    letters: list[str] = []
    gaps: list[str] = []  # between letters[i] and letters[i + 1], a key of `_GAPS`
    pending = ""
    for char in text:
        form = spelled(char)
        if not form and letters:
            pending = pending or "-"
        for c in form:
            if c == " ":
                pending = " " if letters else ""
            else:
                if letters:
                    gaps.append(pending)
                letters.append(re.escape(c))
                pending = ""
    if not letters:
        return []
    written = letters[0] + "".join(_GAPS[g] + c for g, c in zip(gaps, letters[1:], strict=True))
    found = [re.compile(f"(?=({written}))")]
    if len(letters) > 1:
        spaced = [_GAPS["-"] if g == "-" else _GAPS[" "] for g in gaps]
        apart = letters[0] + "".join(g + c for g, c in zip(spaced, letters[1:], strict=True))
        found.append(re.compile(f"(?=({apart}))"))
    return found


def _same(a: pymupdf.Rect, b: pymupdf.Rect, tolerance: float = 0.5) -> bool:
    corners = zip((a.x0, a.y0, a.x1, a.y1), (b.x0, b.y0, b.x1, b.y1), strict=True)
    return all(abs(p - q) <= tolerance for p, q in corners)


def by_text_or_box(
    page: pymupdf.Page, pieces: Sequence[tuple[str, tuple[float, float, float, float]]]
) -> list[tuple[str | None, tuple[float, float, float, float]]]:
    """How the redactor should take each line of a match (`shows.matching.Match.pieces`): by
    the line's own text where a search finds that text on `page` at the line's place (so the
    width policy can re-flow it), else (None) by the box of its glyphs. A search that finds
    the text only elsewhere (the match read a space that takes no room, say, which the
    search reads as written) is no way to this line: its box is."""
    found: list[tuple[str | None, tuple[float, float, float, float]]] = []
    for text, box in pieces:
        findable = len(text.strip()) >= 3 and text.isprintable()
        here = findable and any(_over(rect, box) for rect in find_text_rects(page, text))
        found.append((text if here else None, box))
    return found


def _over(rect: pymupdf.Rect, box: tuple[float, float, float, float]) -> bool:
    """Whether a search's rectangle stands over most of a line's glyph box."""
    glyphs = pymupdf.Rect(box)
    area = float(abs(glyphs))
    return area > 0 and float(abs(rect & glyphs)) >= 0.5 * area
