"""`scrub_document` strips what is there and saves plainly what has nothing to strip; the gate's
structure check (qpdf) is the judge of both."""

from __future__ import annotations

from collections.abc import Callable

import pymupdf
import pytest

from clawback.pdf.files.document import open_pike
from clawback.pdf.gate.verify import structure_findings
from clawback.pdf.marks.stamp import stamp_document
from clawback.pdf.redaction.scrub import needs_scrub, scrub_document
from tests.pdf.builders import actualtext_doc, text_pdf


def _stamped() -> pymupdf.Document:
    src = pymupdf.open(stream=text_pdf(2), filetype="pdf")
    return stamp_document(src, [("ABC-0001", "CONFIDENTIAL \u2013 AEO"), ("ABC-0002", "")])


def _with_metadata(doc: pymupdf.Document) -> None:
    doc.set_metadata({"title": "the secret title"})


def _with_note(doc: pymupdf.Document) -> None:
    doc[0].add_text_annot((72, 72), "a sticky note")


def _with_outline(doc: pymupdf.Document) -> None:
    doc.set_toc([[1, "Chapter", 1]])


def _with_xmp(doc: pymupdf.Document) -> None:
    doc.set_xml_metadata("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>")


def test_a_freshly_stamped_file_has_nothing_to_strip_and_passes_as_saved() -> None:
    out = _stamped()
    assert not needs_scrub(out)
    pdf = scrub_document(out)
    with open_pike(pdf) as pike:
        assert structure_findings(pike) == []


@pytest.mark.parametrize("add", [_with_metadata, _with_note, _with_outline, _with_xmp])
def test_anything_the_scrub_removes_sends_the_file_through_it(
    add: Callable[[pymupdf.Document], None],
) -> None:
    out = _stamped()
    add(out)
    assert needs_scrub(out)
    pdf = scrub_document(out)
    with open_pike(pdf) as pike:
        assert structure_findings(pike) == []
    assert b"secret title" not in pdf and b"sticky note" not in pdf


def test_replacement_text_in_a_content_stream_counts() -> None:
    doc = actualtext_doc()
    assert needs_scrub(doc)
    with open_pike(scrub_document(doc)) as pike:
        assert [f.check for f in structure_findings(pike)] == []
