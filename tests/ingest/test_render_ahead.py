"""A folder's Office files and e-mail attachments are rendered in one LibreOffice run
(`ingest.render.ahead`), with the same documents as one run per file gave, and a folder
ingested again starts LibreOffice not at all."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from sqlalchemy import select

from clawback.ingest import INGESTED, KNOWN
from clawback.pdf.files import convert
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import eml_with

WORDS = ["Falcon ledger reconciled", "Heron invoice disputed", "Osprey memo withdrawn"]


def memo(words: str) -> bytes:
    made = docx.Document()
    made.add_paragraph(words)
    out = io.BytesIO()
    made.save(out)
    return out.getvalue()


def test_a_folder_renders_in_one_libreoffice_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, words in enumerate(WORDS[:2]):
        (folder / f"m{n}.eml").write_bytes(eml_with(f"Memo {n}", [(f"memo{n}.docx", memo(words))]))
    (folder / "loose.docx").write_bytes(memo(WORDS[2]))
    runs: list[Any] = []
    real = convert._run

    def counted(*args: Any) -> Any:
        runs.append(args)
        return real(*args)

    monkeypatch.setattr(convert, "_run", counted)
    ws = Workspace.init(tmp_path / "ws").operator()
    try:
        reports = ws.ingest.ingest_paths([folder])
        assert [r.outcome for r in reports] == [INGESTED] * 3, [r.line() for r in reports]
        assert len(runs) == 1  # one run per file before: three
        with ws.transaction() as s:
            pages = s.scalars(select(t.Page.text)).all()
            warned = [m.get("warnings") for m in s.scalars(select(t.Document.meta)) if m]
        for words in WORDS:
            assert any(words in text for text in pages), words
        assert not any(warned)
        again = ws.ingest.ingest_paths([folder])
        assert [r.outcome for r in again] == [KNOWN] * 3
        assert len(runs) == 1  # nothing new: LibreOffice not started
    finally:
        ws.close()
