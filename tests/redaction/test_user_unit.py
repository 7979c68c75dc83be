"""A page whose ``/UserUnit`` is 2 (one unit is 2/72 inch): redacted like any other.

MuPDF reads such a page in points (twice its units), but PyMuPDF drew the redaction's box in
the page's units unscaled: the box landed beside and below the item, and the gate refused the
file (box not opaque, render changed). The redactor now redraws the page in points first
(`redaction.userunit`); the page keeps its size and everything beside the box.
"""

from __future__ import annotations

import io

import pikepdf
import pymupdf

from clawback.pdf.produced import Job, make
from tests.redaction.drawn import FIRST, ITEM, gated, redacted
from tests.redaction.extractors import found_in, texts

OTHER = "another line stays"


def _user_unit_page(unit: float) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), FIRST, fontsize=11)
    page.insert_text((72, 130), OTHER, fontsize=11)
    pdf = pikepdf.open(io.BytesIO(doc.tobytes()))
    pdf.pages[0].obj.UserUnit = unit
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_page_of_user_unit_2_is_redacted_and_passes_the_gate() -> None:
    pdf = _user_unit_page(2)
    with pymupdf.open(stream=pdf) as doc:
        size = doc[0].rect
        assert size == pymupdf.Rect(0, 0, 1224, 1584)  # the premise: MuPDF scales the page
    done = redacted(pdf)
    findings = gated(done, pdf)
    assert findings == []
    assert found_in(texts(done.pdf), ITEM) == []
    with pymupdf.open(stream=done.pdf) as doc:
        assert doc[0].rect == size
        assert OTHER in doc[0].get_text()
        ((_, box, _),) = done.boxes
        (drawn,) = [d["rect"] for d in doc[0].get_drawings() if d.get("fill") == (0, 0, 0)]
        assert max(abs(a - b) for a, b in zip(drawn, box, strict=True)) < 0.01


def test_a_production_of_a_user_unit_2_page_passes_the_gate() -> None:
    """`produced.make` (redacted in place, stamped, scrubbed, the gate with OCR) too."""
    hits = [{"page": 0, "text": ITEM, "found": ITEM}]
    labels = [("P-1", "CONFIDENTIAL")]
    out = make(Job("uu", _user_unit_page(2), labels, hits, "privileged", "bottom-right", True))
    assert found_in(texts(out), ITEM) == []
    with pymupdf.open(stream=out) as doc:
        assert OTHER in doc[0].get_text() and "P-1" in doc[0].get_text()
