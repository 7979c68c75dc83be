"""The documents a person may see, listed and filtered, and the way from page to page.

A listing carries only documents the actor may read (``lookup.allowed``), each as the actor may
know it: the slip sheet's words for a document withheld at production, a control number only
to whoever of the side holding the document it counts nothing withheld from (else the
document's reference, `control_names`), a family (and its head) only of members the actor may
see, the claims only the actor may know of. ``neighbours``
steps from a page to the previous and next page by Bates number among the pages the actor may
see (the same rule as SQL, ``service.access.visible``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    String,
    and_,
    case,
    exists,
    false,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from clawback.domain.access import full_view
from clawback.domain.actor import Actor
from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.counts import counted
from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.refs import DocumentRef, ExhibitNamed, bates_number, document_ref
from clawback.service import access as access_rules
from clawback.service import claims_named, control_names, lookup, rows
from clawback.service.base import Service
from clawback.service.paged import Paged
from clawback.service.reads import MAX_LIMIT, MAX_OFFSET, SLIP_SHEET, _slip_words
from clawback.storage import tables as t
from clawback.storage.types import bates_counter, bates_series

#: The designation filter's word for documents that carry none.
UNDESIGNATED = "none"


@dataclass(frozen=True)
class Listed:
    """One document of a listing, as the person asking may know it."""

    exhibit: int | None
    control: str | None
    title: str
    kind: str
    family: str | None
    parent: bool
    pages: int
    first: BatesNumber | None
    last: BatesNumber | None
    designation: str | None
    claims: tuple[str, ...]
    sealed: bool
    #: The exhibit as the court writes it ("12", "A", "5-A"); ``exhibit`` is its ordinal.
    exhibit_id: str | None = None
    #: A filed paper's docket entry ("104", "26-2"); None for any other document.
    docket: str | None = None

    @property
    def ref(self) -> str:
        """How the person names it: first Bates number, else exhibit, else control number,
        else (a paper the other side filed, its control number not theirs to know) its docket
        entry."""
        if self.first is not None:
            return str(self.first)
        if self.exhibit is not None:
            return f"Ex. {self.exhibit_id or self.exhibit}"
        if self.control is None and self.docket is not None:
            return f"ECF No. {self.docket}"
        return str(self.control)


class Listing(Paged[Listed]):
    """One page of a listing, with how many documents answer in all among those the person
    may see (`Paged`)."""


@dataclass(frozen=True)
class _Key:
    """A document of a listing's page: its id and its first and last stamped pages."""

    id: int
    first: BatesNumber | None
    last: BatesNumber | None


@dataclass(frozen=True)
class Tally:
    """The documents a person may see, counted: in all, under seal, and by designation (its
    tier as recorded; None for none)."""

    total: int
    sealed: int
    by_designation: dict[str | None, int]


