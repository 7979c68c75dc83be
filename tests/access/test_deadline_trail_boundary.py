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


def test_an_orders_deadline_is_told_to_each_for_the_exhibits_they_may_know_of(
    tmp_path: Path,
) -> None:
    """An order's paragraph directs the sealed Exs. 1, 2 and 4 lodged, then filed redacted (Ex. 2
    AEO among them): the employee is told the first for Exs. 1 and 4, as if Ex. 2 were not in
    the record, and the second, which names no exhibit, as it is (Ex. 2's label
    and Bates range nowhere in what they read), counsel for all three; the trail's entry that
    recorded it ("order of ..., para. 5", with how many, naming no exhibit) is read by both,
    as both list the deadline (before: withheld whole from the employee, its absence telling
    them the order named something beyond their tier)."""
    from datetime import date

    from clawback.domain.compliance import SAME_REDACTED, Act, Directive

    root = tmp_path / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    try:
        clerk = workspace.person(world.CLERK)
        clerk.sealing.seal("461", exhibits=[1, 2, 4], kind="non_dispositive", granted=True)
        acts = (Act.lodge_sealed, Act.file_public_redacted)
        clerk.deadlines.order_deadlines(date(2020, 6, 26), [Directive("5", 14, a) for a in acts])
        hidden = clerk.reads.show(2)["bates"]
        employee = workspace.person(world.EMPLOYEE, Via.web)
        told = [d.says for d in employee.deadlines.list()]
        assert len(told) == 2 and told[0].startswith("lodge under seal Exs. 1, 4 ("), told
        assert told[1] == SAME_REDACTED, told  # names no exhibit: told as it is
        assert not any(hidden in said or "Ex. 2" in said or "1, 2" in said for said in told)
        counsel = workspace.person(world.COUNSEL, Via.web)
        whole = [d.says for d in counsel.deadlines.list()]
        assert whole[0].startswith("lodge under seal Exs. 1, 2, 4 (") and whole[1:] == told[1:]
        for reader in (employee, counsel):
            entries = [e for e in reader.audit.entries(1000) if e.action == "deadlines"]
            assert [(e.subject, e.withheld) for e in entries] == [
                ("order of 2020-06-26, para. 5", None)
            ], entries
    finally:
        workspace.close()
