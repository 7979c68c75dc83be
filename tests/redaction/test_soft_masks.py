"""Attack round six, one class: the item drawn in a soft mask's group. A graphics state's
``/SMask`` makes a group's drawing (its luminosity) the mask of what the page paints next: a
black bar painted through a group that draws ``ref DB-40981`` in white prints the item.

file                    what the group draws                      was (redact by its rectangle)
picture                 a picture of the line, white on black     LEAK: pictures (gate passed)
text                    the line as white text                    refused: raw
clip_text               the line's outlines (text in mode 7 as a  refused: raw
                        clip, a white fill through it)
in_a_moved_form         the picture, the state set in a form the  LEAK: pictures (gate passed)
                        page draws moved down a hundred points
in_a_mask               the picture, in the group of a soft mask  LEAK: pictures (gate passed)
                        set in the group of the page's own

in_a_pattern_cell       the picture, the state set in the cell of LEAK: pictures (gate passed)
                        the tiling pattern the bar is filled with

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5): MuPDF's redaction removed the bar under
the box and left the group whole (it reads a page's content and its forms, never a graphics
state's group). The picture stayed in the file (``pdfimages`` and OCR of it read the item) and
the gate, which reads what pages draw, passed it; the text stayed where ``pdftotext`` reads it
(the gate's byte scan refused those, so the document could not go out at all). Now the
redactor redacts every soft-mask group a boxed page sets, drawn alone where the page draws it
(`redaction.softmask`): the item goes from the group as from the page, the rest stays.

A soft mask set inside a tiling pattern's cell is not redacted so (a cell repeats: its group
would need redacting once for each tile a box reaches), and the last file leaked still. Now
a group that nothing is painted through once the boxes are in is emptied, wherever it is set
(`shows.unseen_masks`), and the gate refuses a boxed page reaching one that still draws
something; the pictures of soft masks' groups are also among the pictures the gate tries as
hidden (`shows.unseen_pictures` reached pictures in patterns and Type 3 glyphs only).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable

import pikepdf
import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, redact
from tests.redaction.channels import _form, _with
from tests.redaction.drawn import ITEM
from tests.redaction.extractors import contains, found_in, pictures, texts

HEADING = "heading line stays"
AFTER = "another line stays"
#: Where the bar printed through the mask lies, in PyMuPDF's page coordinates (top down).
BAR = (60.0, 372.0, 460.0, 402.0)
LINE = f"ref {ITEM}"


def _picture(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    """`LINE` white on black (grey, 8 bits), 300 x 30 points at 144 dpi."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=300, height=30)
        page.insert_text((4, 20), LINE, fontsize=14)
        pix = page.get_pixmap(dpi=144, colorspace=pymupdf.csGRAY)
        samples = bytes(255 - v for v in pix.samples)
        size = pix.width, pix.height
    return pdf.make_stream(
        zlib.compress(samples),
        Filter=pikepdf.Name.FlateDecode,
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=size[0],
        Height=size[1],
        BitsPerComponent=8,
        ColorSpace=pikepdf.Name.DeviceGray,
    )


def _luminosity(pdf: pikepdf.Pdf, content: str, bbox: tuple[float, ...]) -> pikepdf.Dictionary:
    """A graphics state whose soft mask is the luminosity of `content` drawn over black."""
    group = _form(pdf, f"0 g 0 0 612 792 re f {content}", bbox)
    group.Group = pikepdf.Dictionary(S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceGray)
    state = pikepdf.Dictionary(
        Type=pikepdf.Name.ExtGState,
        SMask=pikepdf.Dictionary(Type=pikepdf.Name.Mask, S=pikepdf.Name.Luminosity, G=group),
    )
    made: pikepdf.Dictionary = pdf.make_indirect(state)
    return made


def _masked(group: str, picture: bool = False, moved: bool = False, nested: bool = False) -> bytes:
    """A page of two lines of text and a black bar painted through a luminosity soft mask
    whose group draws `group` over black (its picture as /Im1 when `picture`); with `moved`,
    the state is set and the bar painted in a form the page draws a hundred points down."""
    shift = 100 if moved else 0
    bar = f"q /GS1 gs 0 g 60 {390 + shift} 400 30 re f Q\n"

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        bbox = (0, shift, 612, 792 + shift)
        inner = f"q /GS2 gs 1 g 60 {390 + shift} 400 30 re f Q" if nested else group
        state = _luminosity(pdf, inner, bbox)
        group_resources = state.SMask.G.Resources
        if nested:
            group_resources.ExtGState = pikepdf.Dictionary(GS2=_luminosity(pdf, group, bbox))
            group_resources = group_resources.ExtGState.GS2.SMask.G.Resources
        if picture:
            group_resources.XObject = pikepdf.Dictionary(Im1=_picture(pdf))
        states = pikepdf.Dictionary(GS1=state)
        if not moved:
            resources.ExtGState = states
            return
        form = _form(pdf, bar, (0, 0, 612, 992))
        form.Resources.ExtGState = states
        form.Matrix = pikepdf.Array([1, 0, 0, 1, 0, -shift])
        resources.XObject = pikepdf.Dictionary(Fm1=form)

    body = "q /Fm1 Do Q\n" if moved else bar
    return _with(HEADING, f"BT /F1 12 Tf 72 690 Td ({AFTER}) Tj ET\n{body}", setup)


