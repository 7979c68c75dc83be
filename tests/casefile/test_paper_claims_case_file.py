"""A case file carries a claim over a filed paper's items (``claims[].papers``) and the day the
paper was filed (``filed_papers[].filed_on``): load-case, export-case, load-case into a fresh
workspace (on each backend) give the same file and the same record; a claim naming a paper the
file does not carry is refused before anything is entered."""

from __future__ import annotations

from pathlib import Path

from clawback.service import Workspace
from tests.casefile.test_case_files import CASE, case_folder, cli, init, load_and_export

PAPER_CLAIM = (
    CASE.replace(
        "  - {id: c2, privilege: work_product,",
        '  - {id: c3, privilege: attorney_client, papers: ["ECF No. 52-1"], items: [quoted],'
        " on: 2021-01-20}\n  - {id: c2, privilege: work_product,",
    )
    .replace(
        "rulings:\n",
        'rulings:\n  - {claim: c3, result: granted, on: 2021-02-01, reason: "Privileged."}\n',
    )
    .replace("    under_seal: true\n", "    under_seal: true\n    filed_on: 2020-12-01\n")
)


def claim_c3(ws: Path, url: str | None = None) -> dict[str, object]:
    workspace = Workspace.open(ws, url)
    try:
        (found,) = [c for c in workspace.operator().claims.status() if c["claim"] == "c3"]
        return found
    finally:
        workspace.close()


def test_a_claim_over_a_filed_paper_round_trips_through_a_case_file(
    tmp_path: Path, database_url: str
) -> None:
    case = case_folder(tmp_path / "given", PAPER_CLAIM)
    first = tmp_path / "ws1"
    init(first)
    said = cli(first, "load-case", str(case))
    assert "claim c3: noticed" in said and "claim c3: granted" in said
    c3 = claim_c3(first)
    assert (c3["papers"], c3["exhibits"], c3["state"]) == (["ECF No. 52-1"], [], "ruled")
    assert c3["items"] == [{"item": "quoted", "what": "the advice quoted", "at": "page 2"}]
    # noticed 50 days after the paper's filing: flagged under FRE 502(b)
    assert str(c3["late"]).startswith("late: noticed 50 days after filing on 2020-12-01")

    again = cli(first, "load-case", str(case))
    assert again.splitlines() == ["case No. 1:20-cv-00001 loaded"]

    cli(first, "export-case", str(tmp_path / "out1" / "case.yaml"))
    exported = (tmp_path / "out1" / "case.yaml").read_text(encoding="utf-8")
    assert "papers:\n  - ECF No. 52-1" in exported and "filed_on: 2020-12-01" in exported
    second = tmp_path / "ws2"
    load_and_export(tmp_path / "out1" / "case.yaml", second, database_url, tmp_path / "out2")
    assert (tmp_path / "out2" / "case.yaml").read_text(encoding="utf-8") == exported
    assert claim_c3(second, database_url) == c3


def test_a_claim_over_a_paper_the_file_does_not_carry_is_refused(tmp_path: Path) -> None:
    case = case_folder(tmp_path / "given", PAPER_CLAIM.replace('["ECF No. 52-1"]', '["ECF 9"]'))
    ws = tmp_path / "ws"
    init(ws)
    said = cli(ws, "load-case", str(case), ok=False)
    assert "claims[2]: no filed paper ECF No. 9 among the case file's filed papers" in said
