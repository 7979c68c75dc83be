"""Page text, fingerprints, page counts and the one-line input errors."""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.shows.extract import PageText, PdfError, page_count, read_pages
from tests.pdf.builders import NEIGHBOUR, SECRET, gradient_png, text_pdf


def test_read_pages_gives_index_text_and_fingerprints() -> None:
    pages = read_pages(text_pdf(pages=3))
    assert [p.index for p in pages] == [0, 1, 2]
    assert all(isinstance(p, PageText) for p in pages)
    assert SECRET in pages[0].text and NEIGHBOUR in pages[0].text
    assert "page 2" in pages[1].text
    assert len({p.sha256 for p in pages}) == 3  # different words, different fingerprints
    assert all(len(p.sha256) == 64 and p.image_sha256 == () for p in pages)


def test_fingerprint_ignores_layout_but_not_words() -> None:
    def one(text: str, x: float) -> str:
        doc = pymupdf.open()
        doc.new_page().insert_text((x, 100), text, fontname="tiro", fontsize=12)
        return read_pages(doc.tobytes())[0].sha256

    assert one("Same   words here", 72) == one("Same words here", 200)
    assert one("Same words here", 72) != one("Other words here", 72)


def test_same_picture_in_two_pdfs_hashes_equal() -> None:
    png = gradient_png()
    first = pymupdf.open()
    first.new_page().insert_image(pymupdf.Rect(10, 10, 210, 110), stream=png)
    second = pymupdf.open()
    page = second.new_page(width=300, height=300)
    page.insert_text((20, 20), "a caption", fontsize=9)
    page.insert_image(pymupdf.Rect(50, 50, 250, 250), stream=png, keep_proportion=False)
    a = read_pages(first.tobytes(deflate=False))[0]
    b = read_pages(second.tobytes(garbage=4, deflate=True))[0]
    assert len(a.image_sha256) == 1
    assert a.image_sha256 == b.image_sha256
    assert a.sha256 != b.sha256


def test_page_count() -> None:
    assert page_count(text_pdf(pages=4)) == 4


def _encrypted() -> bytes:
    doc = pymupdf.open()
    doc.new_page()
    return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")


def _no_pages() -> bytes:
    return (
        b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "empty input (0 bytes)", id="empty"),
        pytest.param(b"hello, world", "not a PDF: no %PDF- header", id="not-pdf"),
        pytest.param(b"%PDF-1.4\n\x00\x01garbage", "malformed PDF", id="malformed"),
        pytest.param(_encrypted(), "encrypted PDF (no password given)", id="encrypted"),
        pytest.param(_no_pages(), "PDF has no pages", id="no-pages"),
    ],
)
def test_bad_input_raises_one_line_pdf_error(data: bytes, message: str) -> None:
    with pytest.raises(PdfError) as caught:
        read_pages(data)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(PdfError):
        page_count(data)
