"""One boundary: for every person, every command and every thing hidden from them, the answer
is exactly the answer for a thing that does not exist; no listing carries a row about a thing
the person may not know of.

A world is built once through the service API, holding a document in each state that withholds
something from someone: unproduced, designated AEO, under a pending claw-back (Confidential and
AEO), withheld by a ruling, sealed, on the public docket, slip-sheeted at production, and one in
the receiving side's own collection; a designation challenge, claims, rulings, deadlines. The
oracle below says, from the rules and not from the code, what each person may see and know.
Then every command (reads, writes, listings) runs as every person against each hidden thing and
against an absent thing of the same kind; the two outcomes, with the reference itself blanked,
must be identical (the same exception class and words, or the same result).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clawback.demo.run import reference_case
from clawback.domain.compliance import Act, Directive
from clawback.domain.refs import document_ref
from clawback.service import Record, Via, Workspace
from clawback.service.exports import privilege_log_csv

PRODUCING = "prod@def.test"
COUNSEL = "counsel@plf.test"
EMPLOYEE = "employee@plf.test"
CLERK = "clerk@court.test"
PUBLIC = "reporter@press.test"
PEOPLE = {
    PRODUCING: ("producing", "counsel"),
    COUNSEL: ("receiving", "counsel"),
    EMPLOYEE: ("receiving", "party_officers_directors_employees"),
    CLERK: ("court", "court"),
    PUBLIC: ("public", "public"),
}
DAY = date(2020, 6, 1)


@dataclass(frozen=True)
class Doc:
    """A document of the world: how it stands, written out from the rules."""

    exhibit: int | None
    designation: str | None  # Confidential, AEO
    state: str  # produced, unproduced, pending, withheld, sealed, public, slip, received

    @property
    def token(self) -> str:
        return f"tokq{self.exhibit or 0}z"  # in the page text

    @property
    def title(self) -> str:
        return f"ttlq{self.exhibit or 0}w"

    @property
    def bates(self) -> str:
        return f"TST-{self.exhibit:08d}"


DOCS = [
    Doc(1, "Confidential", "produced"),
    Doc(2, "AEO", "produced"),
    Doc(3, "Confidential", "unproduced"),
    Doc(4, "Confidential", "pending"),
    Doc(5, "AEO", "pending"),
    Doc(6, None, "public"),
    Doc(7, "Confidential", "sealed"),
    Doc(8, None, "slip"),
    Doc(9, "AEO", "withheld"),
]
RECEIVED = Doc(None, None, "received")  # RCV-000001, the receiving side's own collection
ADMITS = {  # the reference order (Dkt. 276), written out
    "Confidential": {"counsel", "court", "party_officers_directors_employees"},
    "AEO": {"counsel", "court"},
}


def sees(email: str, doc: Doc) -> bool:
    """May ``email`` read the document (show, text, image, search, export)?"""
    side, category = PEOPLE[email]
    if side == "court":
        return True
    if side == "producing":
        return doc.state != "received"
    if side == "public":
        return doc.state == "public"
    if doc.state == "received":
        return True
    if doc.state in ("unproduced", "pending", "withheld"):
        return False
    return doc.designation is None or category in ADMITS[doc.designation]


def knows(email: str, doc: Doc) -> bool:
    """May ``email`` learn the document exists (claims, the log, deadlines, drafts)?"""
    side, category = PEOPLE[email]
    if side in ("court", "producing"):
        return side == "court" or doc.state != "received"
    if side == "public":
        return doc.state == "public"
    if doc.state == "received":
        return True
    if doc.state == "unproduced":
        return False
    return doc.designation is None or category in ADMITS[doc.designation]


def one_page(doc: Doc) -> bytes:
    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((72, 100), f"Memo {doc.token} on the border", fontsize=11)
    page.insert_text((72, 130), f"About {doc.title} and nothing else", fontsize=11)
    pdf.set_metadata({})
    data: bytes = pdf.tobytes(no_new_id=True)  # the same bytes every time
    pdf.close()
    return data


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The world, built once through the service API as each seat would."""
    base = tmp_path_factory.mktemp("boundary")
    root = base / "ws"
    workspace = Workspace.init(root)
    op = workspace.operator()
    case = reference_case()
    op.matter.load_case(case)
    for email, (side, category) in PEOPLE.items():
        op.people.add(email, name=email.split("@")[0], side=side, category=category)
    for doc in DOCS:
        public = doc.state == "public"
        op.ingest.ingest(
            one_page(doc), title=doc.title, exhibit=doc.exhibit, publicly_available=public
        )
        if doc.designation:
            op.designations.designate(doc.exhibit, doc.designation)
    op.productions.produce([1, 2], "TST-00000001", "V1", DAY)
    op.productions.produce(  # each exhibit's page is TST-0000000N: Ex. 3 is never produced
        [4, 5, 6, 7, 8, 9],
        "TST-00000004",
        "V2",
        DAY,
        withhold={8: "Withheld - privileged"},
        allow_gap="Ex. 3 is not produced",
    )
    producing = workspace.person(PRODUCING)
    for n in (4, 5, 9):
        producing.claims.claim(f"c-{n}", privilege="law_enforcement", exhibits=[n], on=DAY)
    workspace.person(CLERK).claims.rule("c-9", "granted", on=date(2020, 6, 10))
    workspace.person(COUNSEL).designations.challenge(2, "not AEO material", DAY)
    workspace.person(COUNSEL).designations.challenge(1, "not confidential", DAY)
    court = workspace.person(CLERK)
    court.sealing.seal("77", exhibits=[6, 7], kind="non_dispositive", granted=True, on=DAY)
    op.deadlines.order_deadlines(DAY, [Directive("5", 14, Act.lodge_sealed)])
    op.filings.file(base / "filed", on=date(2020, 6, 12))
    workspace.person(COUNSEL).ingest.ingest(one_page(RECEIVED), title=RECEIVED.title)
    op.privilege_log.serve(DAY, "with the notice")
    workspace.close()
    return root


