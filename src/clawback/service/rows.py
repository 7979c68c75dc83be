"""Reading the record back as domain objects (rows in, frozen dataclasses out).

These read everything: a service asks ``service.lookup`` first what the actor may see."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.claims import Claim, Privilege, Request, Result, Ruling, State
from clawback.domain.days import checked_day, parse_day
from clawback.domain.deadlines import Deadline
from clawback.domain.documents import Exhibit, Item
from clawback.domain.errors import ClawbackError
from clawback.domain.exhibit_ids import ExhibitId, exhibit_label
from clawback.domain.order import Designation, DesignationHistory, ProtectiveOrder, order_from_data
from clawback.domain.paper_seals import PaperSealDecision, governing
from clawback.domain.pinpoints import FiledItem, FiledKind, FiledPaper, Pinpoint
from clawback.domain.seal_parts import SealPart
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
    found = exhibits_of(session, [d for d in docs if d.produced])
    return sorted(found, key=lambda e: e.identifier)


def bates_range(session: Session, doc: t.Document) -> BatesRange:
    """A produced document's own Bates range, its first numbered page to its last."""
    numbered = select(t.Page.bates).where(t.Page.document_id == doc.id, t.Page.bates.is_not(None))
    first = session.scalar(numbered.order_by(t.Page.idx).limit(1))
    last = session.scalar(numbered.order_by(t.Page.idx.desc()).limit(1))
    if first is None or last is None:
        raise ClawbackError(f"{label(doc)} has not been produced: it has no Bates numbers yet")
    return BatesRange(first, last)


def exhibit(session: Session, doc: t.Document) -> Exhibit:
    return exhibits_of(session, [doc])[0]


def exhibits_of(session: Session, docs: Sequence[t.Document]) -> list[Exhibit]:
    """``docs`` as exhibits, in their order: a fixed number of queries, however many (each
    document's first and last stamped pages only, never its pages' text)."""
    ids = [d.id for d in docs]
    if not ids:
        return []
    page = t.Page
    span = (
        select(page.document_id, func.min(page.idx).label("low"), func.max(page.idx).label("high"))
        .where(page.document_id.in_(ids), page.bates.is_not(None))
        .group_by(page.document_id)
        .subquery()
    )
    ends: dict[int, dict[int, BatesNumber]] = defaultdict(dict)
    for document, idx, bates in session.execute(
        select(page.document_id, page.idx, page.bates).join(
            span,
            and_(
                page.document_id == span.c.document_id,
                or_(page.idx == span.c.low, page.idx == span.c.high),
            ),
        )
    ):
        if bates is not None:
            ends[document][idx] = bates
    designations: dict[int, list[t.Designation]] = defaultdict(list)
    for d in session.scalars(
        select(t.Designation).where(t.Designation.document_id.in_(ids)).order_by(t.Designation.id)
    ):
        designations[d.document_id].append(d)
    items: dict[int, list[t.Item]] = defaultdict(list)
    for i in session.scalars(
        select(t.Item).where(t.Item.document_id.in_(ids)).order_by(t.Item.page_idx, t.Item.id)
    ):
        items[i.document_id].append(i)
    return [
        _exhibit(session, doc, ends[doc.id], designations[doc.id], items[doc.id]) for doc in docs
    ]


def _exhibit(
    session: Session,
    doc: t.Document,
    ends: dict[int, BatesNumber],
    designations: Sequence[t.Designation],
    items: Sequence[t.Item],
) -> Exhibit:
    # A received record longer than its Bates span has its last pages unnumbered.
    first, last = (ends[min(ends)], ends[max(ends)]) if ends else (None, None)
    if not doc.produced or first is None or last is None:
        raise ClawbackError(f"{label(doc)} has not been produced: it has no Bates numbers yet")
    bates = BatesRange(first, last)
    members = attachment_ranges(session, doc)
    placed = [(i, bates.page(i.page_idx)) for i in items]
    if members:  # a family exhibit: its attachments' items are the exhibit's, where they stand
        placed += [
            (i, members[i.document_id].page(i.page_idx))
            for i in session.scalars(
                select(t.Item)
                .where(t.Item.document_id.in_(list(members)))
                .order_by(t.Item.page_idx, t.Item.id)
            )
        ]
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
        written=exhibit_id(doc),
        lead=ExhibitId.parse(doc.exhibit_lead) if doc.exhibit_lead else None,
        attachments=ordered_ranges(members.values()),
        items=tuple(
            Item(
                i.id,
                page,
                i.what,
                tuple(i.texts),
                i.whole_page,
                tuple(i.rect) if i.rect else None,
                tuple(i.covered or ()),
            )
            for i, page in sorted(placed, key=lambda p: (p[1].series, p[1].number, p[0].id))
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
            papers=tuple(r.papers or ()),
        )
        for r in rows
    ]


