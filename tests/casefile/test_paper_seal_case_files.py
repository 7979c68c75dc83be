"""Case files carry the rulings on filed papers: a motion ruled on one paper whole and another
in part (with the days for its public version), a motion to unseal denied with its reason; loaded,
loaded again unchanged, exported, loaded on the other backend and exported to the same text."""

from __future__ import annotations

from pathlib import Path

from clawback.service import Workspace
from tests.casefile.test_case_files import CASE, case_folder, cli, init, load_and_export
from tests.test_cli import make_pdf

PAPER_SEALS = CASE.replace(
    """filed_papers:
""",
    """filed_papers:
  - {file: papers/brief.pdf, docket: "ECF No. 53", kind: brief, title: "Opposition"}
""",
).replace(
    """acts:
""",
    """  - {docket: "60", papers: ["ECF No. 53"], kind: non_dispositive, granted: true,
     on: 2020-12-22}
  - {docket: "60", papers: ["ECF No. 52-1"], kind: non_dispositive, granted: true,
     on: 2020-12-22, in_part: {items: [quoted]}, public_days: 14}
  - {docket: "61", movant: plaintiff, unseal: true, papers: ["ECF No. 53"],
     kind: non_dispositive, granted: false, on: 2021-01-04,
     reason: "The opposition quotes the sealed declaration."}
acts:
""",
)


def ruled(ws: Path, url: str | None = None) -> dict[str, object]:
    """The rulings on the papers and the deadlines they set, as the operator reads them."""
    workspace = Workspace.open(ws, url)
    try:
        record = workspace.operator()
        decisions = {
            motion: [
                (d.paper, d.sealed, d.reason, d.part.items if d.part else None)
                for d in record.sealing.paper_decisions(motion)
            ]
            for motion in ("60", "61")
        }
        deadlines = [(str(d.due), d.says) for d in record.deadlines.list() if "ECF" in d.says]
        sealed = {d.title: d.sealed for d in record.catalog.documents() if d.exhibit is None}
    finally:
        workspace.close()
    return {"decisions": decisions, "deadlines": deadlines, "sealed": sealed}


def test_seals_on_filed_papers_load_and_round_trip(tmp_path: Path, database_url: str) -> None:
    case = case_folder(tmp_path / "given", PAPER_SEALS)
    make_pdf(tmp_path / "given" / "papers" / "brief.pdf", "The opposition quotes it.")
    first = tmp_path / "ws1"
    init(first)
    out = cli(first, "load-case", str(case))
    assert "motion to seal Dkt. 60: granted" in out
    record = ruled(first)
    assert record["decisions"] == {
        "60": [
            ("53", True, "good cause shown for sealing", None),
            ("52-1", True, "good cause shown for sealing", ("quoted",)),
        ],
        "61": [("53", True, "The opposition quotes the sealed declaration.", None)],
    }
    # 14 days from 2020-12-22: 2021-01-05, the movant's (the producing side's) act
    assert record["deadlines"] == [
        (
            "2021-01-05",
            "producing side: file a public version of ECF No. 52-1 redacting page 2",
        )
    ]
    assert record["sealed"] == {"Opposition": True, "Declaration of Hanna Ruiz": True}

    again = cli(first, "load-case", str(case))
    assert again.splitlines() == ["case No. 1:20-cv-00001 loaded"]
    assert ruled(first) == record

    cli(first, "export-case", str(tmp_path / "out1" / "case.yaml"))
    second = tmp_path / "ws2"
    load_and_export(tmp_path / "out1" / "case.yaml", second, database_url, tmp_path / "out2")
    exported = (tmp_path / "out1" / "case.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "out2" / "case.yaml").read_text(encoding="utf-8") == exported
    for said in ("papers:", "public_days: 14", "The opposition quotes the sealed declaration."):
        assert said in exported
    assert ruled(second, database_url) == record
