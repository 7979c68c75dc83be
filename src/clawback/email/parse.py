"""Parse an e-mail (.eml via the stdlib, .msg via extract-msg) into a plain, frozen Message.

Attachment naming policy (recorded because sources disagree): Content-Type ``name`` first,
then Content-Disposition ``filename``, then Content-Description plus an extension guessed from
the content type; attached messages are named from their subject (``<subject>.eml``) or
``Nameless.eml``. This matches the MSGReader upstream expectations.

A message's date is its Date header (.eml); for a .msg, the time it was sent
(PR_CLIENT_SUBMIT_TIME), else the time it was delivered (PR_MESSAGE_DELIVERY_TIME), else the
Date of its transport headers. A file cut short is read as far as it goes, and
``Message.warnings`` says what was lost: a multipart without its closing boundary ("message ends
inside a MIME part"); an attachment whose encoded data stops short says so in its own
``Attachment.warnings`` ("attachment X truncated"), never its message's: a reader the attachment
is withheld from still reads the message.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import email
import email.utils
import html
import mimetypes
import quopri
import re
import warnings
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email import errors, headerregistry, policy
from email.message import EmailMessage
from email.message import Message as StdMessage
from typing import cast

from clawback.domain.errors import InvalidInput
from clawback.email import encoded_words
from clawback.ingest import limits
from clawback.said import quoted

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RFC822 = "message/rfc822"


class EmailError(InvalidInput):
    """The input is not an e-mail we can read; the message is one line."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes
    inline: bool = False
    content_id: str | None = None
    #: what of it could not be read (cut short): its own, never its message's (a reader the
    #: attachment is withheld from reads the message)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Message:
    subject: str
    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    bcc: tuple[str, ...]
    date: str | None
    message_id: str | None
    body_text: str
    attachments: tuple[Attachment, ...]
    warnings: tuple[str, ...] = ()  # what of the file could not be read: see the module doc


def parse_email(data: bytes, filename: str) -> Message:
    """Parse ``data`` (named ``filename``) as .msg (OLE) or .eml (RFC 5322)."""
    if not data or not data.strip():
        raise EmailError(f"{filename}: empty file")
    is_msg = filename.lower().endswith(".msg") or data.startswith(OLE_MAGIC)
    try:
        if is_msg:
            return _parse_msg(data, filename)
        return _parse_eml(data, filename)
    except (EmailError, limits.Refused):
        raise
    except Exception as exc:  # a library failure on hostile input: report it, one line
        kind = ".msg" if is_msg else ".eml"
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise EmailError(f"{filename}: unreadable {kind} ({detail})") from None


# --------------------------------------------------------------------------- text helpers

_BLOCK_TAGS = re.compile(r"<\s*(br|/p|/div|/tr|/li|/h[1-6]|p|div|tr|li)\b[^>]*>", re.I)
_DROP = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.I | re.S)


