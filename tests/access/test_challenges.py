"""Designation challenges: raised with their dates, ended with a re-designation on record."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clawback.demo.run import reference_case
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.service import Workspace
from tests.access.test_enforcement import one_page

EMPLOYEE = "emp@plf.test"


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Workspace:
    ws = Workspace.init(tmp_path / "ws", database_url).operator()
    ws.matter.load_case(reference_case())
    ws.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    ws.people.add("pc@plf.test", name="PC", side="receiving", category="counsel")
    ws.ingest.ingest(one_page(1), title="memo", exhibit=1)
    ws.designations.designate(1, "AEO")
    ws.productions.produce([1], "TST-00000001", "V1")
    yield ws
    ws.close()


def test_challenge_then_redesignation_opens_the_document(ws: Workspace) -> None:
    ws = ws.ctx.workspace.person("pc@plf.test")
    number = ws.designations.challenge(
        1, "nothing in it is competitively sensitive", date(2020, 3, 2)
    )
    with pytest.raises(RuleViolation, match="may only withdraw"):
        ws.designations.resolve_challenge(number, "upheld", date(2020, 3, 9))
    ws = ws.ctx.workspace.person(EMPLOYEE)
    with pytest.raises(NotFound):
        ws.reads.show(1)  # the designation stands while the challenge is open
    ws = ws.ctx.workspace.operator()
    ws.designations.resolve_challenge(number, "redesignated", date(2020, 4, 1), tier="Confidential")
    ws = ws.ctx.workspace.person(EMPLOYEE)
    shown = ws.reads.show(1)
    assert [d["tier"] for d in shown["designations"]] == ["AEO", "Confidential"]
    assert shown["designations"][1]["note"] == f"on challenge {number}"
    assert shown["challenges"] == [
        {
            "challenge": number,
            "tier": "AEO",
            "raised_on": "2020-03-02",
            "grounds": "nothing in it is competitively sensitive",
            "outcome": "redesignated",
            "resolved_on": "2020-04-01",
        }
    ]
    ws = ws.ctx.workspace.operator()
    with pytest.raises(RuleViolation, match="already ended"):
        ws.designations.resolve_challenge(number, "upheld", date(2020, 4, 2))
    with pytest.raises(ClawbackError, match="exactly when"):
        ws.designations.resolve_challenge(number, "upheld", date(2020, 4, 2), tier="AEO")
    with pytest.raises(NotFound, match="no challenge zzzzzz"):
        ws.designations.resolve_challenge("zzzzzz", "upheld", date(2020, 4, 2))
