"""A folder's files stored a batch at a time (`service.ingest_folder`): the new documents of a
batch in one transaction, their control numbers still in the files' order with an e-mail family
among them, a copy in the same batch reported as in the record, and a run stopped while a batch
is stored leaves nothing of it, so the next run takes every file in once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clawback.ingest import INGESTED, KNOWN, REFUSED
from clawback.service import Workspace
from clawback.service import access as access_rules
from clawback.storage import tables as t
from tests.ingest.make import eml, text_pdf
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws", database_url)  # `tests.started`
    yield workspace
    workspace.close()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(text_pdf("first letter"))
    (folder / "b.pdf").write_bytes(text_pdf("second letter"))
    (folder / "c.eml").write_bytes(eml("Quarterly numbers", "See attached."))
    (folder / "d.pdf").write_bytes(text_pdf("third letter"))
    (folder / "e.pdf").write_bytes(b"")
    fourth = text_pdf("fourth letter")
    (folder / "f.pdf").write_bytes(fourth)
    (folder / "g-copy-of-f.pdf").write_bytes(fourth)
    return folder


def _ingest_entries(ws: Workspace) -> list[tuple[str, bool]]:
    """Each ``ingest`` audit entry's subject, and whether it closes its transaction (the last
    entry of a transaction carries the digests of the rows it changed: ``state``)."""
    with ws.transaction() as s:
        found = s.execute(
            select(t.Audit.subject, t.Audit.detail)
            .where(t.Audit.action == "ingest")
            .order_by(t.Audit.seq)
        ).all()
    return [(subject, "state" in detail) for subject, detail in found]


def test_a_batch_is_stored_in_one_transaction_in_the_files_order(
    ws: Workspace, tmp_path: Path
) -> None:
    reports = ws.ingest.ingest_paths([_folder(tmp_path)])
    assert [(r.path.name, r.outcome) for r in reports] == [
        ("a.pdf", INGESTED),
        ("b.pdf", INGESTED),
        ("c.eml", INGESTED),
        ("d.pdf", INGESTED),
        ("e.pdf", REFUSED),
        ("f.pdf", INGESTED),
        ("g-copy-of-f.pdf", KNOWN),
    ]
    controls = [c for r in reports for c in r.controls]
    assert controls[:4] == ["DOC-000001", "DOC-000002", "DOC-000003", "DOC-000004"]
    assert controls[4:] == ["DOC-000005", "DOC-000005"]  # f, and its copy is f
    # a and b in one transaction (stored before the e-mail), the e-mail in one, then d and f in
    # one: three commits where each file had its own
    entries = _ingest_entries(ws)
    assert len(entries) == 5
    closing = [subject.split(" ")[0] for subject, closes in entries if closes]
    assert closing == ["DOC-000002", "DOC-000003", "DOC-000005"]
    with ws.transaction() as s:
        pages = s.scalar(select(func.count()).select_from(t.Page))
        unworked = s.scalar(select(func.count()).where(t.Page.redacted_text.is_(None)))
    assert pages == 5
    assert unworked == 0  # every page's access worked out, in its batch's one refresh


def test_a_run_stopped_while_a_batch_is_stored_resumes_without_duplicates(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    refresh = access_rules.refresh
    calls = {"n": 0}

    def stopped_at_the_third(*args: object, **kwargs: bool) -> None:  # d and f's batch, midway
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        refresh(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(access_rules, "refresh", stopped_at_the_third)
    with pytest.raises(KeyboardInterrupt):
        ws.ingest.ingest_paths([folder])
    monkeypatch.setattr(access_rules, "refresh", refresh)
    with ws.transaction() as s:
        kept = s.scalars(select(t.Document.title).order_by(t.Document.id)).all()
    assert kept == ["a.pdf", "b.pdf", "Quarterly numbers"]  # nothing of the stopped batch
    assert ws.integrity.check() == []  # its files went with it: none belongs to no record
    again = ws.ingest.ingest_paths([folder])
    assert [r.outcome for r in again] == [KNOWN, KNOWN, KNOWN, INGESTED, REFUSED, INGESTED, KNOWN]
    with ws.transaction() as s:
        originals = s.scalars(select(t.Document.original)).all()
    assert len(originals) == 5 == len(set(originals))  # every file in once
    assert ws.integrity.check() == []
