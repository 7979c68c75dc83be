"""What the gate's picture checks read of a file's objects, they read once per opening.

Four checks walk every page's resources at any depth (hidden pictures, pictures' unseen
parts, pictures that cannot be placed, soft masks' groups) and one more the tiling patterns
of every page; a stamped page is its original in a form, so each walk read the same
dictionaries again (a third of the picture checks' CPU). They now share one
`shows.objectreads.ObjectReads` for the document the gate opened. These tests hold that each
dictionary is read once per opening, that a changed document or a copy of it is never given
an answer read before (or of the other), and that the checks keep their verdicts (the gate's
own tests: tests/redaction, tests/pdf/test_nested_pictures.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pymupdf
import pytest

from clawback.pdf.files.document import open_pdf, resource_refs
from clawback.pdf.gate.check_shown import page_shown_findings, picture_findings
from clawback.pdf.gate.verify import verify
from clawback.pdf.marks.stamp import stamp_document
from clawback.pdf.shows.objectreads import ObjectReads
from clawback.pdf.shows.pagereads import PageReads
from clawback.pdf.shows.unseen_pictures import hidden_pictures_by_page


def _picture() -> bytes:
    """A PNG of stripes (not of one colour: the checks try it)."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 16, 16), False)
    for x in range(16):
        for y in range(16):
            pix.set_pixel(x, y, (0, 0, 0) if (x // 2) % 2 else (255, 255, 255))
    return pix.tobytes("png")


def _pdf(pages: int = 3, hidden: bool = False) -> bytes:
    """`pages` pages of text, each with the same picture; with `hidden`, the first page draws
    it clipped away (no viewer sees it)."""
    doc = pymupdf.open()
    picture = _picture()
    for number in range(pages):
        page = doc.new_page()
        page.insert_text((72, 80), f"page {number} of the record")
        page.insert_image(pymupdf.Rect(72, 150, 272, 350), stream=picture)
    if hidden:
        first = doc[0]
        for xref in first.get_contents():
            content = doc.xref_stream(xref)
            if b" Do" in content:
                doc.update_stream(xref, b"q 0 0 0 0 re W n\n" + content + b"\nQ")
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def _stamped(pdf: bytes) -> bytes:
    with open_pdf(pdf) as doc:
        labels = [(f"BEN-{n + 1:08d}", "CONFIDENTIAL") for n in range(doc.page_count)]
        out = stamp_document(doc, labels, 36, "bottom-right")
        try:
            return out.tobytes(garbage=3, deflate=True)
        finally:
            out.close()


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[tuple[int, int, str]]]:
    """Every key of an object's dictionary read from PyMuPDF, by (document, object, key);
    the documents are held so that no two share an identity."""
    read: Counter[tuple[int, int, str]] = Counter()
    held: list[pymupdf.Document] = []
    get_key = pymupdf.Document.xref_get_key

    def counted(doc: pymupdf.Document, xref: int, key: str) -> tuple[str, str]:
        held.append(doc)
        read[(id(doc), xref, key)] += 1
        return get_key(doc, xref, key)

    monkeypatch.setattr(pymupdf.Document, "xref_get_key", counted)
    yield read


def test_the_picture_checks_read_each_resource_dictionary_once_per_opening(
    walks: Counter[tuple[int, int, str]],
) -> None:
    stamped = _stamped(_pdf())
    with open_pdf(stamped) as doc:
        objects = ObjectReads(doc)
        for page in doc.pages():
            assert page_shown_findings(page, PageReads(page, objects=objects)) == []
        assert picture_findings(doc, (), objects) == []
    resources = {key: times for key, times in walks.items() if key[2].startswith("Resources/")}
    assert resources, "the picture checks walk the pages' resources"
    assert {key: times for key, times in resources.items() if times > 1} == {}


def test_the_gate_reads_each_resource_dictionary_once_per_opening(
    walks: Counter[tuple[int, int, str]],
) -> None:
    stamped = _stamped(_pdf())
    assert verify(stamped, [], xray=False) == []
    resources = {key: times for key, times in walks.items() if key[2].startswith("Resources/")}
    assert {key: times for key, times in resources.items() if times > 1} == {}


def test_a_hidden_picture_in_a_stamped_page_is_still_refused() -> None:
    stamped = _stamped(_pdf(hidden=True))
    found = [(f.page, f.check) for f in verify(stamped, [], xray=False)]
    assert (0, "shown") in found
    assert all(page == 0 for page, check in found if check == "shown")


def test_a_changed_document_is_read_again() -> None:
    """The answer read before a change is not given after it: `forget`, or a `PageReads`
    whose page changed (it forgets what it shared of the document's objects too)."""
    with open_pdf(_stamped(_pdf(pages=1))) as doc:
        page = doc[0]
        reads = PageReads(page)
        (form,) = reads.objects.refs(page.xref, "XObject")
        (picture,) = reads.objects.refs(form, "XObject")
        assert reads.objects.key(picture, "Subtype") == ("name", "/Image")
        doc.xref_set_key(form, "Resources/XObject", "<<>>")  # the form draws no picture now
        reads.forget()
        assert reads.objects.refs(form, "XObject") == []
        assert resource_refs(doc, form, "XObject") == []
        assert hidden_pictures_by_page(doc, reads.objects) == {}


def test_a_copy_never_takes_the_reads_of_the_file_it_was_copied_from() -> None:
    with open_pdf(_pdf(pages=2)) as doc:
        objects = ObjectReads(doc)
        first = objects.refs(doc.page_xref(1), "XObject")
        assert first
        with pymupdf.open() as copy:
            copy.insert_pdf(doc, from_page=1, to_page=1)
            theirs = ObjectReads.of(copy, objects)
            assert theirs is not objects
            assert theirs.refs(copy.page_xref(0), "XObject") == resource_refs(
                copy, copy.page_xref(0), "XObject"
            )
        assert ObjectReads.of(doc, objects) is objects
