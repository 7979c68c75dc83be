"""Productions received: another party's volume (load files, images, text, natives) into the
record, and a check of every received document for boxes drawn over text still in the file.

A volume is what a review platform exports: a Concordance DAT (one row per document, in any of
the dialects real platforms write), an Opticon OPT (one line per page image), page images
(TIFF, often one file per page, sometimes multi-page), extracted text files and natives. Each
record becomes one document in this workspace:

* its pages are the OPT's images for that control number, assembled in order into one PDF; or
  the PDF the DAT names (PDFPATH: our own volumes); or the native itself when it is a PDF; or
  the native rendered by LibreOffice (Office files, web pages, EMF/WMF: a batch of records in
  one run), else a one-page placeholder naming it and a line saying why;
* every picture (page images, picture natives) is read by ingest's own step, within its limits
  (`clawback.ingest.images`, `clawback.ingest.limits`);
* the native is kept in the file store beside it;
* where the PDF has no text of its own (images, placeholders) the extracted text file is used;
* families come from BEGATTACH/ENDATTACH or the parent's control number, parent first;
* the files inside an e-mail, Office or PDF native become documents of the record's family,
  named ``BEGBATES.0001`` ..., designated as the record was, when the volume's rows do not
  list them already (the rule: `clawback.service.received_children`);
* pages get the volume's Bates numbers when it gives them (begin and end, or page IDs);
* a designation the volume gives (CONFIDENTIALITY, DESIGNATION ...) is applied as the producing
  party's: the order's tier it names, else (a value the order does not know) the most
  restrictive tier until the parties settle it, and the line says so;
* each record is a document of its own, even when its file is byte for byte another record's:
  the two are recorded as duplicates of each other (``duplicates`` in their meta), each with its
  own fields and numbers.

A record that cannot be read is reported in one line (row, control number, reason) and the
rest go on; a record imported before (same volume, same control number) is not imported again.
Every defect of a record that is read all the same is one line too (`clawback.loadfiles.defects`
and the OPT against the DAT): a Bates gap or overlap after the record before, a record only in
the OPT or only in the DAT, one marked privileged or withheld, empty hash fields, classification
markings, a control number used twice (the first row is imported, with the OPT's images), a
file identical to another record's, a designation the order does not know.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path, PureWindowsPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.domain.bates import BatesError, BatesNumber, BatesRange
from clawback.domain.counts import counted
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.order import Side
from clawback.domain.seats import Act
from clawback.ingest.children import native_page
from clawback.ingest.ready import Ready, make_ready, with_meta
from clawback.ingest.unreadable import library_said, unreadable
from clawback.loadfiles import resolve
from clawback.loadfiles.fields import DATE, ISO_DATE, looks_like_path
from clawback.loadfiles.text import decode
from clawback.loadfiles.volume import Row, one_line, read_volume, stated_span, suffix
from clawback.pdf.files.document import open_pdf
from clawback.pdf.marks.slipsheet import placeholder
from clawback.pdf.shows.extract import page_count
from clawback.service import access as access_rules
from clawback.service import (
    control_names,
    ingest_store,
    lookup,
    received_children,
    received_duplicates,
    received_names,
    stamps,
)
from clawback.service.base import Service
from clawback.service.ingest import Ingest
from clawback.service.received_children import EMAILS
from clawback.service.received_designations import designation
from clawback.service.received_duplicates import Duplicates, Later
from clawback.service.volume_files import IMAGE_MAGIC, Natives, images_to_pdf
from clawback.service.volume_numbers import refuse_others_series, refuse_unknown_series
from clawback.storage import tables as t

_NO_TEXT = ("images", "image native", "placeholder")  # pages whose text is not the document's
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
    ".msg": "application/vnd.ms-outlook",
    ".eml": "message/rfc822",
    ".htm": "text/html",
    ".html": "text/html",
    ".txt": "text/plain",
    ".png": "image/png",
}


@dataclass(frozen=True)
class Imported:
    """One record now in the record: our control number and what it was made from."""

    control: str
    theirs: str
    pages: int
    source: str  # images, pdf, native, converted native, placeholder
    bates: str | None
    family: str | None
    warnings: int
    notes: tuple[str, ...] = ()  # what was missing, though the document is in
    designation: str | None = None  # the tier applied from the volume's designation field
    file: str = ""  # SHA-256 of the native (or, without one, of the record's PDF) as received
    duplicates: tuple[str, ...] = ()  # our control numbers of the records with the same file
    row: int = 0  # the record's row in the load file
    attachment_of: str | None = None  # a file inside this record's native (`received_children`)


@dataclass
class ImportReport:
    """What ``import_received`` did: the documents imported and every record it could not."""

    volume: str
    imported: list[Imported] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Imports(Service):
    # -- volumes -------------------------------------------------------------------------------

    def import_volume(self, folder: Path) -> tuple[list[str], list[str]]:
        """Load a volume (its DATA/*.dat, or the one DAT in the folder); returns (control
        numbers imported, problems). See ``volume``."""
        report = self.volume(folder)
        return [i.control for i in report.imported], report.problems

    def volume(
        self, folder: Path, dat: Path | None = None, opt: Path | None = None
    ) -> ImportReport:
        """Load another party's production volume at ``folder`` (see the module doc). Without
        ``dat`` and ``opt`` the one DAT (and OPT, if any) in ``folder/DATA`` or ``folder`` are used;
        given one or both, just those.

        Each record goes in whole in one unit of work (`_import_row`): its document, pages,
        designation, Bates numbers, received record, children, duplicate links and audit
        entries, or none of them. An import stopped anywhere (killed, an error) and run again
        finds each record in or not, and checks for fake redactions the records a stopped run
        left unchecked."""
        self.ctx.require(Act.import_volume)
        self.ctx.require(Act.ingest)
        volume, rows, problems = read_volume(folder, dat, opt)
        report = ImportReport(volume, problems=problems)
        natives = Natives(folder, rows)
        named = {row.control for row in rows}
        seen: dict[str, int] = {}
        before: list[str] = []  # imported by an earlier run: checked if it was stopped first
        with self.ctx.transaction() as s:
            duplicates = Duplicates.earlier(s, Ingest(self.ctx).side.value)
        try:
            for row in rows:
                where = f"row {row.number} ({row.control or '?'})"
                report.problems += [f"{where}: {line}" for line in row.defects]
                if not row.control:
                    report.problems.append(f"{where}: no control number")
                    continue
                if row.control in seen:
                    report.problems.append(
                        f"{where}: duplicate control number (first on row {seen[row.control]})"
                    )
                    continue
                seen[row.control] = row.number
                try:
                    known = self._imported_before(volume, row)
                    before += known  # checked below, if the run that imported it stopped first
                    imported, said = self._import_row(
                        folder, volume, row, natives, named, duplicates, known
                    )
                except (ClawbackError, ValueError, OSError) as exc:
                    report.problems.append(f"{where}: {one_line(exc)}")
                    continue
                except Exception as exc:  # a reading library's own, past `_ready`: the row's
                    if (damage := library_said(exc)) is None:
                        raise
                    report.problems.append(f"{where}: damaged file: {damage}")
                    continue
                report.imported += imported  # the record, then the files taken out of it
                report.problems += [f"{where}: {note}" for note in imported[0].notes]
                report.problems += said  # its file another record's
        finally:  # every document in is checked, x-ray reading them all in one go
            controls = [i.control for i in report.imported]
            counts = Ingest(self.ctx).check_received_many(controls + before)
            with self.ctx.transaction() as s:
                links = received_duplicates.named(s, controls)
            report.imported = [
                replace(i, warnings=counts.get(i.control, 0), duplicates=links.get(i.control, ()))
                for i in report.imported
            ]
        return self._as_named(report)

    def _as_named(self, report: ImportReport) -> ImportReport:
        """The report with each of our documents by the name the importer is given
        (`control_names`: an employee imported RCV-000004 where RCV-000001 was beyond them)."""
        ingest = Ingest(self.ctx)
        wanted = [c for i in report.imported for c in (i.control, *i.duplicates)]
        named = dict(zip(wanted, ingest.names(wanted), strict=True))
        report.imported = [
            replace(i, control=named[i.control], duplicates=tuple(named[d] for d in i.duplicates))
            for i in report.imported
        ]
        return report

    def _imported_before(self, volume: str, row: Row) -> list[str]:
        """The control numbers of the record (then of the files taken out of it) if this
        side's import of ``volume`` holds it already and the importer may know of it (one
        beyond their tier is not there, as for them); else none."""
        with self.ctx.transaction() as s:
            known = _known(s, volume, row, Ingest(self.ctx).side, self.actor)
            if known is None:
                return []
            return [known.control] + [d.control for d in received_names.taken_out_of(s, known)]

    def _import_row(
        self,
        folder: Path,
        volume: str,
        row: Row,
        natives: Natives,
        named: set[str],
        duplicates: Duplicates,
        known: list[str],
    ) -> tuple[list[Imported], list[str]]:
        """The record as a document, then the files taken out of its native
        (`received_children`), each one `Imported`; and the lines saying which of them have a
        file another record has. Everything is read first; then the record's whole effect is
        written in one unit of work, or nothing of it. ``known``: the record's documents if
        this side imported it before (`_imported_before`)."""
        for name, value in row.dates.items():
            _check_date(name, value)
        if known:  # before its numbers, which are its own (a rerun after a kill, say)
            [name] = Ingest(self.ctx).names(known[:1])  # as the importer names it
            raise RuleViolation(f"imported before from volume {volume} as {name}")
        with self.ctx.transaction() as s:  # refused before its files are read
            _refuse_taken(s, stated_span(row), Ingest(self.ctx).side, self.actor)
        notes: list[str] = []
        pdf, source, native = self._pages_of(folder, row, notes, natives)
        span = _span(row, page_count(pdf), notes)
        inside = received_children.take_out(row, named, native, natives, notes)
        family = received_children.family_of(row, volume, inside)
        keyed = self._family(family)  # the name it is kept under
        meta: dict[str, Any] = {k.lower(): v for k, v in row.values.items() if v}
        meta |= {"volume": volume, "control_number": row.control, "source": source}
        file = hashlib.sha256(pdf if native is None else native[1]).hexdigest()
        meta["file_sha256"] = file  # what a later import's identical file is found by
        if native is not None:
            meta |= {"native_name": native[0], "native_sha256": file}
        if notes:  # what of the record was not read, kept on its document
            meta["warnings"] = list(notes)
        text = self._text_file(folder, row, notes)
        ready = _with_text(_ready(pdf, natives.made, meta), text, source)
        ingest = Ingest(self.ctx)
        with self.ctx.transaction() as s:  # the record's whole effect, or nothing of it
            side = ingest.side
            s.execute(select(t.AuditHead.id).with_for_update())  # one writer from here on
            _refuse_taken(s, span, side, self.actor)
            # no constraint says a record is in once (it would name other collections'):
            # this look, under the writers' lock, does
            meanwhile = _known(s, volume, row, side, self.actor)
            if meanwhile is not None:  # another import took it meanwhile
                taken = control_names.named(self.actor, meanwhile) or meanwhile.control
                raise RuleViolation(f"imported before from volume {volume} as {taken}")
            said: list[str] = []  # of its designation: said after what its file lost
            designated = designation(s, row, volume, said)
            doc = ingest_store.add_document(
                ingest,
                s,
                ready,
                title=row.roles.get("title") or row.control,
                kind="received",  # checked with the whole volume, in `volume`
                exhibit=None,
                family=keyed,
                parent=row.parent or bool(inside.members),
                publicly_available=False,
                designated=designated,  # in the unit of work that stores it: never without
            )
            if native is not None:  # kept beside the PDF made from it
                media = MEDIA_TYPES.get(suffix(native[0]), "application/octet-stream")
                self.ctx.put(s, native[1], media, None, "native")
            s.add(
                t.ReceivedRecord(
                    document_id=doc.id, volume=volume, control=row.control, row=row.number
                )
            )
            if span is not None:
                self._number(s, doc, span, volume)
            notes += said
            designation_given = designated.tier if designated is not None else None
            self.ctx.audit(
                s, "volume.import", row.control, volume=volume, document=doc.control, row=row.number
            )
            kids = received_children.store(ingest, s, row, volume, inside, designation_given, keyed)
            access_rules.refresh(s, [doc], stored_now=True)
            record = Imported(
                doc.control,
                row.control,
                doc.page_count,
                source,
                str(span) if span is not None else None,
                family,
                0,  # the fake redactions found: counted once the volume is checked
                (*notes, *inside.said),  # the files' own said to the importer too
                designation_given,
                file,
                row=row.number,
            )
            children = [
                Imported(
                    kid.control,
                    child,
                    kid.page_count,
                    f"{row.control}'s native",
                    None,  # no Bates number of its own
                    family,
                    0,
                    designation=designation_given,
                    file=str(kid.meta["file_sha256"]),
                    row=row.number,
                    attachment_of=row.control,
                )
                for kid, child in zip(kids, inside.names, strict=True)
            ]
            lines = [
                duplicates.link(s, self.actor, d, Later(i.row, i.theirs, i.control, i.file))
                for d, i in zip([doc, *kids], [record, *children], strict=True)
            ]
            return [record, *children], [line for line in lines if line is not None]

    def _number(self, s: Session, doc: t.Document, span: BatesRange, volume: str) -> None:
        """The record's pages given the volume's Bates numbers (a longer native: its first
        pages), the record produced in the volume as this side keeps it."""
        pages = s.scalars(
            select(t.Page).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
        ).all()
        numbered = pages[: len(span)]  # a longer native: the rest unnumbered
        for page, number in zip(numbered, span, strict=True):
            page.bates = number
        kept = _volume_name(Ingest(self.ctx).side, volume)
        production = s.scalar(select(t.Production).where(t.Production.volume == kept))
        if production is None:
            production = t.Production(volume=kept, first=span.first, last=span.last)
            s.add(production)
            s.flush()
        production.last = span.last
        doc.produced, doc.production = doc.original, production.id
        stamps.stamp(doc, [page.bates for page in numbered if page.bates is not None])

    def _family(self, family: str | None) -> str | None:
        """The name a family is kept under: ``VOLUME:BEGATTACH`` names the parent by its Bates
        number, which a reader beyond the parent's tier may not know of, so the key is an HMAC of
        it under the audit key (the same for the volume imported again)."""
        if family is None:
            return None
        volume, _, key = family.partition(":")
        mac = self.ctx.workspace.keys.mac(b"family\x00" + family.encode())
        return f"{volume[:40]}:{mac[:16]}" if key else family

    def _pages_of(
        self, folder: Path, row: Row, notes: list[str], natives: Natives
    ) -> tuple[bytes, str, tuple[str, bytes] | None]:
        """The record's PDF, where it came from, and its native (name, bytes) if there is one.
        A missing native is noted when the record has pages without it, else refused."""
        native = None
        if row.roles.get("native"):
            path = resolve(folder, row.roles["native"])
            missing = f"native {row.roles['native']} is not in the volume"
            if path.is_file():
                native = (PureWindowsPath(row.roles["native"]).name, path.read_bytes())
            elif row.roles.get("pdf") or row.images is not None:
                notes.append(f"{missing}; imported without it")
            else:
                raise NotFound(missing)
        if row.roles.get("pdf"):
            path = resolve(folder, row.roles["pdf"])
            if not path.is_file():
                raise NotFound(f"PDF {row.roles['pdf']} is not in the volume")
            return path.read_bytes(), "pdf", native
        if row.images is not None:
            return images_to_pdf(folder, row.images), "images", native
        if native is None:
            raise NotFound("no images, PDF or native for this record")
        name, data = native
        kind = suffix(name)
        if kind == ".pdf":
            with open_pdf(data):
                pass  # a one-line PdfError if it is not a readable PDF
            return data, "native", native
        said = len(notes)
        if data.startswith(IMAGE_MAGIC):
            try:
                return natives.picture(data), "image native", native
            except ClawbackError as exc:
                notes.append(f"native {name} {exc}: produced in native form")
        made = natives.rendered(row)
        if made is not None and made.pdf is not None:
            notes += made.warnings  # a spreadsheet's hidden parts shown
            return made.pdf, "converted native", native
        if made is not None:  # a placeholder, below: the native is still kept
            why = made.failure
            notes.append(f"native {name} could not be rendered ({why}): produced in native form")
        if kind in EMAILS:
            members = natives.family(name, data)  # read once: its attachments come next
            if members and members[0].pdf:
                return members[0].pdf, "rendered e-mail", native
        if len(notes) == said:  # nothing tried: text shown as text, else a placeholder says why
            pages, lack = native_page(name, data)
            if pages is not None:
                return pages, "text native", native
            notes.append(f"native {name} {lack}: produced in native form")
        sha = hashlib.sha256(data).hexdigest()
        return (
            placeholder(["Produced in native form", name, f"sha256 {sha[:16]}"]),
            "placeholder",
            native,
        )

    def _text_file(self, folder: Path, row: Row, notes: list[str]) -> str | None:
        value = row.roles.get("text", "")
        if not value:
            return None
        if not looks_like_path(value):
            return value  # the text itself, in the load file
        try:
            data = resolve(folder, value).read_bytes()
        except (OSError, ValueError):
            notes.append(f"text file {value} is not in the volume; imported without it")
            return None
        return decode(data)[0]


def _known(s: Session, volume: str, row: Row, side: Side, actor: Actor) -> t.Document | None:
    """The document this side's import of ``volume`` made of the record, if the importer may
    know of it (one beyond their tier is not there, as for them)."""
    known = s.scalar(
        select(t.Document)
        .join(t.ReceivedRecord, t.ReceivedRecord.document_id == t.Document.id)
        .where(t.ReceivedRecord.volume == volume, t.ReceivedRecord.control == row.control)
        .where(t.Document.held_by == side.value)  # this side's imports
    )
    if known is not None and lookup.allowed(s, actor, known, lookup.Need.know):
        return known
    return None


def _ready(pdf: bytes, made: dict[str, Ready], meta: dict[str, Any]) -> Ready:
    """The record's PDF made ready (`ingest.ready`), once for a file the volume repeats (the
    made files kept in ``made``), with the record's own fields."""
    key = f"{hashlib.sha256(pdf).hexdigest()}:convert"
    if key not in made:
        with unreadable(pdf, "record.pdf"):  # a library failing on it: the row's one line
            made[key] = make_ready(pdf, None, "", "application/pdf", "convert", None, None)
    return with_meta(made[key], meta)


def _with_text(ready: Ready, text: str | None, source: str) -> Ready:
    """The record's pages with the volume's extracted text where the PDF has none of its own
    (page images, a placeholder): split at form feeds when they match its pages, else all on
    its first page."""
    if text is None:
        return ready
    if source not in _NO_TEXT and any(p.text.strip() for p in ready.pages):
        return ready
    parts = text.split("\f")
    if len(parts) != len(ready.pages):
        parts = [text] + [""] * (len(ready.pages) - 1)
    pages = [replace(p, text=part) for p, part in zip(ready.pages, parts, strict=True)]
    return replace(ready, pages=pages)


def _volume_name(side: Side, volume: str) -> str:
    """The name an imported volume is kept under: the producing side's as given (its own
    volumes, exported and loaded back); another side's under a name no production may take
    (``.receiving/NAME``), so an import named as one of the producing side's volumes is a
    volume of its own and the producing side never reaches it by its name
    (``lookup.volume``)."""
    if side is Side.producing:
        return volume[:40]
    return f".{side.value}/{volume}"[:40]


def _refuse_taken(s: Session, span: BatesRange | None, side: Side, actor: Actor) -> None:
    """A volume's numbers may not be in another side's series (whichever number: see
    ``volume_numbers.refuse_others_series``), nor on a page of the record already."""
    if span is None:
        return
    refuse_others_series(s, span.first, side)
    refuse_unknown_series(s, span.first, actor)  # no number on a page they may not know of
    taken = s.scalar(select(t.Page.bates).where(t.Page.bates.in_(list(span))))
    if taken is not None:
        raise RuleViolation(f"Bates number {taken} is already in the record")


def _span(row: Row, pages: int, notes: list[str]) -> BatesRange | None:
    """The Bates numbers of the record's pages, when the volume gives them.

    A record with more pages than its stated span (a native produced under the one number of
    its slip sheet, rendered here to all its pages) is kept whole: litigation support needs
    every page of what the other side produced to review and search, and cites the record by
    the numbers it was given; refusing it would drop a produced document from the import. Its
    first pages take the span's numbers, the rest none, and a line in `notes` says so with
    both counts. A record with fewer pages than its span is refused in one line with both
    counts: pages the other side numbered are missing from the volume."""
    try:
        if row.images is not None and len(row.images.pages) == pages:
            numbers = [BatesNumber.parse(page.key) for page in row.images.pages]
            span = BatesRange(numbers[0], numbers[-1])
            if [str(n) for n in span] == [str(n) for n in numbers]:
                return span
        stated = stated_span(row)
        if stated is not None:
            named = f"{stated} names {counted(len(stated), 'page')}, the document has {pages}"
            if len(stated) > pages:
                raise RuleViolation(f"{named}: pages the volume numbered are missing")
            if len(stated) < pages:
                first = "page" if len(stated) == 1 else counted(len(stated), "page")
                notes.append(
                    f"{named}: imported whole, its first {first} numbered {stated}, "
                    f"{counted(pages - len(stated), 'page')} without a Bates number"
                )
            return stated
    except BatesError:
        return None
    return None


def _check_date(name: str, value: str) -> None:
    match = DATE.fullmatch(value) or ISO_DATE.fullmatch(value)
    if match is None:
        return  # a form we do not know: kept as it is
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        hour = match.groupdict().get("h")
        if hour is not None:
            h, minute = int(hour), int(match["mi"])
            if match["ampm"] and not 1 <= h <= 12:
                raise ValueError(f"hour {h} with {match['ampm']}")
            datetime(day.year, day.month, day.day, h % 24, minute, int(match["s"] or 0))
    except ValueError as exc:
        raise ClawbackError(f"{name} {value!r} is not a date ({exc})") from None


def describe(report: ImportReport) -> list[str]:
    """One line per imported document, for the command line."""
    lines = []
    for i in report.imported:
        extra = f", Bates {i.bates}" if i.bates else ""
        extra += f", family {i.family}" if i.family else ""
        extra += f", designated {i.designation}" if i.designation else ""
        extra += f", duplicate of {', '.join(i.duplicates)}" if i.duplicates else ""
        extra += f", {i.warnings} warning{'s' if i.warnings != 1 else ''}" if i.warnings else ""
        pages = f"{i.pages} page{'s' if i.pages != 1 else ''}"
        lines.append(f"{i.control}  {i.theirs}  {pages} from {i.source}{extra}")
    return lines
