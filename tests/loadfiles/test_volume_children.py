"""A received volume's e-mail, Office and PDF natives give up their children: each file inside
a native is a document of the record's family, named by the record's Bates number and a
sequence (``ABC0001.0001``), designated as the record was, unless the volume's own rows
already give the family (then taking them out again would duplicate them). Volumes made here,
imported by the receiving side."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, event, select

from clawback.domain.errors import NotFound
from clawback.loadfiles import write_dat
from clawback.loadfiles.volume import read_volume
from clawback.service import Workspace, received_children
from clawback.service.received import describe
from clawback.service.volume_files import Natives
from clawback.storage import tables as t
from tests.conftest import SHARED
from tests.ingest.make import docx_carrying, eml_with, text_pdf, workbook
from tests.records import documents, words

FIELDS = ["BEGBATES", "ENDBATES", "BEGATTACH", "ENDATTACH", "NATIVEPATH", "CONFIDENTIALITY"]
LOCKED = SHARED / "samples" / "pdfs" / "encrypted" / "r6-user-password.pdf"


def _volume(root: Path, rows: list[list[str]], natives: dict[str, bytes]) -> Path:
    """A volume in ``root``: a DAT of ``rows`` (`FIELDS`) and the natives under NATIVES/."""
    (root / "NATIVES").mkdir(parents=True)
    for name, data in natives.items():
        (root / "NATIVES" / name).write_bytes(data)
    dat = root / "VOL1.dat"
    dat.write_bytes(write_dat(FIELDS, rows))
    return dat


def _row(bates: str, native: str, designation: str = "", attach: str = "") -> list[str]:
    """A one-page record with its native; ``attach`` its attachment range, ``A-B``."""
    begin, _, end = attach.partition("-")
    return [bates, bates, begin, end, f".\\NATIVES\\{native}", designation]


def test_an_email_and_a_word_natives_children_are_documents_of_their_family(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_ws
    mail = eml_with(
        "Rebates",
        [
            ("memo.pdf", text_pdf("Memo on the Acme rebate")),
            ("rebates.xlsx", workbook(("Rebate to Acme", 125000))),
        ],
    )
    word = docx_carrying("Ledger.xlsx", workbook(("Ledger of Widgets", 9000)))
    rows = [
        _row("ABC0001", "mail.eml", "CONFIDENTIAL"),
        _row("ABC0002", "memo.docx", "HIGHLY CONFIDENTIAL - ATTORNEYS EYES ONLY"),
    ]
    dat = _volume(tmp_path / "vol", rows, {"mail.eml": mail, "memo.docx": word})
    report = ws.imports.volume(tmp_path / "vol", dat)
    assert report.problems == []
    # today: two documents, the message alone and the Word file alone
    assert [(i.theirs, i.attachment_of) for i in report.imported] == [
        ("ABC0001", None),
        ("ABC0001.0001", "ABC0001"),
        ("ABC0001.0002", "ABC0001"),
        ("ABC0002", None),
        ("ABC0002.0001", "ABC0002"),
    ]
    assert [i.designation for i in report.imported] == ["Confidential"] * 3 + ["AEO"] * 2
    assert [i.bates for i in report.imported] == ["ABC0001", None, None, "ABC0002", None]
    controls = [i.control for i in report.imported]
    docs = documents(ws, controls)
    assert [d.parent for d in docs] == [True, False, False, True, False]
    # one family per record, kept under a keyed name (never the record's Bates number)
    assert _shape([d.family for d in docs]) == ["a"] * 3 + ["b"] * 2
    assert all(d.family and d.family.startswith("VOL1:") and "ABC" not in d.family for d in docs)
    assert [d.tier for d in docs] == ["Confidential"] * 3 + ["AEO"] * 2
    assert [d.title for d in docs[1:3]] == ["memo.pdf", "rebates.xlsx"]
    assert docs[1].meta["control_number"] == "ABC0001.0001"
    assert docs[1].meta["attachment_of"] == "ABC0001"
    assert "Memo on the Acme rebate" in words(ws, controls[1])
    assert "Rebate to Acme" in words(ws, controls[2])  # rendered, not a placeholder
    assert "Ledger of Widgets" in words(ws, controls[4])
    assert "Memo with the rebate table embedded" in words(ws, controls[3])
    with ws.transaction() as s:  # the children have no Bates numbers of their own
        numbered = s.scalars(
            select(t.Page.bates).join(t.Document).where(t.Document.control.in_(controls))
        ).all()
        notes = s.scalars(
            select(t.Designation.note).join(t.Document).where(t.Document.control == controls[2])
        ).all()
    assert sorted(str(n) for n in numbered if n is not None) == ["ABC0001", "ABC0002"]
    assert notes == [  # the record by no number: the file may be designated apart from it
        "as received with its family: 'CONFIDENTIAL' (volume VOL1, inside its record's native)"
    ]
    shown = describe(report)
    assert shown[1].startswith(f"{controls[1]}  ABC0001.0001  1 page from ABC0001's native")
    assert ", family VOL1:ABC0001, designated Confidential" in shown[1]
    # Imported again: nothing twice, the children neither.
    again = ws.imports.volume(tmp_path / "vol", dat)
    assert again.imported == []
    assert [p.split(":")[0] for p in again.problems] == ["row 1 (ABC0001)", "row 2 (ABC0002)"]


def test_an_attachment_the_volume_lists_as_its_own_row_is_not_taken_out_again(
    ws: Workspace, tmp_path: Path
) -> None:
    memo = text_pdf("Memo on the Acme rebate")
    natives = {
        "one.eml": eml_with("One", [("memo.pdf", memo)]),
        "memo.pdf": memo,
        "three.eml": eml_with("Three", [("notes.pdf", text_pdf("Notes"))]),
        "five.eml": eml_with("Five", [("plan.pdf", text_pdf("Plan"))]),
    }
    rows = [
        _row("ABC0001", "one.eml", attach="ABC0001-ABC0002"),  # its attachment is row 2
        _row("ABC0002", "memo.pdf", attach="ABC0001-ABC0002"),
        _row("ABC0003", "three.eml", attach="ABC0003-ABC0004"),  # ABC0004 not in the volume
        _row("ABC0005", "five.eml", attach="ABC0005-ABC0005"),  # the range holds it alone
    ]
    dat = _volume(tmp_path / "vol", rows, natives)
    report = ws.imports.volume(tmp_path / "vol", dat)
    theirs = [i.theirs for i in report.imported]
    assert theirs == ["ABC0001", "ABC0002", "ABC0003", "ABC0005", "ABC0005.0001"]
    assert report.problems == [
        "row 3 (ABC0003): its native holds 1 file, left in it: its attachment range "
        "ABC0003-ABC0004 names records not in this volume",
        "row 4 (ABC0005): Bates gap: ABC0004 (1 page(s)) missing after row 3 (ABC0003)",
    ]
    docs = documents(ws, [i.control for i in report.imported])
    assert _shape([d.family for d in docs]) == ["a", "a", None, "b", "b"]


def test_a_tier_that_cannot_see_the_record_cannot_see_count_or_find_its_children(
    ws: Workspace, tmp_path: Path
) -> None:
    natives = {
        "aeo.eml": eml_with("Pricing", [("schedule.pdf", text_pdf("Zebra rebate schedule"))]),
        "plain.eml": eml_with("Lunch", [("menu.pdf", text_pdf("Yak burger menu"))]),
    }
    rows = [_row("ABC0001", "aeo.eml", "AEO"), _row("ABC0002", "plain.eml", "CONFIDENTIAL")]
    dat = _volume(tmp_path / "vol", rows, natives)
    report = ws.imports.volume(tmp_path / "vol", dat)
    child, other = report.imported[1], report.imported[3]
    assert (child.theirs, child.designation) == ("ABC0001.0001", "AEO")
    assert ws.reads.search("zebra").total == 1  # counsel, whom AEO admits, finds it
    operator = ws.ctx.workspace.operator()
    operator.people.add(
        "emp@other.test", name="E", side="receiving", category="party_officers_directors_employees"
    )
    employee = ws.ctx.workspace.person("emp@other.test")
    try:
        first, menu = [d.ref for d in employee.catalog.documents()]
        # the menu by its reference: their side's numbers count the AEO record (control_names)
        assert first == "ABC0002" and menu.startswith("RCV-") and menu != other.control
        assert employee.catalog.tally().total == 2
        assert employee.catalog.documents(family="VOL1:ABC0001").total == 0
        found = employee.reads.search("zebra")
        assert (found.total, list(found)) == (0, [])
        for control in (child.control, "RCV-999999"):  # as absent as no document at all
            with pytest.raises(NotFound, match=f"^no document {control}$"):
                employee.reads.show(control)
        assert employee.reads.partial_reads() == []
        # The producing party raises the record to AEO: what was inside its native follows
        # (it has no number of its own by which a re-designation could name it).
        assert employee.reads.search("yak").total == 1
        operator.designations.designate("ABC0002", "AEO")
        assert employee.catalog.tally().total == 0  # today: 1, the menu still Confidential
        assert employee.reads.search("yak").total == 0
    finally:
        employee.close()
        operator.close()


def test_a_child_that_cannot_be_read_is_a_warning_on_its_record_never_dropped(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_ws
    whole = eml_with("Locked", [("locked.pdf", LOCKED.read_bytes()), ("ok.pdf", text_pdf("Fine"))])
    cut = eml_with("Cut", [("a.pdf", text_pdf("First")), ("b.txt", b"hello there " * 200)])
    natives = {"locked.eml": whole, "cut.eml": cut[: len(cut) - 1500]}
    rows = [_row("ABC0001", "locked.eml"), _row("ABC0002", "cut.eml")]
    dat = _volume(tmp_path / "vol", rows, natives)
    report = ws.imports.volume(tmp_path / "vol", dat)
    assert [i.theirs for i in report.imported] == [
        "ABC0001", "ABC0001.0001", "ABC0001.0002", "ABC0002", "ABC0002.0001", "ABC0002.0002"
    ]  # fmt: skip
    locked = (
        "attachment 'locked.pdf' (ABC0001.0001) could not be read (encrypted PDF: it needs a "
        "password to open): kept in native form"
    )
    cut_short = (
        "message ends inside a MIME part (no closing boundary): the file was cut short and "
        "what followed is lost"
    )
    assert report.problems == [
        f"row 1 (ABC0001): {locked}",
        f"row 2 (ABC0002): {cut_short}",
        "row 2 (ABC0002): attachment 'b.txt' truncated",
    ]
    controls = [i.control for i in report.imported]
    docs = documents(ws, controls)
    assert "Produced in native form" in words(ws, controls[1])
    assert ws.ctx.files.get(docs[1].meta["native_sha256"]) == LOCKED.read_bytes()
    assert "Fine" in words(ws, controls[2])
    said = ws.reads.partial_reads()  # `clawback check`
    assert (controls[3], cut_short) in said  # the record's own
    # a file's on the file's own document, never the record's (it may be designated apart)
    assert not [w for c, w in said if c in (controls[0], controls[3]) and "'" in w], said
    assert any(c == controls[1] and "could not be read" in w for c, w in said), said
    assert (controls[5], "attachment 'b.txt' truncated") in said


def test_no_received_document_is_ever_committed_without_its_designation(
    ws: Workspace, tmp_path: Path
) -> None:
    """The record was committed undesignated, then designated by a second transaction: for
    that moment (for good, had the import stopped there, since a second import says "imported
    before") a tier the designation withholds could see it. Every commit of the import is
    watched: none leaves a received document without its tier."""
    natives = {"aeo.eml": eml_with("Pricing", [("schedule.pdf", text_pdf("Zebra"))])}
    dat = _volume(tmp_path / "vol", [_row("ABC0001", "aeo.eml", "AEO")], natives)
    undesignated: list[int] = []

    def watch(conn: Connection) -> None:
        undesignated.append(
            conn.exec_driver_sql(
                "SELECT count(*) FROM document WHERE kind = 'received' AND tier IS NULL"
            ).scalar_one()
        )

    engine = ws.ctx.workspace.engine
    event.listen(engine, "commit", watch)
    try:
        report = ws.imports.volume(tmp_path / "vol", dat)
    finally:
        event.remove(engine, "commit", watch)
    assert [i.designation for i in report.imported] == ["AEO", "AEO"]
    assert undesignated and set(undesignated) == {0}  # today: 1 after the record's first commit


def test_the_rule_reads_a_parent_field_too(tmp_path: Path) -> None:
    """Without a workspace: the volume's fields decide whether the files inside a native are
    taken out (a parent naming the record itself, as some platforms write it, names no
    family; a parent not in the volume does, and the files stay inside, said)."""
    mail = eml_with("One", [("memo.pdf", text_pdf("Memo"))])
    root = tmp_path / "vol"
    (root / "NATIVES").mkdir(parents=True)
    (root / "NATIVES" / "mail.eml").write_bytes(mail)
    rows = [
        ["ABC0001", ".\\NATIVES\\mail.eml", "ABC0001"],  # its own parent
        ["ABC0002", ".\\NATIVES\\mail.eml", "ABC0009"],  # an attachment of a record not here
        ["ABC0003", ".\\NATIVES\\mail.eml", ""],
    ]
    (root / "VOL1.dat").write_bytes(write_dat(["BEGBATES", "NATIVEPATH", "PARENTDOCID"], rows))
    _, records, _ = read_volume(root, root / "VOL1.dat")
    natives = Natives(root, records)
    taken = {}
    for record in records:
        notes: list[str] = []
        native = ("mail.eml", mail)
        inside = received_children.take_out(record, {"ABC0001"}, native, natives, notes)
        taken[record.control] = (inside.names, notes)
    assert taken == {
        "ABC0001": (["ABC0001.0001"], []),
        "ABC0002": ([], ["its native holds 1 file, left in it: it names its parent ABC0009, "
                         "not in this volume"]),
        "ABC0003": (["ABC0003.0001"], []),
    }  # fmt: skip


def _shape(families: list[str | None]) -> list[str | None]:
    """Families by the order they first appear (``a``, ``b``, ...): which records share one."""
    seen: dict[str, str] = {}
    return [None if f is None else seen.setdefault(f, "abcdefgh"[len(seen)]) for f in families]
