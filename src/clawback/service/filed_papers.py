"""Filed papers in the record: a brief, a declaration, an expert report, a deposition excerpt, a
statement of facts or the court's own order, entered without Bates numbers and named by its
docket entry (``ECF No. 101-33``); its items addressed by pinpoint (``page 7, lines 3-9`` from
the pleading paper's line numbers, ``¶ 12``, or a page and the words there).

A filed paper is a document like any other (its pages kept with their text, its file in the
store), so every read goes through the one access rule: a paper lodged under seal answers as
absent to whoever may not see it. Its public version is made as the filing package makes a
paper's sealed in part (``paper_filing``): each item's words truly redacted, re-flowed, then
verified before writing. Its seal is that of ``paper_seals.governing``: the latest ruling on a
motion naming it (``Sealing.seal`` with ``papers``), else how it was lodged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain import claims as claim_rules
from clawback.domain.access import full_view
from clawback.domain.actor import Actor
from clawback.domain.counts import counted
from clawback.domain.errors import InvalidInput, NotFound, RuleViolation, naming
from clawback.domain.pinpoints import (
    FiledItem,
    FiledKind,
    FiledPaper,
    Pinpoint,
    docket_entry,
    filed_kind,
)
from clawback.domain.pleading_lines import TextLine, bullet_at, lines_at, paragraph_at
from clawback.domain.refs import ControlNumber, record_id
from clawback.domain.seats import Act
from clawback.service import access as access_rules
from clawback.service import control_names, lookup, rows
from clawback.service.base import Service
from clawback.service.context import Context
from clawback.service.designations import Designations
from clawback.service.ingest import Ingest
from clawback.storage import tables as t

__all__ = ["Entered", "FiledPapers", "as_read", "docket_entry", "text_lines", "words_at"]


@dataclass(frozen=True)
class Entered:
    """A paper entered (``new``) or found on the docket: its control number only for its
    holding side (and the operator and the court), as ``show`` gives it."""

    control: str | None
    paper: FiledPaper
    new: bool


class FiledPapers(Service):
    def enter(
        self,
        pdf: bytes,
        docket: str,
        kind: FiledKind | str,
        title: str = "",
        *,
        under_seal: bool = False,
        designation: str | None = None,
        filed_on: date | None = None,
        source: str | None = None,
    ) -> Entered:
        """Enter a filed paper: its pages and text kept, named by its docket entry, never
        Bates-numbered. ``under_seal``: lodged under seal (sealed until the court unseals it).
        ``designation``: the protective order's tier of what it quotes, given in the same
        transaction, so the paper never reaches anyone that tier does not admit.
        ``filed_on``: the day it was filed (FRE 502(b)'s clock for a claim over it).
        Entering an entry again changes nothing and answers with the paper there; where that
        paper is one this person may not see, the entry is refused as taken, in the same words
        whatever file is sent: the number is the docket's to tell, the paper is not.
        ``source``: the file's name as its sender gave it, said first in every refusal."""
        with naming(source):
            return self._enter(pdf, docket, kind, title, under_seal, designation, filed_on)

    def _enter(
        self,
        pdf: bytes,
        docket: str,
        kind: FiledKind | str,
        title: str,
        under_seal: bool,
        designation: str | None,
        filed_on: date | None,
    ) -> Entered:
        self.ctx.require(Act.ingest)
        if designation:
            self.ctx.require(Act.designate)
        entry = docket_entry(docket)
        paper_kind = filed_kind(kind) if isinstance(kind, str) else kind
        with self.ctx.reading() as s:
            if designation:
                rows.protective_order(s).tier(designation)  # a tier the order has, or refused
            held = s.scalar(select(t.Document).where(t.Document.docket == entry))
            if held is not None:
                if not lookup.allowed(s, self.actor, held):  # whatever file is sent
                    raise RuleViolation(f"ECF No. {entry} is already on the docket")
                named = control_names.named(self.actor, held)
                return Entered(named, self._paper(s, held), new=False)
        name = f"ECF No. {entry}"
        control = Ingest(self.ctx).ingest(
            pdf, title=title or name, kind=paper_kind.value, separate=True
        )
        with self.ctx.transaction() as s:
            doc = lookup.document(s, self.actor, ControlNumber(control))  # as the filer names it
            if doc.docket is not None or doc.exhibit is not None or doc.produced is not None:
                what = (doc.docket and f"ECF No. {doc.docket}") or control
                raise RuleViolation(f"{name}: this file is already in the record as {what}")
            doc.docket = entry
            doc.filed_kind = paper_kind.value
            doc.filed_under_seal = under_seal
            doc.filed_on = filed_on
            access_rules.refresh(s, [doc])
            self.ctx.audit(
                s,
                "paper.file",
                name,
                control=doc.control,
                under_seal=under_seal,
                filed_on=filed_on,
            )
            if designation:
                Designations(self.ctx).designate_in(s, doc, designation)
            return Entered(control, self._paper(s, doc), new=True)

    def paper(self, docket: str) -> FiledPaper:
        """The filed paper and its items, if this person may see it; else "no filed paper"."""
        with self.ctx.reading() as s:
            doc = self._document(s, docket)
            self.ctx.audit(s, "paper.read", f"ECF No. {doc.docket}")
            return self._paper(s, doc)

    def page_text(self, docket: str, page: int) -> str:
        """The text of page ``page`` (from 1) of a filed paper, as this person may read it: less
        the items a ruling granted and, while a claim over them is pending, the items it names,
        for whoever reads the redacted view (``service.access``); "no filed paper" for a paper
        they may not see."""
        with self.ctx.reading() as s:
            doc = self._document(s, docket)
            row = s.scalar(
                select(t.Page).where(t.Page.document_id == doc.id, t.Page.idx == page - 1)
            )
            if row is None:
                raise NotFound(f"ECF No. {doc.docket} has no page {page}")
            self.ctx.audit(s, "paper.read.text", f"ECF No. {doc.docket} page {page}")
            return row.text if full_view(self.actor) else row.redacted_text

    def copy(self, docket: str) -> bytes:
        """The paper as this person may see it: as filed for the court, the operator and the
        producing side; for anyone else less every item ``claimed_labels`` keeps from them,
        truly redacted and verified (``service.reads`` does the same for an exhibit)."""
        with self.ctx.reading() as s:
            doc = self._document(s, docket)
            pdf = self.ctx.files.get(doc.original)
            held = {} if full_view(self.actor) else claimed_labels(s, doc)
            items = self._items(s, doc, held)
            self.ctx.audit(s, "paper.read.copy", f"ECF No. {doc.docket}")
        if not items:
            return pdf
        return _redacted_view(self.ctx, pdf, items, held, f"ECF No. {doc.docket}")

    def page_image(self, docket: str, page: int, dpi: int = 72) -> bytes:
        """A PNG of page ``page`` (from 1) of the paper, as this person may see it (``copy``),
        traced when it goes to the receiving side."""
        from clawback.service import tracing

        if not 10 <= dpi <= 300:
            raise InvalidInput(f"dpi must be between 10 and 300, not {dpi}")
        pdf = self.copy(docket)
        with self.ctx.reading() as s:
            doc = self._document(s, docket)
            if not 1 <= page <= doc.page_count:
                raise NotFound(f"ECF No. {doc.docket} has no page {page}")
            mark = tracing.mark_for(self.actor, doc.held_by)
            subject = f"ECF No. {doc.docket} page {page}"
        png = tracing.picture(pdf, page - 1, dpi, mark, (), self.ctx.workspace.drawer)
        tracing.served(self.ctx, "paper.read.image", subject, png, mark, dpi=dpi)
        return png

    def item(
        self,
        docket: str,
        item_id: str,
        at: Pinpoint | str,
        what: str,
        texts: Sequence[str] = (),
    ) -> FiledItem:
        """Name an item of a filed paper by pinpoint: the lines a pleading page numbers, the
        paragraph by its number, or (``texts``) the words on the pinpoint's page."""
        self.ctx.require(Act.name_items)
        item_id = record_id("an item id", item_id)
        place = at if isinstance(at, Pinpoint) else Pinpoint.parse(at)
        with self.ctx.transaction() as s:
            doc = self._document(s, docket)
            name = f"ECF No. {doc.docket}"
            if s.get(t.Item, item_id) is not None:
                raise RuleViolation(f"item {item_id!r} is already in the record")
            pages = text_lines(self.ctx.files.get(doc.original))
            index, found = words_at(pages, place, texts, name)
            s.add(
                t.Item(
                    id=item_id,
                    document_id=doc.id,
                    page_idx=index,
                    what=what,
                    texts=list(found),
                    whole_page=place.whole_page and not texts,
                    pinpoint=str(place),
                )
            )
            self.ctx.audit(s, "paper.item", f"{name} {place}", item=item_id)
            return FiledItem(item_id, place, what, tuple(found))

    def seal(self, docket: str, sealed: bool = True) -> None:
        """The court seals (or unseals) a filed paper whole, as lodged, with no motion to rule
        on: withheld from whoever may not see sealed material, through the one access rule. Once
        a motion's ruling governs the paper (``Sealing.seal`` with ``papers``), that ruling is
        what seals it: changing it is another ruling, never this."""
        self.ctx.require(Act.seal)
        with self.ctx.transaction() as s:
            doc = self._document(s, docket)
            ruled = s.scalar(
                select(t.PaperSealDecision.motion)
                .where(t.PaperSealDecision.paper == doc.docket)
                .order_by(t.PaperSealDecision.id.desc())
                .limit(1)
            )
            if ruled is not None and doc.sealed != sealed:
                raise RuleViolation(
                    f"ECF No. {doc.docket}: its seal is ruled on (motion Dkt. {ruled}); "
                    f"rule again: seal DOCKET --paper {doc.docket}"
                )
            doc.filed_under_seal = sealed
            access_rules.refresh(s, [doc])
            self.ctx.audit(s, "paper.seal", f"ECF No. {doc.docket}", sealed=sealed)

    def public_version(
        self, docket: str, out: Path, items: Sequence[str] | None = None
    ) -> dict[str, Path]:
        """The paper's public, highlighted and sealed versions in ``out`` (``public/``,
        ``highlighted/``, ``sealed/``): its items' words (all, or ``items``) truly redacted
        and verified, through the path the filing package takes for a paper sealed in part
        (``paper_filing``). Whatever a claim keeps from the public (an item a ruling granted,
        or one a pending claim names) is redacted whichever ``items`` are chosen, its box
        labelled with the claim's basis. Made by a reader a claim keeps words from (anyone
        who does not read it as filed), each version is made from the paper as they have it
        (``copy``): the sealed one is no paper as lodged, and no version carries those words."""
        from clawback.domain.paper_seals import targets
        from clawback.domain.seal_parts import SealPart
        from clawback.service import delivery, paper_filing, paper_seals

        self.ctx.require(Act.file_brief)
        with self.ctx.reading() as s:
            doc = self._document(s, docket)
            assert doc.docket is not None
            known = paper_seals.items(s, [doc])[doc.docket]
            labels = claimed_labels(s, doc)
            chosen = [i for i in known if items is None or i.id in items or i.id in labels]
            unknown = sorted(set(items or ()) - {i.id for i in known})
            if unknown:
                raise NotFound(f"no item {unknown[0]!r} of ECF No. {doc.docket}")
            whole = full_view(self.actor)
            column = t.Page.text if whole else t.Page.redacted_text
            texts = list(
                s.scalars(select(column).where(t.Page.document_id == doc.id).order_by(t.Page.idx))
            )
            pdf = self.ctx.files.get(doc.original)
            entry = doc.docket
            # what a claim keeps from this reader: never in a version they are given
            held = [] if whole else self._items(s, doc, labels)
        if held:  # the versions made from the paper as they have it (`copy`), those boxed
            pdf = _redacted_view(self.ctx, pdf, held, labels, f"ECF No. {entry}")
            chosen = [i for i in chosen if i.id not in labels]
        self.ctx.check_targets(*(out / kind / f"ECF-{entry}.pdf" for kind in paper_filing.KINDS))
        made = paper_filing.versions(
            entry,
            pdf,
            texts,
            [
                replace(found, reads=labels.get(found.label, found.reads))
                for found in targets(SealPart(items=tuple(i.id for i in chosen)), chosen, texts)
            ],
            xray=True,
        )
        written: dict[str, Path] = {}
        with delivery.writing() as write, self.ctx.transaction() as s:
            for m in made:
                written[m.kind] = self.ctx.deliver(s, out / m.name, m.pdf)
                self.ctx.audit(
                    s,
                    "paper.public",
                    m.name,
                    sha256=hashlib.sha256(m.pdf).hexdigest(),
                    redactions=len(chosen),
                )
                write(written[m.kind], m.pdf)
        return written

    def _items(self, s: Session, doc: t.Document, ids: Iterable[str]) -> list[t.Item]:
        """The items of paper ``doc`` among ``ids``."""
        wanted = list(ids)
        if not wanted:
            return []
        found = select(t.Item).where(t.Item.document_id == doc.id, t.Item.id.in_(wanted))
        return list(s.scalars(found).all())

    def _document(self, s: Session, docket: str) -> t.Document:
        entry = docket_entry(docket)
        doc = s.scalar(select(t.Document).where(t.Document.docket == entry))
        if doc is None or not lookup.allowed(s, self.actor, doc):
            raise NotFound(f"no filed paper ECF No. {entry}")
        return doc

    def _paper(self, s: Session, doc: t.Document) -> FiledPaper:
        return as_read(self.actor, rows.paper(s, doc))


def as_read(actor: Actor, paper: FiledPaper) -> FiledPaper:
    """``paper`` as ``actor`` may have it: its items' words only for whoever reads it as filed
    (``domain.access.full_view``); anyone else has each item by its id, pinpoint and
    description, and reads the words (less what a claim keeps from them) in the page's text."""
    if full_view(actor):
        return paper
    return replace(paper, items=tuple(replace(i, texts=()) for i in paper.items))


def _redacted_view(
    ctx: Context, pdf: bytes, items: Sequence[t.Item], labels: dict[str, str], name: str
) -> bytes:
    """``pdf`` less the words of ``items``, each box reading its label; verified, and kept in
    the workspace's view cache by file and redactions as an exhibit's redacted view is."""
    from clawback.pdf.gate.verify import require_clean, verify
    from clawback.pdf.redaction.redact import WIDTH_POLICY, redact
    from clawback.service.filing import checked_texts, item_boxes

    redactions = [
        box
        for i in sorted(items, key=lambda i: i.id)
        for box in item_boxes(i.page_idx, labels[i.id], i.id, i.whole_page, None, i.texts)
    ]
    original = hashlib.sha256(pdf).hexdigest()
    key = (original, hashlib.sha256(repr(redactions).encode()).hexdigest())
    kept = ctx.workspace.views.get(key)
    if kept is not None:
        return kept
    result = redact(pdf, redactions, WIDTH_POLICY)
    secrets = [found for i in items for found in checked_texts(i.id, i.texts)]
    findings = verify(
        result.pdf,
        secrets,
        boxes=result.boxes,
        reflowed=result.reflowed,
        xray=False,
        original=pdf,
    )
    require_clean(findings, f"{name} (redacted view)")
    ctx.workspace.views.put(key, result.pdf)
    return result.pdf


def claimed_labels(s: Session, doc: t.Document) -> dict[str, str]:
    """The items of filed paper ``doc`` a claim keeps from the public, each with what its box
    reads: granted by the ruling in force, or named by a claim still pending."""
    claims = [c for c in rows.claims(s) if doc.docket in c.papers]
    if not claims or doc.docket is None:
        return {}
    effect = claim_rules.paper_effects(rows.papers(s), rows.exhibits(s), claims, rows.rulings(s))[
        doc.docket
    ]
    held = {
        i: claim_rules.BOX_LABELS[c.privilege]
        for c in reversed(claims)  # the first claim naming an item gives its label
        for i in c.items
        if i in effect.hidden
    }
    return {**held, **{i: effect.label(i) for i in effect.redact}}


def words_at(
    pages: Sequence[Sequence[TextLine]], place: Pinpoint, texts: Sequence[str], name: str
) -> tuple[int, tuple[str, ...]]:
    """The page (from 0) and the words an item at ``place`` names: the paragraph by its number,
    the lines a pleading page numbers, the page's bulleted line by its place among them, the
    page whole, or ``texts`` checked to be on the page."""
    if place.paragraph is not None:
        if texts:
            raise InvalidInput(f"{name} {place}: a paragraph is found by its number, not by words")
        return paragraph_at(place, pages, name)
    if place.bullet is not None and texts:
        raise InvalidInput(f"{name} at {place}: a bullet is found by its place, not by words")
    assert place.page is not None
    index = place.page - 1
    if index >= len(pages):
        raise NotFound(f"{name} has no page {place.page} ({counted(len(pages), 'page')})")
    if texts:
        found = tuple(texts)
    elif place.bullet is not None:
        found = bullet_at(place, pages[index], name)
    elif place.lines is None:  # "page 19": the page whole, every line of it
        found = tuple(" ".join(x.text.split()) for x in pages[index])
    else:
        found = lines_at(place, pages[index], name)
    if not found:
        raise NotFound(f"{name} at {place}: no text there to redact")
    page_text = " ".join(" ".join(x.text.split()) for x in pages[index])
    missing = [x for x in found if " ".join(x.split()) not in page_text]
    if missing:
        raise NotFound(f"{name} at {place}: {len(missing)} of the words not there")
    return index, found


def text_lines(pdf: bytes) -> list[list[TextLine]]:
    """Each page's lines of text with their places, as PyMuPDF reads them."""
    from clawback.pdf.files.document import open_pdf

    pages: list[list[TextLine]] = []
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            found: list[TextLine] = []
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", ()):
                    text = "".join(span["text"] for span in line["spans"])
                    x0, y0, _, y1 = line["bbox"]
                    if text.strip():
                        found.append(TextLine(x0, y0, y1, text))
            pages.append(found)
    return pages
