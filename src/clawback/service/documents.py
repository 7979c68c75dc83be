"""Documents into the record: ingest, designate, name items, produce."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clawback import email
from clawback.domain.bates import BatesNumber
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.order import Side
from clawback.ingest import EMAIL, INGESTED, KNOWN, REFUSED, FileReport, walk
from clawback.ingest import prepare as prepare_file
from clawback.ingest.pdfcheck import check_pdf
from clawback.pdf.decrypt import decrypt, is_encrypted
from clawback.pdf.extract import PageText, read_pages
from clawback.pdf.ocr import add_text_layer
from clawback.pdf.region import Rect, covered_words, displayed_size
from clawback.pdf.slipsheet import placeholder
from clawback.service import access as access_rules
from clawback.service import record
from clawback.service.base import WorkspaceBase
from clawback.service.patterns import PatternHit
from clawback.storage import tables as t

# How ingest makes the PDF the record works on from the file received (Blob.recipe).
_INGEST_RECIPES = ("decrypt", "ocr", "decrypt+ocr", "convert", "convert+ocr", "image", "image+ocr")


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
        native: bytes | None = None,
        native_name: str = "",
        native_type: str = "application/octet-stream",
        recipe: str = "convert",
    ) -> str:
        """Store a PDF and its pages' text and hashes; returns its control number.
        (The receiving side ingests too: productions it received from other parties.)

        Ingesting the same file again returns the same document: nothing is stored twice. An
        encrypted file is kept as received, and the record works on its decrypted copy; one
        that needs a password is refused until it is given (never stored, never logged). A
        file that is a decompression bomb is refused (`clawback.ingest.limits`). Scanned pages
        (no text, covered by images) are OCR'd: the record works on a copy carrying the words
        as invisible text at their places, so search, pattern hits and redaction work on them.

        `native` is the file as received when `pdf` was made from it (an Office file, a
        picture: see `ingest_file`); it is kept in the file store and named in the document's
        meta, and `recipe` says how the PDF was made.
        """
        self._require(Side.producing, Side.receiving, act="ingest documents")
        received = pdf if native is None else native
        known = self._known(hashlib.sha256(received).hexdigest())
        if known is not None:
            return known
        ready = _prepare(pdf, native, native_name, native_type, recipe, password, meta)
        with self.transaction() as s:
            existing = s.scalar(select(t.Document).where(t.Document.original == ready.sha))
            if existing is not None:
                return existing.control
            return self._add_document(
                s,
                ready,
                title=title,
                kind=kind,
                exhibit=exhibit,
                family=family,
                parent=parent,
                publicly_available=publicly_available,
            )

    def _add_document(
        self,
        s: Session,
        ready: _Prepared,
        *,
        title: str,
        kind: str,
        exhibit: int | None,
        family: str | None,
        parent: bool,
        publicly_available: bool,
    ) -> str:
        """One document into the record, inside the caller's transaction."""
        taken = select(t.Document).where(t.Document.exhibit == exhibit)
        if exhibit is not None and s.scalar(taken):
            raise RuleViolation(f"Ex. {exhibit} is already in the record (another file)")
        if ready.steps:
            kept = self._store(s, ready.received, ready.received_type)
            self._store(s, ready.pdf, "application/pdf", kept, "+".join(ready.steps))
        else:
            self._store(s, ready.pdf, "application/pdf")
        count = s.scalar(select(func.count()).select_from(t.Document)) or 0
        doc = t.Document(
            control=f"DOC-{count + 1:06d}",
            title=title,
            kind=kind,
            family=family,
            parent=parent,
            exhibit=exhibit,
            original=ready.sha,
            page_count=len(ready.pages),
            publicly_available=publicly_available,
            meta=ready.info,
        )
        s.add(doc)
        s.flush()
        for p in ready.pages:
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
        self._audit(s, "ingest", record.label(doc), pages=len(ready.pages), sha256=ready.sha)
        return doc.control

    def _known(self, received_sha: str) -> str | None:
        """The control number of the document made from the file with this SHA-256 (the file
        itself, or a PDF decrypted, converted or OCR'd from it), if it is in the record."""
        with self.transaction() as s:
            doc = s.scalar(select(t.Document).where(t.Document.original == received_sha))
            if doc is not None:
                return doc.control
            made = s.scalars(
                select(t.Blob.sha256).where(
                    t.Blob.made_from == received_sha, t.Blob.recipe.in_(_INGEST_RECIPES)
                )
            ).all()
            if not made:
                return None
            return s.scalar(
                select(t.Document.control)
                .where(t.Document.original.in_(made))
                .order_by(t.Document.id)
            )

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
        prepared = []
        for n, m in enumerate(members):  # everything read before anything is stored
            native_sha = hashlib.sha256(m.native).hexdigest()
            pdf = m.pdf or placeholder(
                ["Produced in native form", m.name, f"sha256 {native_sha[:16]}"]
            )
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
                meta["native_sha256"] = native_sha
            ready = _prepare(pdf, None, "", "application/pdf", "convert", None, meta)
            title = (msg.subject if msg else m.name) or m.name
            kind = "email" if msg is not None else "attachment"
            prepared.append((n, m, ready, title, kind))
        with self.transaction() as s:  # the family goes in whole or not at all
            controls = []
            for n, m, ready, title, kind in prepared:
                if m.pdf is None:
                    self._store(s, m.native, "application/octet-stream", None, "native")
                # Each member is its own document even when its bytes are another's (the same
                # logo in two messages): a family keeps every member; copies finds the twins.
                controls.append(
                    self._add_document(
                        s,
                        ready,
                        title=title,
                        kind=kind,
                        exhibit=exhibit if n == 0 else None,
                        family=family_id,
                        parent=n == 0,
                        publicly_available=False,
                    )
                )
            return controls

    def ingest_file(
        self,
        data: bytes,
        name: str,
        *,
        title: str | None = None,
        kind: str | None = None,
        exhibit: int | None = None,
        family: str | None = None,
        parent: bool = False,
        publicly_available: bool = False,
        password: str | None = None,
        custodian: str = "",
    ) -> tuple[list[str], bool]:
        """Ingest one file of any kind ingest reads, told by its bytes (`clawback.ingest`): a
        PDF, an e-mail (a family, see `ingest_email`), an Office file (converted by
        LibreOffice) or a picture (a page per frame, OCR'd). The file as received is kept.
        Returns its documents' control numbers and whether they are new (False: the same file
        was in the record already, and nothing was stored). Raises a one-line error (`Refused`,
        `PdfError`...) for a file it will not take, before anything is stored."""
        self._require(Side.producing, Side.receiving, act="ingest documents")
        sha = hashlib.sha256(data).hexdigest()
        known = self._known(sha)
        if known is not None:
            return [known], False
        found = prepare_file(data, name)
        if found.kind == EMAIL:
            before = self._mail_family(data)
            if before:
                return before, False
            return self.ingest_email(data, name, custodian=custodian, exhibit=exhibit), True
        meta: dict[str, Any] = {"custodian": custodian} if custodian else {}
        control = self.ingest(
            found.pdf or data,
            title=title or name,
            kind=kind or found.kind,
            exhibit=exhibit,
            family=family,
            parent=parent,
            publicly_available=publicly_available,
            meta=meta,
            password=password,
            native=data if found.pdf is not None else None,
            native_name=name,
            native_type=found.media_type,
            recipe=found.recipe,
        )
        return [control], True

    def ingest_paths(
        self,
        paths: Iterable[Path],
        *,
        exhibit: int | None = None,
        **options: Any,
    ) -> list[FileReport]:
        """Ingest files and folders (recursing): one `FileReport` per file, in order. A file
        refused is reported and the batch goes on; each file is ingested whole or not at all,
        and a file already in the record (by its SHA-256) is reported, not stored again.
        `options` are the keyword options of `ingest_file` (title, kind, family, parent,
        publicly_available, password, custodian), for every file; an `exhibit` number is for
        one file named as such, not a folder (refused before anything is read)."""
        paths = list(paths)
        if exhibit is not None and (len(paths) != 1 or paths[0].is_dir()):
            raise ClawbackError(f"exhibit {exhibit} numbers one file: give one file, not a folder")
        reports = []
        for path in walk(paths):
            try:
                data = path.read_bytes()
                controls, new = self.ingest_file(data, path.name, exhibit=exhibit, **options)
            except OSError as exc:
                reports.append(FileReport(path, REFUSED, reason=f"cannot be read ({exc.strerror})"))
            except (ClawbackError, ValueError) as exc:
                reports.append(FileReport(path, REFUSED, reason=str(exc)))
            else:
                reports.append(FileReport(path, INGESTED if new else KNOWN, tuple(controls)))
        return reports

    def _mail_family(self, data: bytes) -> list[str]:
        """The control numbers of this very e-mail's family, if it is in the record."""
        family_id = "mail-" + hashlib.sha256(data).hexdigest()[:16]
        with self.transaction() as s:
            return list(
                s.scalars(
                    select(t.Document.control)
                    .where(t.Document.family == family_id)
                    .order_by(t.Document.id)
                ).all()
            )

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
        rect: Sequence[float] | None = None,
    ) -> None:
        """Name a text span, a rectangle or a whole page on a produced page, so a claim can
        point at it. `rect` is (x0, y0, x1, y1) in points on the produced page as displayed,
        origin top-left (see `clawback.pdf.region`); it must lie in the page's content."""
        self._require(Side.producing, Side.court, act="name items")
        if rect is not None and (texts or whole_page):
            raise RuleViolation(f"item {item_id!r}: give a text, a rectangle or whole_page, one")
        with self.transaction() as s:
            doc = record.document(s, ref)
            ex = record.exhibit(s, doc)
            index = ex.page_index(BatesNumber.parse(page))
            box, covered = None, []
            if rect is not None:
                box = _region(item_id, page, rect, self.files.get(doc.original), index)
                covered = covered_words(self.files.get(doc.produced or doc.original), index, box)
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
                    rect=list(box) if box else None,
                    covered=covered,
                )
            )
            self._audit(s, "item.define", page, item=item_id, what=what)


