"""The service API on a real database (SQLite and PostgreSQL) with real PDFs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import func, select

from clawback.domain.compliance import Act, Directive
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.pdf.gate.verify import VerificationError
from clawback.service import Workspace
from clawback.storage import tables as t

CODE = "ABC-2019-01-123456"


def text_pdf(*pages: str) -> bytes:
    doc = pymupdf.open()
    for body in pages:
        page = doc.new_page()
        for i, line in enumerate(body.splitlines()):
            page.insert_text((72, 100 + 18 * i), line, fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


def produced(ws: Workspace) -> None:
    ws.ingest.ingest(
        text_pdf("Cover memo\nnothing secret here", f"Tracking no.: {CODE}\nAgent notes"),
        title="memo",
        kind="report",
        exhibit=1,
    )
    ws.ingest.ingest(
        text_pdf("A public post by the plaintiff"),
        title="post",
        kind="image",
        exhibit=2,
        publicly_available=True,
    )
    ws.designations.designate(1, "AEO")
    ws.designations.designate(2, "Confidential")
    ws.productions.produce([1, 2], "TST-0000001", "VOL001")


def test_ingest_is_idempotent_and_refuses_bad_files(ws: Workspace) -> None:
    data = text_pdf("one", "two")
    control = ws.ingest.ingest(data, title="a")
    assert ws.ingest.ingest(data, title="a again") == control
    with pytest.raises(ValueError, match="PDF") as bad:
        ws.ingest.ingest(b"this is not a pdf", title="junk")
    assert "\n" not in str(bad.value)
    with ws.transaction() as s:
        assert s.scalar(select(func.count()).select_from(t.Document)) == 1
        assert s.scalar(select(func.count()).select_from(t.Page)) == 2


def test_produce_numbers_and_stamps_every_page(ws: Workspace) -> None:
    produced(ws)
    shown = ws.reads.show("TST-0000002")
    assert shown["exhibit"] == 1 and shown["bates"] == "TST-0000001-TST-0000002"
    with ws.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.exhibit == 1))
        assert doc is not None and doc.produced
        pdf = ws.ctx.files.get(doc.produced)
    with pymupdf.open(stream=pdf) as stamped:
        assert "TST-0000002" in stamped[1].get_text()
        assert "HIGHLY CONFIDENTIAL - ATTORNEYS' EYES ONLY" in stamped[1].get_text()
    with pytest.raises(RuleViolation, match="already produced"):
        ws.productions.produce([1], "TST-0000100", "VOL002")
    ws.ingest.ingest(text_pdf("late addition"), title="late", exhibit=3)
    with pytest.raises(RuleViolation, match="TST-0000002 is already used"):
        ws.productions.produce([3], "TST-0000002", "VOL003")


def test_unknown_things_are_named(ws: Workspace) -> None:
    produced(ws)
    with pytest.raises(NotFound, match="'Secret'"):
        ws.designations.designate(1, "Secret")
    with pytest.raises(NotFound, match=r"Ex\. 9"):
        ws.claims.claim("c", privilege="law_enforcement", exhibits=[9])
    with pytest.raises(NotFound, match="no claim 'nope'"):
        ws.claims.rule("nope", "denied")
    with pytest.raises(NotFound, match="TST-0000099"):
        ws.reads.show("TST-0000099")
    with pytest.raises(ClawbackError, match="not a document reference"):
        ws.reads.show("TST-")


def test_claim_rule_seal_file(ws: Workspace, tmp_path: Path) -> None:
    produced(ws)
    ws.items.define(1, "code", "TST-0000002", "a tracking code", [CODE])
    ws.claims.claim(
        "c1", privilege="law_enforcement", exhibits=[1], items=["code"], on=date(2020, 5, 1)
    )
    assert ws.reads.effects()[1].pending
    ws.claims.advance("c1", "sequestered")
    with pytest.raises(RuleViolation, match="from sequestered to applied"):
        ws.claims.advance("c1", "applied")
    ws.claims.rule("c1", "granted", on=date(2020, 6, 26))
    decisions = ws.sealing.seal("10", exhibits=[1, 2], kind="non_dispositive", granted=True)
    assert [(d.exhibit, d.sealed) for d in decisions] == [(1, True), (2, False)]
    found = ws.deadlines.order_deadlines(date(2020, 6, 26), [Directive("5", 14, Act.lodge_sealed)])
    assert found[0].due == date(2020, 7, 10)
    assert found[0].act == "lodge under seal Ex. 1 (TST-0000001-002), redacted for privilege"
    made = ws.filings.file(tmp_path / "out")
    names = sorted(m.plan.name for m in made)
    assert names == [
        "highlighted/ex01_TST-0000001.pdf",
        "public/ex01_TST-0000001.pdf",
        "public/ex02_TST-0000003.pdf",
        "sealed/ex01_TST-0000001.pdf",
    ]
    with pymupdf.open(tmp_path / "out" / "sealed" / "ex01_TST-0000001.pdf") as sealed:
        assert CODE not in sealed[1].get_text() and "Agent notes" in sealed[1].get_text()
    with pymupdf.open(tmp_path / "out" / "public" / "ex01_TST-0000001.pdf") as public:
        text = "".join(p.get_text() for p in public)
        assert "Cover memo" not in text and "TST-0000001" in text
    log = ws.privilege_log.rows()
    assert [(r.bates_begin, r.status.value, r.treatment.value) for r in log] == [
        ("TST-0000002", "upheld", "redacted")
    ]
    assert ws.reads.show(1)["claims"] == [
        {"claim": "c1", "state": "applied", "items": ["code"], "ruling": "granted"}
    ]


def test_failed_verification_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    # The code also stands on page 1, which the item does not name: the gate must stop the file.
    ws.ingest.ingest(text_pdf(f"copy: {CODE}", f"Tracking no.: {CODE}"), title="m", exhibit=1)
    ws.designations.designate(1, "AEO")
    ws.productions.produce([1], "TST-0000001", "VOL001")
    ws.items.define(1, "code", "TST-0000002", "a tracking code", [CODE])
    ws.claims.claim("c1", privilege="law_enforcement", exhibits=[1], items=["code"])
    ws.claims.rule("c1", "granted")
    ws.sealing.seal("10", exhibits=[1], kind="non_dispositive", granted=True)
    with pytest.raises(VerificationError, match=r"sealed/ex01_TST-0000001\.pdf") as failed:
        ws.filings.file(tmp_path / "out")
    assert CODE not in str(failed.value)
    assert not (tmp_path / "out" / "sealed").exists()
    with ws.transaction() as s:
        assert s.scalar(select(func.count()).select_from(t.Filing)) == 0


def test_reopening_needs_an_initialised_workspace(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no workspace at"):
        Workspace.open(tmp_path / "missing").operator()
