"""Filed papers at the boundary: what a paper's tier, its seal or a pending claim over it (whole,
or some of its items) keeps from a person never reaches them through any call on a paper; a
paper they may not see answers every call as an entry that does not exist, and entering a
paper at its docket entry tells them no more than that the entry is taken (the docket's
numbering is the court's, public; the paper there, its title and its items are not).

The world, built through the service API as each seat would: ECF No. 101-33 lodged under seal
and designated AEO, ECF No. 102 on the public docket with an item a pending claim names, ECF
No. 103 on the public docket and claimed whole (pending), ECF No. 104 on the public docket and
claimed by nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.service import Record, Via, Workspace
from tests.access.test_boundary import outcome
from tests.service.test_filed_papers import SECRET, pleading_pdf

PRODUCING = "counsel@defendants.example"
COUNSEL = "counsel@plaintiffs.example"
EMPLOYEE = "staff@plaintiffs.example"
CLERK = "clerk@court.example"
PUBLIC = "reporter@press.example"
DAY = date(2020, 6, 1)
SEALED_AEO, ITEM_CLAIMED, WHOLE_CLAIMED, PLAIN = "101-33", "102", "103", "104"
ABSENT = "999"
SEAL_MOTION = "461"
SEALED_CLAIM = "c-sealed-item"
TITLES = {
    SEALED_AEO: "Opposition lodged under seal",
    ITEM_CLAIMED: "Opposition quoting advice",
    WHOLE_CLAIMED: "Declaration claimed whole",
    PLAIN: "Reply",
}
HIDDEN = {  # from the rules: who may not see which paper
    COUNSEL: [WHOLE_CLAIMED],  # sequestered from the receiving side while the claim is pending
    EMPLOYEE: [SEALED_AEO, WHOLE_CLAIMED],  # AEO is beyond an employee's tier
    PUBLIC: [SEALED_AEO, WHOLE_CLAIMED],  # sealed; claimed
}


def paper_pdf(base: bytes, docket: str) -> bytes:
    """The pleading paper with a line of its own, so each paper is its own file."""
    doc = pymupdf.open(stream=base)
    doc[0].insert_text((300, 40), f"ECF No. {docket}", fontsize=8)
    doc.set_metadata({})
    data: bytes = doc.tobytes(no_new_id=True)
    doc.close()
    return data


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    base = pleading_pdf(tmp_path_factory.mktemp("pleading") / "paper.pdf").read_bytes()
    return {d: paper_pdf(base, d) for d in [*TITLES, "other"]}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, files: dict[str, bytes]) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("papers") / "ws"
    workspace = Workspace.init(root)
    op = workspace.operator()
    case = reference_case()
    op.matter.load_case(case)
    for email, seat in case["people"].items():
        op.people.add(email, **seat)
    for email in (PRODUCING, COUNSEL, EMPLOYEE):
        op.people.acknowledge(email)
    producing = workspace.person(PRODUCING)
    for docket, title in TITLES.items():
        lodged = docket == SEALED_AEO
        producing.filed_papers.enter(
            files[docket],
            docket,
            "brief",
            title,
            under_seal=lodged,
            designation="AEO" if lodged else None,
        )
    producing.filed_papers.item(ITEM_CLAIMED, "q-advice", "page 2, line 3", "advice quoted")
    producing.filed_papers.item(SEALED_AEO, "q-sealed", "page 2, line 3", "advice quoted")
    producing.claims.claim(
        "c-item", privilege="attorney_client", papers=[ITEM_CLAIMED], items=["q-advice"], on=DAY
    )
    producing.claims.claim("c-whole", privilege="attorney_client", papers=[WHOLE_CLAIMED], on=DAY)
    producing.claims.claim(  # an item of the sealed AEO paper: the paper stays served
        SEALED_CLAIM, privilege="attorney_client", papers=[SEALED_AEO], items=["q-sealed"], on=DAY
    )
    workspace.person(COUNSEL).claims.advance(SEALED_CLAIM, "sequestered", DAY, how="sequestered")
    workspace.person(CLERK).claims.rule(SEALED_CLAIM, "granted", on=DAY)
    workspace.person(CLERK).sealing.seal(
        SEAL_MOTION, papers=[SEALED_AEO], kind="non_dispositive", granted=True, on=DAY
    )
    yield workspace
    workspace.close()


def hidden_cases() -> Iterator[tuple[str, str]]:
    for email, dockets in HIDDEN.items():
        for docket in dockets:
            yield email, docket


@pytest.mark.parametrize(
    ("email", "docket"),
    [(e, d) for e, d in hidden_cases() if e != PUBLIC],  # who may enter
)
def test_entering_a_paper_at_a_hidden_entry_is_refused_as_taken_and_tells_nothing_more(
    world: Workspace, files: dict[str, bytes], email: str, docket: str
) -> None:
    """The entry is taken: that much the docket's numbering says. The paper there (its control
    number, title, items, the words they name) and whether the file sent is its file, never."""
    record = world.person(email, Via.web)
    before = [d.paper for d in world.operator().docket.papers()]
    taken = ("RuleViolation", "ECF No. <REF> is already on the docket")
    for sent in (files["other"], files[docket]):  # its own file or another: the same answer
        got = outcome(lambda s=sent: record.filed_papers.enter(s, docket, "brief"), docket)
        assert got == taken, f"{email} entering at ECF No. {docket}: {got}"
    assert [d.paper for d in world.operator().docket.papers()] == before  # nothing entered


def paper_calls(out: Path) -> dict[str, Callable[[Record, str], Any]]:
    return {
        "paper": lambda r, d: r.filed_papers.paper(d),
        "page text": lambda r, d: r.filed_papers.page_text(d, 2),
        "page text past the end": lambda r, d: r.filed_papers.page_text(d, 9),
        "copy": lambda r, d: len(r.filed_papers.copy(d)),
        "picture": lambda r, d: len(r.filed_papers.page_image(d, 1, dpi=20)),
        "picture past the end": lambda r, d: len(r.filed_papers.page_image(d, 9, dpi=20)),
        "name an item": lambda r, d: r.filed_papers.item(d, f"i-{d}", "page 2, line 3", "x"),
        "seal": lambda r, d: r.filed_papers.seal(d),
        "public version": lambda r, d: r.filed_papers.public_version(d, out / d),
        "docket page": lambda r, d: r.docket.page(d, 1),
        "docket page past the end": lambda r, d: r.docket.page(d, 9),
        "docket picture": lambda r, d: len(r.docket.page_image(d, 1, dpi=20)),
        "docket public copy": lambda r, d: r.docket.public_copy(d).name,
        "claim": lambda r, d: r.claims.claim(f"c-{d}", privilege="attorney_client", papers=[d]),
        "move to seal": lambda r, d: r.sealing.move_to_seal(
            f"m-{d}", papers=[d], kind="non_dispositive", filed_on=DAY
        ),
        "rule on sealing": lambda r, d: r.sealing.seal(
            f"s-{d}", papers=[d], kind="non_dispositive", granted=True, on=DAY
        ),
    }


@pytest.mark.parametrize(("email", "docket"), list(hidden_cases()))
def test_every_call_on_a_hidden_paper_answers_as_on_an_entry_that_does_not_exist(
    world: Workspace, tmp_path: Path, email: str, docket: str
) -> None:
    record = world.person(email, Via.web)
    for name, call in paper_calls(tmp_path).items():
        got = outcome(lambda c=call: c(record, docket), docket)  # type: ignore[misc]
        want = outcome(lambda c=call: c(record, ABSENT), ABSENT)  # type: ignore[misc]
        assert got == want, f"{email} {name}: ECF No. {docket} {got}, ECF No. {ABSENT} {want}"
        assert got[0] != "ok", f"{email} {name} worked on ECF No. {docket}"


@pytest.mark.parametrize("email", [EMPLOYEE, PUBLIC])
def test_a_seal_ruling_on_a_hidden_paper_answers_as_a_motion_never_ruled_on(
    world: Workspace, email: str
) -> None:
    record = world.person(email, Via.web)
    assert record.sealing.paper_decisions(SEAL_MOTION) == []
    assert record.sealing.paper_decisions("4619") == []
    assert len(world.person(CLERK).sealing.paper_decisions(SEAL_MOTION)) == 1


@pytest.mark.parametrize("email", [COUNSEL, EMPLOYEE, PUBLIC])
def test_a_papers_items_never_carry_the_words_they_name_to_whoever_reads_less(
    world: Workspace, email: str
) -> None:
    """The pending claim keeps the item's words from the receiving side and the public: from
    the page's text, and from the paper as the docket lists it and as it is read."""
    record = world.person(email, Via.web)
    assert SECRET not in record.filed_papers.page_text(ITEM_CLAIMED, 2)
    said = {
        "the docket": repr(record.docket.papers()),
        "the paper": repr(record.filed_papers.paper(ITEM_CLAIMED)),
        "its page": repr(record.docket.page(ITEM_CLAIMED, 2)),
    }
    for where, text in said.items():
        assert "q-advice" in said["the docket"], said["the docket"]  # the item is named
        assert SECRET not in text, f"{email}: {where} carries the claimed words"


