"""Gate check (i) ``render``: each redacted page looks as it did, but for its boxes.

Checklist item 5 of docs/redaction.md: a render before and after differs only inside the boxes
(and the stamp's band). The other checks prove what is gone from under a box; this one proves
nothing else went or moved: a glyph deleted beside a box, a line that slid, a table rule
removed because it crossed a box, picture pixels blanked beyond it.

Each page that carries a box is rendered as it displays at `DPI` (one pixel a point), from the
original (``original``: the file before redaction, annotations drawn) and from the output (the
part that shows the original page, ``offset`` points below its top edge; the rest of the output
page is the stamp's band). On both pictures the allowed places are painted over alike:

* every box, grown by `GROW` points for the anti-aliasing of its edges, and further by the
  size of a picture's pixel where it reaches a picture (the redactor blanks whole pixels);
* what the redactor is made to take away whole when it reaches a box, each where the original
  page drew it: a glyph (its box may stand out of a tight box), a vector path (removed where
  it merely touches a box, so no outlined glyph survives), an annotation (baked into the page
  first, then treated as its content);
* for a re-flowed box, the rest of its line (re-flow moves that text on purpose).

A page that differs so is compared again at the resolution its pictures are drawn at their
own size (`_picture_dpi`): MuPDF draws a JPEG drawn small from a scaled-down decoding, and the
Flate copy the redactor wrote of it by sampling, so the two differ at `DPI` where nothing did.

What remains must agree to within `TOLERANCE` levels of 255 a sample (compositing a page's
transparency group rounds by one or two). Pages without a box are not rendered: a redaction
changes only the pages it boxes, and the stamp places every page unchanged (held to the pixel
by the stamp's own tests).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import cast

import pymupdf
from PIL import Image, ImageChops, ImageDraw

from clawback.pdf.gate.findings import Finding

__all__ = ["DPI", "GROW", "TOLERANCE", "render_findings"]

BoxSpec = tuple[int, tuple[float, float, float, float], str]

#: One pixel for two points: a glyph of 10 points is five pixels
#: high, and a glyph deleted or moved by a point changes many samples by far more than
#: `TOLERANCE`; a finer picture costs four times as much to render and compare.
DPI = 36
#: Points a box is grown by: its anti-aliased edge spans a pixel (two points).
GROW = 2.0
TOLERANCE = 2
#: The finest resolution a page is compared at again for its JPEG pictures (`_picture_dpi`).
_FINEST = 200


def render_findings(
    doc: pymupdf.Document,
    original: pymupdf.Document,
    boxes: Sequence[BoxSpec],
    reflowed: Sequence[BoxSpec] = (),
    offset: float = 0.0,
) -> list[Finding]:
    """Pages of `doc` that differ from `original` outside their boxes (see module doc)."""
    by_page: dict[int, list[tuple[pymupdf.Rect, bool]]] = {}
    for number, rect, _ in boxes:
        by_page.setdefault(number, []).append((pymupdf.Rect(rect), False))
    for number, rect, _ in reflowed:
        by_page.setdefault(number, []).append((pymupdf.Rect(rect), True))
    findings: list[Finding] = []
    for number, regions in sorted(by_page.items()):
        if not (0 <= number < doc.page_count and number < original.page_count):
            continue  # the box check reports a box on a page that does not exist
        problem = _page_problem(doc[number], original[number], regions, offset)
        finer = _picture_dpi(original[number]) if problem else 0
        if finer > DPI:  # see `_picture_dpi`: again where no picture is decoded scaled
            problem = _page_problem(doc[number], original[number], regions, offset, finer)
        if problem:
            findings.append(Finding(number, "render", problem))
    return findings


def _page_problem(
    page: pymupdf.Page,
    before: pymupdf.Page,
    regions: list[tuple[pymupdf.Rect, bool]],
    offset: float,
    dpi: int = DPI,
) -> str | None:
    shown = before.rect  # the original page as it displays: (0, 0, width, height)
    area = pymupdf.Rect(0, offset, shown.width, offset + shown.height)
    edge = page.rect
    if not pymupdf.Rect(edge.x0 - 0.01, edge.y0 - 0.01, edge.x1 + 0.01, edge.y1 + 0.01).contains(
        area
    ):
        return "the page is smaller than the original page it shows"
    old_pixmap = before.get_pixmap(dpi=dpi, annots=True)
    clip = None if offset == 0 and page.rect == shown else area
    new_pixmap = page.get_pixmap(dpi=dpi, clip=clip)
    sizes = (old_pixmap.width, old_pixmap.height), (new_pixmap.width, new_pixmap.height)
    if sizes[0] != sizes[1]:
        return f"the page renders {sizes[1]} pixels, the original {sizes[0]}"
    turn = page.rotation_matrix  # output page coordinates -> as displayed
    shift = pymupdf.Matrix(1, 0, 0, 1, 0, -offset)
    boxes = []
    for rect, flows in regions:
        box = rect * turn * shift  # displayed, on the original page
        if flows:  # the rest of the line, along the original page's own text direction
            flat = box * before.derotation_matrix
            width = (before.rect * before.derotation_matrix).width
            box = pymupdf.Rect(flat.x0, flat.y0, width, flat.y1) * before.rotation_matrix
        boxes.append(box)
    # Most pages agree exactly once the boxes alone are painted over: then what else may
    # differ need not be read (painting more can only hide differences, never make them).
    if _same_outside(old_pixmap, new_pixmap, [_grow(box, GROW) for box in boxes], dpi):
        return None
    old, new = _picture(old_pixmap), _picture(new_pixmap)
    original = _Original(before)
    allowed = [original.grown(r) for box in boxes for r in (box, *original.taken(box))]
    for picture in (old, new):
        paint = ImageDraw.Draw(picture)
        for box in allowed:
            paint.rectangle(_pixels(box, dpi), fill=(0, 0, 0))
    difference = ImageChops.difference(old, new)
    bands = cast(tuple[tuple[int, int], ...], difference.getextrema())  # RGB: (low, high) each
    if max(high for _, high in bands) <= TOLERANCE:
        return None
    red, green, blue = difference.split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    mask = largest.point(lambda level: 255 if level > TOLERANCE else 0)
    count = mask.histogram()[255]
    x0, y0, x1, y1 = mask.getbbox() or (0, 0, 0, 0)
    return (
        f"{count} pixel(s) differ from the original outside the boxes, "
        f"within ({x0}, {y0}, {x1}, {y1}) as displayed"
    )


class _Original:
    """What the original page draws that a redaction may take away whole, read once."""

    def __init__(self, page: pymupdf.Page) -> None:
        self.page = page
        self.paths = [pymupdf.Rect(d["rect"]) for d in page.get_cdrawings()]
        self.annots = [annot.rect for annot in page.annots()]
        # (bbox, size of one pixel) of each picture, in page coordinates. Only a page whose
        # resources hold pictures is looked at: an inline picture (rare) gets no allowance,
        # so a box over one can only fail the check, never pass it wrongly.
        self.pictures: list[tuple[pymupdf.Rect, float]] = []
        if page.get_images(full=True):
            for image in page.get_image_info():
                if image["width"] and image["height"]:
                    bbox = pymupdf.Rect(image["bbox"])
                    step = max(bbox.width / image["width"], bbox.height / image["height"])
                    self.pictures.append((bbox, step))

    def taken(self, box: pymupdf.Rect) -> list[pymupdf.Rect]:
        """Vector paths and annotations that touch `box` (displayed coordinates), and the
        glyphs that touch it as one rectangle, where they show."""
        flat = box * self.page.derotation_matrix  # page coordinates, as PyMuPDF reports them
        found = [r for r in (*self.paths, *self.annots) if _touch(r, flat)]
        glyphs = pymupdf.Rect(flat)
        near = pymupdf.Rect(flat.x0 - 1, flat.y0 - 1, flat.x1 + 1, flat.y1 + 1)
        for block in self.page.get_text("rawdict", clip=near)["blocks"]:
            for line in block.get("lines", ()):
                for span in line["spans"]:
                    for char in span["chars"]:
                        if _touch(char["bbox"], flat):
                            glyphs |= char["bbox"]
        found.append(glyphs)
        if self.page.rotation == 0:
            return found
        return [rect * self.page.rotation_matrix for rect in found]

    def grown(self, box: pymupdf.Rect) -> pymupdf.Rect:
        """`box` (displayed coordinates) grown for anti-aliasing, and by the pixel size of
        any picture it reaches (looked for both ways on a rotated page)."""
        grow = GROW
        near = (box, box * self.page.derotation_matrix)
        for bbox, step in self.pictures:
            if any(not (bbox & b).is_empty for b in near):
                grow = max(grow, GROW + step)
        return _grow(box, grow)


def _picture_dpi(page: pymupdf.Page) -> int:
    """The resolution at which MuPDF draws each picture of `page` (inline ones too) at its
    own size or larger, at most `_FINEST`; 0 when the page has none. MuPDF decodes a JPEG
    drawn much smaller than its size scaled down (libjpeg's scaled decoding), a Flate picture
    by sampling it: a JPEG the redactor re-encoded (Flate, its samples unchanged) rendered a
    few levels off at `DPI` beside the box (measured: a quarter of its size, not half).
    Compared again here, a change beside a box still shows: the allowances are in points,
    the painted-over pixels fewer, and a finer picture only shows more of what changed."""
    finest = 0.0
    for image in page.get_image_info():
        bbox = pymupdf.Rect(image["bbox"])
        if bbox.width > 0 and bbox.height > 0:
            own = max(image["width"] / bbox.width, image["height"] / bbox.height) * 72
            finest = max(finest, own)
    return min(_FINEST, math.ceil(finest))


def _grow(box: pymupdf.Rect, by: float) -> pymupdf.Rect:
    return pymupdf.Rect(box.x0 - by, box.y0 - by, box.x1 + by, box.y1 + by)


def _pixels(box: pymupdf.Rect, dpi: int = DPI) -> tuple[int, int, int, int]:
    """The pixels (x0, y0, x1, y1) of the picture at `dpi` that `box` (points) reaches."""
    scale = dpi / 72
    return (
        math.floor(box.x0 * scale),
        math.floor(box.y0 * scale),
        math.ceil(box.x1 * scale),
        math.ceil(box.y1 * scale),
    )


def _same_outside(
    old: pymupdf.Pixmap, new: pymupdf.Pixmap, boxes: Sequence[pymupdf.Rect], dpi: int = DPI
) -> bool:
    """Whether the two pictures are identical, sample for sample, once `boxes` (displayed
    points) are painted black on both, as the full comparison paints them."""
    if (old.n, old.stride) != (new.n, new.stride):
        return False
    pictures = bytearray(old.samples_mv), bytearray(new.samples_mv)
    n, stride = old.n, old.stride
    for box in boxes:
        x0, y0, x1, y1 = _pixels(box, dpi)
        x0, x1 = max(x0, 0), min(x1 + 1, old.width)  # inclusive, as PIL paints
        y0, y1 = max(y0, 0), min(y1 + 1, old.height)
        if x0 >= x1:
            continue
        blank = bytes((x1 - x0) * n)
        for row in range(y0, y1):
            at = row * stride + x0 * n
            for picture in pictures:
                picture[at : at + len(blank)] = blank
    return pictures[0] == pictures[1]


def _touch(rect: object, box: pymupdf.Rect) -> bool:
    other = pymupdf.Rect(rect)
    return other.x0 <= box.x1 and box.x0 <= other.x1 and other.y0 <= box.y1 and box.y0 <= other.y1


def _picture(pix: pymupdf.Pixmap) -> Image.Image:
    if pix.alpha or pix.n != 3:
        pix = pymupdf.Pixmap(pymupdf.csRGB, pix, 0)
    return Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
