"""Access in the database: the derived columns a search filters on, and the filter itself.

The rule is ``clawback.domain.access.access``, for an ``Actor``. After every change that can
move it (a designation, a claim and its rulings, a seal, a public filing), ``refresh``
recomputes each affected document's access columns and its pages' redacted text from the
record. ``visible`` states the same rule as a SQL condition, so a search filters in the query,
not afterwards; the test suite checks the two statements of the rule against each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from clawback.domain import claims as claim_rules
from clawback.domain.access import SEES_EVERYTHING, full_view
from clawback.domain.actor import Actor
from clawback.domain.order import Side
from clawback.service import rows as record
from clawback.storage import tables as t

REDACTED_MARK = "[REDACTED]"
#: Up to this many documents, `refresh` asks for their public filings by id, not all of them.
_FEW = 100


def refresh(
    s: Session, docs: Iterable[t.Document] | None = None, *, stored_now: bool = False
) -> None:
    """Recompute access columns and redacted page text for ``docs`` (every document if None).
    ``stored_now``: the documents were stored in this transaction, their pages' redacted text
    written as their text: no item names them yet, so no ruling takes anything from them and
    their pages are not read again."""
    rows = list(docs) if docs is not None else list(s.scalars(select(t.Document)).all())
    if not rows:
        return
    s.flush()
    effects: dict[int, claim_rules.Effect] = {}
    on_papers: dict[str, claim_rules.PaperEffect] = {}
    sealed: dict[int, bool] = {}
    of_family = _family_exhibits(s, rows)
    if of_family or any(doc.exhibit is not None or doc.docket is not None for doc in rows):
        # claims, rulings and seals name exhibits; claims name filed papers too
        claims = [c for c in record.claims(s) if c.state is not claim_rules.State.withdrawn]
        exhibits, rulings = record.exhibits(s), record.rulings(s)
        effects = claim_rules.effects(exhibits, claims, rulings)
        sealed = {d.exhibit: d.sealed for d in record.seal_decisions(s)}
        if any(doc.docket is not None for doc in rows) and any(c.papers for c in claims):
            on_papers = claim_rules.paper_effects(record.papers(s), exhibits, claims, rulings)
    # unruled, or ruled so that nothing is released yet (moot, denied without prejudice, ...)
    pending = {n for n, e in effects.items() if e.pending}
    filed = select(t.Filing.document_id).where(t.Filing.kind == "public")
    if len(rows) <= _FEW:  # a few documents (one ingested): their own filings only
        filed = filed.where(t.Filing.document_id.in_([doc.id for doc in rows]))
    public = set(s.scalars(filed).all())
    papers_sealed = record.papers_sealed(s, rows)  # a filed paper: its ruling, else as lodged
    for doc in rows:
        doc.tier = s.scalar(
            select(t.Designation.tier)
            .where(t.Designation.document_id == doc.id)
            .order_by(t.Designation.id.desc())
            .limit(1)
        )
        number = doc.exhibit if doc.exhibit is not None else of_family.get(doc.id)
        effect = effects.get(number) if number is not None else None
        doc.sequestered = number in pending
        doc.withheld = bool(effect and effect.withheld)
        redact = set(effect.redact) if effect else set()
        on_paper = on_papers.get(doc.docket) if doc.docket is not None else None
        if on_paper is not None:  # the same rule's effect on a filed paper (domain.claims)
            doc.sequestered = on_paper.pending
            doc.withheld = on_paper.withheld
            redact = {*on_paper.redact, *on_paper.hidden}  # granted; pending, until resolved
        doc.sealed = bool(number is not None and sealed.get(number, False))
        if doc.docket is not None:
            doc.sealed = papers_sealed[doc.docket]
        # a filed paper is on the public docket unless sealed; any other once filed publicly
        doc.public_filed = (doc.id in public or doc.docket is not None) and not doc.sealed
        if not stored_now:
            _redact_pages(s, doc, redact)


def refresh_exhibits(s: Session, numbers: Iterable[int]) -> None:
    """``refresh`` for these exhibits, each with its span's attachments (`_family_exhibits`)."""
    wanted = list(numbers)
    docs = list(s.scalars(select(t.Document).where(t.Document.exhibit.in_(wanted))).all())
    families = {doc.family for doc in docs if doc.family is not None}
    if families:
        docs += s.scalars(
            select(t.Document).where(t.Document.family.in_(families), t.Document.exhibit.is_(None))
        ).all()
    refresh(s, docs)


def exhibit_of(s: Session, doc: t.Document) -> int | None:
    """The exhibit ``doc`` is of: its own number, or its family's head's (`_family_exhibits`)."""
    if doc.exhibit is not None:
        return doc.exhibit
    return _family_exhibits(s, [doc]).get(doc.id)


def exhibits_of(s: Session, docs: Iterable[t.Document]) -> dict[int, int]:
    """`exhibit_of` for each of ``docs`` at once, by document id (none: of no exhibit)."""
    rows = list(docs)
    found = {d.id: d.exhibit for d in rows if d.exhibit is not None}
    return {**found, **_family_exhibits(s, rows)}


def family_head(s: Session, doc: t.Document) -> t.Document | None:
    """The document of the exhibit ``doc`` is an attachment of (`exhibit_of`), if any."""
    number = exhibit_of(s, doc)
    if number is None or number == doc.exhibit:
        return None
    return s.scalar(select(t.Document).where(t.Document.exhibit == number))


