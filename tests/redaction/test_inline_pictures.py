"""Attack round seven, one class: a redaction refused (failing closed) though it could be done
truly. A scanned page whose picture is inline in the content (``BI ... ID ... EI``, as several
scanners and PDF tools write small scans), a box over the line of the picture holding the item
and another line of it left showing.

file (the inline picture)           was (a box over the item's line)
flate_hex (/F [/AHx /Fl])           refused: box ("an inline image under the box")
dct_hex (/F [/AHx /DCT], a JPEG)    refused: box, render (see below)
image_mask (/IM true, 1 bit)        refused: box
named_space (/CS /CS0, an /Indexed  refused: box
  space in the page's resources)
in_a_form (drawn by a form)         refused: box
dct_object (a JPEG image object)    refused: render (the next member: no inline picture)

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5): MuPDF blanked the boxed part of the
picture, but the gate cannot decode an inline picture (it lists none by object number), so it
refused the page, and the render check allowed no blanked pixels about the box. Now the
redactor makes each inline picture of a boxed page, of the forms it draws and of its patterns'
cells an image object first (`redaction.inline`): the page draws the same, and every check of
an image object applies to it.

The JPEG was the next member, inline or not: MuPDF writes the redacted picture Flate-encoded,
its samples unchanged but its ``/DeviceGray`` made ``/ICCBased`` (MuPDF's sGray profile), and
renders a JPEG drawn at a quarter of its size from a scaled-down decoding, the Flate copy by
sampling it: the render check's 36 dpi pictures differed about the kept line. The colour space
is now put back (`redaction.recolour`), and a page that differs is compared again at its
pictures' own resolution (`check_render._picture_dpi`). A picture in a ``/Separation`` or
``/DeviceN`` space came back converted to its alternate ``/DeviceCMYK``, its colours changed
(refused: render): it is written again in its own space, no ink where MuPDF blanked it.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable

import pikepdf
import pymupdf
import pytest
from PIL import Image

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.inline import externalize_inline
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, RedactionError, redact
from tests.redaction.channels import _form
from tests.redaction.drawn import ITEM
from tests.redaction.extractors import contains, found_in, ocr, pictures, texts
from tests.redaction.pdf_blocks import _page

KEPT = "harbour"
#: The picture's place: 300 x 60 points, its lower half (the item's line) under `BOX`.
PLACE = "300 0 0 60 72 600 cm"
BOX = (72.0, 162.0, 372.0, 192.0)
Setup = Callable[[pikepdf.Pdf, pikepdf.Dictionary], None]


def _scan() -> tuple[bytes, int, int]:
    """A grey picture (8 bits, 144 dpi) of two lines: `KEPT` above, the item below."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=300, height=60)
        page.insert_text((10, 25), KEPT, fontsize=16)
        page.insert_text((10, 52), f"ref {ITEM}", fontsize=16)
        pix = page.get_pixmap(dpi=144, colorspace=pymupdf.csGRAY)
        return bytes(pix.samples), pix.width, pix.height


def _inline(kind: str) -> bytes:
    """The scan as an inline picture, written as `kind` says (see the module's table)."""
    samples, width, height = _scan()
    size = f"/W {width} /H {height}"
    if kind == "dct_hex":
        jpeg = io.BytesIO()
        Image.frombytes("L", (width, height), samples).save(jpeg, "JPEG", quality=90)
        head, data = f"{size} /CS /G /BPC 8 /F [/AHx /DCT]", jpeg.getvalue().hex() + ">"
    elif kind == "image_mask":
        bits = Image.frombytes("L", (width, height), samples).point(lambda v: 255 * (v > 127))
        packed = bits.convert("1").tobytes()  # a 0 bit paints the fill colour: the ink
        head, data = f"{size} /IM true /BPC 1 /F [/AHx /Fl]", zlib.compress(packed).hex() + ">"
    else:
        space = "/CS0" if kind == "named_space" else "/G"
        head = f"{size} /CS {space} /BPC 8 /F [/AHx /Fl]"
        data = zlib.compress(samples, 9).hex() + ">"
    return f"q 0 g {PLACE}\nBI {head}\nID\n{data}\nEI\nQ\n".encode("ascii")


def _setup(kind: str) -> Setup:
    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        if kind == "named_space":
            ramp = pikepdf.String(bytes(range(256)))
            space = [pikepdf.Name.Indexed, pikepdf.Name.DeviceGray, 255, ramp]
            resources.ColorSpace = pikepdf.Dictionary(CS0=pikepdf.Array(space))
        elif kind == "in_a_form":
            form = _form(pdf, "", (0, 0, 612, 792))
            form.write(_inline("flate_hex"))
            resources.XObject = pikepdf.Dictionary(Fm1=form)

    return setup


