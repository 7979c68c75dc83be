"""Spreadsheets rendered as productions expect: every sheet, row and column shown, comments
listed, text running past its cell kept whole, and a warning on the document naming each thing
its author had hidden. Made here (openpyxl, and LibreOffice for the .xls)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from clawback.ingest import INGESTED
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import SHEET_WORDS, eml_with, hidden_workbook, saved_as
from tests.started import start

#: What the document of `hidden_workbook` says its author hid (its meta's warnings).
HIDDEN = [
    "hidden row 3 of sheet 'Ledger' shown",
    "hidden column D of sheet 'Ledger' shown",
    "hidden sheet 'Payroll' shown",
    "very hidden sheet 'Board' shown",
    "1 cell comment (Ledger!B2) shown on the added sheet 'Cell comments'",
]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")  # `tests.started`
    yield workspace
    workspace.close()


def _found(ws: Workspace, control: str) -> list[str]:
    """The phrases of `SHEET_WORDS` a search finds in this document."""
    return [
        words
        for words in SHEET_WORDS
        if any(hit.control == control for hit in ws.reads.search(f'"{words}"'))
    ]


def _warnings(ws: Workspace, control: str) -> list[str]:
    with ws.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.control == control))
        assert doc is not None
        return list(doc.meta.get("warnings", []))


def test_an_xlsx_is_rendered_whole_and_says_what_was_hidden(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(hidden_workbook())
    [report] = ws.ingest.ingest_paths([path])
    assert report.outcome == INGESTED, report.line()
    [control] = report.controls
    assert _found(ws, control) == list(SHEET_WORDS)  # today: none of them
    assert _warnings(ws, control) == HIDDEN  # today: none
    assert report.warnings == tuple(HIDDEN)  # and said on the report line
    with ws.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.control == control))
        assert doc is not None
        assert ws.ctx.files.get(doc.meta["native"]["sha256"]) == path.read_bytes()  # as it came


def test_an_xls_attached_to_an_e_mail_is_rendered_whole(ws: Workspace, tmp_path: Path) -> None:
    """An old .xls (saved by LibreOffice) is saved as .xlsx first, then read the same way."""
    xls = saved_as(hidden_workbook(), ".xlsx", "xls", tmp_path / "xls")
    controls, new = ws.ingest.ingest_file(eml_with("Ledger", [("ledger.xls", xls)]), "m.eml")
    assert new and len(controls) == 2
    attachment = controls[1]
    assert _found(ws, attachment) == list(SHEET_WORDS)
    # LibreOffice has no "very hidden": its .xls keeps that sheet merely hidden
    assert _warnings(ws, attachment) == [w.replace("very hidden", "hidden") for w in HIDDEN]
    assert _warnings(ws, controls[0]) == []  # the message itself hid nothing


def test_a_volume_s_spreadsheet_native_is_rendered_whole(ws: Workspace, tmp_path: Path) -> None:
    """A record with only a native (no images, no PDF): rendered by the same step, and what was
    hidden said on the import report and kept on the document."""
    from clawback.loadfiles import write_dat

    root = tmp_path / "vol"
    (root / "NATIVES").mkdir(parents=True)
    (root / "NATIVES" / "ledger.xlsx").write_bytes(hidden_workbook())
    fields = ["CONTROLNUMBER", "SUBJECT", "NATIVEPATH"]  # no Bates span: pages as rendered
    row = ["ABC0001", "Ledger", ".\\NATIVES\\ledger.xlsx"]
    (root / "VOL1.dat").write_bytes(write_dat(fields, [row]))
    report = ws.imports.volume(root)
    assert len(report.imported) == 1, report.problems
    [imported] = report.imported
    assert [p for p in report.problems if "hidden" in p or "comment" in p] == [
        f"row 1 (ABC0001): {w}" for w in HIDDEN
    ]
    assert _warnings(ws, imported.control) == HIDDEN
