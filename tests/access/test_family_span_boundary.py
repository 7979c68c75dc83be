"""A family exhibit's span (its e-mail's first page to its last attachment's last, as an order
cites it and an exhibit list gives it) reaches only the attachments the reader may know of.

An e-mail (Ex. 1, Confidential) produced with its three-page attachment (no exhibit of its
own, AEO): a receiving-side employee, whose tier withholds the attachment, drafting an order
read "the document bearing Bates numbers TST-00000001-004 (Gov't Ex. 1)", and the exhibits
they read gave Ex. 1 that attachment's range: three pages their tier withholds, numbered.
Counsel, who reads the attachment, is still given the whole family."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clawback.demo.run import reference_case
from clawback.service import Via, Workspace
from tests.ingest.make import eml_with, text_pdf

EMPLOYEE = "staff@plf.test"
COUNSEL = "counsel@plf.test"
HIDDEN = ("TST-00000002", "TST-00000004", "-004", "-002")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = Workspace.init(tmp_path_factory.mktemp("span") / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(COUNSEL, name="C", side="receiving", category="counsel")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    schedule = text_pdf("Zebra rebate schedule", "its page two", "its page three")
    mail = eml_with("Pricing", [("schedule.pdf", schedule)])
    (message, attachment), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    op.ingest.ingest(text_pdf("a memo"), title="memo", exhibit=2)
    op.designations.designate(message, "Confidential")
    op.designations.designate(attachment, "AEO")  # beyond the employee's tier
    op.productions.produce([message, attachment, 2], "TST-00000001", "VOL1")
    op.claims.claim("c1", privilege="law_enforcement", exhibits=[1, 2])
    op.claims.rule("c1", "denied")
    op.sealing.seal("99", exhibits=[1, 2], kind="non_dispositive", granted=True)
    yield workspace
    workspace.close()


def test_a_drafted_order_cites_no_attachment_beyond_the_readers_tier(world: Workspace) -> None:
    drafted = world.person(EMPLOYEE, Via.web).filings.draft_order()
    said = repr(drafted)
    assert not any(h in said for h in HIDDEN), said
    assert "the document bearing Bates number TST-00000001 (Gov't Ex. 1)" in drafted[0].text
    whole = world.person(COUNSEL, Via.web).filings.draft_order()[0].text
    assert "TST-00000001-004 (Gov't Ex. 1)" in whole, whole


def test_an_exhibits_span_and_listing_hold_only_the_attachments_the_reader_knows(
    world: Workspace,
) -> None:
    ex1 = world.person(EMPLOYEE, Via.web).reads.exhibits()[0]
    assert (ex1.attachments, str(ex1.span), ex1.listed) == ((), "TST-00000001", "Ex. 1")
    seen = world.person(COUNSEL, Via.web).reads.exhibits()[0]
    assert str(seen.span) == "TST-00000001-TST-00000004", seen.span


def test_a_document_heads_a_family_only_of_members_the_reader_may_see(
    world: Workspace,
) -> None:
    """``parent`` (the Python API's listing and exhibits) was true for the e-mail whose only
    attachment the employee's tier withholds: a family head with nothing under it told of a
    member withheld. A document heads a family only of members the reader may see, so the
    e-mail reads to the employee as a message with no attachment reads to anyone."""
    employee, counsel = world.person(EMPLOYEE, Via.web), world.person(COUNSEL, Via.web)
    (listed,) = [d for d in employee.catalog.documents() if d.exhibit == 1]
    (whole,) = [d for d in counsel.catalog.documents() if d.exhibit == 1]
    assert (listed.parent, whole.parent) == (False, True)
    assert (employee.reads.exhibits()[0].parent, counsel.reads.exhibits()[0].parent) == (
        False,
        True,
    )
    alone = world.operator()
    [lone], _ = alone.ingest.ingest_file(eml_with("No attachment", []), "lone.eml")
    (lone_listed,) = [d for d in alone.catalog.documents() if d.control == lone]
    assert lone_listed.parent is False  # as the employee's e-mail reads


def test_an_exhibit_is_of_a_family_only_of_members_the_reader_may_see(
    world: Workspace,
) -> None:
    """``Exhibit.family`` (the Python API's exhibits, which drafted orders and privilege logs
    group by) named the e-mail's family to the employee whose tier withholds its only
    attachment: a family of one told of a member withheld. It reads as no family to them."""
    employee, counsel = world.person(EMPLOYEE, Via.web), world.person(COUNSEL, Via.web)
    assert employee.reads.exhibits()[0].family is None
    assert counsel.reads.exhibits()[0].family is not None
