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
mapped to several characters) is left alone.

A composite (Type0) font's codes name glyphs of its embedded program: with an ``Identity``
encoding and a TrueType program (CIDFontType2), code -> glyph id by its /CIDToGIDMap, and the
program's own ``cmap`` table says which character each glyph is, where it has one; that is
compared as an encoding is. Where the program cannot say (no ``cmap``, as MuPDF's subsetting
and many producers leave it; a CFF program; another encoding), the map cannot be checked from
the file: `unchecked_fonts` names such fonts whose map reads some glyph as a letter or digit,
and the gate's OCR reads their pages (`shows.ocr.read_drawn`), so a copy the map hides is still
seen in the finished file.

A TrueType font without an /Encoding, or a symbolic one with a symbol ``cmap`` table, draws
each code's glyph by its program's own ``cmap``, whatever its encoding names: it is unchecked
unless the program's Unicode table gives each glyph the character readers read
(`_truetype_unchecked`). (A Type 1 or CFF font without an
/Encoding names its glyphs by its program's built-in encoding: that is read as an /Encoding
is, `_builtin_chars`; one whose program cannot be read is unchecked.)

A Type 3 font's glyphs are procedures that may draw anything: neither its map nor its glyph
names (``zero`` may draw an ``O``) can be confirmed, so `unchecked_fonts` names every Type 3
font with a glyph that readers take for a letter or digit, and ingest reads its pages whole.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence

import pymupdf
from fontTools.cffLib import CFFFontSet
from fontTools.encodings.StandardEncoding import StandardEncoding
from fontTools.t1Lib import T1Font
from fontTools.ttLib import TTFont

__all__ = ["FontsKnown", "lying_fonts", "unchecked_fonts"]

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
_TOKEN = re.compile(r"<[0-9A-Fa-f]*>|\[|\]")


#: What was found of each font of one document, by (question, xref, kind, encoding): a font is
#: read once for every page that uses it (`pdf.shows.pagereads.PageReads.fonts_known`). Valid
#: while the document's fonts stay as they are.
FontsKnown = dict[tuple[str, int, str, str], bool]


def lying_fonts(page: pymupdf.Page, known: FontsKnown | None = None) -> list[str]:
    """The names (``F2``) of the fonts on ``page`` whose /ToUnicode reads a letter or digit
    glyph as another letter or digit (a composite font where its program says, see module).
    ``known``: what was found of the document's fonts on its other pages (`FontsKnown`)."""
    doc = page.parent
    found = []
    for xref, _, kind, _, name, encoding, *_ in page.get_fonts():
        if xref > 0 and _verdict(known, ("lying", xref, kind, encoding), _lying, doc):
            found.append(name)
    return found


def unchecked_fonts(page: pymupdf.Page, known: FontsKnown | None = None) -> list[str]:
    """The names of the composite fonts on ``page`` whose /ToUnicode reads some glyph as a
    letter or digit that nothing in the file confirms (their program does not say which
    character the glyph is, or their codes are not CIDs), of the TrueType fonts without an
    /Encoding whose program does not confirm such a map, and of the Type 3 fonts that have a
    glyph read as a letter or digit (see module): their text may not be what the page
    prints. ``known``: as for `lying_fonts`."""
    doc = page.parent
    found = []
    for xref, _, kind, _, name, encoding, *_ in page.get_fonts():
        if xref > 0 and _verdict(known, ("unchecked", xref, kind, encoding), _unchecked, doc):
            found.append(name)
    return found


def _verdict(
    known: FontsKnown | None,
    key: tuple[str, int, str, str],
    find: Callable[[pymupdf.Document, int, str, str], bool],
    doc: pymupdf.Document,
) -> bool:
    """What `find` says of one font, found once a document when ``known`` is given."""
    if known is None:
        return find(doc, *key[1:])
    if key not in known:
        known[key] = find(doc, *key[1:])
    return known[key]


def _unchecked(doc: pymupdf.Document, xref: int, kind: str, encoding: str) -> bool:
    """`unchecked_fonts` of one font."""
    if kind == "Type3":
        return _type3_unchecked(doc, xref)
    if kind == "TrueType":
        return _truetype_unchecked(doc, xref, encoding)
    if kind in _TYPE1 and encoding == "":  # its program's own encoding: see `_lying`
        return bool(_unicode_map(doc, xref, 1)) and _builtin_chars(doc, xref) is None
    if kind != "Type0" or doc.xref_get_key(xref, "ToUnicode")[0] != "xref":
        return False
    said = _unicode_map(doc, xref, 2) if encoding in _IDENTITY else None
    if said is None:
        return True
    drawn = _program_glyphs(doc, xref, said)
    return any(
        len(text) == 1 and text.isalnum() and code not in drawn for code, text in said.items()
    )


