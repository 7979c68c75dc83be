"""A claim over a filed paper's items: while pending, the item's words are withheld from the
receiving side (page text, search and its count) and from the public, never from the claimant
or the court; a denial releases them; a grant keeps them redacted in the paper's public version,
the privilege log names the paper by docket entry and pinpoint, and draft-order cites it so.
The rule itself, pure: tests/domain/test_paper_claim_effects.py."""

from __future__ import annotations

import csv
from pathlib import Path

import pymupdf
import pytest

from clawback.domain.errors import ClawbackError
from clawback.service import Workspace
from tests.casefile.test_case_files import cli, init
from tests.service.test_filed_papers import pleading_pdf

COUNSEL = "c@plaintiffs.example"  # the receiving side: the side that is not claiming
DEFENSE = "d@defense.example"  # the claimant
CLERK = "clerk@court.example"
PRESS = "r@press.example"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A case with the receiving side's opposition brief filed on 2020-06-01, its page 2 lines
    3-4 (quoting privileged advice) named q1, line 6 (nothing privileged) named q2."""
    ws = tmp_path / "ws"
    init(ws)
    cli(ws, "load-case", "--reference")
    pdf = pleading_pdf(tmp_path / "opposition.pdf")
    cli(ws, "file-paper", str(pdf), "--docket", "ECF No. 101-33", "--kind", "brief")
    cli(ws, "paper-item", "101-33", "q1", "--at", "page 2, lines 3-4", "--what", "advice")
    cli(ws, "paper-item", "101-33", "q2", "--at", "page 2, line 6", "--what", "a remark")
    workspace = Workspace.open(ws)
    try:
        people = workspace.operator().people
        people.add(COUNSEL, name="c", side="receiving", category="counsel")
        people.add(DEFENSE, name="d", side="producing", category="counsel")
        people.add(CLERK, name="k", side="court", category="court")
        people.add(PRESS, name="r", side="public", category="public")
    finally:
        workspace.close()
    return ws


def reads(ws: Path, email: str) -> tuple[str, int]:
    """Page 2's text as ``email`` reads it, and how many pages a search for the quoted words
    counts for them; the copy of the paper they get (from which their page pictures are made)
    shows page 2 with the same words as the text."""
    workspace = Workspace.open(ws)
    try:
        record = workspace.preview(email)
        text = record.filed_papers.page_text("ECF No. 101-33", 2)
        with pymupdf.open(stream=record.filed_papers.copy("101-33")) as copy:
            shown = " ".join(copy[1].get_text().split())
        assert ("Hanna Ruiz" in shown) == ("Hanna Ruiz" in text), email
        assert ("settle now" in shown) == ("settle now" in text), email
        assert record.filed_papers.page_image("101-33", 2, dpi=20).startswith(b"\x89PNG")
        return text, record.reads.search('"Hanna Ruiz"').total
    finally:
        workspace.close()


def test_a_pending_claim_on_a_paper_item_withholds_its_words_from_the_receiving_side_only(
    ws: Path,
) -> None:
    said = cli(
        ws,
        "claim",
        "c1",
        "--paper",
        "ECF No. 101-33",
        "--item",
        "q1",
        "--privilege",
        "attorney_client",
        "--on",
        "2020-06-10",
    )
    assert said.strip() == "claim c1: noticed"
    for who in (COUNSEL, PRESS):  # absent, as if never there: the text, the hit, the count
        text, hits = reads(ws, who)
        assert "Hanna Ruiz" not in text and "settle now" not in text, who
        assert "Nothing else on this page is privileged." in text, who  # q2 is not claimed
        assert hits == 0, who
    for who in (DEFENSE, CLERK):
        text, hits = reads(ws, who)
        assert "Hanna Ruiz" in text and hits == 1, who
    listed = cli(ws, "claims")
    assert "c1  noticed  attorney_client  ECF No. 101-33" in listed
    assert "item q1: page 2, lines 3-4, advice" in listed
    workspace = Workspace.open(ws)
    try:  # the notice tells the receiving side of the claim; the public learns nothing of it
        (shown,) = workspace.preview(COUNSEL).claims.status()
        assert shown["papers"] == ["ECF No. 101-33"] and shown["exhibits"] == []
        with pytest.raises(ClawbackError, match="may not read the claims"):
            workspace.preview(PRESS).claims.status()
    finally:
        workspace.close()

    cli(ws, "rule", "c1", "denied", "--on", "2020-07-01")  # denied: released
    text, hits = reads(ws, COUNSEL)
    assert "Hanna Ruiz" in text and hits == 1


def test_a_granted_claim_keeps_the_item_redacted_in_the_public_version_and_logs_it_by_docket(
    ws: Path, tmp_path: Path
) -> None:
    cli(ws, "claim", "c1", "--paper", "101-33", "--item", "q1", "--on", "2020-06-10")
    cli(ws, "rule", "c1", "granted", "--on", "2020-07-01")
    text, hits = reads(ws, COUNSEL)
    assert "Hanna Ruiz" not in text and hits == 0
    assert "Hanna Ruiz" in reads(ws, DEFENSE)[0]

    out = tmp_path / "out"
    cli(ws, "paper-public", "ECF No. 101-33", "--out", str(out), "--item", "q2")
    public = " ".join(p.get_text() for p in pymupdf.open(out / "public" / "ECF-101-33.pdf"))
    assert "Hanna Ruiz" not in public and "settle now" not in public  # granted: kept out
    assert "Nothing else on this page" not in public  # q2, chosen
    assert "REDACTED - LAW ENFORCEMENT PRIVILEGE" in public  # the claim's basis on its box

    cli(ws, "privilege-log", "--csv", str(tmp_path / "log.csv"), "--xlsx", str(tmp_path / "l.xlsx"))
    with (tmp_path / "log.csv").open(newline="", encoding="utf-8") as f:
        (row,) = [r for r in csv.DictReader(f) if r["Claim"] == "c1"]
    assert row["Exhibit"] == "ECF No. 101-33"
    assert row["Bates Begin"] == "ECF No. 101-33 at page 2, lines 3-4"
    assert (row["Status"], row["Treatment"]) == ("upheld", "redacted")

    drafted = cli(ws, "draft-order")
    assert (
        "Defendants' request to claw back ECF No. 101-33 at page 2, lines 3-4 is GRANTED."
        in drafted
    )


def test_unknown_papers_and_items_are_named_in_one_line(ws: Path) -> None:
    said = cli(ws, "claim", "c9", "--paper", "ECF No. 7", "--paper", "ECF No. 8", ok=False)
    assert said.strip() == "error: no filed paper ECF No. 7, ECF No. 8"
    said = cli(ws, "claim", "c9", "--paper", "101-33", "--item", "zz", "--item", "yy", ok=False)
    assert said.strip() == "error: claim 'c9': no item 'zz', 'yy' on the claimed papers"
    said = cli(ws, "claim", "c9", ok=False)
    assert said.strip() == "error: claim 'c9': name the exhibits or filed papers it claims"


def test_fre_502b_lateness_runs_from_the_paper_s_filing(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    init(ws)
    cli(ws, "load-case", "--reference")
    pdf = pleading_pdf(tmp_path / "declaration.pdf")
    cli(
        ws,
        "file-paper",
        str(pdf),
        "--docket",
        "120",
        "--kind",
        "declaration",
        "--filed-on",
        "2020-05-01",
    )
    cli(
        ws,
        "claim",
        "late",
        "--paper",
        "ECF No. 120",
        "--privilege",
        "work_product",
        "--on",
        "2020-07-01",
    )
    workspace = Workspace.open(ws)
    try:
        (shown,) = workspace.operator().claims.status()
        assert shown["late"].startswith("late: noticed 61 days after filing on 2020-05-01")
    finally:
        workspace.close()
