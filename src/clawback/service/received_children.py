"""The files inside a received record's native, taken out as documents of the record's family.

A load-file volume usually lists an e-mail's attachments as rows of their own, each with its
own Bates numbers, the family given by BEGATTACH/ENDATTACH or the parent's control number:
taking the same files out of the e-mail's native again would put every attachment in the
record twice. The rule:

* the files inside a native (an e-mail's attachments at any depth, an Office package's
  embedded objects, a PDF's embedded files and portfolio members, and the files inside those:
  every child `ingest.children` finds) are taken out only when the volume's rows say nothing
  of the record's family: no other row is of its family, it names no parent, and its
  attachment range (BEGATTACH/ENDATTACH), if it has one, holds the record alone;
* a record whose fields name a family the volume does not hold (an attachment range reaching
  past the record, a parent not in the volume: attachments withheld, or produced in another
  volume) keeps its files inside its native, and one line says how many and why;
* each file taken out is a document of the record's family, the record its parent (family
  ``VOLUME:BEGBATES``, as `loadfiles.volume` names the families a volume gives), in the order
  the native holds them, made ready by ingest's own family step (`ingest.family`: rendered,
  OCR'd, read, its file as received kept), of kind ``received``, checked for fake redactions
  with the rest of the volume;
* it has no Bates number of its own (the producing party numbered the record, not the files
  inside its native) and never takes the record's. It is named by the record's first Bates
  number (or control number) and its place in the native: ``ABC000123.0001``,
  ``ABC000123.0002`` ...: the name of its received record (`ReceivedRecord.control`;
  ``control_number`` and ``attachment_of`` in its meta), the name the import's report and its
  designation's note give it. Listed, it is what a file ingested and not yet produced is: its
  control number (``RCV-000124``) and its own title (a message's subject, else its file name),
  in the record's family. A volume export carries the record alone, its native whole, as the
  volume had it;
* it takes the record's received designation, entered in the transaction that stores it (never
  a moment visible to a tier the designation withholds), with a note naming the value as
  received and the volume, and the record by no number: designated apart later, the file may
  be read by someone the record's tier withholds from (`family_note`, `WITH_RECORD`; a note
  kept before names it, and is shown to such a reader without its names, `unnamed`: these
  names and notes are `received_names`, read without opening any native);
* a file that cannot be read (locked, past the limits) is a document all the same, kept in
  native form behind a placeholder page, with a warning on its own document (in its meta's
  ``warnings``, so `clawback check` lists it), as is a file cut short, never on the record's
  (a file designated apart is withheld from some who read the record: its name with it); the
  import's report says both on the record's row; what the e-mail native itself lost (cut
  short) is on the record's.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from clawback import email
from clawback.domain.bates import BatesError, BatesNumber, BatesRange
from clawback.domain.counts import counted
from clawback.domain.errors import ClawbackError
from clawback.ingest import shown
from clawback.ingest.children import children
from clawback.ingest.family import ReadyMember, ready_family
from clawback.loadfiles.volume import Row, stated_span, suffix
from clawback.service import access as access_rules
from clawback.service import ingest_store
from clawback.service.ingest import Ingest
from clawback.service.received_names import family_note
from clawback.service.volume_files import Natives
from clawback.storage import tables as t

__all__ = [
    "EMAILS",
    "Found",
    "Inside",
    "family_of",
    "found_inside",
    "store",
    "take_out",
]

#: The natives read as e-mails (their message the record's pages, their attachments inside).
EMAILS = (".eml", ".msg")


@dataclass(frozen=True)
class Inside:
    """The files taken out of a record's native, made ready, each with its received name."""

    members: list[ReadyMember] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    #: what a file lost (not read, cut short): said to the importer, and on that file's own
    #: document, never on the record's, whose reader a file designated apart is withheld from
    said: list[str] = field(default_factory=list)


def family_of(row: Row, volume: str, inside: Inside) -> str | None:
    """The record's family: the volume's, else its own when files were taken out of it."""
    return row.family or (f"{volume}:{row.control}"[:80] if inside.members else None)


@dataclass(frozen=True)
class Found:
    """The files inside a record's native, in order, each with the name it is received under
    (``ABC0001.0001`` ...), and why the rule leaves them in it (None: taken out)."""

    members: list[email.Member] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    left: str | None = None


def found_inside(
    row: Row, named: set[str], native: tuple[str, bytes] | None, natives: Natives, notes: list[str]
) -> Found:
    """The files inside the record's native and what the rule does with them (see the module
    doc), reading but not rendering them; files left inside, and what an e-mail native lost,
    said in ``notes``. ``named``: the control numbers of the volume's records, none of which
    a child may take."""
    if native is None:
        return Found()
    name, data = native
    mail = suffix(name) in EMAILS
    if row.family is not None and not mail:  # the volume's rows are the family
        return Found()
    found = _files_inside(name, data, mail, natives, notes)  # an e-mail's lost parts said
    if not found or row.family is not None:
        return Found()
    names = [f"{row.control}.{n:04d}" for n in range(1, len(found) + 1)]
    why = _family_named(row) or next(
        (f"the volume has a record named {n}" for n in names if n in named), None
    )
    if why is not None:
        notes.append(f"its native holds {counted(len(found), 'file')}, left in it: {why}")
    return Found(found, names, why)


