"""``clawback check`` lists every document ingest could not read whole, one line each with its
control number and the warning; a person previewed (``--as``) sees only their own side's
documents they may see: another side's, or one a tier hides, is absent from the list."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import eml_with

runner = CliRunner()


def _cut_mail(subject: str) -> bytes:
    """A message with three attachments, cut inside the second."""
    whole = eml_with(subject, [(f"{n}.txt", b"figures of the quarter\n" * 200) for n in "abc"])
    return whole[: whole.index(b'filename="b.txt"') + 1200]


def _check(home: Path, *preview: str) -> list[str]:
    result = runner.invoke(app, [*preview, "check", "-w", str(home)])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def _lines(ws: Workspace, controls: list[str]) -> list[str]:
    """``CONTROL: warning`` for each warning in these documents' meta."""
    with ws.transaction() as s:
        docs = s.scalars(
            select(t.Document).where(t.Document.control.in_(controls)).order_by(t.Document.id)
        ).all()
        return [f"{d.control}: {w}" for d in docs for w in (d.meta or {}).get("warnings", ())]


def test_check_lists_partial_reads_as_each_person_may_see_them(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    ws = Workspace.init(home).operator()
    try:
        ws.matter.load_case(reference_case())
        ws.people.add("rc@other.test", name="RC", side="receiving", category="counsel")
        ws.people.add(
            "emp@other.test",
            name="E",
            side="receiving",
            category="party_officers_directors_employees",
        )
        ours, _ = ws.ingest.ingest_file(_cut_mail("Ours"), "ours.eml")
        ws.ingest.ingest_file(eml_with("Whole", []), "whole.eml")  # read whole: not listed
        theirs = ws.ctx.workspace.person("rc@other.test")
        try:
            open_one, _ = theirs.ingest.ingest_file(_cut_mail("Open"), "open.eml")
            eyes_only, _ = theirs.ingest.ingest_file(_cut_mail("AEO"), "aeo.eml")
        finally:
            theirs.close()
        for control in eyes_only:  # the message and its attachments
            ws.designations.designate(control, "AEO")
        mine, open_lines, aeo_lines = (_lines(ws, c) for c in (ours, open_one, eyes_only))
        with ws.transaction() as s:  # the employee's names for them (`service.control_names`)
            found = s.execute(
                select(t.Document.control, t.Document.ref).where(t.Document.control.in_(open_one))
            )
            refs = {control: ref for control, ref in found}
    finally:
        ws.close()
    assert mine and open_lines and aeo_lines
    assert all(line.startswith(("DOC-", "RCV-")) for line in mine + open_lines + aeo_lines)
    # the operator: every partial read, in the order the documents came in
    assert _check(home) == [
        "6 documents not read whole:",  # each message and its attachment cut short
        *mine,
        *open_lines,
        *aeo_lines,
        "every stored file is present and matches its hash",
    ]
    # receiving counsel: their own side's only, never the producing side's documents
    assert _check(home, "--as", "rc@other.test") == [
        "4 documents not read whole:",
        *open_lines,
        *aeo_lines,
    ]
    # a receiving employee: the AEO document is absent, as if it were not there, and the open
    # one named by its reference (their side's numbers count the AEO one)
    named = list(open_lines)
    for control, ref in refs.items():
        named = [line.replace(f"{control}:", f"RCV-{ref}:") for line in named]
    assert named != open_lines
    assert _check(home, "--as", "emp@other.test") == ["2 documents not read whole:", *named]
