"""Attack round five, one class: the item drawn by a shading painted with the ``sh`` operator,
not by text, a path or a picture.

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5): ingest's OCR read the item off the page
and ``produce --redact-pattern`` boxed it, but MuPDF's redaction removes no shading, so the
produced file kept the shading whole under the painted box: a mesh of triangles (type 4)
tracing the letters, or a function-based shading (type 1) whose sampled function is a picture
of them. Deleting the box, or drawing the shading alone, reads ``DB-40981``; the gate passed
it (its box check looked at text, paths and pictures). Now `redaction.culled` removes a
shading a box touches, as a path is removed, and the gate refuses one left under a box.

Next in the class, a clip path (``W n``) of the letters' outlines with something plain painted
through it: a black rectangle filled, or a two-colour blend. Ingest's OCR never read it (the
path MuPDF lists is a rectangle, or none), so ``produce --redact-pattern`` wrote the page out
showing the item; boxed by hand, the outline stayed under the box. Now a clip path of letter
outlines is read by OCR (`shows.outlines.outlined_clips`), the redactor drops each clip subpath
a box touches (a frame round the box stays) and a blend painted through it, and the gate
refuses a clip outline left under a box.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Callable, Iterator

import pikepdf
import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import Redaction, redact
from tests.redaction.channels import LINE, PLAIN, _with
from tests.redaction.drawn import ITEM
from tests.redaction.extractors import contains, found_in, ocr, texts
from tests.redaction.pdf_blocks import _advances, _outline, _page, _text
from tests.redaction.volumes import Volumes, refused_in_one_line

#: Where the item's line is drawn: its left edge, its bottom and its size, in points.
LEFT, BOTTOM, SIZE = 72.0, 600.0, 14.0


def _bitmap() -> tuple[bytes, int, int, float, float]:
    """`LINE` as black-and-white samples (0 ink, 255 ground, row 0 on top), the picture's
    width and height in samples and in points."""
    width = pymupdf.get_text_length(LINE, fontsize=SIZE) + 8
    with pymupdf.open() as doc:
        page = doc.new_page(width=width, height=SIZE * 1.8)
        page.insert_text((4, SIZE * 1.3), LINE, fontsize=SIZE)
        pix = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
    samples = bytes(255 if s > 128 else 0 for s in pix.samples)
    return samples, pix.width, pix.height, width, SIZE * 1.8


def _triangles() -> bytes:
    """A free-form triangle mesh (type 4) data stream: two black triangles for each run of
    ink of each row of `_bitmap`, coordinates in 16 bits over the page."""
    samples, w, h, points_wide, points_high = _bitmap()
    sx, sy = points_wide / w, points_high / h
    data = bytearray()
    for row in range(h):
        column = 0
        while column < w:
            if samples[row * w + column]:
                column += 1
                continue
            end = column
            while end < w and not samples[row * w + end]:
                end += 1
            x0, x1 = LEFT + column * sx, LEFT + end * sx
            y1 = BOTTOM + points_high - row * sy
            y0 = y1 - sy
            for corner in ((x0, y0), (x1, y0), (x1, y1), (x0, y0), (x1, y1), (x0, y1)):
                x, y = round(corner[0] / 612 * 65535), round(corner[1] / 792 * 65535)
                data += struct.pack(">BHHB", 0, x, y, 0)
            column = end
    return bytes(data)


def mesh_of_letters(heading: str) -> bytes:
    """The item's line as a type 4 mesh of black triangles, painted by ``sh``."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        mesh = pdf.make_stream(
            zlib.compress(_triangles()),
            ShadingType=4,
            ColorSpace=pikepdf.Name.DeviceGray,
            BitsPerCoordinate=16,
            BitsPerComponent=8,
            BitsPerFlag=8,
            Decode=[0, 612, 0, 792, 0, 1],
            Filter=pikepdf.Name.FlateDecode,
        )
        resources.Shading = pikepdf.Dictionary(Sh1=mesh)

    return _with(heading, "q /Sh1 sh Q\n", setup)


def sampled_picture(heading: str) -> bytes:
    """The item's line as a function-based shading (type 1) of a sampled function: a picture
    that is no image."""
    samples, w, h, points_wide, points_high = _bitmap()

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        function = pdf.make_stream(
            samples,
            FunctionType=0,
            Domain=[0, 1, 0, 1],
            Range=[0, 1],
            Size=[w, h],
            BitsPerSample=8,
        )
        shading = pdf.make_indirect(
            pikepdf.Dictionary(
                ShadingType=1,
                ColorSpace=pikepdf.Name.DeviceGray,
                Domain=[0, 1, 0, 1],
                Matrix=[points_wide, 0, 0, -points_high, LEFT, BOTTOM + points_high],
                Function=function,
            )
        )
        resources.Shading = pikepdf.Dictionary(Sh1=shading)

    return _with(heading, "q /Sh1 sh Q\n", setup)


