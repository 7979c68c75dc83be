"""An ingested page is written once: inserted with its redacted text (its text: a new document
has no redaction granted), not inserted and then updated in the same transaction. Each write of
a page runs the full-text triggers (words and word pairs, both columns: the update deletes and
inserts again) inside the write lock, which two ingest workers take in turn: what is done in it
is the serial part of ingesting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from clawback.demo.run import reference_case
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.service.test_workspace import text_pdf


def test_an_ingested_page_is_inserted_once_and_never_updated(
    tmp_path: Path, database_url: str
) -> None:
    ws = Workspace.init(tmp_path / "ws", database_url).operator()
    try:
        ws.matter.load_case(reference_case())
        written: list[str] = []

        def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            if statement.lstrip().upper().startswith(("INSERT INTO PAGE ", "UPDATE PAGE ")):
                written.append(statement.split()[0].upper())

        engine = ws.ctx.workspace.engine
        event.listen(engine, "before_cursor_execute", seen)
        try:
            ws.ingest.ingest(text_pdf("the first page's words", "and the second's"), title="a")
            ws.ingest.ingest(text_pdf("the first page's words", "a copy"), title="b", exhibit=1)
            ws.ingest.ingest(text_pdf("the first page's words", "a copy"), title="b", exhibit=2)
        finally:
            event.remove(engine, "before_cursor_execute", seen)
        assert written and set(written) == {"INSERT"}  # Ex. 2, a duplicate: inserted too
        with ws.transaction() as s:
            pages = s.execute(select(t.Page.text, t.Page.redacted_text)).all()
        assert len(pages) == 6 and all(text == redacted for text, redacted in pages)
        assert ws.reads.search('"second\'s"', limit=5).total == 1
    finally:
        ws.close()
