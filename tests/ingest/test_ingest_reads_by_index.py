"""A document's control number is the next of its side's collection (``DOC-000001``, ...),
found without counting the collection: ingest took the count of a side's documents, by a scan
of every document, for each new one (6 ms a document at 10,000 documents: a folder's ingest
grew with the square of its size). The last number the side took is read along an index of
(side, id) instead: documents are never deleted and numbering waits for any other writer, so
the last number is the count. The same held for the file already ingested (by its hash) and
the PDF made from an Office file before: every statement an ingest sends reads along an index."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from clawback.domain.actor import Via
from clawback.service import lookup, rows
from clawback.storage import tables as t
from tests.plans import plan, statements
from tests.service.test_workspace import text_pdf
from tests.started import start

COUNSEL = "counsel@plaintiffs.example"


def test_each_side_numbers_its_own_collection_one_after_another(
    tmp_path: Path, database_url: str
) -> None:
    ws = start(tmp_path / "ws", database_url)
    try:
        ws.people.add(COUNSEL, name="C", side="receiving", category="counsel")
        receiving = ws.ctx.workspace.person(COUNSEL, Via.cli)
        made = []
        for n in range(5):  # the two sides' documents interleaved
            made.append(ws.ingest.ingest(text_pdf(f"producing page {n}"), title=f"p{n}"))
            if n % 2:
                made.append(receiving.ingest.ingest(text_pdf(f"receiving page {n}"), title=f"r{n}"))
        assert made == [
            "DOC-000001",
            "DOC-000002",
            "RCV-000001",
            "DOC-000003",
            "DOC-000004",
            "RCV-000002",
            "DOC-000005",
        ]
        with ws.ctx.transaction() as s:
            held = s.execute(select(t.Document.held_by, t.Document.control)).all()
        assert sorted(held) == sorted(
            ("producing" if c.startswith("DOC") else "receiving", c) for c in made
        )
    finally:
        ws.close()


def test_an_ingest_reads_no_table_that_grows_with_the_record_by_a_scan(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clawback.db'}"
    ws = start(tmp_path / "ws", url)
    try:
        engine = ws.ctx.workspace.engine
        with statements(engine) as every:
            ws.ingest.ingest(text_pdf("one page"), title="one")
        sent = [
            (sql, parameters)
            for sql, parameters in every
            if sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "INSERT"))
        ]
        assert sent, "no statement asked for the side's documents"
        for sql, parameters in sent:
            steps = plan(engine, sql, parameters)
            scans = [step for step in steps if step.startswith("SCAN")]
            # the audit head is one row; every other table grows with the record
            assert scans in ([], ["SCAN audit_head"]), (sql, steps)
    finally:
        ws.close()


def test_the_exhibits_and_the_filed_papers_are_read_along_an_index(tmp_path: Path) -> None:
    """Every listing of the dispute and every access check of a claim reads the exhibits (or
    the filed papers) of the record: a few documents among many, once a scan of them all."""
    ws = start(tmp_path / "ws", f"sqlite:///{tmp_path / 'clawback.db'}")
    try:
        engine = ws.ctx.workspace.engine
        with statements(engine) as sent, ws.ctx.transaction() as s:
            lookup.known_exhibits(s, ws.actor)
            lookup.known_papers(s, ws.actor)
            rows.exhibits(s)
            rows.papers(s)
        asked = [(q, p) for q, p in sent if "IS NOT NULL" in q]
        assert len(asked) >= 4, asked
        for sql, parameters in asked:
            steps = plan(engine, sql, parameters)
            # a partial index holds only those documents: walking it is no scan of them all
            assert all(
                "ix_document_" in step for step in steps if step.startswith("SCAN document")
            ), (sql, steps)
            assert any("ix_document_" in step for step in steps), (sql, steps)
    finally:
        ws.close()
