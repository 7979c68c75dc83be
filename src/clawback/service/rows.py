"""Reading the record back as domain objects (rows in, frozen dataclasses out).

These read everything: a service asks ``service.lookup`` first what the actor may see."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.bates import BatesRange
from clawback.domain.claims import Claim, Privilege, Request, Result, Ruling, State
from clawback.domain.deadlines import Deadline
from clawback.domain.documents import Exhibit, Item
from clawback.domain.errors import ClawbackError
from clawback.domain.order import Designation, DesignationHistory, ProtectiveOrder, order_from_data
from clawback.domain.sealing import SealDecision, Standard
from clawback.storage import tables as t


def matter(session: Session) -> t.Matter:
    row = session.get(t.Matter, 1)
    if row is None:
        raise ClawbackError("this workspace holds no case yet: load one first (clawback load-case)")
    return row


def protective_order(session: Session) -> ProtectiveOrder:
    return order_from_data(matter(session).order)


def exhibits(session: Session) -> list[Exhibit]:
    """Every produced exhibit, in exhibit order."""
    docs = session.scalars(
        select(t.Document).where(t.Document.exhibit.is_not(None)).order_by(t.Document.exhibit)
    ).all()
    return [exhibit(session, d) for d in docs if d.produced]


def exhibit(session: Session, doc: t.Document) -> Exhibit:
    pages = session.scalars(
        select(t.Page).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
    ).all()
    # A received record longer than its Bates span has its last pages unnumbered.
    numbered = [p.bates for p in pages if p.bates is not None]
    first, last = (numbered[0], numbered[-1]) if numbered else (None, None)
    if not doc.produced or first is None or last is None:
        raise ClawbackError(f"{label(doc)} has not been produced: it has no Bates numbers yet")
    bates = BatesRange(first, last)
    designations = session.scalars(
        select(t.Designation).where(t.Designation.document_id == doc.id).order_by(t.Designation.id)
    ).all()
    items = session.scalars(
        select(t.Item).where(t.Item.document_id == doc.id).order_by(t.Item.page_idx, t.Item.id)
    ).all()
    return Exhibit(
        number=doc.exhibit or 0,
        bates=bates,
        kind=doc.kind,
        title=doc.title,
        designations=DesignationHistory(
            tuple(Designation(d.tier, d.note, d.on) for d in designations)
        ),
        family=doc.family,
        parent=doc.parent,
        publicly_available=doc.publicly_available,
        items=tuple(
            Item(
                i.id,
                bates.page(i.page_idx),
                i.what,
                tuple(i.texts),
                i.whole_page,
                tuple(i.rect) if i.rect else None,
                tuple(i.covered or ()),
            )
            for i in items
        ),
    )


def claims(session: Session) -> list[Claim]:
    rows = session.scalars(select(t.Claim).order_by(t.Claim.id)).all()
    return [
        Claim(
            id=r.id,
            privilege=Privilege(r.privilege),
            exhibits=tuple(r.exhibits),
            items=tuple(r.items),
            declarations=tuple(r.declarations),
            paragraphs=tuple(r.paragraphs),
            basis=r.basis,
            state=State(r.state),
            noticed_on=r.noticed_on,
            request=Request(r.request),
        )
        for r in rows
    ]


def closures(session: Session) -> list[date]:
    """The days the court's clerk's office was inaccessible (FRCP 6(a)(3)), as entered."""
    return list(session.scalars(select(t.CourtClosure.day).order_by(t.CourtClosure.day)).all())


def deadline(r: t.Deadline) -> Deadline:
    return Deadline(
        r.act,
        r.due,
        r.trigger,
        r.days,
        r.source,
        r.done_on,
        r.id,
        party=r.party,
        kind=r.kind,
        lifted=r.lifted,
    )


def rulings(session: Session) -> list[Ruling]:
    """Every ruling, per claim in the order the court gave them: the last of a claim governs
    (``claims.governing``)."""
    rows = session.scalars(select(t.Ruling).order_by(t.Ruling.claim_id, t.Ruling.id)).all()
    return [Ruling(r.claim_id, Result(r.result), tuple(r.items), r.reason, r.on) for r in rows]


def seal_decisions(
    session: Session,
    today: date | None = None,
    *,
    motion: str | None = None,
    as_ruled: bool = False,
) -> list[SealDecision]:
    """The sealing decisions in force (a seal whose unsealing date has come no longer seals),
    or ``as_ruled``; all motions', or one ``motion``'s."""
    day = today or date.today()
    query = select(t.SealDecision).order_by(t.SealDecision.exhibit)
    if motion is not None:
        query = query.where(t.SealDecision.motion == motion)
    decisions = []
    for r in session.scalars(query).all():
        ended = not as_ruled and r.unseal_on is not None and r.unseal_on <= day
        reason = f"unsealed on {r.unseal_on}" if ended else r.reason
        decisions.append(
            SealDecision(r.exhibit, r.sealed and not ended, Standard(r.standard), reason)
        )
    return decisions


def label(doc: t.Document) -> str:
    return f"Ex. {doc.exhibit}" if doc.exhibit is not None else doc.control


def parse_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ClawbackError(f"not a date (YYYY-MM-DD): {value!r}") from None
