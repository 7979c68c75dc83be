"""The unpack step: the archives of a family opened, each member a document of the family.

The step's contract: `unpacked` takes a family's members (an e-mail's, from `email.family`, or
an archive alone: `archive_family`) and returns them with every archive among them opened in
place: the archive stays a member (``kind`` ``archive``: a page naming it, no file), followed
by each of its members one level deeper, and so at any depth: an e-mail in a zip becomes its
family (the message and its attachments), a zip in that e-mail is opened in turn. A member that
is neither is given pages as an e-mail attachment is (a PDF, a picture, text); Office files and
web pages are left for the family's one LibreOffice run (`Workspace._add_family`). Nothing is
stored here; every limit of `clawback.ingest.limits` (members, bytes, ratio, ``MAX_ARCHIVE_DEPTH``
containers deep) is checked for the whole family together, and a file passing one is refused in
one line naming the member, before anything is stored. Runs only when the caller asks
(``ingest --unpack``).
"""

from __future__ import annotations

from dataclasses import replace

from clawback import email
from clawback.domain.errors import ClawbackError
from clawback.ingest.archives import Budget, Entry, read_archive, renamed_why
from clawback.ingest.batch import shown
from clawback.ingest.limits import MAX_ARCHIVE_DEPTH, Refused
from clawback.ingest.sniff import ARCHIVE, EMAIL, sniff

__all__ = ["archive_family", "is_archive", "left_packed", "unpacked"]


def is_archive(data: bytes, name: str) -> bool:
    """Whether this file is an archive the unpack step opens (an Office package is not)."""
    try:
        return sniff(data, name).kind == ARCHIVE
    except ClawbackError:
        return False


def archive_family(data: bytes, name: str) -> list[email.Member]:
    """An archive and everything in it, as a family (see the module doc)."""
    return unpacked([email.Member("parent", name, None, data, 0)])


def unpacked(members: list[email.Member], budget: Budget | None = None) -> list[email.Member]:
    """`members` with each archive among them opened in place (see the module doc)."""
    budget = budget if budget is not None else Budget()
    out: list[email.Member] = []
    for m in members:
        if m.pdf is not None or m.message is not None or not is_archive(m.native, m.name):
            out.append(m)
            continue
        if m.depth + 1 > MAX_ARCHIVE_DEPTH:
            raise Refused(
                f"archive {shown(m.name)!r} is nested deeper than {MAX_ARCHIVE_DEPTH} "
                "containers (a recursion bomb?)"
            )
        entries = read_archive(m.native, m.name, budget)
        out.append(_listed(m))
        for entry in entries:
            out += unpacked(_members(entry, m.depth + 1), budget)
    return out


def left_packed(members: list[email.Member]) -> list[email.Member]:
    """`members` as they are, each archive among them (not opened: no ``--unpack``) with a
    warning saying its files were not taken in, so a family never hides them silently."""
    return [
        replace(m, warnings=(*m.warnings, _PACKED.format(shown(m.name))))
        if m.pdf is None and m.message is None and is_archive(m.native, m.name)
        else m
        for m in members
    ]


_PACKED = (
    "attachment {!r} is an archive: kept as it is, its files not taken in (ingest with "
    "--unpack to make each a document of the family)"
)


def _listed(archive: email.Member) -> email.Member:
    """The archive as a member: a page naming the archive, never its files nor how many: the
    page is the same file for every reader, and a file designated above its archive is withheld
    from some (each file is a document of the family, listed to whoever may know of it)."""
    lines = [f"Archive {shown(archive.name)}", "", "Its files are the documents of its family."]
    page = email.render_attachment(email.Attachment("listing.txt", "text/plain", _text(lines)))
    return replace(archive, pdf=page, kind="archive")


def _members(entry: Entry, depth: int) -> list[email.Member]:
    """One archive member as the members it makes: itself, or an e-mail's whole family; a
    name of it reaching outside the archive, neutralised, said on it (never on the archive,
    which a reader it is withheld from reads)."""
    made = _made(entry, depth)
    if entry.renamed:
        said = (
            f"archive member {shown(entry.renamed)!r} named {entry.name!r}: "
            f"{renamed_why(entry.renamed)}"
        )
        made[0] = replace(made[0], warnings=(*made[0].warnings, said))
    return made


def _made(entry: Entry, depth: int) -> list[email.Member]:
    """One archive member as the members it makes: itself, or an e-mail's whole family."""
    if entry.data is None:
        why = f"archive member {entry.name!r} is {entry.unread}: kept as it is, not read"
        kept = entry.stored
        return [email.Member("attachment", entry.name, None, kept, depth, warnings=(why,))]
    try:
        kind = sniff(entry.data, entry.name).kind
    except ClawbackError:
        kind = ""
    if kind == EMAIL:
        try:
            family = email.family(entry.data, entry.name)
        except ClawbackError:
            pass
        else:
            return [replace(f, role="attachment", depth=f.depth + depth) for f in family]
    page = email.render_attachment(email.Attachment(entry.name, "", entry.data))
    return [email.Member("attachment", entry.name, page, entry.data, depth)]


def _text(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")
