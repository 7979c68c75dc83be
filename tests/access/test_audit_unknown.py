"""The audit trail tells no party of a document the rest of the record answers as absent: an
entry naming an AEO exhibit (its control number, exhibit number or a Bates number of its pages,
in the subject or in the detail an export carries) is withheld from a party employee, in the
listing and in the export, while the chain still verifies; the court reads every entry."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pymupdf

from clawback.demo.run import reference_case
from clawback.service import Workspace, audit_trail
from clawback.storage.audit_export import verify_export

EMPLOYEE = "emp@plf.test"


def _page(text: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), text, fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


def _three_exhibits(root: Path) -> Workspace:
    """A workspace with the reference case, a party employee seated and Exs. 1-3 ingested."""
    workspace = Workspace.init(root)
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    for k in (1, 2, 3):
        op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
    return workspace


def test_an_aeo_exhibit_is_absent_from_an_employees_audit_trail(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    workspace = Workspace.init(root)
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add(
            EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
        )
        for k in (1, 2, 3):
            op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
        op.designations.designate(1, "Confidential")
        op.designations.designate(2, "AEO")
        op.productions.produce([1, 2, 3], "TST-00000001", "VOL001")
        op.sealing.seal("99", exhibits=[2], kind="non_dispositive", granted=True)
        control = next(d.control for d in op.catalog.documents() if d.exhibit == 2)
        names = ("TST-00000002", control, "Ex. 2")

        court_sees = " ".join(f"{e.subject}" for e in op.audit.entries())
        assert any(name in court_sees for name in names)
        seat = workspace.person(EMPLOYEE)
        listed = seat.audit.entries()
        shown = " ".join(f"{e.action} {e.subject}" for e in listed if e.withheld is None)
        assert not any(name in shown for name in names), shown
        assert any(e.subject == "" and e.withheld for e in listed)
        assert any(e.subject == "Ex. 1" for e in listed)  # Ex. 1 is theirs to know

        out = tmp_path / "employee.jsonl"
        seat.audit.export(out)
        text = out.read_text(encoding="utf-8")
        assert not any(name in text for name in names)
        assert '"sealed":[2]' not in text.replace(" ", "")
        assert [p for p in verify_export(out) if p.kind != "unkeyed"] == []
    finally:
        workspace.close()


def test_a_colleagues_reads_do_not_tell_an_employee_how_much_there_is(tmp_path: Path) -> None:
    """Receiving counsel lists the documents (``read.list``: "3 of 3 documents"): the party
    employee beside them, who may not see the AEO one, reads that entry only as withheld, in
    the listing and the export; their own reads they still see."""
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add("counsel@plf.test", name="C", side="receiving", category="counsel")
        op.people.add(
            EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
        )
        for k in (1, 2, 3):
            op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
        op.designations.designate(2, "AEO")
        op.productions.produce([1, 2, 3], "TST-00000001", "VOL001")
        counsel_saw = len(workspace.person("counsel@plf.test").catalog.documents())
        seat = workspace.person(EMPLOYEE)
        own = len(seat.catalog.documents())
        assert (counsel_saw, own) == (3, 2)
        listed = seat.audit.entries()
        counts = [e.subject for e in listed if e.action == "read.list"]
        assert counts == ["2 of 2 documents"], counts
        assert not any(e.actor == "counsel@plf.test" for e in listed)  # withheld: no who
        out = tmp_path / "employee.jsonl"
        seat.audit.export(out)
        assert "3 of 3 documents" not in out.read_text(encoding="utf-8")
        assert [p for p in verify_export(out) if p.kind != "unkeyed"] == []
    finally:
        workspace.close()


def test_a_volumes_counts_do_not_tell_an_employee_of_what_it_may_not_see(tmp_path: Path) -> None:
    """A production's entries count its documents (``produce ... documents=3``) and span its
    pages: to a party employee who may not see the AEO document in it, those entries are
    withheld links, in the listing and the export; receiving counsel, who sees all three,
    reads them whole."""
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add("counsel@plf.test", name="C", side="receiving", category="counsel")
        op.people.add(
            EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
        )
        for k in (1, 2, 3):
            op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
        op.designations.designate(2, "AEO")
        op.productions.produce([1, 2, 3], "TST-00000001", "VOL001")

        counsel = workspace.person("counsel@plf.test").audit.entries()
        assert any(e.action == "produce" and e.withheld is None for e in counsel)
        seat = workspace.person(EMPLOYEE)
        listed = seat.audit.entries()
        shown = [e for e in listed if e.withheld is None]
        assert not [e for e in shown if e.action.startswith("produce")], shown
        assert any(e.withheld for e in listed)
        out = tmp_path / "employee.jsonl"
        seat.audit.export(out)
        text = out.read_text(encoding="utf-8").replace(" ", "")
        assert '"documents":3' not in text
        assert [p for p in verify_export(out) if p.kind != "unkeyed"] == []
    finally:
        workspace.close()


def test_another_sides_control_numbers_stay_out_of_a_partys_audit_trail(tmp_path: Path) -> None:
    """A control number is its holding side's own (``show`` gives the other side none): the
    producing side's ``DOC-000005`` tells receiving counsel that side holds five documents,
    produced or not. So an entry naming a document by another side's control number (the
    filed paper counsel may read, a produced document with no exhibit number) is withheld from
    the other side, in the listing and the export, as one naming a document it may not know of;
    the producing side reads its own entries whole, and the chain still verifies."""
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add("prod@def.test", name="P", side="producing", category="counsel")
        op.people.add("counsel@plf.test", name="C", side="receiving", category="counsel")
        for k in (1, 2, 3):  # two never produced: the numbering counts them
            op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k if k == 1 else None)
        op.ingest.ingest(_page("memo 4, no exhibit"), title="doc 4")
        op.productions.produce([1, "DOC-000004"], "TST-00000001", "VOL001")
        op.designations.designate("DOC-000004", "Confidential")
        producing = workspace.person("prod@def.test")
        producing.filed_papers.enter(_page("a brief"), "102", "brief", "Open brief")
        counsel = workspace.person("counsel@plf.test")
        assert counsel.reads.show("TST-00000002")["control"] is None  # the rule elsewhere
        assert [p.paper.docket for p in counsel.docket.papers()] == ["102"]

        listed = counsel.audit.entries()
        shown = " ".join(f"{e.action} {e.subject}" for e in listed if e.withheld is None)
        assert "DOC-" not in shown, shown
        assert any(e.subject == "Ex. 1" for e in listed)  # named as counsel names it
        out = tmp_path / "counsel.jsonl"
        counsel.audit.export(out)
        assert "DOC-" not in out.read_text(encoding="utf-8")
        assert [p for p in verify_export(out) if p.kind != "unkeyed"] == []
        own = " ".join(e.subject for e in producing.audit.entries() if e.withheld is None)
        assert "DOC-000005" in own  # its own numbering, to its own side
    finally:
        workspace.close()


def test_a_party_reads_no_login_or_seat_of_a_person_it_may_not_list(tmp_path: Path) -> None:
    """A party lists its own side's people and the court's (``people.list``): the other side's
    staff, their log-ins (when, from which address, a failed one), their API tokens and their
    seats are not in its audit trail either, in the listing or the export; its own side's
    and the court's are, and the court reads every one."""
    import pyotp

    from clawback.service import Via
    from clawback.service.gate import Gate

    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        staff = "staff@def.test"  # the producing side's, no second factor under Dkt. 276
        op.people.add(
            staff, name="S", side="producing", category="party_officers_directors_employees"
        )
        op.people.add(
            EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
        )
        password = "correct horse battery staple"
        gate = Gate(workspace)
        for email, address in ((staff, "10.9.8.7"), (EMPLOYEE, "10.1.1.1")):
            secret = op.accounts.invite(email, password).totp_secret
            code = pyotp.TOTP(secret).now() if secret else ""
            gate.login(email, password, code, address)
        with contextlib.suppress(Exception):
            gate.login(staff, "a wrong guess", "", "10.9.8.7")
        workspace.person(staff, Via.api).accounts.new_token("nightly sync")
        assert staff not in [p.email for p in workspace.person(EMPLOYEE).people.list()]

        seat = workspace.person(EMPLOYEE)
        listed = seat.audit.entries(1000)
        shown = " ".join(f"{e.actor} {e.action} {e.subject}" for e in listed if e.withheld is None)
        assert staff not in shown, shown
        assert staff not in {e.actor for e in listed}  # nor as who made a withheld entry
        assert f"login {EMPLOYEE}" in shown  # their own
        out = tmp_path / "employee.jsonl"
        seat.audit.export(out)
        text = out.read_text(encoding="utf-8")
        assert staff not in text and "10.9.8.7" not in text and "nightly sync" not in text
        assert [p for p in verify_export(out) if p.kind != "unkeyed"] == []
        court = " ".join(f"{e.action} {e.subject}" for e in op.audit.entries(1000))
        assert f"login {staff}" in court and f"person.seat {staff}" in court
    finally:
        workspace.close()


