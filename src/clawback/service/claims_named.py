"""Which exhibit's claims a document names to a person: one rule for ``show`` and the catalog.

A document is of its own exhibit, or, an attachment with no number of its own, of its family
exhibit's (`access.exhibit_of`): the claims over that exhibit are the document's. They are
named to whoever may know of that exhibit; an attachment read under a family exhibit beyond
its reader names none of them (nor their items).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.service import access as access_rules
from clawback.service import lookup
from clawback.storage import tables as t


def claimed_under(s: Session, actor: Actor, docs: Iterable[t.Document]) -> dict[int, int]:
    """For each of ``docs`` (found through ``lookup`` or the access filter with ``actor``),
    by id, the exhibit whose claims it names to ``actor``; a document naming none is left
    out. A few queries for the lot, and the access rule asked once per family exhibit an
    attachment among them is of."""
    rows = list(docs)
    of = access_rules.exhibits_of(s, rows)
    own = {d.id: d.exhibit for d in rows if d.exhibit is not None}
    heads = {n for d, n in of.items() if own.get(d) != n}
    known = known_exhibits(s, actor, heads)
    return {d: n for d, n in of.items() if own.get(d) == n or n in known}


def known_exhibits(s: Session, actor: Actor, numbers: set[int]) -> set[int]:
    """Those of exhibits ``numbers`` ``actor`` may know of."""
    if not numbers:
        return set()
    heads = s.scalars(select(t.Document).where(t.Document.exhibit.in_(numbers))).all()
    return {
        d.exhibit
        for d in heads
        if d.exhibit is not None and lookup.allowed(s, actor, d, lookup.Need.know)
    }
