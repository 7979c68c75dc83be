"""The names a received record's files taken out of its native go by, and the notes of their
designations: light reads (no native is opened here), for the reads that show a document and
the designations that carry a record's tier to its files (`received_children` takes them out).

A file taken out is named by its record's number and its place (``ABC0001.0001``). Its
designation made with the record's says the value as received and the volume, and the record by
no number (`family_note`, `WITH_RECORD`): designated apart later, the file may be read by someone
the record's tier withholds from; a note kept before names it, and is shown to such a reader
without its names (`hidden_names`, `unnamed`). It takes the record's next designation until it
is designated apart (`follows_record`: the designation's ``with_record``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.service import lookup, rows
from clawback.storage import tables as t

__all__ = [
    "WITH_RECORD",
    "family_note",
    "follows_record",
    "hidden_names",
    "taken_from",
    "taken_out_of",
    "unnamed",
]

#: The note of a file's designation made with its record's (``Designations.designate_in``).
WITH_RECORD = "with the record from whose native it came"
#: How a note names the record to a reader who may not know of it.
_RECORD = "its record"
_PLACE = re.compile(r"\.\d{4}")


def taken_out_of(s: Session, doc: t.Document) -> list[t.Document]:
    """The documents taken out of a received record's native, in order (none for any other
    document): the received records of its volume and row named after it (``ABC0001.0001``).
    The files taken out are of the record's family: a document of none has none, answered
    without a read (a page's picture reads no more for it)."""
    if doc.family is None:
        return []
    record = s.scalar(select(t.ReceivedRecord).where(t.ReceivedRecord.document_id == doc.id))
    if record is None:
        return []
    found = s.execute(
        select(t.ReceivedRecord.control, t.Document)
        .join(t.Document, t.Document.id == t.ReceivedRecord.document_id)
        .where(
            t.ReceivedRecord.volume == record.volume,
            t.ReceivedRecord.row == record.row,
            t.Document.held_by == doc.held_by,
        )
        .order_by(t.Document.id)
    ).all()
    return [kid for control, kid in found if control.startswith(f"{record.control}.")]


def family_note(value: str, volume: str) -> str:
    """The note of a file's designation as received with its record's: the value and the
    volume, never the record's number (``ABC0001.0001 inside ABC0001's native`` told a reader
    of the file alone of the AEO record)."""
    return f"as received with its family: {value!r} (volume {volume}, inside {_RECORD}'s native)"


def follows_record(s: Session, doc: t.Document) -> bool:
    """Whether a file taken out of a record's native takes the record's next designation: it
    does while its latest designation was made with the record (as received, or designating
    the record: ``with_record``, never read from a note's words, which a person writes), not
    once it has been designated apart."""
    latest = s.scalar(
        select(t.Designation.with_record)
        .where(t.Designation.document_id == doc.id)
        .order_by(t.Designation.id.desc())
        .limit(1)
    )
    return latest is None or latest  # none: received undesignated, the record's first is its


def taken_from(s: Session, doc: t.Document) -> t.Document | None:
    """The received record from whose native ``doc`` was taken out (None for any other
    document): the record of its volume and row whose number its received name extends. A
    file taken out is always of its record's family: a document of none is no such file, and
    is answered without a read (a page view reads no more for it)."""
    if doc.family is None:
        return None
    record = s.scalar(select(t.ReceivedRecord).where(t.ReceivedRecord.document_id == doc.id))
    if record is None:
        return None
    head, dot, place = record.control.rpartition(".")
    if not dot or _PLACE.fullmatch(f".{place}") is None:
        return None
    return s.scalar(
        select(t.Document)
        .join(t.ReceivedRecord, t.ReceivedRecord.document_id == t.Document.id)
        .where(
            t.ReceivedRecord.volume == record.volume,
            t.ReceivedRecord.row == record.row,
            t.ReceivedRecord.control == head,
            t.Document.held_by == doc.held_by,
        )
    )


def hidden_names(s: Session, actor: Actor, doc: t.Document) -> list[str]:
    """The names ``doc``'s notes may give the record it was taken out of (its number in the
    volume, its label, its control number), when ``actor`` may not know of that record; none
    otherwise."""
    parent = taken_from(s, doc)
    if parent is None or lookup.allowed(s, actor, parent, lookup.Need.know):
        return []
    record = s.scalar(select(t.ReceivedRecord).where(t.ReceivedRecord.document_id == parent.id))
    names = {rows.label(parent), parent.control}
    if record is not None:
        names.add(record.control)
    return sorted(names, key=len, reverse=True)


def unnamed(note: str, names: Sequence[str]) -> str:
    """``note`` with none of ``names`` (`hidden_names`) in it: a file named by its place in the
    record (``ABC0001.0001``), and the record, said as "its record"."""
    for name in names:
        note = re.sub(rf"{re.escape(name)}(?:\.\d{{4}})? inside ", "inside ", note)
        note = note.replace(f"with {name}, from whose native it came", WITH_RECORD)
        note = note.replace(name, _RECORD)
    return note