def _family_exhibits(s: Session, rows: list[t.Document]) -> dict[int, int]:
    """The exhibit each of ``rows`` is a page of without a number of its own: a family member
    (an e-mail's attachment) whose family's head is an exhibit. The exhibit's span runs to its
    last attachment's last page, as an order cites it and an exhibit list gives it, so what a
    claim, a ruling or a seal does to the exhibit it does to them; one the producing side
    numbered is an exhibit of its own."""
    members = [d for d in rows if d.exhibit is None and d.family is not None and d.docket is None]
    if not members:
        return {}
    heads = s.execute(
        select(t.Document.family, t.Document.held_by, t.Document.exhibit).where(
            t.Document.family.in_({d.family for d in members}),
            t.Document.parent,
            t.Document.exhibit.is_not(None),
        )
    ).all()
    head = {(family, side): number for family, side, number in heads if number is not None}
    return {d.id: head[(d.family, d.held_by)] for d in members if (d.family, d.held_by) in head}


def refresh_papers(s: Session, dockets: Iterable[str]) -> None:
    """``refresh`` for the filed papers by these docket entries (``101-33``)."""
    wanted = list(dockets)
    if wanted:
        refresh(s, s.scalars(select(t.Document).where(t.Document.docket.in_(wanted))).all())


def _redact_pages(s: Session, doc: t.Document, granted: set[str]) -> None:
    from clawback.pdf.shows.matching import masked  # the PDF engine: only when a ruling applies

    items = s.scalars(select(t.Item).where(t.Item.document_id == doc.id)).all()
    by_page: dict[int, list[t.Item]] = {}
    for item in items:
        if item.id in granted:
            by_page.setdefault(item.page_idx, []).append(item)
    for page in s.scalars(select(t.Page).where(t.Page.document_id == doc.id)).all():
        text = page.text
        secrets: list[str] = []
        for item in by_page.get(page.idx, ()):
            covered = list(item.covered or ())
            if item.whole_page or any(line not in text for line in covered):
                text, secrets = REDACTED_MARK, []  # a region's words not found: fail closed
                break
            secrets += [*item.texts, *covered]
        # the longest first: a short one masked inside a longer one ("3" in "3. Nothing else
        # ...", a pleading margin's number in a line) left the rest of it unread as itself
        for secret in sorted(secrets, key=len, reverse=True):
            text = masked(text, secret, REDACTED_MARK)  # any case, look-alike, wrap
        page.redacted_text = text


def visible(actor: Actor, d: type[t.Document] = t.Document) -> ColumnElement[bool]:
    """The SQL form of ``domain.access.access(actor, ...).allowed`` over ``t.Document`` (or
    an alias): the test suite checks the two against each other. It hangs on the seat and the
    tiers only, so it is built once for each (a search used to build it three times, ~1 ms)."""
    return _visible(actor.seat, actor.tiers, d)


@lru_cache(maxsize=256)
def _visible(seat: Side, tiers: frozenset[str], d: type[t.Document]) -> ColumnElement[bool]:
    if seat in SEES_EVERYTHING:
        return true()
    if seat is Side.producing:
        return or_(d.held_by != Side.receiving.value, d.docket.is_not(None))
    if seat is Side.public:  # a designated filed paper: no tier of the public's admits it
        designated_paper = and_(d.docket.is_not(None), d.tier.is_not(None))
        return and_(d.public_filed, ~d.sealed, ~d.sequestered, ~d.withheld, ~designated_paper)
    delivered = exists(
        select(t.Production.id).where(
            t.Production.id == d.production, t.Production.state == "complete"
        )
    )
    reaches = or_(
        d.held_by == seat.value,
        d.docket.is_not(None),  # a filed paper is served on every party
        and_(d.held_by == Side.producing.value, d.produced.is_not(None), delivered),
    )
    listed = sorted(tiers)
    # No tier, or one of these: NULL IN (...) is NULL, taken as true. Said as one condition,
    # not "IS NULL OR IN", which SQLite (no statistics kept) answers with two searches of the
    # tier index, then sorts every document found: a listing's first hundred took 60 ms at
    # 10,000 documents instead of a walk of the listing's index.
    tier_ok = func.coalesce(d.tier.in_(listed), true()) if listed else d.tier.is_(None)
    return and_(reaches, tier_ok, ~d.sequestered, ~d.withheld)


def shared_families(s: Session, actor: Actor, families: AbstractSet[str | None]) -> set[str]:
    """Those of ``families`` holding at least two documents the actor may see: the families a
    document the actor sees is a member of, as far as the actor can tell. A family whose other
    members are all withheld from them reads as none (a received record with no file taken
    out of it has none; one whose files were all held back was shown its family's name, and
    as its head). One query."""
    wanted = {f for f in families if f is not None}
    if not wanted:
        return set()
    counted = s.execute(
        select(t.Document.family, func.count())
        .where(t.Document.family.in_(wanted), visible(actor))
        .group_by(t.Document.family)
    )
    return {family for family, n in counted if family is not None and n > 1}


def text_column(actor: Actor) -> InstrumentedAttribute[str]:
    """Which text of a page this person reads: as produced, or less what a ruling granted."""
    return t.Page.text if full_view(actor) else t.Page.redacted_text
