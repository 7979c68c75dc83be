"""The dispute as one actor may know it: exhibits, filed papers, claims, rulings and sealing
decisions cut to the exhibits and papers the actor may know of (``lookup.known_exhibits``,
``lookup.known_papers``), for the listings and drafts built from them (the privilege log, a
drafted order, the case summary)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.domain.claims import Claim, Ruling
from clawback.domain.documents import Exhibit
from clawback.domain.pinpoints import FiledPaper
from clawback.domain.sealing import SealDecision
from clawback.service import lookup, rows


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
    exhibits = [e for e in rows.exhibits(s) if e.number in numbers]
    claims = []
    found = rows.claims(s)
    dockets = lookup.known_papers(s, actor) if any(c.papers for c in found) else set()
    for claim in found:
        shown = tuple(n for n in claim.exhibits if n in numbers)
        papers = tuple(d for d in claim.papers if d in dockets)
        if shown or papers:
            same = shown == claim.exhibits and papers == claim.papers
            claims.append(claim if same else replace(claim, exhibits=shown, papers=papers))
    named = {d for c in claims for d in c.papers}
    papers_known = [p for p in rows.papers(s) if p.docket in named] if named else []
    ids = {c.id for c in claims}
    rulings = [r for r in rows.rulings(s) if r.claim in ids]
    decisions = [d for d in rows.seal_decisions(s) if d.exhibit in numbers]
    return Known(exhibits, claims, rulings, decisions, numbers, papers_known, dockets)
