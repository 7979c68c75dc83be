"""Received records whose files are byte for byte the same, in one import or across imports
(another volume): each is a document of its own with its own fields and numbers, and the
documents name each other (``duplicates`` in their meta, and in the import's report), one line
per later record. `service.received` calls it once a volume's records are in."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.service import lookup
from clawback.service.context import Context
from clawback.storage import tables as t

if TYPE_CHECKING:
    from clawback.service.received import Imported


def record_duplicates(ctx: Context, held: str, imported: list[Imported]) -> list[str]:
    """Records whose files are byte for byte the same, in this import or an earlier one
    (another volume): each names the others in its meta (``duplicates``, our control
    numbers) and in ``imported``; one line per later record."""
    groups: dict[str, list[int]] = {}
    for n, i in enumerate(imported):
        groups.setdefault(i.file, []).append(n)
    lines: list[str] = []
    with ctx.transaction() as s:  # `held`: this side's collection, never another's
        earlier = _earlier_files(s, held, {i.control for i in imported}, set(groups))
        # a record the importer may not know of (beyond their tier) is not there, as for them
        earlier = {
            file: known
            for file, docs in earlier.items()
            if (known := [d for d in docs if lookup.allowed(s, ctx.actor, d, lookup.Need.know)])
        }
        for file, members in groups.items():
            before = earlier.get(file, [])
            if before:
                lines += _of_earlier(s, [imported[n] for n in members], before)
                for n in members:
                    more = tuple(d.control for d in before)
                    imported[n] = replace(imported[n], duplicates=more)
            if len(members) < 2:
                continue
            controls = [d.control for d in before] + [imported[n].control for n in members]
            for n in members:
                others = tuple(c for c in controls if c != imported[n].control)
                imported[n] = replace(imported[n], duplicates=others)
                doc = s.scalar(select(t.Document).where(t.Document.control == imported[n].control))
                assert doc is not None
                doc.meta = {**(doc.meta or {}), "duplicates": list(others)}
            for earlier_doc in before:
                others = tuple(c for c in controls if c != earlier_doc.control)
                earlier_doc.meta = {**(earlier_doc.meta or {}), "duplicates": list(others)}
            first = imported[members[0]]
            for n in members[1:]:
                i = imported[n]
                lines.append(
                    f"row {i.row} ({i.theirs}): its file is byte for byte row {first.row}'s "
                    f"({first.theirs}): imported as {i.control}, recorded as a duplicate of "
                    f"{first.control}"
                )
    return lines


def _file_of(doc: t.Document) -> str:
    """The SHA-256 of a received record's file as received (its native, else its PDF)."""
    meta = doc.meta or {}
    return str(
        meta.get("file_sha256")
        or meta.get("native_sha256")
        or meta.get("received_sha256")
        or doc.original
    )


def _earlier_files(
    s: Session, held: str, now: set[str], files: set[str]
) -> dict[str, list[t.Document]]:
    """The documents of earlier imports into the collection `held` (any volume) whose files
    are among `files`, by file, in the order they came in."""
    found: dict[str, list[t.Document]] = {}
    docs = s.scalars(
        select(t.Document)
        .join(t.ReceivedRecord, t.ReceivedRecord.document_id == t.Document.id)
        .where(t.Document.held_by == held)
        .order_by(t.Document.id)
    ).all()
    for doc in docs:
        file = _file_of(doc)
        if doc.control not in now and file in files:
            found.setdefault(file, []).append(doc)
    return found


def _of_earlier(s: Session, members: list[Imported], before: list[t.Document]) -> list[str]:
    """The documents of this import whose file an earlier one has: each names the earlier
    ones in its meta, and they it; one line each."""
    first = before[0]
    record = s.scalar(select(t.ReceivedRecord).where(t.ReceivedRecord.document_id == first.id))
    where = f"volume {record.volume}, {record.control}" if record is not None else "volume ?"
    lines = []
    for i in members:
        doc = s.scalar(select(t.Document).where(t.Document.control == i.control))
        assert doc is not None
        doc.meta = {**(doc.meta or {}), "duplicates": [d.control for d in before]}
        for other in before:
            said = (other.meta or {}).get("duplicates", [])
            other.meta = {**(other.meta or {}), "duplicates": [*said, i.control]}
        lines.append(
            f"row {i.row} ({i.theirs}): its file is byte for byte that of {first.control} "
            f"({where}): imported as {i.control}, recorded as a duplicate of {first.control}"
        )
    return lines
