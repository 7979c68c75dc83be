"""The render check: a redacted page looks as it did but for its boxes, and what the redactor
is made to take whole with them."""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import Redaction, redact
from tests.pdf.builders import NEIGHBOUR, REASON, SECRET, SECRET_LABEL, SECRETS, text_doc

ITEM = Redaction(page=0, reason=REASON, text=SECRET, label=SECRET_LABEL)


def _stored(doc: pymupdf.Document) -> bytes:
    try:
        return doc.tobytes(garbage=4, deflate=True)
    finally:
        doc.close()


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_a_redacted_rotated_cropped_page_matches_its_original_outside_the_box(
    rotation: int,
) -> None:
    doc = text_doc()
    doc[0].set_cropbox(pymupdf.Rect(20, 30, 600, 700))
    doc[0].set_rotation(rotation)
    source = _stored(doc)
    result = redact(source, [ITEM])
    assert verify(result.pdf, SECRETS, boxes=result.boxes, xray=False, original=source) == []


def test_a_rule_through_the_box_may_go_with_it_but_nothing_else() -> None:
    """A table rule crossing the secret is line art the box touches: the redactor removes it
    whole (no outlined glyph may survive), and the check allows it. A rule elsewhere on the
    page that went missing is a finding."""
    doc = text_doc()
    page = doc[0]
    hit = page.search_for(SECRET)[0]
    through = (hit.y0 + hit.y1) / 2
    page.draw_line((60, through), (400, through), color=(0, 0, 0), width=0.8)
    page.draw_line((60, 300), (400, 300), color=(0, 0, 0), width=0.8)
    source = _stored(doc)
    result = redact(source, [ITEM])
    assert verify(result.pdf, SECRETS, boxes=result.boxes, xray=False, original=source) == []

    damaged = pymupdf.open(stream=result.pdf)
    damaged[0].add_redact_annot(pymupdf.Rect(300, 298, 302, 302), fill=None, cross_out=False)
    damaged[0].apply_redactions(images=0, graphics=2, text=1)  # the second rule, and no box
    findings = verify(_stored(damaged), SECRETS, boxes=result.boxes, xray=False, original=source)
    assert [(f.page, f.check) for f in findings] == [(0, "render")]
    assert "differ from the original outside the boxes" in findings[0].detail
    assert SECRET not in findings[0].detail and NEIGHBOUR not in findings[0].detail
