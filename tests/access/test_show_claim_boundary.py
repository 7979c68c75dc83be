"""A document's page (`Reads.show`) lists the claims naming its exhibit with only the items the
reader may know of. A claim over Ex. 1 (Confidential) and Ex. 2 (AEO), ruled denied, showed a
party employee reading Ex. 1 the id of the item on Ex. 2, an exhibit their tier withholds
(`claims`, the dispute's own listing, already cut it to the exhibits they may know of)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clawback.service import Via, Workspace
from tests.ingest.make import text_pdf
from tests.started import start

EMPLOYEE = "emp@other.test"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    op = start(tmp_path_factory.mktemp("show") / "ws")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    for k, tier in ((1, "Confidential"), (2, "AEO")):
        op.ingest.ingest(text_pdf(f"Lemur memo {k}"), title=f"memo {k}", exhibit=k)
        op.designations.designate(k, tier)
    op.productions.produce([1, 2], "TST-00000001", "VOL1")
    op.items.define(1, "x-open", "TST-00000001", "a word", ["Lemur memo 1"])
    op.items.define(2, "x-aeo-pricing", "TST-00000002", "a word", ["Lemur memo 2"])
    op.claims.claim(
        "c1", privilege="law_enforcement", exhibits=[1, 2], items=["x-open", "x-aeo-pricing"]
    )
    op.claims.rule("c1", "denied")
    yield op.ctx.workspace
    op.ctx.workspace.close()


def test_a_documents_claims_name_only_items_the_reader_may_know_of(world: Workspace) -> None:
    employee = world.person(EMPLOYEE, Via.web)
    shown = employee.reads.show(1)
    assert "x-aeo-pricing" not in repr(shown), shown["claims"]
    assert shown["claims"][0]["items"] == ["x-open"]
    (status,) = employee.claims.status()
    assert "x-aeo-pricing" not in repr(status)  # the dispute's listing, as before
    whole = world.operator().reads.show(1)["claims"][0]["items"]
    assert sorted(whole) == ["x-aeo-pricing", "x-open"]