def _letters_clip() -> str:
    """A clip path of the item's line's letter outlines (``W n``)."""
    return (
        "".join(
            _outline(char, SIZE / 1000, LEFT + 4 + advance, BOTTOM + 7)
            for char, advance in zip(LINE, _advances(LINE, SIZE), strict=True)
            if char != " "
        )
        + "W n "
    )


def fill_through_letters(heading: str) -> bytes:
    """The item's line as a clip path of its letters' outlines, a black rectangle over the
    whole line filled through it."""
    return _with(heading, f"q {_letters_clip()}0 g 60 590 400 40 re f Q\n")


def picture_through_letters(heading: str) -> bytes:
    """The item's line as a clip path of its letters' outlines, a dark grey picture (8 by 2
    samples) over the whole line drawn through it."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        picture = pdf.make_stream(
            bytes([40] * 16),
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Image,
            Width=8,
            Height=2,
            ColorSpace=pikepdf.Name.DeviceGray,
            BitsPerComponent=8,
        )
        resources.XObject = pikepdf.Dictionary(Im1=picture)

    return _with(heading, f"q {_letters_clip()}400 0 0 40 60 590 cm /Im1 Do Q\n", setup)


def blend_through_letters(heading: str) -> bytes:
    """The item's line as a clip path of its letters' outlines, a plain black-to-black axial
    blend painted through it by ``sh``."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        function = pdf.make_indirect(
            pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0], C1=[0], N=1)
        )
        blend = pikepdf.Dictionary(
            ShadingType=2, ColorSpace=pikepdf.Name.DeviceGray, Coords=[0, 0, 612, 0]
        )
        blend.Function = function
        resources.Shading = pikepdf.Dictionary(Sh1=pdf.make_indirect(blend))

    return _with(heading, f"q {_letters_clip()}/Sh1 sh Q\n", setup)


FILES: dict[str, Callable[[str], bytes]] = {
    "blend_through_letters": blend_through_letters,
    "fill_through_letters": fill_through_letters,
    "mesh_of_letters": mesh_of_letters,
    "picture_through_letters": picture_through_letters,
    "sampled_picture": sampled_picture,
}
NAMES = sorted(FILES)
#: What cannot be redacted truly, only refused: a picture drawn through a clip of the letters'
#: outlines shows past the box once the outline goes (its pixels are blanked only under it).
REFUSED = frozenset({"picture_through_letters"})


#: A box as `marks.boxlabel.draw_box` paints it: a black rectangle filled.
_BOX = re.compile(rb"0 0 0 rg\s+(?:-?[\d.]+\s+){4}re\s+f")


def unboxed(pdf: bytes) -> str:
    """What Tesseract reads of `pdf`'s pages with every black box deleted from their content
    (forms too), as anyone with a PDF editor can delete one: what the box only covered."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if (isinstance(obj, pikepdf.Stream) and "/Subtype" not in obj) or (
                isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form"
            ):
                try:
                    data = obj.read_bytes()
                except pikepdf.PdfError:
                    continue
                if _BOX.search(data):
                    obj.write(_BOX.sub(b"", data))
        opened = io.BytesIO()
        doc.save(opened)
    return ocr(opened.getvalue())


@pytest.mark.parametrize("name", NAMES)
def test_the_page_shows_the_item_as_a_shading_alone(name: str) -> None:
    pdf = FILES[name](PLAIN)
    assert not found_in(texts(pdf), ITEM)
    assert contains(ocr(pdf), ITEM)


def _boxed() -> tuple[float, float, float, float]:
    """The item's line on the page, in page coordinates (top-left origin), a point wider."""
    top = 792 - BOTTOM - SIZE * 1.8
    width = pymupdf.get_text_length(LINE, fontsize=SIZE) + 8
    return (LEFT - 1, top - 1, LEFT + width + 1, 792 - BOTTOM + 1)


@pytest.mark.parametrize("name", NAMES)
def test_a_box_over_a_shading_takes_it_out_of_the_file(name: str) -> None:
    pdf = FILES[name](PLAIN)
    done = redact(pdf, [Redaction(page=0, reason="REDACTED", rect=_boxed(), label="code")])
    assert not contains(unboxed(done.pdf), ITEM)
    findings = verify(done.pdf, [("code", ITEM)], boxes=done.boxes, original=pdf, xray=False)
    if name in REFUSED:  # the picture, its clip gone, shows past the box: refused, not leaked
        assert [f.check for f in findings] == ["render"], findings
    else:
        assert not findings


