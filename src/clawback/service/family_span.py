"""A family exhibit as it is filed: its whole span.

An e-mail produced with attachments that carry no exhibit number of their own is one exhibit
(``Exhibit.span``: the e-mail's first page to its last attachment's last, BEGATTACH..ENDATTACH),
as an order cites it and as a seal, a claim and a ruling reach it. What the court lodges or
the public docket shows of it is that span, in Bates order: the e-mail's pages, then each
attachment's. The span must run without a gap: an attachment produced away from its e-mail
(in another volume, after other documents) leaves no single run of pages to file, and the
filing is refused in one line rather than lodged short.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

import pymupdf
from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.documents import Exhibit
from clawback.domain.errors import RuleViolation
from clawback.service import rows
from clawback.storage import tables as t


@dataclass(frozen=True)
class Span:
    """An exhibit to file: the exhibit (a family one with its span as its own Bates range),
    and each document whose pages it runs through, with how many of them it files."""

    exhibit: Exhibit
    parts: tuple[tuple[t.Document, int], ...]

    def texts(self, s: Session) -> list[str]:
        """The page texts of the span, in order; a lone document's every page, as before."""
        if len(self.parts) == 1:
            doc = self.parts[0][0]
            query = select(t.Page.text).where(t.Page.document_id == doc.id)
            return list(s.scalars(query.order_by(t.Page.idx)).all())
        found: list[str] = []
        for doc, count in self.parts:
            query = select(t.Page.text).where(t.Page.document_id == doc.id, t.Page.idx < count)
            found += s.scalars(query.order_by(t.Page.idx)).all()
        return found

    def pdf(self, read: Callable[[str], bytes]) -> bytes:
        """The PDF to file: a lone document's original; a family's originals joined."""
        if len(self.parts) == 1:
            return read(self.parts[0][0].original)
        with pymupdf.open() as joined:
            for doc, count in self.parts:
                with pymupdf.open(stream=read(doc.original), filetype="pdf") as part:
                    joined.insert_pdf(part, from_page=0, to_page=count - 1)
            return bytes(joined.tobytes())


def span(s: Session, exhibit: Exhibit, doc: t.Document) -> Span:
    """``exhibit`` (of ``doc``) as it is filed. Refused when its attachments leave a gap."""
    if not exhibit.attachments:
        return Span(exhibit, ((doc, len(exhibit.bates)),))
    members = rows.attachment_ranges(s, doc)
    ordered = sorted(members.items(), key=lambda m: (m[1].first.series, m[1].first.number))
    parts = [(doc, exhibit.bates)] + [(s.get_one(t.Document, m), r) for m, r in ordered]
    for (_, before), (_, after) in pairwise(parts):
        last = before.last
        if after.first.series != last.series or after.first.number != last.number + 1:
            raise RuleViolation(
                f"{exhibit.name} runs {exhibit.span}, but its attachments are not produced "
                f"next to it ({before.last}, then {after.first}): no one run of pages to file"
            )
    whole = replace(exhibit, bates=exhibit.span, attachments=())
    return Span(whole, tuple((d, len(r)) for d, r in parts))
