"""Motions to seal and rulings on filed papers, in the record: the part of ``Sealing`` that
names papers by docket entry, through the same rules as exhibits (``domain.paper_seals``).

Each paper is found as the person asking may see it (a paper they may not see answers "no
filed paper", as one that does not exist); a ruling is entered once per paper and motion,
writes the deadlines it sets (a condition, the seal's end, the public version a party must
file) and refreshes the papers' access columns through the one access rule.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.domain.deadlines import compute
from clawback.domain.errors import NotFound, RuleViolation
from clawback.domain.order import Side
from clawback.domain.paper_seals import (
    PaperItem,
    PaperSealDecision,
    check_items,
    decide_papers,
    paper_name,
    public_version_act,
)
from clawback.domain.pinpoints import Pinpoint, docket_entry
from clawback.domain.seal_parts import Movant, SealPart
from clawback.domain.sealing import MotionToSeal
from clawback.service import access as access_rules
from clawback.service import lookup, rows
from clawback.storage import tables as t


def entries(papers: Sequence[str]) -> tuple[str, ...]:
    """The docket entries ``papers`` name ("ECF No. 118-2" -> "118-2"), parsed once, in order."""
    return tuple(dict.fromkeys(docket_entry(p) for p in papers))


def documents(s: Session, actor: Actor, papers: Sequence[str]) -> list[t.Document]:
    """Each paper's document, if ``actor`` may see it; else "no filed paper", as for none."""
    found = []
    for entry in papers:
        doc = s.scalar(select(t.Document).where(t.Document.docket == entry))
        if doc is None or not lookup.allowed(s, actor, doc):
            raise NotFound(f"no filed paper {paper_name(entry)}")
        found.append(doc)
    return found


def items(s: Session, docs: Sequence[t.Document]) -> dict[str, list[PaperItem]]:
    """The items of each paper (by docket entry) as a seal part needs them."""
    found: dict[str, list[PaperItem]] = {}
    for doc in docs:
        assert doc.docket is not None
        rows_ = s.scalars(
            select(t.Item).where(t.Item.document_id == doc.id).order_by(t.Item.id)
        ).all()
        found[doc.docket] = [
            PaperItem(
                i.id,
                Pinpoint.parse(i.pinpoint) if i.pinpoint else Pinpoint(page=i.page_idx + 1),
                i.page_idx,
                tuple(i.texts),
                i.what,
                i.whole_page,
            )
            for i in rows_
        ]
    return found


def names(papers: Sequence[str]) -> str:
    return ", ".join(paper_name(p) for p in papers)


def rule(
    s: Session,
    actor: Actor,
    motion: MotionToSeal,
    papers: Sequence[str],
    *,
    granted: bool,
    reason: str,
    on: date | None,
    unseal_on: date | None,
    part: SealPart | None,
    condition: str,
    condition_days: int | None,
    public_days: int | None,
    exhibit_items: Collection[str] = (),
) -> list[PaperSealDecision]:
    """Enter the court's ruling on ``papers`` of ``motion`` (its row already added), with the
    deadlines it sets; once per paper and motion. A part's items are the papers' (or
    ``exhibit_items``: of the exhibits ruled on with them)."""
    docs = documents(s, actor, papers)
    known = items(s, docs)
    if part is not None:
        mine = SealPart(items=tuple(i for i in part.items if i not in set(exhibit_items)))
        check_items(mine, [i for p in papers for i in known[p]], names(papers))
    held = set(
        s.scalars(
            select(t.PaperSealDecision.paper).where(
                t.PaperSealDecision.motion == motion.docket,
                t.PaperSealDecision.paper.in_(list(papers)),
            )
        )
    )
    if held:
        first = next(p for p in papers if p in held)
        raise RuleViolation(
            f"motion to seal Dkt. {motion.docket} was already ruled on as to {paper_name(first)}"
        )
    decisions = decide_papers(motion, papers, granted, reason, part, condition)
    decisions = [
        PaperSealDecision(
            d.paper,
            d.sealed,
            d.standard,
            d.reason,
            d.part,
            d.condition,
            unseal_on if d.sealed else None,
        )
        for d in decisions
    ]
    for d in decisions:
        s.add(
            t.PaperSealDecision(
                motion=motion.docket,
                paper=d.paper,
                sealed=d.sealed,
                standard=d.standard.value,
                reason=d.reason,
                unseal_on=d.unseal_on,
                part=d.part.as_data() if d.part else None,
                condition=d.condition or None,
            )
        )
    party = {Movant.receiving: "receiving", Movant.both: "both"}.get(
        motion.moved_by, Side.producing.value
    )
    source = f"order on the motion to seal, Dkt. {motion.docket}"
    state, closed = rows.matter(s).state, frozenset(rows.closures(s))

    def due(days: int, act: str, who: str | None = party) -> None:
        assert on is not None
        s.add(
            t.Deadline(
                act=act,
                due=compute(on, days, state=state, extra_holidays=closed),
                trigger=on,
                days=days,
                source=source,
                party=who,
                exhibits=[],
            )
        )

    sealed = [d for d in decisions if d.sealed]
    conditional = [d for d in sealed if d.condition]
    if condition_days is not None and conditional and on is not None:
        due(condition_days, condition.strip())
    if public_days is not None and on is not None:
        for d in sealed:
            if d.part is not None:
                due(public_days, public_version_act(d, known[d.paper]))
    if unseal_on is not None and sealed and on is not None:
        s.add(
            t.Deadline(
                act=f"file {names([d.paper for d in sealed])} on the public docket (its seal ends)",
                due=unseal_on,
                trigger=on,
                days=(unseal_on - on).days,
                source=source,
                exhibits=[],
            )
        )
    s.flush()
    access_rules.refresh(s, docs)
    return decisions
