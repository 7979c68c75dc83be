"""A side's control numbers count its whole collection, so a reader its tier keeps from some of
them is never given one. A receiving-side employee read RCV-000002 and learnt that RCV-000001
(an AEO record counsel imported) existed and was withheld from them. Such a reader names each
of their side's documents by an opaque reference (``RCV-k7q2mxab``), drawn at random when the
document comes in, never renumbered when a tier changes; whoever is admitted to every tier of
the order (counsel, the producing side for its own, the operator and the court) keeps the
sequential numbers. A number typed by a reader it is not given to answers as one no document
holds. Another side is never given a control number, not even for a paper filed on the
docket (the producing side read RCV-000003 on the receiving side's brief)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.domain.errors import ClawbackError, NotFound
from clawback.loadfiles import write_dat
from clawback.service import Record, Via, Workspace
from tests.ingest.make import text_pdf
from tests.started import start

COUNSEL = "rc@other.test"
EMPLOYEE = "emp@other.test"
PRODUCING = "pc@def.test"
COUNTER = re.compile(r"RCV-\d{6}")
MEMO = text_pdf("Walrus memo")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """Counsel imports a third party's AEO record (RCV-000001); the employee ingests a memo of
    their own (RCV-000002); counsel files a brief on the docket (RCV-000003)."""
    root = tmp_path_factory.mktemp("controls")
    op = start(root / "ws")
    op.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    op.people.add(PRODUCING, name="PC", side="producing", category="counsel")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    workspace = op.ctx.workspace
    folder = root / "third"
    (folder / "NATIVES").mkdir(parents=True)
    (folder / "NATIVES" / "a.pdf").write_bytes(text_pdf("Walrus pricing, attorneys only"))
    dat = folder / "THIRD.dat"
    row = ["CTL-7", ".\\NATIVES\\a.pdf", "AEO"]
    dat.write_bytes(write_dat(["CONTROLNUMBER", "NATIVEPATH", "CONFIDENTIALITY"], [row]))
    counsel = workspace.person(COUNSEL, Via.web)
    assert len(counsel.imports.volume(folder, dat).imported) == 1
    workspace.person(EMPLOYEE, Via.web).ingest.ingest(MEMO, title="memo")
    counsel.filed_papers.enter(text_pdf("Walrus brief"), "44", "brief", "Opposition")
    yield workspace
    workspace.close()


def _said(person: Record) -> str:
    """What the listing, the search, each document's page and its download tell the person."""
    listed = person.catalog.documents()
    hits = person.reads.search("walrus")
    shown = [person.reads.show(d.ref) for d in listed if d.docket is None]
    names = []
    for d in listed:
        try:
            names.append(person.reads.download(d.ref).name)
        except ClawbackError as e:  # not produced: said so
            names.append(str(e))
    return repr((list(listed), list(hits), [h.name for h in hits], shown, names))


def test_a_reader_beyond_some_of_their_sides_documents_is_given_no_control_number(
    world: Workspace,
) -> None:
    employee = world.person(EMPLOYEE, Via.web)
    said = _said(employee)
    assert not COUNTER.search(said), said
    (memo,) = [d for d in employee.catalog.documents() if d.title == "memo"]
    assert memo.control and memo.control.startswith("RCV-"), memo
    assert employee.reads.show(memo.control)["title"] == "memo"  # their name for it finds it
    answers = []
    for typed in ("RCV-000001", "RCV-000002", "RCV-000099"):  # hidden, theirs, none at all
        with pytest.raises(NotFound) as caught:
            employee.reads.show(typed)
        answers.append(str(caught.value).replace(typed, "<N>"))
    assert len(set(answers)) == 1, answers
    [again], _ = employee.ingest.ingest_file(MEMO, "memo.pdf")
    assert again == memo.control  # the answer to a write names it alike


def test_an_import_answers_the_employee_with_no_control_number(
    world: Workspace, tmp_path: Path
) -> None:
    """The employee's own import of a volume: its report named the record RCV-000004."""
    employee = world.person(EMPLOYEE, Via.web)
    folder = tmp_path / "theirs"
    (folder / "NATIVES").mkdir(parents=True)
    (folder / "NATIVES" / "b.pdf").write_bytes(text_pdf("Walrus letter"))
    dat = folder / "MINE.dat"
    dat.write_bytes(write_dat(["CONTROLNUMBER", "NATIVEPATH"], [["MINE-1", ".\\NATIVES\\b.pdf"]]))
    report = employee.imports.volume(folder, dat)
    (imported,) = report.imported
    assert not COUNTER.search(repr(report)), report
    assert employee.reads.show(imported.control)["title"] == "MINE-1"
    assert not COUNTER.search(repr(employee.reads.partial_reads()))


def test_counsel_admitted_to_every_tier_keeps_the_sequential_numbers(world: Workspace) -> None:
    counsel = world.person(COUNSEL, Via.web)
    assert {d.control for d in counsel.catalog.documents()} >= {"RCV-000001", "RCV-000002"}
    assert counsel.reads.show("RCV-000001")["control"] == "RCV-000001"


def test_another_side_is_given_no_control_number_of_a_paper_filed(world: Workspace) -> None:
    said = _said(world.person(PRODUCING, Via.web))
    assert "ECF No. 44" in said and not COUNTER.search(said), said


def test_the_trail_names_no_control_number_to_the_employee(
    world: Workspace, tmp_path: Path
) -> None:
    """Their own ingest's entry read "ingest RCV-000002": withheld from them now, as an entry
    naming another side's number is, in the listing and in their export."""
    employee = world.person(EMPLOYEE, Via.web)
    trail = employee.audit.entries(limit=500)
    assert not COUNTER.search(repr(trail)), [e for e in trail if COUNTER.search(repr(e))]
    employee.audit.export(tmp_path / "trail.jsonl")
    exported = (tmp_path / "trail.jsonl").read_text(encoding="utf-8")
    assert not COUNTER.search(exported), COUNTER.findall(exported)
    assert any("RCV-000002" in e.subject for e in world.person(COUNSEL).audit.entries(500))


def test_the_trail_names_the_employees_reads_by_the_records_own_numbers(
    world: Workspace,
) -> None:
    """The employee's reads and searches are kept under the record's control numbers, as every
    entry names a document, so the trail's rule withholds each from whoever may not know of
    the document; their reference (a name only they are given) is never written into it."""
    employee = world.person(EMPLOYEE, Via.web)
    (memo,) = [d for d in employee.catalog.documents() if d.title == "memo"]
    employee.reads.show(memo.control)
    employee.reads.search("walrus memo")
    entries = world.operator().audit.entries(limit=50)
    said = repr([(e.action, e.subject) for e in entries if e.actor == EMPLOYEE])
    assert "RCV-000002" in said and memo.control not in said, said
