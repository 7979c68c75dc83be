"""Office files (made here by LibreOffice and openpyxl) are converted to PDF; the record works
on the PDF, and the file as received is kept, named in the document's meta."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from clawback.ingest import INGESTED
from clawback.pdf.shows.extract import read_pages
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import office_files
from tests.started import start

SAYS = {
    ".docx": "Quarterly figures for Acme Widgets",
    ".doc": "Quarterly figures for Acme Widgets",
    ".xlsx": "Widgets Q3",
    ".pptx": "Merger timeline slide",
    ".ppt": "Merger timeline slide",
}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return office_files(tmp_path_factory.mktemp("office"))


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")  # `tests.started`
    yield workspace
    workspace.close()


def test_office_files_are_converted_and_kept_as_received(
    ws: Workspace, made: dict[str, Path]
) -> None:
    reports = ws.ingest.ingest_paths([made[suffix] for suffix in SAYS], custodian="Kim Lee")
    assert [r.outcome for r in reports] == [INGESTED] * len(SAYS), [r.line() for r in reports]
    for suffix, report in zip(SAYS, reports, strict=True):
        [control] = report.controls
        with ws.transaction() as s:
            doc = s.scalar(select(t.Document).where(t.Document.control == control))
            assert doc is not None
            assert doc.kind == "office" and doc.title == made[suffix].name
            native = doc.meta["native"]
            assert native["name"] == made[suffix].name
            assert ws.ctx.files.get(native["sha256"]) == made[suffix].read_bytes()
            blob = s.get(t.Blob, doc.original)
            assert blob is not None and blob.made_from == native["sha256"]
            assert blob.recipe == "convert" and doc.meta["custodian"] == "Kim Lee"
            pdf = ws.ctx.files.get(doc.original)
        assert SAYS[suffix] in " ".join(read_pages(pdf)[0].text.split()), suffix
    assert ws.ingest.ingest_file(made[".docx"].read_bytes(), "copy.docx") == (
        list(reports[0].controls),
        False,
    )
