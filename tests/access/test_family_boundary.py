"""An e-mail family one of whose members is beyond a person's tier, ingested again by that
person: the answer is the one they would get if that member were not in the record at all
(the members they may see, "already in the record"), and nothing is stored.

Before, the family answered as not in the record (a member was hidden, so the whole family
was), and the person's ingest stored a second copy of every member under the same family: a
family of two messages and two attachments to whoever sees both, and a copy of the withheld
attachment, undesignated, readable by everyone of the person's tier (the withholding undone).
A family they may see none of is still not there for them, as a single file is
(`Ingest.first_known`): their ingest makes documents of their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clawback.service import Via, Workspace
from clawback.storage import tables as t
from tests.ingest.make import eml_with, text_pdf
from tests.started import start

COUNSEL = "rc@other.test"
EMPLOYEE = "emp@other.test"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Workspace]:
    op = start(tmp_path / "ws")
    op.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    yield op.ctx.workspace
    op.ctx.workspace.close()


def _count(workspace: Workspace) -> int:
    with workspace.operator().transaction() as s:
        return int(s.scalar(select(func.count()).select_from(t.Document)) or 0)


def test_a_family_with_a_member_beyond_the_tier_answers_as_without_that_member(
    world: Workspace,
) -> None:
    mail = eml_with("Pricing", [("schedule.pdf", text_pdf("Zebra rebate schedule"))])
    counsel = world.person(COUNSEL, Via.web)
    message, attachment = counsel.ingest.ingest_file(mail, "pricing.eml")[0]
    world.operator().designations.designate(attachment, "AEO")  # beyond the employee's tier
    employee = world.person(EMPLOYEE, Via.web)
    # the employee's name for it: a reference, their side's numbers counting the attachment
    (named,) = [d.ref for d in employee.catalog.documents()]
    assert named.startswith("RCV-") and named != message
    stored = _count(world)
    again = employee.ingest.ingest_file(mail, "pricing.eml")
    # as if the record held the message alone: that message, in the record already
    assert again == ([named], False)  # today: two new documents, the family copied
    assert _count(world) == stored
    assert employee.reads.search("zebra").total == 0  # no readable copy of the withheld file
    # counsel, who sees both, is told the family is in, whole
    assert counsel.ingest.ingest_file(mail, "pricing.eml") == ([message, attachment], False)


def test_a_family_beyond_the_tier_whole_is_not_there_for_them(world: Workspace) -> None:
    mail = eml_with("Board", [("minutes.pdf", text_pdf("Yak minutes"))])
    counsel = world.person(COUNSEL, Via.web)
    members = counsel.ingest.ingest_file(mail, "board.eml")[0]
    for control in members:
        world.operator().designations.designate(control, "AEO")
    employee = world.person(EMPLOYEE, Via.web)
    mine, new = employee.ingest.ingest_file(mail, "board.eml")
    assert new and len(mine) == 2 and not set(mine) & set(members)