@pytest.mark.parametrize("name", NAMES)
def test_the_gate_refuses_a_shading_left_under_a_box(name: str) -> None:
    """As the redactor left it before: the shading whole, a black box painted over it."""
    box = _boxed()
    x0, y0, x1, y1 = box
    with pikepdf.open(io.BytesIO(FILES[name](PLAIN))) as pdf:
        painted = f"0 g {x0:g} {792 - y1:g} {x1 - x0:g} {y1 - y0:g} re f\n".encode()
        pdf.pages[0].contents_add(pdf.make_stream(painted), prepend=False)
        covered = io.BytesIO()
        pdf.save(covered)
    findings = verify(covered.getvalue(), [("code", ITEM)], boxes=[(0, box, "code")], xray=False)
    assert any(f.check == "box" and "under the box" in f.detail for f in findings), findings


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("shadings"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", NAMES)
def test_a_produced_page_keeps_no_shading_of_the_item(volumes: Volumes, name: str) -> None:
    produced = volumes.produce(name, FILES[name], PLAIN)
    if isinstance(produced, str):
        refused_in_one_line(produced)
        return
    assert not found_in(texts(produced), ITEM)
    assert not contains(unboxed(produced), ITEM), name


def _gradient_ground() -> bytes:
    """A page whose ground is a plain grey-to-white axial blend under the whole page, the
    item's line written on it as text."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        function = pdf.make_indirect(
            pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0.8], C1=[1], N=1)
        )
        blend = pikepdf.Dictionary(
            ShadingType=2, ColorSpace=pikepdf.Name.DeviceGray, Coords=[0, 0, 0, 792]
        )
        blend.Function = function
        resources.Shading = pikepdf.Dictionary(G=pdf.make_indirect(blend))

    ground = "q 0 0 612 792 re W n /G sh Q\n"
    return _page(ground + _text(72, 720, PLAIN) + _text(LEFT, BOTTOM, LINE), setup)


def test_a_gradient_ground_under_a_box_is_kept_and_passes() -> None:
    """A plain blend can draw no letter: it stays under the box, and the page is produced
    (removing it would change the page outside every box, and the gate refuse it)."""
    pdf = _gradient_ground()
    done = redact(pdf, [Redaction(page=0, reason="REDACTED", text=ITEM, label="code")])
    assert not verify(done.pdf, [("code", ITEM)], boxes=done.boxes, original=pdf, xray=False)
    with pymupdf.open(stream=done.pdf) as doc:
        assert any(kind == "fill-shade" for kind, _ in doc[0].get_bboxlog())


def _extended_ground() -> bytes:
    """A page whose ground is a plain blend extended both ways and painted with no clip (it
    fills whatever the clip is: the whole plane), the item's line written on it."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        function = pdf.make_indirect(
            pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0.8], C1=[1], N=1)
        )
        blend = pikepdf.Dictionary(
            ShadingType=2,
            ColorSpace=pikepdf.Name.DeviceGray,
            Coords=[0, 0, 0, 792],
            Extend=[True, True],
        )
        blend.Function = function
        resources.Shading = pikepdf.Dictionary(G=pdf.make_indirect(blend))

    return _page("/G sh\n" + _text(72, 720, PLAIN) + _text(LEFT, BOTTOM, LINE), setup)


def test_a_ground_painted_with_no_clip_is_redacted_not_a_mupdf_error() -> None:
    """The redactor's spelling check read the page's text with pictures kept and no clip, and
    MuPDF, asked for the whole plane's shading as a picture, raised 'Overly wide image': a raw
    RuntimeError out of ``produce --redact-pattern`` (a traceback, the volume not made)."""
    pdf = _extended_ground()
    done = redact(pdf, [Redaction(page=0, reason="REDACTED", text=ITEM, label="code")])
    assert not found_in(texts(done.pdf), ITEM)
    assert not verify(done.pdf, [("code", ITEM)], boxes=done.boxes, original=pdf, xray=False)


def test_a_rectangle_clip_under_a_box_is_no_letter_outline() -> None:
    """A clip that is one rectangle (a placed page's frame, a text block's, as a sealed page
    blanked whole carries) shapes no letter: the gate passes it under a box (it refused the
    access tests' sealed Ex. 7, one page blanked whole, for 'a clip path's outline')."""
    x0, y0, x1, y1 = box = _boxed()
    frame = f"q {x0 + 2:g} {792 - y1 + 2:g} {x1 - x0 - 4:g} {y1 - y0 - 4:g} re W n Q\n"
    painted = f"0 g {x0:g} {792 - y1:g} {x1 - x0:g} {y1 - y0:g} re f\n"
    pdf = _page(_text(72, 720, PLAIN) + frame + painted)
    assert not verify(pdf, [("code", ITEM)], boxes=[(0, box, "code")], xray=False)
