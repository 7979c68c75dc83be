"""Jansenius v. Holtec (D.N.J. Oct. 11, 2023): a motion to seal exhibits numbered and lettered,
"Exhibits 7, 8, ... and Exhibits A, B, C, D, E, F, G, and H to the Declaration of Robert M.
Pettigrew", denied together (tests/orders/jansenius-holtec-2023-10-11).

The exhibits are entered as the order names them, in the case file (``exhibit: A``, ``"7, 8,
A-H"``) and with the CLI (``show "Ex. C"``, ``ingest --exhibit B``); a duplicate of Exhibit C
is entered as Ex. 5-A and survives the export and reload. What the model cannot carry of this
order: whose declaration each exhibit is an exhibit to (Pettigrew's or Shea's) is the document's
title only; "denied without prejudice" is entered as denied, the reason verbatim.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clawback.cli import app
from tests.scenarios.enter import enter, expected, outcome

SLUG = "jansenius-holtec-2023-10-11"


def test_lettered_exhibits_are_entered_ruled_drafted_and_exported_as_the_order_names_them(
    tmp_path: Path,
) -> None:
    order = expected(SLUG)
    (motion,) = order["motions"]
    ruled = {r["exhibit"]: outcome(r["outcome"]) for r in motion["rulings"]}
    letters = [e for e in ruled if e.isalpha()]
    assert letters == list("ABCDEFGH")
    assert {ruled[e] for e in ["7", "8", *letters]} == {"denied_without_prejudice"}
    entered = enter(SLUG, tmp_path, "--producing", "Defendants", "--receiving", "Plaintiff")
    (real,) = order["ordering_paragraphs"]
    ((docket, decisions),) = entered.seals.items()
    assert docket == motion["docket"].removeprefix("ECF No. ")
    assert len(decisions) == 10 and not any(sealed for _, sealed, _ in decisions)
    assert {reason for _, _, reason in decisions} == {
        real.removeprefix("For the reasons that follow. ")
    }
    # The real order lists them "Exhibits 7, 8, ... and Exhibits A, B, C, D, E, F, G, and H".
    (drafted,) = entered.drafted
    assert drafted.startswith("Defendants' Motion to Seal (Dkt. No. 102) is DENIED")
    assert "(Defs.' Exs. 7, 8 and A-H)" in drafted

    ws = tmp_path / "ws"
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, [*args, "-w", str(ws)])
        assert result.exit_code == code, result.output
        return result.output

    shown = json.loads(run("show", "Ex. C"))
    assert (shown["exhibit"], shown["control"]) == ("C", "DOC-000005")
    assert json.loads(run("show", "7"))["exhibit"] == 7
    assert run("show", "Q", code=1).strip() == "error: no document Ex. Q"
    again = run("ingest", str(tmp_path / "case" / "exhibits" / "exB.pdf"), "--exhibit", "B")
    assert again.strip().endswith("DOC-000004 (already in the record, Ex. B)")
    # The same file as another exhibit: a duplicate, listed with its lead (and carried by the
    # case file as its own document, the same file again).
    copy = run("ingest", str(tmp_path / "case" / "exhibits" / "exC.pdf"), "--exhibit", "5-A")
    assert copy.strip().endswith("DOC-000011 (ingested, Ex. 5-A, duplicate of Ex. C)")

    out = tmp_path / "out" / "case.yaml"
    run("export-case", str(out))
    exported = out.read_text(encoding="utf-8")
    assert "exhibit: A\n" in exported or "exhibit: A," in exported
    assert "- A\n" in exported and "- 7\n" in exported  # the volume's and the seal's lists
    again_ws = tmp_path / "ws2"
    assert runner.invoke(app, ["init", str(again_ws)]).exit_code == 0
    assert runner.invoke(app, ["load-case", str(out), "-w", str(again_ws)]).exit_code == 0
    out2 = tmp_path / "out2" / "case.yaml"
    assert runner.invoke(app, ["export-case", str(out2), "-w", str(again_ws)]).exit_code == 0
    assert out2.read_text(encoding="utf-8") == exported
