"""Round three of places a page may carry a text item, built for `test_painted`: each builder
makes a one-page file carrying ``DB-40981`` (`drawn.ITEM`) beside a heading line, in a way the
earlier rounds (`adversarial`, `channels`, `test_more_channels`) did not try. Content streams
by hand, with pikepdf.

Docstrings as in `channels`: ``SHOWN:`` a viewer draws the item, ``HELD:`` the file holds it
where no viewer shows it (here: a picture of it that the page never lets be seen).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import pikepdf
import pymupdf
from fontTools.agl import UV2AGL
from fontTools.pens.recordingPen import RecordingPen

from tests.redaction.channels import LINE, Setup, _with
from tests.redaction.drawn import FIRST, composite
from tests.redaction.pdf_blocks import _advances, _nimbus, _page, _picture, _text

PAINTED: dict[str, Callable[..., bytes]] = {}


def painted(build: Callable[..., bytes]) -> Callable[..., bytes]:
    doc = (build.__doc__ or "").strip()
    assert doc.split(":")[0] in ("SHOWN", "HELD") and "\n" not in doc, build.__name__
    PAINTED[build.__name__] = build
    return build


# -- glyphs as straight lines ------------------------------------------------------------------


def _flattened(text: str, x: float, y: float, size: float, steps: int = 6) -> str:
    """Path operators filling each glyph of `text` (Helvetica) with every curve of its outline
    cut into `steps` straight segments: letters with no curve segment at all."""
    _, strings = _nimbus()
    scale, ops = size / 1000, []
    for char, dx in zip(text, _advances(text, size), strict=True):
        if char == " ":
            continue
        pen = RecordingPen()
        strings[UV2AGL[ord(char)]].draw(pen)
        here = (0.0, 0.0)
        points: list[tuple[float, float]] = []
        for verb, args in pen.value:
            if verb == "moveTo":
                ops.append(f"{x + dx + args[0][0] * scale:.2f} {y + args[0][1] * scale:.2f} m")
                here = args[0]
                continue
            if verb == "lineTo":
                points = [args[0]]
            elif verb == "curveTo":
                (x1, y1), (x2, y2), (x3, y3) = args
                points = []
                for i in range(1, steps + 1):
                    t, u = i / steps, 1 - i / steps
                    points.append(
                        (
                            u**3 * here[0] + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                            u**3 * here[1] + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
                        )
                    )
            else:
                ops.append("h")
                continue
            ops.extend(f"{x + dx + px * scale:.2f} {y + py * scale:.2f} l" for px, py in points)
            here = points[-1]
        ops.append("f")
    return "\n".join(ops) + "\n"


@painted
def outlines_of_straight_lines(heading: str = FIRST) -> bytes:
    """SHOWN: the item's line as filled glyph outlines whose curves are flattened to lines."""
    return _with(heading, "0 g\n" + _flattened(LINE, 72, 600, 14))


@painted
def dash_set_apart(heading: str = FIRST) -> bytes:
    """SHOWN: the item with a space each side of its dash, as OCR's words cut at it read."""
    return _with(heading, _text(72, 600, "code DB - 40981 entered"))


# -- a simple font whose map lies --------------------------------------------------------------

_LYING_MAP = (
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lies def "
    "1 begincodespacerange <00> <FF> endcodespacerange "
    "2 beginbfchar <4F> <004F> <6C> <006C> endbfchar "
    "endcmap CMapName currentdict /CMap defineresource pop end end"
)


