"""OCR of many pages in one Tesseract run reads, page by page, exactly what a run per page reads.

The batched path (`shows.ocr_batch`) hands Tesseract one multi-page picture per resolution, so
its English model loads once per batch instead of once per page; each page must still come
back with the very words, boxes and confidences the single-page path (`shows.ocr.read_drawn`)
gives it. The pages are real: a scan (read whole), a scan turned by /Rotate, a page of text with
a picture beside it (its drawn region read), the corpus's outlines and Type 3 glyphs, and a page
of text alone (nothing to read).
"""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.gate.check_ocr import GATE_OCR_DPI
from clawback.pdf.shows.ocr import read_drawn
from clawback.pdf.shows.ocr_batch import read_drawn_pages
from tests.ingest.make import CODE, scan_pdf, text_pdf
from tests.pdf.test_gate_ocr import SECRET, page
from tests.redaction.adversarial import CORPUS


def documents() -> list[bytes]:
    scanned = scan_pdf([f"Account {CODE} belongs to Smith", "Nothing else is secret."])
    turned = scan_pdf(["second scan, turned on its side"], rotate=90)
    beside, _ = page(with_picture=True)
    drawn = [CORPUS[name].build() for name in ("leak_vector_outlines", "leak_type3_no_tounicode")]
    return [scanned, turned, beside, *drawn, text_pdf("a page of plain text, nothing drawn")]


@pytest.mark.parametrize("dpi", [GATE_OCR_DPI, 300])
def test_pages_read_in_one_batch_give_the_words_each_page_gives_alone(dpi: int) -> None:
    docs = [pymupdf.open(stream=data) for data in documents()]
    try:
        pages = [doc[n] for doc in docs for n in range(doc.page_count)]
        alone = [read_drawn(p, dpi) for p in pages]
        together = read_drawn_pages(pages, dpi)
    finally:
        for doc in docs:
            doc.close()
    assert together == alone
    texts = [" ".join(w.text for w in words or []) for words in alone]
    assert CODE in texts[0] and "turned" in texts[1] and SECRET in texts[2]  # real readings
    assert alone[-1] is None  # text alone: nothing read, in either path


def test_an_empty_batch_reads_nothing() -> None:
    assert read_drawn_pages([], GATE_OCR_DPI) == []
