"""The claims listing: every claim a person may know of, as the notice tells it to them.

A claim is listed to a person who may know of one exhibit or one filed paper it names, with
only those exhibits and papers (``lookup.known_exhibits``, ``lookup.known_papers``), their items
(a filed paper's by pinpoint, never their words), its dated history (who moved it named only
to whoever may list them, else by their side), its FRE 502(b) lateness and the duties it
started.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.domain.pinpoints import FiledPaper
from clawback.service import access as access_rules
from clawback.service import claims as claim_service
from clawback.service import lookup, rows
from clawback.storage import tables as t


def listed(s: Session, actor: Actor) -> list[dict[str, Any]]:
    """``Claims.status`` in the read ``s``."""
    terms = claim_service.claim_terms(s)
    known = lookup.known_exhibits(s, actor)
    known_papers = lookup.known_papers(s, actor)
    papers: dict[str, FiledPaper] = {}
    sides = {p.email: p.side for p in s.scalars(select(t.Person))}
    out = []
    for row in s.scalars(select(t.Claim).order_by(t.Claim.id)).all():
        shown = [n for n in row.exhibits if n in known]
        dockets = [d for d in row.papers or () if d in known_papers]
        if not shown and not dockets:
            continue
        for docket in dockets:
            if docket not in papers:
                doc = s.scalar(select(t.Document).where(t.Document.docket == docket))
                assert doc is not None  # known_papers found it
                papers[docket] = rows.paper(s, doc)
        said = rows.exhibit_texts(s, shown)
        late = claim_service.lateness(s, row, terms)
        events = s.scalars(
            select(t.ClaimEvent).where(t.ClaimEvent.claim_id == row.id).order_by(t.ClaimEvent.id)
        ).all()
        duties = s.scalars(
            select(t.Deadline)
            .where(t.Deadline.claim_id == row.id)
            .order_by(t.Deadline.due, t.Deadline.id)
        ).all()
        rulings = s.scalars(
            select(t.Ruling).where(t.Ruling.claim_id == row.id).order_by(t.Ruling.id)
        ).all()
        named = {*row.items, *(i for r in rulings for i in r.items)}
        on_shown = _items_shown(s, actor, named, shown, dockets)
        items = s.scalars(
            select(t.Item)
            .where(t.Item.id.in_([i for i in row.items if i in on_shown]))
            .order_by(t.Item.id)
        ).all()
        out.append(
            {
                "claim": row.id,
                "privilege": row.privilege,
                # as the court writes them (12, "A"): a lettered exhibit's ordinal is a counter
                # every side shares, its gaps the lettered exhibits withheld from the reader
                "exhibits": [rows.as_written(n, said[n]) for n in shown],
                "exhibit_ids": [said[n] for n in shown],
                "papers": [papers[d].name for d in dockets],
                "state": row.state,
                "items": [
                    {"item": i.id, "what": i.what, **({"at": i.pinpoint} if i.pinpoint else {})}
                    for i in items
                ],
                "noticed_on": row.noticed_on.isoformat() if row.noticed_on else None,
                "late": str(late) if late else None,
                "history": [
                    {
                        "state": e.state,
                        "on": e.on.isoformat() if e.on else None,
                        # a person of the other side as their side (People.list's rule)
                        "by": lookup.named_to(actor, e.actor, sides) if e.actor else "",
                        # its words (the basis, a note, the court's reason) only where they
                        # name nothing the reader may not know of (`lookup.told_words`)
                        **{
                            key: lookup.told_words(s, actor, value, known, known_papers)
                            if isinstance(value, str)
                            else value
                            for key, value in (e.detail or {}).items()
                        },
                    }
                    for e in events
                ],
                "rulings": [
                    {
                        "result": r.result,
                        "on": r.on.isoformat() if r.on else None,
                        "items": [i for i in r.items if i in on_shown],
                        "reason": lookup.told_words(s, actor, r.reason, known, known_papers),
                    }
                    for r in rulings
                ],
                "duties": [
                    {
                        "act": lookup.deadline_told(s, actor, d, known).says,
                        "due": d.due.isoformat(),
                        "done_on": d.done_on.isoformat() if d.done_on else None,
                        "lifted": d.lifted,
                    }
                    for d in duties
                    if lookup.deadline_shown(s, actor, d, known)
                ],
            }
        )
    return out


def _items_shown(
    s: Session, actor: Actor, ids: set[str], shown: list[int], dockets: list[str]
) -> set[str]:
    """Those of ``ids`` that are items on the exhibits ``shown`` and the papers ``dockets``: on the
    exhibit's own document, or on an attachment of a family exhibit (it has no number of its
    own: `access.exhibit_of`) the actor may know of."""
    on = s.execute(
        select(t.Item.id, t.Document)
        .join(t.Document, t.Item.document_id == t.Document.id)
        .where(
            t.Item.id.in_(ids),
            or_(
                t.Document.exhibit.in_(shown),
                t.Document.docket.in_(dockets),
                and_(
                    t.Document.exhibit.is_(None),
                    t.Document.docket.is_(None),
                    t.Document.family.is_not(None),
                ),
            ),
        )
    ).all()
    return {
        item
        for item, doc in on
        if doc.exhibit is not None
        or doc.docket is not None
        or (
            access_rules.exhibit_of(s, doc) in shown
            and lookup.allowed(s, actor, doc, lookup.Need.know)
        )
    }
