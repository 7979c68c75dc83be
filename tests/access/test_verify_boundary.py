"""``audit verify`` run by a party tells of the records it may know of only, each by the name the
party knows it by: a record beyond their view changed outside clawback answers as a record
untouched, and no record is named by its row number (a counter every side shares).

Before: a party employee's verify said "document:2 was changed outside clawback" of the AEO
Ex. 2 they may not know of, and named Ex. 1 as "document:1"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import text

from clawback.demo.run import reference_case
from clawback.service import Via, Workspace

EMPLOYEE = "emp@plf.test"
COURT = "clerk@court.test"


def _page(words: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), words, fontsize=11)
    data: bytes = doc.tobytes()
    doc.close()
    return data


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.init(tmp_path / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    op.people.add(COURT, name="C", side="court", category="court")
    for k, tier in ((1, "Confidential"), (2, "AEO")):
        op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
        op.designations.designate(k, tier)
    op.productions.produce([1, 2], "TST-00000001", "VOL001")
    yield workspace
    workspace.close()


def _tamper(workspace: Workspace, exhibit: int) -> None:
    """The page text of ``exhibit`` changed in the database, outside clawback."""
    with workspace.sessions() as s:
        s.execute(
            text(
                "UPDATE page SET text = 'tampered' WHERE document_id = "
                "(SELECT id FROM document WHERE exhibit = :n)"
            ),
            {"n": exhibit},
        )
        s.commit()


def _said(workspace: Workspace, email: str) -> list[tuple[int, str, str]]:
    return [(p.seq, p.kind, p.message) for p in workspace.person(email, Via.web).audit.verify()]


def test_a_record_beyond_the_partys_view_changed_answers_as_one_untouched(
    world: Workspace,
) -> None:
    untouched = _said(world, EMPLOYEE)
    _tamper(world, 2)
    assert _said(world, EMPLOYEE) == untouched == []
    court = _said(world, COURT)
    assert [kind for _, kind, _ in court] == ["state"], court  # the court is told


def test_a_record_the_party_knows_of_is_named_as_they_know_it(world: Workspace) -> None:
    _tamper(world, 1)
    _tamper(world, 2)
    [(_, kind, message)] = _said(world, EMPLOYEE)
    assert kind == "state" and message.startswith("Ex. 1 was changed outside clawback"), message
    assert "document:" not in message
    assert len(_said(world, COURT)) == 2