def take_out(
    row: Row, named: set[str], native: tuple[str, bytes] | None, natives: Natives, notes: list[str]
) -> Inside:
    """The files inside the record's native, made ready, when the rule takes them out
    (`found_inside`); every line to say (files left inside, files not read) added to
    ``notes``."""
    found = found_inside(row, named, native, natives, notes)
    if not found.members or found.left is not None:
        return Inside()
    try:
        members = ready_family(found.members, custodian="", kind="received", parent_first=False)
    except (ClawbackError, ValueError, OSError) as exc:  # the record goes in all the same
        why = " ".join(str(exc).split()) or type(exc).__name__
        notes.append(f"the files inside its native could not be read ({why}): left in it")
        return Inside()
    what = "attachment" if native is not None and suffix(native[0]) in EMAILS else "embedded file"
    lost: list[str] = []
    for m, child in zip(members, found.names, strict=True):
        if m.unread is not None:
            said = f"{what} {shown(m.member.name)!r} ({child}) could not be read ({m.unread})"
            lost.append(f"{said}: kept in native form")
        lost += [w for w in m.member.warnings if w.endswith(" truncated")]
        sha = hashlib.sha256(m.member.native).hexdigest()
        m.ready.info.update(control_number=child, attachment_of=row.control, file_sha256=sha)
        m.ready.info["source"] = f"{row.control}'s native"
    return Inside(members, found.names, lost)


def store(
    ingest: Ingest,
    s: Session,
    row: Row,
    volume: str,
    inside: Inside,
    tier: str | None,
    family: str | None,
) -> list[t.Document]:
    """The files taken out, stored as documents of ``family`` (the record's, as it is kept)
    inside the caller's transaction, each a received record of the volume and designated
    ``tier`` (the record's, as received) before its access is worked out."""
    if family is None or not inside.members:
        return []
    for m in inside.members:
        m.ready.info["volume"] = volume
    docs = ingest_store.add_family(
        ingest, s, inside.members, family, exhibit=None, publicly_available=False
    )
    value = " ".join(row.roles.get("designation", "").split())
    for doc, child in zip(docs, inside.names, strict=True):
        s.add(t.ReceivedRecord(document_id=doc.id, volume=volume, control=child, row=row.number))
        if tier is not None:
            note = family_note(value, volume)
            s.add(t.Designation(document_id=doc.id, tier=tier, note=note, with_record=True))
            ingest.ctx.audit(s, "designate", doc.control, tier=tier, received=value)
        ingest.ctx.audit(
            s, "volume.import", child, volume=volume, document=doc.control, row=row.number
        )
    access_rules.refresh(s, docs)
    return docs


def _files_inside(
    name: str, data: bytes, mail: bool, natives: Natives, notes: list[str]
) -> list[email.Member]:
    """Every file inside the native, in order, however deep (none: it is no container, or it
    cannot be read; an e-mail's lost parts said in ``notes``)."""
    if mail:
        roots = natives.family(name, data)
        if roots is None:
            return []  # not read as an e-mail: its pages' own step says so
        message = roots[0].message
        notes += list(message.warnings) if message is not None else []
    else:
        roots = [email.Member("parent", name, data if data.startswith(b"%PDF-") else None, data, 0)]
    try:
        return [m for m in children(roots) if m.depth > 0]
    except ClawbackError as exc:  # a PDF past the limits: its files are not inflated
        notes.append(f"the files inside its native could not be read ({exc}): left in it")
        return []


def _family_named(row: Row) -> str | None:
    """Why the record's own fields say its family is elsewhere (None: they name none): an
    attachment range reaching past the record, or a parent (neither of them in the volume, or
    the record would have a family)."""
    parent = row.roles.get("parent", "")
    if parent and parent != row.control:  # some platforms name a parent its own parent
        return f"it names its parent {parent}, not in this volume"
    begin, end = row.roles.get("begattach", ""), row.roles.get("endattach", "")
    if not begin and not end:
        return None
    own = stated_span(row)
    try:
        first = BatesNumber.parse(row.control)
        own = own or BatesRange.single(first)
        ends = [BatesNumber.parse(x) for x in (begin or end, end or begin)]
        alone = ends[0] == own.first and ends[1] in (own.first, own.last)
    except BatesError:
        alone = {begin, end} <= {row.control, row.roles.get("end", ""), ""}
    if alone:
        return None
    return f"its attachment range {begin}-{end} names records not in this volume"