def html_to_text(markup: str) -> str:
    """A simple tag stripper: block tags become line breaks, entities are decoded."""
    text = _DROP.sub("", markup)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = _BLOCK_TAGS.sub("\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).replace("\xa0", " ")
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _fix8bit(text: str) -> str:
    """Raw 8-bit header bytes surface as surrogate escapes; read them as UTF-8."""
    if re.search("[\udc80-\udcff]", text):
        raw = text.encode("utf-8", errors="surrogateescape")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    return text


def _clean(value: object) -> str:
    return " ".join(_fix8bit(str(value or "")).split())


def _unfold(value: object) -> str:
    """Unfold a header but keep the sender's own runs of spaces (they can matter)."""
    text = _fix8bit(str(value or ""))
    return re.sub(r"[ \t]*[\r\n\t]+[ \t]*", " ", text).strip()


def _iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.isoformat()


# --------------------------------------------------------------------------- .eml

_HEADER_LINE = re.compile(rb"^[!-9;-~]+:", re.M)


class _HeadersParsedOnce(headerregistry.HeaderRegistry):
    """The stdlib's header parser, each header line parsed once a message: the stdlib parses a
    header anew each time it is asked for (``get_content_type`` alone asks for Content-Type
    several times a part): a fifth of an e-mail's ingest under cProfile, a few per cent
    without it. A header that fails to parse is not kept, so it fails again, as it did."""

    def __init__(self) -> None:
        super().__init__()
        self._parsed: dict[tuple[str, str], headerregistry.BaseHeader] = {}

    def __call__(self, name: str, value: str) -> headerregistry.BaseHeader:
        key = (name, value)
        if key not in self._parsed:
            self._parsed[key] = super().__call__(name, value)
        return self._parsed[key]


def _policy() -> policy.EmailPolicy[EmailMessage]:
    """The stdlib's default policy, its headers parsed once for the message at hand (a new
    cache per message: nothing of one message outlives it)."""
    return policy.default.clone(header_factory=_HeadersParsedOnce())


def _parse_eml(data: bytes, filename: str) -> Message:
    data = _without_mbox_line(data)
    head = data[:4096].lstrip()
    if not _HEADER_LINE.match(head):
        raise EmailError(f"{filename}: not an e-mail (no RFC 5322 header at the start)")
    try:
        msg = email.message_from_bytes(data, policy=_policy())
    except RecursionError:  # its parser recurses a few frames a level: far past the limit
        raise limits.Refused(_TOO_DEEP.format(limits.MAX_MIME_DEPTH)) from None
    if not isinstance(msg, EmailMessage):
        raise EmailError(f"{filename}: not an e-mail")
    _bounded(msg)
    known = ("from", "to", "subject", "date", "message-id", "received", "mime-version")
    if not any(_get(msg, h) is not None for h in known):
        raise EmailError(f"{filename}: not an e-mail (no From/To/Subject/Date header)")
    return _message_from_eml(msg)


_TOO_DEEP = "e-mail of parts nested more than {:,} deep"


def _bounded(msg: StdMessage) -> None:
    """Refuse a message of more parts than an archive may hold members, or of parts nested
    past `limits.MAX_MIME_DEPTH`, counted without recursion (the stdlib's ``walk`` recurses,
    and so does its parser: a message nested 1,000 deep was refused as 'maximum recursion depth
    exceeded')."""
    most, deepest = limits.MAX_ARCHIVE_FILES, limits.MAX_MIME_DEPTH
    counted = 0
    stack: list[tuple[StdMessage, int]] = [(msg, 1)]
    while stack:
        part, depth = stack.pop()
        counted += 1
        if counted > most:
            raise limits.Refused(f"e-mail of more than {most:,} parts (its body and attachments)")
        if depth > deepest:
            raise limits.Refused(_TOO_DEEP.format(deepest))
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list):
            stack += [(child, depth + 1) for child in payload if isinstance(child, StdMessage)]


def _without_mbox_line(data: bytes) -> bytes:
    """A message saved from an mbox starts with the box's ``From sender date`` separator (no
    colon: no header); the message is what follows it."""
    start = data.lstrip()
    if start.startswith(b"From ") and b"\n" in start:
        return start.split(b"\n", 1)[1]
    return data


def _get(msg: StdMessage, name: str, default: object = None) -> object:
    """A header's value, parsed; its raw text when the parser fails on it (the stdlib's header
    parser raises IndexError/AttributeError on some malformed address and Message-ID lines)."""
    values = _get_all(msg, name)
    return values[0] if values else default


def _get_all(msg: StdMessage, name: str) -> list[object]:
    try:
        return list(msg.get_all(name, failobj=[]))
    except Exception:  # malformed header value: fall back to the unparsed text
        return [value for key, value in msg.raw_items() if key.lower() == name.lower()]


def _header(msg: StdMessage, name: str) -> str:
    return _clean(_get(msg, name))


def _addresses(msg: StdMessage, name: str) -> tuple[str, ...]:
    out: list[str] = []
    for value in _get_all(msg, name):
        groups = getattr(value, "addresses", None)
        if groups is not None:
            out.extend(_clean(str(a)) for a in groups if _clean(str(a)))
        else:
            out.extend(
                _format_address(_clean(p[0]), _clean(p[1])) if p[1] else _clean(p[0])
                for p in email.utils.getaddresses([str(value)])
                if p[1] or p[0]
            )
    return tuple(out)


