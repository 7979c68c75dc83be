"""A page whose content stream is damaged opens, draws and extracts what MuPDF could read of it,
raises nothing and leaves the file unrepaired: ingest took it as whole. MuPDF says so only in
its warnings; ingest now says it on the document, naming the page."""

from __future__ import annotations

import pymupdf

from clawback.ingest.ready import make_ready


def _two_pages(first: bytes) -> bytes:
    """Two pages of text, the first page's content replaced by `first`."""
    doc = pymupdf.open()
    for text in ("Hello world one", "Second page fine"):
        doc.new_page().insert_text((72, 72), text)
    doc = pymupdf.open(stream=doc.tobytes())
    doc.update_stream(doc[0].get_contents()[0], first)
    return doc.tobytes()


def _warnings(pdf: bytes) -> list[str]:
    return list(make_ready(pdf, None, "", "application/pdf", "pdf", None, None).info.get(
        "warnings", []))  # fmt: skip


def test_a_page_with_damaged_content_is_named_in_a_warning() -> None:
    pdf = _two_pages(b"BT /helv 12 Tf 72 720 Td (Hello) Tj ET ) ] >> @@@ garbage \x00\xff <<<< ET")
    with pymupdf.open(stream=pdf) as doc:
        assert not doc.is_repaired and "Hello" in doc[0].get_text()  # opens as whole
    [said] = [w for w in _warnings(pdf) if "damaged" in w]
    assert "page(s) 1 " in said  # the first page, not the second


def test_a_sound_page_says_nothing() -> None:
    pdf = _two_pages(b"BT /helv 12 Tf 72 720 Td (Hello) Tj ET")
    assert not [w for w in _warnings(pdf) if "damaged" in w]
