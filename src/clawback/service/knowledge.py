"""The dispute as one actor may know it: exhibits, claims, rulings and sealing decisions cut to
the exhibits the actor may know of (``lookup.known_exhibits``), for the listings and drafts
built from them (the privilege log, a drafted order, the case summary)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.domain.claims import Claim, Ruling
from clawback.domain.documents import Exhibit
from clawback.domain.sealing import SealDecision
from clawback.service import lookup, rows


@dataclass(frozen=True)
class Known:
    exhibits: list[Exhibit]
    claims: list[Claim]
    rulings: list[Ruling]
    seal_decisions: list[SealDecision]
    numbers: set[int]


def known(s: Session, actor: Actor) -> Known:
    numbers = lookup.known_exhibits(s, actor)
    exhibits = [e for e in rows.exhibits(s) if e.number in numbers]
    claims = []
    for claim in rows.claims(s):
        shown = tuple(n for n in claim.exhibits if n in numbers)
        if shown:
            claims.append(claim if shown == claim.exhibits else replace(claim, exhibits=shown))
    ids = {c.id for c in claims}
    rulings = [r for r in rows.rulings(s) if r.claim in ids]
    decisions = [d for d in rows.seal_decisions(s) if d.exhibit in numbers]
    return Known(exhibits, claims, rulings, decisions, numbers)