def papers(session: Session) -> list[FiledPaper]:
    """Every filed paper with its items, in docket order as entered."""
    docs = session.scalars(
        select(t.Document).where(t.Document.docket.is_not(None)).order_by(t.Document.id)
    ).all()
    return [paper(session, d) for d in docs]


def paper(session: Session, doc: t.Document) -> FiledPaper:
    """A filed paper (``doc.docket`` set) as the domain knows it: its items by pinpoint."""
    items = session.scalars(
        select(t.Item).where(t.Item.document_id == doc.id).order_by(t.Item.id)
    ).all()
    return paper_of(doc, items)


def paper_of(doc: t.Document, items: Iterable[t.Item]) -> FiledPaper:
    """``paper`` from items already read (a listing reads every paper's items at once)."""
    if doc.docket is None:
        raise ClawbackError(f"{label(doc)} is no filed paper")
    return FiledPaper(
        doc.docket,
        FiledKind(doc.filed_kind or FiledKind.brief.value),
        doc.title,
        doc.page_count,
        tuple(
            FiledItem(
                i.id,
                Pinpoint.parse(i.pinpoint) if i.pinpoint else Pinpoint(page=i.page_idx + 1),
                i.what,
                tuple(i.texts),
            )
            for i in items
        ),
    )


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
        r.ref,
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
    exhibit: int | None = None,
    as_ruled: bool = False,
) -> list[SealDecision]:
    """The sealing decisions in force (a seal whose unsealing date has come no longer seals),
    or ``as_ruled``; all motions', or one ``motion``'s; on every exhibit, or on ``exhibit``."""
    day = today or date.today()
    # by exhibit, and a later ruling after an earlier one (an unsealing after the seal)
    query = select(t.SealDecision).order_by(t.SealDecision.exhibit, t.SealDecision.id)
    if motion is not None:
        query = query.where(t.SealDecision.motion == motion)
    if exhibit is not None:
        query = query.where(t.SealDecision.exhibit == exhibit)
    decisions = []
    found = session.scalars(query).all()
    said = exhibit_texts(session, (r.exhibit for r in found))
    for r in found:
        ended = not as_ruled and r.unseal_on is not None and r.unseal_on <= day
        reason = f"unsealed on {r.unseal_on}" if ended else r.reason
        decisions.append(
            SealDecision(
                r.exhibit,
                r.sealed and not ended,
                Standard(r.standard),
                reason,
                SealPart.from_data(r.part),
                r.condition or "",
                written=said[r.exhibit],
            )
        )
    return decisions


def paper_seal_decisions(
    session: Session, *, motion: str | None = None, papers: Iterable[str] | None = None
) -> list[PaperSealDecision]:
    """The rulings on filed papers, in the order the court gave them; one ``motion``'s, or
    those on ``papers`` (docket entries)."""
    query = select(t.PaperSealDecision).order_by(t.PaperSealDecision.id)
    if motion is not None:
        query = query.where(t.PaperSealDecision.motion == motion)
    if papers is not None:
        query = query.where(t.PaperSealDecision.paper.in_(list(papers)))
    return [
        PaperSealDecision(
            r.paper,
            r.sealed,
            Standard(r.standard),
            r.reason,
            SealPart.from_data(r.part),
            r.condition or "",
            r.unseal_on,
        )
        for r in session.scalars(query).all()
    ]


