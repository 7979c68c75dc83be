"""The catalog names a document's claims by the rule ``show`` names them by
(`service.claims_named`): an attachment of a family exhibit carries the claims over that
exhibit for whoever may know of it, and none for whoever may not.

Before: the catalog read claims by the row's own exhibit number, so counsel's row of an
e-mail's attachment (no number of its own) listed no claim where ``show`` listed ``c-okapi``,
and a listing filtered by that claim left the attachment out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clawback.domain.errors import NotFound
from clawback.service import Via, Workspace
from tests.access.receiving_readers import ATTACHMENT, COUNSEL, EMPLOYEE, started_with_readers
from tests.ingest.make import eml_with, text_pdf

DAY = date(2020, 6, 1)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """Ex. 1, an e-mail (AEO: beyond the employee) with its Confidential attachment, a claim
    over Ex. 1 naming an item on the attachment, ruled denied."""
    op = started_with_readers(tmp_path_factory.mktemp("catalog") / "ws")
    mail = eml_with("Okapi pricing", [("schedule.pdf", text_pdf("Rebate schedule"))])
    (message, attachment), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    op.designations.designate(message, "AEO")
    op.designations.designate(attachment, "Confidential")
    op.productions.produce([message, attachment], "TST-00000001", "VOL1")
    op.items.define(ATTACHMENT, "i-rebate", ATTACHMENT, "a figure", ["Rebate"])
    op.claims.claim(
        "c-okapi", privilege="law_enforcement", exhibits=[1], items=["i-rebate"], on=DAY
    )
    op.claims.rule("c-okapi", "denied", on=date(2020, 6, 5))  # pending, it sequesters both
    yield op.ctx.workspace
    op.ctx.workspace.close()


@pytest.mark.parametrize("who", ["operator", COUNSEL, EMPLOYEE])
def test_each_row_names_the_claims_show_names(world: Workspace, who: str) -> None:
    person = world.operator() if who == "operator" else world.person(who, Via.web)
    listing = person.catalog.documents()
    assert listing, who
    for row in listing:
        shown = person.reads.show(row.ref)
        assert row.claims == tuple(c["claim"] for c in shown.get("claims", [])), (who, row)


def test_counsel_sees_the_attachments_claim_in_the_catalog(world: Workspace) -> None:
    counsel = world.person(COUNSEL, Via.web)
    rows = {r.ref: r.claims for r in counsel.catalog.documents()}
    assert rows == {"TST-00000001": ("c-okapi",), ATTACHMENT: ("c-okapi",)}, rows
    by_claim = [r.ref for r in counsel.catalog.documents(claim="c-okapi")]
    assert by_claim == ["TST-00000001", ATTACHMENT], by_claim


def test_the_employee_is_told_no_claim_on_the_attachment(world: Workspace) -> None:
    employee = world.person(EMPLOYEE, Via.web)
    rows = {r.ref: r.claims for r in employee.catalog.documents()}
    assert rows == {ATTACHMENT: ()}, rows
    with pytest.raises(NotFound) as refused:
        employee.catalog.documents(claim="c-okapi")
    with pytest.raises(NotFound) as absent:
        employee.catalog.documents(claim="c-none")
    assert str(refused.value).replace("c-okapi", "X") == str(absent.value).replace("c-none", "X")


def test_a_claim_listing_holds_no_attachment_of_an_exhibit_beyond_its_reader(
    tmp_path: Path,
) -> None:
    """A claim over Ex. 1 (beyond the employee) and Ex. 2 (theirs to know): listed by that
    claim, the employee sees Ex. 2 and not Ex. 1's attachment, though they may read it."""
    op = started_with_readers(tmp_path / "ws")
    mail = eml_with("Okapi pricing", [("schedule.pdf", text_pdf("Rebate schedule"))])
    (message, attachment), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    other = op.ingest.ingest(text_pdf("A second letter"), title="Letter", exhibit=2)
    op.designations.designate(message, "AEO")
    for doc in (attachment, other):
        op.designations.designate(doc, "Confidential")
    op.productions.produce([message, attachment, other], "TST-00000001", "VOL1")
    op.claims.claim("c-two", privilege="law_enforcement", exhibits=[1, 2], on=DAY)
    op.claims.rule("c-two", "denied", on=date(2020, 6, 5))
    workspace = op.ctx.workspace
    employee = workspace.person(EMPLOYEE, Via.web)
    assert {r.ref for r in employee.catalog.documents()} == {ATTACHMENT, "TST-00000003"}
    assert [r.ref for r in employee.catalog.documents(claim="c-two")] == ["TST-00000003"]
    counsel = workspace.person(COUNSEL, Via.web)
    listed = [r.ref for r in counsel.catalog.documents(claim="c-two")]
    assert listed == ["TST-00000001", ATTACHMENT, "TST-00000003"], listed
    workspace.close()
