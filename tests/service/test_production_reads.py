"""A produced file is read once in the producing process: the record's text of a redacted
page is the gate's own reading of the file (the same ``page.get_text()`` of the same bytes),
not a second opening of it (x-ray reads it in its own interpreter)."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

import pymupdf
import pytest
from sqlalchemy import select

from clawback.service import Workspace
from clawback.storage import tables as t
from tests.service.test_workspace import text_pdf

HIT = "ABC-1234-56-789012"


@pytest.mark.usefixtures("xray_available")
def test_a_redacted_page_is_recorded_from_the_gates_reading(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    control = ws.ingest.ingest(
        text_pdf(f"Tracking no.: {HIT} filed by the officer", "nothing on this page"),
        title="report",
    )
    opened: Counter[str] = Counter()
    real = pymupdf.open

    def counting(*args: Any, **kwargs: Any) -> pymupdf.Document:
        stream = kwargs.get("stream")
        if isinstance(stream, bytes | bytearray):
            opened[hashlib.sha256(stream).hexdigest()] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(pymupdf, "open", counting)
    ws.productions.produce(
        [control], "RD-000001", "RD", redact_pattern=r"[A-Z]{3}-\d{4}-\d{2}-\d{6}"
    )
    monkeypatch.undo()
    with ws.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.control == control))
        assert doc is not None and doc.produced is not None
        produced = doc.produced
        texts = s.scalars(
            select(t.Page.text).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
        ).all()
    assert opened[produced] == 1  # the gate's opening, and no other
    with pymupdf.open(stream=ws.ctx.files.get(produced)) as out:
        as_read = out[0].get_text()
    assert HIT not in texts[0] and "filed by the officer" in texts[0]
    assert texts[0] == as_read.replace("RD-000001", "").strip() + "\n"
