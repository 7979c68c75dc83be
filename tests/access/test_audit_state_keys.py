"""The keys an entry's ``state`` binds name what they bind: ``seal:<motion>/<exhibit>`` an
exhibit, ``claim:<id>`` a claim, ``item:<id>`` an item of a document. An entry binding a key of
something the reader may not know of is withheld from them as one naming it in its subject is.

Before: the court's denial of a motion to seal Exs. 1 and 2 (its detail ``sealed: []``) was
exported to a party employee with ``seal:90/2`` in its state: Ex. 2, AEO, is a document the
rest of the record answers to them as absent."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.service import Via, Workspace, audit_trail

EMPLOYEE = "emp@plf.test"
COURT = "clerk@court.test"


def _page(text: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), text, fontsize=11)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def test_a_seal_ruling_binding_a_hidden_exhibit_is_withheld(tmp_path: Path) -> None:
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add(
            EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
        )
        op.people.add(COURT, name="C", side="court", category="court")
        for k, tier in ((1, "Confidential"), (2, "AEO")):
            op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
            op.designations.designate(k, tier)
        op.productions.produce([1, 2], "TST-00000001", "VOL001")
        op.sealing.move_to_seal(
            "90", exhibits=[1, 2], kind="non_dispositive", filed_on=date(2020, 7, 1)
        )
        court = workspace.person(COURT, Via.web)
        court.sealing.seal("90", exhibits=[1, 2], kind="non_dispositive", granted=False)
        employee = workspace.person(EMPLOYEE, Via.web)
        out = tmp_path / "trail.jsonl"
        employee.audit.export(out)
        shown = [json.loads(line) for line in out.read_text().splitlines()]
        told = [e for e in shown if "action" in e]
        assert told and not any("seal:90/2" in json.dumps(e) for e in told), [
            e for e in told if e["action"] == "seal"
        ]
        listed = employee.audit.entries()
        assert not any(e.action == "seal" for e in listed)  # the listing withholds it alike
        seen = workspace.person(COURT, Via.web).audit.entries()
        assert any(e.action == "seal" for e in seen)  # the court reads every entry
    finally:
        workspace.close()


def test_every_bound_key_gives_the_name_of_what_it_binds() -> None:
    detail = {"state": {"seal:90/2": "d", "claim:c-7": "d", "item:code-1": "d"}}
    names = audit_trail._names("record.change", "", detail)
    assert {"Ex. 2", "claim:c-7", "item:code-1"} <= set(names), names


@pytest.mark.parametrize("start", ["AOL_DEF_000001", "ABC.0001", "AOL DEF 000001"])
def test_an_entry_naming_a_hidden_page_by_any_bates_spelling_is_withheld(
    tmp_path: Path, start: str
) -> None:
    """A Bates prefix may run its words together with ``_``, ``.`` or a space as well as a
    hyphen (``domain.bates``): the filing of the AEO Ex. 2, stamped ``AOL_DEF_000002``, was
    listed to a party employee as ``file.sealed AOL_DEF_000002`` (only hyphenated numbers were
    read as names)."""
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add(
            EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
        )
        for k, tier in ((1, "Confidential"), (2, "AEO")):
            op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
            op.designations.designate(k, tier)
        op.productions.produce([1, 2], start, "VOL001")
        [hidden] = [str(b) for b in op.catalog.pages(2)]
        [seen] = [str(b) for b in op.catalog.pages(1)]
        op.sealing.seal("77", exhibits=[1, 2], kind="non_dispositive", granted=True)
        op.filings.file(tmp_path / "filed", on=date(2020, 6, 12))
        employee = workspace.person(EMPLOYEE, Via.web)
        listed = [(e.action, e.subject) for e in employee.audit.entries(100)]
        assert ("file.sealed", seen) in listed  # what they may know of is told
        assert not any(hidden in subject for _, subject in listed), listed
        out = tmp_path / "trail.jsonl"
        employee.audit.export(out)
        assert hidden not in out.read_text()
    finally:
        workspace.close()
