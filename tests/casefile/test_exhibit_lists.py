"""Exhibit runs and lists where the CLI and the case file take exhibits."""

from __future__ import annotations

from pathlib import Path

from clawback.service import Workspace
from tests.casefile.test_case_files import CASE, case_folder, cli, init


def test_claim_and_seal_take_runs_and_lists_of_exhibits(tmp_path: Path) -> None:
    text = CASE.replace("exhibits: [1, 2, 3], on: 2020-11-02", 'exhibits: "1-3", on: 2020-11-02')
    text = text[: text.index("claims:")]  # the matter, the documents and their production
    case = case_folder(tmp_path / "given", text)
    ws = tmp_path / "ws"
    init(ws)
    assert "VOL001: DEF-000001-DEF-000004" in cli(ws, "load-case", str(case))
    cli(ws, "claim", "c3", "--privilege", "attorney_client", "--exhibit", "Exs. 1-2")
    out = cli(ws, "seal", "12", "--exhibit", "2,3", "--kind", "non_dispositive", "--granted")
    assert [line.split(" (")[0] for line in out.splitlines()] == [
        "Ex. 2: sealed",
        "Ex. 3: not sealed",  # already public
    ]
    refused = cli(ws, "claim", "c4", "--exhibit", "3-1", ok=False)
    assert refused.strip() == "error: not a run of exhibits, first to last: '3-1'"
    workspace = Workspace.open(ws)
    try:
        (claim,) = workspace.operator().claims.status()
    finally:
        workspace.close()
    assert (claim["claim"], claim["exhibits"]) == ("c3", [1, 2])
