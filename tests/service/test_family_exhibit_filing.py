"""A family exhibit is filed as the court cites it: its whole span.

An e-mail produced with an attachment of no exhibit number of its own is one exhibit, Ex. 1,
TST-00000001 through TST-00000003 (the e-mail's page and the attachment's two). Sealed, it was
lodged as the e-mail's one page: the attachment reached neither the court's sealed copy nor the
public version's blank pages, so the order's "lodge Ex. 1 under seal" was met on a third of
the exhibit. Now every version runs the span, in Bates order, and a ruling's item on the
attachment is redacted where it stands in it.

Once a claim could name that item, every place that took an exhibit's items to be its own
document's was the next member: the receiving side's download of the attachment (served as
produced, the granted item in it), the court's in-place marks on the attachment's page (none),
the e-mail's page listing the attachment's items, and the review's check that findings do not
quote the claimed text (blind to the attachment's).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.domain.errors import ClawbackError, RuleViolation
from clawback.service import Via, Workspace
from clawback.service.facade import Record
from clawback.service.review import privilege_test
from tests.ingest.make import eml_with, text_pdf

COUNSEL, CLERK, EMPLOYEE = "counsel@plf.test", "clerk@court.test", "emp@plf.test"


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Record]:
    workspace = Workspace.init(tmp_path_factory.mktemp("famfile") / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    schedule = text_pdf("Zebra rebate schedule\nQuokka margin 42", "Yak freight annex")
    mail = eml_with("Pricing", [("schedule.pdf", schedule)])
    (message, attachment), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    op.ingest.ingest(text_pdf("an unrelated note"), title="note", exhibit=2)
    for doc in (message, attachment, 2):
        op.designations.designate(doc, "Confidential")
    op.productions.produce([message, attachment, 2], "TST-00000001", "VOL1")
    yield op
    workspace.close()


def _pages(pdf: bytes) -> list[str]:
    with pymupdf.open(stream=pdf) as doc:
        return [page.get_text() for page in doc]


def test_a_sealed_family_exhibit_is_lodged_and_blanked_across_its_span(
    record: Record, tmp_path: Path
) -> None:
    record.sealing.seal("ECF 9", exhibits=[1], kind="non_dispositive", granted=True, reason="r")
    made = {m.plan.name: m.pdf for m in record.filings.file(tmp_path / "out")}
    sealed = _pages(made["sealed/ex01_TST-00000001.pdf"])
    assert len(sealed) == 3
    assert "Pricing" in sealed[0]
    assert "Zebra rebate schedule" in sealed[1] and "Yak freight annex" in sealed[2]
    public = _pages(made["public/ex01_TST-00000001.pdf"])
    assert len(public) == 3
    assert not any(w in p for p in public for w in ("Zebra", "Quokka", "Yak", "Pricing"))
    assert "TST-00000003" in public[2]  # each blank page keeps its Bates number
    assert "public/ex02_TST-00000004.pdf" not in made  # not sealed, not ruled: nothing filed


def test_an_item_on_the_attachment_is_claimed_ruled_and_redacted_in_the_filing(
    record: Record, tmp_path: Path
) -> None:  # after the test above: Ex. 1 is sealed
    record.items.define("TST-00000002", "margin", "TST-00000002", "the margin", ["Quokka margin"])
    record.claims.claim("c9", privilege="law_enforcement", exhibits=[1], items=["margin"])
    record.claims.rule("c9", "granted_in_part", ["margin"])
    made = {m.plan.name: m.pdf for m in record.filings.file(tmp_path / "out")}
    sealed = _pages(made["sealed/ex01_TST-00000001.pdf"])
    assert len(sealed) == 3
    assert "Zebra rebate schedule" in sealed[1]  # the rest of the attachment, lodged
    assert "Quokka" not in sealed[1]  # the granted item, redacted where it stands
    highlighted = _pages(made["highlighted/ex01_TST-00000001.pdf"])
    assert "Quokka" not in " ".join(highlighted)


def test_attachments_produced_away_from_their_email_are_refused_in_one_line(
    tmp_path: Path,
) -> None:
    workspace = Workspace.init(tmp_path / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    mail = eml_with("Memo", [("memo.pdf", text_pdf("Okapi staffing memo"))])
    (message, attachment), _ = op.ingest.ingest_file(mail, "memo.eml", exhibit=1)
    op.ingest.ingest(text_pdf("an unrelated note"), title="note", exhibit=2)
    for doc in (message, attachment, 2):
        op.designations.designate(doc, "Confidential")
    op.productions.produce([message, 2], "TST-00000001", "VOL1")
    op.productions.produce([attachment], "TST-00000003", "VOL2")  # after Ex. 2's page
    op.sealing.seal("ECF 9", exhibits=[1], kind="non_dispositive", granted=True, reason="r")
    with pytest.raises(ClawbackError) as refused:
        op.filings.file(tmp_path / "out")
    said = str(refused.value)
    assert "\n" not in said
    assert "Ex. 1" in said and "TST-00000001, then TST-00000003" in said
    assert not (tmp_path / "out" / "sealed").exists()  # nothing lodged short
    workspace.close()


def test_the_granted_item_on_the_attachment_is_out_of_every_copy_the_receiving_side_gets(
    record: Record,
) -> None:  # after the claim above was granted in part
    workspace = record.ctx.workspace
    record.people.add(COUNSEL, name="C", side="receiving", category="counsel")
    record.people.add(CLERK, name="K", side="court", category="court")
    counsel = workspace.person(COUNSEL, Via.web)
    attachment = " ".join(_pages(counsel.reads.download("TST-00000002").pdf))
    assert "Zebra rebate schedule" in attachment and "Quokka" not in attachment
    assert "Quokka" not in counsel.reads.page_text("TST-00000002")
    assert "Pricing" in " ".join(_pages(counsel.reads.download("TST-00000001").pdf))
    # the claimed item is told them on the attachment's page, where it stands
    assert [i["id"] for i in counsel.reads.show("TST-00000002")["items"]] == ["margin"]
    assert counsel.reads.show("TST-00000001")["items"] == []
    court = workspace.person(CLERK, Via.web)
    assert [c.item.id for c in court.reads.claimed("TST-00000002")] == ["margin"]
    assert court.reads.claimed("TST-00000003") == []


def test_the_emails_page_lists_its_own_items_and_the_attachments_page_its(
    record: Record,
) -> None:  # the item on the attachment, defined above
    assert record.reads.show("TST-00000001")["items"] == []
    assert [i["id"] for i in record.reads.show("TST-00000002")["items"]] == ["margin"]


def test_findings_on_a_family_exhibit_may_not_quote_the_item_on_its_attachment(
    record: Record,
) -> None:
    record.claims.claim("c10", privilege="attorney_client", exhibits=[1], items=["margin"])
    elements = privilege_test("attorney_client").section("elements").elements
    findings = {e.key: {"finding": "met", "citation": e.citation} for e in elements}
    findings[elements[0].key]["note"] = "the schedule shows the Quokka margin 42"
    with pytest.raises(RuleViolation, match="quotes claimed material"):
        record.reviews.record("c10", {"elements": findings})


def test_an_item_on_an_attachment_beyond_a_readers_tier_is_not_listed_to_them(
    tmp_path: Path,
) -> None:
    workspace = Workspace.init(tmp_path / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    mail = eml_with("Pricing", [("schedule.pdf", text_pdf("Zebra rebate\nQuokka margin 42"))])
    (message, attachment), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    op.designations.designate(message, "Confidential")
    op.designations.designate(attachment, "AEO")
    op.productions.produce([message, attachment], "TST-00000001", "VOL1")
    op.items.define("TST-00000002", "margin", "TST-00000002", "the margin", ["Quokka margin"])
    op.claims.claim("c9", privilege="law_enforcement", exhibits=[1], items=["margin"])
    op.claims.rule("c9", "granted_in_part", ["margin"])
    assert [i.id for e in op.reads.exhibits() for i in e.items] == ["margin"]
    employee = workspace.person(EMPLOYEE, Via.web)
    [listed] = employee.reads.exhibits()
    assert listed.items == () and listed.attachments == ()
    assert str(listed.span) == "TST-00000001"
    assert employee.reads.show("TST-00000001")["items"] == []
    workspace.close()