def _jpeg_object() -> bytes:
    """The scan as a JPEG image object (no inline picture: the same render check)."""
    samples, width, height = _scan()
    jpeg = io.BytesIO()
    Image.frombytes("L", (width, height), samples).save(jpeg, "JPEG", quality=90)

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        image = pdf.make_stream(jpeg.getvalue())
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Filter, image.BitsPerComponent = pikepdf.Name.DCTDecode, 8
        image.Width, image.Height, image.ColorSpace = width, height, pikepdf.Name.DeviceGray
        resources.XObject = pikepdf.Dictionary(Im1=image)

    return _page(f"q {PLACE} /Im1 Do Q\n", setup)


def _scanned(kind: str) -> bytes:
    """A page whose only drawing is the scan, inline (see the module's table)."""
    if kind == "dct_object":
        return _jpeg_object()
    drawn = b"q /Fm1 Do Q\n" if kind == "in_a_form" else _inline(kind)
    return _page(drawn, _setup(kind))


KINDS = [
    "dct_object",
    "flate_hex",
    "dct_hex",
    "image_mask",
    "named_space",
    "in_a_form",
]


def _image_objects(pdf: bytes) -> int:
    with pymupdf.open(stream=pdf) as doc:
        xrefs = range(1, doc.xref_length())
        return sum(doc.xref_get_key(xref, "Subtype")[1] == "/Image" for xref in xrefs)


def _greys(pdf: bytes, rect: tuple[float, float, float, float]) -> bytes:
    with pymupdf.open(stream=pdf) as doc:
        x0, y0, x1, y1 = rect
        clip = pymupdf.Rect(x0 + 1, y0 + 1, x1 - 1, y1 - 1)
        return bytes(doc[0].get_pixmap(dpi=72, clip=clip, colorspace=pymupdf.csGRAY).samples)


@pytest.mark.parametrize("kind", KINDS)
def test_a_box_over_part_of_an_inline_picture_is_redacted_truly(kind: str) -> None:
    pdf = _scanned(kind)
    assert _image_objects(pdf) == (kind == "dct_object")  # the premise: the picture is inline
    done = redact(pdf, [Redaction(page=0, reason="R", rect=BOX, label="r")], WIDTH_POLICY)
    # the gate (its OCR of the page, its pixel checks under and about the box) passes it
    assert verify(done.pdf, [("r", ITEM)], boxes=done.boxes, original=pdf, xray=False) == []
    box = _greys(done.pdf, BOX)  # black but for its small white label
    assert box.count(0) > 0.9 * len(box)
    assert found_in(texts(done.pdf), ITEM) == []
    read, held = ocr(done.pdf), pictures(done.pdf)
    assert not contains(read, ITEM) and not contains(held, ITEM)
    assert contains(read, KEPT) and contains(held, KEPT)  # the other line still shows


def _spot(family: str) -> bytes:
    """The scan as an image object in a `family` (``Separation`` or ``DeviceN``) space of one
    ink, its alternate ``DeviceCMYK`` (the tint as black)."""
    samples, width, height = _scan()

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        image = pdf.make_stream(zlib.compress(bytes(255 - v for v in samples)))
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Filter, image.BitsPerComponent = pikepdf.Name.FlateDecode, 8
        image.Width, image.Height = width, height
        tint = pdf.make_stream(b"{0 0 0 4 -1 roll}")
        tint.FunctionType, tint.Domain, tint.Range = 4, [0, 1], [0, 1] * 4
        ink = pikepdf.Name("/Spot1")
        names = ink if family == "Separation" else pikepdf.Array([ink])
        image.ColorSpace = pikepdf.Array(
            [pikepdf.Name("/" + family), names, pikepdf.Name.DeviceCMYK, tint]
        )
        resources.XObject = pikepdf.Dictionary(Im1=image)

    return _page(f"q {PLACE} /Im1 Do Q\n", setup)


@pytest.mark.parametrize("family", ["Separation", "DeviceN"])
def test_a_box_over_a_spot_colour_picture_is_redacted_truly(family: str) -> None:
    """MuPDF writes the redacted picture converted to its alternate space (``DeviceCMYK``
    through its own SWOP profile): its colours changed beside the box. Measured when written:
    the render check refused it ("86 pixel(s) differ from the original outside the boxes").
    Now the picture is written again in its own space, no ink where MuPDF blanked it."""
    pdf = _spot(family)
    done = redact(pdf, [Redaction(page=0, reason="R", rect=BOX, label="r")], WIDTH_POLICY)
    assert verify(done.pdf, [("r", ITEM)], boxes=done.boxes, original=pdf, xray=False) == []
    held = pictures(done.pdf)
    assert not contains(held, ITEM) and contains(held, KEPT)


