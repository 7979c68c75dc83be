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


def _cell(pdf: pikepdf.Pdf, content: str, resources: pikepdf.Dictionary) -> pikepdf.Stream:
    """A coloured tiling pattern whose cell, one picture's size, draws `content`."""
    cell = pdf.make_stream(content.encode("ascii"))
    cell.Type, cell.PatternType, cell.PaintType, cell.TilingType = pikepdf.Name.Pattern, 1, 1, 1
    cell.BBox, cell.XStep, cell.YStep = pikepdf.Array([0, 0, WIDE, HIGH]), WIDE, HIGH
    cell.Matrix = pikepdf.Array([1, 0, 0, 1, 72, 470])
    cell.Resources = resources
    return cell


@part
def pattern_cell_in_half(heading: str) -> bytes:
    """The picture is a tiling pattern's cell; the rectangle the pattern fills is its top half."""
    return _patterned(heading, f"/Pattern cs /P1 scn 72 500 {WIDE:g} 30 re f 0 g\n")


def _patterned(heading: str, fill: str) -> bytes:
    """`heading`, then ``fill`` painted with the pattern /P1 whose cell is the picture."""
    samples, width, height = _samples()

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        image = _image(pdf, samples, width, height)
        inner = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
        draw = f"q {WIDE:g} 0 0 {HIGH:g} 0 0 cm /Im1 Do Q"
        resources.Pattern = pikepdf.Dictionary(P1=_cell(pdf, draw, inner))

    return _with(heading, fill, setup)


@part
def pattern_form_in_half(heading: str) -> bytes:
    """As `pattern_cell_in_half`, the cell drawing a form XObject that draws the picture."""
    samples, width, height = _samples()

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        form = pdf.make_stream(f"q {WIDE:g} 0 0 {HIGH:g} 0 0 cm /Im1 Do Q".encode("ascii"))
        form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        form.BBox = pikepdf.Array([0, 0, WIDE, HIGH])
        image = _image(pdf, samples, width, height)
        form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
        inner = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=form))
        resources.Pattern = pikepdf.Dictionary(P1=_cell(pdf, "/Fm1 Do", inner))

    return _with(heading, f"/Pattern cs /P1 scn 72 500 {WIDE:g} 30 re f 0 g\n", setup)


def _pattern_in_form(fill: str) -> Callable[[str], bytes]:
    """A page drawing a form that paints `fill` with the pattern of `pattern_cell_in_half`,
    the pattern named in the form's resources (not the page's)."""
    samples, width, height = _samples()

    def build(heading: str) -> bytes:
        def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
            image = _image(pdf, samples, width, height)
            inner = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
            cell = _cell(pdf, f"q {WIDE:g} 0 0 {HIGH:g} 0 0 cm /Im1 Do Q", inner)
            form = pdf.make_stream(fill.encode("ascii"))
            form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
            form.BBox = pikepdf.Array([0, 0, 612, 792])
            form.Resources = pikepdf.Dictionary(Pattern=pikepdf.Dictionary(P1=cell))
            resources.XObject = pikepdf.Dictionary(Fm1=form)

        return _with(heading, "/Fm1 Do\n", setup)

    return build


@part
def pattern_in_form_in_half(heading: str) -> bytes:
    """As `pattern_cell_in_half`, the pattern painted by a form the page draws."""
    return _pattern_in_form(f"/Pattern cs /P1 scn 72 500 {WIDE:g} 30 re f")(heading)


def pattern_in_form_whole(heading: str) -> bytes:
    """A form paints the pattern's whole cell. (Not in `PARTS`: nothing is unseen.)"""
    return _pattern_in_form(f"/Pattern cs /P1 scn 72 470 {WIDE:g} {HIGH:g} re f")(heading)


def type3_glyph_in_half(heading: str) -> bytes:
    """A Type 3 font's one glyph (a coloured one, ``d0``) draws the picture; the page shows
    the glyph inside a clip path that lets through the picture's top half. (Not in `PARTS`:
    MuPDF places a glyph's picture nowhere, so it is refused, not blanked.)"""
    samples, width, height = _samples()

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        proc = pdf.make_stream(f"{WIDE:g} 0 d0 q {WIDE:g} 0 0 {HIGH:g} 0 0 cm /Im1 Do Q".encode())
        image = _image(pdf, samples, width, height)
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type3,
            FontBBox=pikepdf.Array([0, 0, WIDE, HIGH]),
            FontMatrix=pikepdf.Array([1, 0, 0, 1, 0, 0]),
            CharProcs=pikepdf.Dictionary(g=proc),
            Encoding=pikepdf.Dictionary(Differences=pikepdf.Array([65, pikepdf.Name.g])),
            FirstChar=65,
            LastChar=65,
            Widths=pikepdf.Array([WIDE]),
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image)),
        )
        resources.Font.T3 = pdf.make_indirect(font)

    clip = f"q 72 500 {WIDE:g} 30 re W n BT /T3 1 Tf 72 470 Td (A) Tj ET Q\n"
    return _with(heading, clip, setup)


@part
def appearance_in_half(heading: str) -> bytes:
    """A stamp annotation's appearance stream draws the picture clipped to its top half."""
    samples, width, height = _samples()
    pdf = pikepdf.open(io.BytesIO(_with(heading, "")))
    form = pdf.make_stream(
        f"q 0 30 {WIDE:g} 30 re W n {WIDE:g} 0 0 {HIGH:g} 0 0 cm /Im1 Do Q".encode("ascii")
    )
    form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    form.BBox = pikepdf.Array([0, 0, WIDE, HIGH])
    form.Resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(Im1=_image(pdf, samples, width, height))
    )
    annot = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Stamp,
            Rect=pikepdf.Array([72, 470, 72 + WIDE, 470 + HIGH]),
            F=4,
            AP=pikepdf.Dictionary(N=form),
        )
    )
    pdf.pages[0].obj.Annots = pikepdf.Array([annot])
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def tiled(heading: str) -> bytes:
    """A rectangle of 2.5 by 4.5 cells filled with the pattern of `pattern_cell_in_half`: the
    picture shows whole in some tile, cut in others. (Not in `PARTS`: nothing is unseen.)"""
    return _patterned(
        heading, f"/Pattern cs /P1 scn 20 100 {2.5 * WIDE:g} {4.5 * HIGH:g} re f 0 g\n"
    )
