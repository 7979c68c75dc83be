"""A file already in the record, ingested again with --exhibit N: the number names the
existing document; if that document is another exhibit already, Ex. N is made its duplicate
(a document of its own, with the other as its lead); or the command says in one line why not."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clawback.cli import app
from tests.service.test_workspace import text_pdf


def test_a_duplicate_given_an_exhibit_number_names_the_existing_document(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, [*args, "-w", str(ws)])
        assert result.exit_code == code, result.output
        return result.output

    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    run("load-case", "--reference")
    memo, other = tmp_path / "memo.pdf", tmp_path / "other.pdf"
    memo.write_bytes(text_pdf("a memo"))
    other.write_bytes(text_pdf("another page"))
    assert "DOC-000001 (ingested)" in run("ingest", str(memo))
    again = run("ingest", str(memo), "--exhibit", "5")
    assert again.strip().endswith("DOC-000001 (already in the record, Ex. 5)")
    assert json.loads(run("show", "5"))["control"] == "DOC-000001"
    taken = run("ingest", str(other), "--exhibit", "5", code=1)
    assert taken.strip().endswith("refused: Ex. 5 is already in the record (another file)")
    duplicate = run("ingest", str(memo), "--exhibit", "6")
    assert duplicate.strip().endswith("DOC-000002 (ingested, Ex. 6, duplicate of Ex. 5)")
    assert json.loads(run("show", "6"))["control"] == "DOC-000002"
    again = run("ingest", str(memo), "--exhibit", "6")
    assert again.strip().endswith("DOC-000002 (already in the record, Ex. 6, duplicate of Ex. 5)")
    assert "DOC-000001 (already in the record, Ex. 5)" in run("ingest", str(memo), "--exhibit", "5")
    assert json.loads(run("show", "5"))["control"] == "DOC-000001"
