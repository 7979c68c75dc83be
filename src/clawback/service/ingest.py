"""Documents into the record: files of every kind read, checked and stored, each in the
collection of the side that brings it in.

A document is held by the side that ingested it (``held_by``; the operator's are the producing
side's) and numbered in that side's own series (``DOC-``, ``RCV-``, ``CRT-``), so a control
number tells another side nothing of how many documents a side holds; the same file ingested
twice by one side is one document, and a file another side holds is never named. A document
received from another party (anything the receiving side ingests, e-mails and each of their
attachments included; anything of kind ``received``; every document of a volume import) is also
checked for fake redactions, boxes over live text, each found kept as a warning on its page.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback import email
from clawback.domain.access import sees_everything
from clawback.domain.errors import RuleViolation
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.order import Side
from clawback.domain.seats import Act
from clawback.ingest import EMAIL, OFFICE, PDF, FileReport, sniff
from clawback.ingest import prepare as prepare_file
from clawback.ingest.children import children
from clawback.ingest.embedded import embedded_files, package_files
from clawback.ingest.family import ready_family
from clawback.ingest.ole_objects import ole_files
from clawback.ingest.ready import Ready, make_ready, with_meta
from clawback.ingest.unpack import archive_family, is_archive, left_packed, unpacked
from clawback.ingest.unreadable import unreadable
from clawback.service import access as access_rules
from clawback.service import exhibit_numbering as numbering
from clawback.service import ingest_folder, ingest_store, lookup, rows
from clawback.service.base import Service
from clawback.service.box_checks import BoxChecks
from clawback.service.exhibit_numbering import ExhibitGiven
from clawback.service.ingest_store import Designated, NewDocument
from clawback.storage import tables as t

#: How ingest makes the PDF the record works on from the file received (Blob.recipe is these
#: steps joined by "+", in order).
_INGEST_STEPS = frozenset({"decrypt", "visible", "ocr", "convert", "image"})


class Ingest(Service):
    @property
    def side(self) -> Side:
        """The side whose collection this actor's documents go into."""
        seat = self.actor.seat
        return Side.producing if seat is Side.operator else seat

    def ingest(
        self,
        pdf: bytes,
        *,
        title: str,
        kind: str = "pdf",
        exhibit: ExhibitGiven | None = None,
        family: str | None = None,
        parent: bool = False,
        publicly_available: bool = False,
        meta: Mapping[str, Any] | None = None,
        password: str | None = None,
        native: bytes | None = None,
        native_name: str = "",
        native_type: str = "application/octet-stream",
        recipe: str = "convert",
        check_later: bool = False,
        separate: bool = False,
        made: dict[str, Ready] | None = None,
        designated: Designated | None = None,
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

        A document received from another party (ingested by the receiving side, or of kind
        ``received``) is checked for fake redactions (`check_received`); ``check_later`` only
        says the caller checks it with others in one go (`check_received_many`: a volume
        import), never that it goes unchecked.

        ``separate`` makes a document of its own even when the same file is in the record: a
        load-file record keeps its own fields and numbers though its file is another's (the
        caller records the two as duplicates of each other). ``made``: the files this caller
        has had made ready already, by the SHA-256 of the file received: such a file is not
        read again (a volume naming one native on six rows), only given these fields.
        ``designated``: the designation a new document carries from its first commit (another
        party's, as a volume gave it).
        """
        self._require_ingest(exhibit)
        received = pdf if native is None else native
        received_sha = hashlib.sha256(received).hexdigest()
        control = None if separate else self._known(received_sha)
        if control is not None:
            control, _ = self._number_known(control, exhibit)
        else:
            with unreadable(received, native_name or title):  # a library failing: one line
                if made is None:
                    ready = make_ready(
                        pdf, native, native_name, native_type, recipe, password, meta
                    )
                else:
                    key = f"{received_sha}:{recipe}"
                    if key not in made:
                        made[key] = make_ready(
                            pdf, native, native_name, native_type, recipe, password, None
                        )
                    ready = with_meta(made[key], meta)
            one = NewDocument(
                ready,
                title,
                kind,
                exhibit,
                family,
                parent,
                publicly_available,
                separate,
                designated,
            )
            [(control, _)] = self.store([one])
        if self.from_another_party(kind) and not check_later:
            self.check_received(control)
        return self.names([control])[0]

    def names(self, controls: Sequence[str]) -> list[str]:
        """``controls`` as this person is given them (`lookup.given_names`). Every answer of an
        ingest goes through here."""
        if self.actor.every_tier or sees_everything(self.actor) or not controls:
            return list(controls)
        with self.ctx.reading() as s:
            return lookup.given_names(s, self.actor, controls)

    def store(self, ones: Sequence[NewDocument]) -> list[tuple[str, bool]]:
        """`ingest_store.store`: documents read and ready, stored in one transaction."""
        return ingest_store.store(self, ones)

    def from_another_party(self, kind: str | None) -> bool:
        """Whether what this actor ingests as ``kind`` comes from another party."""
        return kind == "received" or self.side is Side.receiving

    def _require_ingest(self, exhibit: ExhibitGiven | None) -> None:
        self.ctx.require(Act.ingest)
        if exhibit is not None:
            self.ctx.require(Act.number_exhibits)

    def _number_known(self, control: str, exhibit: ExhibitGiven | None) -> tuple[str, bool]:
        """The document a known file is as Ex. ``exhibit``, and whether it was made now (a
        duplicate exhibit of the one the file already is)."""
        with self.ctx.transaction() as s:
            doc = s.scalar(select(t.Document).where(t.Document.control == control))
            if doc is None:
                return control, False
            wanted = numbering.identifier(exhibit)
            already = numbering.numbered(s, wanted) if wanted is not None else None
            numbered = self._number(s, doc, exhibit)
            return numbered.control, numbered not in (doc, already)

    def _number(self, s: Session, doc: t.Document, exhibit: ExhibitGiven | None) -> t.Document:
        """A file already in the record, ingested again as Ex. ``exhibit``: the number names
        that document; if it is another exhibit already, Ex. ``exhibit`` is made a duplicate
        of it (the court's "Ex. 12, a duplicate of Ex. 5"), a document of its own with the
        same file and pages and that exhibit as its lead."""
        wanted = numbering.identifier(exhibit)
        if wanted is None or doc.exhibit_key == wanted.canonical:
            return doc
        other = numbering.numbered(s, wanted)
        if doc.exhibit is not None:
            if other is not None and other.original == doc.original:
                return other  # that duplicate, ingested again
            if other is not None:
                raise RuleViolation(f"Ex. {wanted} is already in the record (another file)")
            return self._duplicate(s, doc, wanted)
        if other is not None:
            raise RuleViolation(f"Ex. {wanted} is already in the record ({other.control})")
        numbering.number(s, doc, wanted)
        s.flush()
        access_rules.refresh(s, [doc])
        self.ctx.audit(s, "exhibit.number", doc.control, exhibit=wanted.number or wanted.text)
        return doc

    def _duplicate(self, s: Session, lead: t.Document, wanted: ExhibitId) -> t.Document:
        copy = numbering.duplicate(s, lead, wanted, ingest_store.next_control(self, s))
        access_rules.refresh(s, [copy], stored_now=True)
        said = f"{rows.label(copy)}, duplicate of {rows.label(lead)}"
        self.ctx.audit(s, "exhibit.duplicate", said, control=copy.control, lead=lead.control)
        return copy

    def _known(self, received_sha: str) -> str | None:
        """The control number of the document made from the file with this SHA-256 (the file
        itself, or a PDF decrypted, converted or OCR'd from it), if it is in the record."""
        mine = t.Document.held_by == self.side.value
        with self.ctx.transaction() as s:
            docs = s.scalars(select(t.Document).where(t.Document.original == received_sha, mine))
            doc = self.first_known(s, docs)
            if doc is not None:
                return doc.control
            made = [
                sha
                for sha, recipe in s.execute(
                    select(t.Blob.sha256, t.Blob.recipe).where(t.Blob.made_from == received_sha)
                )
                if set(recipe.split("+")) <= _INGEST_STEPS
            ]
            if not made:
                return None
            found = self.first_known(
                s,
                s.scalars(
                    select(t.Document)
                    .where(t.Document.original.in_(made), mine)
                    .order_by(t.Document.id)
                ),
            )
            return found.control if found is not None else None

    def first_known(self, s: Session, docs: Iterable[t.Document]) -> t.Document | None:
        """The first of this side's ``docs`` the actor may know of: one beyond their tier (an
        AEO record of their side's collection, to a party employee) is not in the record, as
        far as they are told, so a file of it they bring in is a document of its own."""
        return next((d for d in docs if lookup.allowed(s, self.actor, d, lookup.Need.know)), None)

    def ingest_email(
        self,
        data: bytes,
        filename: str,
        *,
        custodian: str = "",
        exhibit: ExhibitGiven | None = None,
        received: bool = False,
        kind: str | None = None,
        unpack: bool = False,
    ) -> list[str]:
        """`_email`, its documents named as this person is given them (`names`)."""
        found = self._email(
            data,
            filename,
            custodian=custodian,
            exhibit=exhibit,
            received=received,
            kind=kind,
            unpack=unpack,
        )
        return self.names(found)

    def _email(
        self,
        data: bytes,
        filename: str,
        *,
        custodian: str = "",
        exhibit: ExhibitGiven | None = None,
        received: bool = False,
        kind: str | None = None,
        unpack: bool = False,
    ) -> list[str]:
        """Ingest an e-mail (.eml or .msg) as a family: the message, then each attachment and
        inline image in order (attached e-mails recurse). A file with no page form of its own
        gets a one-page placeholder and is kept natively. Returns the control numbers.

        Each member is of ``kind`` when one is given (``received``: the whole family), else
        ``email`` or ``attachment``; its ``role`` in the family is in its meta either way. What
        a message's file lost (cut short: `clawback.email.parse`) is in its ``warnings``.

        An e-mail from another party (ingested by the receiving side, or ``received``: an
        e-mail of kind ``received``) has the message and every attachment checked for fake
        redactions, x-ray reading the family in one go.

        Every member is rendered and read before the first is stored, so a message that cannot
        be read refuses the whole family in one line and nothing of it is left half-ingested;
        an attachment that cannot be read (locked, past the limits) is kept in native form
        behind a placeholder page, with a warning (`ingest.family`). ``unpack`` opens
        the archives among the attachments too (`clawback.ingest.unpack`)."""
        self._require_ingest(exhibit)
        known = self._mail_family(data)
        if known:  # this very e-mail is in already: nothing twice
            if received or self.from_another_party(None):
                self.check_received_many(known)
            return known
        members = email.family(data, filename)
        members = unpacked(members) if unpack else left_packed(members)
        controls = self._add_family(
            members,
            self._family_id(data),
            custodian=custodian,
            exhibit=exhibit,
            kind=kind,
        )
        if received or self.from_another_party(None):
            self.check_received_many(controls)
        return controls

    def _add_family(
        self,
        members: list[email.Member],
        family: str,
        *,
        custodian: str,
        exhibit: ExhibitGiven | None,
        kind: str | None,
        password: str | None = None,
        title: str | None = None,
        publicly_available: bool = False,
    ) -> list[str]:
        """A container and its children as one family, in order: an e-mail and its attachments,
        a PDF and its embedded files. Every child of every container is a member (`children`:
        a PDF's embedded files too); a child with no page form of its own is rendered by
        LibreOffice with the others in one run (`pdf.files.convert.to_pdfs`), else gets a
        placeholder page and is kept natively, with a warning saying why. Every member is read
        before the first is stored, and the family goes in whole or not at all."""
        ready = ready_family(
            children(members), custodian=custodian, kind=kind, password=password, title=title
        )
        with self.ctx.transaction() as s:  # the family goes in whole or not at all
            # Each member is its own document even when its bytes are another's (the same
            # logo in two messages): a family keeps every member; copies finds the twins.
            docs = ingest_store.add_family(
                self,
                s,
                ready,
                family,
                exhibit=exhibit,
                publicly_available=publicly_available,  # a public file's children too
            )
            access_rules.refresh(s, docs, stored_now=True)
        return [doc.control for doc in docs]

    def ingest_file(
        self,
        data: bytes,
        name: str,
        *,
        title: str | None = None,
        kind: str | None = None,
        exhibit: ExhibitGiven | None = None,
        family: str | None = None,
        parent: bool = False,
        publicly_available: bool = False,
        password: str | None = None,
        custodian: str = "",
        unpack: bool = False,
    ) -> tuple[list[str], bool]:
        """Ingest one file of any kind ingest reads, told by its bytes (`clawback.ingest`): a
        PDF, an e-mail (a family, see `ingest_email`), an Office file (converted by
        LibreOffice) or a picture (a page per frame, OCR'd). The file as received is kept.
        Returns its documents' control numbers (`names`) and whether they are new (False: the
        same file was in the record already, and nothing was stored). Raises a one-line error
        (`Refused`, `PdfError`...) for a file it will not take, before anything is stored. An
        archive (.zip, .tar, .tar.gz) is refused unless ``unpack`` is given: then it is a
        family, the archive and each file in it (`clawback.ingest.unpack`), as are the archives
        an e-mail carries."""
        taken = self.take_file(
            data,
            name,
            title=title,
            kind=kind,
            exhibit=exhibit,
            family=family,
            parent=parent,
            publicly_available=publicly_available,
            password=password,
            custodian=custodian,
            unpack=unpack,
        )
        if not isinstance(taken, NewDocument):
            return self.names(taken[0]), taken[1]
        [(control, _)] = self.store([taken])
        if self.from_another_party(taken.kind):
            self.check_received(control)
        return self.names([control]), True

    def take_file(
        self,
        data: bytes,
        name: str,
        *,
        title: str | None = None,
        kind: str | None = None,
        exhibit: ExhibitGiven | None = None,
        family: str | None = None,
        parent: bool = False,
        publicly_available: bool = False,
        password: str | None = None,
        custodian: str = "",
        unpack: bool = False,
        before_storing: Callable[[], object] | None = None,
    ) -> tuple[list[str], bool] | NewDocument:
        """`ingest_file`, but a file that is one new document of its own (a PDF, an Office
        file, a picture) is read and made ready, not stored: the caller `store`s it, with
        others in one transaction if it likes (`ingest_paths`), and checks it if it is
        received. Everything else (a file in the record, an e-mail, an archive, a PDF with
        files in it) is ingested here as `ingest_file` says, ``before_storing`` called first
        (the caller stores what it holds, so the control numbers follow the files' order)."""
        self._require_ingest(exhibit)
        with unreadable(data, name):  # a library failing on the file: one line
            first = before_storing or (lambda: None)
            sha = hashlib.sha256(data).hexdigest()
            known = self._known(sha)
            if known is not None:
                first()
                known, made = self._number_known(known, exhibit)
                if self.from_another_party(kind):
                    self.check_received(known)
                return [known], made
            if unpack and is_archive(data, name):
                first()
                return self._ingest_archive(
                    data,
                    name,
                    title=title,
                    kind=kind,
                    exhibit=exhibit,
                    custodian=custodian,
                    publicly_available=publicly_available,
                )
            container = functools.partial(
                self._container_family,
                family=family,
                custodian=custodian,
                exhibit=exhibit,
                kind=kind,
                title=title or name,
                publicly_available=publicly_available,
            )
            office_file = sniff(data, name).kind == OFFICE
            if office_file and (package_files(data) or ole_files(data)):  # a family, the file first
                first()
                office = email.Member("parent", name, None, data, 0, kind="office")
                return container(office, "office", None)
            found = prepare_file(data, name)
            if found.kind == EMAIL:
                first()
                before = self._mail_family(data)
                if before:
                    numbered, made = self._number_known(before[0], exhibit)
                    if numbered != before[0]:  # a duplicate exhibit of the e-mail: its own document
                        return [numbered], made
                    if self.from_another_party(kind):
                        self.check_received_many(before)
                    return before, False
                controls = self._email(
                    data,
                    name,
                    custodian=custodian,
                    exhibit=exhibit,
                    received=kind == "received",
                    kind=kind,
                    unpack=unpack,
                )
                return controls, True
            if found.kind == PDF and embedded_files(data):  # a family, the PDF first
                first()
                pdf = email.Member("parent", name, data, data, 0)
                return container(pdf, "pdf", password)
            meta: dict[str, Any] = {"custodian": custodian} if custodian else {}
            if found.warnings:
                meta["warnings"] = list(found.warnings)
            native = data if found.pdf is not None else None
            ready = make_ready(
                found.pdf or data, native, name, found.media_type, found.recipe, password, meta
            )
            return NewDocument(
                ready,
                title or name,
                kind or found.kind,
                exhibit,
                family,
                parent,
                publicly_available,
            )

    def _container_family(
        self,
        parent: email.Member,
        what: str,
        password: str | None,
        *,
        family: str | None,
        custodian: str,
        exhibit: ExhibitGiven | None,
        kind: str | None,
        title: str,
        publicly_available: bool,
    ) -> tuple[list[str], bool]:
        """A file that carries files (an Office package, ``what`` "office"; a PDF with
        embedded files, "pdf") as a family, the file first, then its children (`children`),
        checked as received when it comes from another party."""
        controls = self._add_family(
            [parent],
            family or self._family_id(parent.native, what),
            custodian=custodian,
            exhibit=exhibit,
            kind=kind,
            password=password,
            title=title,
            publicly_available=publicly_available,
        )
        if self.from_another_party(kind):
            self.check_received_many(controls)
        return controls, True

    def ingest_paths(
        self,
        paths: Iterable[Path],
        *,
        exhibit: ExhibitGiven | None = None,
        each: Callable[[FileReport], object] | None = None,
        **options: Any,
    ) -> list[FileReport]:
        """Ingest files and folders (recursing): one `FileReport` per file, in order. A file
        refused is reported and the batch goes on; each file is ingested whole or not at all,
        and a file already in the record (by its SHA-256) is reported, not stored again.
        `options` are the keyword options of `ingest_file` (title, kind, family, parent,
        publicly_available, password, custodian), for every file; an `exhibit` number is for
        one file named as such, not a folder (refused before anything is read). How a batch
        of files is stored: `service.ingest_folder`. ``each`` is given each report as soon
        as its file is done with (a command prints it then), in order."""
        return ingest_folder.ingest_paths(self, list(paths), exhibit, options, each)

    def _ingest_archive(
        self,
        data: bytes,
        name: str,
        *,
        title: str | None,
        kind: str | None,
        exhibit: ExhibitGiven | None,
        custodian: str,
        publicly_available: bool,
    ) -> tuple[list[str], bool]:
        """An archive as a family: the archive, then each file in it (`ingest.unpack`)."""
        before = self._mail_family(data, "archive")
        if before:
            self._number_known(before[0], exhibit)
            if self.from_another_party(kind):
                self.check_received_many(before)
            return before, False
        controls = self._add_family(
            archive_family(data, name),
            self._family_id(data, "archive"),
            custodian=custodian,
            exhibit=exhibit,
            kind=kind,
            title=title or name,
            publicly_available=publicly_available,
        )
        if self.from_another_party(kind):
            self.check_received_many(controls)
        return controls, True

    def in_record(self, data: bytes) -> bool:
        """Whether this file (a PDF or any file ingest takes, an e-mail) is in this side's
        collection already."""
        return bool(self._known(hashlib.sha256(data).hexdigest()) or self._mail_family(data))

    def _mail_family(self, data: bytes, what: str = "mail") -> list[str]:
        """The control numbers of this very e-mail's family (or archive's, ``what``), if it is
        in the record: the members the actor may know of. A member beyond their tier (or
        withheld) is not there, as for them (``first_known``): the family answers as it would
        without it, and is not stored again (a second copy would make the withheld member
        readable to their tier); a family they may know of no member of is not there."""
        with self.ctx.transaction() as s:
            docs = s.scalars(
                select(t.Document)
                .where(t.Document.family == self._family_id(data, what))
                .order_by(t.Document.id)
            ).all()
            return [d.control for d in docs if self.first_known(s, [d]) is not None]

    def _family_id(self, data: bytes, what: str = "mail") -> str:
        """An e-mail's family (or a PDF's, ``what``), by its bytes, in this side's collection."""
        own = "" if self.side is Side.producing else f"{self.side.value}-"
        return f"{own}{what}-{hashlib.sha256(data).hexdigest()[:16]}"

    def check_received(self, control: str) -> int:
        """`BoxChecks.check`: fake redactions looked for in a received document."""
        return BoxChecks(self.ctx).check(control)

    def check_received_many(self, controls: Sequence[str]) -> dict[str, int]:
        """`BoxChecks.check_many`: the same for many, x-ray reading them in one go."""
        return BoxChecks(self.ctx).check_many(controls)
