"""Traceable copies in the service, on SQLite and PostgreSQL: what the receiving side is given
is marked and recorded, and a copy found elsewhere is traced by its bytes or its code; a code
the trail never gave out, or an unmarked copy, names no one."""

from __future__ import annotations

import io

import pymupdf
import pytest
from PIL import Image

from clawback.domain.errors import NotPermitted
from clawback.service import Record

COUNSEL = "counsel@plaintiffs.example"
PRODUCING = "counsel@defendants.example"


def memo() -> bytes:
    doc = pymupdf.open()
    for n in range(2):
        doc.new_page().insert_text((72, 100), f"Field memo, page {n + 1}: quetzal", fontsize=12)
    data: bytes = doc.tobytes()
    doc.close()
    return data


@pytest.fixture
def produced(ws: Record) -> Record:
    ws.people.add(COUNSEL, name="Receiving Counsel", side="receiving", category="counsel")
    ws.people.add(PRODUCING, name="Producing Counsel", side="producing", category="counsel")
    ws.ingest.ingest(memo(), title="Field memo", exhibit=1)
    ws.designations.designate(1, "Confidential")
    ws.productions.produce([1], "AOL-DEF-00000001", "VOL1")
    return ws


def torn_off(png: bytes) -> bytes:
    """The top-left quarter of a picture, as a JPEG (as a scanner would save it)."""
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    picture.crop((0, 0, picture.width // 2, picture.height // 2)).save(out, "JPEG", quality=85)
    return out.getvalue()


def resaved(pdf: bytes) -> bytes:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return doc.tobytes(garbage=4, deflate=True)


def test_a_copy_is_traced_by_its_bytes_and_by_its_code(produced: Record) -> None:
    counsel = produced.ctx.workspace.person(COUNSEL)
    copy = counsel.reads.download("AOL-DEF-00000002")
    assert copy.name == "AOL-DEF-00000001.pdf"
    exact = produced.tracing.trace(copy.pdf)
    assert exact is not None and exact.same_bytes
    assert (exact.person, exact.subject, exact.action) == (
        COUNSEL,
        "AOL-DEF-00000001",
        "download",
    )
    again = produced.tracing.trace(resaved(copy.pdf))
    assert again is not None and not again.same_bytes
    assert (again.code, again.seq) == (exact.code, exact.seq)
    assert f"served to {COUNSEL}" in str(again) and "printed, scanned" in str(again)


def test_an_unmarked_copy_and_an_unknown_code_name_no_one(produced: Record) -> None:
    own = produced.ctx.workspace.person(PRODUCING).reads.download(1)
    with pymupdf.open(stream=own.pdf, filetype="pdf") as doc:
        assert "TRACE" not in doc[0].get_text()
    assert produced.tracing.trace(own.pdf) is None
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "TRACE HHHH-KKKK counsel@plaintiffs.example")
    assert produced.tracing.trace(doc.tobytes()) is None


def test_the_receiving_side_may_not_trace(produced: Record) -> None:
    counsel = produced.ctx.workspace.person(COUNSEL)
    copy = counsel.reads.download(1)
    with pytest.raises(NotPermitted, match="may not trace a copy"):
        counsel.tracing.trace(copy.pdf)


def test_a_page_picture_scanned_back_into_a_pdf_is_traced_by_ocr(produced: Record) -> None:
    counsel = produced.ctx.workspace.person(COUNSEL)
    png = counsel.reads.page_image("AOL-DEF-00000002", dpi=100)
    scan = pymupdf.open()
    page = scan.new_page(width=306, height=396)
    page.insert_image(page.rect, stream=torn_off(png))  # a scan of a torn-off quarter
    found = produced.tracing.trace(scan.tobytes())
    assert found is not None and not found.same_bytes
    assert (found.person, found.subject, found.action) == (
        COUNSEL,
        "AOL-DEF-00000002",
        "read.image",
    )
