"""The CLI: each command one service call, errors one line, every command documented."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pymupdf
from typer.main import get_command
from typer.testing import CliRunner

from clawback.cli import app
from tests.conftest import ROOT

runner = CliRunner()
CODE = "XYZ-2020-02-654321"


def make_pdf(path: Path, *pages: str) -> Path:
    doc = pymupdf.open()
    for body in pages:
        doc.new_page().insert_text((72, 100), body, fontsize=11)
    doc.save(path)
    doc.close()
    return path


def cli(ws: Path, *args: str, ok: bool = True) -> str:
    result = runner.invoke(app, [*args, "-w", str(ws)] if args[0] != "init" else list(args))
    assert (result.exit_code == 0) is ok, result.output
    return result.output


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`clawback ([a-z][a-z-]*)", readme))
    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    assert commands == documented


def test_the_flow_from_the_command_line(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    cli(ws, "init", str(ws))
    cli(ws, "load-case", "--reference")
    good = make_pdf(tmp_path / "memo.pdf", "cover page", f"Tracking no.: {CODE}")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    out = cli(ws, "ingest", str(bad), str(good), ok=False)
    assert "memo.pdf: DOC-000001" in out
    errors = [line for line in out.splitlines() if "broken.pdf" in line]
    assert len(errors) == 1 and "Traceback" not in out
    cli(ws, "designate", "DOC-000001", "AEO")
    assert "AB-00000001-AB-00000002 (2 pages)" in cli(
        ws, "produce", "DOC-000001", "--start", "AB-00000001", "--volume", "V1"
    )
    cli(
        ws,
        "item",
        "AB-00000002",
        "code",
        "--page",
        "AB-00000002",
        "--what",
        "a code",
        "--text",
        CODE,
    )
    cli(ws, "claim", "c1", "--exhibit", "1", "--item", "code", ok=False)  # not an exhibit
    shown = cli(ws, "show", "AB-00000001")
    assert '"bates": "AB-00000001-AB-00000002"' in shown and CODE not in shown


def test_errors_are_one_line(tmp_path: Path) -> None:
    ws = tmp_path / "nowhere"
    out = cli(ws, "show", "5", ok=False)
    assert out.strip().startswith("error: no workspace at") and len(out.strip().splitlines()) == 1
    cli(tmp_path / "ws", "init", str(tmp_path / "ws"))
    out = cli(tmp_path / "ws", "show", "AOL-DEF-", ok=False)
    assert "not a document reference" in out and "'AOL-DEF-'" in out
    assert len(out.strip().splitlines()) == 1
    out = cli(tmp_path / "ws", "deadlines", "--directive", "5:x:lodge", ok=False)
    assert "needs --order-date" in out


def test_audit_verify_names_a_tampered_entry(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    cli(ws, "init", str(ws))
    cli(ws, "load-case", "--reference")
    cli(
        ws,
        "people",
        "add",
        "pc@plf.test",
        "--name",
        "PC",
        "--side",
        "receiving",
        "--category",
        "counsel",
    )
    cli(ws, "ingest", str(make_pdf(tmp_path / "a.pdf", "alpha page")))
    cli(ws, "produce", "DOC-000001", "--start", "AB-00000001", "--volume", "V1")
    runner.invoke(app, ["--as", "pc@plf.test", "text", "AB-00000001", "-w", str(ws)])
    assert "audit trail intact" in cli(ws, "audit", "verify")
    cli(ws, "audit", "export", str(tmp_path / "trail.jsonl"))
    assert (
        "intact"
        in runner.invoke(app, ["audit", "check-file", str(tmp_path / "trail.jsonl")]).output
    )
    with sqlite3.connect(ws / "clawback.db") as db:
        read = db.execute(
            "select seq, actor, path, subject from audit where action = 'read.text'"
        ).fetchone()
        # the operator's preview through counsel's eyes: the trail names the operator
        assert read[1:] == ("operator (preview as pc@plf.test)", "cli", "AB-00000001")
        db.execute("update audit set subject = 'AB-00000009' where seq = ?", (read[0],))
    out = cli(ws, "audit", "verify", ok=False)
    assert f"entry {read[0]} " in out and "edited" in out
    with sqlite3.connect(ws / "clawback.db") as db:
        db.execute("delete from audit where seq = 2")
    assert "entry 2" in cli(ws, "audit", "verify", ok=False)


def test_check_reports_altered_and_orphaned_files(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    cli(ws, "init", str(ws))
    cli(ws, "load-case", "--reference")
    cli(ws, "ingest", str(make_pdf(tmp_path / "a.pdf", "alpha page")))
    assert "matches its hash" in cli(ws, "check")
    stored = next(p for p in (ws / "files").glob("??/*"))
    stored.write_bytes(b"%PDF-1.7 altered")
    (ws / "files" / "ab").mkdir(exist_ok=True)
    (ws / "files" / "ab" / ("c" * 62)).write_bytes(b"stray")
    out = cli(ws, "check", ok=False)
    assert "no longer matches its hash" in out and "belongs to no record" in out
