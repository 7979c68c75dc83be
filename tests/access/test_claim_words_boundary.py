"""A claim's words tell no reader of an exhibit beyond them. A claim over Ex. 1 (Confidential)
and Ex. 2 (AEO) is listed to a party employee for Ex. 1 alone, as if Ex. 2 were not in the
record; but its basis (the producing side's words, in the notice, the claim's history and the
privilege log's Basis column), a move's note and the court's reason were told them word for
word, and each named Ex. 2: "database codes on Ex. 2 reveal sources". Words naming an exhibit
or a filed paper the reader may not know of are now told them as no words at all
(``lookup.told_words``), exactly as a claim given none; counsel reads them whole.

Over the small case of ``tests.web.world``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from clawback.service import Via, Workspace
from clawback.storage import tables as t
from tests.web import world

BASIS = "database codes on Ex. 2 reveal confidential sources"
NOTE = "Exhibit 2 preserved in the vault"
REASON = "The codes on Exhibit 2 are privileged; nothing else is."
PLAIN = "the codes are law enforcement sensitive"  # names no exhibit: told to both
SERVED = "served with the claw-back of Ex. 2"  # a served version's note


@pytest.fixture(scope="module")
def claimed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root: Path = tmp_path_factory.mktemp("claim-words") / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    for email in (world.PRODUCING, world.COUNSEL, world.EMPLOYEE):
        workspace.operator().people.acknowledge(email)
    producing = workspace.person(world.PRODUCING)
    producing.claims.claim(
        "c-two", privilege="law_enforcement", exhibits=[1, 2], basis=BASIS, on=world.DAY
    )
    producing.claims.claim(
        "c-one", privilege="law_enforcement", exhibits=[1], basis=PLAIN, on=world.DAY
    )
    producing.claims.advance("c-two", "preserved", world.DAY, note=NOTE)
    clerk = workspace.person(world.CLERK)
    clerk.claims.advance("c-two", "under_review", world.DAY)
    clerk.claims.rule("c-two", "granted", reason=REASON, on=world.DAY)
    producing.privilege_log.serve(world.DAY, note=SERVED)
    yield workspace
    workspace.close()


def _said(workspace: Workspace, email: str) -> str:
    """Everything the claims listing and the privilege log tell ``email``, as text."""
    reader = workspace.person(email, Via.web)
    status = json.dumps(reader.claims.status())
    log = reader.privilege_log.download("csv").decode("utf-8")
    served = [v for v, *_ in reader.privilege_log.served()]
    diff = repr(reader.privilege_log.diff(served[0], served[-1]))
    categorical = repr(reader.privilege_log.categorical())
    versions = repr(reader.privilege_log.served())
    return "\n".join((status, log, diff, categorical, versions))


def test_words_naming_an_exhibit_beyond_the_reader_are_not_told_them(
    claimed: Workspace,
) -> None:
    said = _said(claimed, world.EMPLOYEE)
    assert "c-two" in said  # the claim is theirs, for Ex. 1
    for words in (BASIS, NOTE, REASON, SERVED, "Ex. 2", "Exhibit 2"):
        assert words not in said, words
    assert PLAIN in said  # words naming nothing beyond them are told as before


def test_the_trail_tells_them_no_more(claimed: Workspace, tmp_path: Path) -> None:
    """A move's note is kept in its trail entry's detail, which a party's export carries."""
    reader = claimed.person(world.EMPLOYEE, Via.web)
    reader.audit.export(tmp_path / "trail.jsonl")
    exported = (tmp_path / "trail.jsonl").read_text("utf-8")
    assert "c-two" in exported
    for words in (BASIS, NOTE, REASON, "Exhibit 2"):
        assert words not in exported, words


def test_counsel_reads_them_whole(claimed: Workspace) -> None:
    said = _said(claimed, world.COUNSEL)
    for words in (BASIS, NOTE, REASON, PLAIN, SERVED):
        assert words in said, words


def test_the_employees_log_row_reads_as_a_claim_given_no_basis(claimed: Workspace) -> None:
    log = claimed.person(world.EMPLOYEE, Via.web).privilege_log.download("csv").decode("utf-8")
    rows = {r["Claim"]: r for r in csv.DictReader(io.StringIO(log))}
    assert rows["c-two"]["Basis"] == "", rows


