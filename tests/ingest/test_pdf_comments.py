"""A PDF's comments (a sticky note, a highlight with a note) hold words that are in no page's
text: the document says so, page by page, as ingest says text no reader sees. Found by the
second ingest trial (pypdf's ``commented.pdf``): its two notes were kept without a word."""

from __future__ import annotations

import pymupdf

from clawback.ingest.ready import make_ready
from tests.ingest.make import text_pdf


def _commented() -> bytes:
    doc = pymupdf.open(stream=text_pdf("Settlement terms for Acme", "Second page"))
    page = doc[0]
    page.add_text_annot((300, 80), "Partner: do not produce this")
    words = page.search_for("Settlement terms")[0]
    page.add_highlight_annot(words).set_info(content="Check the figure")
    doc[1].insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 72, 200, 90),
                        "uri": "https://example.com"})  # fmt: skip
    data = doc.tobytes()
    doc.close()
    return data


def test_a_pdfs_comments_are_said_page_by_page() -> None:
    ready = make_ready(_commented(), None, "", "application/pdf", "", None, None)
    said = ready.info.get("warnings", [])
    assert [w for w in said if "comment" in w] == [
        "page 1: 2 comments (sticky notes, notes on marked text) whose words are in no "
        "page's text: read them in the file as received"
    ], said
    assert "Partner" not in " ".join(said)  # where and how many, never the words
    assert "Partner" not in " ".join(p.text for p in ready.pages)


def test_a_pdf_without_comments_says_nothing() -> None:
    ready = make_ready(text_pdf("Plain page"), None, "", "application/pdf", "", None, None)
    assert "warnings" not in ready.info
