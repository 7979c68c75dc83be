"""Reading the record, as the person reading it may: a document, a page's text or picture, a
search, an export. Every read finds what it reads through ``service.lookup`` with the actor,
so what a person may not see answers exactly as what does not exist."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from clawback.domain import claims as claim_rules
from clawback.domain import in_camera
from clawback.domain import search as search_language
from clawback.domain.access import full_view, sees_everything
from clawback.domain.bates import BatesNumber
from clawback.domain.counts import counted
from clawback.domain.documents import Exhibit
from clawback.domain.errors import ClawbackError, InvalidInput, NotFound
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.in_camera import ClaimedItem
from clawback.domain.refs import DocumentRef, bates_number, document_ref
from clawback.service import access as access_rules
from clawback.service import (
    claims_named,
    control_names,
    delivery,
    knowledge,
    lookup,
    rows,
    search,
    tracing,
)
from clawback.service.base import Service
from clawback.service.received_names import hidden_names, taken_out_of, unnamed
from clawback.service.search import Hit, Hits
from clawback.storage import tables as t

#: Longest search, in characters: a longer one is refused, not sent to the database.
MAX_QUERY = 500
#: Most hits one search returns at once (page on with ``offset``).
MAX_LIMIT = 1000
#: Furthest a search pages on: beyond it a database's integer overflows, and no case is near.
MAX_OFFSET = 2**31 - 1
SLIP_SHEET = "slip sheet"


@dataclass(frozen=True)
class _View:
    """A person's version of a document: the produced file (its SHA-256) less ``redactions``
    (none: the file as produced), checked for ``secrets``, and named ``label`` if it fails."""

    produced: str
    redactions: list[Any] = field(default_factory=list)
    secrets: list[tuple[str, str]] = field(default_factory=list)
    label: str = ""
    #: without the files it carries inside it (a received record's, taken out: see `_view`)
    unpacked: bool = False

    @property
    def identity(self) -> str:
        """Names the version's bytes exactly: the file, the files taken out of it, and every
        redaction made to it."""
        if not self.redactions and not self.unpacked:
            return self.produced
        made = hashlib.sha256(repr((self.redactions, self.unpacked)).encode()).hexdigest()
        return f"{self.produced}-{made}"


@dataclass(frozen=True)
class Copy:
    """A document as handed out: its file name and its bytes."""

    name: str
    pdf: bytes


class Reads(Service):
    """Every read checks access first: what a person may not see is, to them, not there."""

    def page_text(self, bates: BatesNumber | str) -> str:
        """The text of one produced page, as this person may read it."""
        bates = bates_number(bates)
        with self.ctx.reading() as s:
            _, page = lookup.page(s, self.actor, bates)
            self.ctx.audit(s, "read.text", str(bates))
            return page.text if full_view(self.actor) else page.redacted_text

    def page_image(self, bates: BatesNumber | str, dpi: int = 72) -> bytes:
        """A PNG of one produced page (a thumbnail at a low dpi), as this person may see it;
        traced when it goes to the receiving side (``service.tracing``)."""
        bates = bates_number(bates)
        if not 10 <= dpi <= 300:
            raise InvalidInput(f"dpi must be between 10 and 300, not {dpi}")
        with self.ctx.reading() as s:
            doc, page = lookup.page(s, self.actor, bates)
            if page.idx > 0 and _slip_sheet(s, doc) is not None:
                # the slip sheet is one page keeping the document's whole Bates range
                raise NotFound(
                    f"no picture of page {bates}: {counted(doc.page_count, 'page')} withheld"
                )
            view = self._view(s, doc)
            mark = tracing.mark_for(self.actor, doc.held_by)
            index = page.idx
            claimed = [c.item for c in self.claimed_in(s, doc, bates)]
        source = tracing.Source(view.identity, lambda: self._made(view))
        drawer = self.ctx.workspace.drawer
        png = tracing.picture(source, index, dpi, mark, claimed, drawer)  # outside any lock
        tracing.served(self.ctx, "read.image", str(bates), png, mark, dpi=dpi)
        return png

    def claimed(self, bates: BatesNumber | str) -> list[ClaimedItem]:
        """The claimed items this person's picture of page ``bates`` shows in place: for the
        court, every item a claim names on the page (``domain.in_camera``); for anyone else,
        none."""
        bates = bates_number(bates)
        with self.ctx.reading() as s:
            doc, _ = lookup.page(s, self.actor, bates)
            return self.claimed_in(s, doc, bates)

    def claimed_in(self, s: Session, doc: t.Document, bates: BatesNumber) -> list[ClaimedItem]:
        """``claimed`` in the read ``s``, of a document found through ``lookup``."""
        if not in_camera.marks_claimed(self.actor):
            return []
        head = doc if doc.exhibit is not None else access_rules.family_head(s, doc)
        if head is None:  # an attachment's items are its family exhibit's
            return []
        return in_camera.claimed_on(rows.exhibit(s, head), rows.claims(s), bates)

    def download(self, ref: DocumentRef | int | str) -> Copy:
        """One document as a PDF, in the version this person may see, traced when it goes
        to the receiving side (``service.tracing``)."""
        with self.ctx.reading() as s:
            doc = lookup.document(s, self.actor, document_ref(ref))
            pdf = self._version(s, doc)
            mark = tracing.mark_for(self.actor, doc.held_by)
            name = self._file_name(s, doc)
        pdf = tracing.marked(pdf, mark)
        tracing.served(self.ctx, "download", name.removesuffix(".pdf"), pdf, mark)
        return Copy(name, pdf)

    def page_warnings(self, ref: DocumentRef | int | str) -> list[str]:
        """The warnings on a received document's pages (a Bates number: that page's only), as
        this person may see the document."""
        wanted = document_ref(ref)
        with self.ctx.reading() as s:
            doc = lookup.document(s, self.actor, wanted)
            query = select(t.PageWarning).where(t.PageWarning.document_id == doc.id)
            if isinstance(wanted, BatesNumber):
                index = s.scalar(
                    select(t.Page.idx).where(t.Page.document_id == doc.id, t.Page.bates == wanted)
                )
                query = query.where(t.PageWarning.page_idx == index)
            found = s.scalars(query.order_by(t.PageWarning.page_idx, t.PageWarning.id)).all()
            return [row.detail for row in found]

    def partial_reads(self) -> list[tuple[str, str]]:
        """Each document of this person's own side's collection that they may see and whose
        file ingest could not read whole (a message cut short, a repaired PDF, pages OCR could
        not read, a native not rendered, a spreadsheet's hidden parts shown ...: ``warnings``
        in its meta), as ``(control number, warning)``, a pair per warning, in the order the
        documents came in. Another side's documents are never listed, nor one a tier, a
        claw-back or a seal hides from this person."""
        mine = (
            true() if sees_everything(self.actor) else t.Document.held_by == self.actor.seat.value
        )  # the producing side's own: a paper the receiving side filed is not (its number)
        with self.ctx.reading() as s:
            found = s.execute(
                select(t.Document.control, t.Document.ref, t.Document.held_by, t.Document.meta)
                .where(mine, access_rules.visible(self.actor))
                .order_by(t.Document.id)
            ).all()
            said = [
                (control_names.name(self.actor, control, ref, held) or control, str(warning))
                for control, ref, held, meta in found
                for warning in (meta or {}).get("warnings", ())
            ]
            self.ctx.audit(s, "check.partial", counted(len(said), "warning"))
            return said

    def search(
        self, query: str, limit: int = 50, offset: int = 0, count_up_to: int | None = None
    ) -> Hits:
        """Pages whose text (as this person reads it) answers ``query`` (``domain.search``'s
        language), among the pages of every document this person may see, produced or not: the
        ``limit`` pages from ``offset`` in the order they came in, and how many answer, exactly
        up to ``count_up_to`` (``search.COUNT_UP_TO`` by default) or the end of this page, past
        it as "more than" (``Hits.more``: counted among the pages this person may see, as the
        hits are)."""
        words = " ".join(query.split())
        if len(words) < 2:
            raise InvalidInput("search for at least two characters")
        if len(words) > MAX_QUERY:
            raise InvalidInput(f"search for at most {MAX_QUERY} characters, not {len(words)}")
        if not 1 <= limit <= MAX_LIMIT or not 0 <= offset <= MAX_OFFSET:
            raise InvalidInput(
                f"search: a limit from 1 to {MAX_LIMIT} and an offset from 0 to {MAX_OFFSET}"
            )
        parsed = search_language.parse(words)
        with self.ctx.reading() as s:
            cap = search.COUNT_UP_TO if count_up_to is None else count_up_to
            found = search.hits(s, self.actor, parsed, limit, offset, cap)
            total = f"{found.total}+" if found.more else str(found.total)
            self.ctx.audit(
                s,
                "search",
                f"{len(found)} of {total} page{'' if total == '1' else 's'}",
                pages=_recorded(s, found),
            )
            return found

    def export(self, refs: Sequence[DocumentRef | int | str], out: Path) -> list[Path]:
        """Write each document this person may see, in the version they may see (traced when
        it goes to the receiving side), to ``out``: every file written aside and its audit
        entry committed before the first is in place."""
        wanted = [document_ref(r) for r in refs]
        made: list[Path] = []
        with delivery.writing() as write, self.ctx.transaction() as s:
            docs = [lookup.document(s, self.actor, ref) for ref in wanted]
            for doc in docs:
                mark = tracing.mark_for(self.actor, doc.held_by)
                pdf = tracing.marked(self._version(s, doc), mark)
                name = self._file_name(s, doc)
                path = self.ctx.deliver(s, out / name, pdf)
                made.append(path)
                subject = name.removesuffix(".pdf")
                tracing.recorded(self.ctx, s, "export", subject, pdf, mark, path=path.name)
                write(path, pdf)
        return made

    def _file_name(self, s: Session, doc: t.Document) -> str:
        """A copy's file name: its first Bates number, else the name this person has for it
        (`_label`)."""
        first = s.scalar(select(t.Page.bates).where(t.Page.document_id == doc.id, t.Page.idx == 0))
        if first is not None:
            return f"{first}.pdf"
        return f"{self._label(s, doc).replace(' ', '-').replace('.', '')}.pdf"

    def _version(self, s: Session, doc: t.Document) -> bytes:
        """The produced file, or for a redacted view, the produced file less the granted items."""
        return self._made(self._view(s, doc))

    def _view(self, s: Session, doc: t.Document) -> _View:
        """What this person's version of ``doc`` is made from, read in ``s``."""
        if not doc.produced:
            raise ClawbackError(f"{self._label(s, doc)} has not been produced")
        if full_view(self.actor):
            return _View(doc.produced)
        # A received record's files taken out of it are documents of their own, each under
        # its own designation: the record goes without them to every party's reader alike
        # (one designated apart reached, inside the record, a reader it is withheld from).
        unpacked = bool(taken_out_of(s, doc))
        number = access_rules.exhibit_of(s, doc)  # an attachment: its family exhibit's
        if number is None:
            return _View(doc.produced, unpacked=unpacked)
        exhibits = rows.exhibits(s)
        effect = claim_rules.effects(exhibits, rows.claims(s), rows.rulings(s))[number]
        if not effect.redact:
            return _View(doc.produced, unpacked=unpacked)
        from clawback.service import filing

        # this document's own pages and the items on them (a family exhibit's reach further)
        ex = next(e for e in exhibits if e.number == number)
        own = ex.bates if doc.exhibit is not None else rows.bates_range(s, doc)
        ex = replace(
            ex, bates=own, attachments=(), items=tuple(i for i in ex.items if i.page in own)
        )

        # The produced file shows each page as displayed (stamped upright, band below), so the
        # items' displayed coordinates apply to it directly; text gaps are re-flowed to the
        # policy width as in the filings.
        return _View(
            doc.produced,
            filing.item_redactions(ex, effect.redact, effect.label),
            # only the words the gate can look for ("42" is boxed, never searched for)
            [
                x
                for i in ex.items
                if i.id in effect.redact
                for x in filing.checked_texts(i.id, i.texts)
            ],
            f"{rows.label(doc)} (redacted view)",
            unpacked=unpacked,
        )

    def _made(self, view: _View) -> bytes:
        """The bytes of ``view``: the produced file, redacted and verified when it says so."""
        produced = self.ctx.files.get(view.produced)
        if not view.redactions and not view.unpacked:
            return produced
        kept = self.ctx.workspace.views.get(view.identity)
        if kept is not None:
            return kept  # made from the same file by the same redactions, and verified then
        if view.unpacked:
            from clawback.pdf.files.enclosed import without_enclosed

            produced = without_enclosed(produced)
            if not view.redactions:
                self.ctx.workspace.views.put(view.identity, produced)
                return produced
        # The PDF engine, loaded only for a view it has to make (a read of text never needs it).
        from clawback.pdf.gate.verify import require_clean, verify
        from clawback.pdf.redaction.redact import WIDTH_POLICY, redact

        result = redact(produced, view.redactions, WIDTH_POLICY)
        findings = verify(
            result.pdf,
            view.secrets,
            boxes=result.boxes,
            reflowed=result.reflowed,
            xray=False,
            original=produced,
        )
        require_clean(findings, view.label)
        self.ctx.workspace.views.put(view.identity, result.pdf)
        return result.pdf

    def _label(self, s: Session, doc: t.Document) -> str:
        """How this actor names the document: its exhibit, else its first Bates number, else
        (its own side's, or the operator and the court) its control number or reference
        (`control_names`), else (a paper the other side filed) its docket entry."""
        if doc.exhibit is not None:
            return f"Ex. {doc.exhibit}"
        first = s.scalar(select(t.Page.bates).where(t.Page.document_id == doc.id, t.Page.idx == 0))
        if first is not None:
            return str(first)
        return control_names.named(self.actor, doc) or f"ECF No. {doc.docket}"

    def show(self, ref: DocumentRef | int | str) -> dict[str, Any]:
        """What the record holds about one document, as this person may know it (never the
        text of an item; for a document withheld on a slip sheet, only the slip sheet)."""
        with self.ctx.reading() as s:
            return self.shown(s, lookup.document(s, self.actor, document_ref(ref)))

    def shown(self, s: Session, doc: t.Document) -> dict[str, Any]:
        """``show`` in the read ``s``, of a document found through ``lookup`` for this actor;
        its audit entry added to ``s``."""
        own = self._own(doc)
        slip = _slip_sheet(s, doc) if not own else None
        history = s.scalars(
            select(t.Designation)
            .where(t.Designation.document_id == doc.id)
            .order_by(t.Designation.id)
        ).all()
        lead = lookup.known_lead(s, self.actor, doc)
        names = hidden_names(s, self.actor, doc)  # a record it came out of, beyond the reader
        # a family only of members the reader may see (`access.shared_families`)
        shared = access_rules.shared_families(s, self.actor, {doc.family})
        family = doc.family if doc.family in shared else None
        shown: dict[str, Any] = {
            "control": control_names.named(self.actor, doc),
            # a plain number as before; any other identifier as the court writes it
            "exhibit": rows.as_written(doc.exhibit, doc.exhibit_id),
            **({"duplicate_of": f"Ex. {lead}"} if lead else {}),
            "title": slip if slip is not None else doc.title,
            "kind": SLIP_SHEET if slip is not None else doc.kind,
            "family": family if slip is None else None,
            "pages": doc.page_count,
            # a slip sheet's reader is told the tier it bears, never the notes on the document;
            # a note naming an exhibit beyond the reader is told as none (`lookup.told_words`)
            "designations": [
                {
                    "tier": d.tier,
                    "note": self._words(s, unnamed(d.note, names)) if slip is None else "",
                }
                for d in history
            ],
        }
        shown["challenges"] = [
            {
                "challenge": c.ref,
                "tier": c.tier,
                "raised_on": c.raised_on.isoformat(),
                "grounds": self._words(s, c.grounds),
                "outcome": c.outcome,
                "resolved_on": c.resolved_on.isoformat() if c.resolved_on else None,
            }
            for c in s.scalars(
                select(t.Challenge)
                .where(t.Challenge.document_id == doc.id)
                .order_by(t.Challenge.id)
            ).all()
        ]
        warnings = s.scalars(
            select(t.PageWarning.detail)
            .where(t.PageWarning.document_id == doc.id)
            .order_by(t.PageWarning.page_idx, t.PageWarning.id)
        ).all()
        if warnings:  # boxes over live text in what another party produced
            shown["warnings"] = list(warnings)
        if not doc.produced:
            self.ctx.audit(s, "show", rows.label(doc))  # the record's own name for it
            return shown
        ex = rows.exhibit(s, doc)
        shown["bates"] = str(ex.bates)
        number = access_rules.exhibit_of(s, doc) or ex.number  # an attachment: its exhibit's
        # the claims over it, and the items they name, only of an exhibit the reader may know
        # of: an attachment read under a family exhibit beyond them names none of its claims
        told = claims_named.claimed_under(s, self.actor, [doc]).get(doc.id) == number
        claims = [c for c in rows.claims(s) if number in c.exhibits] if told else []
        named = self._named_items(s, number, claims) if told else set()
        shown["items"] = [  # this document's own: a family exhibit's attachments show theirs
            {"id": i.id, "page": str(i.page), "what": i.what}
            for i in ex.items
            if i.page in ex.bates and (named is None or i.id in named)
        ]
        known = self._known_items(s, {i for c in claims for i in c.items})
        shown["claims"] = [  # a claim's items on exhibits the reader may not know of: not said
            {"claim": c.id, "state": c.state.value, "items": [i for i in c.items if i in known]}
            for c in claims
        ]
        rulings = {r.claim: r for r in rows.rulings(s)}
        for c in shown["claims"]:
            if c["claim"] in rulings:
                c["ruling"] = rulings[c["claim"]].result.value
        # the latest ruling governs (an unsealing after the seal); an attachment is sealed
        # with the exhibit it is of, as the catalog says (`access.refresh`)
        decisions = rows.seal_decisions(s, exhibit=number)
        shown["sealed"] = decisions[-1].sealed if decisions else None
        self.ctx.audit(s, "show", str(ex.bates))
        return shown

    # -- reading ---------------------------------------------------------------------------

    def exhibits(self) -> list[Exhibit]:
        """Every produced exhibit this actor may know of, told no more than ``show`` tells of
        its document: its lead only if the actor may know of the lead (`lookup.known_lead`);
        its items (their words and places: what a ruling withholds) only to whoever reads
        documents as produced (anyone else is told them by ``show``: id, page, what); one
        produced to another side as a slip sheet, as its slip sheet (its words, the tier it
        bears: no title, family or notes of the document withheld)."""
        with self.ctx.reading() as s:
            known = lookup.known_exhibits(s, self.actor)
            shown = []
            for e in knowledge.cut(
                s, self.actor, [e for e in rows.exhibits(s) if e.number in known]
            ):
                doc = s.scalar(select(t.Document).where(t.Document.exhibit == e.number))
                assert doc is not None  # rows.exhibits read it
                shown.append(self._told(s, e, doc))
            return shown

    def _told(self, s: Session, e: Exhibit, doc: t.Document) -> Exhibit:
        """The exhibit ``e`` of ``doc`` as ``exhibits`` tells it to this actor."""
        lead = lookup.known_lead(s, self.actor, doc)
        names = hidden_names(s, self.actor, doc)
        slip = _slip_sheet(s, doc) if not self._own(doc) else None
        notes = tuple(
            replace(d, when=unnamed(d.when, names) if slip is None else "")
            for d in e.designations.entries
        )
        e = replace(
            e,
            lead=ExhibitId.parse(lead) if lead else None,
            items=e.items if full_view(self.actor) else (),
            designations=replace(e.designations, entries=notes),
        )
        if slip is None:
            return e
        return replace(e, title=slip, kind=SLIP_SHEET, family=None, parent=False, attachments=())

    def _words(self, s: Session, words: str) -> str:
        """Words a person wrote on a document (a designation's note, a challenge's grounds) as
        this actor is told them (`lookup.told_words`)."""
        return lookup.told_words(s, self.actor, words)

    def _named_items(
        self, s: Session, exhibit: int, claims: Sequence[claim_rules.Claim]
    ) -> set[str] | None:
        """The items of exhibit ``exhibit`` this actor is told of (None: every one): an item
        is the producing side's preparation (and the court's) until a claim over the exhibit,
        a ruling on one, or a seal of it in part names it."""
        if full_view(self.actor):
            return None
        ids = {c.id for c in claims}
        named = {i for c in claims for i in c.items}
        named |= {i for r in rows.rulings(s) if r.claim in ids for i in r.items}
        for decision in rows.seal_decisions(s, exhibit=exhibit):
            if decision.part is not None:
                named |= set(decision.part.items)
        return named

    def _known_items(self, s: Session, ids: set[str]) -> set[str]:
        """Those of the items ``ids`` on a document the actor may know of."""
        if not ids:
            return set()
        found = s.execute(select(t.Item.id, t.Item.document_id).where(t.Item.id.in_(ids)))
        return {
            item
            for item, doc in found
            if lookup.allowed(s, self.actor, s.get_one(t.Document, doc), lookup.Need.know)
        }

    def _own(self, doc: t.Document) -> bool:
        """Whether the actor reads the document as its holder does."""
        return full_view(self.actor) or doc.held_by == self.actor.seat.value

    def effects(self) -> dict[int, claim_rules.Effect]:
        """What the rulings do to each exhibit this actor may know of, naming only the items
        on what they may know of it (`knowledge.cut`: an item a ruling granted on an
        attachment beyond their tier is not theirs to be told)."""
        with self.ctx.reading() as s:
            known = lookup.known_exhibits(s, self.actor)
            exhibits = rows.exhibits(s)
            found = claim_rules.effects(exhibits, rows.claims(s), rows.rulings(s))
            told = {
                e.number: {i.id for i in e.items}
                for e in knowledge.cut(s, self.actor, [e for e in exhibits if e.number in known])
            }
            return {n: _told_effect(e, told[n]) for n, e in found.items() if n in known}


