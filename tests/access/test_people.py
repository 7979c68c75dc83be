"""People and their seats: the order's categories, acknowledgments, and the N.D. Cal. preset."""

from __future__ import annotations

from pathlib import Path

import pytest

from clawback.demo.run import reference_case
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.service import Workspace
from clawback.service.matter import protective_order_presets
from tests.access.test_enforcement import one_page


@pytest.fixture
def ndcal(tmp_path: Path, database_url: str) -> Workspace:
    ws = Workspace.init(tmp_path / "ws", database_url).operator()
    ws.matter.load_case(reference_case(), order="ndcal-model")
    for k, tier in enumerate(["Confidential", "AEO", "Source Code"], start=1):
        ws.ingest.ingest(one_page(k), title=f"doc {k}", exhibit=k)
        ws.designations.designate(k, tier)
    ws.productions.produce([1, 2, 3], "NDC-000001", "V1")
    return ws


def seen(ws: Workspace, email: str) -> set[int]:
    ws = ws.ctx.workspace.person(email)
    found = set()
    for k in (1, 2, 3):
        try:
            ws.reads.show(k)
            found.add(k)
        except NotFound:
            pass
    ws = ws.ctx.workspace.operator()
    return found


def test_presets_hold_both_orders() -> None:
    presets = protective_order_presets()
    assert [len(p["tiers"]) for p in presets.values()] == [2, 3]


def test_three_tiers_and_acknowledgments(ndcal: Workspace) -> None:
    seats = {
        "oc@plf.test": "outside_counsel",
        "hc@plf.test": "house_counsel",
        "dhc@plf.test": "designated_house_counsel",
        "emp@plf.test": "party_officers_directors_employees",
        "expert@plf.test": "experts",
    }
    for email, category in seats.items():
        ndcal.people.add(email, name=email, side="receiving", category=category)
    assert seen(ndcal, "oc@plf.test") == {1, 2, 3}
    assert seen(ndcal, "hc@plf.test") == {1}
    assert seen(ndcal, "dhc@plf.test") == {1, 2}
    assert seen(ndcal, "emp@plf.test") == {1}
    assert seen(ndcal, "expert@plf.test") == set()  # until the acknowledgment is signed
    ndcal.people.acknowledge("expert@plf.test")
    assert seen(ndcal, "expert@plf.test") == {1, 2, 3}
    ndcal.close()


def test_bad_seats_are_refused(ndcal: Workspace) -> None:
    with pytest.raises(RuleViolation, match="no recipient category 'press'"):
        ndcal.people.add("p@x.test", name="P", side="receiving", category="press")
    with pytest.raises(ClawbackError, match="no side 'jury'"):
        ndcal.people.add("p@x.test", name="P", side="jury", category="counsel")
    with pytest.raises(NotFound, match=r"no person 'ghost@x\.test'"):
        ndcal = ndcal.ctx.workspace.person("ghost@x.test")
    ndcal.people.add("oc@plf.test", name="OC", side="receiving", category="outside_counsel")
    ndcal = ndcal.ctx.workspace.person("oc@plf.test")
    with pytest.raises(RuleViolation, match="receiving side\\) may not produce documents"):
        ndcal.productions.produce([1], "NDC-000100", "V2")
    with pytest.raises(RuleViolation, match="may not seat people"):
        ndcal.people.add("x@plf.test", name="X", side="receiving", category="outside_counsel")
    ndcal.close()
