"""Pictures a page draws turned: read upright, in their own frame.

Tesseract reads lines that run left to right. A picture drawn turned (a quarter turn, upside
down, mirrored, or at any angle: its matrix not a plain scale) shows its words to a reader who
turns the page or his head, but OCR of the page as shown reads nothing there: a code in a
photograph placed sideways was never written, so no pattern found it, and the gate's OCR did not
read it back either.

So each such picture is also rendered in its own frame (`turned_strip`): the page drawn through
the inverse of the picture's matrix, clipped to where the picture stands, so that the picture
comes out upright (whatever else the page draws there comes out turned with it). A word read
there goes back to the page as the box around its four corners (`back`), in the page's
unrotated frame: a box the redactor can fill, covering the word's pixels.

Vector art and Type 3 glyphs have no matrix to say they are turned: a drawn region much taller
than wide (a line set vertically in a margin) is read in both quarter-turned frames
(`upright_frames`) as if it were such a picture.

The matrices are MuPDF's (``Page.get_image_info``: the unit square to the page, in the page's
unrotated frame, top left at the square's (0, 0)); callers hold the page unrotated.
"""

from __future__ import annotations

import math

import pymupdf
from PIL import Image

__all__ = ["TALL", "back", "turned_pictures", "turned_strip", "upright_frames"]

#: A matrix whose shear or turn is below this share of its scale is drawn upright.
_UPRIGHT = 1e-3
#: A region this many times taller than wide is read turned both ways too (`upright_frames`).
TALL = 2.0
#: The longest side of a strip, in pixels (a picture drawn across the page at 200 dpi fits).
_MAX_SIDE = 3000


def turned_pictures(page: pymupdf.Page) -> list[pymupdf.Matrix]:
    """The matrices of the pictures `page` draws turned (see the module doc), each once, those
    of one pixel left out."""
    found: list[pymupdf.Matrix] = []
    for info in page.get_image_info():
        if int(info.get("width", 0)) * int(info.get("height", 0)) <= 1:
            continue
        matrix = pymupdf.Matrix(info["transform"])
        scale = max(abs(matrix.a), abs(matrix.b), abs(matrix.c), abs(matrix.d), 1e-9)
        sheared = abs(matrix.b) + abs(matrix.c) > _UPRIGHT * scale
        if (sheared or matrix.a < 0 or matrix.d < 0) and matrix not in found:
            found.append(matrix)
    return found


def upright_frames(region: pymupdf.Rect) -> list[pymupdf.Matrix]:
    """For a drawn region taller than `TALL` times its width (a line of text set vertically,
    as outlines or a Type 3 font draw it with no picture to say so): the two frames in which
    it reads left to right, bottom to top and top to bottom; none for another region."""
    if region.height <= TALL * region.width:
        return []
    wide, high = region.height, region.width
    return [
        pymupdf.Matrix(0, -wide, high, 0, region.x0, region.y1),  # turned a quarter left
        pymupdf.Matrix(0, wide, -high, 0, region.x1, region.y0),  # turned a quarter right
    ]


def turned_strip(
    page: pymupdf.Page, matrix: pymupdf.Matrix, dpi: int
) -> tuple[Image.Image, pymupdf.Matrix] | None:
    """The picture drawn by `matrix`, upright at about `dpi`, in grey, and the matrix from the
    strip's pixels back to the page; None where nothing of it is on the page."""
    where = pymupdf.Rect(0, 0, 1, 1) * matrix & page.rect
    if where.is_empty:
        return None
    wide = math.hypot(matrix.a, matrix.b) * dpi / 72
    high = math.hypot(matrix.c, matrix.d) * dpi / 72
    shrink = min(1.0, _MAX_SIDE / max(wide, high, 1e-9))
    upright = ~matrix * pymupdf.Matrix(wide * shrink, high * shrink)
    pix = page.get_pixmap(matrix=upright, clip=where, colorspace=pymupdf.csGRAY, alpha=False)
    back = pymupdf.Matrix(1, 0, 0, 1, pix.x, pix.y) * ~upright
    return Image.frombytes("L", (pix.width, pix.height), pix.samples), back


def back(rect: tuple[float, float, float, float], matrix: pymupdf.Matrix) -> pymupdf.Rect:
    """The box, on the page, around a word's box in a strip's pixels (`turned_strip`'s
    matrix)."""
    x0, y0, x1, y1 = rect
    corners = [pymupdf.Point(x, y) * matrix for x in (x0, x1) for y in (y0, y1)]
    return pymupdf.Rect(
        min(p.x for p in corners),
        min(p.y for p in corners),
        max(p.x for p in corners),
        max(p.y for p in corners),
    )
