"""Which words OCR read a page's text layer already holds (`not_written`): ingest writes only
the others, so a page's own text is not doubled and a word its fonts hide is added.

A word is already there when characters cover at least `ALREADY_THERE` of its box and say
about the same word (`says`), and the word does not run on past them (`RUNS_ON`: a word half
written and half drawn is written whole, so that a search finds it). Where a font's map lies
(`lying.lying_fonts`) or cannot be confirmed (`untrusted_text`), the characters must spell the
very letters and digits. A page read whole holds thousands of words and characters: the
characters near each word are found by their tops (`_CharIndex`), not by testing every
character's box for every word.
"""

from __future__ import annotations

import bisect
import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import pymupdf

from clawback.pdf.shows.boxgrid import BoxGrid
from clawback.pdf.shows.lying import FontsKnown, lying_fonts, unchecked_fonts

__all__ = ["ALREADY_THERE", "RUNS_ON", "SAME_WORD", "Word", "not_written", "says",
           "unseen_chars", "untrusted_text", "unusable_text"]  # fmt: skip

#: Share of garbage characters at which a page's text layer is taken as unusable.
GARBLED_SHARE = 0.2


@dataclass(frozen=True)
class Word:
    """One word read from a page: its text, box in page points (x0, y0, x1, y1), confidence."""

    text: str
    rect: tuple[float, float, float, float]
    confidence: float


