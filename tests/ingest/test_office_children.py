"""An Office file carrying files (a workbook embedded in a Word file or a deck) is a family:
the file first, then each file it carries, as a PDF's embedded files are. Found by the second
ingest trial: the embedded workbook was shown only as its preview picture, its data lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from clawback.pdf.shows.extract import read_pages
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import docx_carrying, workbook
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")  # `tests.started`
    yield workspace
    workspace.close()


def test_a_workbook_embedded_in_a_word_file_is_a_document_of_its_family(ws: Workspace) -> None:
    inner = workbook(("Rebate to Acme", 125000), ("Rebate to Widgets", 9000))
    memo_docx = docx_carrying("Rebates.xlsx", inner)
    controls, new = ws.ingest.ingest_file(memo_docx, "memo.docx")
    assert new and len(controls) == 2, controls  # today: one document, the workbook lost
    with ws.transaction() as s:
        memo, table = s.scalars(
            select(t.Document).where(t.Document.control.in_(controls)).order_by(t.Document.id)
        ).all()
        assert memo.family is not None and memo.family == table.family and memo.parent
        assert memo.title == "memo.docx" and table.title == "Rebates.xlsx"
        assert memo.kind == "office" and table.meta["depth"] == 1
        memo_pdf, table_pdf = ws.ctx.files.get(memo.original), ws.ctx.files.get(table.original)
        assert ws.ctx.files.get(memo.meta["native"]["sha256"]).startswith(b"PK")
    assert "Memo with the rebate table embedded" in read_pages(memo_pdf)[0].text
    assert "Rebate to Acme" in " ".join(read_pages(table_pdf)[0].text.split())
    # The same file again is in the record already: nothing new.
    again, new = ws.ingest.ingest_file(memo_docx, "again.docx")
    assert not new and again == controls[:1]