def _told_effect(effect: claim_rules.Effect, items: set[str]) -> claim_rules.Effect:
    """``effect`` naming only ``items`` (with their bases)."""
    kept = [(i, b) for i, b in zip(effect.redact, effect.basis, strict=True) if i in items]
    if len(kept) == len(effect.redact):
        return effect
    return replace(effect, redact=tuple(i for i, _ in kept), basis=tuple(b for _, b in kept))


def _recorded(s: Session, hits: Sequence[Hit]) -> list[str]:
    """The hits' pages as the trail names them: a page named by a document's reference
    (`control_names`) by its control number, as every entry names a document, so the trail's
    own rule withholds the entry from whoever may not know of it (`audit_trail`)."""
    refs = {h.control.partition("-")[2] for h in hits if h.bates is None and h.docket is None}
    refs = {r for r in refs if r and not r.isdigit()}
    found = select(t.Document.ref, t.Document.control).where(t.Document.ref.in_(refs))
    controls = {ref: control for ref, control in s.execute(found)} if refs else {}
    said = []
    for h in hits:
        ref = h.control.partition("-")[2]
        if h.bates is None and h.docket is None and ref in controls:
            said.append(f"{controls[ref]} p. {h.page}")
        else:
            said.append(h.name)
    return said


def _slip_sheet(s: Session, doc: t.Document) -> str | None:
    """The slip sheet's words when the document went out as one, else None."""
    if doc.produced is None:
        return None
    blob = s.get(t.Blob, doc.produced)
    if blob is None or blob.recipe != SLIP_SHEET:
        return None
    text = s.scalar(select(t.Page.text).where(t.Page.document_id == doc.id, t.Page.idx == 0))
    return _slip_words(text)


def _slip_words(text: str | None) -> str:
    """A slip sheet's words, from its page's text, on one line."""
    return " ".join((text or "Withheld").split())
