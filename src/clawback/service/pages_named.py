"""Whether words a person wrote into the record name a page or a document by a number the
reader may not be told: a Bates number or range of a page beyond them, or a control number
they are not given (`control_names`). `lookup.told_words` reads exhibits and filed papers as an
order names them; this reads the numbers a claim's basis or a court's reason cites pages by
("the codes at TST-00000005", "TST-00000005 - 09", "DEF-000123")."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.domain.bates import BatesError, BatesRange
from clawback.domain.citations import find_citations
from clawback.service import control_names
from clawback.storage import tables as t

#: A word that may be a control number (``DEF-000123``, ``RCV-000002``).
_CONTROL = re.compile(r"\b[A-Za-z][A-Za-z0-9]*-[0-9]{3,}\b")
#: The documents one range may name before the words are withheld whole, unread further.
MOST_DOCUMENTS = 2_000
#: The candidate control numbers read from one text.
MOST_CONTROLS = 200


#: Whether the reader may know of a document (``lookup.allowed`` with ``Need.know``).
Known = Callable[[t.Document], bool]


def beyond(s: Session, actor: Actor, words: str, known: Known) -> bool:
    """Whether ``words`` cite a page of a document ``actor`` may not know of (``known``) by its
    Bates number, or name a document by a control number ``actor`` is not given. Words with
    no digit name neither and are not looked up (most of what people write: no query on the
    listings' path)."""
    if not any(c.isdigit() for c in words):
        return False
    return _pages_beyond(s, words, known) or _controls_beyond(s, actor, words)


def _pages_beyond(s: Session, words: str, known: Known) -> bool:
    firsts = s.scalars(select(t.Production.first)).all()
    prefixes = sorted({first.prefix for first in firsts if first is not None})
    try:
        citations = find_citations(words, prefixes)
    except BatesError:
        return False
    for citation in citations:
        for span in citation.ranges:
            docs = _documents_in(s, span)
            if docs is None or not all(known(d) for d in docs):
                return True
    return False


def _documents_in(s: Session, span: BatesRange) -> list[t.Document] | None:
    """The documents holding a page of ``span`` (None: more than `MOST_DOCUMENTS`)."""
    series, low, high = span.series, span.first.number, span.last.number
    listed = t.Document.first_series == series
    before = s.scalar(
        select(t.Document)
        .where(listed, t.Document.first_number <= low)
        .order_by(t.Document.first_number.desc())
        .limit(1)
    )
    inside = s.scalars(
        select(t.Document)
        .where(listed, t.Document.first_number > low, t.Document.first_number <= high)
        .limit(MOST_DOCUMENTS + 1)
    ).all()
    if len(inside) > MOST_DOCUMENTS:
        return None
    docs = list(inside)
    if before is not None and before.last_bates is not None and before.last_bates.number >= low:
        docs.append(before)
    return docs


def _controls_beyond(s: Session, actor: Actor, words: str) -> bool:
    candidates = list(dict.fromkeys(_CONTROL.findall(words)))[:MOST_CONTROLS]
    if not candidates:
        return False
    for doc in s.scalars(select(t.Document).where(t.Document.control.in_(candidates))):
        if control_names.named(actor, doc) != doc.control:
            return True
    return False
