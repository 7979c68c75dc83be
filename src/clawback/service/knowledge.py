"""The dispute as one actor may know it: exhibits, filed papers, claims, rulings and sealing
decisions cut to the exhibits and papers the actor may know of (``lookup.known_exhibits``,
``lookup.known_papers``), for the listings and drafts built from them (the privilege log, a
drafted order, the case summary); a family exhibit's attachments cut to the members the
actor may know of (`cut`), and a family's head is one only of members the actor may know of."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.access import full_view
from clawback.domain.actor import Actor
from clawback.domain.claims import Claim, Ruling
from clawback.domain.documents import Exhibit
from clawback.domain.pinpoints import FiledPaper
from clawback.domain.sealing import SealDecision
from clawback.service import access, lookup, rows
from clawback.storage import tables as t


@dataclass(frozen=True)
class Known:
    exhibits: list[Exhibit]
    claims: list[Claim]
    rulings: list[Ruling]
    seal_decisions: list[SealDecision]
    numbers: set[int]
    papers: list[FiledPaper] = field(default_factory=list)  # those the claims name
    dockets: set[str] = field(default_factory=set)


def known(s: Session, actor: Actor) -> Known:
    numbers = lookup.known_exhibits(s, actor)
    exhibits = cut(s, actor, [e for e in rows.exhibits(s) if e.number in numbers])
    claims = []
    found = rows.claims(s)
    dockets = lookup.known_papers(s, actor) if any(c.papers for c in found) else set()
    told = dockets if any(c.papers for c in found) else None  # for `lookup.told_words`
    for claim in found:
        shown = tuple(n for n in claim.exhibits if n in numbers)
        papers = tuple(d for d in claim.papers if d in dockets)
        if shown or papers:
            basis = lookup.told_words(s, actor, claim.basis, numbers, told)
            same = shown == claim.exhibits and papers == claim.papers and basis == claim.basis
            claims.append(
                claim if same else replace(claim, exhibits=shown, papers=papers, basis=basis)
            )
    named = {d for c in claims for d in c.papers}
    papers_known = [p for p in rows.papers(s) if p.docket in named] if named else []
    ids = {c.id for c in claims}
    rulings = [
        replace(r, reason=lookup.told_words(s, actor, r.reason, numbers, told))
        for r in rows.rulings(s)
        if r.claim in ids
    ]
    decisions = [
        replace(
            d,
            reason=lookup.told_words(s, actor, d.reason, numbers, told),
            condition=lookup.told_words(s, actor, d.condition, numbers, told),
        )
        for d in rows.seal_decisions(s)
        if d.exhibit in numbers
    ]
    return Known(exhibits, claims, rulings, decisions, numbers, papers_known, dockets)


def cut(s: Session, actor: Actor, exhibits: list[Exhibit]) -> list[Exhibit]:
    """``exhibits`` (each one the actor may know of) with only the attachments the actor may
    know of: a family exhibit's span and listing (``Exhibit.span``, ``listed``) reach the
    attachments' pages, and an order drafted for an employee cited "TST-00000001-004" where
    three of those pages were an attachment their tier withholds. An exhibit is of a family
    (``family``, which drafted orders and privilege logs group by) and heads one (``parent``)
    only of members the actor may know of (`access.shared_families`)."""
    shared = access.shared_families(s, actor, {e.family for e in exhibits})
    cut_down = []
    for e in exhibits:
        if e.family is not None and e.family not in shared:  # a family of one reads as none
            e = replace(e, family=None)
        if e.parent:
            e = replace(e, parent=_heads(s, actor, e.number))
        if e.attachments:
            doc = s.scalar(select(t.Document).where(t.Document.exhibit == e.number))
            assert doc is not None  # rows.exhibits read it
            members = rows.attachment_ranges(s, doc)
            known = [
                rng
                for member, rng in members.items()
                if lookup.allowed(s, actor, s.get_one(t.Document, member), lookup.Need.know)
            ]
            if len(known) < len(members):  # and only the items on what is left of it
                kept = (e.bates, *known)
                items = tuple(i for i in e.items if any(i.page in r for r in kept))
                e = replace(e, attachments=rows.ordered_ranges(known), items=items)
        cut_down.append(e)
    return cut_down


def _heads(s: Session, actor: Actor, number: int) -> bool:
    """Whether exhibit ``number`` (a family's head) heads any member the actor may know of: a
    head whose members are all withheld from them reads as a document with none."""
    doc = s.scalar(select(t.Document).where(t.Document.exhibit == number))
    if doc is None or doc.family is None:
        return False
    others = s.scalars(
        select(t.Document).where(t.Document.family == doc.family, t.Document.id != doc.id)
    )
    return any(lookup.allowed(s, actor, m, lookup.Need.know) for m in others)


def told_items(s: Session, actor: Actor) -> set[str] | None:
    """The ids of the items ``actor`` is told of (None: every one). An item is the producing
    side's preparation (and the court's) until a claim, a ruling or a seal of an exhibit in
    part names it: whoever reads documents as produced is told every item, anyone else only
    those named (as ``Reads.show`` lists them)."""
    if full_view(actor):
        return None
    named = {i for c in rows.claims(s) for i in c.items}
    named |= {i for r in rows.rulings(s) for i in r.items}
    named |= {i for d in rows.seal_decisions(s) if d.part is not None for i in d.part.items}
    return named
