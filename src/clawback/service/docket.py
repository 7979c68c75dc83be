"""The docket as a person reads it: the filed papers they may see (``service.filed_papers``),
each by its docket entry, and a paper's pages one at a time, as the page viewer shows them.

A filed paper has no Bates numbers: its pages are named by the paper and a page number
(``ECF No. 101-33``, page 2), and the way on is the next or previous page of the same paper.
Every read finds the paper through the one access rule (``service.access.visible`` in the
listing's query, ``lookup.allowed`` for one paper), so a paper lodged under seal, or designated
beyond a person's tier, is to them not on the docket at all: not listed, not counted, and
"no filed paper" at its address, exactly as an entry that does not exist.

The items of a paper are drawn in place on its picture for whoever reads it as filed (the
operator, the court, the producing side: ``domain.access.full_view``); for anyone else the
picture is the paper as they may see it (``FiledPapers.copy``): less every item a claim keeps
from them, truly redacted, so the picture never shows what the text withholds; a page whose
text withholds something the copy still shows (nothing but a claim withholds from a paper
today) has no picture for them: it fails closed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.access import full_view
from clawback.domain.actor import Actor
from clawback.domain.counts import counted
from clawback.domain.errors import InvalidInput, NotFound
from clawback.domain.pinpoints import FiledItem, FiledPaper, docket_entry
from clawback.service import access as access_rules
from clawback.service import lookup, rows, tracing
from clawback.service.base import Service
from clawback.service.filed_papers import FiledPapers, as_read
from clawback.service.reads import Copy
from clawback.storage import tables as t

__all__ = ["Docket", "Docketed", "PaperPage"]


@dataclass(frozen=True)
class Docketed:
    """A filed paper as the docket lists it: the paper, whether it is under seal, its tier."""

    paper: FiledPaper
    sealed: bool
    designation: str | None


@dataclass(frozen=True)
class PaperPage:
    """One page of a filed paper as its person may read it, with the items drawn on it."""

    docketed: Docketed
    page: int  # from 1
    text: str
    drawn: tuple[FiledItem, ...]  # the items drawn in place on this person's picture

    @property
    def paper(self) -> FiledPaper:
        return self.docketed.paper

    @property
    def before(self) -> int | None:
        return self.page - 1 if self.page > 1 else None

    @property
    def after(self) -> int | None:
        return self.page + 1 if self.page < self.paper.pages else None


@dataclass(frozen=True)
class _Drawn:
    """Where an item is on its page, as ``tracing.picture`` draws it: its words."""

    texts: tuple[str, ...]
    rect: tuple[float, float, float, float] | None = None
    whole_page: bool = False


class Docket(Service):
    def papers(self) -> list[Docketed]:
        """Every filed paper this person may see, in docket order (101, 101-1, 101-33, 102),
        with its items; the access rule is in the query, so neither the list nor its length
        holds a paper they may not see."""
        with self.ctx.reading() as s:
            docs = s.scalars(
                select(t.Document).where(
                    t.Document.docket.is_not(None), access_rules.visible(self.actor)
                )
            ).all()
            items = _items(s, [d.id for d in docs])
            found = sorted(
                (_docketed(self.actor, d, items.get(d.id, [])) for d in docs),
                key=lambda x: _order(x.paper.docket),
            )
            self.ctx.audit(s, "paper.list", counted(len(found), "filed paper"))
        return found

    def page(self, docket: str, page: int) -> PaperPage:
        """Page ``page`` (from 1) of the filed paper ``docket``, as this person may read it."""
        with self.ctx.reading() as s:
            doc, row = self._page(s, docket, page)
            items = _items(s, [doc.id]).get(doc.id, [])
            docketed = _docketed(self.actor, doc, items)
            self.ctx.audit(s, "paper.read", f"{docketed.paper.name} page {page}")
            text = row.text if full_view(self.actor) else row.redacted_text
        return PaperPage(docketed, page, text, self._drawn(docketed, items, page))

    def page_image(self, docket: str, page: int, dpi: int = 72) -> bytes:
        """A PNG of one page of a filed paper as this person may see it, its items drawn for
        whoever reads it as filed; traced when it goes to a person copies are traced to."""
        if not 10 <= dpi <= 300:
            raise InvalidInput(f"dpi must be between 10 and 300, not {dpi}")
        pdf = FiledPapers(self.ctx).copy(docket)  # less what a claim keeps from this person
        with self.ctx.reading() as s:
            doc, row = self._page(s, docket, page)
            withheld = not full_view(self.actor) and row.redacted_text != row.text
            if withheld and pdf == self.ctx.files.get(doc.original):
                # the text withholds something no claim's redaction takes off the picture
                raise NotFound(f"no picture of page {page} of ECF No. {doc.docket}")
            items = _items(s, [doc.id]).get(doc.id, [])
            docketed = _docketed(self.actor, doc, items)
            mark = tracing.mark_for(self.actor, doc.held_by)
        drawn = [_Drawn(i.texts) for i in self._drawn(docketed, items, page) if i.texts]
        drawer = self.ctx.workspace.drawer
        png = tracing.picture(pdf, page - 1, dpi, mark, drawn, drawer)  # outside any lock
        subject = f"{docketed.paper.name} page {page}"
        tracing.served(self.ctx, "read.image", subject, png, mark, dpi=dpi)
        return png

    def public_copy(self, docket: str) -> Copy:
        """The paper's public version, every item truly redacted and verified
        (``FiledPapers.public_version``), for whoever may prepare it for filing."""
        entry = docket_entry(docket)
        with tempfile.TemporaryDirectory(prefix="clawback-paper-") as folder:
            made = FiledPapers(self.ctx).public_version(entry, Path(folder) / "out")
            return Copy(made["public"].name, made["public"].read_bytes())

    def _page(self, s: Session, docket: str, page: int) -> tuple[t.Document, t.Page]:
        entry = docket_entry(docket)
        doc = s.scalar(select(t.Document).where(t.Document.docket == entry))
        if doc is None or not lookup.allowed(s, self.actor, doc):
            raise NotFound(f"no filed paper ECF No. {entry}")
        row = s.scalar(select(t.Page).where(t.Page.document_id == doc.id, t.Page.idx == page - 1))
        if row is None:
            raise NotFound(
                f"ECF No. {entry} has no page {page} ({counted(doc.page_count, 'page')})"
            )
        return doc, row

    def _drawn(
        self, docketed: Docketed, items: Sequence[t.Item], page: int
    ) -> tuple[FiledItem, ...]:
        """The items on ``page`` (a paragraph's: where its words were found) drawn for this
        person: all of them for whoever reads the paper as filed, none for anyone else."""
        if not full_view(self.actor):
            return ()
        here = {i.id for i in items if i.page_idx == page - 1}
        return tuple(i for i in docketed.paper.items if i.id in here)


def _items(s: Session, ids: Sequence[int]) -> dict[int, list[t.Item]]:
    found: dict[int, list[t.Item]] = {}
    if not ids:
        return found
    query = select(t.Item).where(t.Item.document_id.in_(list(ids))).order_by(t.Item.id)
    for item in s.scalars(query):
        found.setdefault(item.document_id, []).append(item)
    return found


def _docketed(actor: Actor, doc: t.Document, items: Sequence[t.Item]) -> Docketed:
    return Docketed(as_read(actor, rows.paper_of(doc, items)), doc.sealed, doc.tier)


def _order(entry: str) -> tuple[int, ...]:
    """``101`` before ``101-1`` before ``101-33`` before ``102``."""
    return tuple(int(part) for part in entry.split("-"))
