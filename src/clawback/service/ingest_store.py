"""Documents into the record: a file read and made ready (`NewDocument`) stored as a document of
its side's collection, its pages' text and fingerprints with it, its control number the next of
that side's series, one audit entry each.

`store` takes many in one transaction and works out their access once (`access.refresh`), so a
folder's batch of files costs one commit (`service.ingest_folder`); `add_document` is one
document inside a transaction the caller holds, `add_family` a family's members
(`Ingest._add_family`; a received record's children, `service.received_children`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.errors import RuleViolation
from clawback.domain.refs import CONTROL_PREFIXES
from clawback.ingest.family import ReadyMember
from clawback.ingest.ready import Ready
from clawback.service import access as access_rules
from clawback.service import exhibit_numbering as numbering
from clawback.service import rows
from clawback.service.exhibit_numbering import ExhibitGiven
from clawback.storage import tables as t
from clawback.storage.lengths import fitted

if TYPE_CHECKING:
    from clawback.service.ingest import Ingest

__all__ = ["Designated", "NewDocument", "add_document", "add_family", "next_control", "store"]


@dataclass(frozen=True)
class Designated:
    """A designation a document carries from its first commit (another party's, as a volume
    gave it): the tier, the note kept with it, and the value as received. Entered with the
    document, in its transaction, so no commit ever holds the document without it."""

    tier: str
    note: str
    received: str


@dataclass(frozen=True)
class NewDocument:
    """A file read and made ready (`ready`), to be stored as a document of its own with what
    the record says of it (`store`); ``separate``: even when the same PDF is in the record
    (see `Ingest.ingest`)."""

    ready: Ready
    title: str
    kind: str
    exhibit: ExhibitGiven | None = None
    family: str | None = None
    parent: bool = False
    publicly_available: bool = False
    separate: bool = False
    designated: Designated | None = None


def store(ingest: Ingest, news: Sequence[NewDocument]) -> list[tuple[str, bool]]:
    """Documents read and ready, stored in one transaction, their access worked out at once:
    each one's control number, and whether it is new (False: the same PDF was in this side's
    collection already, by another way in). All or none are stored."""
    added = []
    made = []
    with ingest.ctx.transaction() as s:
        for new in news:
            existing = None
            if not new.separate:
                existing = ingest.first_known(
                    s,
                    s.scalars(
                        select(t.Document).where(
                            t.Document.original == new.ready.sha,
                            t.Document.held_by == ingest.side.value,
                        )
                    ),
                )
            if existing is not None:
                made.append((ingest._number(s, existing, new.exhibit).control, False))
                continue
            doc = add_document(
                ingest,
                s,
                new.ready,
                title=new.title,
                kind=new.kind,
                exhibit=new.exhibit,
                family=new.family,
                parent=new.parent,
                publicly_available=new.publicly_available,
                designated=new.designated,
            )
            added.append(doc)
            made.append((doc.control, True))
        access_rules.refresh(s, added, stored_now=True)
    return made


def add_document(
    ingest: Ingest,
    s: Session,
    ready: Ready,
    *,
    title: str,
    kind: str,
    exhibit: ExhibitGiven | None,
    family: str | None,
    parent: bool,
    publicly_available: bool,
    designated: Designated | None = None,
) -> t.Document:
    """One document into the record, inside the caller's transaction, with its designation
    when it comes with one; the caller works out its access (`access.refresh`), with the
    others it stores."""
    wanted = numbering.identifier(exhibit)
    if wanted is not None and numbering.numbered(s, wanted) is not None:
        raise RuleViolation(f"Ex. {wanted} is already in the record (another file)")
    if ready.steps:
        kept = ingest.ctx.put(s, ready.received, ready.received_type)
        ingest.ctx.put(s, ready.pdf, "application/pdf", kept, "+".join(ready.steps))
    else:
        ingest.ctx.put(s, ready.pdf, "application/pdf")
    doc = t.Document(
        control=next_control(ingest, s),
        held_by=ingest.side.value,
        title=fitted(title, t.Document.title),  # an e-mail's subject may run longer
        kind=kind,
        family=family,
        parent=parent,
        original=ready.sha,
        page_count=len(ready.pages),
        publicly_available=publicly_available,
        meta=ready.info,
    )
    if wanted is not None:
        numbering.number(s, doc, wanted)
    s.add(doc)
    s.flush()
    for p in ready.pages:
        s.add(  # redacted as its text (nothing granted yet: the caller's refresh finds the
            # same), so the page is written once: its full-text triggers run once in the lock
            t.Page(
                document_id=doc.id,
                idx=p.index,
                text=p.text,
                # a new document has no items, so no ruling takes anything from its pages
                # (`access.refresh`, ``stored_now``: written here, not rewritten there, which
                # would run the search indexes' triggers a second time for each page)
                redacted_text=p.text,
                sha256=p.sha256,
                image_sha256=list(p.image_sha256),
            )
        )
    ingest.ctx.audit(s, "ingest", rows.label(doc), pages=len(ready.pages), sha256=ready.sha)
    if designated is not None:
        note = designated.note[:500]
        s.add(t.Designation(document_id=doc.id, tier=designated.tier, note=note))
        tier, received = designated.tier, designated.received
        ingest.ctx.audit(s, "designate", doc.control, tier=tier, received=received)
    return doc


def add_family(
    ingest: Ingest,
    s: Session,
    members: Sequence[ReadyMember],
    family: str,
    *,
    exhibit: ExhibitGiven | None,
    publicly_available: bool,
) -> list[t.Document]:
    """A family's members made ready (`ingest.family`), each a document of ``family``, in
    order, inside the caller's transaction (the caller works out their access); the member
    that is the family's parent takes ``exhibit``, and each member's file as received is kept
    when its pages are not that file."""
    docs = []
    for m in members:
        if m.keep_native:
            ingest.ctx.put(s, m.member.native, "application/octet-stream", None, "native")
        doc = add_document(
            ingest,
            s,
            m.ready,
            title=m.title,
            kind=m.kind,
            exhibit=exhibit if m.top else None,
            family=family,
            parent=m.top,
            publicly_available=publicly_available,
        )
        docs.append(doc)
    return docs


def next_control(ingest: Ingest, s: Session) -> str:
    """The next control number of the collection of ``ingest``'s side: one more than the number
    of its last document (read along ``ix_document_held_by``, not by counting the collection,
    which made a folder's ingest grow with the square of its size). Documents are never deleted
    and numbering waits for any other writer (PostgreSQL: the audit head's row lock, which every
    write takes at commit anyway; SQLite's BEGIN IMMEDIATE already has one writer), so the last
    number is the count: two worker processes never both take number N + 1."""
    held = ingest.side.value
    s.execute(select(t.AuditHead.id).with_for_update())
    last = s.scalar(
        select(t.Document.control)
        .where(t.Document.held_by == held)
        .order_by(t.Document.id.desc())
        .limit(1)
    )
    number = 0 if last is None else int(last.rpartition("-")[2])
    return f"{CONTROL_PREFIXES[held]}-{number + 1:06d}"
