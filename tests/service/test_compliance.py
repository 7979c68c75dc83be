"""Motions to seal as records, local rules as data, and the acts due with their status."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clawback.domain.compliance import Act, Directive
from clawback.domain.errors import ClawbackError, RuleViolation
from clawback.domain.sealing import PUBLIC_DOMAIN
from clawback.service import Record, Workspace
from tests.access.test_enforcement import one_page
from tests.started import copy_workspace, loaded, on_sqlite, template


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    """Ex. 1 (AEO) and Ex. 2 (Confidential, publicly available) produced: on SQLite a copy of
    one made once per process (`tests.started`)."""
    if on_sqlite(database_url):
        ws = copy_workspace(template("compliance", _compliance), tmp_path / "ws", database_url)
    else:
        ws = _compliance(tmp_path / "ws", database_url)
    yield ws
    ws.close()


def _compliance(root: Path, url: str | None = None) -> Record:
    ws = loaded(root, url)
    ws.ingest.ingest(one_page(1), title="memo", exhibit=1)
    ws.ingest.ingest(one_page(2), title="post", exhibit=2, publicly_available=True)
    ws.designations.designate(1, "AEO")
    ws.designations.designate(2, "Confidential")
    ws.productions.produce([1, 2], "TST-00000001", "V1")
    return ws


def test_ndcal_supporting_statement_is_due_in_seven_days(ws: Workspace) -> None:
    due = ws.sealing.move_to_seal(
        "120",
        exhibits=[1],
        kind="non_dispositive",
        filed_on=date(2024, 11, 20),
        local_rule="ndcal-79-5",
        movant_designated=False,
    )
    assert due is not None
    assert due.due == date(2024, 11, 27)  # 7 days; the 28th would be Thanksgiving
    assert due.act == (  # a verb phrase: whose act it is, is the party's (the designating one)
        "file a statement supporting the sealing of Ex. 1 (motion to seal, Dkt. 120)"
    )
    assert due.party == "producing"
    assert due.source == "N.D. Cal. Civil L.R. 79-5"
    assert (
        ws.sealing.move_to_seal(
            "121",
            exhibits=[1],
            kind="dispositive",
            filed_on=date(2024, 11, 20),
            local_rule="ndcal-79-5",
            movant_designated=True,
        )
        is None
    )
    with pytest.raises(RuleViolation, match="already on record"):
        ws.sealing.move_to_seal(
            "120", exhibits=[1], kind="dispositive", filed_on=date(2024, 11, 21)
        )


def test_ruling_statuses_and_unsealing(ws: Workspace) -> None:
    ws.sealing.move_to_seal(
        "120",
        exhibits=[1, 2],
        kind="dispositive",
        filed_on=date(2024, 1, 2),
        local_rule="sdcal",
        movant_designated=False,
    )
    decisions = ws.sealing.seal(
        "120",
        exhibits=[1, 2],
        kind="dispositive",
        granted=True,
        on=date(2024, 1, 16),
        unseal_on=date(2034, 1, 16),
    )
    assert [(d.exhibit, d.sealed, d.standard.value) for d in decisions] == [
        (1, True, "compelling_reasons"),
        (2, False, "compelling_reasons"),
    ]
    assert decisions[1].reason == PUBLIC_DOMAIN
    with pytest.raises(RuleViolation, match="already ruled on"):
        ws.sealing.seal("120", exhibits=[1], kind="dispositive", granted=False)
    [unseal] = ws.deadlines.list()
    assert (
        unseal.due == date(2034, 1, 16)
        and unseal.act == "file Ex. 1 on the public docket (their seal ends)"
    )
    assert unseal.status(date(2034, 1, 10)) == "due soon"
    assert unseal.status(date(2030, 1, 1)) == "pending"
    assert unseal.status(date(2034, 2, 1)) == "overdue"
    assert unseal.ref is not None
    ws.deadlines.complete(unseal.ref, date(2034, 1, 16))
    assert ws.deadlines.list()[0].status(date(2034, 2, 1)) == "done"


def test_calendar_export(ws: Workspace) -> None:
    ws.sealing.move_to_seal(
        "120",
        exhibits=[1],
        kind="non_dispositive",
        filed_on=date(2024, 11, 20),
        local_rule="ndcal-79-5",
        movant_designated=False,
    )
    text = ws.deadlines.calendar()
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert "DTSTART;VALUE=DATE:20241127" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:producing side: file a statement supporting the sealing of Ex. 1" in (unfolded)
    assert "(motion to seal\\, Dkt. 120)" in unfolded  # commas escaped (RFC 5545 3.3.11)


def test_order_served_by_mail_adds_three_days(ws: Workspace) -> None:
    ws.sealing.seal(
        "9", exhibits=[1, 2], kind="non_dispositive", granted=True, on=date(2020, 6, 26)
    )
    [mailed] = ws.deadlines.order_deadlines(
        date(2020, 6, 26), [Directive("5", 14, Act.lodge_sealed)], served_by="mail"
    )
    assert mailed.due == date(2020, 7, 13)  # Fri Jul 10 + 3 = Mon Jul 13
    with pytest.raises(ClawbackError, match="'pigeon'"):
        ws.deadlines.order_deadlines(date(2020, 6, 26), [], served_by="pigeon")
