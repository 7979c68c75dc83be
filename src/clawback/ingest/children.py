"""The members of a family made ready to be documents: every child of every container found
(`children`: a PDF's embedded files, an Office package's, to `_MAX_DEPTH`), and the members
with no pages of their own given pages (`render_members`: pictures by ingest's picture step,
Office files, web pages and metafiles by LibreOffice in one run). The family step
(`ingest.family`) uses both, for ingest and for a received volume's natives; nothing here
stores anything."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from clawback import email
from clawback.domain.errors import ClawbackError
from clawback.ingest.batch import shown
from clawback.ingest.embedded import embedded_files, package_files
from clawback.ingest.images import PICTURES, image_pdf
from clawback.ingest.ole_objects import ole_files
from clawback.ingest.render import render
from clawback.ingest.sniff import OFFICE, is_text, sniff
from clawback.pdf.files.convert import RENDERED

__all__ = ["children", "drawn_here", "render_members"]

#: How deep children are looked for inside children (a PDF in a PDF in an e-mail ...).
_MAX_DEPTH = 5


def children(members: list[email.Member]) -> list[email.Member]:
    """The members with, after each that is a PDF, an Office package or an Office 97-2003
    file, the files embedded in it (`embedded`, `ole_objects`; and in those, to `_MAX_DEPTH`),
    one level deeper: no child of any container is left out."""
    out: list[email.Member] = []
    for m in members:
        out.append(m)
        if m.depth >= _MAX_DEPTH:
            continue
        found = (
            embedded_files(m.pdf)
            if m.pdf is not None
            else package_files(m.native) or ole_files(m.native)
        )
        inside = [email.Member("attachment", e.name, None, e.data, m.depth + 1) for e in found]
        out += children([_as_page(e) for e in inside]) if inside else []
    return out


def drawn_here(m: email.Member) -> bool:
    """Whether the member's pages were drawn by clawback from its text (a message, a text
    attachment: `email.render` draws them in MuPDF's own fonts), not received as a PDF (whose
    pages are its very bytes) nor rendered by another program from a file that may carry its
    own fonts (LibreOffice). Pictures drawn here as a page hold no font: it says nothing of
    them. `ingest.ready.make_ready` then trusts the fonts' maps (`ocr.ocr_plan`)."""
    return m.pdf is not None and m.pdf != m.native


def _as_page(m: email.Member) -> email.Member:
    """A child with its pages as an e-mail attachment gets them (a PDF, a picture, text)."""
    pdf = email.render_attachment(email.Attachment(m.name, "", m.native))
    return email.Member(m.role, m.name, pdf, m.native, m.depth)


def render_members(members: Sequence[email.Member]) -> dict[int, tuple[bytes | None, list[str]]]:
    """The members without pages whose kind LibreOffice renders (Office files, web pages,
    Windows metafiles), rendered in one run (`clawback.ingest.render`): by index, the PDF or
    None, and the warnings (why not; a spreadsheet's hidden parts shown). A picture without
    pages was refused by ingest's picture step (`ingest.images`): why is said too."""
    found: dict[int, tuple[bytes | None, list[str]]] = {}
    for n, m in enumerate(members):
        if m.pdf is None and m.native.startswith(PICTURES):
            try:
                found[n] = (image_pdf(m.native), [])
            except ClawbackError as exc:
                name = shown(m.name)
                found[n] = (None, [f"picture {name!r} not read ({exc}): produced in native form"])
    todo = [
        (n, suffix)
        for n, m in enumerate(members)
        if m.pdf is None and n not in found and (suffix := _rendered_as(m)) is not None
    ]
    made = render([(members[n].native, suffix) for n, suffix in todo]) if todo else []
    for (n, _), done in zip(todo, made, strict=True):
        if done.pdf is not None:
            found[n] = (done.pdf, list(done.warnings))
        else:
            name = shown(members[n].name)
            why = f"{name!r} could not be rendered ({done.failure}): produced in native form"
            found[n] = (None, [why])
    for n, m in enumerate(members):  # the rest: text as text, else a placeholder saying why
        if m.pdf is None and n not in found:
            pages, why = native_page(m.name, m.native)
            found[n] = (
                pages,
                [] if pages else [f"{shown(m.name)!r} {why}: produced in native form"],
            )
    return found


def native_page(name: str, data: bytes) -> tuple[bytes | None, str]:
    """The last step for a native nothing else gave pages (an e-mail's member, a volume's
    native): text shown as text (a calendar invite, a bounce's delivery status), else no pages
    and why, in a few words."""
    if data and is_text(data):
        pages = email.render_attachment(email.Attachment(name, "text/plain", data))
        if pages is not None:
            return pages, ""
    return None, _why_native(data)


def _rendered_as(m: email.Member) -> str | None:
    """The kind LibreOffice renders a member as: its name's, else what its bytes are (a Word
    file sent as ``attachment1.bin``), or None."""
    suffix = Path(m.name).suffix.lower()
    if suffix in RENDERED:
        return suffix
    try:
        found = sniff(m.native, m.name)
    except ClawbackError:
        return None
    return found.suffix if found.kind == OFFICE and found.suffix in RENDERED else None


def _why_native(data: bytes) -> str:
    """Why a member has no pages of its own, in a few words."""
    if not data:
        return "is empty (0 bytes)"
    if data.startswith(b"%PDF-"):
        return "is a damaged PDF (it cannot be opened)"
    try:
        found = sniff(data, "")
    except ClawbackError as exc:
        return f"has no page form ({exc})"
    return f"has no page form (a {found.kind} file clawback does not render here)"
