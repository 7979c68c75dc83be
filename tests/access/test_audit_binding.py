"""An audit trail that proves the state, not only itself.

Four tampers someone holding the database (but not the audit key) could try, each caught by
`clawback audit verify`, with a signed checkpoint kept outside the workspace: the tail deleted
and the head fixed, an entry edited and the chain re-hashed, a document's tier edited (which at
once lets a party employee read an AEO exhibit), a page's text edited. And what the trail keeps
of a search: never the searched text; each side's reads are its own work product.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from typer.testing import CliRunner

from clawback.cli import app
from clawback.service import Via, Workspace, audit_trail
from clawback.storage import pairs
from clawback.storage.audit import GENESIS, digest

runner = CliRunner()
SECRET = "QQZ-7731-SECRET"
EMPLOYEE = "staff@plf.test"


def cli(ws: Path, *args: str, ok: bool = True) -> str:
    where = [] if args[0] == "init" else ["-w", str(ws)]
    result = runner.invoke(app, [*args, *where])
    assert (result.exit_code == 0) == ok, result.output
    assert "Traceback" not in result.output
    return result.output


def pdf(path: Path, *lines: str) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    for n, line in enumerate(lines):
        page.insert_text((72, 100 + 20 * n), line, fontsize=11)
    doc.save(path)
    doc.close()
    return path


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Path]:
    """Two produced documents, one AEO, a party employee seated; a checkpoint kept outside."""
    ws = tmp_path / "ws"
    cli(ws, "init", str(ws))
    cli(ws, "load-case", "--reference")
    for email, category in ((EMPLOYEE, "party_officers_directors_employees"),):
        cli(
            ws, "people", "add", email, "--name", "S", "--side", "receiving", "--category", category
        )
    cli(ws, "ingest", str(pdf(tmp_path / "a.pdf", "an ordinary page")), "--exhibit", "1")
    cli(ws, "ingest", str(pdf(tmp_path / "b.pdf", f"code {SECRET} here")), "--exhibit", "2")
    cli(ws, "designate", "1", "Confidential")
    cli(ws, "designate", "2", "AEO")
    cli(ws, "produce", "1", "2", "--start", "AB-00000001", "--volume", "V1")
    yield ws


def sql(ws: Path, *statements: str) -> None:
    """Statements run outside clawback, by someone who gives the pair index's triggers the
    function they call (as any SQLite tool could) to edit page text."""
    with sqlite3.connect(ws / "clawback.db") as db:
        pairs.register(db)
        for statement in statements:
            db.execute(statement)


def checkpoint(ws: Path, where: Path) -> Path:
    out = where / "kept-outside" / "checkpoint.json"
    out.parent.mkdir(exist_ok=True)
    cli(ws, "audit", "checkpoint", "--out", str(out))
    return out


def test_an_untouched_trail_verifies_with_its_checkpoint(ws: Path, tmp_path: Path) -> None:
    kept = checkpoint(ws, tmp_path)
    cli(ws, "--as", EMPLOYEE, "text", "AB-00000001")
    assert "intact (1 checkpoint held)" in cli(ws, "audit", "verify", "--checkpoint", str(kept))
    signed = json.loads(kept.read_text())
    assert {"seq", "hash", "signature", "public_key", "workspace"} <= signed.keys()


def test_the_tail_deleted_and_the_head_fixed_is_caught(ws: Path, tmp_path: Path) -> None:
    kept = checkpoint(ws, tmp_path)
    with sqlite3.connect(ws / "clawback.db") as db:
        last = db.execute("select max(seq) from audit").fetchone()[0]
        db.execute("delete from audit where seq >= ?", (last - 2,))
        seq, entry = db.execute("select seq, hash from audit order by seq desc limit 1").fetchone()
        db.execute("update audit_head set seq = ?, hash = ?", (seq, entry))
    out = cli(ws, "audit", "verify", "--checkpoint", str(kept), ok=False)
    assert "head" in out and "checkpoint" in out and "deleted" in out


def test_an_edit_with_the_chain_rehashed_is_caught(ws: Path, tmp_path: Path) -> None:
    """SHA-256 alone would say intact: every later hash and the head are recomputed."""
    kept = checkpoint(ws, tmp_path)
    with sqlite3.connect(ws / "clawback.db") as db:
        db.row_factory = sqlite3.Row
        rows = [dict(r) for r in db.execute("select * from audit order by seq")]
        prev = GENESIS
        for row in rows:
            if row["action"] == "designate":
                row["subject"] = "Ex. 99"
            fields = {k: row[k] for k in ("seq", "stamp", "actor", "path", "action", "subject")}
            fields |= {"detail": json.loads(row["detail"]), "prev": prev}
            prev = digest(fields)
            db.execute(
                "update audit set subject = ?, prev = ?, hash = ? where id = ?",
                (row["subject"], fields["prev"], prev, row["id"]),
            )
        db.execute("update audit_head set hash = ?", (prev,))
    out = cli(ws, "audit", "verify", "--checkpoint", str(kept), ok=False)
    assert "forged" in out or "outside clawback" in out
    assert "checkpoint" in out  # the kept checkpoint no longer matches the chain


def test_a_tier_edit_is_caught(ws: Path) -> None:
    """The edit works at once (the employee reads an AEO exhibit): the trail names it."""
    sql(ws, "update document set tier = 'Confidential' where exhibit = 2")
    assert SECRET in cli(ws, "--as", EMPLOYEE, "text", "AB-00000002")
    out = cli(ws, "audit", "verify", ok=False)
    assert "document:2 was changed outside clawback" in out


def test_a_page_text_edit_is_caught(ws: Path) -> None:
    sql(ws, "update page set text = 'nothing to see' where bates = 'AB-00000002'")
    out = cli(ws, "audit", "verify", ok=False)
    assert "document:2 was changed outside clawback" in out


def test_a_row_added_outside_clawback_is_caught(ws: Path) -> None:
    sql(
        ws,
        "insert into person (email, name, side, category, acknowledged) "
        "values ('x@y.test', 'X', 'court', 'court', 1)",
    )
    assert "person:x@y.test is not in the audit trail" in cli(ws, "audit", "verify", ok=False)


def test_the_trail_keeps_no_searched_text_and_each_sides_reads_are_its_own(
    ws: Path, tmp_path: Path
) -> None:
    cli(ws, "hits", SECRET)
    cli(ws, "search", "ordinary page")
    workspace = Workspace.open(ws)
    try:
        workspace.person(EMPLOYEE, Via.web).reads.search("ordinary page")
    finally:
        workspace.close()
    with sqlite3.connect(ws / "clawback.db") as db:
        trail = "\n".join(str(row) for row in db.execute("select * from audit"))
    assert SECRET not in trail and "ordinary page" not in trail
    # the pattern's keyed hash lets the holder of the key confirm what was looked for
    assert "pattern_hmac" in trail
    cli(
        ws,
        "people",
        "add",
        "pc@def.test",
        "--name",
        "P",
        "--side",
        "producing",
        "--category",
        "counsel",
    )
    workspace = Workspace.open(ws)
    try:
        mine = tmp_path / "producing.jsonl"
        workspace.person("pc@def.test", Via.web).audit.export(mine)
        court = tmp_path / "all.jsonl"
        workspace.operator().audit.export(court)
    finally:
        workspace.close()
    theirs = [json.loads(line) for line in mine.read_text().splitlines()]
    withheld = [e for e in theirs if "seq" in e and "withheld" in e]  # the last line: the head
    # the employee's seat (not theirs to list) and the employee's search: alike
    assert [e["withheld"] for e in withheld] == [audit_trail.WITHHELD] * 2
    assert not any(e.get("actor") == EMPLOYEE for e in theirs)
    assert EMPLOYEE in court.read_text()
    assert "intact" in runner.invoke(app, ["audit", "check-file", str(mine)]).output
    assert (
        hashlib.sha256(mine.read_bytes()).hexdigest()
        != hashlib.sha256(court.read_bytes()).hexdigest()
    )
