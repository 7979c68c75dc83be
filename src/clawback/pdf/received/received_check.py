"""Boxes over live text in a PDF another party produced: a redaction that hides nothing.

A producing party that "redacts" by drawing a black rectangle (or pasting a black image, or
highlighting in black) over the text leaves the text in the file: anyone can select, copy or
search it. The receiving party should know, because the text under the box may be privileged
material the other side meant to withhold (it may have to be sequestered and the other side
told). This is clawback's own check; `clawback.pdf.received.check` merges x-ray's findings in.

What is a box: a **filled** dark area, never the outline of a stroke; or a white-out, a filled
light area painted over text that the page then shows as blank (the reader sees no box at all,
as if nothing had been there).

* a path filled in a dark, opaque colour: the area it fills (each subpath, under the path's
  fill rule, curves flattened), not its bounding box: two hairlines framing a caption cover
  nothing between them, a multi-line redaction covers its lines and not the words beside them;
* an image, smaller than half the page, whose pixels are almost all dark;
* an annotation's appearance (a black highlight, a filled square), drawn over the page;
* a ``/Redact`` annotation never applied, whatever it looks like.

What it hides: a character whose box lies mostly (`MOSTLY`) inside the filled area and that
can be extracted (not a space, not an unmapped glyph), if it was painted *before* the box, or
after it in the box's colour (each channel within `_SAME`: black on black), or is invisible
anyway (OCR-style text); a contrasting character painted on top (white text on a black table
header) is read, not hidden. Then the page is rendered, and a character whose place is not
dark as drawn (the box clipped away or painted over) is dropped, as is a box hiding only a
placeholder ("XXXX", "REDACTED"), and so are the boxes of a document where every box hides
one and the same date (a redaction tool's date stamp painted into each box, as x-ray also
lets pass).

A proper redaction (the text removed, a box drawn where it was) leaves no characters under the
box and is not reported. A finding says where the box is and how many characters it hides,
never what they say (the warning goes into the record, logs and the audit trail, where the
hidden text must not), unless the caller asks for the text (`with_text`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pymupdf

from clawback.pdf.files.document import PdfError, open_pdf
from clawback.pdf.received import geometry as geo
from clawback.pdf.received.geometry import Point, RectTuple

__all__ = [
    "DARK",
    "MOSTLY",
    "BoxOverText",
    "RectTuple",
    "boxes_over_text",
    "chars_in",
    "page_boxes",
]

DARK = 0.25  # a fill with luminance at most this counts as a redaction colour
LIGHT = 0.9  # a fill with luminance at least this is a white-out where it blanks text
MOSTLY = 0.6  # the share of a character's box that must lie inside the filled area
_SAME = 0.05  # text painted over a box in its colour (each channel this close) is not seen
_OPAQUE = 0.9  # fill opacity from which a dark fill hides what is under it
_IMAGE_DARK = 0.95  # the share of an image's pixels that must be dark
_PAGE_SHARE = 0.5  # an image covering more of the page is a scan, not a box
_SHOWN_DARK = 128  # a rendered grey value at most this is dark
_INKED = 0.01  # the share of dark pixels from which a place shows ink (not a white-out)
_ZOOM = 1.5  # the render that confirms a character is covered as drawn (108 dpi)
_MAX_PIXELS = 8_000_000  # ... or less, on a very large page
_GRID = 4  # sample points per side when a filled area is not one rectangle
_ON_TOP = 1 << 30  # annotations are drawn over everything on the page
_PLACEHOLDER = re.compile(
    r"(confidential|name\s*redacted|privileged?|redacted(\s+and\s+publicly\s+filed)?|"
    r"withheld|[\W_]+)",
    re.IGNORECASE,
)
_DATE = re.compile(r"[0-3]?\d[/.-][0-3]?\d[/.-]\d{0,4}")
_DARK_BYTES = bytes(1 if v <= _SHOWN_DARK else 0 for v in range(256))
_ANNOT_WHAT: dict[int, str] = {
    pymupdf.mupdf.PDF_ANNOT_HIGHLIGHT: "a dark highlight annotation",
    pymupdf.mupdf.PDF_ANNOT_SQUARE: "a filled square annotation",
    pymupdf.mupdf.PDF_ANNOT_CIRCLE: "a filled circle annotation",
    pymupdf.mupdf.PDF_ANNOT_POLYGON: "a filled polygon annotation",
    pymupdf.mupdf.PDF_ANNOT_FREE_TEXT: "a filled text annotation",
    pymupdf.mupdf.PDF_ANNOT_INK: "an ink annotation",
}
_UNAPPLIED = "a redaction annotation never applied"

RGB = tuple[float, float, float]


@dataclass(frozen=True)
class BoxOverText:
    """One box with live text under it: page index (0-based), what the box is, its rectangle
    (points, origin top-left, the page unrotated), how many characters it hides, and which
    check found it (``ours``, ``x-ray`` or ``ours+x-ray``). It holds the text only when the
    caller asked for it."""

    page: int
    what: str
    rect: RectTuple
    characters: int
    failure: str = ""  # set instead when the page could not be checked at all
    found_by: str = "ours"
    text: str | None = field(default=None, compare=False, repr=False)

    def describe(self) -> str:
        """The warning kept in the record: where and how many, never the text."""
        if self.failure:
            return f"page {self.page + 1}: {self.failure}"
        x0, y0, x1, y1 = (round(v) for v in self.rect)
        return (
            f"page {self.page + 1} has a box over live text: {self.what} at "
            f"({x0}, {y0}, {x1}, {y1}) covers {self.characters} character(s) that can still "
            f"be selected and copied [{self.found_by}]"
        )

    def line(self) -> str:
        """One line for the command line: ``page 3: box at (x0,y0,x1,y1) over 14 characters
        [ours+x-ray]``."""
        if self.failure:
            return f"page {self.page + 1}: {self.failure}"
        x0, y0, x1, y1 = (round(v) for v in self.rect)
        return (
            f"page {self.page + 1}: box at ({x0},{y0},{x1},{y1}) over {self.characters} "
            f"characters [{self.found_by}] ({self.what})"
        )


@dataclass(frozen=True)
class _Char:
    seqno: int
    box: RectTuple
    char: str
    rgb: RGB
    hidden: bool  # invisible however it is drawn (render mode 3 or 7, or fully transparent)

    @property
    def counts(self) -> bool:
        """Whether it is a character worth reading: not a space, not an unmapped glyph."""
        return _extractable(self.char)


@dataclass
class _Region:
    """A filled dark area: its closed subpaths (filled under its rule), drawing order and
    colour (None when unknown: an image, an annotation never applied)."""

    seqno: int
    what: str  # empty: a plain fill, named by the shape of each piece
    polygons: list[list[Point]]
    even_odd: bool = False
    rgb: RGB | None = (0.0, 0.0, 0.0)
    confirm: bool = True  # check the page as drawn is dark (blank for a white-out) there
    light: bool = False  # a white-out: a light fill over text
    bbox: RectTuple = field(init=False)
    rects: list[RectTuple | None] = field(init=False)

    def __post_init__(self) -> None:
        self.rects = [geo.as_rect(poly) for poly in self.polygons]
        bounds = [geo.bounds_of(poly) for poly in self.polygons]
        self.bbox = (
            min(b[0] for b in bounds),
            min(b[1] for b in bounds),
            max(b[2] for b in bounds),
            max(b[3] for b in bounds),
        )

    def coverage(self, box: RectTuple) -> float:
        """The share of ``box`` inside the filled area."""
        x0, y0, x1, y1 = box
        area = (x1 - x0) * (y1 - y0)
        if area <= 0 or geo.overlap(box, self.bbox) <= 0:
            return 0.0
        if len(self.rects) == 1 and self.rects[0] is not None:
            return geo.overlap(box, self.rects[0]) / area
        inside = 0
        for i in range(_GRID):
            y = y0 + (i + 0.5) * (y1 - y0) / _GRID
            for j in range(_GRID):
                x = x0 + (j + 0.5) * (x1 - x0) / _GRID
                inside += self._contains(x, y)
        return inside / (_GRID * _GRID)

    def _contains(self, x: float, y: float) -> bool:
        winding = 0
        crossings = 0
        for poly in self.polygons:
            w = geo.winding(poly, x, y)
            winding += w
            crossings += abs(w)
        return crossings % 2 == 1 if self.even_odd else winding != 0

    def piece(self, box: RectTuple) -> int:
        """Which subpath a character belongs to (for reporting each piece as a box)."""
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        best, best_area = 0, -1.0
        for n, poly in enumerate(self.polygons):
            x0, y0, x1, y1 = bounds = geo.bounds_of(poly)
            if x0 <= cx <= x1 and y0 <= cy <= y1:
                return n
            area = geo.overlap(bounds, box)
            if area > best_area:
                best, best_area = n, area
        return best


def boxes_over_text(pdf: bytes, *, with_text: bool = False) -> list[BoxOverText]:
    """Every box over live text in the PDF, page by page (see the module doc); the text under
    each only if ``with_text``. Raises `PdfError` for a file it cannot read."""
    found: list[BoxOverText] = []
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            try:
                found += page_boxes(page)
            except (RuntimeError, ValueError) as exc:
                name = type(exc).__name__
                raise PdfError(f"page {page.number + 1} could not be inspected ({name})") from None
    if _date_stamps(found):
        return []
    return found if with_text else [replace(box, text=None) for box in found]


def page_boxes(page: pymupdf.Page) -> list[BoxOverText]:
    """The boxes over live text on one page, each with the text it hides."""
    log = page.get_bboxlog()
    if not any(kind.endswith("-text") for kind, _ in log):
        return []
    fills = _opaque_fills(page) if any(kind == "fill-path" for kind, _ in log) else []
    images = _small_images(page, log)
    redacts = list(page.annots(types=[pymupdf.mupdf.PDF_ANNOT_REDACT]) or [])
    if not (fills or images or redacts):
        return []  # no box at all: the text need not be read
    chars = _chars(page)
    if not any(c.counts for c in chars):
        return []
    view = _View(page)
    regions = _regions(page, chars, view, fills, images, redacts)
    if not regions:
        return []
    top = _topmost(chars, regions)  # each character goes to the topmost box hiding it
    pieces: dict[tuple[int, int], list[_Char]] = {}
    for n in sorted(top):
        char, region = chars[n], regions[top[n]]
        if region.confirm and not view.covered(geo.clipped(char.box, region.bbox), region.light):
            continue  # painted over, or the box clipped away: the character shows
        pieces.setdefault((top[n], region.piece(char.box)), []).append(char)
    found = []
    crop = page.cropbox
    for (r, piece), hidden in sorted(pieces.items()):
        count = sum(1 for c in hidden if c.counts)
        text = _text(hidden)
        if not count or _PLACEHOLDER.fullmatch(text.replace(" ", "")) or _repeated(text):
            continue
        region = regions[r]
        shade = "white (a white-out)" if region.light else "dark"
        what = region.what or (
            f"a filled {shade} rectangle" if region.rects[piece] else f"a filled {shade} shape"
        )
        rect = geo.clipped(geo.bounds_of(region.polygons[piece]), (0, 0, crop.width, crop.height))
        if region.confirm and not view.covered(rect, region.light):
            continue  # not a dark box as drawn: clipped away or painted over
        found.append(BoxOverText(page.number or 0, what, geo.rounded(rect), count, text=text))
    return found


def _topmost(chars: Sequence[_Char], regions: Sequence[_Region]) -> dict[int, int]:
    """For each character some box hides, the topmost such box (index into ``regions``)."""
    band = 16.0
    bands: dict[int, list[int]] = {}
    for n, c in enumerate(chars):
        for b in range(int(c.box[1] // band), int(c.box[3] // band) + 1):
            bands.setdefault(b, []).append(n)
    top: dict[int, int] = {}
    for r, region in enumerate(regions):
        x0, y0, x1, y1 = region.bbox
        seen: set[int] = set()
        for b in range(int(y0 // band), int(y1 // band) + 1):
            for n in bands.get(b, ()):
                if n in seen:
                    continue
                seen.add(n)
                cx0, cy0, cx1, cy1 = chars[n].box
                if cx1 <= x0 or cx0 >= x1 or cy1 <= y0 or cy0 >= y1:
                    continue
                if n in top and regions[top[n]].seqno > region.seqno:
                    continue
                if _hides(region, chars[n]):
                    top[n] = r
    return top


def chars_in(page: pymupdf.Page, rect: RectTuple) -> tuple[int, str]:
    """How many extractable characters lie mostly inside ``rect`` on the page, and their
    text (for a box another check found: what it would hide, whatever was drawn when)."""
    hidden = [c for c in _chars(page) if geo.share(c.box, rect) >= MOSTLY]
    return sum(1 for c in hidden if c.counts), _text(hidden)


# -- what is on the page --------------------------------------------------------------------


def _chars(page: pymupdf.Page) -> list[_Char]:
    """Every character with its drawing order, box and colour; visible or not, it can be
    extracted."""
    out = []
    for span in page.get_texttrace():
        mode = span.get("type", 0)
        opacity = span.get("opacity", 1.0)
        hidden = mode in (3, 7) or (opacity is not None and opacity < 0.05)
        rgb = _rgb(span.get("color") or (0.0,))
        for char in span["chars"]:
            x0, y0, x1, y1 = (float(v) for v in char[3])
            if x1 <= x0 or y1 <= y0:
                continue
            out.append(_Char(span["seqno"], (x0, y0, x1, y1), chr(char[0]), rgb, hidden))
    return out


def _opaque_fills(page: pymupdf.Page) -> list[dict[str, Any]]:
    """The paths filled in an opaque dark or light colour (a stroke is a line, whatever its
    box)."""
    out = []
    for d in page.get_drawings():
        fill = d.get("fill")
        if fill is None or d.get("type") not in ("f", "fs"):
            continue
        opacity = d.get("fill_opacity")
        shade = _luminance(fill)
        if (opacity is None or opacity >= _OPAQUE) and (shade <= DARK or shade >= LIGHT):
            out.append(d)
    return out


def _small_images(
    page: pymupdf.Page, log: Sequence[tuple[str, Sequence[float]]]
) -> list[tuple[int, str, RectTuple]]:
    """Images and stencil masks drawn smaller than half the page: (order, kind, where)."""
    area = abs(page.rect)
    out = []
    for seqno, (kind, bbox) in enumerate(log):
        if kind in ("fill-image", "fill-imgmask"):
            rect = geo.rect_of(bbox)
            if 0 < geo.overlap(rect, rect) <= _PAGE_SHARE * area:
                out.append((seqno, kind, rect))
    return out


def _regions(
    page: pymupdf.Page,
    chars: Sequence[_Char],
    view: _View,
    fills: Sequence[dict[str, Any]],
    images: Sequence[tuple[int, str, RectTuple]],
    redacts: Sequence[pymupdf.Annot],
) -> list[_Region]:
    """The filled dark areas on the page that touch some character."""
    text_area = (
        min(c.box[0] for c in chars),
        min(c.box[1] for c in chars),
        max(c.box[2] for c in chars),
        max(c.box[3] for c in chars),
    )
    annots = _annotation_areas(page) if fills else []
    regions: list[_Region] = []
    for d in fills:
        rect = geo.rect_of(d["rect"])
        if geo.overlap(rect, text_area) <= 0:
            continue
        polygons = geo.subpaths(d["items"])
        if not polygons:
            continue
        what = next((w for area, w in annots if geo.within(rect, area)), "")
        regions.append(
            _Region(
                d["seqno"],
                what,
                polygons,
                even_odd=bool(d.get("even_odd")),
                rgb=_rgb(d["fill"]),
                light=_luminance(d["fill"]) >= LIGHT,
            )
        )
    regions += _image_regions(page, chars, images, view)
    for annot in redacts:  # drawn over everything, whatever they look like
        polygons = geo.quads(annot.vertices) or [geo.corners_of(geo.rect_of(annot.rect))]
        region = _Region(_ON_TOP, _UNAPPLIED, polygons, rgb=None, confirm=False)
        if geo.overlap(region.bbox, text_area) > 0:
            regions.append(region)
    return regions


def _image_regions(
    page: pymupdf.Page,
    chars: Sequence[_Char],
    images: Sequence[tuple[int, str, RectTuple]],
    view: _View,
) -> list[_Region]:
    """The images (and stencil masks) that are almost all dark and lie over some character."""
    infos: list[tuple[RectTuple, int]] = []
    out = []
    for seqno, kind, rect in images:
        if not any(geo.share(c.box, rect) >= MOSTLY for c in chars):
            continue  # over no character: whatever it is, it hides nothing
        dark = view.dark(rect, _IMAGE_DARK)
        if not dark and kind == "fill-image" and view.dark(rect, MOSTLY):
            # mostly dark as drawn (white words on it?): the image's own pixels decide
            if not infos:  # (costly: each image is decoded to match it to its object)
                infos = [
                    (geo.rect_of(i["bbox"]), i.get("xref", 0))
                    for i in page.get_image_info(xrefs=True)
                ]
            xref = next((x for r, x in infos if geo.close_to(r, rect)), 0)
            dark = bool(xref) and bool(_image_is_dark(page.parent, xref))
        if dark:
            out.append(_Region(seqno, "a dark image", [geo.corners_of(rect)], rgb=None))
    return out


def _image_is_dark(doc: pymupdf.Document, xref: int) -> bool | None:
    """Whether the image's own pixels are almost all dark (None: it cannot be decoded)."""
    try:
        pix = pymupdf.Pixmap(doc, xref)
        if pix.alpha:
            pix = pymupdf.Pixmap(pix, 0)
        if pix.n != 1:
            pix = pymupdf.Pixmap(pymupdf.csGRAY, pix)
    except (RuntimeError, ValueError):
        return None
    samples = pix.samples
    if not samples:
        return None
    step = max(1, len(samples) // 20_000)
    picked = samples[::step]
    return picked.translate(_DARK_BYTES).count(1) >= _IMAGE_DARK * len(picked)


def _annotation_areas(page: pymupdf.Page) -> list[tuple[RectTuple, str]]:
    """Where each annotation whose appearance can be a box is, to name the drawing it makes."""
    out = []
    for annot in page.annots() or []:
        what = _ANNOT_WHAT.get(annot.type[0])
        if what is not None:
            r = annot.rect
            out.append(((r.x0 - 2, r.y0 - 2, r.x1 + 2, r.y1 + 2), what))
    return out


def _hides(region: _Region, char: _Char) -> bool:
    """Whether the box hides the character (see the module doc)."""
    if region.coverage(char.box) < MOSTLY:
        return False
    if char.seqno < region.seqno or char.hidden:
        return True
    return region.rgb is not None and all(
        abs(a - b) <= _SAME for a, b in zip(char.rgb, region.rgb, strict=True)
    )


class _View:
    """The page as drawn (grey, rendered once and only when needed)."""

    def __init__(self, page: pymupdf.Page) -> None:
        self._page = page
        self._samples: bytes | None = None
        self._width = self._height = self._stride = 0
        size = max(1.0, abs(page.rect))
        zoom = min(_ZOOM, (_MAX_PIXELS / size) ** 0.5)
        self._zoom = pymupdf.Matrix(zoom, zoom)
        self._matrix = page.rotation_matrix * self._zoom

    def covered(self, rect: RectTuple, light: bool) -> bool:
        """Whether ``rect`` shows as a box hides: dark, or (a white-out) with no ink at all."""
        return not self.dark(rect, _INKED) if light else self.dark(rect)

    def dark(self, rect: RectTuple, share: float = MOSTLY) -> bool:
        """Whether at least ``share`` of ``rect`` (page points, unrotated) is dark as drawn."""
        if self._samples is None:
            pix = self._page.get_pixmap(matrix=self._zoom, colorspace=pymupdf.csGRAY, alpha=False)
            self._samples = bytes(pix.samples)
            self._width, self._height, self._stride = pix.width, pix.height, pix.stride
        box = (pymupdf.Rect(rect) * self._matrix).normalize()
        x0, y0 = max(0, int(box.x0)), max(0, int(box.y0))
        x1 = min(self._width, int(box.x1 + 0.999))
        y1 = min(self._height, int(box.y1 + 0.999))
        if x0 >= x1 or y0 >= y1:
            return False
        samples, stride = self._samples, self._stride
        dark = sum(
            samples[y * stride + x0 : y * stride + x1].translate(_DARK_BYTES).count(1)
            for y in range(y0, y1)
        )
        return bool(dark >= share * (x1 - x0) * (y1 - y0))


# -- text ------------------------------------------------------------------------------------


def _extractable(char: str) -> bool:
    if char.isspace() or char == "\ufffd":
        return False
    return unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn")


def _text(chars: Sequence[_Char]) -> str:
    """The characters as read, a space where a gap or a new line falls between two."""
    out: list[str] = []
    last: _Char | None = None
    for c in chars:
        if last is not None and not last.char.isspace() and not c.char.isspace():
            height = max(1.0, last.box[3] - last.box[1])
            new_line = abs(c.box[1] - last.box[1]) > height / 2
            if new_line or c.box[0] - last.box[2] > 0.25 * height:
                out.append(" ")
        out.append(c.char)
        last = c
    return " ".join("".join(out).split())


def _date_stamps(found: Sequence[BoxOverText]) -> bool:
    """Whether every box in the document hides one and the same date (a redaction tool's
    stamp, painted into each box; x-ray passes such files too). Only with the text at hand."""
    texts = {box.text for box in found}
    if len(found) < 2 or None in texts:
        return False
    dates = [str(text) for text in texts]
    if not all(_DATE.fullmatch(text) for text in dates):
        return False
    longest = max(dates, key=len)
    return all(longest.startswith(text) for text in dates)


def _repeated(text: str) -> bool:
    """Only one character repeated ("XXXX", "____"): a placeholder, not content."""
    squeezed = text.replace(" ", "")
    return len(squeezed) > 1 and len(set(squeezed)) == 1


def _rgb(color: Sequence[float]) -> RGB:
    if len(color) == 1:
        return (float(color[0]),) * 3
    if len(color) == 4:  # CMYK
        c, m, y, k = (float(v) for v in color)
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return (float(color[0]), float(color[1]), float(color[2]))


def _luminance(color: Sequence[float]) -> float:
    r, g, b = _rgb(color)
    return 0.3 * r + 0.59 * g + 0.11 * b
