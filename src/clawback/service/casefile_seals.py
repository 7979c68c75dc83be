"""The rulings on filed papers as a case file's ``seals`` entries, written back on export.

A motion's papers may have been ruled on in several calls (one paper whole, another in part):
each set of papers ruled alike (sealed or not, the same reason, part, condition and end) is one
entry, so that loading the entries rules each paper as it was ruled. A stock reason (what
``paper_seals.decide_papers`` says when the court gave none) is left out, as for exhibits; the
days of a condition and of a public version are read back from the deadlines the ruling set.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.casefile import SealEntry
from clawback.domain.paper_seals import PaperSealDecision, public_version_act
from clawback.domain.seal_parts import MotionForm, Movant, SealPart, SealRequest
from clawback.domain.sealing import MotionKind, Standard
from clawback.service import paper_seals
from clawback.storage import tables as t

_STOCK = ("shown for sealing", "not shown")
_STOCK_UNSEAL = ("unsealed", "the seal stays in place")


def paper_seal_entries(s: Session, motion: t.SealMotion) -> list[SealEntry]:
    """The entries that rule ``motion``'s papers as the record has them ruled."""
    rows_ = s.scalars(
        select(t.PaperSealDecision)
        .where(t.PaperSealDecision.motion == motion.docket)
        .order_by(t.PaperSealDecision.id)
    ).all()
    if not rows_:
        return []
    unseal = motion.request == SealRequest.unseal.value
    groups: dict[tuple[Any, ...], list[t.PaperSealDecision]] = {}
    for r in rows_:
        key = (r.sealed, r.reason, r.unseal_on, json.dumps(r.part, sort_keys=True), r.condition)
        groups.setdefault(key, []).append(r)
    source = f"order on the motion to seal, Dkt. {motion.docket}"
    due = {
        d.act: d.days
        for d in s.scalars(select(t.Deadline).where(t.Deadline.source == source)).all()
    }
    docs = s.scalars(
        select(t.Document).where(t.Document.docket.in_([r.paper for r in rows_]))
    ).all()
    items = paper_seals.items(s, docs)
    found = []
    for ruled in groups.values():
        first = ruled[0]
        granted = not first.sealed if unseal else first.sealed
        standard = first.standard.replace("_", " ")
        stock = _STOCK_UNSEAL if unseal else tuple(f"{standard} {w}" for w in _STOCK)
        part = SealPart.from_data(first.part)
        condition = first.condition or ""
        decision = PaperSealDecision(
            first.paper, first.sealed, Standard(first.standard), first.reason, part
        )
        public_act = public_version_act(decision, items.get(first.paper, ()))
        found.append(
            SealEntry(
                docket=motion.docket,
                exhibits=(),
                papers=tuple(r.paper for r in ruled),
                kind=MotionKind(motion.kind),
                granted=granted,
                on=motion.ruled_on,
                joint=motion.joint,
                reason="" if first.reason in stock else first.reason,
                unseal_on=first.unseal_on,
                movant=Movant(motion.movant) if motion.movant else None,
                unseal=unseal,
                in_part=part,
                condition=condition,
                condition_days=due.get(condition) if condition else None,
                public_days=due.get(public_act) if part is not None else None,
                form=MotionForm(motion.form),
            )
        )
    return found