@pytest.fixture(scope="module")
def world(template: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(template)
    yield workspace
    workspace.close()


# -- what each command does with a reference -------------------------------------------------

Command = Callable[[Record, Any, Path], Any]
ON = date(2020, 7, 1)

DOCUMENT_COMMANDS: dict[str, Command] = {
    "show": lambda r, ref, _: r.reads.show(ref),
    "page_warnings": lambda r, ref, _: r.reads.page_warnings(ref),
    "export": lambda r, ref, out: [p.name for p in r.reads.export([ref], out)],
    "download": lambda r, ref, _: r.reads.download(ref).name,
    "designate": lambda r, ref, _: r.designations.designate(ref, "AEO"),
    "challenge": lambda r, ref, _: r.designations.challenge(ref, "grounds", ON),
    "define_item": lambda r, ref, _: r.items.define(ref, "i-x", "TST-00000001", "x", ["Memo"]),
    "produce": lambda r, ref, _: r.productions.produce([ref], "ZZ-00000001", "VZ"),
}
PAGE_COMMANDS: dict[str, Command] = {
    "text": lambda r, bates, _: r.reads.page_text(bates),
    "image": lambda r, bates, _: len(r.reads.page_image(bates, dpi=20)),
    "copies": lambda r, bates, _: r.copies.of_page(bates),
}
EXHIBIT_COMMANDS: dict[str, Command] = {
    "move_to_seal": lambda r, n, _: r.sealing.move_to_seal(
        "88", exhibits=[n], kind="non_dispositive", filed_on=ON
    ),
    "claim": lambda r, n, _: r.claims.claim("c-new", privilege="law_enforcement", exhibits=[n]),
    "seal": lambda r, n, _: r.sealing.seal("89", exhibits=[n], kind="non_dispositive", granted=1),
}
CLAIM_COMMANDS: dict[str, Command] = {
    "advance": lambda r, c, _: r.claims.advance(c, "sequestered", ON, how="sequestered"),
    "withdraw": lambda r, c, _: r.claims.advance(c, "withdrawn", ON),
    "rule": lambda r, c, _: r.claims.rule(c, "denied", on=ON),
    "review": lambda r, c, _: r.reviews.findings(c),
    "bench_memo": lambda r, c, _: len(r.reviews.bench_memo(c)),
    "claim_copies": lambda r, c, _: r.copies.of_claim(c),
}
CHALLENGE_COMMANDS: dict[str, Command] = {
    "withdraw_challenge": lambda r, n, _: r.designations.resolve_challenge(n, "withdrawn", ON),
    "uphold_challenge": lambda r, n, _: r.designations.resolve_challenge(n, "upheld", ON),
}
DEADLINE_COMMANDS: dict[str, Command] = {
    "done": lambda r, n, _: r.deadlines.complete(n, ON),
}


def outcome(call: Callable[[], Any], *refs: Any) -> tuple[str, str]:
    """What a call answered, with the reference (as typed, and as read) blanked out."""
    try:
        result = call()
    except Exception as exc:  # the class and the words are what the person is told
        kind, words = type(exc).__name__, str(exc)
    else:
        kind, words = "ok", repr(result)
    spelled = {str(r) for r in refs} | {str(document_ref(r)) for r in refs if _reads_as_ref(r)}
    for ref in sorted(spelled, key=len, reverse=True):
        words = words.replace(ref, "<REF>")
    return kind, words


def _reads_as_ref(value: Any) -> bool:
    try:
        document_ref(value)
    except ValueError:
        return False
    return True


def doc_refs(doc: Doc, control: str) -> list[Any]:
    refs: list[Any] = [control]
    if doc.exhibit is not None:
        refs += [doc.exhibit, f"Ex. {doc.exhibit}", doc.bates]
    return refs


def absent_like(ref: Any) -> Any:
    if isinstance(ref, int):
        return 99
    text = str(ref)
    if text.startswith("Ex."):
        return "Ex. 99"
    if text.startswith("TST"):
        return "TST-00000999"
    return text[:4] + "000999"  # DOC- / RCV-


def controls(world: Workspace) -> dict[int | None, str]:
    from sqlalchemy import select

    from clawback.storage import tables as t

    with world.sessions() as s:
        return {d.exhibit: d.control for d in s.scalars(select(t.Document))}


def same(record: Record, command: Command, hidden: Any, absent: Any, out: Path) -> None:
    got = outcome(lambda: command(record, hidden, out / "h"), hidden)
    want = outcome(lambda: command(record, absent, out / "a"), absent)
    assert got == want, f"hidden {hidden!r} answered {got}, absent {absent!r} answered {want}"
    assert got[0] != "ok" or not got[1].strip("[]()'\" "), got  # a hidden thing never works


def cases() -> Iterator[tuple[str, str, str]]:
    for email in PEOPLE:
        for doc in [*DOCS, RECEIVED]:
            if not sees(email, doc):
                for name in DOCUMENT_COMMANDS:
                    yield email, name, f"doc:{doc.exhibit}"
                if doc.exhibit is not None and doc.state not in ("unproduced", "received"):
                    for name in PAGE_COMMANDS:
                        yield email, name, f"page:{doc.exhibit}"
            if not knows(email, doc) and doc.exhibit is not None:
                for name in EXHIBIT_COMMANDS:
                    yield email, name, f"exhibit:{doc.exhibit}"


@pytest.mark.parametrize(("email", "command", "thing"), list(cases()))
def test_a_hidden_document_answers_as_an_absent_one(
    world: Workspace, tmp_path: Path, email: str, command: str, thing: str
) -> None:
    record = world.person(email, Via.web)
    kind, _, key = thing.partition(":")
    number = int(key) if key != "None" else None
    doc = next(d for d in [*DOCS, RECEIVED] if d.exhibit == number)
    control = controls(world)[number]
    if kind == "doc":
        for ref in doc_refs(doc, control):
            same(record, DOCUMENT_COMMANDS[command], ref, absent_like(ref), tmp_path)
    elif kind == "page":
        same(record, PAGE_COMMANDS[command], doc.bates, "TST-00000999", tmp_path)
    else:
        same(record, EXHIBIT_COMMANDS[command], doc.exhibit, 99, tmp_path)


def hidden_claims(email: str) -> list[str]:
    by_claim = {"c-4": DOCS[3], "c-5": DOCS[4], "c-9": DOCS[8]}
    return [c for c, doc in by_claim.items() if not knows(email, doc)]


def hidden_challenges(email: str) -> list[int]:
    on = {1: DOCS[1], 2: DOCS[0]}  # challenge 1 is over Ex. 2 (AEO), challenge 2 over Ex. 1
    return [n for n, doc in on.items() if not knows(email, doc)]


def deadline_exhibits(world: Workspace) -> dict[str, list[int]]:
    """Each deadline's reference, and the exhibits it names."""
    from sqlalchemy import select

    from clawback.storage import tables as t

    with world.sessions() as s:
        return {d.ref: list(d.exhibits) for d in s.scalars(select(t.Deadline))}


def challenge_ref(world: Workspace, number: int) -> str:
    """The reference of the challenge raised ``number``-th."""
    from sqlalchemy import select

    from clawback.storage import tables as t

    with world.sessions() as s:
        return s.scalars(select(t.Challenge.ref).order_by(t.Challenge.id)).all()[number - 1]


def dispute_cases() -> Iterator[tuple[str, str, str]]:
    for email in PEOPLE:
        for c in hidden_claims(email):
            for name in CLAIM_COMMANDS:
                yield email, name, f"claim:{c}"
        for n in hidden_challenges(email):
            for name in CHALLENGE_COMMANDS:
                yield email, name, f"challenge:{n}"
        yield email, "done", "deadlines"


@pytest.mark.parametrize(("email", "command", "thing"), list(dispute_cases()))
def test_a_hidden_claim_challenge_or_deadline_answers_as_an_absent_one(
    world: Workspace, tmp_path: Path, email: str, command: str, thing: str
) -> None:
    record = world.person(email, Via.web)
    kind, _, key = thing.partition(":")
    if kind == "claim":
        same(record, CLAIM_COMMANDS[command], key, "c-absent", tmp_path)
    elif kind == "challenge":
        same(
            record, CHALLENGE_COMMANDS[command], challenge_ref(world, int(key)), "zzzzzz", tmp_path
        )
    else:
        by_number = {d.exhibit: d for d in DOCS}
        for number, exhibits in deadline_exhibits(world).items():
            knowable = all(knows(email, by_number[n]) for n in exhibits)
            if PEOPLE[email][0] == "public" or not knowable:
                same(record, DEADLINE_COMMANDS["done"], number, "zzzzzz", tmp_path)


# -- listings ---------------------------------------------------------------------------------


def listings(record: Record, out: Path) -> dict[str, Callable[[], Any]]:
    return {
        "claims": record.claims.status,
        "privilege log": lambda: privilege_log_csv(record.privilege_log.rows()),
        "categorical log": record.privilege_log.categorical,
        "log diff": lambda: record.privilege_log.diff(1, 1),
        "deadlines": record.deadlines.list,
        "calendar": record.deadlines.calendar,
        "draft order": record.filings.draft_order,
        "summary": lambda: record.filings.summary(DAY, {}),
        "people": record.people.list,
        "exhibits": record.reads.exhibits,
        "effects": record.reads.effects,
        "conflicts": record.copies.conflicts,
        "partial reads": record.reads.partial_reads,
        "pattern hits": lambda: record.items.pattern_hits(r"tokq\d+z|ttlq\d+w|TST-\d+"),
        **{
            f"search {doc.token}": (lambda t=doc.token: record.reads.search(t))  # type: ignore[misc]
            for doc in [*DOCS, RECEIVED]
        },
    }


def forbidden(email: str) -> dict[str, str]:
    """What must appear in no listing for ``email``: of a document they may not know of, its
    title, text and Bates number; of one they may know of but not read, its text."""
    words = {}
    for doc in [*DOCS, RECEIVED]:
        if not knows(email, doc):
            words[doc.title] = f"the title of {doc}"
            if doc.exhibit is not None and doc.state != "unproduced":
                words[doc.bates] = f"the Bates number of {doc}"
        if not sees(email, doc):
            words[doc.token] = f"the text of {doc}"
        if doc.state == "slip" and PEOPLE[email][0] in ("receiving", "public"):
            words[doc.title] = f"the title of {doc}, produced as a slip sheet"
    return words


@pytest.mark.parametrize("email", list(PEOPLE))
def test_no_listing_carries_a_row_the_person_may_not_know_of(
    world: Workspace, tmp_path: Path, email: str
) -> None:
    record = world.person(email, Via.web)
    words = forbidden(email)
    answered = 0
    for name, call in listings(record, tmp_path).items():
        kind, text = outcome(call)
        for word, what in words.items():
            assert word not in text, f"{email}: {name} shows {what} ({kind})"
        answered += kind == "ok"
    assert answered >= (1 if PEOPLE[email][0] == "public" else 10)


@pytest.mark.parametrize("email", [COUNSEL, EMPLOYEE])
def test_claims_and_the_log_show_only_the_exhibits_the_person_may_know_of(
    world: Workspace, email: str
) -> None:
    record = world.person(email, Via.web)
    known = {d.exhibit for d in DOCS if knows(email, d)}
    listed = {n for c in record.claims.status() for n in c["exhibits"]}
    assert listed and listed <= known
    assert {row.exhibit for row in record.privilege_log.rows()} <= known
    # the notice told counsel of every claimed exhibit its tier admits, though it reads none
    assert listed == known & {4, 5, 9}


def test_the_public_learns_of_no_dispute(world: Workspace) -> None:
    record = world.person(PUBLIC, Via.web)
    for listing in (
        record.deadlines.list,
        record.deadlines.calendar,
        record.people.list,
        record.claims.status,
        record.privilege_log.rows,
        record.filings.draft_order,
    ):
        assert outcome(listing)[0] == "NotPermitted", listing
    assert [str(h.bates) for h in record.reads.search("Memo")] == ["TST-00000006"]
    assert [e.number for e in record.reads.exhibits()] == [6]


def test_a_slip_sheet_shows_the_slip_sheet_and_a_control_number_stays_its_sides(
    world: Workspace,
) -> None:
    counsel = world.person(COUNSEL, Via.web)
    shown = counsel.reads.show(DOCS[7].bates)
    assert shown["title"] == "Withheld - privileged" and DOCS[7].title not in repr(shown)
    assert shown["control"] is None  # the producing side's numbering is its own
    assert counsel.reads.show("RCV-000001")["control"] == "RCV-000001"
    assert world.person(PRODUCING).reads.show(1)["control"] == "DOC-000001"


def test_ingest_tells_the_receiving_side_nothing_of_the_producing_sides_files(
    template: Path, tmp_path: Path
) -> None:
    """Ingesting a file the producing side holds (unproduced) answers as a new file does, and
    the control number counts the receiving side's own documents only."""
    root = tmp_path / "ws"
    shutil.copytree(template, root)
    workspace = Workspace.open(root)
    try:
        counsel = workspace.person(COUNSEL, Via.web)
        known = counsel.ingest.ingest_file(one_page(DOCS[2]), "memo.pdf")  # Ex. 3's very bytes
        fresh = counsel.ingest.ingest_file(one_page(Doc(42, None, "x")), "other.pdf")
        assert known == (["RCV-000002"], True) and fresh == (["RCV-000003"], True)
        again = counsel.ingest.ingest_file(one_page(DOCS[2]), "memo.pdf")
        assert again == (["RCV-000002"], False)  # its own copy, the second time
    finally:
        workspace.close()


def test_a_preview_reads_as_the_person_and_acts_as_no_one(world: Workspace) -> None:
    preview = world.preview(EMPLOYEE)
    assert outcome(lambda: preview.reads.show(2), 2) == outcome(lambda: preview.reads.show(99), 99)
    kind, words = outcome(lambda: preview.designations.challenge(1, "g", ON))
    assert kind == "NotPermitted" and "preview" in words
    kind, _ = outcome(lambda: preview.claims.advance("c-4", "sequestered", ON, how="returned"))
    assert kind == "NotPermitted"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    email=st.sampled_from(list(PEOPLE)),
    doc=st.sampled_from([*DOCS, RECEIVED]),
    shape=st.sampled_from(["control", "exhibit", "Ex.", "bates", "lower"]),
)
def test_any_spelling_of_a_hidden_reference_answers_as_absent(
    world: Workspace, email: str, doc: Doc, shape: str
) -> None:
    """However the reference is typed, a hidden document reads as an absent one."""
    record = world.person(email, Via.api)
    control = controls(world)[doc.exhibit]
    spelled = {
        "control": control,
        "exhibit": doc.exhibit,
        "Ex.": f"Ex. {doc.exhibit}",
        "bates": doc.bates if doc.exhibit else control,
        "lower": f"ex {doc.exhibit}",
    }[shape]
    if doc.exhibit is None and shape != "control":
        spelled = control
    got = outcome(lambda: record.reads.show(spelled), spelled)
    side = PEOPLE[email][0]
    holder = "receiving" if doc.state == "received" else "producing"
    by_control = shape == "control" or doc.exhibit is None
    numbered = not (shape == "bates" and doc.state == "unproduced")  # Ex. 3 has no Bates
    # a control number is its holding side's (and the court's), and given only to whoever
    # the order admits to every tier (`control_names`): not to the employee
    given = side in (holder, "court") and email != EMPLOYEE
    if sees(email, doc) and numbered and (not by_control or given):
        assert got[0] == "ok"
        return
    absent = absent_like(spelled) if shape != "lower" else "ex 99"
    assert got == outcome(lambda: record.reads.show(absent), absent)
    assert re.fullmatch(r"no document <REF>", got[1]), got
