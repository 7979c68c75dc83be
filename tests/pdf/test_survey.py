"""The survey that lets a redaction search once: replacement text and font programs found
wherever a document keeps them, however the name is spelt."""

from __future__ import annotations

from collections.abc import Callable

import pymupdf
import pytest

from clawback.pdf.redaction.redact import Redaction, redact
from clawback.pdf.shows.extract import read_pages
from clawback.pdf.shows.survey import survey
from tests.pdf.builders import REASON, SECRET, SECRET_LABEL, text_doc

MASK = "XXXXXXXXXX"


def _masked(name: bytes = b"/ActualText", named: bool = False) -> pymupdf.Document:
    """The secret drawn in glyphs, an /ActualText (the key spelt `name`) saying "XXXXXXXXXX"
    over them: a reader copying the page gets the mask; only a search that ignores
    replacement text finds the secret. With `named`, the property list is among the page's
    resources (``/P0``), not in the content stream."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"Code {SECRET} here", fontsize=11)
    doc.tobytes()  # materialise the content stream
    xref = page.get_contents()[0]
    props = b"<<%s (%s)>>" % (name, MASK.encode())
    if named:
        holder = doc.get_new_xref()
        doc.update_object(holder, props.decode())
        kind, value = doc.xref_get_key(page.xref, "Resources")
        where, key = (int(value.split()[0]), "") if kind == "xref" else (page.xref, "Resources/")
        doc.xref_set_key(where, key + "Properties", f"<</P0 {holder} 0 R>>")
        props = b"/P0"
    stream = (doc.xref_stream(xref) or b"").replace(b"BT\n", b"/Span %s BDC\nBT\n" % props, 1)
    doc.update_stream(xref, stream.replace(b"ET\n", b"ET\nEMC\n", 1))
    return doc


def _in_a_form() -> pymupdf.Document:
    """The masked secret inside a form XObject that the page shows."""
    inner = _masked()
    doc = pymupdf.open()
    doc.new_page().show_pdf_page(pymupdf.Rect(0, 0, 595, 842), inner, 0)
    inner.close()
    return doc


def _embedded_font() -> pymupdf.Document:
    doc = text_doc()
    writer = pymupdf.TextWriter(doc[0].rect)
    writer.append((72, 300), "Embedded \u0416", font=pymupdf.Font("helv"), fontsize=11)
    writer.write_text(doc[0])
    return doc


BUILDS: dict[str, tuple[Callable[[], pymupdf.Document], bool, bool]] = {
    "standard fonts only": (text_doc, False, False),
    "actualtext": (_masked, False, True),
    "escaped name": (lambda: _masked(b"/Actual#54e#78t"), False, True),
    "named property list": (lambda: _masked(named=True), False, True),
    "form xobject": (_in_a_form, False, True),
    "embedded font": (_embedded_font, True, False),
}


def _stored(build: Callable[[], pymupdf.Document]) -> bytes:
    doc = build()
    try:
        return doc.tobytes(garbage=4, deflate=True)  # as a file keeps it: streams compressed
    finally:
        doc.close()


@pytest.mark.parametrize("name", list(BUILDS))
def test_survey_finds_what_it_is_asked_about(name: str) -> None:
    build, fonts, replacement = BUILDS[name]
    with pymupdf.open(stream=_stored(build)) as doc:
        found = survey(doc, [0])
        assert (found.fonts, found.replacement_text) == (fonts, replacement)
        assert survey(doc).fonts == fonts


def test_replacement_text_in_a_page_s_own_content_counts_for_that_page_only() -> None:
    doc = _masked()
    doc.new_page().insert_text((72, 100), "Another page", fontsize=11)
    with pymupdf.open(stream=doc.tobytes(garbage=4, deflate=True)) as stored:
        assert survey(stored, [0]).replacement_text
        assert not survey(stored, [1]).replacement_text
    doc.close()


@pytest.mark.parametrize(
    "name", ["actualtext", "escaped name", "named property list", "form xobject"]
)
def test_a_secret_under_replacement_text_however_spelt_is_found_and_removed(name: str) -> None:
    pdf = _stored(BUILDS[name][0])
    with pymupdf.open(stream=pdf) as doc:  # MuPDF honours the replacement text as spelt
        assert MASK in doc[0].get_text() and SECRET not in doc[0].get_text()
    item = Redaction(page=0, reason=REASON, text=SECRET, label=SECRET_LABEL)
    result = redact(pdf, [item])
    assert len(result.boxes) == 1
    with pymupdf.open(stream=result.pdf) as doc:
        glyphs = doc[0].get_text(flags=pymupdf.TEXT_IGNORE_ACTUALTEXT)
    assert SECRET not in glyphs and "Code" in glyphs
    assert SECRET not in read_pages(result.pdf)[0].text
