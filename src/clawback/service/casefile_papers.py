"""Filed papers in case files: entered on load through the calls ``file-paper``,
``paper-item`` and ``paper-seal`` make, and written back on export with the paper's file.

As with the rest of a case file, a second load enters only what is new (a paper not yet on the
record's docket, an item not yet named, a seal the court has since ordered) and refuses what the
record holds otherwise (another file or kind under the same docket entry, an item elsewhere);
a case file never unseals a paper: that is the court's act, entered as one (``paper-seal
--unseal``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.casefile import FiledItemEntry, FiledPaperEntry
from clawback.domain.errors import ClawbackError, RuleViolation
from clawback.domain.pinpoints import FiledKind, Pinpoint
from clawback.service.filed_papers import text_lines, words_at
from clawback.storage import tables as t
from clawback.storage.files import FileStore

if TYPE_CHECKING:
    from clawback.service.facade import Record


def load_papers(record: Record, papers: Sequence[FiledPaperEntry], folder: Path) -> list[str]:
    """Enter ``papers`` (their files relative to ``folder``); one line per thing entered."""
    said: list[str] = []
    for paper in papers:
        name = f"ECF No. {paper.docket}"
        data = (folder / paper.file).read_bytes()
        with record.ctx.transaction() as s:
            held = s.scalar(select(t.Document).where(t.Document.docket == paper.docket))
            state = (held.original, held.filed_kind, held.filed_under_seal) if held else None
            named = {
                i.id: (i.document_id, i.pinpoint, held is not None and i.document_id == held.id)
                for i in s.scalars(select(t.Item))
            }
        if state is None:
            entered = record.filed_papers.enter(
                data,
                paper.docket,
                paper.kind,
                paper.title,
                under_seal=paper.under_seal,
                filed_on=paper.filed_on,
            )
            sealed = ", under seal" if paper.under_seal else ""
            said.append(f"{name}: {entered.control} (filed{sealed})")
        else:
            original, kind, under_seal = state
            if original != hashlib.sha256(data).hexdigest():
                raise RuleViolation(f"{name} is in the record with another file than {paper.file}")
            if kind != paper.kind.value:
                raise RuleViolation(f"{name} is in the record as a {kind}, not a {paper.kind}")
            if under_seal and not paper.under_seal:
                raise RuleViolation(
                    f"{name} is under seal in the record; a case file does not unseal it "
                    "(the court's act: paper-seal --unseal)"
                )
            if paper.under_seal and not under_seal:
                record.filed_papers.seal(paper.docket)
                said.append(f"{name}: sealed")
        for item in paper.items:
            if item.id in named:
                _, pinpoint, here = named[item.id]
                if not here or pinpoint != str(item.at):
                    raise RuleViolation(
                        f"item {item.id!r} is in the record elsewhere than {name} {item.at}"
                    )
                continue
            record.filed_papers.item(paper.docket, item.id, item.at, item.what, item.texts)
            said.append(f"item {item.id} at {name} {item.at}")
    return said


def export_papers(
    s: Session, files: FileStore, folder: str
) -> tuple[list[FiledPaperEntry], list[tuple[PurePosixPath, str]]]:
    """Each filed paper as a case file carries it, and its file (path, blob) to write in
    ``folder``. An item's words are written only where its pinpoint alone would not find them
    again in the same file (words given on a page, not its lines or paragraph)."""
    entries, written = [], []
    for doc in s.scalars(
        select(t.Document).where(t.Document.docket.is_not(None)).order_by(t.Document.id)
    ):
        assert doc.docket is not None
        name = f"ECF No. {doc.docket}"
        suffix = PurePosixPath(str((doc.meta or {}).get("name") or ".pdf")).suffix or ".pdf"
        file = PurePosixPath(folder, f"ecf-{doc.docket}{suffix}")
        written.append((file, doc.original))
        held = s.scalars(select(t.Item).where(t.Item.document_id == doc.id).order_by(t.Item.id))
        pages = None
        items = []
        for item in held:
            at = (
                Pinpoint.parse(item.pinpoint) if item.pinpoint else Pinpoint(page=item.page_idx + 1)
            )
            if pages is None:
                pages = text_lines(files.get(doc.original))
            try:
                again = words_at(pages, at, (), name)
            except ClawbackError:
                again = None
            texts = tuple(item.texts)
            items.append(
                FiledItemEntry(
                    item.id, at, item.what, () if again == (item.page_idx, texts) else texts
                )
            )
        entries.append(
            FiledPaperEntry(
                file=file,
                docket=doc.docket,
                kind=FiledKind(doc.filed_kind or FiledKind.brief.value),
                title="" if doc.title == name else doc.title,
                under_seal=doc.filed_under_seal,
                items=tuple(items),
                filed_on=doc.filed_on,
            )
        )
    return entries, written
