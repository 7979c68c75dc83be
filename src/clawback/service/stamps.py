"""A document's Bates numbers as its row keeps them: its first and last stamped pages' numbers
and the first's series and number, so that a listing orders and filters documents without
reading their pages (``service.catalog``).

``refresh`` is called by every writer of a page's Bates number, in the same transaction, once
the pages hold their new numbers: a volume produced (``service.production``) or released
(withdrawn or renumbered), a received volume imported (``service.received``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.bates import BatesNumber
from clawback.storage import tables as t


def refresh(s: Session, docs: Sequence[t.Document]) -> None:
    """Set each of ``docs``' stamp columns from its pages as they now stand in ``s``."""
    if not docs:
        return
    s.flush()
    numbered: dict[int, list[BatesNumber]] = {d.id: [] for d in docs}
    for doc_id, number in s.execute(
        select(t.Page.document_id, t.Page.bates)
        .where(t.Page.document_id.in_(numbered), t.Page.bates.is_not(None))
        .order_by(t.Page.document_id, t.Page.idx)
    ):
        if number is not None:
            numbered[doc_id].append(number)
    for doc in docs:
        stamp(doc, numbered[doc.id])


def stamp(doc: t.Document, numbers: Sequence[BatesNumber]) -> None:
    """Set ``doc``'s stamp columns from its pages' Bates numbers in page order (none: unset)."""
    first = numbers[0] if numbers else None
    doc.first_bates = first
    doc.last_bates = numbers[-1] if numbers else None
    doc.first_series = first.series if first is not None else None
    doc.first_number = first.number if first is not None else None
