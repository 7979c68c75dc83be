"""An act an order sets in its own words (``deadlines.add_act``: a supplemental submission, a
status report, as ``read-order --apply`` and a case file's ``acts`` enter them) may name an
exhibit in those words. Such a deadline is one "naming an exhibit someone may not know of", so
it is not theirs to see: not listed, not found by its reference, its trail entry withheld,
exactly as a deadline that was never recorded. Before, it was recorded with no exhibits, so
the rule (``lookup.deadline_shown``) saw none, and a party employee was told
"... the claim over Exhibit 2" of an AEO exhibit beyond their tier, in the deadlines, the
calendar feed and the audit trail.

Over the small case of ``tests.web.world``: Ex. 2 is AEO (beyond the employee's tier),
Ex. 1 Confidential (theirs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.errors import NotFound
from clawback.service import Via, Workspace
from tests.web import world

HIDDEN = "Defendants shall file a supplemental declaration supporting the claim over Exhibit 2"
HIDDEN_SHORT = "file a redacted version of Ex. 2 and Ex. 1 within 7 days"
THEIRS = "Defendants shall file a supplemental declaration about Exhibit 1"
NONE = "The parties shall file a joint status report"
#: An act as ``read-order --apply`` enters it: its words drawn from the order's sentence, the
#: sentence kept as its source (shown with it: the feed's DESCRIPTION, the API's ``source``).
DRAWN = "file a further declaration"
SENTENCE = "Defendants shall file a further declaration regarding Exhibit 2 within 14 days."


@pytest.fixture(scope="module")
def acts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root: Path = tmp_path_factory.mktemp("act-words") / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    for email in (world.PRODUCING, world.COUNSEL, world.EMPLOYEE):
        workspace.operator().people.acknowledge(email)
    clerk = workspace.person(world.CLERK)
    for what, party, kind in (
        (HIDDEN, Party.producing, ActKind.supplemental_submission),
        (HIDDEN_SHORT, Party.producing, ActKind.other),
        (THEIRS, Party.producing, ActKind.supplemental_submission),
        (NONE, Party.both, ActKind.joint_status_report),
    ):
        clerk.deadlines.add_act(OrderedAct(party, kind, what, world.DAY, days=14))
    clerk.deadlines.add_act(
        OrderedAct(Party.producing, ActKind.other, DRAWN, world.DAY, days=14, source=SENTENCE)
    )
    yield workspace
    workspace.close()


def _acts(workspace: Workspace, email: str) -> dict[str, str]:
    return {
        d.act: d.ref or ""
        for d in workspace.person(email, Via.web).deadlines.list()
        if d.kind is not None
    }


def test_an_act_naming_an_exhibit_beyond_a_tier_is_not_theirs(acts: Workspace) -> None:
    counsel = _acts(acts, world.COUNSEL)
    assert set(counsel) == {HIDDEN, HIDDEN_SHORT.rstrip("."), THEIRS, NONE, DRAWN}, counsel
    employee = _acts(acts, world.EMPLOYEE)
    assert set(employee) == {THEIRS, NONE}, employee
    feed = acts.person(world.EMPLOYEE, Via.api).deadlines.calendar()
    assert "Exhibit 2" not in feed and "Ex. 2" not in feed, feed


def test_its_reference_answers_as_an_absent_ones(acts: Workspace) -> None:
    hidden = _acts(acts, world.COUNSEL)[HIDDEN]
    employee = acts.person(world.EMPLOYEE, Via.web)
    answers = []
    for ref in (hidden, "zz9zz9"):
        with pytest.raises(NotFound) as refused:
            employee.deadlines.complete(ref, world.DAY)
        answers.append(str(refused.value).replace(ref, "REF"))
    assert answers[0] == answers[1], answers


def test_its_trail_entry_is_withheld_where_the_deadline_is(acts: Workspace) -> None:
    said = [
        e.subject for e in acts.person(world.EMPLOYEE, Via.web).audit.entries(1000) if e.subject
    ]
    assert not [s for s in said if "Exhibit 2" in s or "Ex. 2" in s], said
    assert THEIRS in said  # the act they may know of is told them, as before
    counsel = [e.subject for e in acts.person(world.COUNSEL, Via.web).audit.entries(1000)]
    assert HIDDEN in counsel, counsel


def test_a_seal_ruling_on_a_paper_beyond_a_tier_sets_no_act_they_are_told(
    tmp_path: Path,
) -> None:
    """A paper designated AEO (ECF No. 101-33), sealed until a day: the act of filing it on the
    public docket when its seal ends names it ("file ECF No. 101-33 on the public docket"),
    recorded with no exhibit; the employee, to whom the paper answers "no filed paper", was
    told it, and so of the paper. Counsel (AEO) is told it."""
    from datetime import date

    import pymupdf

    root = tmp_path / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    try:
        for email in (world.PRODUCING, world.COUNSEL, world.EMPLOYEE):
            workspace.operator().people.acknowledge(email)
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 100), "Declaration of the field office director")
        paper = doc.tobytes()
        producing = workspace.person(world.PRODUCING)
        producing.filed_papers.enter(paper, "101-33", "declaration", designation="AEO")
        producing.sealing.move_to_seal(
            "7", papers=["101-33"], kind="non_dispositive", filed_on=date(2024, 3, 1)
        )
        workspace.person(world.CLERK).sealing.seal(
            "7",
            papers=["101-33"],
            kind="non_dispositive",
            granted=True,
            on=date(2024, 3, 8),
            unseal_on=date(2024, 9, 8),
        )
        employee = workspace.person(world.EMPLOYEE, Via.web)
        with pytest.raises(NotFound):
            employee.filed_papers.paper("101-33")
        counsel = [d.says for d in workspace.person(world.COUNSEL).deadlines.list()]
        assert [s for s in counsel if "ECF No. 101-33" in s], counsel
        told = [d.says for d in employee.deadlines.list()]
        assert not [s for s in told if "101-33" in s], told
        said = [e.subject for e in employee.audit.entries(1000)]
        assert not [s for s in said if "101-33" in s], said
    finally:
        workspace.close()
