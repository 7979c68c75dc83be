"""Seal rulings beyond whole exhibits, through the service and the filing gate: sealed in part
(a pattern, FRCP 5.2(a) cuts), on the court's own motion, on a condition with its deadline, a
motion to unseal, and the court's reason for a denial kept word for word."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select
from typer.testing import CliRunner, Result

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.domain.errors import InvalidInput
from clawback.domain.seal_parts import Privacy, SealPart
from clawback.service import Workspace, rows
from clawback.storage import tables as t

LINES = [
    "Engagement terms for the matter",
    "Hourly rate of the partner: $450 per hour",
    "Discount rate: 12 percent off the standard rates",
    "Claimant SSN 123-45-6789 on file",
    "The claimant was born March 3, 1985 in Ohio",
    "Paid from account no. 4400123456781234 at the bank",
    "Interview of Jane Doe, a minor, by counsel",
]


def terms_pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for n, line in enumerate(LINES):
        page.insert_text((72, 100 + 24 * n), line, fontsize=11)
    other = doc.new_page(width=612, height=792)
    other.insert_text((72, 100), "Schedule of the hearing dates", fontsize=11)
    data = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return data


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("seal-parts")
    workspace = Workspace.init(root / "ws", f"sqlite:///{root / 'c.db'}").operator()
    workspace.matter.load_case(reference_case())
    for n in (1, 2, 3):
        workspace.ingest.ingest(terms_pdf() if n == 1 else _plain(n), title=f"d{n}", exhibit=n)
        workspace.designations.designate(n, "Confidential")
    workspace.productions.produce([1, 2, 3], "TST-00000001", "VOL001")
    yield workspace
    workspace.close()


def _plain(n: int) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), f"Plain exhibit number {n} of the record", fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


@pytest.fixture(scope="module")
def filed(ws: Workspace, tmp_path_factory: pytest.TempPathFactory) -> Path:
    part = SealPart(
        patterns=(r"Discount rate:[^\n]*",),
        privacy=(Privacy.ssn, Privacy.birth_date, Privacy.account, Privacy.minor),
        minors=("Jane Doe",),
        what="the discount rates and the personal identifiers Rule 5.2(a) protects",
    )
    ws.sealing.seal(
        "40",
        exhibits=[1],
        kind="non_dispositive",
        granted=True,
        reason="hourly rates public, discount rates redacted",
        on=date(2021, 6, 3),
        movant="receiving",
        part=part,
    )
    out = tmp_path_factory.mktemp("filed") / "out"
    ws.filings.file(out)
    return out


def _text(path: Path) -> str:
    with pymupdf.open(path) as doc:
        return " ".join(" ".join(p.get_text().split()) for p in doc)


def test_sealed_in_part_public_version_removes_only_the_part(filed: Path) -> None:
    public = _text(filed / "public" / "ex01_TST-00000001.pdf")
    assert "Hourly rate of the partner: $450 per hour" in public
    assert "Schedule of the hearing dates" in public  # the page nothing touches stays public
    for gone in ("Discount rate", "12 percent", "123-45-6789", "March 3", "4400123456781234"):
        assert gone not in public
    for left in ("6789", "1985", "1234", "J.D."):  # what FRCP 5.2(a) leaves in place
        assert left in public
    assert "Jane Doe" not in public


def test_sealed_in_part_is_lodged_whole(filed: Path) -> None:
    sealed = _text(filed / "sealed" / "ex01_TST-00000001.pdf")
    for line in LINES:
        assert " ".join(line.split()) in sealed


def test_denial_keeps_the_courts_reason_word_for_word(ws: Workspace) -> None:
    said = "the declaration does not explain what harm disclosure would cause"
    decisions = ws.sealing.seal(
        "41", exhibits=[2], kind="non_dispositive", granted=False, reason=said
    )
    assert [(d.exhibit, d.sealed, d.reason) for d in decisions] == [(2, False, said)]


def test_a_part_or_condition_needs_a_granted_motion_to_seal(ws: Workspace) -> None:
    part = SealPart(privacy=(Privacy.ssn,))
    with pytest.raises(InvalidInput, match="a granted motion to seal"):
        ws.sealing.seal("45", exhibits=[2], kind="non_dispositive", granted=False, part=part)
    with pytest.raises(InvalidInput, match="a granted motion to seal"):
        ws.sealing.seal(
            "45",
            exhibits=[2],
            kind="non_dispositive",
            granted=True,
            request="unseal",
            condition="file a redacted copy",
        )
    with pytest.raises(InvalidInput, match="need the condition"):
        ws.sealing.seal("45", exhibits=[2], kind="non_dispositive", granted=True, condition_days=7)


def test_conditional_seal_on_the_courts_own_motion_sets_its_deadline(ws: Workspace) -> None:
    decisions = ws.sealing.seal(
        "42",
        exhibits=[3],
        kind="non_dispositive",
        granted=True,
        on=date(2021, 6, 10),
        movant="court",
        condition="file proposed redactions of Ex. 3",
        condition_days=7,
    )
    assert [(d.sealed, d.condition) for d in decisions] == [
        (True, "file proposed redactions of Ex. 3")
    ]
    due = [d for d in ws.deadlines.list(claims=False) if d.act.startswith("file proposed")]
    assert [(d.due, d.days, d.party) for d in due] == [(date(2021, 6, 17), 7, "producing")]


def test_motion_to_unseal_granted_ends_the_seal(ws: Workspace) -> None:
    ws.sealing.seal(
        "43",
        exhibits=[3],
        kind="non_dispositive",
        granted=True,
        request="unseal",
        movant="receiving",
        reason="the designating party withdrew its designation",
    )
    with ws.ctx.transaction() as s:
        latest = {d.exhibit: d for d in rows.seal_decisions(s)}
    assert (latest[3].sealed, latest[3].reason) == (
        False,
        "the designating party withdrew its designation",
    )
    assert ws.reads.show(3)["sealed"] is False  # the latest ruling governs
    assert ws.reads.show(1)["sealed"] is True


def _cli(ws: Workspace, *args: str) -> Result:
    env = {"CLAWBACK_DATABASE_URL": ws.ctx.workspace.url}
    return CliRunner().invoke(app, [*args, "-w", str(ws.ctx.workspace.root)], env=env)


def test_cli_seal_denied_prints_the_reason_and_refuses_an_unknown_redaction(
    ws: Workspace,
) -> None:
    said = "no particularized showing of harm"
    base = ["seal", "44", "--exhibit", "2", "--kind", "non_dispositive"]
    bad = _cli(ws, *base, "--privacy", "zipcode")
    assert (bad.exit_code, bad.output.strip().splitlines()[-1]) == (
        1,
        "error: no FRCP 5.2(a) redaction 'zipcode': one of ssn, birth_date, minor, account",
    )
    good = _cli(ws, *base, "--denied", "--reason", said, "--movant", "producing")
    assert good.output.splitlines() == [f"Ex. 2: not sealed ({said})"]


def test_the_trail_binds_a_part_and_a_condition(ws: Workspace) -> None:
    assert ws.audit.verify() == []
    with ws.ctx.transaction() as s:
        (row,) = s.scalars(select(t.SealDecision).where(t.SealDecision.motion == "40")).all()
        row.part = {**row.part, "privacy": []}  # an edit made outside clawback
        s.flush()
        s.info.pop("clawback.touched", None)  # as if by another program: no digest taken
    problems = ws.audit.verify()
    assert any("seal:40/1" in str(p) for p in problems), problems
    with ws.ctx.transaction() as s:
        (row,) = s.scalars(select(t.SealDecision).where(t.SealDecision.motion == "40")).all()
        row.part = {**row.part, "privacy": ["ssn", "birth_date", "account", "minor"]}
        s.flush()
        s.info.pop("clawback.touched", None)
    assert ws.audit.verify() == []


def test_draft_order_disposes_of_every_seal_motion(ws: Workspace) -> None:
    """Each motion ruled above, in the order ruled: a receiving party's motion sealed in part
    (its exhibit by its label), two denials with the court's reasons word for word, the court's
    own conditional seal (no motion invented), a motion to unseal, then the condition's act."""
    drafted = [p.text for p in ws.filings.draft_order()]
    assert drafted == [
        "Plaintiffs' Motion to Seal (Dkt. No. 40) is GRANTED IN PART: it is GRANTED as to the "
        "discount rates and the personal identifiers Rule 5.2(a) protects in the document "
        "bearing Bates numbers TST-00000001-002 (Pls.' Ex. 1), to be redacted from the version "
        "filed on the public docket; and it is otherwise DENIED.",
        "Defendants' Motion to Seal (Dkt. No. 41) is DENIED as to the document bearing Bates "
        "number TST-00000003 (Gov't Ex. 2): the declaration does not explain what harm "
        "disclosure would cause.",
        "On its own motion, the Court ORDERS that the document bearing Bates number "
        "TST-00000004 (Gov't Ex. 3) remain under seal on the condition that Defendants file "
        "proposed redactions of Ex. 3.",
        "Plaintiffs' Motion to Unseal (Dkt. No. 43) is GRANTED, and the document bearing Bates "
        "number TST-00000004 (Gov't Ex. 3) shall be unsealed.",
        "Defendants' Motion to Seal (Dkt. No. 44) is DENIED as to the document bearing Bates "
        "number TST-00000003 (Gov't Ex. 2): no particularized showing of harm.",
        "Within 7 days of the date of this Order, Defendants shall file proposed redactions of "
        "Ex. 3.",
    ]
