"""One page as the viewer shows it, in one read: its text, the document it belongs to (as
``show`` tells it), the pages of that document, the pages before and after it, its warnings,
the items the court sees claimed on it and the tiers of the protective order. The same rows the
separate reads give (``reads.page_text``, ``reads.show``, ``catalog.pages``,
``catalog.neighbours``, ``reads.page_warnings``, ``reads.claimed``), found once with the
person's access and audited as they are ("read.text", "show"), in one short write."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from clawback.domain.access import full_view
from clawback.domain.bates import BatesNumber
from clawback.domain.in_camera import ClaimedItem
from clawback.domain.order import order_from_data
from clawback.domain.refs import bates_number
from clawback.service import lookup
from clawback.service.base import Service
from clawback.service.catalog import neighbours_in, pages_of
from clawback.service.reads import Reads
from clawback.storage import tables as t


@dataclass(frozen=True)
class PageView:
    """What the page viewer shows of one page, as its person may see it."""

    bates: BatesNumber
    text: str
    document: dict[str, Any]
    pages: list[BatesNumber]
    before: BatesNumber | None
    after: BatesNumber | None
    warnings: list[str]
    claimed: list[ClaimedItem]
    tiers: list[str]

    @property
    def at(self) -> int | None:
        """The page's place in its document, from 1 (None for a page not in the list)."""
        return self.pages.index(self.bates) + 1 if self.bates in self.pages else None


class PageViews(Service):
    def page(self, bates: BatesNumber | str) -> PageView:
        """Page ``bates`` as the viewer shows it to this person; ``NotFound`` for a page they
        may not see, as every read answers."""
        number = bates_number(bates)
        reads = Reads(self.ctx)
        with self.ctx.reading() as s:
            doc, page = lookup.page(s, self.actor, number)
            self.ctx.audit(s, "read.text", str(number))
            text = page.text if full_view(self.actor) else page.redacted_text
            shown = reads.shown(s, doc)
            warnings = s.scalars(
                select(t.PageWarning.detail)
                .where(t.PageWarning.document_id == doc.id, t.PageWarning.page_idx == page.idx)
                .order_by(t.PageWarning.id)
            ).all()
            matter = s.get(t.Matter, 1)
            order = order_from_data(matter.order) if matter is not None else None
            before, after = neighbours_in(s, self.actor, number)
            return PageView(
                bates=number,
                text=text,
                document=shown,
                pages=pages_of(s, doc),
                before=before,
                after=after,
                warnings=list(warnings),
                claimed=reads.claimed_in(s, doc, number),
                tiers=[tier.short for tier in order.tiers] if order is not None else [],
            )