@pytest.mark.parametrize("email", [PRODUCING, CLERK])
def test_whoever_reads_a_paper_as_filed_has_its_items_words(world: Workspace, email: str) -> None:
    record = world.person(email, Via.web)
    assert SECRET in repr(record.filed_papers.paper(ITEM_CLAIMED))
    assert SECRET in record.filed_papers.page_text(ITEM_CLAIMED, 2)


UNKNOWN = {  # the papers, and the claims over them, they may not know of (a claim tells)
    EMPLOYEE: [f"ECF No. {SEALED_AEO}", SEALED_CLAIM],
    COUNSEL: [],
}


@pytest.mark.parametrize("email", list(UNKNOWN))
def test_the_audit_trail_tells_no_one_of_a_paper_they_may_not_know_of_nor_of_wider_reads(
    world: Workspace, tmp_path: Path, email: str
) -> None:
    """The court reads the sealed AEO paper and names an item of it; each seat lists the
    docket. To a reader who may not know of a paper, no entry names it (by docket entry, in the
    subject or in the detail the export carries: the seal ruling's ``papers``); the other
    party's reads of the docket are its work product; and to a reader who may not know of every
    paper, another person's listing of the docket (a count over a wider view) is withheld."""
    court = world.person(CLERK, Via.web)
    court.docket.page(SEALED_AEO, 1)
    court.filed_papers.page_text(WHOLE_CLAIMED, 1)
    court.filed_papers.item(SEALED_AEO, f"q-court-{email[:5]}", "page 2, line 4", "advice")
    for seat in (PRODUCING, COUNSEL, CLERK):
        world.person(seat, Via.web).docket.papers()
        world.person(seat, Via.web).filed_papers.page_text(PLAIN, 1)
    reader = world.person(email, Via.web)
    mine = len(reader.docket.papers())
    unknown = UNKNOWN[email]
    shown = [e for e in reader.audit.entries(1000) if e.withheld is None]
    assert any(e.action == "paper.list" and e.actor == email for e in shown)  # their own
    for entry in shown:
        said = f"{entry.action} {entry.subject} ({entry.actor})"
        assert not any(h in said for h in unknown), f"{email} is told: {said}"
        reads = entry.action.startswith(("paper.read", "paper.list"))
        assert not (reads and entry.actor == PRODUCING), f"{email} is told: {said}"
        if unknown and entry.action == "paper.list":
            assert entry.actor == email and entry.subject == f"{mine} filed papers", said
    reader.audit.export(tmp_path / "trail.jsonl")
    exported = (tmp_path / "trail.jsonl").read_text()
    for h in unknown:
        assert h not in exported and f'"{h.removeprefix("ECF No. ")}"' not in exported, h


