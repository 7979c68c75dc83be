"""A received record named as another collection's (the same volume name and control number,
with no Bates number to refuse it by): the import answers as it does for a record named as
nothing in the record. Before, the one constraint on (volume, control) across every side and
tier refused it with the database's own words ("UNIQUE constraint failed: received_record.
volume, received_record.control"): the producing side, or an employee beyond counsel's tier,
learnt that the other collection held a record of that volume by that number."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.loadfiles import write_dat
from clawback.service import Via, Workspace
from tests.ingest.make import text_pdf
from tests.started import start

COUNSEL = "rc@other.test"
EMPLOYEE = "emp@other.test"
PRODUCING = "pc@def.test"


def _volume(folder: Path, control: str, text: str, designation: str = "") -> Path:
    """Volume ``THIRD``: one record by control number alone (no Bates number)."""
    (folder / "NATIVES").mkdir(parents=True)
    (folder / "NATIVES" / "a.pdf").write_bytes(text_pdf(text))
    row = [control, ".\\NATIVES\\a.pdf", designation]
    dat = folder / "THIRD.dat"
    dat.write_bytes(write_dat(["CONTROLNUMBER", "NATIVEPATH", "CONFIDENTIALITY"], [row]))
    return dat


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Workspace]:
    op = start(tmp_path / "ws")
    op.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    op.people.add(PRODUCING, name="PC", side="producing", category="counsel")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    counsel = op.ctx.workspace.person(COUNSEL, Via.web)
    dat = _volume(tmp_path / "theirs", "CTL-7", "a third party's AEO page", "AEO")
    assert len(counsel.imports.volume(dat.parent, dat).imported) == 1
    yield op.ctx.workspace
    op.ctx.workspace.close()


@pytest.mark.parametrize("who", [PRODUCING, EMPLOYEE])
def test_a_record_named_as_one_they_may_not_know_of_answers_as_a_free_name(
    world: Workspace, tmp_path: Path, who: str
) -> None:
    person = world.person(who, Via.web)
    said = {}
    for control in ("CTL-7", "CTL-8"):  # the other collection's name, and a free one
        dat = _volume(tmp_path / f"{who}-{control}", control, f"their own page {control}")
        report = person.imports.volume(dat.parent, dat)
        said[control] = (len(report.imported), [p.replace(control, "<C>") for p in report.problems])
    assert said["CTL-7"] == said["CTL-8"] == (1, []), said  # today: the database's refusal