def unusable_text(text: str) -> bool:
    """Whether extracted text is garbage: at least `GARBLED_SHARE` of its visible characters
    are control, private-use or unassigned characters or U+FFFD (what a Type0 font without a
    usable ToUnicode map extracts as, though the page renders legibly)."""
    shown = [c for c in text if not c.isspace()]
    if not shown:
        return False
    bad = sum(1 for c in shown if c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cn"))
    return bad / len(shown) >= GARBLED_SHARE


#: Share of an OCR word's box that existing text must cover for the word to be "already there".
ALREADY_THERE = 0.5
#: How far (times its height) a word OCR read may run on past the characters written under it
#: and still be the word they write (an OCR box is the ink's, a character's its advance's).
RUNS_ON = 0.5


def not_written(page: pymupdf.Page, words: list[Word], own: bool = False) -> list[Word]:
    """The words the page's text layer does not already hold at their place: less than
    `ALREADY_THERE` of the word's box is covered by characters, or the characters there say
    something else (`says`: a font whose codes name no characters, such as a Type 3 font of
    pictures without a /ToUnicode map, reads as ``%$!#``, not as the word it prints). On a
    page with a font whose map lies (`lying.lying_fonts`) the text must say the word's very
    letters and digits: ``DB-4O98l`` is "about" ``DB-40981``, and is the lie; so too where a
    font's map cannot be confirmed (`untrusted_text`), unless the page's fonts are its `own`
    (`ocr_plan`), and where a character under the word is one no viewer plainly sees
    (`unseen_chars`: a decoy ``DB-40987`` under a picture of ``DB-40981`` says nothing of
    what the picture shows) or the word lies mostly on a picture, a shading or vector art
    (`ALREADY_THERE` of its box under one): text drawn there in a font whose glyphs draw
    nothing reads as any text does, and the art may be all that shows."""
    exact = bool(lying_fonts(page)) if own else untrusted_text(page)
    unseen = _CharIndex((box, "") for box in ([] if exact else unseen_chars(page, words)))
    drawn = [] if exact else [box for kind, box in page.get_bboxlog() if kind in _PAINT]
    art = [pymupdf.Rect(box) for box in drawn]
    grid = BoxGrid(drawn, _box(page.rect)) if drawn else None
    chars = _CharIndex(
        (pymupdf.Rect(ch["bbox"]), ch["c"])
        for block in page.get_text("rawdict").get("blocks", ())
        for line in block.get("lines", ())
        for span in line.get("spans", ())
        for ch in span.get("chars", ())
        if not ch["c"].isspace() and not unusable_text(ch["c"])  # unmapped glyphs say nothing
    )
    fresh = []
    for word in words:
        box = pymupdf.Rect(word.rect)
        area = max(abs(box), 1e-6)
        under = [(rect, c) for rect, c in chars.near(box) if box.intersects(rect)]
        covered = sum(abs(box & rect) for rect, _ in under)
        inside = "".join(c for rect, c in under if _middle(rect) in box)
        hidden = any(_middle(rect) in box for rect, _ in unseen.near(box)) or (
            grid is not None
            and any(abs(box & art[n]) >= ALREADY_THERE * area for n in grid.near(_box(box)))
        )
        if (
            covered / area < ALREADY_THERE
            or not says(word.text, inside, exact or hidden)
            or _runs_on(box, [rect for rect, _ in under])
        ):
            fresh.append(word)
    return fresh


#: Text render modes of which a viewer draws nothing: 3 (invisible) and 7 (clip only).
_UNDRAWN_MODES = (3, 7)
#: What MuPDF's box log calls painting that may lie over text.
_PAINT = frozenset({"fill-image", "fill-imgmask", "fill-path", "fill-shade", "stroke-path"})
#: A character is painted over when this share of its box is under one later picture or shape;
#: drawn at most this transparent, or this close to white on every channel, it is not seen.
_OVER, _SEE_THROUGH, _NEAR_WHITE = 0.6, 0.1, 0.05


def unseen_chars(page: pymupdf.Page, words: Iterable[Word] = ()) -> list[pymupdf.Rect]:
    """The boxes of the page's characters a viewer does not plainly see: drawn in an invisible
    render mode or all but transparent, in white (or near it), or under most of a picture or
    shape painted after them. With `words`, only characters of spans that meet one of their
    boxes are looked at (what `not_written` asks about). Nothing is said of colour on a
    coloured ground: such text is seen or not, but it is there to be read either way."""
    boxes = [pymupdf.Rect(word.rect) for word in words]
    log = page.get_bboxlog()
    paint = [(n, pymupdf.Rect(box)) for n, (kind, box) in enumerate(log) if kind in _PAINT]
    found = []
    for span in page.get_texttrace():
        near = pymupdf.Rect(span["bbox"])
        if boxes and not any(near.intersects(box) for box in boxes):
            continue
        opacity = span.get("opacity")
        hidden = (
            span["type"] in _UNDRAWN_MODES
            or (opacity is not None and float(opacity) <= _SEE_THROUGH)
            or _white(span.get("color"))
        )
        later = [box for n, box in paint if n > int(span["seqno"]) and box.intersects(near)]
        for char in span["chars"]:
            rect = pymupdf.Rect(char[3])
            if hidden or any(abs(rect & box) >= _OVER * abs(rect) > 0 for box in later):
                found.append(rect)
    return found


def _box(rect: pymupdf.Rect) -> tuple[float, float, float, float]:
    return (float(rect.x0), float(rect.y0), float(rect.x1), float(rect.y1))


def _white(colour: Iterable[float] | None) -> bool:
    """Whether a fill colour (grey, RGB or CMYK components) is white or near it."""
    c = [float(v) for v in colour or (0.0,)]
    if len(c) == 4:
        c = [1.0 - min(1.0, v + c[3]) for v in c[:3]]
    return all(v >= 1.0 - _NEAR_WHITE for v in c)


def _runs_on(box: pymupdf.Rect, under: list[pymupdf.Rect]) -> bool:
    """Whether a word OCR read runs on past the characters written under it by more than
    `RUNS_ON` of its height at either end: the page draws the rest (``DB-409`` written,
    ``81`` drawn as outlines, read as one word ``DB-40981``), which the text layer must then
    hold too, or no search finds the word."""
    if not under:
        return False
    reach = float(RUNS_ON * box.height)
    before = float(min(rect.x0 for rect in under) - box.x0)
    after = float(box.x1 - max(rect.x1 for rect in under))
    return before > reach or after > reach


class _CharIndex:
    """A page's characters by the top of their box, so that the characters near an OCR word
    are found without looking at every character of the page for every word (a page read
    whole holds thousands of each)."""

    def __init__(self, chars: Iterable[tuple[pymupdf.Rect, str]]) -> None:
        self._chars = sorted(enumerate(chars), key=lambda found: found[1][0].y0)
        self._tops = [rect.y0 for _, (rect, _) in self._chars]
        self._tallest = max((rect.y1 - rect.y0 for _, (rect, _) in self._chars), default=0.0)

    def near(self, box: pymupdf.Rect) -> list[tuple[pymupdf.Rect, str]]:
        """Every character whose box may meet `box` (a superset of those that do), in the
        page's own order: those with a top above the box's bottom and a bottom below its top,
        a left edge before its right and a right edge after its left."""
        low = bisect.bisect_left(self._tops, box.y0 - self._tallest)
        high = bisect.bisect_right(self._tops, box.y1)
        found = [
            (n, (rect, c))
            for n, (rect, c) in self._chars[low:high]
            if rect.y1 >= box.y0 and rect.x0 <= box.x1 and rect.x1 >= box.x0
        ]
        return [char for _, char in sorted(found, key=lambda at: at[0])]


#: How alike (`difflib` ratio of letters and digits, any case) the text under an OCR word and
#: the word must be for the word to be "already there": OCR misreading a letter or two of a
#: written word stays well above it, a font's raw codes fall far below.
SAME_WORD = 0.5


def _middle(rect: pymupdf.Rect) -> pymupdf.Point:
    return pymupdf.Point((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2)


def untrusted_text(page: pymupdf.Page, known: FontsKnown | None = None) -> bool:
    """Whether a font of the page reads as other letters or digits than it prints
    (`lying.lying_fonts`), or may, nothing in the file confirming its map
    (`lying.unchecked_fonts`): its text layer cannot say whether a word OCR reads is there.
    ``known``: what was found of the document's fonts already (`lying.FontsKnown`)."""
    return bool(lying_fonts(page, known) or unchecked_fonts(page, known))


def says(word: str, written: str, exact: bool = False) -> bool:
    """Whether `written` (the text layer under an OCR word) says about what `word` does (with
    `exact`, the same letters and digits, any case); a word of no letters or digits (a rule, a
    bullet) is said by whatever is there."""
    wanted = "".join(c for c in word.casefold() if c.isalnum())
    if not wanted:
        return True
    found = "".join(c for c in written.casefold() if c.isalnum())
    if exact:
        return wanted == found
    return difflib.SequenceMatcher(None, wanted, found, autojunk=False).ratio() >= SAME_WORD
