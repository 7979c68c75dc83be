"""A production job stops at its next document once the person it acts as no longer stands
(`service.standing`): their login disabled, or their seat changed, while it runs. What it
committed is kept; the volume stays open, and someone who stands runs the same step to finish
it.

Before: the job ran on to the end as its person after their session was ended and their login
shut (a web production runs in the server's thread with the record made at the request)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from clawback.domain.actor import Via
from clawback.jobs import Step, run_step
from clawback.service import Record
from clawback.service.production import ProductionStopped
from tests.started import start

MAKER = "maker@defendants.test"
OTHER = "other@defendants.test"
PASSWORD = "correct horse battery staple"
VOLUME = "VOL1"


def _letter(n: int) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 90), f"Letter {n} about the port of entry", fontsize=12)
    data: bytes = doc.tobytes(no_new_id=True)
    doc.close()
    return data


def _case(root: Path) -> tuple[Record, list[str]]:
    op = start(root)
    for email in (MAKER, OTHER):
        op.people.add(email, name=email, side="producing", category="counsel")
        op.accounts.invite(email, PASSWORD)
    controls = [op.ingest.ingest(_letter(n), title=f"Letter {n}") for n in (1, 2, 3)]
    return op, controls


def _made(op: Record) -> int:
    return op.volume_status.volume(VOLUME).stamped


@pytest.mark.parametrize("loses", ["disabled", "reseated"])
def test_a_job_stops_when_its_person_loses_standing_and_another_finishes_it(
    tmp_path: Path, loses: str
) -> None:
    op, controls = _case(tmp_path / "ws")
    workspace = op.ctx.workspace
    step = Step.produce(controls, VOLUME, "TST-00000001")

    def lose_after_first(done: int, _total: int) -> None:
        if done == 1:  # the first document committed: a step boundary
            if loses == "disabled":
                workspace.operator().accounts.disable(MAKER)
            else:
                workspace.operator().people.add(
                    MAKER, name=MAKER, side="receiving", category="counsel"
                )

    maker = workspace.person(MAKER, Via.web)
    with pytest.raises(ProductionStopped, match=rf"{VOLUME}.*stays open") as stopped:
        run_step(maker, step, lose_after_first)
    assert "no longer has the seat" in str(stopped.value), stopped.value
    assert _made(op) == 1  # what was committed is kept; nothing after the boundary
    assert op.productions.produced(VOLUME) is None  # open

    with pytest.raises(ProductionStopped, match="not begun"):  # nor resumed by them
        run_step(maker, Step.produce(controls, "VOL2", "TST-00000009"))
    outcome = run_step(workspace.person(OTHER, Via.web), step)  # someone who stands
    assert outcome.lines == (f"{VOLUME}: TST-00000001-TST-00000003 (3 pages)",), outcome
    assert _made(op) == 3
    assert op.audit.verify() == []


def test_a_job_whose_person_stands_runs_to_the_end(tmp_path: Path) -> None:
    op, controls = _case(tmp_path / "ws")
    maker = op.ctx.workspace.person(MAKER, Via.web)
    outcome = run_step(maker, Step.produce(controls, VOLUME, "TST-00000001"))
    assert outcome.lines == (f"{VOLUME}: TST-00000001-TST-00000003 (3 pages)",), outcome
