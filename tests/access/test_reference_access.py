"""The reference case from each seat, stage by stage: tier, claw-back and seal, combined."""

from __future__ import annotations

from pathlib import Path

import pytest

from clawback.demo.run import reference_case, stages
from clawback.domain.errors import NotFound, RuleViolation
from clawback.service import Workspace

CASE = reference_case()
CODES = [CASE["demo_content"]["fir-dbcode"], *CASE["demo_content"]["ppt-dbcode"]]
GAPS = CASE["demo_content"]["fir-gaps"]
STAFF = "staff@plaintiffs.example"  # a named party's employee: Confidential, not AEO
COUNSEL = "counsel@plaintiffs.example"
CLERK = "clerk@court.example"
PUBLIC = "reporter@press.example"
ALL = range(1, 20)


def visible(ws: Workspace, email: str) -> set[int]:
    ws = ws.ctx.workspace.person(email)
    seen = set()
    for n in ALL:
        try:
            ws.reads.show(n)
            seen.add(n)
        except NotFound:
            pass
    return seen


def searchable(ws: Workspace, email: str, words: str) -> list[str]:
    ws = ws.ctx.workspace.person(email)
    return [str(h.bates) for h in ws.reads.search(words)]


def test_the_reference_case_from_every_seat(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws").operator()
    flow = stages(ws.ctx.workspace, CASE, tmp_path / "out")

    next(flow)  # produced
    aeo = {d["exhibit"] for d in CASE["documents"] if d.get("designation") == "AEO"}
    assert visible(ws, STAFF) == set(ALL) - aeo - {19}  # Ex. 19 was re-designated AEO
    assert 1 not in visible(ws, STAFF) and 6 in visible(ws, STAFF)
    assert visible(ws, COUNSEL) == set(ALL)
    assert visible(ws, PUBLIC) == set()
    ws = ws.ctx.workspace.operator()
    with pytest.raises(RuleViolation):
        ws = ws.ctx.workspace.person(PUBLIC)
        ws.claims.rule("c-sentri", "denied")
    ws = ws.ctx.workspace.operator()

    next(flow)  # the claw-back noticed: the receiving side sequesters all 19 at once
    assert visible(ws, COUNSEL) == set()
    assert visible(ws, STAFF) == set()
    assert searchable(ws, COUNSEL, GAPS[0]) == []
    assert visible(ws, CLERK) == set(ALL)  # in camera
    assert searchable(ws, CLERK, CODES[0]) == ["AOL-DEF-00528703"]
    ws = ws.ctx.workspace.operator()

    next(flow)  # rulings: everything released but the three codes
    assert visible(ws, COUNSEL) == set(ALL)
    for code in CODES:
        assert searchable(ws, COUNSEL, code) == []
        assert searchable(ws, CLERK, code) != []
    assert searchable(ws, COUNSEL, GAPS[0]) == ["AOL-DEF-00528703"]
    ws = ws.ctx.workspace.person(COUNSEL)
    page = ws.reads.page_text("AOL-DEF-00528703")
    assert GAPS[1] in page and CODES[0] not in page
    exported = ws.reads.export([18, 19], tmp_path / "export")
    assert [p.name for p in exported] == ["AOL-DEF-00528691.pdf", "AOL-DEF-00516605.pdf"]
    assert all(code.encode() not in p.read_bytes() for p in exported for code in CODES)
    assert visible(ws, STAFF) == set(ALL) - aeo - {19}
    ws = ws.ctx.workspace.operator()

    next(flow)  # sealed, deadlines
    next(flow)  # filed: the public sees the public docket only, Exs. 14-17
    assert visible(ws, PUBLIC) == {14, 15, 16, 17}
    assert visible(ws, COUNSEL) == set(ALL)
    ws.close()
