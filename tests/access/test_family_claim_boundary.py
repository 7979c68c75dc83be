"""A claim on a family exhibit reaches its attachments: an e-mail (Ex. 1) produced with an
attachment of no exhibit number of its own is one exhibit (its span, as an order cites it and
an exhibit list gives it, runs to the attachment's last page). While a claim on Ex. 1 was
pending, the attachment stayed readable, searchable and listed to the receiving side; the
claim granted, it stayed so. Now what the claim and the ruling do to the exhibit they do to
each page of its span; another family's attachment keeps its own. A claim may name an item on
the attachment (it is an item of the exhibit, at its place in the span), and a ruling granting
it redacts it there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clawback.demo.run import reference_case
from clawback.domain.errors import NotFound
from clawback.service import Via, Workspace
from clawback.service.facade import Record
from tests.ingest.make import eml_with, text_pdf

COUNSEL = "counsel@plf.test"


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = Workspace.init(tmp_path_factory.mktemp("famclaim") / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(COUNSEL, name="C", side="receiving", category="counsel")
    mail = eml_with("Pricing", [("schedule.pdf", text_pdf("Zebra rebate schedule", "page two"))])
    (message, attachment), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    numbered = eml_with("Memo", [("memo.pdf", text_pdf("Quokka staffing memo"))])
    (other, own), _ = op.ingest.ingest_file(numbered, "memo.eml", exhibit=3)
    op.ingest.ingest(text_pdf("an unrelated note"), title="note", exhibit=2)
    for doc in (message, attachment, other, own):
        op.designations.designate(doc, "Confidential")
    op.productions.produce([message, attachment, 2, other, own], "TST-00000001", "VOL1")
    yield workspace
    workspace.close()


def _counsel(world: Workspace) -> Record:
    return world.person(COUNSEL, Via.web)


def _sees_schedule(reader: Record) -> bool:
    found = reader.reads.search("zebra").total
    try:
        reader.reads.page_text("TST-00000002")  # the attachment's first page
    except NotFound:
        assert found == 0
        return False
    assert found == 1
    return True


def test_a_pending_claim_on_a_family_exhibit_sequesters_its_attachment(world: Workspace) -> None:
    op = world.operator()
    assert _sees_schedule(_counsel(world))
    op.claims.claim("c1", privilege="law_enforcement", exhibits=[1])
    counsel = _counsel(world)
    assert not _sees_schedule(counsel)  # today: the attachment still read and found
    listed = [d.ref for d in counsel.catalog.documents()]
    assert "TST-00000002" not in listed and "TST-00000001" not in listed
    op.claims.rule("c1", "denied")  # released: the whole exhibit comes back
    assert _sees_schedule(_counsel(world))


def test_a_granted_claim_withholds_the_attachment_and_no_other_familys(
    world: Workspace,
) -> None:
    op = world.operator()
    op.claims.claim("c1", privilege="law_enforcement", exhibits=[1])
    op.claims.rule("c1", "granted")
    counsel = _counsel(world)
    assert not _sees_schedule(counsel)
    assert counsel.reads.search("quokka").total == 1  # Ex. 3's attachment: not claimed


def test_a_claim_on_a_family_exhibit_may_name_an_item_on_its_attachment(
    world: Workspace,
) -> None:
    op = world.operator()
    op.items.define("TST-00000002", "rebate", "TST-00000002", "the rebate", ["Zebra rebate"])
    op.claims.claim("c1", privilege="law_enforcement", exhibits=[1], items=["rebate"])
    op.claims.rule("c1", "granted_in_part", ["rebate"])
    counsel = _counsel(world)
    assert "Zebra rebate" not in counsel.reads.page_text("TST-00000002")
    assert "page two" in counsel.reads.page_text("TST-00000003")
