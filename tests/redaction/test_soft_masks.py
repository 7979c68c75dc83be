"""Attack round six, one class: the item drawn in a soft mask's group. A graphics state's
``/SMask`` makes a group's drawing (its luminosity) the mask of what is painted next: a black
bar painted through a group that draws ``ref DB-40981`` in white prints the item.

file (where the state is set)      what the group draws              was (redact the bar's box)
picture (the page)                 a picture of the line             LEAK: pictures, gate passed
text, clip_text (the page)         the line as text, as a text clip  refused: raw
in_a_moved_form (a form, 100 pt down)  the picture                   LEAK: pictures, gate passed
in_a_mask (the page's mask group)  the picture                       LEAK: pictures, gate passed
in_a_pattern_cell (the bar's tile) the picture                       LEAK: pictures, gate passed

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5): MuPDF's redaction removed the bar under
the box and left the group whole (it never reads a graphics state's group): ``pdfimages`` and
OCR read its picture, ``pdftotext`` its text (the gate's byte scan refused those). Now the
redactor redacts each group a boxed page sets, drawn alone where the page draws it
(`redaction.softmask`), then empties every group nothing is painted through any more
(`shows.unseen_masks`: the pattern's cell is reached only so). A mask set where nothing is
painted was the next member: ``produce --redact-pattern`` sent its text out (``pdftotext``
read it). Ingest now empties such groups, the gate refuses them, and tries the pictures
of groups as it tries hidden pictures (`shows.unseen_pictures`).
"""

from __future__ import annotations

import io

import pikepdf
import pymupdf
import pytest

from clawback.ingest.ready import make_ready
from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, redact
from clawback.pdf.shows.visible import visible_copy
from tests.redaction.channels import _form, _with
from tests.redaction.drawn import ITEM
from tests.redaction.extractors import contains, found_in, pictures, texts
from tests.redaction.picture_parts import _image

HEADING, AFTER = "heading line stays", "another line stays"
#: Where the bar printed through the mask lies, in PyMuPDF's page coordinates (top down).
BAR = (60.0, 372.0, 460.0, 402.0)
PICTURE = "q 300 0 0 30 72 390 cm /Im1 Do Q"  # where the bar is
WRITTEN = f"1 g BT /F1 14 Tf 76 396 Td (ref {ITEM}) Tj ET"
NAMES = {PICTURE: "picture", WRITTEN: "text"}  # the ids of tests by what the group draws
GROUPS = {
    "picture": PICTURE,
    "text": WRITTEN,
    "clip_text": f"q BT /F1 14 Tf 7 Tr 76 396 Td (ref {ITEM}) Tj ET 1 g 0 0 612 792 re f Q",
}


