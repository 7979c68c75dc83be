"""Re-subset embedded Type 1 font programs, which MuPDF's `subset_fonts` leaves whole.

A Type 1 program (``/FontFile``) is a clear-text part, an ``eexec``-encrypted part holding the
private dictionary and the ``/CharStrings``, and a trailer (``/Length1``, ``/Length2``,
``/Length3``). After a redaction, a glyph only the removed text drew would stay in the file and
tell which characters the removed text held. `empty_glyphs` decrypts the private part, replaces
each unused glyph's charstring by one that keeps its metrics and draws nothing
(``sbx wx hsbw endchar``), and encrypts the part again; every other byte stays as it was
(the encryption is its own exact inverse, so untouched charstrings come back byte for byte).

Glyph ids are the ones MuPDF reports (`Page.get_texttrace`): FreeType's, the order of the
``/CharStrings`` entries with ``.notdef`` swapped to id 0 (`glyph_names`).

Encryption and charstring encoding: Adobe, *Type 1 Font Format* (1990), chapters 6 and 7.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from clawback.domain.errors import DocumentError

__all__ = ["Type1Error", "Type1Program", "empty_glyphs", "freetype_order", "glyph_names"]

_EEXEC_KEY = 55665
_CHARSTRING_KEY = 4330
_C1, _C2 = 52845, 22719

_CHARSTRINGS = re.compile(rb"/CharStrings\s+\d+\s+dict\s+dup\s+begin\s")
_LEN_IV = re.compile(rb"/lenIV\s+(-?\d+)")
_ENTRY = re.compile(rb"\s*/([^\s/\[\]{}()<>%]+)\s+(\d+)\s+(\S+) ")
_AFTER = re.compile(rb"\s*(\S+)")
_HEX = re.compile(rb"[0-9A-Fa-f\s]+")

_HSBW, _ESCAPE, _SBW, _ENDCHAR = 13, 12, 7, 14


class Type1Error(DocumentError):
    """A Type 1 program that cannot be read as the format describes."""


def _decrypt(data: bytes, key: int) -> bytes:
    r = key
    out = bytearray(len(data))
    for i, c in enumerate(data):
        out[i] = c ^ (r >> 8)
        r = ((c + r) * _C1 + _C2) & 0xFFFF
    return bytes(out)


def _encrypt(plain: bytes, key: int) -> bytes:
    r = key
    out = bytearray(len(plain))
    for i, p in enumerate(plain):
        c = p ^ (r >> 8)
        out[i] = c
        r = ((c + r) * _C1 + _C2) & 0xFFFF
    return bytes(out)


@dataclass(frozen=True)
class _Entry:
    name: str
    head: int  # where "/name len RD " begins
    start: int  # where the charstring's bytes begin in the decrypted private part
    end: int


@dataclass(frozen=True)
class Type1Program:
    """A Type 1 program split into its three parts, the private part decrypted."""

    clear: bytes
    private: bytes
    trailer: bytes
    len_iv: int
    entries: tuple[_Entry, ...]

    @classmethod
    def read(cls, program: bytes, length1: int, length2: int) -> Type1Program:
        if not 0 < length1 < len(program) or length2 <= 0:
            raise Type1Error("lengths do not fit the program")
        clear = program[:length1]
        encrypted = program[length1 : length1 + length2]
        trailer = program[length1 + length2 :]
        if _HEX.fullmatch(encrypted):
            try:
                encrypted = bytes.fromhex(encrypted.decode("ascii"))
            except ValueError:
                raise Type1Error("encrypted part is neither binary nor hex") from None
        private = _decrypt(encrypted, _EEXEC_KEY)
        found = _LEN_IV.search(private)
        len_iv = int(found.group(1)) if found else 4
        start = _CHARSTRINGS.search(private)
        if start is None:
            raise Type1Error("no /CharStrings in the private part")
        entries: list[_Entry] = []
        at = start.end()
        while (entry := _ENTRY.match(private, at)) is not None:
            begin = entry.end()
            end = begin + int(entry.group(2))
            closing = _AFTER.match(private, end)
            if end > len(private) or closing is None:
                raise Type1Error(f"charstring /{entry.group(1).decode('latin-1')} is cut short")
            entries.append(_Entry(entry.group(1).decode("latin-1"), entry.start(1) - 1, begin, end))
            at = closing.end()
        if not entries:
            raise Type1Error("empty /CharStrings")
        return cls(clear, private, trailer, len_iv, tuple(entries))

    def charstring(self, entry: _Entry) -> bytes:
        """The decrypted program of one glyph."""
        data = self.private[entry.start : entry.end]
        if self.len_iv < 0:
            return data
        return _decrypt(data, _CHARSTRING_KEY)[self.len_iv :]

    def seal(self, plain: bytes) -> bytes:
        """`plain` encrypted as a charstring of this program."""
        if self.len_iv < 0:
            return plain
        return _encrypt(bytes(self.len_iv) + plain, _CHARSTRING_KEY)


def glyph_names(program: Type1Program) -> list[str]:
    """Glyph names by glyph id, as FreeType numbers them (MuPDF's glyph ids)."""
    return freetype_order([entry.name for entry in program.entries])


def freetype_order(names: list[str]) -> list[str]:
    """A Type 1 program's glyph names in the order of its ``/CharStrings``, numbered as
    FreeType numbers them: ``.notdef`` swapped to id 0."""
    names = list(names)
    if ".notdef" in names:
        at = names.index(".notdef")
        names[0], names[at] = names[at], names[0]
    return names


def _metrics(plain: bytes) -> bytes:
    """The charstring up to and including its ``hsbw``/``sbw`` command (numbers and any
    ``div`` before it): the glyph's metrics without its outline."""
    i = 0
    while i < len(plain):
        v = plain[i]
        if v >= 32:
            i += 5 if v == 255 else (1 if v <= 246 else 2)
        elif v == _HSBW:
            return plain[: i + 1]
        elif v == _ESCAPE:
            if i + 1 < len(plain) and plain[i + 1] == _SBW:
                return plain[: i + 2]
            i += 2
        else:
            break
    raise Type1Error("a charstring does not begin with its metrics (hsbw or sbw)")


def empty_glyphs(
    program: bytes, length1: int, length2: int, gids: Iterable[int]
) -> tuple[bytes, int, int]:
    """`program` with the glyphs `gids` (but ``.notdef``) drawing nothing: the new program
    with its ``/Length2`` and ``/Length3`` (``/Length1`` is unchanged). Raises `Type1Error`."""
    font = Type1Program.read(program, length1, length2)
    names = glyph_names(font)
    drop = {names[gid] for gid in gids if 0 <= gid < len(names)} - {".notdef"}
    parts: list[bytes] = []
    at = 0
    for entry in font.entries:
        if entry.name not in drop:
            continue
        plain = font.charstring(entry)
        empty = font.seal(_metrics(plain) + bytes([_ENDCHAR]))
        # "/name len RD " precedes the bytes: rewrite the length with them
        token = _ENTRY.match(font.private, entry.head)
        assert token is not None  # matched when read
        parts.append(font.private[at : entry.head])
        parts.append(b"/%s %d %s " % (token.group(1), len(empty), token.group(3)))
        parts.append(empty)
        at = entry.end
    parts.append(font.private[at:])
    encrypted = _encrypt(b"".join(parts), _EEXEC_KEY)
    return font.clear + encrypted + font.trailer, len(encrypted), len(font.trailer)
