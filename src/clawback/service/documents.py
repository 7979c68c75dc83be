"""Documents into the record: ingest, designate, name items, produce."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clawback import email
from clawback.domain.bates import BatesNumber
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.order import Side
from clawback.pdf.decrypt import decrypt, is_encrypted
from clawback.pdf.extract import read_pages
from clawback.pdf.slipsheet import placeholder
from clawback.service import access as access_rules
from clawback.service import record
from clawback.service.base import WorkspaceBase
from clawback.service.patterns import PatternHit
from clawback.storage import tables as t


class Documents(WorkspaceBase):
    # -- ingest and designate ----------------------------------------------------------------

    def ingest(
        self,
        pdf: bytes,
        *,
        title: str,
        kind: str = "pdf",
        exhibit: int | None = None,
        family: str | None = None,
        parent: bool = False,
        publicly_available: bool = False,
        meta: Mapping[str, Any] | None = None,
        password: str | None = None,
    ) -> str:
        """Store a PDF and its pages' text and hashes; returns its control number.
        (The receiving side ingests too: productions it received from other parties.)

        Ingesting the same file again returns the same document: nothing is stored twice. An
        encrypted file is kept as received, and the record works on its decrypted copy; one
        that needs a password is refused until it is given (never stored, never logged).
        """
        self._require(Side.producing, Side.receiving, act="ingest documents")
        received = pdf
        info = dict(meta or {})
        if is_encrypted(received):
            pdf = decrypt(received, password or "")
            info["encrypted"] = True
            info["received_sha256"] = hashlib.sha256(received).hexdigest()
        pages = read_pages(pdf)  # raises a one-line PdfError on a bad file, before any write
        sha = hashlib.sha256(pdf).hexdigest()
        with self.transaction() as s:
            existing = s.scalar(select(t.Document).where(t.Document.original == sha))
            if existing is not None:
                return existing.control
            if exhibit is not None and s.scalar(
                select(t.Document).where(t.Document.exhibit == exhibit)
            ):
                raise RuleViolation(f"Ex. {exhibit} is already in the record (another file)")
            if received is not pdf:
                kept = self._store(s, received, "application/pdf")
                self._store(s, pdf, "application/pdf", kept, "decrypt")
            else:
                self._store(s, pdf, "application/pdf")
            count = s.scalar(select(func.count()).select_from(t.Document)) or 0
            doc = t.Document(
                control=f"DOC-{count + 1:06d}",
                title=title,
                kind=kind,
                family=family,
                parent=parent,
                exhibit=exhibit,
                original=sha,
                page_count=len(pages),
                publicly_available=publicly_available,
                meta=info,
            )
            s.add(doc)
            s.flush()
            for p in pages:
                s.add(
                    t.Page(
                        document_id=doc.id,
                        idx=p.index,
                        text=p.text,
                        sha256=p.sha256,
                        image_sha256=list(p.image_sha256),
                    )
                )
            access_rules.refresh(s, [doc])
            self._audit(s, "ingest", record.label(doc), pages=len(pages), sha256=sha)
            return doc.control

    def ingest_email(
        self, data: bytes, filename: str, *, custodian: str = "", exhibit: int | None = None
    ) -> list[str]:
        """Ingest an e-mail (.eml or .msg) as a family: the message, then each attachment and
        inline image in order (attached e-mails recurse). A file with no page form of its own
        gets a one-page placeholder and is kept natively. Returns the control numbers.

        Every member is rendered and read before the first is stored, so a bad member refuses
        the whole family in one line and nothing of it is left half-ingested."""
        self._require(Side.producing, act="ingest documents")
        family_id = "mail-" + hashlib.sha256(data).hexdigest()[:16]
        with self.transaction() as s:
            known = s.scalars(
                select(t.Document.control)
                .where(t.Document.family == family_id)
                .order_by(t.Document.id)
            ).all()
        if known:  # this very e-mail is in already: nothing twice
            return list(known)
        members = email.family(data, filename)
        pdfs = []
        for m in members:
            native_sha = hashlib.sha256(m.native).hexdigest()
            pdf = m.pdf or placeholder(
                ["Produced in native form", m.name, f"sha256 {native_sha[:16]}"]
            )
            read_pages(pdf)  # refuse now, before anything is stored
            pdfs.append((m, pdf, native_sha))
        controls = []
        for n, (m, pdf, native_sha) in enumerate(pdfs):
            msg = m.message
            meta: dict[str, Any] = {"name": m.name, "depth": m.depth, "custodian": custodian}
            if msg is not None:
                meta |= {
                    "subject": msg.subject,
                    "author": msg.sender,
                    "recipients": "; ".join(msg.to + msg.cc + msg.bcc),
                    "date": msg.date or "",
                    "message_id": msg.message_id or "",
                }
            if m.pdf is None:
                with self.transaction() as s:
                    self._store(s, m.native, "application/octet-stream", None, "native")
                meta["native_sha256"] = native_sha
            kind = "email" if msg is not None else "attachment"
            controls.append(
                self.ingest(
                    pdf,
                    title=(msg.subject if msg else m.name) or m.name,
                    kind=kind,
                    exhibit=exhibit if n == 0 else None,
                    family=family_id,
                    parent=n == 0,
                    meta=meta,
                )
            )
        return controls

    def designate(self, ref: str | int, tier: str, note: str = "", on: date | None = None) -> None:
        """Give a document a tier of the protective order; earlier designations stay on record."""
        self._require(Side.producing, act="designate documents")
        with self.transaction() as s:
            self._designate(s, record.document(s, ref), tier, note, on)

    def _designate(
        self, s: Session, doc: t.Document, tier: str, note: str, on: date | None
    ) -> None:
        name = record.protective_order(s).tier(tier).short
        previous = doc.tier
        s.add(t.Designation(document_id=doc.id, tier=name, note=note, on=on))
        access_rules.refresh(s, [doc])
        self._audit(s, "designate", record.label(doc), tier=name, previous=previous)

    def challenge(self, ref: str | int, grounds: str, on: date) -> int:
        """Record a challenge to a document's designation; returns its number.

        A designation may be challenged at any time; the designating party carries the burden
        (N.D. Cal. model order, para. 6). The designation stands until the challenge ends.
        """
        self._require(Side.receiving, Side.producing, act="challenge a designation")
        if not grounds.strip():
            raise ClawbackError("a challenge needs its grounds")
        with self.transaction() as s:
            doc = record.document(s, ref)
            if doc.tier is None:
                raise RuleViolation(f"{record.label(doc)} carries no designation to challenge")
            row = t.Challenge(
                document_id=doc.id,
                tier=doc.tier,
                raised_by=self.actor,
                raised_on=on,
                grounds=grounds,
            )
            s.add(row)
            s.flush()
            self._audit(s, "challenge", record.label(doc), challenge=row.id, tier=doc.tier)
            return row.id

    def resolve_challenge(
        self, number: int, outcome: str, on: date, tier: str | None = None
    ) -> None:
        """End a challenge: the designation upheld, changed to ``tier``, or the challenge
        withdrawn. A change is recorded as a re-designation, with the challenge as its note."""
        self._require(Side.court, Side.producing, Side.receiving, act="resolve a challenge")
        if outcome not in ("upheld", "redesignated", "withdrawn"):
            raise ClawbackError(f"outcome must be upheld, redesignated or withdrawn: {outcome!r}")
        if (outcome == "redesignated") != (tier is not None):
            raise ClawbackError("give --tier exactly when the outcome is redesignated")
        receiving = self.person is not None and self.person.side is Side.receiving
        if receiving and outcome != "withdrawn":
            raise RuleViolation(f"{self.actor} (receiving side) may only withdraw a challenge")
        with self.transaction() as s:
            row = s.get(t.Challenge, number)
            if row is None:
                raise NotFound(f"no challenge {number}")
            if row.outcome is not None:
                raise RuleViolation(f"challenge {number} already ended: {row.outcome}")
            row.outcome, row.resolved_on = outcome, on
            doc = s.get_one(t.Document, row.document_id)
            if tier is not None:
                self._designate(s, doc, tier, f"on challenge {number}", on)
            self._audit(
                s, "challenge.resolve", record.label(doc), challenge=number, outcome=outcome
            )

    def items_from_hits(self, hits: Sequence[PatternHit], prefix: str, what: str) -> list[str]:
        """Make confirmed pattern hits into items: one per page, holding that page's matches."""
        by_page: dict[str, list[str]] = {}
        for hit in hits:
            texts = by_page.setdefault(hit.bates, [])
            if hit.text not in texts:
                texts.append(hit.text)
        made = []
        for n, (bates, texts) in enumerate(by_page.items(), start=1):
            item_id = f"{prefix}-{n}"
            self.define_item(bates, item_id, bates, what, texts)
            made.append(item_id)
        return made

    def define_item(
        self,
        ref: str | int,
        item_id: str,
        page: str,
        what: str,
        texts: Sequence[str] = (),
        whole_page: bool = False,
    ) -> None:
        """Name a text span or a whole page on a produced page, so a claim can point at it."""
        self._require(Side.producing, Side.court, act="name items")
        with self.transaction() as s:
            doc = record.document(s, ref)
            ex = record.exhibit(s, doc)
            index = ex.page_index(BatesNumber.parse(page))
            if texts:
                page_text = (
                    s.scalar(
                        select(t.Page.text).where(t.Page.document_id == doc.id, t.Page.idx == index)
                    )
                    or ""
                )
                for text in texts:
                    if text not in page_text:
                        raise NotFound(f"item {item_id!r}: its text is not on page {page}")
            s.merge(
                t.Item(
                    id=item_id,
                    document_id=doc.id,
                    page_idx=index,
                    what=what,
                    texts=list(texts),
                    whole_page=whole_page,
                )
            )
            self._audit(s, "item.define", page, item=item_id, what=what)
