"""Hidden text said out loud: the words a page holds that no reader of the page sees.

A received PDF can carry text that is searchable and produced but that nobody reading the page
sees: a careless redaction (a white box drawn over the words), words in white on white, text
under a picture, text too small to read, text in the invisible render mode. The record keeps
such text (it is in the file, and may matter), but ingest says so: one warning per page,
counting words by what hides them (`hidden_text`), listed by ``clawback check``.

The step's contract: `hidden_text` reads the page as a viewer shows it, after
`pdf.shows.visible.visible_copy` (so text in a switched-off layer, outside the page's visible
area or clipped away is already taken out and counted there: `hidden_warnings` says it per
page with the rest), and before ingest's OCR adds its own invisible layer.
It never changes the file. A word is hidden when most of its characters are

* **drawn in the background's colour** (each channel within `_SAME`): the page's white, or the
  fill of the topmost opaque filled shape drawn before it under it; text over a picture is
  not judged by colour (its background is not one colour);
* **under an opaque picture or shape** drawn after it (at least `_MOSTLY` of the character's
  box), unless it is invisible text over or under a picture (an OCR layer); a shape of an
  annotation that blends by darkening (a highlight: ``/BM /Multiply``, or ``/Darken``) does
  not hide dark text under it, and is not counted;
* **tiny**: a font size under `_TINY` points;
* **invisible**: render mode 3 (or fully transparent), except an OCR layer: invisible text
  lying on a picture, as a scanner's OCR writes it.

A Type 3 font's glyphs are not judged: they are shapes (MuPDF traces them as invisible text
while it draws them), read by OCR (`pdf.shows.ocr`).

Each word is counted once, under the first of these that applies.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from clawback.pdf.files.document import open_pdf
from clawback.pdf.shows.boxgrid import BoxGrid
from clawback.pdf.shows.pagereads import PageReads

__all__ = ["SAID", "hidden_on_page", "hidden_text", "hidden_warnings", "hidden_words"]

_SAME = 0.05  # colours this close on each channel look alike
_MOSTLY = 0.6  # the share of a character's box a shape or picture must cover
_OPAQUE = 0.9  # a fill at least this opaque hides what is under it
_TINY = 1.0  # points: smaller text no one reads
_INVISIBLE = 3  # PDF text render mode 3: neither filled nor stroked
_SEEN = "seen"
_WHITE = (1.0, 1.0, 1.0)
#: How each reason is said, in the order reasons are tried.
SAID = {
    "white": "drawn in white",
    "background": "drawn in the colour of the background under it",
    "covered": "under an opaque picture or shape drawn over it",
    "tiny": f"in type under {_TINY:g} pt",
    "invisible": "in invisible type (render mode 3, not an OCR layer)",
}
_Box = tuple[float, float, float, float]


def hidden_text(pdf: bytes) -> dict[int, Counter[str]]:
    """Per page (from 0) with hidden words: how many words each reason hides (see the module
    doc; the reasons are the keys of `SAID`). Advisory: a page MuPDF cannot trace is passed
    over (the file's own steps say what is wrong with it), never a reason to refuse a file."""
    found: dict[int, Counter[str]] = {}
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            if counted := hidden_on_page(PageReads(page)):
                found[page.number] = counted
    return found


def hidden_on_page(reads: PageReads) -> Counter[str]:
    """`hidden_text` of one page, from what the page's other checks read of it too."""
    try:
        return _page(reads)
    except (RuntimeError, ValueError, KeyError, TypeError, IndexError):
        return Counter()


def hidden_warnings(
    found: dict[int, Counter[str]],
    unseen: Sequence[tuple[int, int]] = (),
    pictures: Sequence[tuple[int, int]] = (),
    parts: Sequence[tuple[int, int]] = (),
) -> list[str]:
    """One line per page: ``page 2: 14 words drawn in white``, each reason of the page said,
    with the characters `visible_copy` took out of it (`unseen`: page, characters) and the
    pictures no viewer sees (`pictures`: page, pictures) and those blanked where they do not
    show (`parts`: page, pictures)."""
    pages: dict[int, list[str]] = {}
    for number, counted in sorted(found.items()):
        pages[number] = [f"{_words(counted[k])} {said}" for k, said in SAID.items() if counted[k]]
    for number, characters in unseen:
        pages.setdefault(number, []).append(
            f"{characters} character{'s' if characters != 1 else ''} outside the page's "
            "visible area or clipped away (taken out of the working copy, kept in the file "
            "as received)"
        )
    for number, count in pictures:
        pages.setdefault(number, []).append(
            f"{count} picture{'s' if count != 1 else ''} no viewer sees (off the page, clipped "
            "away, painted over or masked out: taken out of the working copy, kept in the file "
            "as received)"
        )
    for number, count in parts:
        pages.setdefault(number, []).append(
            f"{count} picture{'s' if count != 1 else ''} holding a part no viewer sees (blanked "
            "in the working copy, kept in the file as received)"
        )
    return [f"page {n + 1}: {', '.join(said)}" for n, said in sorted(pages.items())]


def _words(n: int) -> str:
    return f"{n} word{'s' if n != 1 else ''}"


def _page(reads: PageReads) -> Counter[str]:
    trace = reads.trace()
    if not trace:
        return Counter()
    log = reads.boxes()
    images = [(n, box) for n, (kind, box) in enumerate(log) if kind.endswith("image")]
    blended = _darkening(reads) if any(k == "fill-path" for k, _ in log) else []
    fills = [
        (int(d["seqno"]), tuple(d["rect"]), _rgb(d["fill"]))
        for d in (reads.drawings() if any(k == "fill-path" for k, _ in log) else ())
        if d.get("fill") is not None
        and (d.get("fill_opacity") or 1.0) >= _OPAQUE
        and not any(_share(tuple(d["rect"]), box) >= _WITHIN for box in blended)
    ]
    return hidden_words(trace, images, fills)


def hidden_words(
    trace: list[dict[str, Any]],
    images: list[tuple[int, _Box]],
    fills: list[tuple[int, _Box, tuple[float, float, float]]],
) -> Counter[str]:
    """How many words of a page's text trace each reason hides, given the page's pictures
    (sequence number, box) and opaque filled shapes (sequence number, box, colour). Each
    character is judged against the shapes near it only (`pdf.shows.boxgrid`): every reason
    needs a shape overlapping the character, so the answer is that of judging it against all."""
    return _judged(trace, _Near(images, fills, trace))


def _judged(trace: list[dict[str, Any]], near: _Near) -> Counter[str]:
    counted: Counter[str] = Counter()
    for span in trace:
        if _plainly_seen(span, near) or str(span["font"]).startswith("Type3"):
            continue  # most text; a Type 3 font's glyphs are shapes (OCR reads them)
        reasons = [_why(span, ch[3], *near.shapes(ch[3])) for ch in span["chars"]]
        text = "".join(chr(ch[0]) for ch in span["chars"])
        for word in _split(text, reasons):
            hidden = [r for r in word if r != _SEEN]
            if len(hidden) * 2 > len(word):
                counted[Counter(hidden).most_common(1)[0][0]] += 1
    return counted


#: Up to this many pictures and shapes a page, each character is judged against them all: a grid
#: costs more than it saves.
_FEW = 16


class _Near:
    """A page's pictures and filled shapes, found by the boxes they may overlap (all of them,
    on a page of `_FEW` or fewer)."""

    def __init__(
        self,
        images: list[tuple[int, _Box]],
        fills: list[tuple[int, _Box, tuple[float, float, float]]],
        trace: list[dict[str, Any]],
    ) -> None:
        self._images, self._fills = images, fills
        boxes = [box for _, box in images] + [box for _, box, _ in fills]
        self._grid = BoxGrid(boxes, _extent(trace)) if len(boxes) > _FEW else None

    def areas(self, box: _Box) -> list[_Box]:
        """The boxes of the pictures and shapes that may overlap `box`."""
        if self._grid is None:
            return [area for _, area in self._images] + [area for _, area, _ in self._fills]
        split = len(self._images)
        return [
            self._images[n][1] if n < split else self._fills[n - split][1]
            for n in self._grid.near(box)
        ]

    def shapes(
        self, box: _Box
    ) -> tuple[list[tuple[int, _Box]], list[tuple[int, _Box, tuple[float, float, float]]]]:
        """The pictures and the shapes that may overlap `box`, each in the order given."""
        if self._grid is None:
            return self._images, self._fills
        split = len(self._images)
        found = self._grid.near(box)
        return (
            [self._images[n] for n in found if n < split],
            [self._fills[n - split] for n in found if n >= split],
        )


def _extent(trace: list[dict[str, Any]]) -> _Box:
    """The box round a page's text (its finite span boxes)."""
    boxes = [b for b in (tuple(span["bbox"]) for span in trace) if all(math.isfinite(v) for v in b)]
    if not boxes:
        return (0.0, 0.0, 1.0, 1.0)
    return (
        min(min(b[0], b[2]) for b in boxes),
        min(min(b[1], b[3]) for b in boxes),
        max(max(b[0], b[2]) for b in boxes),
        max(max(b[1], b[3]) for b in boxes),
    )


#: Blend modes that keep what is under a fill at least as dark as it was: text stays seen.
_DARKENING = frozenset({"Multiply", "Darken"})
#: The share of a shape's box inside an annotation's for the shape to be taken as its own.
_WITHIN = 0.99


def _darkening(reads: PageReads) -> list[_Box]:
    """The boxes of the page's annotations drawn in a darkening blend mode (a highlight)."""
    return [tuple(annot.rect) for annot in reads.page.annots() if annot.blendmode in _DARKENING]


def _plainly_seen(span: dict[str, Any], near: _Near) -> bool:
    """Whether a span is seen whole, from the span alone: drawn in a colour other than white,
    not tiny, not invisible, and touching no picture and no filled shape."""
    if _invisible(span) or float(span["size"]) < _TINY:
        return False
    if _alike(_rgb(span["color"]), _WHITE):
        return False
    box = span["bbox"]
    return not any(_share(box, area) > 0 for area in near.areas(box))


def _invisible(span: dict[str, Any]) -> bool:
    """Render mode 3 or fully transparent."""
    return span["type"] == _INVISIBLE or float(span.get("opacity") or 0) < 1 - _OPAQUE


def _split(text: str, reasons: list[str]) -> list[list[str]]:
    """The reasons of each word's characters (words split at white space)."""
    words: list[list[str]] = [[]]
    for ch, reason in zip(text, reasons, strict=True):
        if ch.isspace():
            if words[-1]:
                words.append([])
        else:
            words[-1].append(reason)
    return [w for w in words if w]


def _why(
    span: dict[str, Any],
    box: _Box,
    images: list[tuple[int, _Box]],
    fills: list[tuple[int, _Box, tuple[float, float, float]]],
) -> str:
    seqno = int(span["seqno"])
    on_picture = any(_share(box, area) >= _MOSTLY for _, area in images)
    invisible = _invisible(span)
    if invisible and on_picture:
        return _SEEN  # an OCR layer: the picture shows what it says
    if not invisible:  # its colour against what is drawn under it (a picture: not judged)
        below: list[tuple[int, tuple[float, float, float] | None]] = [
            (n, None) for n, area in images if n < seqno and _share(box, area) >= _MOSTLY
        ]
        below += [(n, rgb) for n, area, rgb in fills if n < seqno and _share(box, area) >= _MOSTLY]
        background = max(below, key=lambda b: b[0])[1] if below else _WHITE
        if background is not None and _alike(_rgb(span["color"]), background):
            return "white" if _alike(background, _WHITE) else "background"
    over = any(n > seqno and _share(box, a) >= _MOSTLY for n, a in images) or any(
        f[0] > seqno and _share(box, f[1]) >= _MOSTLY for f in fills
    )
    if over:
        return "covered"
    if float(span["size"]) < _TINY:
        return "tiny"
    return "invisible" if invisible else _SEEN


def _alike(a: Sequence[float], b: Sequence[float]) -> bool:
    return all(abs(x - y) <= _SAME for x, y in zip(a, b, strict=True))


def _rgb(colour: Sequence[float] | None) -> tuple[float, float, float]:
    """A colour (grey, RGB or CMYK components) as RGB."""
    c = tuple(float(v) for v in colour or (0.0,))
    if len(c) == 1:
        return (c[0], c[0], c[0])
    if len(c) == 4:
        return tuple(1.0 - min(1.0, v + c[3]) for v in c[:3])  # type: ignore[return-value]
    if len(c) == 3:
        return (c[0], c[1], c[2])
    return (0.0, 0.0, 0.0)


def _share(inner: _Box, outer: _Box) -> float:
    """How much of `inner` lies inside `outer` (0 for a box with no area)."""
    x0, y0, x1, y1 = inner
    area = (x1 - x0) * (y1 - y0)
    if area <= 0:
        return 0.0
    w = min(x1, outer[2]) - max(x0, outer[0])
    h = min(y1, outer[3]) - max(y0, outer[1])
    return w * h / area if w > 0 and h > 0 else 0.0
