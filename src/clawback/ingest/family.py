"""The family step: a container's members made ready to be the documents of one family, before
anything is stored. One step for every way a family comes in: `Ingest._add_family` (an
e-mail and its attachments, an archive, a PDF or an Office file carrying files) and a received
volume's natives (`service.received_children`: the files inside a record's e-mail, Office or
PDF native).

The step's contract: given the members in family order (`children` has found every child of
every container), each member without pages of its own is rendered (`render_members`: one
LibreOffice run for the lot) or given a placeholder page saying why, and made ready
(`ready.make_ready`: decrypted, held to the limits, OCR'd, read); one `ReadyMember` per member,
in order, with the meta the record keeps of it (its name escaped, depth, role, custodian, a
message's headers) and what reading it lost in its ``warnings``. ``parent_first`` says the
first member is the family's parent (a file ingested); without it every member is a child (a
received record's native is its parent, already a document). A child that cannot be made
ready (a locked PDF, a decompression bomb) is kept in native form behind a placeholder page,
its reason in `ReadyMember.unread` and in its warnings: a family loses no member, and one bad
attachment does not refuse its message. The parent that cannot be made ready refuses the whole
family in one line (nothing of it is stored). Nothing here stores anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from clawback import email
from clawback.domain.errors import ClawbackError
from clawback.ingest.batch import shown
from clawback.ingest.children import drawn_here, render_members
from clawback.ingest.prepare import MEDIA_TYPES
from clawback.ingest.ready import Ready, make_ready
from clawback.ingest.unreadable import unreadable
from clawback.pdf.marks.slipsheet import placeholder

__all__ = ["ReadyMember", "ready_family"]


@dataclass(frozen=True)
class ReadyMember:
    """A member made ready: the member, its document-to-be, its title and kind, whether it is
    the family's parent, whether its file as received is kept beside its pages (no pages of
    its own, or none that could be read), and why it could not be read (None: it was)."""

    member: email.Member
    ready: Ready
    title: str
    kind: str
    top: bool
    keep_native: bool
    unread: str | None = None


def ready_family(
    members: Sequence[email.Member],
    *,
    custodian: str,
    kind: str | None,
    password: str | None = None,
    title: str | None = None,
    parent_first: bool = True,
) -> list[ReadyMember]:
    """Every member made ready, in order (see the module doc)."""
    rendered = render_members(members)
    out = []
    for n, m in enumerate(members):  # everything read before anything is stored
        top = parent_first and n == 0
        made, said = rendered.get(n, (m.pdf, []))
        msg = m.message
        lost = [*(msg.warnings if msg is not None else ()), *m.warnings, *said]
        unread = None
        try:
            with unreadable(m.native, m.name):  # a library failing on it: `Refused`
                ready = _ready(m, made, top, custodian, password if top else None)
        except ClawbackError as exc:
            if top:
                raise
            unread = " ".join(str(exc).split()) or type(exc).__name__
            ready, made = _ready(m, None, top, custodian, None), None
            lost.insert(0, f"{shown(m.name)!r} could not be read ({unread}): kept in native form")
        if lost:  # what the file lost, before what OCR says
            ready.info["warnings"] = [*lost, *ready.info.get("warnings", ())]
        # its file as received kept beside its pages: one with no page form of its own, and a
        # message (its pages are drawn here; the .eml/.msg itself is what was received)
        keep = made is None or m.pdf is None or m.message is not None
        out.append(_member(m, ready, top, title, kind, keep, unread))
    return out


def _member(
    m: email.Member,
    ready: Ready,
    top: bool,
    title: str | None,
    kind: str | None,
    keep_native: bool,
    unread: str | None,
) -> ReadyMember:
    name = shown(m.name)
    msg = m.message
    named = (title if top else None) or (msg.subject if msg else name) or name
    return ReadyMember(m, ready, named, kind or ready.info["role"], top, keep_native, unread)


def _ready(
    m: email.Member, made: bytes | None, top: bool, custodian: str, password: str | None
) -> Ready:
    """One member made ready from its pages (``made``; None: a placeholder naming it)."""
    native_sha = hashlib.sha256(m.native).hexdigest()
    name = shown(m.name)  # an attachment's name is the sender's: one line, escaped
    pdf = made or placeholder(["Produced in native form", name, f"sha256 {native_sha[:16]}"])
    msg = m.message
    role = "email" if msg is not None else m.kind or ("pdf" if top else "attachment")
    meta: dict[str, Any] = {"name": name, "depth": m.depth, "custodian": custodian}
    meta["role"] = role
    if msg is not None:
        # the message file as received (kept beside its drawn pages; never a native to
        # produce: it carries every attachment, withheld ones too)
        meta["message_sha256"] = native_sha
        meta |= {
            "subject": msg.subject,
            "author": msg.sender,
            "recipients": "; ".join(msg.to + msg.cc + msg.bcc),
            "date": msg.date or "",
            "message_id": msg.message_id or "",
        }
    if made is None:
        meta["native_sha256"] = native_sha
        return make_ready(pdf, None, "", "application/pdf", "convert", None, meta)
    if m.pdf is not None:  # pages of its own (a PDF, a message drawn here)
        own = drawn_here(m)
        return make_ready(pdf, None, "", "application/pdf", "convert", password, meta, own)
    if top:  # an Office file carrying files: made from its native, as a file ingested alone is
        media = MEDIA_TYPES.get(PurePath(m.name).suffix.lower(), "application/octet-stream")
        return make_ready(pdf, m.native, name, media, "convert", password, meta)
    meta["native"] = {"name": name, "sha256": native_sha, "rendered": "convert"}
    return make_ready(pdf, None, "", "application/pdf", "convert", None, meta)