def _message_from_eml(msg: EmailMessage) -> Message:
    date: str | None = None
    raw_date = _header(msg, "date")
    if raw_date:
        try:
            date = _iso(email.utils.parsedate_to_datetime(raw_date))
        except (TypeError, ValueError, IndexError):
            date = None
    attachments: list[Attachment] = []
    bodies: list[tuple[str, str]] = []
    said: list[str] = []
    if date is None:
        date = _last_hop(msg)
        said.append(
            "no readable Date header: "
            + ("dated by its last Received header" if date else "the message is undated")
        )
    _walk(msg, attachments, bodies, said)
    plain = next((t for kind, t in bodies if kind == "plain"), None)
    if plain is None:
        rich = next((t for kind, t in bodies if kind == "html"), "")
        plain = html_to_text(rich)
    return Message(
        subject=_subject(msg, said),
        sender=_addresses(msg, "from")[0] if _addresses(msg, "from") else _header(msg, "from"),
        to=_addresses(msg, "to"),
        cc=_addresses(msg, "cc"),
        bcc=_addresses(msg, "bcc"),
        date=date,
        message_id=_header(msg, "message-id") or None,
        body_text=plain.replace("\r\n", "\n"),
        attachments=tuple(attachments),
        warnings=tuple(dict.fromkeys(said)),
    )


def _subject(msg: StdMessage, said: list[str]) -> str:
    """The Subject header; its encoded words in a charset no one knows read as the body's
    are and said (`encoded_words.decoded`): the stdlib put a replacement character for each
    of their bytes, and the subject's words were lost in silence."""
    parsed = _unfold(_get(msg, "subject", ""))
    raw = next((v for k, v in msg.raw_items() if k.lower() == "subject"), None)
    if "\ufffd" not in parsed or raw is None:
        return parsed
    return _unfold(encoded_words.decoded(_fix8bit(str(raw)), said))


def _last_hop(msg: StdMessage) -> str | None:
    """When the last server to handle the message received it: the date after the ``;`` of
    its top Received header (the one added last), if readable."""
    for received in _get_all(msg, "received")[:1]:
        stamp = str(received).rpartition(";")[2].strip()
        with contextlib.suppress(TypeError, ValueError, IndexError):
            return _iso(email.utils.parsedate_to_datetime(stamp))
    return None


#: The defects the stdlib parser notes on a part whose encoded data stops short.
_SHORT = (errors.InvalidBase64PaddingDefect, errors.InvalidBase64LengthDefect)


def _short(part: StdMessage, closed: bool) -> bool:
    """Whether a part's base64 stops short: a length no padding mends (bytes were lost), or a
    missing padding where nothing says the part ended as sent. Inside a multipart whose closing
    boundary follows, the part ended where its sender ended it: without its ``=`` padding it
    is decoded whole (padding is only the length rounded up), and nothing is lost."""
    if any(isinstance(d, errors.InvalidBase64LengthDefect) for d in part.defects):
        return True
    return not closed and any(isinstance(d, _SHORT) for d in part.defects)


def _cut(part: StdMessage) -> bool:
    """Whether this multipart part ends without its closing boundary (the file was cut)."""
    return any(isinstance(d, errors.CloseBoundaryNotFoundDefect) for d in part.defects)


def _text_of(part: StdMessage, said: list[str]) -> str:
    """A text body in the charset it declares; one that is not in it (UTF-8 declared as
    us-ascii, a charset no one knows) read as UTF-8, else Windows-1252, and said."""
    payload = _decoded(part)
    declared = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(declared)
    except (LookupError, UnicodeDecodeError) as exc:
        why = "an unknown charset" if isinstance(exc, LookupError) else "not what it holds"
    for charset, called in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            text = payload.decode(charset)
        except UnicodeDecodeError:
            continue
        said.append(f"text declared as {declared!r} ({why}): read as {called}")
        return text
    said.append(f"text declared as {declared!r} ({why}): unreadable characters replaced")
    return payload.decode("utf-8", errors="replace")


