"""What a file is, from its first bytes (its name's extension only breaks ties)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import cast

import olefile

from clawback.ingest.archives import archive_kind
from clawback.ingest.limits import MAX_FILE_BYTES, Refused, inflate_budget

#: Kinds of file ingest reads (an archive only when asked to unpack it: `ingest.unpack`).
PDF, EMAIL, OFFICE, IMAGE, ARCHIVE = "pdf", "email", "office", "image", "archive"

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"BM", ".bmp"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Which part of an Office Open XML package names its kind.
_OOXML = (("word/", ".docx"), ("xl/", ".xlsx"), ("ppt/", ".pptx"))
_ODF = {
    b"application/vnd.oasis.opendocument.text": ".odt",
    b"application/vnd.oasis.opendocument.spreadsheet": ".ods",
    b"application/vnd.oasis.opendocument.presentation": ".odp",
}
# Which stream of an OLE2 compound file names its kind.
_OLE_STREAMS = (
    ("WordDocument", ".doc"),
    ("Workbook", ".xls"),
    ("Book", ".xls"),
    ("PowerPoint Document", ".ppt"),
)
_MAIL_HEADERS = (b"from:", b"received:", b"message-id:", b"mime-version:", b"return-path:")
_TEXT_SUFFIXES = frozenset({".txt", ".csv", ".htm", ".html"})
# Windows metafiles: an enhanced one (EMF) says " EMF" at byte 40; an old one (WMF) starts with
# its placeable header, or (without one) its type and header size.
_WMF = (b"\xd7\xcd\xc6\x9a", b"\x01\x00\x09\x00", b"\x02\x00\x09\x00")


@dataclass(frozen=True)
class Sniffed:
    """A file's `kind` (PDF, EMAIL, OFFICE or IMAGE) and the `suffix` its bytes call for."""

    kind: str
    suffix: str


def sniff(data: bytes, name: str) -> Sniffed:
    """What `data` (the file called `name`) is. Raises `Refused` for an empty or oversized
    file, an encrypted Office file, an archive that would inflate past its budget, and any
    kind ingest does not read."""
    suffix = PurePath(name).suffix.lower()
    if not data:
        raise Refused("empty file (0 bytes)")
    if len(data) > MAX_FILE_BYTES:
        raise Refused(f"file too large: {len(data):,} bytes (over {MAX_FILE_BYTES:,})")
    if data.startswith(b"%PDF-"):
        return Sniffed(PDF, ".pdf")
    for magic, kind in _IMAGES:
        if data.startswith(magic):
            return Sniffed(IMAGE, kind)
    # A container's own signature first: a zip storing its members as they are, or a tar,
    # holds its first member's bytes (a PDF's header) within its first KiB.
    if data.startswith(b"PK\x03\x04"):
        found = _package(data)
        return Sniffed(ARCHIVE if found == ".zip" else OFFICE, found)
    if (archive := archive_kind(data)) is not None:
        return Sniffed(ARCHIVE, archive)
    if data.startswith(_OLE2):
        found = _compound(data)
        return Sniffed(EMAIL, ".msg") if found == ".msg" else Sniffed(OFFICE, found)
    if b"%PDF-" in data[:1024]:  # a PDF after a few bytes of junk, as readers allow
        return Sniffed(PDF, ".pdf")
    if data.startswith(b"{\\rtf"):
        return Sniffed(OFFICE, ".rtf")
    if data.startswith(b"\x01\x00\x00\x00") and data[40:44] == b" EMF":
        return Sniffed(OFFICE, ".emf")
    if data.startswith(_WMF[0]) or (suffix == ".wmf" and data.startswith(_WMF[1:])):
        return Sniffed(OFFICE, ".wmf")
    if suffix == ".eml" or _looks_like_mail(data):
        return Sniffed(EMAIL, ".eml")
    if suffix in _TEXT_SUFFIXES and is_text(data):
        return Sniffed(OFFICE, suffix)
    head = data[:8].decode("latin-1").encode("unicode_escape").decode("ascii")
    raise Refused(f"unsupported file type (starts with {head!r})")


def _package(data: bytes) -> str:
    """The Office kind of a ZIP file, refusing a package that inflates too far; ``.zip`` for a
    ZIP that is no Office package (an archive: its members are checked when it is unpacked)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
            names = [e.filename for e in entries]
            kind = None
            if "mimetype" in names and package.getinfo("mimetype").file_size < 200:
                kind = _ODF.get(package.read("mimetype")[:100].strip())
            if kind is None and "[Content_Types].xml" in names:
                kind = next(
                    (k for prefix, k in _OOXML if any(n.startswith(prefix) for n in names)), None
                )
            if kind is None:
                return ".zip"
            inflated = sum(e.file_size for e in entries)
            if inflated > inflate_budget(len(data)):
                raise Refused(f"ZIP package inflates to {inflated:,} bytes (decompression bomb?)")
            return kind
    except Refused:
        raise
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        raise Refused("truncated or malformed ZIP package") from None


def _compound(data: bytes) -> str:
    """The kind of an OLE2 compound file: .msg, .doc, .xls or .ppt."""
    try:
        with olefile.OleFileIO(data) as ole:
            # Names are str (no path_encoding); types-olefile says bytes, as the file given.
            entries = cast(list[list[str]], ole.listdir(streams=True, storages=True))
            streams = {"/".join(entry) for entry in entries}
    except (OSError, ValueError, IndexError):
        raise Refused("truncated or malformed compound (OLE2) file") from None
    if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
        raise Refused("encrypted Office file: remove its password before ingesting")
    if any(s.startswith("__substg1.0_") for s in streams):
        return ".msg"
    for stream, kind in _OLE_STREAMS:
        if stream in streams:
            return kind
    raise Refused("unsupported file type: a compound (OLE2) file that is no Office document")


def _looks_like_mail(data: bytes) -> bool:
    head = data[:4096].lower()
    if head.startswith(b"from ") and b"\n" in head:  # saved from an mbox: its separator line
        head = head.split(b"\n", 1)[1]
    first = head.split(b"\n", 1)[0]
    return any(first.startswith(h) for h in _MAIL_HEADERS) and b"\n\n" in data.replace(
        b"\r\n", b"\n"
    )


def is_text(data: bytes) -> bool:
    """Whether `data` is plain text: UTF-8 with no NUL in its first 64 KiB."""
    if b"\x00" in data[:65536]:
        return False
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > 65530  # a character cut at the window's end
    return True
