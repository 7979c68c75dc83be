"""`clawback jobs ingest` and `jobs produce` in a local process pool: one line per file in
the order asked, a refused file reported and the rest going in, signatures made at once."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.jobs.conftest import collection

runner = CliRunner()


def test_jobs_ingest_and_produce_in_a_local_pool(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    assert runner.invoke(app, ["load-case", "--reference", "-w", str(ws)]).exit_code == 0
    folder = collection(tmp_path / "in", 4, pages=1)
    (folder / "file-001.pdf").write_bytes(b"%PDF-1.7\n garbage")
    done = runner.invoke(app, ["jobs", "ingest", str(folder), "--workers", "2", "-w", str(ws)])
    assert done.exit_code == 1, done.output
    lines = done.output.strip().splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        str(folder / f"file-{n:03d}.pdf") for n in range(4)
    ]
    said = [line.split(": ", 1)[1] for line in lines]
    assert said[1].startswith("refused: ") and "Traceback" not in done.output
    assert all(re.fullmatch(r"DOC-00000[1-3] \(ingested\)", said[n]) for n in (0, 2, 3))
    record = Workspace.open(ws).operator()
    with record.transaction() as s:
        controls = list(s.scalars(select(t.Document.control).order_by(t.Document.control)))
        signed = s.scalar(select(func.count()).select_from(t.PageSignature))
    assert controls == ["DOC-000001", "DOC-000002", "DOC-000003"] and signed == 3
    produced = runner.invoke(
        app,
        ["jobs", "produce", *controls, "--volume", "V1", "--start", "JOB-00000001", "-w", str(ws)],
    )
    assert produced.exit_code == 0, produced.output
    assert produced.output.strip() == "V1: JOB-00000001-JOB-00000003 (3 pages)"
    previewed = runner.invoke(
        app, ["--as", "nobody@example.test", "jobs", "ingest", str(folder), "-w", str(ws)]
    )
    assert previewed.exit_code == 1 and "Traceback" not in previewed.output


def test_the_ingest_command_signs_each_new_document_as_it_arrives(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    folder = collection(tmp_path / "in", 2, pages=2)
    done = runner.invoke(app, ["ingest", str(folder), "-w", str(ws)])
    assert done.exit_code == 0, done.output
    again = runner.invoke(app, ["ingest", str(folder), "-w", str(ws)])
    assert again.exit_code == 0 and again.output.count("already in the record") == 2
    record = Workspace.open(ws).operator()
    with record.transaction() as s:
        signed = s.scalar(select(func.count()).select_from(t.PageSignature))
        unsigned = s.scalar(select(func.count()).select_from(t.UnsignedPage))
    assert (signed, unsigned) == (4, 0)


def test_jobs_sign_catches_up_on_documents_not_signed(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    record = Workspace.init(ws).operator()
    for n, pdf in enumerate(sorted(collection(tmp_path / "in", 3, pages=2).iterdir())):
        record.ingest.ingest(pdf.read_bytes(), title=f"d{n}")  # the service signs nothing
    record.copies.sign("DOC-000002")
    assert record.copies.unsigned() == ["DOC-000001", "DOC-000003"]
    record.ctx.workspace.close()
    done = runner.invoke(app, ["jobs", "sign", "--workers", "2", "-w", str(ws)])
    assert done.exit_code == 0, done.output
    assert done.output.splitlines() == [
        "DOC-000001: 2 page signature(s) made",
        "DOC-000003: 2 page signature(s) made",
    ]
    assert Workspace.open(ws).operator().copies.unsigned() == []