def _decoded(part: StdMessage) -> bytes:
    """The content of a part that is not multipart, its transfer encoding undone (typeshed
    also allows a `Message`, but ``decode=True`` gives bytes, or None for a multipart part).
    Base64 cut short at a length no padding mends is handed back by the stdlib as the base64
    text itself: what was sent up to the cut is decoded here instead."""
    data = cast(bytes, part.get_payload(decode=True) or b"")
    if any(isinstance(d, errors.InvalidBase64LengthDefect) for d in part.defects):
        raw = part.get_payload(decode=False)
        if isinstance(raw, str):
            chars = re.sub(rb"[^A-Za-z0-9+/]", b"", raw.encode("ascii", "ignore"))
            data = base64.b64decode(chars[: len(chars) // 4 * 4])
    return data


def _walk(
    part: StdMessage,
    attachments: list[Attachment],
    bodies: list[tuple[str, str]],
    said: list[str],
    closed: bool = False,
) -> None:
    """Collect ``part``'s bodies and attachments, and in ``said`` what of it is missing;
    ``closed``: the multipart holding the part ends with its closing boundary."""
    ctype = part.get_content_type()
    if part.is_multipart() and not ctype.startswith("message/"):
        before = len(attachments)
        for sub in cast(list[StdMessage], part.get_payload()):
            _walk(sub, attachments, bodies, said, not _cut(part))
        if _cut(part):
            said.append(
                "message ends inside a MIME part (no closing boundary): the file was cut short "
                "and what followed is lost"
            )
            if len(attachments) > before:  # the last part read is cut too
                attachments[-1] = _truncated(attachments[-1])
        return
    disposition = (part.get_content_disposition() or "").lower()
    named = part.get_param("name") or part.get_filename()
    if (
        ctype in ("text/plain", "text/html")
        and disposition != "attachment"
        and not named
        and _get(part, "content-id") is None
    ):
        bodies.append((ctype.split("/")[1], _text_of(part, said)))
        return
    if ctype == RFC822 or (ctype.startswith("message/") and part.is_multipart()):
        data = _rfc822_bytes(part)
        inner = email.message_from_bytes(data, policy=_policy())
        subject = _unfold(_get(inner, "subject", "")) if _HEADER_LINE.match(data.lstrip()) else ""
        # A malformed part can carry the inner Subject among its own MIME headers.
        subject = subject or _unfold(_get(part, "subject", ""))
        name = _part_name(part) or (f"{_safe(subject)}.eml" if subject else "Nameless.eml")
        elsewhere: tuple[str, ...] = ()
        if ctype == "message/external-body":  # RFC 2046: what it names is not in the message
            access = str(part.get_param("access-type") or "none given")
            elsewhere = (  # the attachment's own (see `Attachment.warnings`)
                f"attachment {name!r} only names content kept elsewhere (message/external-body, "
                f"access-type {quoted(access, 40)}): nothing fetched, the reference kept as sent",
            )
        attachments.append(Attachment(name, RFC822, data, disposition == "inline", None, elsewhere))
        return
    data = _decoded(part)
    cid = _get(part, "content-id")
    cid = str(cid).strip().strip("<>") if cid else None
    inline = disposition == "inline" or (disposition != "attachment" and cid is not None)
    name = _part_name(part) or _described_name(part, ctype, len(attachments) + 1)
    found = Attachment(name, ctype, data, inline, cid)
    attachments.append(_truncated(found) if _short(part, closed) else found)


def _truncated(att: Attachment) -> Attachment:
    """``att`` saying it was cut short, once."""
    said = f"attachment {att.filename!r} truncated"
    return att if said in att.warnings else replace(att, warnings=(*att.warnings, said))


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip() or "Nameless"


def _part_name(part: StdMessage) -> str | None:
    name = part.get_param("name")
    if name:
        name = email.utils.collapse_rfc2231_value(name)
        if "=?" in name:
            name = str(email.header.make_header(email.header.decode_header(name)))
    else:
        name = part.get_filename()
    return _safe(_clean(name)) if name else None


def _described_name(part: StdMessage, ctype: str, index: int) -> str:
    ext = mimetypes.guess_extension(ctype) or ".bin"
    description = _clean(_get(part, "content-description"))
    stem = _safe(description) if description else f"attachment{index}"
    return stem if stem.lower().endswith(ext) else stem + ext


def _rfc822_bytes(part: StdMessage) -> bytes:
    """The raw bytes of an attached message, undoing a (non-conforming) transfer encoding."""
    cte = _clean(_get(part, "content-transfer-encoding")).lower()
    payload = part.get_payload()
    if isinstance(payload, list):
        # one message; a delivery status is several blocks of fields, each kept
        blocks = cast(list[StdMessage], payload)
        raw = b"\n".join(block.as_bytes(policy=policy.compat32) for block in blocks)
    elif isinstance(payload, str):
        raw = payload.encode("utf-8", errors="surrogateescape")
    else:
        raw = bytes(payload or b"")
    if _HEADER_LINE.match(raw.lstrip()):
        return raw  # already a message, whatever the (disallowed) transfer encoding says
    if cte == "base64":
        with contextlib.suppress(binascii.Error, ValueError):
            return base64.b64decode(b"".join(raw.split()), validate=True)
    elif cte == "quoted-printable":
        return quopri.decodestring(raw)
    return raw


# --------------------------------------------------------------------------- .msg


def _parse_msg(data: bytes, filename: str) -> Message:
    if not data.startswith(OLE_MAGIC):
        raise EmailError(f"{filename}: not an Outlook .msg (no OLE signature)")
    import extract_msg

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            msg = extract_msg.openMsg(data)
        except Exception as exc:
            detail = " ".join(str(exc).split())[:120] or type(exc).__name__
            raise EmailError(f"{filename}: unreadable .msg ({detail})") from None
        try:
            return _message_from_msg(msg, filename)
        except EmailError:
            raise
        except Exception as exc:  # extract_msg reads streams lazily: a cut one fails here
            detail = " ".join(str(exc).split())[:120] or type(exc).__name__
            raise EmailError(f"{filename}: unreadable .msg ({detail})") from None
        finally:
            with contextlib.suppress(Exception):
                msg.close()


def _message_from_msg(msg: object, filename: str) -> Message:
    subject = getattr(msg, "subject", None)
    if subject is None and not hasattr(msg, "sender"):
        raise EmailError(f"{filename}: .msg is not a mail item ({type(msg).__name__})")
    to: list[str] = []
    cc: list[str] = []
    bcc: list[str] = []
    for rec in getattr(msg, "recipients", None) or []:
        name, addr = _clean(getattr(rec, "name", None)), _clean(getattr(rec, "email", None))
        if name.lower() == addr.lower():
            name = ""
        text = _format_address(name, addr) if addr else name
        if not text:
            continue
        kind = int(getattr(rec, "type", 1) or 1)
        {2: cc, 3: bcc}.get(kind, to).append(text)
    body = getattr(msg, "body", None) or ""
    if not body.strip():
        rich = getattr(msg, "htmlBody", None)
        if rich:
            body = html_to_text(rich.decode("utf-8", errors="replace"))
    attachments: list[Attachment] = []
    for att in getattr(msg, "attachments", None) or []:
        attachments.append(_msg_attachment(att, len(attachments) + 1))
    mid = _clean(getattr(msg, "messageId", None)) or None
    when = _iso(_msg_date(msg))
    return Message(
        subject=_clean(subject),
        sender=_clean(getattr(msg, "sender", None)),
        to=tuple(to),
        cc=tuple(cc),
        bcc=tuple(bcc),
        date=when,
        message_id=mid,
        body_text=body.replace("\r\n", "\n").strip(),
        attachments=tuple(attachments),
        warnings=() if when else ("no sent, delivery or Date time in the message: it is undated",),
    )


#: PR_CLIENT_SUBMIT_TIME and PR_MESSAGE_DELIVERY_TIME (PT_SYSTIME), as extract-msg names them.
_SENT, _DELIVERED = "00390040", "0E060040"


def _msg_date(msg: object) -> datetime | None:
    """When a .msg was sent, else delivered, else its transport headers' Date (extract-msg's own
    ``date`` is the submit time only, and only for a message flagged as sent)."""
    value = getattr(msg, "getPropertyVal", None)
    found = [value(_SENT), value(_DELIVERED)] if callable(value) else []
    header = getattr(msg, "header", None)
    raw = header.get("date") if header is not None else None
    if raw:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            found.append(email.utils.parsedate_to_datetime(str(raw)))
    return next((when for when in found if isinstance(when, datetime)), None)


def _format_address(name: str, addr: str) -> str:
    """``Name <addr>`` in readable Unicode (no RFC 2047), quoting the name when needed."""
    if not name:
        return addr
    if re.search(r'[(),.:;<>@\[\]"\\]', name):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{addr}>"


def _msg_attachment(att: object, index: int) -> Attachment:
    payload = getattr(att, "data", None)
    name = _clean(
        getattr(att, "longFilename", None)
        or getattr(att, "name", None)
        or getattr(att, "shortFilename", None)
    )
    cid = _clean(getattr(att, "cid", None)).strip("<>") or None
    hidden = bool(getattr(att, "hidden", False))
    if payload is not None and hasattr(payload, "exportBytes"):
        data = payload.exportBytes()
        if not name.lower().endswith(".msg"):
            subject = _clean(getattr(payload, "subject", None))
            name = f"{_safe(subject or name or 'Nameless')}.msg"
        return Attachment(_safe(name), RFC822, data, False, None)
    if not isinstance(payload, bytes):
        payload = b""
    ctype = _clean(getattr(att, "mimetype", None)).lower()
    if not ctype:
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if not name:
        name = f"attachment{index}{mimetypes.guess_extension(ctype) or '.bin'}"
    return Attachment(_safe(name), ctype, payload, hidden and cid is not None, cid)
