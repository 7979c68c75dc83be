"""Giving a volume up: an open one abandoned (its numbers free again), a produced one withdrawn
(its numbers retired). Either way its documents lose the numbers and stamped files it gave
them, and the volume stays on record in its new state with the reason. ``Productions.abandon``
and ``Productions.withdraw`` check the seat and call ``TakeBack.take_back``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.errors import InvalidInput, RuleViolation
from clawback.pdf.shows.extract import read_pages
from clawback.service import access as access_rules
from clawback.service import lookup, rows, stamps
from clawback.service.base import Service
from clawback.storage import tables as t


@dataclass(frozen=True)
class TakeBackWay:
    """A way a volume is given up: from which state, to which, how it is audited."""

    doing: str
    state: str
    said: str
    becomes: str
    action: str
    refuse_cited: bool


#: An open volume never delivered: its numbers free again.
ABANDON = TakeBackWay("abandoning", "open", "open", "abandoned", "produce.abandon", False)
#: A produced volume taken back: its numbers retired (``volume_numbers`` keeps them).
WITHDRAW = TakeBackWay("withdrawing", "complete", "produced", "withdrawn", "produce.withdraw", True)


class TakeBack(Service):
    def take_back(self, volume: str, reason: str, way: TakeBackWay) -> int:
        """Abandon or withdraw ``volume``: its documents released (`_release`), the volume
        kept on record in its new state with the reason, audited."""
        if not reason.strip():
            raise InvalidInput(f"{way.doing} a volume needs a reason")
        with self.ctx.transaction() as s:
            production = lookup.volume(s, self.actor, volume)
            if production.state != way.state:
                raise RuleViolation(f"volume {volume} is {production.state}, not {way.said}")
            if way.refuse_cited:
                _refuse_cited(s, production)
            docs = self._release(s, production)
            production.state = way.becomes
            production.plan = {**production.plan, way.becomes: reason}
            self.ctx.audit(
                s,
                way.action,
                f"{production.first}-{production.last}",
                volume=volume,
                documents=len(docs),
                reason=reason,
            )
            return len(docs)

    def _release(self, s: Session, production: t.Production) -> Sequence[t.Document]:
        """A volume's documents without its numbers and stamped files, their page text back
        from the file as ingested, access refreshed."""
        docs = s.scalars(select(t.Document).where(t.Document.production == production.id)).all()
        for doc in docs:
            texts = [p.text for p in read_pages(self.ctx.files.get(doc.original))]
            pages = s.scalars(select(t.Page).where(t.Page.document_id == doc.id)).all()
            for page in pages:
                page.bates = None
                page.text = texts[page.idx]
            doc.produced = None
            doc.production = None
        stamps.refresh(s, docs)
        access_rules.refresh(s, list(docs))
        return docs


def _refuse_cited(s: Session, production: t.Production) -> None:
    """A volume is not withdrawn from under a claim, an item, a seal ruling or a challenge
    resting on one of its documents."""
    docs = s.scalars(select(t.Document).where(t.Document.production == production.id)).all()
    ids = {d.id for d in docs}
    exhibits = {d.exhibit for d in docs if d.exhibit is not None}
    named = [
        rows.label(d)
        for d in docs
        if s.scalar(select(t.Item.id).where(t.Item.document_id == d.id).limit(1)) is not None
        or s.scalar(select(t.Challenge.id).where(t.Challenge.document_id == d.id).limit(1))
        is not None
    ]
    for claim in s.scalars(select(t.Claim)).all():
        named += [f"Ex. {n} (claim {claim.id})" for n in claim.exhibits if n in exhibits]
    for exhibit in s.scalars(select(t.SealDecision.exhibit)).all():
        if exhibit in exhibits:
            named.append(f"Ex. {exhibit} (a seal ruling)")
    if named and ids:
        raise RuleViolation(
            f"volume {production.volume} cannot be withdrawn: {', '.join(sorted(set(named)))} "
            "rest on its pages"
        )