def test_counsel_who_may_know_of_every_document_reads_a_volumes_counts_in_the_export(
    tmp_path: Path,
) -> None:
    """Another side's control numbers are withheld (above) without making a reader who may
    know of every document a reader of less: receiving counsel's export keeps the production's
    counts, as its listing does."""
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add("counsel@plf.test", name="C", side="receiving", category="counsel")
        for k in (1, 2):
            op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
        op.productions.produce([1, 2], "TST-00000001", "VOL001")
        counsel = workspace.person("counsel@plf.test")
        assert any(e.action == "produce" and e.withheld is None for e in counsel.audit.entries())
        out = tmp_path / "counsel.jsonl"
        counsel.audit.export(out)
        text = out.read_text(encoding="utf-8")
        assert '"action": "produce"' in text or '"action":"produce"' in text, text[:2000]
    finally:
        workspace.close()


def test_an_export_names_no_record_by_its_row_number(tmp_path: Path) -> None:
    """The trail binds each changed record's digest under its key, which named a document by
    its row (``document:3``): a counter every side shares, so an employee shown ``document:1``
    and ``document:3`` learned of a document between them it may not know of. The key a party
    reads names the record opaquely (keyed under the audit key, which the party does not hold),
    the export still verifies, and ``audit verify`` still names an edit made outside clawback
    by the record's row."""
    import sqlite3

    workspace = _three_exhibits(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.designations.designate(2, "AEO")
        op.productions.produce([1, 2, 3], "TST-00000001", "VOL001")
        op.claims.claim("c1", privilege="law_enforcement", exhibits=[1])
        op.claims.rule("c1", "denied", reason="no showing")
        seat = workspace.person(EMPLOYEE)
        out = tmp_path / "employee.jsonl"
        seat.audit.export(out)
        text = out.read_text(encoding="utf-8")
        assert '"state"' in text  # the bindings of what the employee may know of are there
        counters = re.findall(r'"(?:(?:document|ruling|token):\d+|filing:\d+/\w+)"', text)
        assert counters == [], counters
        assert [p for p in verify_export(out) if p.kind != "unkeyed"] == []
        assert op.audit.verify() == []
        with sqlite3.connect(tmp_path / "ws" / "clawback.db") as db:
            db.execute("update document set tier = 'Confidential' where exhibit = 2")
        said = [p.message for p in op.audit.verify()]
        assert "document:2 was changed outside clawback: it no longer matches entry" in said[0]
    finally:
        workspace.close()


def test_entries_written_with_row_numbers_are_withheld_from_a_reader_who_knows_less(
    tmp_path: Path,
) -> None:
    """Entries written before opaque names and references named records by their rows: a
    document's binding (``document:1``), a deadline done (subject ``12``), a token revoked
    (``token 4``), a challenge (``"challenge": 3``). Those numbers count every side's records,
    so such an entry is withheld from a reader who may not know of every record (the employee),
    alike whatever record it names, and read whole by the court."""
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add(
            EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
        )
        for k in (1, 2):
            op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
        op.designations.designate(2, "AEO")
        op.productions.produce([1, 2], "TST-00000001", "VOL001")
        old = [
            ("designate", "Ex. 1", {"state": {"document:1": "0" * 64}}),
            ("deadline.done", "12", {}),
            ("token.revoke", "token 4", {}),
            ("challenge", "Ex. 1", {"challenge": 3}),
        ]
        with op.ctx.transaction() as s:
            for action, subject, detail in old:
                op.ctx.audit(s, action, subject, **detail)
        listed = workspace.person(EMPLOYEE).audit.entries(len(old))
        assert [e.withheld for e in listed] == [audit_trail.WITHHELD] * len(old), listed
        court = [e for e in op.audit.entries(len(old)) if e.withheld is None]
        assert len(court) == len(old)
    finally:
        workspace.close()


def test_every_withheld_entry_reads_alike_to_a_party(tmp_path: Path) -> None:
    """An entry withheld because it names a document the employee may not know of (its
    ingest, its designation), or counts a volume, or is a colleague's read over a wider view,
    or the other side's work product, reads as every other withheld entry: no reason, no who,
    no when, no path, in the listing and the export. Before, "names a document outside what you
    may see" at the hour the operator ingested each AEO exhibit counted them, one line each."""
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add("counsel@plf.test", name="C", side="receiving", category="counsel")
        op.people.add("prod@def.test", name="P", side="producing", category="counsel")
        op.people.add(
            EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
        )
        for k in (1, 2, 3):
            op.ingest.ingest(_page(f"memo {k}"), title=f"doc {k}", exhibit=k)
        op.designations.designate(2, "AEO")
        op.productions.produce([1, 2, 3], "TST-00000001", "VOL001")
        workspace.person("counsel@plf.test").catalog.documents()
        workspace.person("prod@def.test").reads.search("memo")
        seat = workspace.person(EMPLOYEE)
        listed = seat.audit.entries(1000)
        withheld = {
            (e.actor, e.at, e.path, e.action, e.subject, e.withheld) for e in listed if e.withheld
        }
        assert len(withheld) == 1, withheld
        out = tmp_path / "employee.jsonl"
        seat.audit.export(out)
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        reasons = {e["withheld"] for e in lines if "seq" in e and "withheld" in e}
        assert len(reasons) == 1, reasons
        assert [p for p in verify_export(out) if p.kind != "unkeyed"] == []
    finally:
        workspace.close()


def test_an_imports_row_numbers_do_not_tell_an_employee_of_a_record_beyond_their_tier(
    tmp_path: Path,
) -> None:
    """Counsel imports a third party's volume of two records, the first AEO: each record's
    entry (``volume.import``) carries its row, so the employee shown row 2 learned of a row 1
    beyond their tier. Every entry of a volume holding a record the reader may not know of is
    withheld from them; counsel reads them all."""
    from clawback.loadfiles import write_dat
    from clawback.service import Via

    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        op.people.add("counsel@plf.test", name="C", side="receiving", category="counsel")
        op.people.add(
            EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
        )
        folder = tmp_path / "tp"
        (folder / "NATIVES").mkdir(parents=True)
        rows = []
        for n, tier in ((1, "HIGHLY CONFIDENTIAL - AEO"), (2, "CONFIDENTIAL")):
            (folder / "NATIVES" / f"{n}.pdf").write_bytes(_page(f"third party page {n}"))
            bates = f"TP-0000000{n}"
            rows.append([bates, bates, f".\\NATIVES\\{n}.pdf", tier])
        fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
        (folder / "TP.dat").write_bytes(write_dat(fields, rows))
        counsel = workspace.person("counsel@plf.test", Via.web)
        assert len(counsel.imports.volume(folder, folder / "TP.dat").imported) == 2
        seat = workspace.person(EMPLOYEE)
        assert seat.catalog.documents().total == 1
        shown = [e for e in seat.audit.entries(1000) if e.withheld is None]
        assert not [e for e in shown if e.action == "volume.import"], shown
        out = tmp_path / "employee.jsonl"
        seat.audit.export(out)
        assert "volume.import" not in out.read_text(encoding="utf-8")
        theirs = workspace.person("counsel@plf.test").audit.entries(1000)
        assert len([e for e in theirs if e.action == "volume.import"]) == 2
    finally:
        workspace.close()
