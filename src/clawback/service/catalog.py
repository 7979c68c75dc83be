"""The documents a person may see, listed and filtered, and the way from page to page.

A listing carries only documents the actor may read (``lookup.allowed``), each as the actor may
know it: the slip sheet's words for a document withheld at production, a control number only
to the side that holds the document, the claims only the actor may know of. ``neighbours``
steps from a page to the previous and next page by Bates number among the pages the actor may
see (the same rule as SQL, ``service.access.visible``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.access import full_view
from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.counts import counted
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.refs import DocumentRef, ExhibitNamed, bates_number, document_ref
from clawback.service import access as access_rules
from clawback.service import knowledge, lookup, rows
from clawback.service.base import Service
from clawback.service.reads import SLIP_SHEET, _slip_sheet
from clawback.storage import tables as t

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

    @property
    def ref(self) -> str:
        """How the person names it: first Bates number, else exhibit, else control number."""
        if self.first is not None:
            return str(self.first)
        if self.exhibit is not None:
            return f"Ex. {self.exhibit_id or self.exhibit}"
        return str(self.control)


class Catalog(Service):
    def documents(
        self,
        *,
        bates: BatesRange | None = None,
        designation: str | None = None,
        family: str | None = None,
        claim: str | None = None,
    ) -> list[Listed]:
        """Every document the actor may see, in Bates (then control) order, filtered: pages in
        a Bates range, a designation (``none``: undesignated), a family, a claim's exhibits."""
        with self.ctx.transaction() as s:
            order = rows.protective_order(s) if s.get(t.Matter, 1) is not None else None
            named = designation not in (None, "", UNDESIGNATED)
            wanted_tier = order.tier(designation) if order and designation and named else None
            claimed: set[int] | None = None
            if claim:
                claimed = set(lookup.claim(s, self.actor, claim).exhibits)
            known = knowledge.known(s, self.actor)
            by_exhibit: dict[int, list[str]] = {}
            for c in known.claims:
                for n in c.exhibits:
                    by_exhibit.setdefault(n, []).append(c.id)
            listed = []
            for doc in s.scalars(select(t.Document).order_by(t.Document.id)).all():
                if not lookup.allowed(s, self.actor, doc):
                    continue
                if designation == UNDESIGNATED and doc.tier is not None:
                    continue
                if wanted_tier is not None and not (doc.tier and wanted_tier.matches(doc.tier)):
                    continue
                if family and doc.family != family:
                    continue
                if claimed is not None and doc.exhibit not in claimed:
                    continue
                item = self._listed(s, doc, by_exhibit)
                if bates is not None and not _overlaps(bates, item.first, item.last):
                    continue
                listed.append(item)
            self.ctx.audit(s, "read.list", counted(len(listed), "document"))
        return sorted(listed, key=_order)

    def _listed(self, s: Session, doc: t.Document, claims: dict[int, list[str]]) -> Listed:
        own = full_view(self.actor) or doc.held_by == self.actor.seat.value
        slip = _slip_sheet(s, doc) if not own else None
        numbers = s.scalars(
            select(t.Page.bates).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
        ).all()
        stamped = [b for b in numbers if b is not None]
        return Listed(
            exhibit=doc.exhibit,
            exhibit_id=doc.exhibit_id,
            control=doc.control if own else None,
            title=slip if slip is not None else doc.title,
            kind=SLIP_SHEET if slip is not None else doc.kind,
            family=doc.family if slip is None else None,
            parent=doc.parent,
            pages=doc.page_count,
            first=stamped[0] if stamped else None,
            last=stamped[-1] if stamped else None,
            designation=doc.tier,
            claims=tuple(claims.get(doc.exhibit, ())) if doc.exhibit is not None else (),
            sealed=doc.sealed,
        )

    def exhibit_ordinals(self, exhibits: Sequence[ExhibitId]) -> tuple[int, ...]:
        """The record's ordinals of exhibits named as the court writes them, for services that
        take ordinals: a plain number is its own; any other is looked up, and one the actor
        may not know of answers exactly as one that is not there ("no document Ex. A")."""
        found: list[int] = []
        with self.ctx.transaction() as s:
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
        with self.ctx.transaction() as s:
            doc = lookup.document(s, self.actor, document_ref(ref))
            found = s.scalars(
                select(t.Page.bates).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
            ).all()
            return [b for b in found if b is not None]

    def neighbours(self, bates: BatesNumber | str) -> tuple[BatesNumber | None, BatesNumber | None]:
        """The previous and next page by Bates number among those the actor may see."""
        number = bates_number(bates)
        with self.ctx.transaction() as s:
            lookup.page(s, self.actor, number)  # a page the actor may not see is not there
            doc = t.Document
            visible = (
                select(t.Page.bates)
                .join(doc, t.Page.document_id == doc.id)
                .where(access_rules.visible(self.actor, doc))
            )
            before = s.scalar(
                visible.where(t.Page.bates < number).order_by(t.Page.bates.desc()).limit(1)
            )
            after = s.scalar(visible.where(t.Page.bates > number).order_by(t.Page.bates).limit(1))
        return _same_series(number, before), _same_series(number, after)


def _same_series(here: BatesNumber, other: BatesNumber | None) -> BatesNumber | None:
    return other if other is not None and other.series == here.series else None


def _overlaps(wanted: BatesRange, first: BatesNumber | None, last: BatesNumber | None) -> bool:
    if first is None or last is None or first.series != wanted.first.series:
        return False
    return not (last < wanted.first or first > wanted.last)


def _order(item: Listed) -> tuple[int, str, int, str]:
    if item.first is not None:
        return (0, item.first.series, item.first.number, "")
    return (1, "", item.exhibit or 0, item.control or "")