def test_a_spot_colour_picture_that_cannot_be_told_is_refused_in_one_line() -> None:
    """The same picture with its inks inverted by ``/Decode [1 0]``: which samples are blank
    is not told, and the redactor refuses it in one line naming the colour space."""
    source = pikepdf.open(io.BytesIO(_spot("Separation")))
    source.pages[0].Resources.XObject.Im1.Decode = pikepdf.Array([1, 0])
    out = io.BytesIO()
    source.save(out)
    with pytest.raises(RedactionError) as refused:
        redact(out.getvalue(), [Redaction(page=0, reason="R", rect=BOX, label="r")])
    assert str(refused.value) == (
        "page 1: a picture in a Separation colour space under the box of item 'r' cannot be "
        "redacted without changing its colours (a PyMuPDF limitation); withhold the page"
    )


def test_an_inline_picture_in_a_pattern_cell_under_a_box_is_refused_not_passed() -> None:
    """The scan inline in a tiling pattern's cell, the pattern filling the scan's place once:
    made an image object, it is redacted as a pattern's picture is (MuPDF does not blank a
    cell's pixels: `test_picture_parts`). Measured when written: refused (shown, render),
    the item held in the cell's picture; the refusal does not say it."""
    cell = _inline("flate_hex").replace(PLACE.encode(), b"300 0 0 60 0 0 cm")

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        pattern = pdf.make_stream(cell)
        pattern.Type, pattern.PatternType = pikepdf.Name.Pattern, 1
        pattern.PaintType, pattern.TilingType = 1, 1
        pattern.BBox, pattern.XStep, pattern.YStep = pikepdf.Array([0, 0, 300, 60]), 300, 60
        pattern.Matrix, pattern.Resources = pikepdf.Array([1, 0, 0, 1, 72, 600]), {}
        resources.Pattern = pikepdf.Dictionary(P1=pattern)

    pdf = _page(b"/Pattern cs /P1 scn 72 600 300 60 re f\n", setup)
    done = redact(pdf, [Redaction(page=0, reason="R", rect=BOX, label="r")], WIDTH_POLICY)
    findings = verify(done.pdf, [("r", ITEM)], boxes=done.boxes, original=pdf, xray=False)
    assert findings or not contains(pictures(done.pdf), ITEM)
    assert all(ITEM not in str(finding) for finding in findings)


def test_a_page_sharing_its_content_with_another_keeps_the_other_as_it_was() -> None:
    """Two pages draw one content stream (the inline scan) with one resources dictionary, the
    second inheriting them from the page tree: the first is redacted, the second still draws
    the whole scan inline, as it did."""
    pdf = pikepdf.open(io.BytesIO(_scanned("flate_hex")))
    first = pdf.pages[0].obj
    pdf.Root.Pages.Resources = first.Resources
    del first["/Resources"]
    twin = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=first.MediaBox, Contents=first.Contents)
    )
    twin.Parent = pdf.Root.Pages
    pdf.Root.Pages.Kids.append(twin)
    pdf.Root.Pages.Count = 2
    out = io.BytesIO()
    pdf.save(out)
    source = out.getvalue()
    done = redact(source, [Redaction(page=0, reason="R", rect=BOX, label="r")], WIDTH_POLICY)
    assert verify(done.pdf, [], boxes=done.boxes, original=source, xray=False) == []
    with pymupdf.open(stream=source) as before, pymupdf.open(stream=done.pdf) as after:
        assert after[1].get_pixmap(dpi=36).samples == before[1].get_pixmap(dpi=36).samples
        assert after[0].get_pixmap(dpi=36).samples != before[0].get_pixmap(dpi=36).samples


@pytest.mark.parametrize("kind", ["image_mask", "flate_hex"])
def test_a_picture_only_painted_over_fails_the_box_check(kind: str) -> None:
    """The scan made an image object and a black box painted over its lower line, nothing
    blanked: the box check looks at the picture's pixels under the box. Measured when
    written: a stencil mask (``/ImageMask``, logged as ``fill-imgmask``) was never looked at,
    and the check passed it whole; the grey picture was refused."""
    with pymupdf.open(stream=_scanned(kind)) as doc:
        assert externalize_inline(doc, [0]) == 1
        doc[0].draw_rect(pymupdf.Rect(BOX), color=None, fill=(0, 0, 0), overlay=True)
        covered = doc.tobytes(garbage=1)
    findings = verify(covered, [], boxes=[(0, BOX, "r")], xray=False, ocr=False)
    assert [(f.check, f.detail) for f in findings] == [
        ("box", "image pixels that were not blanked under the box of item 'r'")
    ]