def papers_sealed(
    session: Session, docs: Iterable[t.Document], today: date | None = None
) -> dict[str, bool]:
    """Whether each filed paper among ``docs`` is sealed today (``paper_seals.governing``):
    its latest ruling in force, else as it was lodged."""
    papers = {doc.docket: doc.filed_under_seal for doc in docs if doc.docket is not None}
    if not papers:
        return {}
    ruled: dict[str, list[PaperSealDecision]] = {}
    for d in paper_seal_decisions(session, papers=papers):
        ruled.setdefault(d.paper, []).append(d)
    day = today or date.today()
    return {p: governing(lodged, ruled.get(p, ()), day) for p, lodged in papers.items()}


def attachments(session: Session, doc: t.Document) -> tuple[BatesRange, ...]:
    """A family exhibit's attachments: the produced members of the parent's family that are
    no exhibit of their own, in Bates order; none for any other document. Whoever may not know
    of every member is given only those they may (`knowledge.cut`)."""
    return ordered_ranges(attachment_ranges(session, doc).values())


def attachment_ranges(session: Session, doc: t.Document) -> dict[int, BatesRange]:
    """``attachments`` by the document each range is of."""
    if not doc.parent or doc.family is None:
        return {}
    pages = session.execute(
        select(t.Page.document_id, t.Page.bates)
        .join(t.Document, t.Page.document_id == t.Document.id)
        .where(
            t.Document.family == doc.family,
            t.Document.id != doc.id,
            t.Document.exhibit.is_(None),
            t.Document.held_by == doc.held_by,
        )
        .order_by(t.Page.document_id, t.Page.idx)
    ).all()
    members: dict[int, list[BatesNumber]] = {}
    for member, bates in pages:
        if bates is not None:
            members.setdefault(member, []).append(bates)
    return {m: BatesRange(numbers[0], numbers[-1]) for m, numbers in members.items()}


def ordered_ranges(ranges: Iterable[BatesRange]) -> tuple[BatesRange, ...]:
    """Bates ranges in Bates order."""
    return tuple(sorted(ranges, key=lambda r: (r.first.series, r.first.number)))


def label(doc: t.Document) -> str:
    """``Ex. 12``, ``Ex. A``: the exhibit as the court writes it; else the control number."""
    if doc.exhibit is None:
        return doc.control
    return f"Ex. {doc.exhibit_id or doc.exhibit}"


def exhibit_texts(session: Session, ordinals: Iterable[int]) -> dict[int, str]:
    """Ordinal -> the exhibit as the court writes it (``100000`` -> ``A``), for every place a
    person reads an exhibit; an ordinal no document holds is said as its number."""
    wanted = set(ordinals)
    named = {o: str(o) for o in wanted}
    if wanted:
        found = session.execute(
            select(t.Document.exhibit, t.Document.exhibit_id).where(t.Document.exhibit.in_(wanted))
        ).all()
        named.update({o: text for o, text in found if o is not None and text})
    return named


def exhibit_list(session: Session, ordinals: Iterable[int]) -> str:
    """``Exs. A-C, 5-A``: exhibits named by their ordinals, listed as an order lists them."""
    return exhibit_label(ExhibitId.parse(x) for x in exhibit_texts(session, ordinals).values())


def covers(session: Session, exhibits: Sequence[int], papers: Sequence[str]) -> str:
    """What a claim covers as its duties name it: ``Exs. 3, 5; ECF No. 101-33``."""
    said = [exhibit_list(session, exhibits)] if exhibits else []
    return "; ".join([*said, *(f"ECF No. {p}" for p in papers)])


def exhibit_id(doc: t.Document) -> ExhibitId | None:
    """The identifier a numbered document was given, when it is not its plain number."""
    written = as_written(doc.exhibit, doc.exhibit_id)
    return ExhibitId.parse(written) if isinstance(written, str) else None


def as_written(ordinal: int | None, written: str | None) -> int | str | None:
    """An exhibit as the court writes it, from its two columns: its plain number, or the
    identifier it was given ("A", "5-A") in place of the ordinal the record keeps."""
    if ordinal is None or written is None or written == str(ordinal):
        return ordinal
    return written


def parse_date(value: str | date | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return checked_day(value)
    return parse_day(value)
