"""FRCP 5.2(a) cuts on a SCANNED page: a picture of the lines of `test_privacy_cuts`, which
ingest reads by OCR into an invisible text layer. The cuts are found in that layer and boxed
there; what must be gone is the picture's pixels under each box, not only the invisible words.
So the public version's own picture, taken out of the file (without the boxes painted over
it), is read by OCR: no cut identifier is in it, the line without one is. (Measured: it
holds; MuPDF blanks the picture's pixels under each box.)"""

from __future__ import annotations

import pymupdf
import pytest

from clawback.domain.privacy import Privacy
from clawback.domain.seal_parts import SealPart
from tests.redaction.extractors import contains, found_in, ocr, texts
from tests.redaction.test_privacy_cuts import filed_public

#: What the scan shows, line by line (typed large enough for OCR at ingest and here).
LINES = [
    "Claimant SSN 123-45-6789 is on file",
    "DOB: 03/07/1985 per the intake form",
    "Card charged: 4111 1111 1111 1111 on May 2",
    "Nothing further was recorded on this date.",
]
GONE = ["123-45-", "03/07", "4111 1111 1111 1"]
#: What stays: the line with no identifier. Not the last four digits or the year: an OCR
#: layer would tell a cut's width, so the width policy boxes each such line whole (more is
#: removed than the rule asks, never less).
KEPT = ["Nothing further was recorded"]
DPI = 200


def _scan() -> bytes:
    """One Letter page that is a grey picture of `LINES` and nothing else."""
    with pymupdf.open() as drawn:
        page = drawn.new_page(width=612, height=792)
        for n, line in enumerate(LINES):
            page.insert_text((72, 120 + 30 * n), line, fontsize=13)
        picture = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY).tobytes("png")
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=792)
        page.insert_image(page.rect, stream=picture)
        return doc.tobytes(garbage=4, deflate=True)  # type: ignore[no-any-return]


def _pictures(pdf: bytes) -> bytes:
    """The file's pictures alone, each on a page of its own: what the file holds under any
    box drawn over it."""
    with pymupdf.open(stream=pdf) as doc, pymupdf.open() as out:
        for page in doc:
            for xref, *_ in page.get_images(full=True):
                pix = pymupdf.Pixmap(doc, xref)
                sheet = out.new_page(width=pix.width * 72 / DPI, height=pix.height * 72 / DPI)
                sheet.insert_image(sheet.rect, pixmap=pix)
        return out.tobytes()  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    part = SealPart(privacy=(Privacy.ssn, Privacy.birth_date, Privacy.account), what="identifiers")
    return filed_public(tmp_path_factory.mktemp("privacy-scanned"), _scan(), part)


def test_the_scan_is_fair() -> None:
    """The scan writes no text, and OCR of it reads every identifier."""
    scan = _scan()
    assert not texts(scan)["pymupdf"].strip()
    read = ocr(scan)
    for secret in GONE:
        assert contains(read, secret), secret


def test_the_cut_identifiers_are_gone_from_the_text_and_the_render(public: bytes) -> None:
    readings = texts(public)
    readings["ocr"] = ocr(public)
    for secret in GONE:
        assert found_in(readings, secret) == [], secret


def test_the_pictures_pixels_under_the_boxes_are_blanked(public: bytes) -> None:
    read = ocr(_pictures(public))
    for secret in GONE:
        assert not contains(read, secret), secret
    for kept in KEPT:
        assert contains(read, kept), kept
