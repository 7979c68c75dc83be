"""A filed paper sealed in part through ``seal --paper``: the FRCP 5.2(a) cut and a pleading
paper's lines taken out of the public version in the filing package (the lodged copy whole),
the paper withheld from the public but served on the other side, the old whole-paper command
refused once a ruling governs, and a paper nobody filed refused in one line."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.domain.seal_parts import SealPart
from clawback.service import Workspace
from tests.casefile.test_case_files import cli, init
from tests.service.test_filed_papers import SECRET, pleading_pdf
from tests.service.test_seal_parts import _plain

SSN = "Social Security number 123-45-6789"


@pytest.fixture(scope="module")
def ruled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("sealed")
    ws = root / "ws"
    init(ws)
    cli(ws, "load-case", "--reference")
    cli(ws, "file-paper", str(pleading_pdf(root / "opp.pdf")), "--docket", "ECF No. 101-33",
        "--kind", "declaration", "--under-seal")  # fmt: skip
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), f"The declarant's {SSN}.")
    doc.save(root / "decl.pdf")
    cli(ws, "file-paper", str(root / "decl.pdf"), "--docket", "ECF No. 101-34",
        "--kind", "declaration")  # fmt: skip
    cli(ws, "paper-item", "101-33", "advice", "--at", "page 2, lines 3-4", "--what", "advice")
    said = cli(ws, "move-to-seal", "7", "--paper", "ECF No. 101-33", "--paper", "101-34",
               "--kind", "non_dispositive", "--filed-on", "2024-03-01")  # fmt: skip
    assert said.strip() == "motion to seal Dkt. 7 recorded"
    common = ["--kind", "non_dispositive", "--on", "2024-03-08"]
    cli(ws, "seal", "7", "--paper", "101-33", "--redact-item", "advice", "--public-days", "14",
        *common)  # fmt: skip
    cli(ws, "seal", "7", "--paper", "101-34", "--privacy", "ssn", *common)
    return root, ws


def test_the_package_carries_each_papers_public_version_with_only_its_part_removed(
    ruled: tuple[Path, Path],
) -> None:
    root, ws = ruled
    out = root / "package"
    said = cli(ws, "file", str(out))
    assert said.strip() == f"6 files written to {out}"
    advice = pymupdf.open(out / "public" / "ECF-101-33.pdf")
    text = " ".join(advice[1].get_text().split())
    assert SECRET not in text and "settle now" not in text
    assert "3. Nothing else on this page is privileged." in text
    ssn = " ".join(pymupdf.open(out / "public" / "ECF-101-34.pdf")[0].get_text().split())
    assert "123-45-6789" not in ssn and "6789" in ssn  # 5.2(a)(1): the last four stay
    lodged = " ".join(pymupdf.open(out / "sealed" / "ECF-101-34.pdf")[0].get_text().split())
    assert SSN in lodged


def test_the_public_sees_neither_the_other_side_sees_both_and_the_act_is_dated(
    ruled: tuple[Path, Path],
) -> None:
    _, ws = ruled
    workspace = Workspace.open(ws)
    try:
        operator = workspace.operator()
        operator.people.add("r@press.example", name="r", side="public", category="public")
        operator.people.add("p@plaintiff.example", name="p", side="receiving", category="counsel")
        reporter = workspace.preview("r@press.example")
        titles = {d.title for d in reporter.catalog.documents()}
        assert not titles & {"ECF No. 101-33", "ECF No. 101-34"}
        assert reporter.sealing.paper_decisions("7") == []
        counsel = workspace.preview("p@plaintiff.example")
        titles = {d.title for d in counsel.catalog.documents()}
        assert {"ECF No. 101-33", "ECF No. 101-34"} <= titles
        says = [(str(d.due), d.says) for d in operator.deadlines.list() if "ECF" in d.says]
        assert says == [
            (
                "2024-03-22",
                "producing side: file a public version of ECF No. 101-33 redacting "
                "page 2, lines 3-4",
            )
        ]
    finally:
        workspace.close()


def test_whole_paper_sealing_yields_to_the_ruling_and_an_unfiled_paper_is_refused(
    ruled: tuple[Path, Path],
) -> None:
    _, ws = ruled
    refused = cli(ws, "paper-seal", "101-34", "--unseal", ok=False)
    assert refused.strip() == (
        "error: ECF No. 101-34: its seal is ruled on (motion Dkt. 7); rule again: "
        "seal DOCKET --paper 101-34"
    )
    unknown = cli(ws, "seal", "8", "--paper", "ECF No. 999", "--kind", "non_dispositive",
                  ok=False)  # fmt: skip
    assert unknown.strip() == "error: no filed paper ECF No. 999"
    neither = cli(ws, "seal", "8", "--kind", "non_dispositive", ok=False)
    assert neither.strip() == (
        "error: motion Dkt. 8: name an exhibit (--exhibit) or a filed paper (--paper)"
    )
    cli(ws, "seal", "9", "--unseal", "--paper", "101-34", "--kind", "non_dispositive",
        "--movant", "receiving")  # fmt: skip
    workspace = Workspace.open(ws)
    try:
        operator = workspace.operator()
        operator.people.add("r2@press.example", name="r2", side="public", category="public")
        reporter = workspace.preview("r2@press.example")
        assert "ECF No. 101-34" in {d.title for d in reporter.catalog.documents()}
    finally:
        workspace.close()


def test_one_ruling_on_an_exhibit_and_a_paper_in_part_by_the_items_of_each(
    tmp_path: Path,
) -> None:
    """A part naming an exhibit's item and a paper's item rules both in one call; the drafted
    paragraph disposes of the exhibit, then says what the Clerk keeps and the public version."""
    workspace = Workspace.init(tmp_path / "ws")
    try:
        record = workspace.operator()
        record.matter.load_case(reference_case())
        record.ingest.ingest(_plain(1), title="d1", exhibit=1)
        record.designations.designate(1, "Confidential")
        record.productions.produce([1], "TST-00000001", "VOL001")
        record.items.define(1, "n1", "TST-00000001", "the exhibit's number", ["number 1 of"])
        opp = pleading_pdf(tmp_path / "opp.pdf").read_bytes()
        record.filed_papers.enter(opp, "ECF No. 20", "brief")
        record.filed_papers.item("20", "advice", "page 2, lines 3-4", "the advice")
        record.sealing.seal(
            "21",
            exhibits=[1],
            papers=["ECF No. 20"],
            kind="non_dispositive",
            granted=True,
            part=SealPart(items=("n1", "advice")),
        )
        (paper,) = record.sealing.paper_decisions("21")
        assert (paper.paper, paper.sealed) == ("20", True)
        drafted = record.filings.draft_order("Defendants")
        (text,) = [p.text for p in drafted if "Dkt. No. 21" in p.text]
        assert text.endswith(
            "The Clerk shall maintain ECF No. 20 under seal. Defendants shall file a public "
            "version of ECF No. 20 redacting page 2, lines 3-4."
        )
        assert text.startswith(
            "Defendants' Motion to Seal (Dkt. No. 21) is GRANTED IN PART: it is GRANTED as to "
            "the exhibit's number in "
        ), text
    finally:
        workspace.close()
