"""An Office file LibreOffice does not finish converting (one that makes it hang) is refused
in one line saying so, its LibreOffice killed, and the rest of the batch goes on. The hang is
stood for by limits too short for any conversion, set through `convert`'s named constants."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clawback.ingest import INGESTED, REFUSED
from clawback.pdf.files import convert
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import text_pdf, workbook
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")
    yield workspace
    workspace.close()


def test_a_conversion_past_its_time_is_one_line_and_the_batch_goes_on(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(convert, "BATCH_TIMEOUT", 0.0)
    monkeypatch.setattr(convert, "PER_FILE_TIMEOUT", 0.001)
    sheet = tmp_path / "figures.xlsx"
    sheet.write_bytes(workbook(("Revenue", 10)))
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(text_pdf("a letter"))
    with ws.transaction() as s:
        before = s.scalar(select(func.count()).select_from(t.Document))
    refused, taken = ws.ingest.ingest_paths([sheet, letter])
    assert refused.outcome == REFUSED, refused.line()
    assert refused.reason == "LibreOffice did not finish converting within 0.001 s"
    assert "\n" not in refused.line()
    assert taken.outcome == INGESTED
    with ws.transaction() as s:
        assert s.scalar(select(func.count()).select_from(t.Document)) == (before or 0) + 1
