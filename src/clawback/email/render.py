"""Render a parsed e-mail, and its attachments, to PDF; expand an e-mail into its family."""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass, replace
from typing import Literal

import pymupdf
from pymupdf import mupdf

from clawback.email.parse import OLE_MAGIC, RFC822, Attachment, EmailError, Message, parse_email
from clawback.ingest import limits
from clawback.ingest.images import image_pdf

LETTER = pymupdf.paper_rect("letter")
MARGIN = 54  # 3/4 inch
MAX_DEPTH = 5

_CSS = """
body { font-family: sans-serif; font-size: 10pt; }
table { border-collapse: collapse; margin-bottom: 8pt; }
td { vertical-align: top; padding: 1pt 4pt 1pt 0; font-size: 10pt; }
td.k { font-weight: bold; }
p.body { font-family: monospace; font-size: 9pt; margin: 0; }
h2 { font-size: 11pt; margin: 10pt 0 4pt 0; }
"""


@dataclass(frozen=True)
class Member:
    """One document of a family: its `role`, `name`, pages (`pdf`, None: none of its own), the
    file as received (`native`), how deep in the family, its `message` if it is one; `kind`
    when it is something other than a message or an attachment (``archive``), and what
    reading it found (`warnings`: a member of an archive renamed, one that is encrypted)."""

    role: Literal["parent", "attachment"]
    name: str
    pdf: bytes | None
    native: bytes
    depth: int
    message: Message | None = None
    kind: str = ""
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------- story helpers


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


#: The most characters of 9 pt monospace a line of the page holds: a longer run with no space
#: to break at (base64, a URL) is broken here, not left to run off the page's edge.
_RUN = 90
_LONG_RUN = re.compile(rf"\S{{{_RUN + 1},}}")


def _pre(text: str) -> str:
    """Plain text as HTML that keeps line breaks and indentation (a run too long for the line
    broken at `_RUN` characters, so nothing is drawn past the page's edge)."""
    text = _LONG_RUN.sub(lambda m: "\n".join(textwrap.wrap(m[0], _RUN)), text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = []
    for line in lines:
        stripped = line.lstrip(" ")
        indent = "&#160;" * (len(line) - len(stripped))
        out.append(indent + _esc(stripped.expandtabs(4)))
    return "<br/>".join(out)


#: The most characters of a header's value or an attachment's name (10 pt sans) a line holds
#: at the widest letters: a longer run with no space to break at (an address, a subject of
#: one word, a file name) is broken here, not left to run off the page's edge, where ingest
#: takes what no viewer sees out of the working copy.
_WORD = 40
_LONG_WORD = re.compile(rf"\S{{{_WORD + 1},}}")


def _line(text: str) -> str:
    """One line of text as HTML, a run too long for the line broken at `_WORD` characters."""
    parts = _LONG_WORD.sub(lambda m: "\n".join(textwrap.wrap(m[0], _WORD)), text)
    return "<br/>".join(_esc(part) for part in parts.split("\n"))


def _story_pdf(body_html: str) -> bytes:
    """Flow an HTML fragment over as many US Letter pages as it needs."""
    story = pymupdf.Story(html=f"<body>{body_html}</body>", user_css=_CSS)
    # Written into MuPDF's own buffer: `pymupdf.DocumentWriter` over a BytesIO calls back into
    # Python for every few hundred bytes (600 calls a page). The same bytes either way.
    buffer = mupdf.FzBuffer(1 << 16)
    writer = mupdf.FzDocumentWriter(
        mupdf.FzOutput(buffer), "", mupdf.FzDocumentWriter.OutputType_PDF
    )
    where = pymupdf.Rect(MARGIN, MARGIN, LETTER.width - MARGIN, LETTER.height - MARGIN)
    more = 1
    pages = 0
    while more:
        device = mupdf.fz_begin_page(
            writer, mupdf.FzRect(LETTER.x0, LETTER.y0, LETTER.x1, LETTER.y1)
        )
        more, _ = story.place(where)
        story.draw(pymupdf.DeviceWrapper(device))
        mupdf.fz_end_page(writer)
        pages += 1
        if pages > 5000:  # a runaway layout must not hang ingestion
            break
    mupdf.fz_close_document_writer(writer)
    made: bytes = buffer.fz_buffer_extract()
    return made


# --------------------------------------------------------------------------- messages


def render_message(msg: Message) -> bytes:
    """A PDF of the message: header block and body text. Never a list of its attachments:
    the pages are the same file for every reader, and an attachment designated above its
    message is withheld from some of them, its name and the count of the others with it
    (each attachment is a document of the family, listed to whoever may know of it)."""
    rows = [
        ("From", msg.sender),
        ("To", "; ".join(msg.to)),
        ("Cc", "; ".join(msg.cc)),
    ]
    if msg.bcc:
        rows.append(("Bcc", "; ".join(msg.bcc)))
    rows += [("Date", msg.date or ""), ("Subject", msg.subject)]
    header = "".join(f'<tr><td class="k">{k}:</td><td>{_line(v)}</td></tr>' for k, v in rows)
    parts = [f"<table>{header}</table><hr/>", f'<p class="body">{_pre(msg.body_text)}</p>']
    return _story_pdf("".join(parts))


# --------------------------------------------------------------------------- attachments

_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
)
_IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")
_TEXT_EXT = (".txt", ".text", ".log", ".csv", ".ics", ".vcs", ".vcf")
#: Media types shown as their text: plain text, calendar invites and contact cards.
_TEXT_TYPES = frozenset(
    {"text/plain", "text/calendar", "text/x-vcalendar", "application/ics", "text/vcard",
     "text/x-vcard"}
)  # fmt: skip


