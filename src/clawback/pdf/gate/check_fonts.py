"""Gate check (j) ``font``: no glyph only the removed text drew is left in a font program.

Checklist item 6 of docs/redaction.md. A font embedded as a subset holds the glyphs its text
draws; after a redaction a glyph only the removed text drew would still say which characters
that text held. Compared with the file before redaction (``original``): every glyph drawn on a
boxed page of the original and drawn nowhere in the output (`glyphs.drawn`) must have no
outline in any embedded program of that font in the output.

The programs are read with fontTools, a reader independent of the MuPDF subsetter and of
`type1` that wrote them: TrueType (``/FontFile2``), CFF and OpenType (``/FontFile3``), Type 1
(``/FontFile``, glyph ids numbered as FreeType does). A glyph has an outline when drawing it
into a bounds pen gives bounds. A program fontTools cannot read fails the check (fails closed).
Glyphs spare in a subset before the redaction are not this check's business: only what the
redaction took away is asked after.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import pymupdf
from fontTools.cffLib import CFFFontSet
from fontTools.pens.boundsPen import BoundsPen
from fontTools.t1Lib import T1Font
from fontTools.ttLib import TTFont

from clawback.pdf.gate.findings import Finding
from clawback.pdf.redaction.type1 import freetype_order
from clawback.pdf.shows.glyphs import drawn, font_key

__all__ = ["font_findings"]

BoxSpec = tuple[int, tuple[float, float, float, float], str]

#: Glyph id -> whether the glyph has an outline.
Outlined = Callable[[int], bool]


def font_findings(
    doc: pymupdf.Document, original: pymupdf.Document, boxes: Sequence[BoxSpec]
) -> list[Finding]:
    """Boxed pages whose removed glyphs are still outlined in `doc`'s fonts (module doc)."""
    pages = sorted({number for number, _, _ in boxes if 0 <= number < original.page_count})
    if not pages:
        return []
    keys = _embedded(original, pages)
    if not keys:
        return []
    by_page = {number: {g for g in drawn(original, [number]) if g[0] in keys} for number in pages}
    now = drawn(doc)
    gone = {g for glyphs in by_page.values() for g in glyphs} - now
    if not gone:
        return []
    programs = _programs(doc, {key for key, _ in gone})
    findings: list[Finding] = []
    for number in pages:
        for key in sorted({key for key, _ in by_page[number] & gone}):
            gids = [gid for font, gid in by_page[number] & gone if font == key]
            problem = _left(programs.get(key, []), gids)
            if problem:
                findings.append(Finding(number, "font", f"font {key}{problem}"))
    return findings


def _left(programs: list[Outlined | str], gids: list[int]) -> str | None:
    """What is wrong with the first of a font's programs that still outlines any of `gids`
    (or cannot be read); None if none does."""
    for outlined in programs:
        if isinstance(outlined, str):
            return f": {outlined}"
        left = sum(1 for gid in gids if outlined(gid))
        if left:
            return f" still holds {left} glyph(s) only removed text drew"
    return None


def _embedded(doc: pymupdf.Document, pages: Sequence[int]) -> set[str]:
    """Keys of the fonts with an embedded program used on `pages`."""
    return {
        font_key(basefont)
        for number in pages
        for _, ext, _, basefont, *_ in doc[number].get_fonts(full=True)
        if ext != "n/a"
    }


def _programs(doc: pymupdf.Document, keys: set[str]) -> dict[str, list[Outlined | str]]:
    """For each key, a reader of each embedded program of that name in `doc` (or why it
    cannot be read)."""
    found: dict[str, list[Outlined | str]] = {}
    seen: set[int] = set()
    for page in doc.pages():
        for xref, ext, _, basefont, *_ in page.get_fonts(full=True):
            key = font_key(basefont)
            if key not in keys or ext == "n/a" or xref in seen:
                continue
            seen.add(xref)
            _, ext, _, program = doc.extract_font(xref)
            found.setdefault(key, []).append(_reader(ext, program))
    return found


def _reader(ext: str, program: bytes) -> Outlined | str:
    try:
        if ext == "pfa":
            return _type1(program)
        if ext in ("cff", "cid"):
            return _cff(program)
        return _sfnt(program)
    except Exception as exc:
        return f"program cannot be read to prove removed glyphs left ({type(exc).__name__})"


def _has_outline(glyph_set: object, name: str) -> bool:
    pen = BoundsPen(glyph_set)
    glyph_set[name].draw(pen)  # type: ignore[index]
    return pen.bounds is not None


def _sfnt(program: bytes) -> Outlined:
    font = TTFont(io.BytesIO(program), lazy=True)
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    return lambda gid: gid < len(order) and _has_outline(glyph_set, order[gid])


def _cff(program: bytes) -> Outlined:
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(program), None)
    top = fonts[fonts.fontNames[0]]
    order = top.getGlyphOrder()
    strings = top.CharStrings

    def outlined(gid: int) -> bool:
        if gid >= len(order):
            return False
        pen = BoundsPen(None)
        strings[order[gid]].draw(pen)
        return pen.bounds is not None

    return outlined


def _type1(program: bytes) -> Outlined:
    font = T1Font.__new__(T1Font)  # from bytes, not from a file
    font.data, font.encoding = program, "ascii"
    font.parse()
    order = freetype_order(list(font.font["CharStrings"].keys()))
    glyph_set = font.getGlyphSet()
    return lambda gid: gid < len(order) and _has_outline(glyph_set, order[gid])
