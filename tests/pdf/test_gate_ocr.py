"""Gate check (k): a secret the page draws as a picture is read back by OCR and refused."""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.marks.stamp import stamp
from tests.redaction.adversarial import CORPUS

SECRET = "QX-4417-ZEBRA"


def picture_of(text: str) -> bytes:
    """A PNG of `text` in black on white, as a scanner would see it."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=60)
    page.insert_text((10, 40), text, fontsize=24)
    png: bytes = page.get_pixmap(dpi=150).tobytes("png")
    doc.close()
    return png


def page(with_picture: bool) -> tuple[bytes, list[tuple[int, tuple[float, ...], str]]]:
    doc = pymupdf.open()
    p = doc.new_page()
    p.insert_text((72, 100), "Routing: [REDACTED]", fontsize=11)
    if with_picture:
        p.insert_image(pymupdf.Rect(72, 300, 372, 360), stream=picture_of(SECRET))
    box = (120.0, 90.0, 200.0, 104.0)
    p.draw_rect(pymupdf.Rect(box), color=(0, 0, 0), fill=(0, 0, 0))
    data: bytes = doc.tobytes(garbage=4, deflate=True)
    return data, [(0, box, "hit 1")]


def test_a_secret_drawn_as_a_picture_on_a_boxed_page_is_found() -> None:
    pdf, boxes = page(with_picture=True)
    found = [f for f in verify(pdf, [("hit 1", SECRET)], boxes=boxes, xray=False)]
    assert [(f.page, f.check) for f in found if f.check == "ocr"] == [(0, "ocr")]
    assert SECRET not in " ".join(f.detail for f in found)  # named by label, never shown


def test_a_page_that_only_writes_the_box_passes_the_ocr_check() -> None:
    pdf, boxes = page(with_picture=False)
    found = verify(pdf, [("hit 1", SECRET)], boxes=boxes, xray=False)
    assert not [f for f in found if f.check == "ocr"]


DRAWN = ["leak_vector_outlines", "leak_picture_beside_text", "leak_type3_no_tounicode"]


@pytest.mark.parametrize("stamped", [False, True], ids=["as-is", "stamped"])
@pytest.mark.parametrize("name", DRAWN)
def test_a_secret_the_page_draws_is_read_on_a_boxed_page(name: str, stamped: bool) -> None:
    """The corpus's drawn secrets (outlines, a picture beside text, Type 3 glyphs with no
    Unicode), with a box elsewhere on the page, as they are and stamped (the page placed in a
    form XObject, as productions and filings place it): the OCR check reads each one."""
    specimen = CORPUS[name]
    assert specimen.secret is not None
    doc = pymupdf.open(stream=specimen.build())
    box = (72.0, 90.0, 110.0, 104.0)
    doc[0].draw_rect(pymupdf.Rect(box), color=(0, 0, 0), fill=(0, 0, 0))
    pdf = doc.tobytes()
    doc.close()
    if stamped:
        pdf = stamp(pdf, [("TST-00000001", "CONFIDENTIAL")])
    found = verify(pdf, [("hit 1", specimen.secret)], boxes=[(0, box, "hit 1")], xray=False)
    assert [(f.page, f.check) for f in found if f.check == "ocr"] == [(0, "ocr")], name
