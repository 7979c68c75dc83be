"""What the receiving side is told of an exhibit it may see: the exhibit as it reads it, never
what a ruling, a slip sheet or a tier keeps from it.

Over one small case: Ex. 1 (Confidential) went out as a slip sheet, its designation noted in
the producing side's words ("names the zorilla informant"); Ex. 2 (Confidential) is produced
and the court granted the claw-back of one item of it (the word "ocelot"); Ex. 12 is byte for
byte Ex. 5, its lead, Ex. 5 AEO and Ex. 12 Confidential.

Before: the documents list of anyone reading another side's slip sheet failed (a server
fault, the whole page lost); ``reads.exhibits`` gave receiving counsel the granted item's
words, gave a party employee Ex. 12's lead (Ex. 5, beyond their tier), and with ``show`` gave
the slip sheet's reader the withheld document's designation notes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clawback.demo.run import reference_case
from clawback.domain.bates import BatesNumber
from clawback.domain.compliance import Act, Directive
from clawback.domain.errors import NotFound
from clawback.service import Via, Workspace
from tests.ingest.make import text_pdf

COUNSEL = "counsel@plf.test"
EMPLOYEE = "employee@plf.test"
CLERK = "clerk@court.test"
PRODUCING = "prod@def.test"
DAY = date(2020, 6, 1)
SLIP = "Withheld - privileged"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root: Path = tmp_path_factory.mktemp("exhibit-listing") / "ws"
    workspace = Workspace.init(root)
    op = workspace.operator()
    op.matter.load_case(reference_case())
    for email, side, category in (
        (PRODUCING, "producing", "counsel"),
        (COUNSEL, "receiving", "counsel"),
        (EMPLOYEE, "receiving", "party_officers_directors_employees"),
        (CLERK, "court", "court"),
    ):
        op.people.add(email, name=email.split("@")[0], side=side, category=category)
    op.ingest.ingest(text_pdf("the informant zorilla", "page two"), title="Source memo", exhibit=1)
    op.designations.designate(1, "Confidential", note="names the zorilla informant")
    op.ingest.ingest(text_pdf("a code ocelot in the memo"), title="Code memo", exhibit=2)
    op.designations.designate(2, "Confidential")
    copy = text_pdf("a staffing memo")
    op.ingest.ingest(copy, title="Staffing memo", exhibit=5)
    op.ingest.ingest_file(copy, "memo.pdf", exhibit=12)
    op.designations.designate(5, "AEO")
    op.designations.designate(12, "Confidential")
    op.productions.produce([1, 2, 5, 12], "TST-00000001", "V1", DAY, withhold={1: SLIP})
    op.items.define(2, "i-code", "TST-00000003", "a database code", ["ocelot"])
    workspace.person(PRODUCING).claims.claim(
        "c-2", privilege="law_enforcement", exhibits=[2], items=["i-code"], on=DAY
    )
    workspace.person(CLERK).claims.rule("c-2", "granted", on=date(2020, 6, 10))
    op.items.define(2, "i-prep", "TST-00000003", "an informant's name", ["memo"])
    workspace.person(PRODUCING).claims.claim(
        "c-copies", privilege="law_enforcement", exhibits=[12, 5], on=DAY
    )
    workspace.person(CLERK).sealing.seal(
        "77", exhibits=[5, 12], kind="non_dispositive", granted=True, on=DAY
    )
    op.deadlines.order_deadlines(DAY, [Directive("5", 14, Act.lodge_sealed)])
    yield workspace
    workspace.close()


@pytest.mark.parametrize("email", [COUNSEL, EMPLOYEE])
def test_the_documents_list_lists_another_sides_slip_sheet_as_its_slip_sheet(
    world: Workspace, email: str
) -> None:
    listed = world.person(email, Via.web).catalog.documents()
    slips = [d for d in listed if d.exhibit == 1]
    assert [(d.title, d.kind) for d in slips] == [(SLIP, "slip sheet")]


@pytest.mark.parametrize("email", [COUNSEL, EMPLOYEE])
def test_a_slip_sheet_tells_nothing_of_the_withheld_documents_designation_notes(
    world: Workspace, email: str
) -> None:
    reader = world.person(email, Via.web)
    shown = reader.reads.show(1)
    assert shown["title"] == SLIP and "zorilla" not in repr(shown), shown
    assert [d["tier"] for d in shown["designations"]] == ["Confidential"]  # the tier it bears
    listed = repr([e for e in reader.reads.exhibits() if e.number == 1])
    assert SLIP in listed and "zorilla" not in listed and "Source memo" not in listed, listed
    # the producing side keeps its own notes
    assert "zorilla" in repr(world.person(PRODUCING).reads.show(1)["designations"])


def test_an_exhibit_listed_to_the_receiving_side_carries_no_word_a_ruling_withholds(
    world: Workspace,
) -> None:
    counsel = world.person(COUNSEL, Via.web)
    assert "ocelot" not in counsel.reads.page_text("TST-00000003")
    [code] = [e for e in counsel.reads.exhibits() if e.number == 2]
    assert "ocelot" not in repr(code), code
    # the item is told as ``show`` tells it: by id, page and what
    assert counsel.reads.show(2)["items"] == [
        {"id": "i-code", "page": "TST-00000003", "what": "a database code"}
    ]
    # the court, reviewing in camera, still reads the item's words
    [court] = [e for e in world.person(CLERK).reads.exhibits() if e.number == 2]
    assert court.items[0].texts == ("ocelot",)


def test_an_exhibit_names_its_lead_only_to_whoever_may_know_of_the_lead(world: Workspace) -> None:
    def lead(email: str) -> object:
        [copy] = [e for e in world.person(email, Via.web).reads.exhibits() if e.number == 12]
        return copy.lead

    assert str(lead(COUNSEL)) == "5"
    assert lead(EMPLOYEE) is None


def test_a_slip_sheets_later_bates_numbers_have_no_picture_and_fail_no_read(
    world: Workspace,
) -> None:
    """The slip sheet is one page keeping the withheld document's whole Bates range: its
    later numbers read as pages of the slip sheet's words, with no picture (before: drawing
    one asked the one-page slip sheet for its second page, an IndexError, a server fault on
    the page viewer)."""
    counsel = world.person(COUNSEL, Via.web)
    assert counsel.catalog.pages(1) == [
        BatesNumber.parse("TST-00000001"),
        BatesNumber.parse("TST-00000002"),
    ]
    assert "page two" not in counsel.reads.page_text("TST-00000002")
    assert counsel.reads.page_image("TST-00000001", dpi=20).startswith(b"\x89PNG")
    with pytest.raises(NotFound, match="no picture of page TST-00000002"):
        counsel.reads.page_image("TST-00000002", dpi=20)


def test_a_claims_duty_names_to_each_reader_the_exhibits_they_may_know_of(
    world: Workspace,
) -> None:
    """Claim c-copies covers Ex. 12 (Confidential) and Ex. 5 (AEO): the party employee knows
    of the claim by Ex. 12 and is told its duty, their own side's, as if Ex. 5 were not there
    (before: the duty was withheld whole, from the claim, the deadlines, the calendar and the
    notice's due day, so the employee had a duty they could not see and learnt from its
    absence that the claim named something beyond their tier)."""
    said = "certify return, sequestration or destruction of what claim c-copies covers ({}), or"

    def duty(email: str) -> tuple[list[str], list[str]]:
        reader = world.person(email, Via.web)
        [claim] = [c for c in reader.claims.status() if c["claim"] == "c-copies"]
        listed = [d.says for d in reader.deadlines.list() if "c-copies" in d.says]
        return [d["act"] for d in claim["duties"]], listed

    for email, exhibits in ((COUNSEL, "Exs. 5, 12"), (EMPLOYEE, "Ex. 12")):
        in_claim, in_deadlines = duty(email)
        assert len(in_claim) == 1 and in_claim == in_deadlines, (email, in_claim, in_deadlines)
        assert said.format(exhibits) in in_claim[0], (email, in_claim)
    assert "5" not in duty(EMPLOYEE)[0][0].replace("c-copies", "")


def test_an_orders_deadline_names_to_each_reader_the_exhibits_they_may_know_of(
    world: Workspace,
) -> None:
    """The order seals Exs. 5 (AEO) and 12 (Confidential) and directs both lodged: the party
    employee, who may know of Ex. 12 alone, is told the act for Ex. 12, as if Ex. 5 were not
    in the record (before: withheld whole, its absence telling them the order named something
    beyond their tier); counsel, who may know of both, is told it whole."""
    told = [d.says for d in world.person(EMPLOYEE, Via.web).deadlines.list()]
    assert "lodge under seal Ex. 12 (TST-00000005), redacted for privilege" in told, told
    assert not any("Ex. 5" in said or "Exs." in said for said in told), told
    whole = [d.says for d in world.person(COUNSEL, Via.web).deadlines.list()]
    assert any(said.startswith("lodge under seal Exs. 5, 12 (") for said in whole), whole


def test_an_item_no_claim_names_is_the_producing_sides_alone(world: Workspace) -> None:
    """Items are named on a produced page before any notice (``item``, ``hits
    --make-items``): the producing side's preparation, and the court's. The receiving side
    is told an item once a claim it may know of names it (before: ``show`` listed every item
    on the document, so counsel read "i-prep: an informant's name" on Ex. 2 before any claim
    named it)."""
    named = {i["id"] for i in world.person(COUNSEL, Via.web).reads.show(2)["items"]}
    assert named == {"i-code"}, named
    for email in (PRODUCING, CLERK):
        assert {i["id"] for i in world.person(email).reads.show(2)["items"]} == {
            "i-code",
            "i-prep",
        }