def _type3_unchecked(doc: pymupdf.Document, xref: int) -> bool:
    """Whether a Type 3 font has a glyph that readers take for a letter or digit (by its
    /ToUnicode, else by its glyph name): a glyph is a procedure that may draw anything, so
    nothing in the file confirms what either says."""
    procs = _charproc_names(doc, xref)
    said = _unicode_map(doc, xref, 1)
    for code, glyph in _glyph_names(doc, xref).items():
        if glyph in procs:
            text = said.get(code, _glyph(glyph))
            if len(text) == 1 and text.isalnum():
                return True
    return False


def _truetype_unchecked(doc: pymupdf.Document, xref: int, encoding: str) -> bool:
    """Whether a simple TrueType font reads some code as a letter or digit that its program
    does not confirm. The program draws each code's glyph by its ``cmap`` as MuPDF looks a
    code up: by its symbol table (3,0), at the code or in U+F0xx-F2xx, where it has one and
    the font is symbolic or has no Unicode table; else, with an /Encoding, by the encoded
    character's Unicode (a lie there is the map's, `_lying`'s); else by its Macintosh table
    (1,0), else its Unicode table (3,1), at the code itself. Readers read a code by the
    /ToUnicode, else by the /Encoding, else as the character of that number. The glyph is a
    character only where the program's Unicode table gives it to it."""
    said = _unicode_map(doc, xref, 1) or (_encoding(doc, xref) if encoding else {})
    if not said and not encoding:
        said = {code: chr(code) for code in range(48, 123)}
    said = {c: t for c, t in said.items() if len(t) == 1 and t.isalnum()}
    if not said:
        return False
    try:
        program = TTFont(io.BytesIO(doc.extract_font(xref)[3]), lazy=True)
        tables = {(t.platformID, t.platEncID): t.cmap for t in program["cmap"].tables}
    except Exception:  # no program, or one fontTools cannot read: nothing confirms the map
        return bool(doc.extract_font(xref)[3]) or not encoding
    unicode = tables.get((3, 1)) or tables.get((0, 3)) or {}
    symbol, mac = tables.get((3, 0)), tables.get((1, 0))
    symbolic = int(_descriptor_key(doc, xref, "Flags") or 0) & 4
    if symbol is None or not (symbolic or not unicode):
        if encoding:
            return False
        symbol = None
    if symbol is None and not unicode:
        # A subset drawing by its Macintosh table alone, names and Unicode gone (LibreOffice
        # writes every font so): nothing in it confirms or denies the map, and reading every
        # such page by OCR made a 20-page Word file's ingest 11 times as long. Taken at its
        # word, as before; a lie in one is a strict xfail (tests/redaction/test_symbolic_fonts).
        return False

    def glyph(code: int) -> str | None:
        if symbol is not None:
            return next(
                (symbol[c] for c in (code, 0xF000 | code, 0xF100 | code, 0xF200 | code)
                 if c in symbol),
                None,
            )  # fmt: skip
        return (mac or unicode).get(code)

    drawn = {code: glyph(code) for code in said}  # a code without a glyph draws nothing
    return any(g is not None and unicode.get(ord(said[code])) != g for code, g in drawn.items())


def _descriptor_key(doc: pymupdf.Document, xref: int, key: str) -> str | None:
    """A key of a font's /FontDescriptor, as MuPDF writes its value."""
    kind, value = doc.xref_get_key(xref, "FontDescriptor")
    if kind != "xref":
        return None
    kind, value = doc.xref_get_key(int(value.split()[0]), key)
    return value if kind != "null" else None


def _charproc_names(doc: pymupdf.Document, xref: int) -> set[str]:
    """The glyph names a Type 3 font has procedures for."""
    kind, value = doc.xref_get_key(xref, "CharProcs")
    if kind == "xref":
        value = doc.xref_object(int(value.split()[0]), compressed=True)
    elif kind != "dict":
        return set()
    return set(re.findall(r"/([^\s/\[\]<>()]+)\s*\d+\s+\d+\s+R", value))