@pytest.mark.parametrize("email", [COUNSEL, EMPLOYEE, PUBLIC, CLERK])
def test_a_search_names_a_filed_paper_by_its_docket_entry_never_by_another_sides_control(
    world: Workspace, email: str
) -> None:
    """Control numbers count a side's own documents, produced or not: another side never
    names a document by them, a search's hits included; a paper is named as the docket names
    it. What the pending claim withholds answers no search of the receiving side or the
    public."""
    found = world.person(email, Via.web).reads.search("settle")
    shown = {h.name for h in found}
    assert shown >= {f"ECF No. {d} p. 2" for d in (ITEM_CLAIMED, PLAIN)}, shown
    assert not any("DOC-" in f"{h.name} {h.control}" for h in found) or email == CLERK, shown
    claimed = {h.name for h in world.person(email, Via.web).reads.search('"Hanna Ruiz"')}
    assert (f"ECF No. {ITEM_CLAIMED} p. 2" in claimed) == (email == CLERK), claimed


@pytest.mark.parametrize("email", [EMPLOYEE, PUBLIC])
def test_no_listing_of_the_dispute_names_a_paper_or_claim_the_person_may_not_know_of(
    world: Workspace, email: str
) -> None:
    """The claim over an item of the sealed AEO paper starts the receiving side's duty to
    certify its sequestration: a deadline the employee may not know of, as the claim."""
    record = world.person(email, Via.web)
    said = {
        "deadlines": lambda: record.deadlines.list(),
        "calendar": lambda: record.deadlines.calendar(),
        "claims": lambda: record.claims.status(),
        "privilege log": lambda: record.privilege_log.rows(),
        "draft order": lambda: record.filings.draft_order(),
        "summary": lambda: record.filings.summary(DAY, {}),
    }
    for name, call in said.items():
        _, text = outcome(call)
        for unknown in (f"ECF No. {SEALED_AEO}", SEALED_CLAIM):
            assert unknown not in text, f"{email}: {name} names {unknown}"


def test_a_paper_entered_again_by_the_other_side_answers_without_the_holders_control_number(
    tmp_path: Path,
) -> None:
    """Receiving counsel enters again a docket entry the producing side filed (a paper it may
    read): the answer is the paper on the docket, never the producing side's control number,
    which counts that side's documents (``show`` gives it none either)."""
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add("prod@def.test", name="P", side="producing", category="counsel")
        op.people.add("counsel@plf.test", name="C", side="receiving", category="counsel")
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 100), "An open brief", fontsize=11)
        brief = doc.tobytes()
        doc.close()
        first = workspace.person("prod@def.test").filed_papers.enter(brief, "102", "brief")
        assert first.control is not None and first.new
        again = workspace.person("counsel@plf.test").filed_papers.enter(brief, "102", "brief")
        assert (again.new, again.paper.docket, again.control) == (False, "102", None)
        assert workspace.operator().filed_papers.enter(brief, "102", "brief").control
    finally:
        workspace.close()
