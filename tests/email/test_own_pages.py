"""Pages clawback draws itself from an e-mail's text are not read by OCR for their fonts; a
PDF received in the same e-mail, with the very same fonts, is.

An e-mail's message and a text attachment are drawn by `email.render` in MuPDF's own fonts,
whose /ToUnicode maps are the text drawn; MuPDF's subsetting leaves their programs without a
``cmap``, so `lying.unchecked_fonts` cannot confirm them from the file. Ingest read every such
page whole by OCR (about 1.7 CPU-s a page, most of an e-mail's ingest) to look for a code the
map might hide. The same PDF received as an attachment is a file someone else made: there the
map is not to be trusted, and OCR must still read it."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from clawback import email
from clawback.demo.run import reference_case
from clawback.pdf.files.document import open_pdf
from clawback.pdf.shows.lying import unchecked_fonts
from clawback.service import Workspace
from clawback.storage import tables as t

TEXT = b"Account DB-40981 belongs to Smith.\n"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = Workspace.init(tmp_path_factory.mktemp("own") / "ws").operator()
    workspace.matter.load_case(reference_case())
    yield workspace
    workspace.close()


def _lying_pdf() -> bytes:
    """A PDF clawback's renderer drew (a text attachment's pages), its font's map then made to
    read the digit 0 as the letter O, as a file received: the page prints ``DB-40981``, its
    text says ``DB-4O981``."""
    text = email.Attachment("memo.txt", "text/plain", TEXT)
    pdf = email.render_attachment(text)
    assert pdf is not None
    with open_pdf(pdf) as doc:
        [font] = doc[0].get_fonts()
        assert unchecked_fonts(doc[0]) == [font[4]]  # nothing in the file confirms its map
        cmap = int(doc.xref_get_key(font[0], "ToUnicode")[1].split()[0])
        lie = doc.xref_stream(cmap).replace(
            b"endcmap", b"1 beginbfchar\n<0011> <004f>\nendbfchar\nendcmap"
        )  # code 0x11 is the digit 0 in MuPDF's monospace font (range <0009>..: U+0028..)
        doc.update_stream(cmap, lie)
        lying = doc.tobytes()
    with open_pdf(lying) as doc:
        assert "DB-4O981" in doc[0].get_text()
    return lying


def _members(ws: Workspace, data: bytes) -> list[tuple[dict[str, object], str]]:
    """Each member's meta and the text of the PDF the record works on."""
    controls, new = ws.ingest.ingest_file(data, "mail.eml")
    assert new
    with ws.transaction() as s:
        docs = s.scalars(
            select(t.Document).where(t.Document.control.in_(controls)).order_by(t.Document.id)
        ).all()
        found = []
        for doc in docs:
            with open_pdf(ws.ctx.files.get(doc.original)) as pdf:
                found.append((dict(doc.meta), "".join(page.get_text() for page in pdf)))
        return found


def test_pages_drawn_from_text_are_not_ocr_read_but_a_received_pdf_is(ws: Workspace) -> None:
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = "kim@example.com", "pat@example.com", "Memo"
    m["Date"] = "Tue, 02 Jun 2020 10:00:00 -0700"
    m.set_content("The memo, as text and as the PDF it was printed to.")
    m.add_attachment(TEXT, "text", "plain", filename="memo.txt")
    m.add_attachment(_lying_pdf(), "application", "pdf", filename="memo.pdf")
    (message, _), (text, _), (received, words) = _members(ws, m.as_bytes())
    assert (message["role"], text["name"], received["name"]) == ("email", "memo.txt", "memo.pdf")
    assert "ocr_pages" not in message  # drawn here: its fonts' maps are its text
    assert "ocr_pages" not in text
    assert received["ocr_pages"] == [1]  # the same fonts, in a file received: read by OCR
    assert "DB-40981" in words  # what the page prints, for search and the redactor's net
