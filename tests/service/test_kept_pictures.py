"""Page pictures kept on disk (``service.pictures``): rendered once for every process, never
served past the access check, never stale after a ruling, each copy still marked with its own
person and code."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from PIL import Image, ImageChops

from clawback.domain.errors import NotFound
from clawback.service import Record, Workspace
from clawback.service.workspace import PICTURES
from clawback.storage import tables as t

COUNSEL = "counsel@plaintiffs.example"
PRODUCING = "counsel@defendants.example"
CLERK = "clerk@court.example"
PAGE = "AOL-DEF-00000001"


def memo() -> bytes:
    doc = pymupdf.open()
    for n in range(2):
        page = doc.new_page()
        page.insert_text((72, 100), f"Field memo, page {n + 1}", fontsize=12)
        if n == 0:  # the code on the first page only
            page.insert_text((72, 140), "The lookout code is quetzal.", fontsize=12)
    data: bytes = doc.tobytes()
    doc.close()
    return data


@pytest.fixture
def produced(ws: Record) -> Record:
    ws.people.add(COUNSEL, name="Receiving Counsel", side="receiving", category="counsel")
    ws.people.add(PRODUCING, name="Producing Counsel", side="producing", category="counsel")
    ws.people.add(CLERK, name="Clerk", side="court", category="court")
    ws.ingest.ingest(memo(), title="Field memo", exhibit=1)
    ws.designations.designate(1, "Confidential")
    ws.productions.produce([1], "AOL-DEF-00000001", "VOL1")
    return ws


def kept(ws: Record) -> list[Path]:
    folder = ws.ctx.workspace.root / PICTURES
    return sorted(p for p in folder.rglob("*") if p.is_file())


def torn_off(png: bytes) -> bytes:
    """A scan of the picture's top-left quarter, as a PDF."""
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    picture.crop((0, 0, picture.width // 2, picture.height // 2)).save(out, "JPEG", quality=85)
    scan = pymupdf.open()
    scan.new_page(width=306, height=396).insert_image(
        pymupdf.Rect(0, 0, 306, 396), stream=out.getvalue()
    )
    data: bytes = scan.tobytes()
    return data


def test_a_kept_picture_serves_another_process_without_the_pdf_and_marked_for_its_person(
    produced: Record,
) -> None:
    workspace = produced.ctx.workspace
    first = workspace.person(COUNSEL).reads.page_image(PAGE, dpi=100)
    assert len(kept(produced)) == 1
    # Another process (nothing in its memory), the produced file itself out of reach: the
    # picture comes from the disk, never rendered again.
    other = Workspace.open(workspace.root, workspace.url)
    with produced.transaction() as s:
        doc = s.get(t.Document, 1)
        assert doc is not None and doc.produced is not None
        stored = workspace.files.path(doc.produced)
    aside = stored.with_name("aside")
    stored.rename(aside)
    try:
        second = other.person(COUNSEL).reads.page_image(PAGE, dpi=100)
    finally:
        aside.rename(stored)
        other.close()
    assert len(kept(produced)) == 1
    assert first != second  # each copy its own moment and code
    found = produced.tracing.trace(torn_off(second))
    assert found is not None
    assert (found.person, found.subject, found.action) == (COUNSEL, PAGE, "read.image")


def test_a_page_clawed_back_after_its_picture_was_kept_is_not_served(produced: Record) -> None:
    workspace = produced.ctx.workspace
    counsel = workspace.person(COUNSEL)
    counsel.reads.page_image(PAGE, dpi=100)
    assert kept(produced)
    workspace.person(PRODUCING).claims.claim(
        "c1", privilege="law_enforcement", exhibits=[1], on=date(2020, 3, 20)
    )
    with pytest.raises(NotFound) as refused:
        counsel.reads.page_image(PAGE, dpi=100)
    with pytest.raises(NotFound) as absent:
        counsel.reads.page_image("AOL-DEF-00000009", dpi=100)
    assert str(refused.value) == str(absent.value).replace("00000009", "00000001")


def test_a_ruling_that_redacts_a_kept_page_makes_its_picture_again(produced: Record) -> None:
    workspace = produced.ctx.workspace
    produced.items.define(1, "code", PAGE, "a lookout code", ["quetzal"])
    as_produced = workspace.person(COUNSEL).reads.page_image(PAGE, dpi=100)
    before = kept(produced)
    workspace.person(PRODUCING).claims.claim(
        "c1", privilege="law_enforcement", exhibits=[1], items=["code"], on=date(2020, 3, 20)
    )
    counsel = workspace.person(COUNSEL).claims
    counsel.advance("c1", "sequestered", date(2020, 3, 23), how="destroyed")
    counsel.advance("c1", "submitted", date(2020, 3, 24))
    workspace.person(PRODUCING).claims.advance("c1", "preserved", date(2020, 3, 25))
    workspace.person(CLERK).claims.advance("c1", "under_review", date(2020, 3, 26))
    workspace.person(CLERK).claims.rule("c1", "granted", on=date(2020, 6, 26))
    redacted = workspace.person(COUNSEL).reads.page_image(PAGE, dpi=100)
    assert len(kept(produced)) == len(before) + 1  # another picture: the redacted view's
    a = Image.open(io.BytesIO(as_produced)).convert("L")
    b = Image.open(io.BytesIO(redacted)).convert("L")
    box = (0, int(120 * 100 / 72), a.width, int(150 * 100 / 72))  # the line with the code
    assert ImageChops.difference(a.crop(box), b.crop(box)).getbbox() is not None
    assert "quetzal" not in workspace.person(COUNSEL).reads.page_text(PAGE)
