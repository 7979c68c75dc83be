"""Production: number documents' pages in Bates order and stamp each page with its Bates
number and designation legend."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.errors import RuleViolation
from clawback.domain.order import Side
from clawback.pdf.stamp import stamp
from clawback.pdf.verify import require_clean, verify
from clawback.service import record
from clawback.service.base import WorkspaceBase
from clawback.storage import tables as t


class Productions(WorkspaceBase):
    def produce(
        self, refs: Sequence[str | int], start: str, volume: str, on: date | None = None
    ) -> BatesRange:
        """Number the documents' pages from ``start`` and stamp each page with its Bates number
        and designation legend, in a band below the content; returns the volume's range."""
        self._require(Side.producing, act="produce documents")
        first = BatesNumber.parse(start)
        with self.transaction() as s:
            order = record.protective_order(s)
            docs = [record.document(s, r) for r in refs]
            next_number = first
            for doc in docs:
                if doc.produced:
                    raise RuleViolation(f"{record.label(doc)} was already produced")
                tier = s.scalar(
                    select(t.Designation.tier)
                    .where(t.Designation.document_id == doc.id)
                    .order_by(t.Designation.id.desc())
                )
                legend = order.legend(tier) if tier else ""
                pages = s.scalars(
                    select(t.Page).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
                ).all()
                labels = []
                for page in pages:
                    number = str(next_number)
                    if s.scalar(select(t.Page.id).where(t.Page.bates == number)):
                        raise RuleViolation(f"Bates number {number} is already used")
                    page.bates = number
                    labels.append((number, legend))
                    next_number = next_number + 1
                stamped = stamp(self.files.get(doc.original), labels)
                checked = verify(stamped, (), expected_labels=labels, xray=False)
                require_clean(checked, f"{volume}: {record.label(doc)}")
                doc.produced = self._store(s, stamped, "application/pdf", doc.original, "produce")
            last = next_number + -1
            production = t.Production(
                volume=volume, first=str(first), last=str(last), produced_on=on
            )
            s.add(production)
            s.flush()
            for doc in docs:
                doc.production = production.id
            span = BatesRange(first, last)
            self._audit(s, "produce", str(span), volume=volume, documents=len(docs))
            return span
