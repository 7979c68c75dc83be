"""Received records whose files are byte for byte the same, in one import or across imports
(another volume): each is a document of its own with its own fields and numbers, and the
documents name each other (``duplicates`` in their meta, and in the import's report), one line
per later record.

The links are written in the unit of work that stores the later record (`Duplicates.link`, from
`service.received`), so a record is never in the record without them, and an import killed
between two records and run again links the next one to what the first run committed: the
files of this side's received records are read once per import (`Duplicates.earlier`), then
kept up to date as each record goes in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.service import control_names, lookup
from clawback.storage import tables as t

__all__ = ["Duplicates", "Later", "named"]


@dataclass(frozen=True)
class Later:
    """A record just stored, as its line names it: its row, its received name, our control
    number, and the SHA-256 of its file as received."""

    row: int
    theirs: str
    control: str
    file: str


@dataclass
class Duplicates:
    """The received records of one side's collection, by the SHA-256 of their files (document
    ids, in the order they came in), and the control numbers stored by this import."""

    held: str
    by_file: dict[str, list[int]] = field(default_factory=dict)
    now: set[str] = field(default_factory=set)

    @classmethod
    def earlier(cls, s: Session, held: str) -> Duplicates:
        """The records of ``held``'s collection (any volume) already in the record."""
        found = cls(held)
        docs = s.execute(
            select(t.Document.id, t.Document.meta, t.Document.original)
            .join(t.ReceivedRecord, t.ReceivedRecord.document_id == t.Document.id)
            .where(t.Document.held_by == held)
            .order_by(t.Document.id)
        )
        for doc_id, meta, original in docs:
            found.by_file.setdefault(_file_of(meta or {}, original), []).append(doc_id)
        return found

    def link(self, s: Session, actor: Actor, doc: t.Document, later: Later) -> str | None:
        """``doc`` (stored in ``s``, not yet committed) and the earlier records with its file
        named as each other's duplicates in their meta; the line saying so (None: no earlier
        record has its file, or none the importer may know of: beyond their tier, it is not
        there, as for them)."""
        ids = self.by_file.setdefault(later.file, [])
        before = [
            d
            for d in (s.get(t.Document, i) for i in ids)
            if d is not None and lookup.allowed(s, actor, d, lookup.Need.know)
        ]
        ids.append(doc.id)
        self.now.add(doc.control)
        if not before:
            return None
        doc.meta = {**(doc.meta or {}), "duplicates": [d.control for d in before]}
        for other in before:
            said = (other.meta or {}).get("duplicates", [])
            other.meta = {**(other.meta or {}), "duplicates": [*said, doc.control]}
        first = before[0]
        record = s.scalar(select(t.ReceivedRecord).where(t.ReceivedRecord.document_id == first.id))
        of = f"row {later.row} ({later.theirs}): its file is byte for byte"
        # each by the name the importer is given (`control_names`: a number counting records
        # beyond their tier is not theirs)
        ours = control_names.named(actor, doc) or later.control
        theirs = control_names.named(actor, first) or first.control
        done = f"imported as {ours}, recorded as a duplicate of {theirs}"
        if record is not None and first.control in self.now:
            return f"{of} row {record.row}'s ({record.control}): {done}"
        where = f"volume {record.volume}, {record.control}" if record is not None else "volume ?"
        return f"{of} that of {theirs} ({where}): {done}"


def named(s: Session, controls: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The duplicates each of these documents names (its meta's ``duplicates``), by control
    number; none for a document that names none."""
    found: dict[str, tuple[str, ...]] = {}
    wanted = list(dict.fromkeys(controls))
    for start in range(0, len(wanted), 500):
        rows = s.execute(
            select(t.Document.control, t.Document.meta).where(
                t.Document.control.in_(wanted[start : start + 500])
            )
        )
        for control, meta in rows:
            found[control] = tuple((meta or {}).get("duplicates", ()))
    return found


def _file_of(meta: dict[str, object], original: str) -> str:
    """The SHA-256 of a received record's file as received (its native, else its PDF)."""
    return str(
        meta.get("file_sha256")
        or meta.get("native_sha256")
        or meta.get("received_sha256")
        or original
    )