def _lying(doc: pymupdf.Document, xref: int, kind: str, encoding: str) -> bool:
    """`lying_fonts` of one font: what its map says of each code against what the file says
    each code draws (by the encoding, or the composite font's program)."""
    if kind == "Type0":
        said = _unicode_map(doc, xref, 2) if encoding in _IDENTITY else {}
        drawn = _program_glyphs(doc, xref, said) if said else {}
    else:
        said = _unicode_map(doc, xref, 1)
        if not said:
            return False
        builtin = kind in _TYPE1 and not encoding
        drawn = _encoding(doc, xref) if not builtin else _builtin_chars(doc, xref) or {}
    return bool(said) and _lies(said, drawn)


#: The kinds of simple font whose program (Type 1 or CFF) carries an encoding of its own.
_TYPE1 = ("Type1", "MMType1", "Type1C")


def _builtin_chars(doc: pymupdf.Document, xref: int) -> dict[int, str] | None:
    """Code -> the character its glyph is, for a Type 1 font without an /Encoding: by its
    embedded program's own encoding (a CFF program's, or a Type 1 program's); nothing where
    none is embedded (a viewer's stand-in draws it, Symbol by its own encoding); None where
    the program cannot be read."""
    try:
        _, ext, _, program = doc.extract_font(xref)
        names: Sequence[str]
        if not program:
            return {}
        if ext == "cff":
            fonts = CFFFontSet()
            fonts.decompile(io.BytesIO(program), None)
            own = getattr(fonts[fonts.fontNames[0]], "Encoding", "StandardEncoding")
            names = StandardEncoding if own == "StandardEncoding" else own
        else:
            font = T1Font.__new__(T1Font)  # from bytes, not from a file
            font.data, font.encoding = program, "ascii"
            font.parse()
            names = font.font["Encoding"]
    except Exception:  # a program fontTools cannot read: nothing confirms the map
        return None
    if isinstance(names, str):  # ExpertEncoding: no letters or digits by name
        return {}
    drawn = {code: _glyph(str(name)) for code, name in enumerate(names) if name}
    return {code: char for code, char in drawn.items() if len(char) == 1}


def _lies(said: dict[int, str], drawn: dict[int, str]) -> bool:
    """Whether the map reads some code whose glyph is a letter or digit as another one."""
    for code, text in said.items():
        glyph = drawn.get(code)
        if (
            glyph is not None
            and len(text) == 1
            and glyph.isalnum()
            and text.isalnum()
            and text != glyph
        ):
            return True
    return False


#: The encodings of a composite font whose codes are its CIDs, two bytes each.
_IDENTITY = ("Identity-H", "Identity-V")
#: The characters a composite font's program is asked about.
_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _program_glyphs(doc: pymupdf.Document, xref: int, said: dict[int, str]) -> dict[int, str]:
    """Code -> the character a composite font's TrueType program says its glyph is (its
    ``cmap``): the map's own character where the program draws it with that very glyph (a
    glyph two characters share, as compatibility ideographs do, confirms either), else the
    ASCII letter or digit the program draws with it; codes the program says nothing of are
    left out (see module)."""
    kind, value = doc.xref_get_key(xref, "DescendantFonts")
    refs = re.findall(r"(\d+) 0 R", value) if kind in ("array", "xref") else []
    if not refs:
        return {}
    descendant = int(refs[0])
    if kind == "xref":  # an indirect array
        inner = re.findall(r"(\d+) 0 R", doc.xref_object(descendant))
        descendant = int(inner[0]) if inner else 0
    if doc.xref_get_key(descendant, "Subtype") != ("name", "/CIDFontType2"):
        return {}
    try:
        program = pymupdf.Font(fontbuffer=doc.extract_font(xref)[3])
    except (RuntimeError, ValueError, IndexError):
        return {}
    by_glyph: dict[int, str] = {}
    for char in _ALNUM:
        glyph = program.has_glyph(ord(char))
        if glyph:
            by_glyph.setdefault(glyph, char)
    to_glyph = _cid_to_gid(doc, descendant)
    drawn = {}
    for code, text in said.items():
        glyph = to_glyph(code)
        if not glyph:
            continue
        if len(text) == 1 and program.has_glyph(ord(text)) == glyph:
            drawn[code] = text
        elif glyph in by_glyph:
            drawn[code] = by_glyph[glyph]
    return drawn


