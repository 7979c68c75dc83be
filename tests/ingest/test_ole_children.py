"""A Word, Excel or PowerPoint 97-2003 file (an OLE2 compound file) carrying files is a family,
as an Office Open XML file is: the file, then each file packaged in it (Windows' Object
Packager) or embedded as an Office Open XML package, ingested alone or as a received volume's
native. Before, only OOXML packages were opened: a .doc's embedded PDF or workbook was shown as
its preview picture at most, its content never read."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
import olefile
import pytest
from sqlalchemy import select

from clawback.ingest.ole_objects import ole_files
from clawback.loadfiles import write_dat
from clawback.pdf.files.convert import soffice
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import saved_as, text_pdf, workbook
from tests.ingest.make_ole import Tree, compound, ole10_native
from tests.records import words
from tests.started import start

LEDGER = workbook(("Rebate to Acme", 125000), ("Rebate to Widgets", 9000))


@pytest.fixture(scope="module")
def memo_doc(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A Word 97-2003 memo (saved by LibreOffice), with two objects added as Word keeps them:
    a PDF packaged whole, a workbook as its OOXML package; and a third, a Word document
    embedded as a storage of its own (no file: not taken out)."""
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    made = docx.Document()
    made.add_paragraph("Memo with a packaged file")
    out = io.BytesIO()
    made.save(out)
    doc = saved_as(out.getvalue(), ".docx", "doc", tmp_path_factory.mktemp("doc"))
    tree: Tree = {}
    with olefile.OleFileIO(doc) as ole:
        for entry in ole.listdir(streams=True, storages=False):
            node = tree
            for part in entry[:-1]:
                kept = node.setdefault(part, {})
                assert isinstance(kept, dict)
                node = kept
            node[entry[-1]] = ole.openstream(entry).read()
    tree["ObjectPool"] = {
        "_1001": {"\x01Ole10Native": ole10_native("schedule.pdf", text_pdf("Zebra schedule"))},
        "_1002": {"Package": LEDGER},
        "_1003": {"WordDocument": b"\x00" * 64},
    }
    return compound(tree)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")  # `tests.started`
    yield workspace
    workspace.close()


def test_the_files_an_office_97_file_carries_are_found_in_order(memo_doc: bytes) -> None:
    found = [(e.name, e.data[:4]) for e in ole_files(memo_doc)]
    assert found == [("schedule.pdf", b"%PDF"), ("_1002.xlsx", b"PK\x03\x04")]
    assert ole_files(text_pdf("no compound file")) == []


def test_a_word_97_file_carrying_files_is_a_family(ws: Workspace, memo_doc: bytes) -> None:
    controls, new = ws.ingest.ingest_file(memo_doc, "memo.doc")
    assert new and len(controls) == 3, controls  # today: one document, its files unread
    with ws.transaction() as s:
        docs = s.scalars(
            select(t.Document).where(t.Document.control.in_(controls)).order_by(t.Document.id)
        ).all()
        assert [d.title for d in docs] == ["memo.doc", "schedule.pdf", "_1002.xlsx"]
        assert len({d.family for d in docs}) == 1 and docs[0].parent
    assert "Memo with a packaged file" in words(ws, controls[0])
    assert "Zebra schedule" in words(ws, controls[1])
    assert "Rebate to Acme" in words(ws, controls[2])  # rendered, not a placeholder


def test_a_received_word_97_natives_files_are_taken_out(
    ws: Workspace, memo_doc: bytes, tmp_path: Path
) -> None:
    ws.people.add("rc@other.test", name="RC", side="receiving", category="counsel")
    counsel = ws.ctx.workspace.person("rc@other.test")
    folder = tmp_path / "vol"
    (folder / "NATIVES").mkdir(parents=True)
    (folder / "NATIVES" / "memo.doc").write_bytes(memo_doc)
    fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
    row = ["ABC0001", "ABC0001", ".\\NATIVES\\memo.doc", "CONFIDENTIAL"]
    (folder / "VOL1.dat").write_bytes(write_dat(fields, [row]))
    try:
        report = counsel.imports.volume(folder, folder / "VOL1.dat")
    finally:
        counsel.close()
    assert report.problems == []
    assert [(i.theirs, i.designation) for i in report.imported] == [
        ("ABC0001", "Confidential"),
        ("ABC0001.0001", "Confidential"),  # today: the record alone
        ("ABC0001.0002", "Confidential"),
    ]
    assert "Zebra schedule" in words(ws, report.imported[1].control)
