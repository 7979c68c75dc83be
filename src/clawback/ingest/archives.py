"""Archives (.zip, .tar, .tar.gz) opened when asked: the members' names and bytes, within limits.

The step's contract: `archive_kind` says from a file's bytes whether it is an archive this step
opens (a ZIP that is no Office package, a POSIX tar, a gzip holding a tar). `read_archive`
returns its members in the order the archive lists them, folders and empty names left out, each
with a name made safe and the bytes it inflates to, and raises `Refused` (one line naming the
member) for a member that passes a limit of `clawback.ingest.limits`: more members than
``MAX_ARCHIVE_FILES``, more bytes in all than ``MAX_ARCHIVE_BYTES``, a member over
``MAX_FILE_BYTES`` or inflating more than ``MAX_INFLATE_RATIO`` times its compressed size past
``INFLATE_FLOOR`` (a zip bomb). What a member declares is checked first, and what it really
inflates to is counted as it inflates, so a forged header stops there too. A `Budget` shared by
nested archives counts them together.

Nothing is written to disk, so a name cannot escape anywhere; it is still made safe, because it
becomes a document's title: ``..``, ``.`` and empty parts, a drive letter and leading slashes
are dropped, backslashes read as slashes, and the member says what it was called
(``renamed``). A member that cannot be read (encrypted, a link, a device) is returned with no
bytes and the reason (``unread``): it becomes a document kept natively with a warning, never
silently left out.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, cast

from clawback.ingest.batch import shown
from clawback.ingest.limits import (
    MAX_ARCHIVE_BYTES,
    MAX_ARCHIVE_FILES,
    MAX_FILE_BYTES,
    Refused,
    inflate_budget,
)

__all__ = ["Budget", "Entry", "archive_kind", "read_archive", "renamed_why"]

_SLICE = 1 << 20
_TAR_MAGIC = b"ustar"


@dataclass(frozen=True)
class Entry:
    """One member: its safe `name`, its bytes (None when `unread` says why not), the name it
    had when that was not safe (`renamed`), and for one not read the bytes as the archive
    holds them (`stored`: an encrypted member still encrypted), so that nothing is lost."""

    name: str
    data: bytes | None
    unread: str = ""
    renamed: str = ""
    stored: bytes = b""


@dataclass
class Budget:
    """What the archives of one file have used so far: members and inflated bytes."""

    files: int = 0
    inflated: int = 0
    seen: list[str] = field(default_factory=list)

    def take(self, where: str, size: int) -> None:
        self.inflated += size
        if self.inflated > MAX_ARCHIVE_BYTES:
            raise Refused(
                f"archive member {where!r}: the archive inflates past "
                f"{MAX_ARCHIVE_BYTES >> 20:,} MiB in all (a bomb? if not, unpack it yourself "
                "and ingest the folder)"
            )

    def count(self, where: str) -> None:
        self.files += 1
        if self.files > MAX_ARCHIVE_FILES:
            raise Refused(
                f"archive member {where!r}: more than {MAX_ARCHIVE_FILES:,} members in all"
            )


def archive_kind(data: bytes) -> str | None:
    """``.zip``, ``.tar`` or ``.tar.gz`` if `data` is an archive this step opens, else None.
    A ZIP is taken as an archive only if it is no Office package (`sniff` decides that)."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return ".zip"
    if data[257:262] == _TAR_MAGIC:
        return ".tar"
    if data.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 512)
        except zlib.error:
            return None
        return ".tar.gz" if head[257:262] == _TAR_MAGIC else None
    return None


def read_archive(data: bytes, name: str, budget: Budget | None = None) -> list[Entry]:
    """The members of the archive `data` (called `name`): see the module doc."""
    budget = budget if budget is not None else Budget()
    kind = archive_kind(data)
    if kind == ".zip":
        return list(_zip_entries(data, name, budget))
    if kind in (".tar", ".tar.gz"):
        return list(_tar_entries(data, name, budget, kind == ".tar.gz"))
    raise Refused(f"{shown(name)!r} is no archive ingest opens (.zip, .tar, .tar.gz)")


def safe_name(name: str) -> str:
    """`name` with no way up or out: see the module doc."""
    parts = name.replace("\\", "/").split("/")
    if parts and len(parts[0]) == 2 and parts[0][1] == ":":
        parts = parts[1:]  # a drive letter
    kept = [p for p in parts if p not in ("", ".", "..")]
    return shown("/".join(kept))


