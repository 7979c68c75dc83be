"""Finding a pattern in what a page shows, however the page writes it.

A pattern a user writes (``QX-\\d{4}-ZEBRA``, ``Rosalind Okonkwo``) is matched against each page's
glyphs, not against one extracted string, in several *readings* of them, and every match is
mapped back to the glyphs it came from, so the redactor gets the page's own text (or its boxes).
The normalisation, written down:

* each character is NFKC-normalised (full-width forms, ligatures such as "ﬁ", compatibility
  characters), dash look-alikes (U+2010-2015, U+2212, U+FE63, U+FF0D, U+2011) become "-", and
  Latin look-alikes from Cyrillic and Greek (U+0425 Ha for X, U+0415 Ie for E, U+0396 Zeta
  for Z, ...) become the Latin letter;
* the pattern is matched without regard to case;
* whitespace runs read as one space, and once more as nothing where they stand beside a dash
  (``DB- 40981``, ``DB - 40981``: a dash set apart, or OCR's words cut at the dash, as
  Tesseract cuts ``DB-40981``); a line break reads as a space, except that a line ending
  in a hyphen runs on into the next, once with the hyphen kept (a code wrapped at its hyphen:
  "QX-" / "4417-ZEBRA") and once without it (a word hyphenated at the line end);
* the glyphs are read in the order the page's content draws them, and in the order a reader
  reads them (lines top to bottom, glyphs left to right), so glyphs drawn out of order still
  spell what the page shows;
* spaces are read from the glyphs' positions too: a line whose glyphs all stand apart by the
  same gap (letter-spaced) reads its letters together, with a space only at the wider gaps;
  and a gap with a short horizontal stroke drawn across it at the letters' middle reads "-"
  (a hyphen drawn as a line, not written).

Text the page draws but does not write (pictures, outlines) is read when ingest lays OCR's
words over it (`shows.ocr`), so it is matched here like any text.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import pymupdf

__all__ = ["Glyph", "Match", "find", "glyphs", "literal", "masked", "normal", "text_spans"]

_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-")
#: Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the common ones).
_LOOKALIKES = {
    **dict(
        zip(
            "\u0410\u0412\u0421\u0415\u041d\u0406\u0408\u041a\u041c\u041e\u0420\u0405\u0422\u0425\u0423",
            "ABCEHIJKMOPSTXY",
            strict=True,
        )
    ),
    **dict(
        zip(
            "\u0430\u0432\u0441\u0435\u04bb\u0456\u0458\u043a\u043c\u043e\u043e\u0440\u0455\u0442\u0445\u0443",
            "abcehijkmooostxy",
            strict=True,
        )
    ),
    **dict(
        zip(
            "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7",
            "ABEZHIKMNOPTYX",
            strict=True,
        )
    ),
    **dict(zip("\u03bf\u03ba\u03bd\u03c1\u03c4\u03c5\u03c7", "oknptux", strict=True)),
}
_FOLD = str.maketrans({**_DASHES, **_LOOKALIKES})
#: Glyphs closer than this share of the font size to a line's baseline are on that line.
_SAME_LINE = 0.5


class Glyph(NamedTuple):
    """One character a page draws: what it is, its box, the line MuPDF put it on."""

    char: str
    rect: tuple[float, float, float, float]
    line: int
    size: float


@dataclass(frozen=True)
class Match:
    """A match on one page: the glyphs it covers, line by line, as the page writes them."""

    page: int
    pieces: tuple[tuple[str, tuple[float, float, float, float]], ...]  # (text, box) per line
    found: str  # the match as read (normalised): what no output may say again

    @property
    def text(self) -> str:
        return "\n".join(text for text, _ in self.pieces)


def normal(text: str) -> str:
    """`text` as the matching reads it (see the module doc), case kept."""
    return "".join(unicodedata.normalize("NFKC", ch).translate(_FOLD) for ch in text)


@functools.lru_cache(maxsize=8192)
def _read_as(char: str) -> str:
    """What one glyph reads as: `normal`, each whitespace character a plain space (a page
    draws few distinct characters, so each is normalised once)."""
    return "".join(" " if ch.isspace() else ch for ch in normal(char))


def glyphs(page: pymupdf.Page) -> list[Glyph]:
    """The page's glyphs, in the order its content draws them (MuPDF's lines)."""
    found = []
    raw = page.get_text("rawdict", flags=pymupdf.TEXT_PRESERVE_LIGATURES)
    line_no = 0
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            for span in line.get("spans", ()):
                size = span["size"]
                for ch in span.get("chars", ()):
                    found.append(Glyph(ch["c"], tuple(ch["bbox"]), line_no, size))
            line_no += 1
    return found


def find(page: pymupdf.Page, pattern: re.Pattern[str]) -> list[Match]:
    """Every match of `pattern` (read without regard to case) in what `page` shows."""
    regex = re.compile(pattern.pattern, pattern.flags | re.IGNORECASE)
    drawn = glyphs(page)
    if not drawn:
        return []
    dashes = _drawn_dashes(page)
    seen: set[frozenset[int]] = set()
    matches = []
    line_of = [g.line for g in drawn]
    as_drawn = _lines(line_of, range(len(drawn)))
    in_order, row_of = _reading_order(drawn)
    orders = [(as_drawn, line_of)]
    if in_order != as_drawn:  # else it reads the same: every match again, none new
        orders.append((in_order, row_of))
    for lines, line_no in orders:
        for text, origin in _dashes_joined(_readings(drawn, lines, dashes)):
            for m in regex.finditer(text):
                if not m.group(0).strip():
                    continue
                covered = frozenset(i for i in origin[m.start() : m.end()] if i >= 0)
                if covered and not any(covered <= known for known in seen):
                    seen.add(covered)
                    matches.append(_match(page.number, drawn, line_no, covered, m.group(0)))
    return matches


def _readings(
    drawn: list[Glyph], lines: list[list[int]], dashes: list[pymupdf.Rect]
) -> Iterator[tuple[str, list[int]]]:
    """The text of the glyphs line by line, normalised, with each character's glyph index
    (-1 for a space between lines), in each way a line end and the glyphs' spacing can be
    read. Readings that would repeat one already made are left out: a line end is read
    three ways only where a line ends in a hyphen."""
    page = _Read(drawn, dashes)
    gaps = [_word_gaps(drawn, line) for line in lines]
    written = _reading(page, lines, "keep", None)
    spaced = _reading(page, lines, "keep", gaps)
    yield written[:2]
    yield spaced[:2]
    if written[2] or spaced[2]:
        for hyphen in ("drop", "space"):
            yield _reading(page, lines, hyphen, None)[:2]
            yield _reading(page, lines, hyphen, gaps)[:2]


_BESIDE_DASH = re.compile(r" +(?=-)|(?<=-) +")


def _dashes_joined(
    readings: Iterable[tuple[str, list[int]]],
) -> Iterator[tuple[str, list[int]]]:
    """Each reading, and after it the same with the spaces beside each dash left out, where
    there are any (see the module doc)."""
    for text, origin in readings:
        yield text, origin
        if " -" not in text and "- " not in text:
            continue
        kept = [True] * len(text)
        for m in _BESIDE_DASH.finditer(text):
            kept[m.start() : m.end()] = [False] * (m.end() - m.start())
        yield (
            "".join(c for c, keep in zip(text, kept, strict=True) if keep),
            [i for i, keep in zip(origin, kept, strict=True) if keep],
        )


class _Read:
    """What every reading of a page's glyphs needs, worked out once: each glyph's text as read
    (`_read_as`), whether it is a space, whether it reads as one character that is not one."""

    def __init__(self, drawn: list[Glyph], dashes: list[pymupdf.Rect]) -> None:
        self.drawn = drawn
        self.dashes = dashes
        self.texts = [_read_as(g.char) for g in drawn]
        self.blank = [g.char.isspace() for g in drawn]
        self.plain = [len(t) == 1 and t != " " for t in self.texts]


def _reading(
    page: _Read, lines: list[list[int]], hyphen: str, line_gaps: list[set[int]] | None
) -> tuple[str, list[int], bool]:
    """One reading (see `_readings`; `line_gaps` the glyphs a word space comes before, line
    by line, for a reading of the spacing from the glyphs' positions), and whether any line
    ended in a hyphen (else the three ways of reading a line end read alike)."""
    chars: list[str] = []
    origin: list[int] = []
    hyphenated = False
    last = len(lines) - 1
    for n, line in enumerate(lines):
        if line_gaps is None:
            _written_line(page, line, chars, origin)
        else:
            _spaced_line(page, line, line_gaps[n], chars, origin)
        if n < last:
            while chars and chars[-1] == " ":
                chars.pop()
                origin.pop()
            if chars and chars[-1] == "-":
                hyphenated = True
                if hyphen != "space":
                    if hyphen == "drop":
                        chars.pop()
                        origin.pop()
                    continue  # the next line runs on
            chars.append(" ")
            origin.append(-1)
    return "".join(chars), origin, hyphenated


def _written_line(page: _Read, line: list[int], chars: list[str], origin: list[int]) -> None:
    """One line's glyphs as written (their own spaces, each run of spaces read as one)."""
    texts = page.texts
    text = "".join([texts[i] for i in line])
    folds = "  " in text or (text[:1] == " " and bool(chars) and chars[-1] == " ")
    if len(text) == len(line) and not folds:
        chars.extend(text)  # one character a glyph and no space to fold: as it stands
        origin.extend(line)
        return
    for i in line:
        for ch in texts[i]:
            if ch == " " and chars and chars[-1] == " ":
                continue
            chars.append(ch)
            origin.append(i)


def _spaced_line(
    page: _Read, line: list[int], before: set[int], chars: list[str], origin: list[int]
) -> None:
    """One line's glyphs with the spaces their positions show (`before`: the glyphs a word
    space comes before; a drawn stroke in the gap reads "-"), their own spaces left out."""
    texts, blank, plain, drawn, dashes = page.texts, page.blank, page.plain, page.drawn, page.dashes
    previous = -1  # the last glyph that is not a space
    for i in line:
        if blank[i]:
            continue
        if i in before:
            dash = bool(dashes) and _dash_between(drawn[previous], drawn[i], dashes)
            chars.append("-" if dash else " ")
            origin.append(-1)
        previous = i
        if plain[i]:
            chars.append(texts[i])
            origin.append(i)
            continue
        for ch in texts[i]:
            if ch == " " and chars and chars[-1] == " ":
                continue
            chars.append(ch)
            origin.append(i)


def _drawn_dashes(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """Short horizontal strokes the page draws (thin filled boxes, horizontal lines)."""
    found = []
    for path in page.get_drawings():
        for item in path.get("items", ()):
            if item[0] == "re":
                box = pymupdf.Rect(item[1])
            elif item[0] == "l":
                a, b = item[1], item[2]
                if abs(a.y - b.y) > 0.5:
                    continue
                box = pymupdf.Rect(min(a.x, b.x), a.y - 0.5, max(a.x, b.x), a.y + 0.5)
            else:
                continue
            if 0 < box.height <= 2.5 and 0 < box.width <= 12 and box.width > box.height:
                found.append(box)
    return found


def _dash_between(left: Glyph, right: Glyph, dashes: list[pymupdf.Rect]) -> bool:
    """Whether a drawn stroke stands in the gap between two glyphs, at their middle height."""
    x0, x1 = left.rect[2] - 0.5, right.rect[0] + 0.5
    top = max(left.rect[1], right.rect[1])
    bottom = min(left.rect[3], right.rect[3])
    middle = top + (bottom - top) * 0.35, top + (bottom - top) * 0.85
    return any(
        d.x0 >= x0 and d.x1 <= x1 and middle[0] <= (d.y0 + d.y1) / 2 <= middle[1] for d in dashes
    )


def _lines(line_of: list[int], order: Iterable[int]) -> list[list[int]]:
    """The glyph indexes of `order`, cut where the line (`line_of` each glyph) changes."""
    lines: list[list[int]] = []
    current = None
    for i in order:
        if lines and line_of[i] == current:
            lines[-1].append(i)
        else:
            lines.append([i])
            current = line_of[i]
    return lines


def _median(values: list[float]) -> float:
    """The median, as `statistics.median` gives it (the mean of the middle two of an even
    count), without its generic overhead (it runs once per line of every page)."""
    data = sorted(values)
    middle = len(data) // 2
    return data[middle] if len(data) % 2 else (data[middle - 1] + data[middle]) / 2


def _word_gaps(drawn: list[Glyph], line: list[int]) -> set[int]:
    """The glyphs of a line a word space comes before, read from the gaps between the glyphs'
    boxes: a gap well over the line's usual one."""
    marks = [i for i in line if not drawn[i].char.isspace()]
    if len(marks) < 2:
        return set()
    gaps = [drawn[b].rect[0] - drawn[a].rect[2] for a, b in itertools.pairwise(marks)]
    usual = _median(gaps)
    size = _median([drawn[i].size for i in marks])
    wide = max(usual * 1.8, usual + 0.2 * size)
    return {b for b, gap in zip(marks[1:], gaps, strict=True) if gap > wide}


def _reading_order(drawn: list[Glyph]) -> tuple[list[list[int]], list[int]]:
    """The glyphs as a reader reads them: lines top to bottom (by baseline), left to right;
    returned as those lines of glyph indexes, with each glyph's row."""
    bottoms = [g.rect[3] for g in drawn]
    lefts = [g.rect[0] for g in drawn]
    sizes = [g.size for g in drawn]
    indexed = sorted(range(len(drawn)), key=lambda i: (bottoms[i], lefts[i]))
    rows: list[list[int]] = []
    first = -1  # the first glyph of the row being filled
    for i in indexed:
        if first >= 0 and abs(bottoms[i] - bottoms[first]) <= _SAME_LINE * max(
            sizes[i], sizes[first], 1.0
        ):
            rows[-1].append(i)
            continue
        rows.append([i])
        first = i
    row_of = [0] * len(drawn)
    lines = []
    for n, row in enumerate(rows):
        line = sorted(row, key=lefts.__getitem__)
        for i in line:
            row_of[i] = n
        lines.append(line)
    return lines, row_of


def _match(
    page: int, drawn: list[Glyph], line_of: list[int], covered: Iterable[int], found: str
) -> Match:
    by_line: dict[int, list[int]] = {}
    for i in sorted(covered):
        by_line.setdefault(line_of[i], []).append(i)
    pieces = []
    for line in by_line.values():
        text = "".join(drawn[i].char for i in line).strip()
        x0 = min(drawn[i].rect[0] for i in line)
        y0 = min(drawn[i].rect[1] for i in line)
        x1 = max(drawn[i].rect[2] for i in line)
        y1 = max(drawn[i].rect[3] for i in line)
        pieces.append((text, (x0, y0, x1, y1)))
    return Match(page, tuple(pieces), found)


def text_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where `pattern` matches a stored page text, read as a page is (see the module doc):
    each character normalised, without regard to case, whitespace runs as one space, a line
    ending in a hyphen run on with the hyphen kept and without it. Spans in `text`'s own
    indexes, in order, overlapping ones joined."""
    regex = re.compile(pattern.pattern, pattern.flags | re.IGNORECASE)
    spans: set[tuple[int, int]] = set()
    for read, origin in _text_readings(text):
        for m in regex.finditer(read):
            if m.group(0).strip():
                covered = origin[m.start() : m.end()]
                spans.add((min(covered), max(covered) + 1))
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def literal(text: str) -> re.Pattern[str]:
    """A pattern for `text` itself as `text_spans` reads it (any whitespace between words)."""
    words = normal(text).split()
    return re.compile(" ".join(re.escape(word) for word in words))


def masked(text: str, secret: str, mark: str) -> str:
    """`text` with every reading of `secret` in it (`text_spans`) replaced by `mark`."""
    for start, end in reversed(text_spans(text, literal(secret))):
        text = text[:start] + mark + text[end:]
    return text


def _text_readings(text: str) -> Iterator[tuple[str, list[int]]]:
    """A stored text as read (normalised, whitespace runs as one space), then with each
    hyphen that ends a line run on into the next line kept and dropped; with each character
    of a reading, the index in `text` it came from."""
    chars: list[tuple[str, int, bool]] = []  # (character, origin, a space that breaks a line)
    for i, ch in enumerate(text):
        if ch.isspace():
            if chars and chars[-1][0] == " ":
                last = chars[-1]
                chars[-1] = (" ", last[1], last[2] or ch in "\n\r")
            elif chars:
                chars.append((" ", i, ch in "\n\r"))
            continue
        chars.extend((c, i, False) for c in normal(ch))
    yield "".join(c for c, _, _ in chars), [o for _, o, _ in chars]
    breaks = [k for k in range(1, len(chars)) if chars[k][2] and chars[k - 1][0] == "-"]
    if not breaks:
        return
    for drop_hyphen in (False, True):
        gone = set(breaks) | ({k - 1 for k in breaks} if drop_hyphen else set())
        kept = [c for k, c in enumerate(chars) if k not in gone]
        yield "".join(c for c, _, _ in kept), [o for _, o, _ in kept]