def test_a_documents_notes_tell_them_no_more(claimed: Workspace) -> None:
    """A designation's note (the producing side's words) and a challenge's grounds, on a
    document the employee reads, naming an exhibit beyond them: told as none."""
    producing = claimed.person(world.PRODUCING)
    producing.designations.designate(3, "Confidential", note="as Exhibit 2 is, its source")
    producing.designations.designate(3, "Confidential", note=PLAIN)
    counsel = claimed.person(world.COUNSEL, Via.web)
    counsel.designations.challenge(3, grounds="no more than Ex. 2 warrants", on=world.DAY)
    employee = claimed.person(world.EMPLOYEE, Via.web).reads.show(3)
    said = json.dumps(employee)
    assert "Ex. 2" not in said and "Exhibit 2" not in said, said
    assert PLAIN in said, said
    shown = json.dumps(counsel.reads.show(3))
    assert "as Exhibit 2 is, its source" in shown and "no more than Ex. 2" in shown, shown


def test_a_drafted_order_tells_them_no_more(claimed: Workspace) -> None:
    """The court seals Ex. 4 on a condition, and gives a reason, each naming Ex. 2: the order
    drafted for the employee carries neither (the condition's act is not in their deadlines
    either, as its words name Ex. 2); counsel's carries both."""
    condition = "file a redacted Exhibit 2 with it"
    reason = "for the reasons given for Exhibit 2"
    claimed.person(world.CLERK).sealing.seal(
        "470",
        exhibits=[4],
        kind="non_dispositive",
        granted=True,
        on=world.DAY,
        reason=reason,
        condition=condition,
        condition_days=7,
    )
    employee = claimed.person(world.EMPLOYEE, Via.web)
    drafted = repr(employee.filings.draft_order())
    assert "Dkt. No. 470" in drafted, drafted  # the motion is theirs, for Ex. 4
    assert "Exhibit 2" not in drafted and "Ex. 2" not in drafted, drafted
    assert not [d for d in employee.deadlines.list() if "Exhibit 2" in d.says]
    counsel = repr(claimed.person(world.COUNSEL, Via.web).filings.draft_order())
    assert condition in counsel, counsel


def _told(claimed: Workspace, name: str, basis: str) -> tuple[str, str]:
    """What the employee and counsel are told of claim ``name`` over Ex. 1 with ``basis``."""
    claimed.person(world.PRODUCING).claims.claim(
        name, privilege="law_enforcement", exhibits=[1], basis=basis, on=world.DAY
    )
    employee = json.dumps(claimed.person(world.EMPLOYEE, Via.web).claims.status())
    counsel = json.dumps(claimed.person(world.COUNSEL, Via.web).claims.status())
    return employee, counsel


def test_words_citing_a_page_beyond_the_reader_by_bates_are_not_told_them(
    claimed: Workspace,
) -> None:
    hidden = world.EXHIBITS[1].bates(0)  # Ex. 2's first page, AEO
    basis = f"the codes at {hidden} reveal sources"
    employee, counsel = _told(claimed, "c-bates", basis)
    assert hidden not in employee and "reveal sources" not in employee, employee
    assert basis in counsel, counsel


def test_words_citing_a_range_that_reaches_a_page_beyond_the_reader_are_not_told_them(
    claimed: Workspace,
) -> None:
    first, last = world.EXHIBITS[0].bates(0), world.EXHIBITS[1].bates(0)
    basis = f"the pages {first} - {last} hold the codes"
    employee, counsel = _told(claimed, "c-range", basis)
    assert "hold the codes" not in employee, employee
    assert basis in counsel, counsel


def test_words_citing_a_page_the_reader_may_see_are_told_them(claimed: Workspace) -> None:
    seen = world.EXHIBITS[0].bates(0)  # Ex. 1's first page, Confidential
    basis = f"the codes at {seen} reveal sources"
    employee, _ = _told(claimed, "c-seen", basis)
    assert basis in employee, employee


def test_words_naming_a_control_number_the_reader_is_not_given_are_not_told_them(
    claimed: Workspace,
) -> None:
    with claimed.operator().transaction() as s:
        control = s.scalars(select(t.Document.control).order_by(t.Document.id)).first()
    assert control
    basis = f"see {control} for the codes"  # the producing side's own control number
    employee, counsel = _told(claimed, "c-control", basis)
    # another side is given neither a control number nor a reference (control_names)
    assert control not in employee and "for the codes" not in employee, employee
    assert control not in counsel and "for the codes" not in counsel, counsel
    producing = json.dumps(claimed.person(world.PRODUCING, Via.web).claims.status())
    assert basis in producing, producing