@painted
def simple_font_map_lies(heading: str = FIRST) -> bytes:
    """SHOWN: Helvetica printing codes 'O', 'l' as zero, one; its /ToUnicode says 'O', 'l'."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        differences = pikepdf.Array([0x4F, pikepdf.Name.zero, 0x6C, pikepdf.Name.one])
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Dictionary(
                BaseEncoding=pikepdf.Name.WinAnsiEncoding, Differences=differences
            ),
            ToUnicode=pdf.make_stream(_LYING_MAP.encode("ascii")),
        )
        resources.Font.F3 = pdf.make_indirect(font)

    return _with(heading, _text(72, 600, "code DB-4O98l entered", font="F3"), setup)


@painted
def composite_font_map_unconfirmed(heading: str = FIRST) -> bytes:
    """SHOWN: a composite font with no cmap in its program, its map reading 0 and 1 as O, l."""
    return composite(cmap=False, first=heading)


# -- pictures no viewer shows ------------------------------------------------------------------


def _picture_of(line: str, extra: Callable[[pikepdf.Pdf, pikepdf.Stream], None] | None) -> Setup:
    """A grey picture of `line` as /Im1 (``extra`` changes it)."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        png, _, _ = _picture(line, 14)
        pix = pymupdf.Pixmap(png)
        if pix.n != 1:
            pix = pymupdf.Pixmap(pymupdf.csGRAY, pix)
        image = pdf.make_stream(
            zlib.compress(pix.samples),
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Image,
            Width=pix.width,
            Height=pix.height,
            ColorSpace=pikepdf.Name.DeviceGray,
            BitsPerComponent=8,
            Filter=pikepdf.Name.FlateDecode,
        )
        if extra is not None:
            extra(pdf, image)
        resources.XObject = pikepdf.Dictionary(Im1=image)

    return setup


_DRAW = "q 200 0 0 25 72 590 cm /Im1 Do Q\n"


@painted
def picture_under_white(heading: str = FIRST) -> bytes:
    """HELD: a picture of the item's line, painted over by a white rectangle."""
    return _with(heading, _DRAW + "1 g 60 580 240 45 re f 0 g\n", _picture_of(LINE, None))


@painted
def picture_clipped_away(heading: str = FIRST) -> bytes:
    """HELD: a picture of the item's line drawn inside a clip far from it."""
    return _with(heading, f"q 400 100 5 5 re W n {_DRAW}Q\n", _picture_of(LINE, None))


@painted
def picture_off_the_page(heading: str = FIRST) -> bytes:
    """HELD: a picture of the item's line drawn to the right of the MediaBox."""
    return _with(heading, "q 200 0 0 25 700 590 cm /Im1 Do Q\n", _picture_of(LINE, None))


def _transparent(pdf: pikepdf.Pdf, image: pikepdf.Stream) -> None:
    width, height = int(image.Width), int(image.Height)
    image.SMask = pdf.make_stream(
        zlib.compress(bytes(width * height)),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=width,
        Height=height,
        ColorSpace=pikepdf.Name.DeviceGray,
        BitsPerComponent=8,
        Filter=pikepdf.Name.FlateDecode,
    )


@painted
def picture_fully_transparent(heading: str = FIRST) -> bytes:
    """HELD: a picture of the item's line whose soft mask lets nothing of it through."""
    return _with(heading, _DRAW, _picture_of(LINE, _transparent))


@painted
def picture_alternate(heading: str = FIRST) -> bytes:
    """HELD: a picture saying 'Nothing further.' whose /Alternates (for print) picture the item."""

    def alternate(pdf: pikepdf.Pdf, image: pikepdf.Stream) -> None:
        holder = pikepdf.Dictionary()
        _picture_of(LINE, None)(pdf, holder)
        image.Alternates = pikepdf.Array(
            [pikepdf.Dictionary(Image=holder.XObject.Im1, DefaultForPrinting=True)]
        )

    return _with(heading, _DRAW, _picture_of("Nothing further.", alternate))


@painted
def inline_picture_under_white(heading: str = FIRST) -> bytes:
    """HELD: a picture of the item's line inline in the content (BI/ID/EI), painted over."""
    png, _, _ = _picture(LINE, 14)
    pix = pymupdf.Pixmap(png)
    if pix.n != 1:
        pix = pymupdf.Pixmap(pymupdf.csGRAY, pix)
    inline = (
        f"q 200 0 0 25 72 590 cm BI /W {pix.width} /H {pix.height} /CS /G /BPC 8 ID\n".encode()
        + pix.samples
        + b"\nEI Q\n1 g 60 580 240 45 re f 0 g\n"
    )
    return _page(_text(72, 720, heading).encode("cp1252") + inline)