class Catalog(Service):
    def documents(
        self,
        *,
        bates: BatesRange | None = None,
        designation: str | None = None,
        family: str | None = None,
        claim: str | None = None,
        exhibits: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> Listing:
        """The documents the actor may see, in Bates (then exhibit, then control) order,
        filtered: pages in a Bates range, a designation (``none``: undesignated), a family, a
        claim's exhibits, exhibits only; ``limit`` of them from ``offset`` (all by default),
        with the number that answer in all. The access rule is in the query
        (``access.visible``), so neither the page nor its total holds a document the actor may
        not see; a page of results costs a fixed number of queries, whatever its length."""
        if limit is not None and not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        if not 0 <= offset <= MAX_OFFSET:
            raise InvalidInput(f"offset must be between 0 and {MAX_OFFSET}, not {offset}")
        with self.ctx.reading() as s:
            doc = t.Document
            query = self._keys(s, designation, family, claim, exhibits)
            if bates is not None:  # the document's stamped pages meet the range
                query = query.where(
                    doc.first_series == bates.series,
                    doc.first_number <= bates.last.number,
                    bates_counter(doc.last_bates.expression) >= bates.first.number,
                )
            keys = query.subquery()
            stamped_total, total = s.execute(
                select(func.count(keys.c.first_bates), func.count()).select_from(keys)
            ).one()
            page = _page(s, self.actor, query, stamped_total, offset, limit)
            listed = self._listed(s, [_Key(n, first, last) for n, first, last in page])
            self.ctx.audit(s, "read.list", f"{len(listed)} of {counted(total, 'document')}")
        return Listing(listed, total=total, offset=offset)

    def _keys(
        self,
        s: Session,
        designation: str | None,
        family: str | None,
        claim: str | None,
        exhibits: bool,
    ) -> Select[int, BatesNumber | None, BatesNumber | None]:
        """Each visible document answering the filters (all but the Bates range): its id and
        its first and last stamped pages' numbers (kept on its row, ``service.stamps``)."""
        doc = t.Document
        query = select(doc.id, doc.first_bates, doc.last_bates).where(
            access_rules.visible(self.actor, doc)
        )
        if claim:
            query = query.where(self._under_claim(s, claim))
        if family:
            query = query.where(doc.family == family)
        if exhibits:
            query = query.where(doc.exhibit.is_not(None))
        if designation == UNDESIGNATED:
            query = query.where(doc.tier.is_(None))
        elif designation and s.get(t.Matter, 1) is not None:
            wanted = rows.protective_order(s).tier(designation)
            recorded = s.scalars(select(doc.tier).distinct())
            query = query.where(doc.tier.in_([r for r in recorded if r and wanted.matches(r)]))
        return query

    def _under_claim(self, s: Session, claim: str) -> ColumnElement[bool]:
        """The documents that name ``claim`` to the actor (`claims_named`): its exhibits, and
        the attachments of those of them the actor may know of (a claim the actor may not
        know of answers as one that is not there, ``lookup.claim``)."""
        doc = t.Document
        exhibits = lookup.claim(s, self.actor, claim).exhibits
        heads = s.scalars(select(doc).where(doc.exhibit.in_(exhibits), doc.family.is_not(None)))
        known = claims_named.known_exhibits(s, self.actor, {h.exhibit for h in heads if h.exhibit})
        families = [
            and_(doc.family == h.family, doc.held_by == h.held_by)
            for h in s.scalars(select(doc).where(doc.exhibit.in_(known), doc.parent))
        ]
        attached = and_(doc.exhibit.is_(None), doc.docket.is_(None), or_(false(), *families))
        return or_(doc.exhibit.in_(exhibits), attached)

    def tally(self) -> Tally:
        """How many documents the actor may see, by designation and under seal: counted by the
        database inside the access filter (``access.visible``), no document loaded."""
        with self.ctx.reading() as s:
            doc = t.Document
            found = s.execute(
                select(doc.tier, doc.sealed, func.count())
                .where(access_rules.visible(self.actor, doc))
                .group_by(doc.tier, doc.sealed)
            ).all()
            by_designation: dict[str | None, int] = {}
            for tier, _, n in found:
                by_designation[tier] = by_designation.get(tier, 0) + n
            tally = Tally(
                total=sum(n for *_, n in found),
                sealed=sum(n for _, sealed, n in found if sealed),
                by_designation=by_designation,
            )
            self.ctx.audit(s, "read.count", counted(tally.total, "document"))
        return tally

    def _listed(self, s: Session, keys: list[_Key]) -> list[Listed]:
        """The documents of ``keys``, in that order, as the actor may know them: three queries
        for the lot (the rows, the slip sheets among them, the slip sheets' words)."""
        if not keys:
            return []
        docs = {
            d.id: d
            for d in s.scalars(select(t.Document).where(t.Document.id.in_([k.id for k in keys])))
        }
        under = claims_named.claimed_under(s, self.actor, docs.values())
        claims = _claims_of(s, set(under.values()))
        foreign = [d for d in docs.values() if not self._own(d) and d.produced is not None]
        slipped = (
            set(
                s.scalars(
                    select(t.Blob.sha256).where(
                        t.Blob.sha256.in_({d.produced for d in foreign}),
                        t.Blob.recipe == SLIP_SHEET,
                    )
                )
            )
            if foreign
            else set()
        )
        slip_ids = [d.id for d in foreign if d.produced in slipped]
        words = (
            {
                document: text
                for document, text in s.execute(
                    select(t.Page.document_id, t.Page.text).where(
                        t.Page.document_id.in_(slip_ids), t.Page.idx == 0
                    )
                )
            }
            if slip_ids
            else {}
        )
        # a family, and its head, only of members the actor may see
        shared = access_rules.shared_families(s, self.actor, {d.family for d in docs.values()})
        listed = []
        for k in keys:
            d = docs[k.id]
            slip = _slip_words(words.get(d.id)) if d.id in slip_ids else None
            listed.append(
                Listed(
                    exhibit=d.exhibit,
                    exhibit_id=d.exhibit_id,
                    control=control_names.named(self.actor, d),
                    title=slip if slip is not None else d.title,
                    kind=SLIP_SHEET if slip is not None else d.kind,
                    family=d.family if slip is None and d.family in shared else None,
                    parent=d.parent and slip is None and d.family in shared,
                    pages=d.page_count,
                    first=k.first,
                    last=k.last,
                    designation=d.tier,
                    claims=tuple(claims.get(under[d.id], ())) if d.id in under else (),
                    sealed=d.sealed,
                    docket=d.docket,
                )
            )
        return listed

    def _own(self, doc: t.Document) -> bool:
        return full_view(self.actor) or doc.held_by == self.actor.seat.value

    def exhibit_ordinals(self, exhibits: Sequence[ExhibitId]) -> tuple[int, ...]:
        """The record's ordinals of exhibits named as the court writes them, for services that
        take ordinals: a plain number is its own; any other is looked up, and one the actor
        may not know of answers exactly as one that is not there ("no document Ex. A")."""
        found: list[int] = []
        with self.ctx.reading() as s:
            for exhibit in exhibits:
                ordinal = exhibit.ordinal
                if ordinal is None:
                    doc = lookup.document(s, self.actor, ExhibitNamed(exhibit), lookup.Need.know)
                    assert doc.exhibit is not None
                    ordinal = doc.exhibit
                found.append(ordinal)
        return tuple(found)

    def pages(self, ref: DocumentRef | int | str) -> list[BatesNumber]:
        """The Bates numbers of a document's pages, if the actor may see it."""
        with self.ctx.reading() as s:
            return pages_of(s, lookup.document(s, self.actor, document_ref(ref)))

    def neighbours(self, bates: BatesNumber | str) -> tuple[BatesNumber | None, BatesNumber | None]:
        """The previous and next page by Bates number among those the actor may see."""
        number = bates_number(bates)
        with self.ctx.reading() as s:
            lookup.page(s, self.actor, number)  # a page the actor may not see is not there
            return neighbours_in(s, self.actor, number)


def _claims_of(s: Session, exhibits: set[int]) -> dict[int, list[str]]:
    """The claims over each of ``exhibits``, by id. A listing's exhibits are ones the actor
    may see, so may know of (``domain.access.may_know``): every claim over one is theirs to
    know."""
    found: dict[int, list[str]] = {}
    if exhibits:
        for claim, over in s.execute(select(t.Claim.id, t.Claim.exhibits).order_by(t.Claim.id)):
            for n in over:
                if n in exhibits:
                    found.setdefault(n, []).append(claim)
    return found


def pages_of(s: Session, doc: t.Document) -> list[BatesNumber]:
    """The Bates numbers of ``doc``'s produced pages, in order (the caller found ``doc``
    through ``lookup`` with its actor)."""
    found = s.scalars(
        select(t.Page.bates).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
    ).all()
    return [b for b in found if b is not None]


def neighbours_in(
    s: Session, actor: Actor, number: BatesNumber
) -> tuple[BatesNumber | None, BatesNumber | None]:
    """The pages before and after ``number`` in its series among those ``actor`` may see (the
    caller checked that ``actor`` may see ``number``).

    Each is a walk along the Bates number index from ``number`` that asks of each page in
    turn whether its document is visible (``EXISTS``), stopping at the first: first among the
    pages stamped with the same prefix as ``number`` (its spelling: a run of the index), then,
    only if none is, among the rest of the series (another spelling of its prefix)."""
    doc, page = t.Document, t.Page
    seen = exists(
        select(doc.id).where(doc.id == page.document_id, access_rules.visible(actor, doc))
    )
    stamped = type_coerce(page.bates, String)
    # Every stamp of this spelling is the prefix then digits, so lies between these two texts.
    low, high = number.prefix, f"{number.prefix}:"
    walk = select(page.bates).where(seen).limit(1)
    series = bates_series(stamped, s.get_bind().dialect.name) == number.series
    before = s.scalar(
        walk.where(page.bates < number, stamped > low).order_by(page.bates.desc())
    ) or s.scalar(walk.where(stamped <= low, series).order_by(page.bates.desc()))
    after = s.scalar(
        walk.where(page.bates > number, stamped < high).order_by(page.bates)
    ) or s.scalar(walk.where(stamped >= high, series).order_by(page.bates))
    return _same_series(number, before), _same_series(number, after)


def _same_series(here: BatesNumber, other: BatesNumber | None) -> BatesNumber | None:
    return other if other is not None and other.series == here.series else None


def _page(
    s: Session,
    actor: Actor,
    query: Select[int, BatesNumber | None, BatesNumber | None],
    stamped: int,
    offset: int,
    limit: int | None,
) -> list[Row[int, BatesNumber | None, BatesNumber | None]]:
    """``limit`` of the documents ``query`` answers from ``offset``, in a listing's order:
    the ``stamped`` ones first, by their first page's series and number (read along
    ``ix_document_listing``, not sorted whole), then the others by exhibit, then control
    number as the actor may know it (another side's document by none); then id."""
    doc = t.Document
    postgres = s.get_bind().dialect.name == "postgresql"
    found: list[Row[int, BatesNumber | None, BatesNumber | None]] = []
    if offset < stamped:
        series: ColumnElement[Any] = doc.first_series.expression
        found += s.execute(
            query.where(doc.first_series.is_not(None))
            .order_by(series.collate("C") if postgres else series, doc.first_number, doc.id)
            .offset(offset)
            .limit(limit)
        ).all()
    if limit is not None and len(found) >= limit:
        return found
    control: ColumnElement[Any] = (
        doc.control.expression
        if full_view(actor)
        else case((doc.held_by == actor.seat.value, doc.control), else_="")
    )
    found += s.execute(
        query.where(doc.first_series.is_(None))
        .order_by(
            func.coalesce(doc.exhibit, 0),
            control.collate("C") if postgres else control,
            doc.id,
        )
        .offset(max(0, offset - stamped))
        .limit(None if limit is None else limit - len(found))
    ).all()
    return found
