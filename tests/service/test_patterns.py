"""Items by pattern: hits listed for review; confirmed, they are claimed and redacted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.domain.errors import ClawbackError
from clawback.service import Workspace
from tests.service.test_workspace import text_pdf

CODES = ["QRS-2019-03-100001", "QRS-2019-03-100002"]


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    ws = Workspace.init(tmp_path / "ws", database_url).operator()
    ws.matter.load_case(reference_case())
    ws.ingest.ingest(
        text_pdf("cover page", f"record {CODES[0]}\nand {CODES[1]}\nkept line"),
        title="m",
        exhibit=1,
    )
    ws.designations.designate(1, "AEO")
    ws.productions.produce([1], "TST-00000001", "V1")
    yield ws
    ws.close()


def test_confirmed_hits_become_items_that_redact(ws: Workspace, tmp_path: Path) -> None:
    found = ws.items.pattern_hits(r"QRS-\d{4}-\d{2}-\d{6}")
    assert [(str(h.bates), h.text) for h in found] == [("TST-00000002", c) for c in CODES]
    assert ws.items.from_hits(found, "code", "record numbers") == ["code-1"]
    ws.claims.claim("c1", privilege="law_enforcement", exhibits=[1], items=["code-1"])
    ws.claims.rule("c1", "granted")
    ws.sealing.seal("5", exhibits=[1], kind="non_dispositive", granted=True)
    ws.filings.file(tmp_path / "out")
    with pymupdf.open(tmp_path / "out" / "sealed" / "ex01_TST-00000001.pdf") as doc:
        text = doc[1].get_text()
        assert not any(code in text for code in CODES) and "kept line" in text
    with pytest.raises(ClawbackError, match="not a regular expression"):
        ws.items.pattern_hits("[A-")
