"""A deadline in the audit trail: marking an act done is entered under the deadline's number;
to a reader whose deadlines do not list it (a duty of a claim over an AEO exhibit, to an
employee), that entry names a deadline that is not there, and is withheld as any entry naming
what the reader may not know of.

Over the small case of ``tests.web.world``: producing counsel claws back Ex. 2 (AEO) and
Ex. 1 (Confidential), each alone; receiving counsel certifies both duties done."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.service import Via, Workspace
from tests.web import world


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root: Path = tmp_path_factory.mktemp("deadline-trail") / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    for email in (world.PRODUCING, world.COUNSEL, world.EMPLOYEE):
        workspace.operator().people.acknowledge(email)
    producing = workspace.person(world.PRODUCING)
    producing.claims.claim("c-aeo", privilege="law_enforcement", exhibits=[2], on=world.DAY)
    producing.claims.claim("c-conf", privilege="law_enforcement", exhibits=[1], on=world.DAY)
    counsel = workspace.person(world.COUNSEL, Via.web)
    for deadline in counsel.deadlines.list():
        assert deadline.ref is not None
        counsel.deadlines.complete(deadline.ref, world.DAY)
    yield workspace
    workspace.close()


def test_a_deadline_done_is_told_only_to_whoever_the_record_shows_it(
    done: Workspace, tmp_path: Path
) -> None:
    counsel = {d.ref for d in done.person(world.COUNSEL).deadlines.list()}
    reader = done.person(world.EMPLOYEE, Via.web)
    theirs = {d.ref for d in reader.deadlines.list()}
    assert theirs and counsel > theirs, (counsel, theirs)  # one is beyond their tier
    shown = [e for e in reader.audit.entries(1000) if e.action == "deadline.done"]
    assert {e.subject.removeprefix("deadline ") for e in shown} == theirs, shown
    reader.audit.export(tmp_path / "trail.jsonl")
    exported = [json.loads(line) for line in (tmp_path / "trail.jsonl").read_text().splitlines()]
    said = {
        e["subject"].removeprefix("deadline ")
        for e in exported
        if e.get("action") == "deadline.done"
    }
    assert said == theirs, said


def test_an_orders_deadlines_are_told_only_to_whoever_the_record_shows_them(
    tmp_path: Path,
) -> None:
    """An order's paragraph sets deadlines over the sealed exhibits (Ex. 2 AEO among them):
    the employee's deadlines list none of them, and the trail's entry that recorded them
    (``deadlines``, "order of ..., para. 5", with how many) is withheld from the employee as
    well; receiving counsel, who lists them, reads it."""
    from datetime import date

    from clawback.domain.compliance import Act, Directive

    root = tmp_path / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    try:
        clerk = workspace.person(world.CLERK)
        clerk.sealing.seal("461", exhibits=[1, 2], kind="non_dispositive", granted=True)
        clerk.deadlines.order_deadlines(date(2020, 6, 26), [Directive("5", 14, Act.lodge_sealed)])
        employee = workspace.person(world.EMPLOYEE, Via.web)
        assert employee.deadlines.list() == []
        counsel = workspace.person(world.COUNSEL, Via.web)
        assert len(counsel.deadlines.list()) == 1
        told = [e for e in employee.audit.entries(1000) if e.action == "deadlines"]
        assert told == [], told
        employee.audit.export(tmp_path / "trail.jsonl")
        for line in (tmp_path / "trail.jsonl").read_text().splitlines():
            assert json.loads(line).get("action") != "deadlines", line
        assert [e.action for e in counsel.audit.entries(1000) if e.action == "deadlines"] == [
            "deadlines"
        ]
    finally:
        workspace.close()