def _region(item_id: str, page: str, rect: Sequence[float], original: bytes, index: int) -> Rect:
    """`rect` checked: four numbers, not empty, inside the displayed page (not in the band)."""
    if len(rect) != 4:
        raise RuleViolation(f"item {item_id!r}: a rectangle is four numbers x0,y0,x1,y1")
    x0, y0, x1, y1 = (float(v) for v in rect)
    width, height = displayed_size(original, index)
    if not (x0 < x1 and y0 < y1):
        raise RuleViolation(f"item {item_id!r}: rectangle {x0:g},{y0:g},{x1:g},{y1:g} is empty")
    if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
        raise RuleViolation(
            f"item {item_id!r}: rectangle {x0:g},{y0:g},{x1:g},{y1:g} is not inside page {page} "
            f"({width:g} x {height:g} points, the Bates band excluded)"
        )
    return (x0, y0, x1, y1)


@dataclass(frozen=True)
class _Prepared:
    """A file made ready for the record, before any write: the PDF the record works on (after
    decryption, conversion, OCR), its pages, and what was received."""

    pdf: bytes
    sha: str
    pages: list[PageText]
    info: dict[str, Any]
    steps: list[str]
    received: bytes
    received_type: str


def _prepare(
    pdf: bytes,
    native: bytes | None,
    native_name: str,
    native_type: str,
    recipe: str,
    password: str | None,
    meta: Mapping[str, Any] | None,
) -> _Prepared:
    """Decrypt, check for bombs, OCR and read a file; a one-line error before any write."""
    received = pdf if native is None else native
    received_sha = hashlib.sha256(received).hexdigest()
    info = dict(meta or {})
    steps = [] if native is None else [recipe]
    if is_encrypted(pdf):
        pdf = decrypt(pdf, password or "")
        info["encrypted"] = True
        steps.append("decrypt")
    check_pdf(pdf)  # bombs refused in one line, before anything is decoded
    pdf, read = add_text_layer(pdf)
    if read:
        info["ocr_pages"] = [n + 1 for n in read]
        steps.append("ocr")
    pages = read_pages(pdf)  # raises a one-line PdfError on a bad file
    if steps:
        info["received_sha256"] = received_sha
    if native is not None:
        info["native"] = {"name": native_name, "media_type": native_type, "sha256": received_sha}
    return _Prepared(
        pdf=pdf,
        sha=hashlib.sha256(pdf).hexdigest(),
        pages=pages,
        info=info,
        steps=steps,
        received=received,
        received_type=native_type if native is not None else "application/pdf",
    )
