"""Fonts whose text layer says other characters than they draw.

A simple font (Type 1, TrueType, Type 3 with an /Encoding) names each code's glyph by its
encoding: WinAnsi, MacRoman, Standard, and /Differences by glyph name. A /ToUnicode map may
say something else for the same code: legitimately for a ligature (``fi``) or a symbol, but
a map that reads the glyph ``zero`` as ``O`` or ``one`` as ``l`` makes every text reader (and
every search, and the redactor's net) read ``DB-4O98l`` where the page prints ``DB-40981``.
Nothing that reads text can then find what the page shows.

`lying_fonts` names the fonts of a page whose /ToUnicode gives, for a code whose glyph is a
letter or digit by its encoding, another single letter or digit. Only what both sides state
plainly is compared; the rest (a font with no /Encoding, whose codes name glyphs by the
program's own encoding; a glyph name that is not a letter, a digit or ``uniXXXX``; a code
mapped to several characters; a composite font) is left alone: a composite (Type0) font's codes name
glyphs in its embedded program, which this reads not at all (the OCR decision handles Type0
fonts without a map).
"""

from __future__ import annotations

import re

import pymupdf

__all__ = ["lying_fonts"]

#: Glyph names of the digits (the letters are their own names).
_DIGITS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_CODECS = {"/WinAnsiEncoding": "cp1252", "/MacRomanEncoding": "mac_roman"}
_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(r"<([0-9A-Fa-f]*)>")


def lying_fonts(page: pymupdf.Page) -> list[str]:
    """The names (``F2``) of the simple fonts on ``page`` whose /ToUnicode reads a letter or
    digit glyph as another letter or digit."""
    doc = page.parent
    found: list[str] = []
    for xref, _, kind, _, name, _, *_ in page.get_fonts():
        if xref <= 0 or kind == "Type0":
            continue
        said = _unicode_map(doc, xref)
        if not said:
            continue
        drawn = _encoding(doc, xref)
        for code, text in said.items():
            glyph = drawn.get(code)
            if (
                glyph is not None
                and len(text) == 1
                and glyph.isalnum()
                and text.isalnum()
                and text != glyph
            ):
                found.append(name)
                break
    return found


def _unicode_map(doc: pymupdf.Document, xref: int) -> dict[int, str]:
    """A simple font's /ToUnicode as code -> text (one-byte codes; what is not read is left
    out)."""
    kind, value = doc.xref_get_key(xref, "ToUnicode")
    if kind != "xref":
        return {}
    try:
        stream = doc.xref_stream(int(value.split()[0])).decode("latin-1")
    except (ValueError, RuntimeError):
        return {}
    said: dict[int, str] = {}
    # ranges first, then single codes: a code given on its own governs (as MuPDF reads it)
    for block in _BFRANGE.findall(stream):
        for line in block.splitlines():
            hexes = _HEX.findall(line)
            if len(hexes) != 3 or "[" in line or not hexes[0] or len(hexes[0]) > 2:
                continue
            first, last, start = int(hexes[0], 16), int(hexes[1], 16), _text(hexes[2])
            if len(start) != 1 or last - first > 255:
                continue
            for offset in range(last - first + 1):
                said[first + offset] = chr(ord(start) + offset)
    for block in _BFCHAR.findall(stream):
        hexes = _HEX.findall(block)
        for src, dst in zip(hexes[::2], hexes[1::2], strict=False):
            if src and len(src) <= 2:
                said[int(src, 16)] = _text(dst)
    return said


def _text(hexes: str) -> str:
    try:
        return bytes.fromhex(hexes).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return ""


def _encoding(doc: pymupdf.Document, xref: int) -> dict[int, str]:
    """Code -> the character its glyph is, by the font's /Encoding (a named encoding, or a
    dictionary's /BaseEncoding and /Differences); codes whose glyph is not plainly one
    character are left out."""
    kind, value = doc.xref_get_key(xref, "Encoding")
    if kind == "null":  # the font program's own encoding (a symbolic subset): not read here
        return {}
    base, differences = "/StandardEncoding", ""
    if kind == "name":
        base = value
    elif kind in ("xref", "dict"):
        target = int(value.split()[0]) if kind == "xref" else xref
        key = "" if kind == "xref" else "Encoding/"
        got = doc.xref_get_key(target, key + "BaseEncoding")
        if got[0] == "name":
            base = got[1]
        differences = doc.xref_get_key(target, key + "Differences")[1]
    codec = _CODECS.get(base)
    drawn: dict[int, str] = {}
    for code in range(32, 256):
        if codec is not None:
            drawn[code] = bytes([code]).decode(codec, "replace")
        elif code < 127:  # StandardEncoding: ASCII's letters and digits where it has them
            drawn[code] = chr(code)
    code = 0
    for token in re.findall(r"/[^\s/\[\]]+|\d+", differences or ""):
        if token[0] != "/":
            code = int(token)
            continue
        drawn[code] = _glyph(token[1:])
        code += 1
    return {c: g for c, g in drawn.items() if len(g) == 1}


def _glyph(name: str) -> str:
    """The character a glyph name plainly is (``a``, ``zero``, ``uni0041``), else ''."""
    if len(name) == 1 and name.isascii() and name.isalpha():
        return name
    if name in _DIGITS:
        return _DIGITS[name]
    if re.fullmatch(r"uni[0-9A-Fa-f]{4}", name):
        return chr(int(name[3:], 16))
    return ""