#: Containers that may hold a PDF's header in their first KiB (a zip storing its members as
#: they are, an Office compound file) and are no PDF: their own step opens them.
_CONTAINERS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def _kind(att: Attachment) -> str:
    data, name = att.data, att.filename.lower()
    contained = data.startswith(_CONTAINERS) or data[257:262] == b"ustar"  # a tar's mark
    if data.startswith(b"%PDF-") or (b"%PDF-" in data[:1024] and not contained):
        return "pdf"
    if data.startswith(_IMAGE_MAGIC) and (
        name.endswith(_IMAGE_EXT) or att.content_type.startswith("image/") or not name
    ):
        return "image"
    if data.startswith(_IMAGE_MAGIC[:4]) or data.startswith(_IMAGE_MAGIC[5:]):
        return "image"  # unambiguous magic, whatever the name says
    textual = att.content_type in _TEXT_TYPES or name.endswith(_TEXT_EXT)
    if textual and b"\x00" not in data[:4096]:
        return "text"
    return "other"


def render_attachment(att: Attachment) -> bytes | None:
    """PDF pages for an attachment we can image, or None (caller keeps native + placeholder)."""
    kind = _kind(att)
    try:
        if kind == "pdf":
            with pymupdf.open(stream=att.data, filetype="pdf") as doc:
                return att.data if doc.page_count > 0 else None
        if kind == "image":  # the limits and page size of every received picture
            return image_pdf(att.data)
        if kind == "text" and limits.text_too_long(att.data) is None:  # else LibreOffice's
            return _story_pdf(f'<p class="body">{_pre(_decode_text(att.data))}</p>')
    except Exception:  # a damaged attachment is not an error in the e-mail
        return None
    return None


def _decode_text(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# --------------------------------------------------------------------------- families


def _is_message(att: Attachment) -> bool:
    name = att.filename.lower()
    return (
        att.content_type == RFC822
        or name.endswith((".eml", ".msg"))
        or (att.data.startswith(OLE_MAGIC) and name.endswith(".msg"))
    )


def family(data: bytes, filename: str) -> list[Member]:
    """The message and its attachments, depth-first, each parent before its children.

    Raises EmailError if the top-level message cannot be read; an unreadable attached message
    becomes an ordinary attachment member (pdf None).
    """
    msg = _drawn_whole_or_said(parse_email(data, filename))
    members = [Member("parent", filename, render_message(msg), data, 0, msg)]
    _children(msg, 1, members)
    return members


def _drawn_whole_or_said(msg: Message) -> Message:
    """The message, its body cut for its pages at `limits.MAX_TEXT_BYTES` characters or
    `limits.MAX_TEXT_LINES` lines, and said so, when it runs past: the body of a message has
    no native of its own to fall back on, as a text attachment has (10 MB of it took over six
    minutes, and `_story_pdf` stops at 5,000 pages). Its file as received is kept whole."""
    body = msg.body_text
    why = limits.text_too_long(body.encode("utf-8", "surrogatepass"))
    if why is None:
        return msg
    cut = body[: limits.MAX_TEXT_BYTES]
    if cut.count("\n") > limits.MAX_TEXT_LINES:
        cut = "\n".join(cut.split("\n", limits.MAX_TEXT_LINES)[: limits.MAX_TEXT_LINES])
    said = (
        f"the body runs past what is laid out as pages ({why}): its pages show the first "
        f"{len(cut):,} characters; the whole message is kept as received"
    )
    shown = cut + "\n[... the rest of the body is in the message as received]"
    return replace(msg, body_text=shown, warnings=(*msg.warnings, said))


def _children(msg: Message, depth: int, members: list[Member]) -> None:
    for att in msg.attachments:
        if _is_message(att) and depth <= MAX_DEPTH:
            name = att.filename
            if att.data.startswith(OLE_MAGIC) and not name.lower().endswith(".msg"):
                name += ".msg"
            try:
                inner = _drawn_whole_or_said(parse_email(att.data, name))
            except EmailError:
                members.append(
                    Member("attachment", att.filename, None, att.data, depth, warnings=att.warnings)
                )
                continue
            drawn = render_message(inner)
            members.append(
                Member("attachment", att.filename, drawn, att.data, depth, inner, "", att.warnings)
            )
            _children(inner, depth + 1, members)  # deeper messages are listed, not opened
            continue
        pages = render_attachment(att)
        members.append(
            Member("attachment", att.filename, pages, att.data, depth, warnings=att.warnings)
        )
