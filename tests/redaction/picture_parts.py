"""Pictures that show a page one part of themselves and hold another, built for
`test_picture_parts`: each page draws one picture of two lines, a caption that shows and
``code DB-40981 entered`` (`channels.LINE`) that no viewer sees, and the heading line as text.

Every builder's docstring is one line: how the picture's second line is kept from showing.
A picture wholly unseen is `painted`'s (``picture_clipped_away`` and the rest): here the page
shows the picture, so nothing says it is hidden.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable

import pikepdf
import pymupdf

from tests.redaction.channels import LINE, _with
from tests.redaction.pdf_blocks import _page, _text

CAPTION = "site photograph, north wall"
#: The picture's size on the page, in points: the caption in its top half, the line below.
WIDE, HIGH = 300.0, 60.0

PARTS: dict[str, Callable[..., bytes]] = {}


def part(build: Callable[..., bytes]) -> Callable[..., bytes]:
    PARTS[build.__name__] = build
    return build


def _samples() -> tuple[bytes, int, int]:
    """The two-line picture (grey, 8 bits): the caption above, `LINE` below."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=WIDE, height=HIGH)
        page.insert_text((4, 20), CAPTION, fontsize=14)
        page.insert_text((4, 48), LINE, fontsize=14)
        pix = page.get_pixmap(dpi=144, colorspace=pymupdf.csGRAY)
        return bytes(pix.samples), pix.width, pix.height


def _image(pdf: pikepdf.Pdf, samples: bytes, width: int, height: int) -> pikepdf.Stream:
    image = pdf.make_stream(zlib.compress(samples), Filter=pikepdf.Name.FlateDecode)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = width, height, 8
    image.ColorSpace = pikepdf.Name.DeviceGray
    return image


def _drawing(draw: str, mask: bool = False) -> Callable[[str], bytes]:
    """A page drawing the picture as /Im1 by `draw` (with a soft mask letting through only
    its top half, when `mask`)."""

    def build(heading: str) -> bytes:
        samples, width, height = _samples()

        def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
            image = _image(pdf, samples, width, height)
            if mask:
                top = height // 2
                half = b"\xff" * (width * top) + b"\x00" * (width * (height - top))
                image.SMask = _image(pdf, half, width, height)
            resources.XObject = pikepdf.Dictionary(Im1=image)

        return _with(heading, draw, setup)

    return build


@part
def clipped_in_half(heading: str) -> bytes:
    """A clip path lets through the picture's top half."""
    return _drawing(f"q 72 500 {WIDE:g} 30 re W n {WIDE:g} 0 0 {HIGH:g} 72 470 cm /Im1 Do Q\n")(
        heading
    )


@part
def masked_in_half(heading: str) -> bytes:
    """The picture's soft mask is opaque over its top half, transparent over the rest."""
    return _drawing(f"q {WIDE:g} 0 0 {HIGH:g} 72 470 cm /Im1 Do Q\n", mask=True)(heading)


@part
def half_off_the_page(heading: str) -> bytes:
    """The picture stands on the page's bottom edge: its lower half is below the page."""
    return _drawing(f"q {WIDE:g} 0 0 {HIGH:g} 72 -30 cm /Im1 Do Q\n")(heading)


@part
def half_painted_over(heading: str) -> bytes:
    """An opaque white rectangle is painted over the picture's lower half."""
    draw = f"q {WIDE:g} 0 0 {HIGH:g} 72 470 cm /Im1 Do Q\n1 g 70 468 {WIDE + 4:g} 32 re f 0 g\n"
    return _drawing(draw)(heading)


@part
def inline_clipped_in_half(heading: str) -> bytes:
    """An inline picture (BI/ID/EI) under a clip path that lets through its top half."""
    samples, width, height = _samples()
    data = zlib.compress(samples, 9).hex().encode("ascii") + b">"
    clip = f"q 72 500 {WIDE:g} 30 re W n {WIDE:g} 0 0 {HIGH:g} 72 470 cm\n"
    image = f"BI /W {width} /H {height} /CS /G /BPC 8 /F [/AHx /Fl]\nID\n"
    content = _text(72, 720, heading).encode("cp1252") + (clip + image).encode("ascii")
    return _page(content + data + b"\nEI\nQ\n")


@part
def turned_page_clipped_in_half(heading: str) -> bytes:
    """As `clipped_in_half`, on a page turned 90 degrees (/Rotate) and cropped (/CropBox)."""
    pdf = pikepdf.open(io.BytesIO(clipped_in_half(heading)))
    page = pdf.pages[0].obj
    page.Rotate, page.CropBox = 90, pikepdf.Array([20, 30, 560, 770])
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


@part
def flipped_clipped_in_half(heading: str) -> bytes:
    """Drawn upside down (a matrix of negative height), clipped to the half showing the caption."""
    return _drawing(f"q 72 410 {WIDE:g} 30 re W n {WIDE:g} 0 0 -{HIGH:g} 72 470 cm /Im1 Do Q\n")(
        heading
    )


def pattern_cell_in_half(heading: str) -> bytes:
    """The picture is a tiling pattern's cell; the rectangle the pattern fills is the cell's top
    half. (Not in `PARTS`: a picture inside a pattern is not read for its unseen part yet.)"""
    samples, width, height = _samples()

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        cell = pdf.make_stream(f"q {WIDE:g} 0 0 {HIGH:g} 0 0 cm /Im1 Do Q".encode("ascii"))
        cell.Type, cell.PatternType, cell.PaintType, cell.TilingType = (
            pikepdf.Name.Pattern,
            1,
            1,
            1,
        )
        cell.BBox, cell.XStep, cell.YStep = pikepdf.Array([0, 0, WIDE, HIGH]), WIDE, HIGH
        cell.Matrix = pikepdf.Array([1, 0, 0, 1, 72, 470])
        image = _image(pdf, samples, width, height)
        cell.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
        resources.Pattern = pikepdf.Dictionary(P1=cell)

    return _with(heading, f"/Pattern cs /P1 scn 72 500 {WIDE:g} 30 re f 0 g\n", setup)