def _picture(pdf: pikepdf.Pdf, line: str) -> pikepdf.Stream:
    """`line` white on black, 300 x 30 points at 144 dpi."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=300, height=30)
        page.insert_text((4, 20), line, fontsize=14)
        pix = page.get_pixmap(dpi=144, colorspace=pymupdf.csGRAY)
        return _image(pdf, bytes(255 - v for v in pix.samples), pix.width, pix.height)


def _state(pdf: pikepdf.Pdf, content: str, shift: float = 0) -> pikepdf.Dictionary:
    """A graphics state whose soft mask is the luminosity of `content` over black (the
    picture of the item's line as /Im1, of ``kept words`` as /Im2)."""
    group = _form(pdf, f"0 g 0 0 612 792 re f {content}", (0, shift, 612, 792 + shift))
    group.Group = pikepdf.Dictionary(S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceGray)
    lines = {"/Im1": f"ref {ITEM}", "/Im2": "kept words"}
    named = {name: _picture(pdf, line) for name, line in lines.items() if name in content}
    group.Resources.XObject = pikepdf.Dictionary(named)
    mask = pikepdf.Dictionary(Type=pikepdf.Name.Mask, S=pikepdf.Name.Luminosity, G=group)
    made: pikepdf.Dictionary = pdf.make_indirect(pikepdf.Dictionary(SMask=mask))
    return made


def _masked(group: str, where: str = "page", bars: str = "60 390 400 30 re f") -> bytes:
    """Two lines of text and black `bars` painted through a soft mask whose group draws
    `group`, its state set `where`: by the page, by a form the page draws moved a hundred
    points down, inside the group of the page's own soft mask, or in a tiling pattern's cell
    (the bars then filled with the pattern)."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        if where == "form":
            form = _form(pdf, "q /GS1 gs 0 g 60 490 400 30 re f Q", (0, 0, 612, 992))
            form.Resources.ExtGState = pikepdf.Dictionary(
                GS1=_state(pdf, f"q 1 0 0 1 0 100 cm {group} Q", 100)
            )
            form.Matrix = pikepdf.Array([1, 0, 0, 1, 0, -100])
            resources.XObject = pikepdf.Dictionary(Fm1=form)
        elif where == "pattern":
            cell = pdf.make_stream(b"q /GS1 gs 0 g 0 0 612 792 re f Q", Type=pikepdf.Name.Pattern)
            cell.PatternType, cell.PaintType, cell.TilingType = 1, 1, 1
            cell.BBox, cell.XStep, cell.YStep = pikepdf.Array([0, 0, 612, 792]), 612, 792
            cell.Resources = pikepdf.Dictionary(
                ExtGState=pikepdf.Dictionary(GS1=_state(pdf, group))
            )
            resources.Pattern = pikepdf.Dictionary(P1=cell)
        elif where == "mask":
            outer = _state(pdf, "q /GS2 gs 1 g 60 390 400 30 re f Q")
            outer.SMask.G.Resources.ExtGState = pikepdf.Dictionary(GS2=_state(pdf, group))
            resources.ExtGState = pikepdf.Dictionary(GS1=outer)
        else:
            resources.ExtGState = pikepdf.Dictionary(GS1=_state(pdf, group))

    body = {"form": "q /Fm1 Do Q", "pattern": f"/Pattern cs /P1 scn {bars}"}
    draw = body.get(where, f"q /GS1 gs 0 g {bars} Q")
    return _with(HEADING, f"BT /F1 12 Tf 72 690 Td ({AFTER}) Tj ET\n{draw}\n", setup)


FILES = {
    **{name: (group, "page") for name, group in GROUPS.items()},
    "in_a_moved_form": (PICTURE, "form"),
    "in_a_mask": (PICTURE, "mask"),
    "in_a_pattern_cell": (PICTURE, "pattern"),
}


def _greys(pdf: bytes, rect: tuple[float, float, float, float]) -> bytes:
    """A grey render of `rect` on the first page, inset by a point, one byte a pixel."""
    with pymupdf.open(stream=pdf) as doc:
        x0, y0, x1, y1 = rect
        clip = pymupdf.Rect(x0 + 1, y0 + 1, x1 - 1, y1 - 1)
        return bytes(doc[0].get_pixmap(dpi=72, clip=clip, colorspace=pymupdf.csGRAY).samples)


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_masks_item_is_gone_and_the_rest_stays(name: str) -> None:
    group, where = FILES[name]
    pdf = _masked(group, where)
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


@pytest.mark.parametrize("turn", [0, 90])
def test_a_mask_painted_through_beside_the_box_is_redacted_under_it(turn: int) -> None:
    """The group draws ``kept words`` too, where a second bar prints them: it is still in
    use once the box is in, so it is redacted where the box is, on a turned, cropped page."""
    group = f"{PICTURE} q 300 0 0 30 72 490 cm /Im2 Do Q"
    pdf = pikepdf.open(io.BytesIO(_masked(group, bars="60 390 400 30 re f 60 490 400 30 re f")))
    pdf.pages[0].Rotate, pdf.pages[0].CropBox = turn, pikepdf.Array([20, 30, 590, 770])
    out = io.BytesIO()
    pdf.save(out)
    source = out.getvalue()
    # the bar's rectangle on the page unturned, from the crop box's top left corner
    done = redact(source, [Redaction(page=0, reason="R", rect=(40, 350, 440, 380), label="r")])
    assert verify(done.pdf, [("r", ITEM)], boxes=done.boxes, original=source, xray=False) == []
    held = pictures(done.pdf)
    assert not contains(held, ITEM) and contains(held, "kept words")


UNUSED = [(PICTURE, "pattern"), (WRITTEN, "pattern"), (WRITTEN, "page")]


@pytest.mark.parametrize(("group", "where"), UNUSED, ids=NAMES.get)
def test_a_mask_nothing_is_painted_through_is_emptied_and_refused(group: str, where: str) -> None:
    """A soft mask set where nothing is then painted (a redactor's leftover, or a file made
    so): no viewer shows it, yet ``pdftotext`` or ``pdfimages`` reads it. Ingest empties it;
    the gate, told no secret (a brief filed with no proposal), refuses it by what it is."""
    pdf = _masked(group, where, bars="")
    assert found_in(texts(pdf), ITEM) or contains(pictures(pdf), ITEM)  # the file holds it
    findings = verify(pdf, [], xray=False, ocr=False)
    assert [(f.page, f.check) for f in findings] == [(0, "shown")] * len(findings) != []
    assert all(ITEM not in f.detail and "\n" not in f.detail for f in findings)
    ingested = make_ready(pdf, None, "m.pdf", "application/pdf", "", None, None).pdf
    for seen in (visible_copy(pdf)[0], ingested):  # as a brief is read, as ingest keeps it
        assert found_in(texts(seen), ITEM) == [] and not contains(pictures(seen), ITEM)
        assert verify(seen, [], xray=False, ocr=False) == []


def test_text_of_a_mask_painted_through_twice_is_redacted_under_the_box() -> None:
    """The group writes the item's line and ``kept words``, a bar printing each: MuPDF traces
    the group's text once for each bar painted through it, so removing the boxed bar lost one
    of the two traces of ``kept words`` too. Measured when written: the redactor refused it
    ("would also delete text outside its box"); the page still draws the words where it did,
    so now only the item goes."""
    kept = "1 g BT /F1 14 Tf 76 496 Td (kept words) Tj ET"
    pdf = _masked(f"{WRITTEN} {kept}", bars="60 390 400 30 re f 60 490 400 30 re f")
    done = redact(pdf, [Redaction(page=0, reason="R", rect=BAR, label="r")], WIDTH_POLICY)
    assert verify(done.pdf, [("r", ITEM)], boxes=done.boxes, original=pdf, xray=False) == []
    readings = texts(done.pdf)
    assert found_in(readings, ITEM) == []
    assert "kept words" in readings["pymupdf"] and HEADING in readings["pymupdf"]
