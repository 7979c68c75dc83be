"""Annotations and form fields are drawn into the page as a viewer shows them, before a page
is redacted or stamped (`bake.bake_visible`), on the real samples of ../shared/samples/pdfs:
a filled-in LibreOffice form that leaves its fields' looks to the viewer, a pdflatex form, and
a file whose annotations have no appearance streams and are written inside the page."""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.marks.stamp import stamp
from clawback.pdf.redaction.redact import Redaction, redact
from tests.conftest import SHARED

SAMPLES = SHARED / "samples" / "pdfs" / "forms-annotations"


def _samples(page: pymupdf.Page, **options: object) -> bytes:
    return page.get_pixmap(dpi=50, **options).samples


def _stamped_top(pdf: bytes) -> tuple[pymupdf.Document, pymupdf.Document]:
    stamped = stamp(pdf, [("X-000001", "CONFIDENTIAL")], corner="bottom-right")
    return pymupdf.open(stream=pdf), pymupdf.open(stream=stamped)


@pytest.mark.parametrize("name", ["libreoffice-form.pdf", "pdflatex-forms.pdf"])
def test_a_stamped_form_looks_as_the_viewer_showed_it(name: str) -> None:
    """Both forms ask the viewer to draw their fields (``/NeedAppearances``): the stamped
    page, above its band, is the original page as drawn with its fields, to the sample."""
    before, after = _stamped_top((SAMPLES / name).read_bytes())
    with before, after:
        shown = pymupdf.Rect(before[0].rect)
        assert _samples(after[0], clip=shown) == _samples(before[0], annots=True)


def test_filled_in_values_stay_and_can_be_redacted() -> None:
    pdf = (SAMPLES / "libreoffice-form.pdf").read_bytes()
    before, after = _stamped_top(pdf)
    with before, after:
        assert before[0].first_widget is not None
        assert after[0].first_widget is None  # drawn, no longer a field
        words = after[0].get_text("words")
        assert {"Alice", "Bob"} <= {word[4] for word in words}
    result = redact(pdf, [Redaction(page=0, reason="R", text="Alice", label="first name")])
    assert len(result.boxes) == 1
    findings = verify(
        result.pdf, [("first name", "Alice")], boxes=result.boxes, original=pdf, xray=False
    )
    assert findings == []  # gone from every reading, and nothing else on the page changed
    with pymupdf.open(stream=result.pdf) as done:
        assert "Bob" in done[0].get_text()


def test_annotations_without_appearance_written_in_the_page_stay_visible() -> None:
    """annotated_pdf.pdf: a note, a two-line highlight and an ink drawing, each written
    inside the page's /Annots with no appearance stream. Baked as stored, the highlight
    vanished (each was drawn as the first); now its yellow is where the viewer showed it."""
    before, after = _stamped_top((SAMPLES / "annotated_pdf.pdf").read_bytes())
    with before, after:
        shown = pymupdf.Rect(before[0].rect)
        old = before[0].get_pixmap(dpi=50, annots=True)
        new = after[0].get_pixmap(dpi=50, clip=shown)
        yellow_before, yellow_after = _yellow(old), _yellow(new)
        assert yellow_before > 500  # the highlight and the ink drawing
        assert abs(yellow_after - yellow_before) <= yellow_before // 20
        assert after[0].first_annot is None


def _yellow(pixmap: pymupdf.Pixmap) -> int:
    samples, n = pixmap.samples, pixmap.n
    return sum(
        1
        for at in range(0, len(samples), n)
        if samples[at] > 200 and samples[at + 1] > 200 and samples[at + 2] < 120
    )
