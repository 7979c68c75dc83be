"""A page is written once at ingest, its words cut once (SQLite). The pair index's triggers ask
``clawback_pairs`` for a page's text and redacted text when the page is written, and for the
old and new ones again whenever either changes; access then set each new page's redacted text
(the same text: a new document has no items) in a second write, which ran both search indexes'
triggers again: five cuts of one text a page; and read the new document's items (it has none)
and its pages back to do so. The indexes still answer the page's words and phrases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from clawback.service import Workspace
from clawback.storage import pairs
from tests.service.test_search import names, pdf


def test_each_page_is_written_and_cut_once_and_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace.init(tmp_path / "ws").operator()
    lines = [[f"the quokka colony {n} is well kept", f"page {n} ends here"] for n in range(3)]
    cut: list[str] = []
    words = pairs._PROBE.words

    def counted(text: str) -> list[str]:
        cut.append(text)
        return words(text)

    sent: list[str] = []

    def seen(_c: object, _cursor: object, sql: str, *_: object) -> None:
        sent.append(sql)

    monkeypatch.setattr(pairs._PROBE, "words", counted)
    event.listen(ws.ctx.workspace.engine, "before_cursor_execute", seen)
    ws.ingest.ingest(pdf(*lines), title="memo")
    event.remove(ws.ctx.workspace.engine, "before_cursor_execute", seen)
    monkeypatch.undo()
    assert [sql for sql in sent if sql.startswith("UPDATE page")] == []
    assert [sql for sql in sent if "FROM item" in sql] == []  # a new document has none
    assert len(cut) == len(set(cut)) == 3  # each page's text, once
    assert names(ws.reads.search('"colony 1 is"')) == ["DOC-000001 p. 2"]
    assert names(ws.reads.search('"quokka colony"')) == [f"DOC-000001 p. {n}" for n in (1, 2, 3)]
    assert names(ws.reads.search("ends")) == [f"DOC-000001 p. {n}" for n in (1, 2, 3)]
    ws.close()