def _cid_to_gid(doc: pymupdf.Document, descendant: int) -> Callable[[int], int | None]:
    """A CIDFontType2's /CIDToGIDMap as a function (``Identity`` or absent: the CID itself)."""
    kind, value = doc.xref_get_key(descendant, "CIDToGIDMap")
    if kind != "xref":
        return lambda cid: cid
    try:
        table = doc.xref_stream(int(value.split()[0]))
    except (ValueError, RuntimeError):
        return lambda cid: None
    return lambda cid: (
        int.from_bytes(table[2 * cid : 2 * cid + 2]) if 2 * cid + 2 <= len(table) else None
    )


def _unicode_map(doc: pymupdf.Document, xref: int, width: int) -> dict[int, str]:
    """A font's /ToUnicode as code -> text, for codes of `width` bytes (one for a simple font,
    two for a composite one with an ``Identity`` encoding; what is not read is left out)."""
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
        tokens = _TOKEN.findall(block)
        k = 0
        while k + 2 < len(tokens):
            first, last = _code(tokens[k], width), _code(tokens[k + 1], width)
            if tokens[k + 2] == "[":  # one destination per code
                end = tokens.index("]", k + 3) if "]" in tokens[k + 3 :] else len(tokens)
                targets = [_text(t[1:-1]) for t in tokens[k + 3 : end]]
                k = end + 1
            else:
                start = _text(tokens[k + 2][1:-1])
                k += 3
                if len(start) != 1 or first is None or last is None or last - first > 255:
                    continue
                targets = [chr(ord(start) + n) for n in range(last - first + 1)]
            if first is not None:
                for n, target in enumerate(targets):
                    said[first + n] = target
    for block in _BFCHAR.findall(stream):
        hexes = _HEX.findall(block)
        for src, dst in zip(hexes[::2], hexes[1::2], strict=False):
            if src and len(src) <= 2 * width:
                said[int(src, 16)] = _text(dst)
    return said


def _code(token: str, width: int) -> int | None:
    """A ``<hex>`` source code of at most `width` bytes, else None."""
    digits = token[1:-1]
    if not digits or len(digits) > 2 * width or token[0] != "<":
        return None
    return int(digits, 16)


def _text(hexes: str) -> str:
    try:
        return bytes.fromhex(hexes).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return ""


def _encoding(doc: pymupdf.Document, xref: int) -> dict[int, str]:
    """Code -> the character its glyph is, by the font's /Encoding (a named encoding, or a
    dictionary's /BaseEncoding and /Differences); codes whose glyph is not plainly one
    character are left out."""
    drawn = {code: _glyph(name) for code, name in _glyph_names(doc, xref).items()}
    return {c: g for c, g in drawn.items() if len(g) == 1}


#: The glyph names of the digits, by the digit.
_DIGIT_NAMES = {digit: name for name, digit in _DIGITS.items()}


def _glyph_names(doc: pymupdf.Document, xref: int) -> dict[int, str]:
    """Code -> its glyph's name by the font's /Encoding, as far as `_glyph` reads names: a
    named base encoding's codes as the character's own name (``A``, ``zero``; ``uniXXXX``
    beyond ASCII), then /Differences."""
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
    names: dict[int, str] = {}
    for code in range(32, 256):
        if codec is not None:
            names[code] = _name(bytes([code]).decode(codec, "replace"))
        elif code < 127:  # StandardEncoding: ASCII's letters and digits where it has them
            names[code] = _name(chr(code))
    code = 0
    for token in re.findall(r"/[^\s/\[\]]+|\d+", differences or ""):
        if token[0] != "/":
            code = int(token)
            continue
        names[code] = token[1:]
        code += 1
    return names


def _name(char: str) -> str:
    """A glyph name `_glyph` reads as `char`."""
    if char.isascii() and char.isalpha():
        return char
    return _DIGIT_NAMES.get(char) or f"uni{ord(char):04X}"


def _glyph(name: str) -> str:
    """The character a glyph name plainly is (``a``, ``zero``, ``uni0041``), else ''."""
    if len(name) == 1 and name.isascii() and name.isalpha():
        return name
    if name in _DIGITS:
        return _DIGITS[name]
    if re.fullmatch(r"uni[0-9A-Fa-f]{4}", name):
        return chr(int(name[3:], 16))
    return ""
