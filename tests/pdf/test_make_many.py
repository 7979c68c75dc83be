"""Documents made as a group (`produced.make_many`): the gate's OCR check reads the group's
pages together, and each document still passes or fails on its own.

A group's files come back only up to the first document that fails: the one before it is
kept (a volume commits it), the failing one is named with its OCR finding (the secret by its
label, never its text), and no document after it comes back.
"""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.gate.verify import VerificationError
from clawback.pdf.produced import Job, make, make_many
from tests.pdf.test_gate_ocr import SECRET, picture_of


def job(label: str, picture: bool) -> Job:
    """A one-page document writing SECRET (a pattern hit to redact) and, with `picture`,
    showing it in a picture too: redacting the text leaves the picture saying it."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"Routing: {SECRET}", fontsize=11)
    page.insert_text((72, 130), "a caption for the photograph below", fontsize=11)
    if picture:
        page.insert_image(pymupdf.Rect(72, 300, 372, 360), stream=picture_of(SECRET))
    else:
        page.insert_image(pymupdf.Rect(72, 300, 372, 360), stream=picture_of("nothing here"))
    pdf = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    hits = [{"page": 0, "text": SECRET, "found": SECRET}]
    return Job(
        label, pdf, [(f"{label}-1", "CONFIDENTIAL")], hits, "privileged", "bottom-right", True
    )


def test_the_group_gives_the_files_before_the_one_its_ocr_check_fails() -> None:
    made = make_many([job("first", False), job("leaky", True), job("after", False)])
    assert len(made.files) == 1
    with pymupdf.open(stream=made.files[0]) as out:
        assert SECRET not in out[0].get_text() and "first-1" in out[0].get_text()
    assert isinstance(made.failure, VerificationError)
    line = str(made.failure)
    assert line.startswith("leaky: 1 finding(s); first: page 1: ocr: OCR of the page reads")
    assert SECRET not in line


def test_a_group_that_passes_gives_every_file_as_one_at_a_time_would() -> None:
    jobs = [job(f"doc{n}", False) for n in range(3)]
    made = make_many(jobs)
    assert made.failure is None
    assert made.files == [make(j) for j in jobs]


def test_one_document_failing_the_ocr_check_raises_naming_it() -> None:
    with pytest.raises(VerificationError, match=r"^leaky: .*ocr"):
        make(job("leaky", True))
