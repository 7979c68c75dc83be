"""Records a seat may be denied are named by opaque references, not by a shared counter's
numbers: a party employee listing deadlines 1 and 4 learned that 2 and 3 exist and are withheld
from them (a duty of a claim over an AEO exhibit); a person's tokens 1 and 5 told of three
others' tokens between; a challenge's number counted every side's challenges. Now each such
record has a short random reference (``7kq2mx``), the same in the CLI, the pages, the API and
the calendar feed's UIDs; the table's row number is never shown. A hidden record's reference
answers exactly as one no record holds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from clawback.demo.run import reference_case
from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.errors import NotFound
from clawback.service import Workspace
from tests.ingest.make import text_pdf

PRODUCING = "prod@def.test"
COUNSEL = "counsel@plf.test"
EMPLOYEE = "staff@plf.test"
REF = re.compile(r"[23456789abcdefghjkmnpqrstuvwxyz]{6}")
DAY = date(2020, 6, 1)


def _act(what: str) -> OrderedAct:
    return OrderedAct(Party.both, ActKind.joint_status_report, what, DAY, days=14, source="Order")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """Ex. 1 Confidential and Ex. 2 AEO produced; a report due, a claim over Ex. 2 (its
    duties are deadlines the employee may not know of), another report due."""
    workspace = Workspace.init(tmp_path_factory.mktemp("refs") / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(PRODUCING, name="P", side="producing", category="counsel")
    op.people.add(COUNSEL, name="C", side="receiving", category="counsel")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    for k, tier in ((1, "Confidential"), (2, "AEO")):
        op.ingest.ingest(text_pdf(f"memo {k}"), title=f"memo {k}", exhibit=k)
        op.designations.designate(k, tier)
    op.productions.produce([1, 2], "TST-00000001", "VOL1")
    op.deadlines.add_act(_act("first report"))
    workspace.person(PRODUCING).claims.claim(
        "c-aeo", privilege="law_enforcement", exhibits=[2], on=DAY
    )
    op.deadlines.add_act(_act("second report"))
    yield workspace
    workspace.close()


def test_deadlines_are_named_by_references_that_count_nothing(ws: Workspace) -> None:
    employee, counsel = ws.person(EMPLOYEE), ws.person(COUNSEL)
    theirs = employee.deadlines.list()
    assert len(counsel.deadlines.list()) > len(theirs)  # the claim's duty is withheld
    for d in theirs:
        assert isinstance(d.ref, str) and REF.fullmatch(d.ref), d.ref
    uids = re.findall(r"UID:deadline-(\w+)-", employee.deadlines.calendar())
    assert sorted(uids) == sorted(d.ref for d in theirs)


def test_a_hidden_deadlines_reference_answers_as_an_absent_one(ws: Workspace) -> None:
    employee, counsel = ws.person(EMPLOYEE), ws.person(COUNSEL)
    shown = {d.ref for d in employee.deadlines.list()}
    (hidden,) = [d.ref for d in counsel.deadlines.list() if d.ref not in shown][:1]
    said = []
    for ref in (hidden, "zzzzzz"):
        with pytest.raises(NotFound) as caught:
            employee.deadlines.complete(ref, DAY)
        said.append(str(caught.value).replace(ref, "<R>"))
    assert said[0] == said[1]


def test_a_challenge_is_named_by_a_reference(ws: Workspace) -> None:
    counsel = ws.person(COUNSEL)
    ref = counsel.designations.challenge(1, "nothing in it is confidential", DAY)
    assert isinstance(ref, str) and REF.fullmatch(ref), ref
    shown = counsel.reads.show(1)
    assert [c["challenge"] for c in shown["challenges"]] == [ref]
    counsel.designations.resolve_challenge(ref, "withdrawn", DAY)


def test_a_persons_tokens_are_named_by_references_and_anothers_answers_as_absent(
    ws: Workspace,
) -> None:
    op = ws.operator()
    for email in (PRODUCING, COUNSEL):
        op.accounts.invite(email, "correct horse battery staple")
    producing, counsel = ws.person(PRODUCING), ws.person(COUNSEL)
    counsel.accounts.new_token("first")
    for n in range(3):
        producing.accounts.new_token(f"theirs {n}")
    counsel.accounts.new_token("second")
    mine = [k.ref for k in counsel.accounts.tokens()]
    assert len(mine) == 2 and all(REF.fullmatch(r) for r in mine), mine
    (theirs, *_) = [k.ref for k in producing.accounts.tokens()]
    said = []
    for ref in (theirs, "zzzzzz"):
        with pytest.raises(NotFound) as caught:
            counsel.accounts.revoke_token(ref)
        said.append(str(caught.value).replace(ref, "<R>"))
    assert said[0] == said[1]
    counsel.accounts.revoke_token(mine[0])
    assert [k.revoked for k in counsel.accounts.tokens()] == [True, False]


def test_a_claims_history_names_no_person_the_reader_may_not_list(ws: Workspace) -> None:
    """A party lists its own side's people and the court's, never the other side's (the
    people listing, the audit trail's actors): a claim's history told receiving counsel the
    producing side's person who gave notice, by address. It says the side instead."""
    counsel = ws.person(COUNSEL)
    (claim,) = [c for c in counsel.claims.status() if c["claim"] == "c-aeo"]
    said = [h["by"] for h in claim["history"]]
    assert said and PRODUCING not in said, said
    assert said[0] == "the producing side"
    (own,) = [c for c in ws.person(PRODUCING).claims.status() if c["claim"] == "c-aeo"]
    assert own["history"][0]["by"] == PRODUCING
