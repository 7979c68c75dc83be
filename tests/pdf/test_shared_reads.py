"""What a production reads of a page, it reads once for each state of the page.

A text trace costs a run of the page's content (more than its text): the redactor and the
gate used to trace the same page, unchanged, several times over (the redactor before its
removal and again for the direction of its text, after the repair and again to re-flow; the
gate for the unseen-text check, again under each box and again for each box's width). These
tests record every trace with the state of the page it read (its content streams and those
of the forms it draws) and refuse a state traced twice; the checks keep their verdicts (the
gate's own tests, tests/redaction)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pymupdf
import pytest

from clawback.pdf.files.document import open_pdf
from clawback.pdf.gate.verify import OcrBatch, verify
from clawback.pdf.marks.stamp import band_offset, stamp_document
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, redact_document
from clawback.pdf.redaction.scrub import scrub_document
from clawback.pdf.shows.region import displayed_boxes

HIT = "ABC-1234-56-789012"
MARGIN = 36


def _pdf() -> bytes:
    """Two pages of plain lines; the hit mid-line on the first, so re-flow moves the words
    after it."""
    doc = pymupdf.open()
    for number in range(2):
        page = doc.new_page()
        for line in range(12):
            page.insert_text((72, 80 + 20 * line), f"the record of page {number} line {line}")
        if number == 0:
            page.insert_text((72, 400), f"Tracking no.: {HIT} filed by the officer")
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def _state(page: pymupdf.Page) -> tuple[object, ...]:
    doc = page.parent
    xrefs = list(page.get_contents()) + [item[0] for item in doc.get_page_xobjects(page.number)]
    return (doc.page_count, page.number, page.rotation, *(doc.xref_stream(x) for x in xrefs))


@pytest.fixture
def traces(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[tuple[object, ...]]]:
    """Every text trace made while the test runs, counted by the state of the page it read."""
    seen: Counter[tuple[object, ...]] = Counter()
    real = pymupdf.Page.get_texttrace

    def counted(page: pymupdf.Page) -> list[dict[str, object]]:
        seen[_state(page)] += 1
        return real(page)  # type: ignore[no-any-return]

    monkeypatch.setattr(pymupdf.Page, "get_texttrace", counted)
    yield seen


def _twice(traces: Counter[tuple[object, ...]]) -> list[tuple[object, int]]:
    return [(state[1], n) for state, n in traces.items() if n > 1]


def _redacted(pdf: bytes) -> tuple[bytes, list[tuple[int, tuple[float, ...], str]], list[object]]:
    """The stamped file, its boxes and its re-flowed boxes as the stamped page shows them."""
    item = Redaction(page=0, reason="REDACTED", text=HIT, label="hit 1")
    with open_pdf(pdf) as src:
        painted = redact_document(src, [item], WIDTH_POLICY)
        boxes = displayed_boxes(src, painted.boxes)
        reflowed = displayed_boxes(src, painted.reflowed)
        labels = [(f"BEN-{n:08d}", "CONFIDENTIAL") for n in range(1, 3)]
        out = stamp_document(src, labels, MARGIN, "bottom-right")
        try:
            stamped = scrub_document(out)
        finally:
            out.close()
    down = band_offset(MARGIN, "bottom-right")
    shift = [(p, (x0, y0 + down, x1, y1 + down), k) for p, (x0, y0, x1, y1), k in boxes]
    flowed = [(p, (x0, y0 + down, x1, y1 + down), k) for p, (x0, y0, x1, y1), k in reflowed]
    return stamped, shift, flowed  # type: ignore[return-value]


def test_the_redactor_traces_each_state_of_a_page_once(
    traces: Counter[tuple[object, ...]],
) -> None:
    item = Redaction(page=0, reason="REDACTED", text=HIT, label="hit 1")
    with open_pdf(_pdf()) as doc:
        painted = redact_document(doc, [item], WIDTH_POLICY)
        assert painted.reflowed  # the hit's gap was re-flowed: the whole path ran
        assert HIT not in doc[0].get_text()
    assert traces, "the redactor reads the page's text trace"
    assert _twice(traces) == []


def test_the_gate_traces_each_page_of_the_file_once(
    traces: Counter[tuple[object, ...]],
) -> None:
    stamped, boxes, reflowed = _redacted(_pdf())
    traces.clear()
    findings = verify(
        stamped,
        [("hit 1", HIT)],
        boxes=boxes,  # type: ignore[arg-type]
        reflowed=reflowed,  # type: ignore[arg-type]
        xray=False,
        ocr=False,
    )
    assert findings == []
    assert {state[1] for state in traces} == {0, 1}  # every page read (unseen text)
    assert _twice(traces) == []


def _pdf_with_picture() -> bytes:
    """`_pdf`, with a picture of stripes beside the lines of the first page (what the OCR
    check (k) reads of a boxed page: the picture, and the written spans it touches)."""
    doc = pymupdf.open(stream=_pdf())
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    for x in range(40):
        for y in range(40):
            pix.set_pixel(x, y, (20, 40, 90) if (x // 4) % 2 else (240, 240, 240))
    doc[0].insert_image(pymupdf.Rect(72, 450, 272, 650), stream=pix.tobytes("png"))
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


@pytest.mark.parametrize("batched", [False, True], ids=["alone", "in a batch"])
def test_the_gate_with_ocr_traces_each_page_of_the_file_once(
    traces: Counter[tuple[object, ...]], batched: bool
) -> None:
    """The OCR check (k) finds what a boxed page draws from the page checks' reads: it used
    to trace the page (and read its box log and fonts) once more."""
    stamped, boxes, reflowed = _redacted(_pdf_with_picture())
    traces.clear()
    batch = OcrBatch()
    findings = verify(
        stamped,
        [("hit 1", HIT)],
        boxes=boxes,  # type: ignore[arg-type]
        reflowed=reflowed,  # type: ignore[arg-type]
        xray=False,
        ocr_later=(batch, "file") if batched else None,
    )
    if batched:
        assert len(batch._waiting) == 1  # the boxed page drew a picture: it is to be read
        findings += batch.findings()["file"]
    assert findings == []
    assert {state[1] for state in traces} == {0, 1}
    assert _twice(traces) == []
