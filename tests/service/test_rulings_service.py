"""Rulings in every outcome, amended rulings, acts an order sets, court closures and box labels,
through the service and the CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
import pytest
from typer.testing import CliRunner

from clawback.cli import app
from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.errors import NotFound, RuleViolation
from clawback.service import Workspace
from tests.service.test_claim_lifecycle import (
    CODE,
    PRODUCING,
    RECEIVING,
    as_,
    claim_code,
    make_workspace,
)

PAGE = "TST-0000002"  # the page the code is on
LATER = date(2021, 1, 4)


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Workspace:
    workspace = make_workspace(tmp_path / "ws", database_url)
    yield workspace
    workspace.close()


def test_a_withdrawn_claim_leaves_no_open_or_overdue_duty(ws: Workspace) -> None:
    claim_code(ws)  # noticed 2020-03-20: the receiving side's certification is due 03-25
    as_(ws, PRODUCING).claims.advance("c1", "withdrawn", date(2020, 3, 21))
    (duty,) = ws.claims.status()[0]["duties"]
    assert duty["done_on"] is None and duty["lifted"] == "claim c1 withdrawn"
    assert [d.status(LATER) for d in ws.deadlines.list()] == ["lifted"]


def test_a_moot_ruling_keeps_the_material_sequestered_until_amended(ws: Workspace) -> None:
    claim_code(ws)
    reason = "MOOT in light of the parties' stipulation at ECF No. 88."
    ws.claims.rule("c1", "moot", reason=reason, on=date(2020, 6, 26))
    with pytest.raises(NotFound):
        as_(ws, RECEIVING).reads.page_text(PAGE)
    assert [d.status(LATER) for d in ws.deadlines.list()] == ["lifted"]  # nothing left to certify
    with pytest.raises(RuleViolation, match="already ruled on"):
        ws.claims.rule("c1", "denied", on=date(2020, 7, 10))
    with pytest.raises(RuleViolation, match="before the ruling it amends"):
        ws.claims.rule("c1", "denied", on=date(2020, 6, 1), amend=True)
    ws.claims.rule(
        "c1", "waived", reason="Not prompt: FRE 502(b)(3).", on=date(2020, 7, 10), amend=True
    )
    assert CODE in as_(ws, RECEIVING).reads.page_text(PAGE)  # released
    (status,) = as_(ws, RECEIVING).claims.status()
    assert [(r["result"], r["on"], r["reason"]) for r in status["rulings"]] == [
        ("moot", "2020-06-26", reason),
        ("waived", "2020-07-10", "Not prompt: FRE 502(b)(3)."),
    ]
    assert status["history"][-1] | {"by": ""} == {
        "state": "ruled",
        "on": "2020-07-10",
        "by": "",
        "result": "waived",
        "reason": "Not prompt: FRE 502(b)(3).",
        "amends": "moot",
    }


def test_a_ruling_granted_subject_to_a_supplement_then_granted(ws: Workspace) -> None:
    claim_code(ws)
    ws.claims.rule("c1", "granted_subject_to_supplement", on=date(2020, 6, 26))
    assert ws.reads.effects()[1].pending and not ws.reads.effects()[1].redact
    ws.claims.rule("c1", "granted", on=date(2020, 7, 24), amend=True)
    effect = ws.reads.effects()[1]
    assert not effect.pending and effect.redact == ("code",)
    text = as_(ws, RECEIVING).reads.page_text(PAGE)
    assert CODE not in text and "[REDACTED]" in text


def test_acts_by_a_period_or_a_fixed_date_and_a_court_closure(ws: Workspace) -> None:
    order = date(2023, 3, 1)
    ws.deadlines.close_court(date(2023, 3, 15), "clerk's office closed: power outage")
    with pytest.raises(RuleViolation, match="already entered"):
        ws.deadlines.close_court(date(2023, 3, 15), "again")
    counted = ws.deadlines.add_act(
        OrderedAct(
            Party.producing,
            ActKind.supplemental_submission,
            "file a supplemental declaration of the custodian",
            order,
            days=14,
            source="order, para. 2",
        )
    )
    assert counted.due == date(2023, 3, 16)  # 03-15 the court was closed: FRCP 6(a)(3)
    fixed = ws.deadlines.add_act(
        OrderedAct(
            Party.both,
            ActKind.joint_status_report,
            "file a joint status report",
            order,
            by=date(2023, 6, 17),
        )
    )
    assert (fixed.due, fixed.days, fixed.party, fixed.kind) == (
        date(2023, 6, 17),
        None,
        "both",
        "joint_status_report",
    )
    listed = ws.deadlines.list()
    assert [(d.due, d.kind) for d in listed] == [
        (date(2023, 3, 16), "supplemental_submission"),
        (date(2023, 6, 17), "joint_status_report"),
    ]
    assert [c.reason for c in ws.deadlines.closures()] == ["clerk's office closed: power outage"]
    # A closure entered after the deadline was recorded moves it too; a fixed date stays.
    (moved,) = ws.deadlines.close_court(date(2023, 3, 16), "flood")
    assert moved.due == date(2023, 3, 17) and moved.kind == "supplemental_submission"
    assert ws.deadlines.close_court(date(2023, 6, 17), "a Saturday, as it happens") == []
    assert [d.due for d in ws.deadlines.list()] == [date(2023, 3, 17), date(2023, 6, 17)]


def test_a_box_reads_the_basis_of_its_item(ws: Workspace) -> None:
    as_(ws, PRODUCING).claims.claim(
        "c1", privilege="attorney_client", exhibits=[1], items=["code"], on=date(2020, 3, 20)
    )
    ws.claims.rule("c1", "granted", on=date(2020, 6, 26))
    ws.sealing.seal("10", exhibits=[1, 2], kind="non_dispositive", granted=True)
    out = ws.ctx.workspace.root.parent / "filed"
    ws.filings.file(out, on=date(2020, 6, 29))
    with pymupdf.open(out / "sealed" / "ex01_TST-0000001.pdf") as pdf:
        text = " ".join(" ".join(p.get_text() for p in pdf).split())
    assert "REDACTED - ATTORNEY-CLIENT PRIVILEGE" in text
    assert "LAW ENFORCEMENT" not in text and CODE not in text


def test_acts_closures_and_amended_rulings_from_the_cli(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make_workspace(root).close()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, "-w", str(root)])
        assert result.exit_code == 0, result.output
        return result.output

    out = run(
        "act",
        "file a supplemental brief",
        "--party",
        "receiving",
        "--kind",
        "supplemental_submission",
        "--order-date",
        "2020-12-10",
        "--within",
        "14",
    )
    assert "2020-12-28  receiving side: file a supplemental brief" in out  # 12-24: E.O. 13961
    out = run(
        "act",
        "lodge stipulated proposed redactions",
        "--party",
        "both",
        "--kind",
        "stipulated_redactions",
        "--order-date",
        "2021-06-03",
        "--by",
        "2021-06-17",
    )
    assert "2021-06-17" in out
    bad = runner.invoke(
        app,
        [
            "act",
            "x",
            "--party",
            "court",
            "--order-date",
            "2021-06-03",
            "--within",
            "3",
            "-w",
            str(root),
        ],
    )
    assert bad.exit_code == 1
    assert bad.output.strip() == ("error: no party 'court': one of producing, receiving, both")
    assert "2021-03-01  snow" in run("closure", "add", "2021-03-01", "--reason", "snow") + run(
        "closure", "list"
    )
    run("claim", "c1", "--privilege", "attorney_client", "--exhibit", "1", "--on", "2020-03-20")
    run(
        "rule",
        "c1",
        "denied_without_prejudice",
        "--reason",
        "Renew with a log.",
        "--on",
        "2020-06-26",
    )
    run("rule", "c1", "granted", "--on", "2020-08-03", "--amend")
    run("claim", "c2", "--privilege", "attorney_client", "--exhibit", "2", "--request", "compel")
    run("rule", "c2", "granted", "--on", "2020-08-03")
    drafted = run("draft-order")
    assert (
        "Plaintiffs' motion to compel production of the document bearing Bates number "
        "TST-0000003 (Gov't Ex. 2) is DENIED." in drafted
    )
    assert "the parties shall lodge stipulated proposed redactions" in drafted
    listed = run("claims")
    assert "ruling 2020-06-26: denied_without_prejudice: Renew with a log." in listed
    assert "ruling 2020-08-03: granted" in listed


def test_local_rules_for_the_four_districts_of_california_with_their_citations() -> None:
    from clawback.domain.sealing import MotionKind, MotionToSeal, supporting_statement
    from clawback.service.sealing import local_rules

    rules = local_rules()
    courts = {rule.court: rule for rule in rules.values()}
    assert set(courts) >= {"N.D. Cal.", "S.D. Cal.", "C.D. Cal.", "E.D. Cal."}
    assert all(rule.source.startswith(rule.court) for rule in courts.values())
    motion = MotionToSeal("7", (1,), MotionKind.dispositive)
    due = supporting_statement(courts["C.D. Cal."], motion, date(2024, 3, 1), False, "Ex. 1")
    assert due is not None and due.due == date(2024, 3, 5)  # 4 days: L.R. 79-5.2.2(b)
    assert (
        supporting_statement(courts["E.D. Cal."], motion, date(2024, 3, 1), False, "Ex. 1") is None
    )