_SHOWN = "q 300 0 0 30 72 390 cm /Im1 Do Q"  # where the bar is


def picture() -> bytes:
    return _masked(_SHOWN, picture=True)


_WRITTEN = f"1 g BT /F1 14 Tf 76 396 Td ({LINE}) Tj ET"


def text() -> bytes:
    return _masked(_WRITTEN)


def clip_text() -> bytes:
    return _masked(f"q BT /F1 14 Tf 7 Tr 76 406 Td ({LINE}) Tj ET 1 g 0 0 612 792 re f Q")


def in_a_moved_form() -> bytes:
    return _masked(f"q 1 0 0 1 0 100 cm {_SHOWN} Q", picture=True, moved=True)


def in_a_mask() -> bytes:
    return _masked(_SHOWN, picture=True, nested=True)


def in_a_pattern_cell(group: str = _SHOWN) -> bytes:
    """The bar filled with a tiling pattern whose one cell sets the mask (its group drawing
    `group`, the picture as /Im1) and fills black."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        state = _luminosity(pdf, group, (0, 0, 612, 792))
        if "/Im1" in group:
            state.SMask.G.Resources.XObject = pikepdf.Dictionary(Im1=_picture(pdf))
        cell = pdf.make_stream(b"q /GS1 gs 0 g 0 0 612 792 re f Q")
        cell.Type, cell.PatternType, cell.PaintType, cell.TilingType = (
            pikepdf.Name.Pattern,
            1,
            1,
            1,
        )
        cell.BBox, cell.XStep, cell.YStep = pikepdf.Array([0, 0, 612, 792]), 612, 792
        cell.Resources = pikepdf.Dictionary(ExtGState=pikepdf.Dictionary(GS1=state))
        resources.Pattern = pikepdf.Dictionary(P1=cell)

    lines = f"BT /F1 12 Tf 72 690 Td ({AFTER}) Tj ET\n"
    return _with(HEADING, lines + "/Pattern cs /P1 scn 60 390 400 30 re f\n", setup)


FILES: dict[str, Callable[[], bytes]] = {
    build.__name__: build
    for build in (picture, text, clip_text, in_a_moved_form, in_a_mask, in_a_pattern_cell)
}


def _greys(pdf: bytes, rect: tuple[float, float, float, float]) -> bytes:
    """A grey render of `rect` on the first page, inset by a point, one byte a pixel."""
    with pymupdf.open(stream=pdf) as doc:
        x0, y0, x1, y1 = rect
        clip = pymupdf.Rect(x0 + 1, y0 + 1, x1 - 1, y1 - 1)
        return bytes(doc[0].get_pixmap(dpi=72, clip=clip, colorspace=pymupdf.csGRAY).samples)


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_masks_item_is_gone_and_the_rest_stays(name: str) -> None:
    pdf = FILES[name]()
    bar = _greys(pdf, BAR)  # the premise: the bar prints something, black on white
    assert min(bar) < 64 and max(bar) > 192
    done = redact(pdf, [Redaction(page=0, reason="R", rect=BAR, label="r")], WIDTH_POLICY)
    # the gate (its OCR of the page included) passes it, and it holds nothing of the item
    findings = verify(done.pdf, [("r", ITEM)], boxes=done.boxes, original=pdf, xray=False)
    assert findings == []
    box = _greys(done.pdf, done.boxes[0][1])  # black but for its small white label
    assert box.count(0) > 0.9 * len(box)
    readings = texts(done.pdf)
    assert found_in(readings, ITEM) == []
    assert not contains(pictures(done.pdf), ITEM)
    assert HEADING in readings["pymupdf"] and AFTER in readings["pymupdf"]


def _left_behind(group: str) -> bytes:
    """`in_a_pattern_cell` as the redactor left it before: the bar gone, a black box painted
    where it was, the pattern (its cell's mask drawing `group`) still named."""

    def box(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        with pikepdf.open(io.BytesIO(in_a_pattern_cell(group))) as source:
            cell = pdf.copy_foreign(source.pages[0].Resources.Pattern.P1)
            resources.Pattern = pikepdf.Dictionary(P1=cell)

    lines = f"BT /F1 12 Tf 72 690 Td ({AFTER}) Tj ET\n/Pattern cs /P1 scn\n"
    return _with(HEADING, lines + "0 g 60 390 400 30 re f\n", box)


@pytest.mark.parametrize("group", [_SHOWN, _WRITTEN], ids=["picture", "text"])
def test_the_gate_refuses_a_mask_nothing_is_painted_through(group: str) -> None:
    """Told no secret (a brief filed with no proposal): what the mask still draws is found
    by what it is, not by what it says."""
    pdf = _left_behind(group)
    assert found_in(texts(pdf), ITEM) or contains(pictures(pdf), ITEM)  # the file holds it
    findings = verify(pdf, [], boxes=[(0, BAR, "r")], xray=False, ocr=False)
    assert [(f.page, f.check) for f in findings] == [(0, "shown")] * len(findings) != []
    assert all(ITEM not in f.detail and "\n" not in f.detail for f in findings)