def renamed_why(name: str) -> str:
    """Why `safe_name` changed ``name``: a way up or out dropped, characters written as
    escapes (`shown`), or only its separators and empty parts tidied."""
    parts = name.replace("\\", "/").split("/")
    drive = bool(parts) and len(parts[0]) == 2 and parts[0][1] == ":"
    why = []
    if drive or name.startswith(("/", "\\")) or ".." in parts:
        why.append("a name reaching outside the archive neutralised")
    if shown(name) != name:
        why.append("characters that would forge or reverse a line written as escapes")
    return ", ".join(why) or "its folder separators and empty parts tidied"


def _entry(name: str, data: bytes | None, unread: str = "", stored: bytes = b"") -> Entry:
    safe = safe_name(name)
    renamed = name if safe != name else ""
    return Entry(safe or "unnamed", data, unread, renamed, stored)


def _stored(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """A ZIP member's bytes as the archive holds them (after its local header)."""
    at = info.header_offset
    start = at + 30 + int.from_bytes(data[at + 26 : at + 28], "little")
    start += int.from_bytes(data[at + 28 : at + 30], "little")
    return data[start : start + min(info.compress_size, MAX_FILE_BYTES)]


def _zip_entries(data: bytes, name: str, budget: Budget) -> Iterator[Entry]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                # the name as the archive writes it: the reader cuts it at a NUL in silence
                # ('invoice.pdf\x00.exe' read as 'invoice.pdf'); `_entry` escapes the NUL, said
                written = info.orig_filename
                where = f"{name}/{shown(written)}"
                budget.count(where)
                if info.flag_bits & 0x1:
                    why = "encrypted (no password given)"
                    yield _entry(written, None, why, _stored(data, info))
                    continue
                _declared(where, info.file_size, info.compress_size)
                with archive.open(info) as member:
                    body = _inflate(member, where, info.file_size, info.compress_size, budget)
                yield _entry(written, body)
    except Refused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        raise Refused(f"truncated or malformed ZIP archive ({_one_line(exc)})") from None


def _tar_entries(data: bytes, name: str, budget: Budget, gzipped: bool) -> Iterator[Entry]:
    raw: IO[bytes] = io.BytesIO(data)
    if gzipped:  # inflated as it is read, counted against the budget by the members read
        raw = cast(IO[bytes], gzip.GzipFile(fileobj=raw))
    try:
        with tarfile.open(fileobj=raw, mode="r|") as archive:
            for info in archive:
                if info.isdir():
                    continue
                where = f"{name}/{info.name}"
                budget.count(where)
                if not info.isfile():
                    yield _entry(info.name, None, "a link or device, not a file")
                    continue
                _declared(where, info.size, len(data))
                member = archive.extractfile(info)
                if member is None:
                    yield _entry(info.name, None, "unreadable")
                    continue
                yield _entry(info.name, _inflate(member, where, info.size, len(data), budget))
    except Refused:
        raise
    except (tarfile.TarError, zlib.error, EOFError, OSError) as exc:
        raise Refused(f"truncated or malformed tar archive ({_one_line(exc)})") from None


def _declared(where: str, size: int, compressed: int) -> None:
    """Refuse a member by the sizes it declares, before a byte of it is inflated."""
    if size > MAX_FILE_BYTES:
        raise Refused(f"archive member {where!r} too large: {size:,} bytes")
    if size > inflate_budget(compressed):
        raise Refused(
            f"archive member {where!r} inflates {size:,} bytes from {compressed:,} (zip bomb?)"
        )


def _inflate(member: IO[bytes], where: str, size: int, compressed: int, budget: Budget) -> bytes:
    """The member's bytes, read in slices and refused as soon as they pass what it declared
    (a forged header) or its limits."""
    cap = min(size, MAX_FILE_BYTES, inflate_budget(compressed))
    chunks: list[bytes] = []
    got = 0
    while chunk := member.read(_SLICE):
        got += len(chunk)
        if got > cap:
            raise Refused(
                f"archive member {where!r} inflates past the {cap:,} bytes it declares "
                "(forged header: zip bomb?)"
            )
        budget.take(where, len(chunk))
        chunks.append(chunk)
    return b"".join(chunks)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__
