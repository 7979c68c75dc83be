"""Copies across documents: proposals to extend a claim, and rulings that disagree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.demo.run import reference_case
from clawback.service import Workspace
from tests.service.test_workspace import text_pdf

MEMO = "Field note on the crossing at the port, prepared for the intelligence unit review"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.init(tmp_path / "ws")
    ws.load_case(reference_case())
    ws.ingest(text_pdf("cover of the first volume, nothing else here", MEMO), title="a", exhibit=1)
    ws.ingest(
        text_pdf(MEMO, "another page with other words entirely unrelated"), title="b", exhibit=2
    )
    ws.produce([1, 2], "TST-00000001", "V1")
    yield ws
    ws.close()


def test_a_claim_proposes_its_copies_and_disagreeing_rulings_are_flagged(ws: Workspace) -> None:
    ws.claim("c1", privilege="attorney_client", exhibits=[1])
    proposals = ws.claim_copies("c1")
    assert [(page, c.bates, c.kind) for page, c in proposals] == [
        ("TST-00000002", "TST-00000003", "exact")
    ]
    [pending] = ws.ruling_conflicts()  # the copy is not sequestered: flagged at once
    assert (pending.bates, pending.treatment) == ("TST-00000002", "claimed, pending")
    assert (pending.copy, pending.copy_treatment) == ("TST-00000003", "released")
    ws.rule("c1", "granted")
    [granted] = ws.ruling_conflicts()
    assert (granted.treatment, granted.copy_treatment) == ("withheld", "released")
    ws.claim("c2", privilege="attorney_client", exhibits=[2])
    ws.rule("c2", "granted")
    assert ws.ruling_conflicts() == []
