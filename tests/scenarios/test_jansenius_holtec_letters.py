"""Jansenius v. Holtec (D.N.J. Oct. 11, 2023): a motion to seal exhibits numbered and lettered,
"Exhibits 7, 8, ... and Exhibits A, B, C, D, E, F, G, and H to the Declaration of Robert M.
Pettigrew", denied together (tests/orders/jansenius-holtec-2023-10-11).

Entered with the CLI, exhibits named as the order names them (``--exhibit A``, ``A-H``); the
case file's documents still take whole numbers (the next slice's work), so the matter is loaded
from a case file and the exhibits ingested one by one. Two numbered exhibits (7, 8) of the
order's eleven stand for the rest, to keep the test small.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clawback.cli import app
from tests.scenarios.enter import expected, outcome
from tests.test_cli import make_pdf

SLUG = "jansenius-holtec-2023-10-11"
CASE = """\
case:
  number: "Civil Action No. 21-03203 (KMW-SAK)"
  court: "United States District Court, District of New Jersey"
  caption: "Jansenius v. Holtec International"
  state: NJ
protective_order:
  tiers:
    - {name: Confidential, may_see: [counsel, court, named_parties]}
producing_party: Defendants
receiving_party: Plaintiff
"""


def test_lettered_exhibits_are_entered_ruled_and_drafted_as_the_order_names_them(
    tmp_path: Path,
) -> None:
    order = expected(SLUG)
    (motion,) = order["motions"]
    ruled = {r["exhibit"]: outcome(r["outcome"]) for r in motion["rulings"]}
    letters = [e for e in ruled if e.isalpha()]
    assert letters == list("ABCDEFGH")
    ws = tmp_path / "ws"
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, [*args, "-w", str(ws)])
        assert result.exit_code == code, result.output
        return result.output

    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    (tmp_path / "case.yaml").write_text(CASE, encoding="utf-8")
    run("load-case", str(tmp_path / "case.yaml"))
    for n, exhibit in enumerate(["7", "8", *letters], start=1):
        pdf = make_pdf(tmp_path / f"ex{exhibit}.pdf", f"Stands for Exhibit {exhibit}")
        said = run("ingest", str(pdf), "--exhibit", exhibit)
        assert said.strip().endswith(f"DOC-{n:06d} (ingested, Ex. {exhibit})")
    again = run("ingest", str(tmp_path / "exB.pdf"), "--exhibit", "B")
    assert again.strip().endswith("DOC-000004 (already in the record, Ex. B)")
    controls = [f"DOC-{n:06d}" for n in range(1, 11)]
    run("produce", *controls, "--start", "HOLTEC-000001", "--volume", "V1")
    shown = json.loads(run("show", "Ex. C"))
    assert (shown["exhibit"], shown["control"]) == ("C", "DOC-000005")
    assert json.loads(run("show", "7"))["exhibit"] == 7
    assert run("show", "Q", code=1).strip() == "error: no document Ex. Q"

    assert motion["outcome"] == "denied-without-prejudice"
    sealed = run(
        "seal", motion["docket"].removeprefix("ECF No. "), "--exhibit", "7, 8", "--exhibit",
        "A-H", "--kind", "dispositive", "--denied", "--on", "2023-10-11",
        "--reason", "denied without prejudice on substantive and procedural grounds",
    )  # fmt: skip
    assert [line.split(":")[0] for line in sealed.splitlines()] == [
        f"Ex. {e}" for e in ["7", "8", *letters]
    ]
    assert all("not sealed" in line for line in sealed.splitlines())
    (drafted,) = run("draft-order", "--producing", "Defendants").splitlines()
    # The real order: "Defendants' Motion is denied without prejudice on substantive and
    # procedural grounds", over "Exhibits 7, 8, ... and Exhibits A, B, C, D, E, F, G, and H".
    assert "denied" in order["ordering_paragraphs"][0]
    assert drafted.startswith("1. Defendants' Motion to Seal (Dkt. No. 102) is DENIED")
    assert "(Defs.' Exs. 7, 8 and A-H)" in drafted
