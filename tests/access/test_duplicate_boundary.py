"""A duplicate exhibit at the boundary: Ex. 12 is byte for byte Ex. 5, its lead, but the two
are designated apart (Ex. 5 AEO, Ex. 12 Confidential, as a producing side may mark copies
unevenly). A party employee reads Ex. 12; Ex. 5 is beyond their tier, so to them Ex. 12 is no
one's duplicate: nothing they are shown names Ex. 5 (receiving counsel, who may read AEO, is
told the lead)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.domain.errors import NotFound
from clawback.service import Via, Workspace

COUNSEL = "counsel@plaintiffs.example"
EMPLOYEE = "staff@plaintiffs.example"


def _pdf() -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 90), "Port of entry staffing memo", fontsize=12)
    doc.set_metadata({})
    data: bytes = doc.tobytes(no_new_id=True)
    doc.close()
    return data


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root: Path = tmp_path_factory.mktemp("duplicates") / "ws"
    workspace = Workspace.init(root)
    op = workspace.operator()
    case = reference_case()
    op.matter.load_case(case)
    for email, seat in case["people"].items():
        op.people.add(email, **seat)
    for email in (COUNSEL, EMPLOYEE):
        op.people.acknowledge(email)
    data = _pdf()
    op.ingest.ingest(data, title="Staffing memo", exhibit=5)
    op.ingest.ingest_file(data, "memo.pdf", exhibit=12)
    op.productions.produce([5, 12], "AOL-DEF-00000001", "VOL1")
    op.designations.designate(5, "AEO")
    op.designations.designate(12, "Confidential")
    yield workspace
    workspace.close()


def test_a_duplicate_names_its_lead_only_to_whoever_may_know_of_the_lead(
    world: Workspace,
) -> None:
    assert world.person(COUNSEL, Via.web).reads.show(12)["duplicate_of"] == "Ex. 5"
    employee = world.person(EMPLOYEE, Via.web)
    with pytest.raises(NotFound):  # Ex. 5 itself is absent to them
        employee.reads.show(5)
    shown = employee.reads.show(12)
    assert "duplicate_of" not in shown, shown
    assert "Ex. 5" not in repr(shown), shown
