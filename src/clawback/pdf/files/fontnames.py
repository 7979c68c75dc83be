"""The names an embedded font program gives itself, as a viewer's font list shows them.

A TrueType or OpenType program (``/FontFile2``, ``/FontFile3`` of subtype ``OpenType``) names
itself in its ``name`` table; a bare CFF program (``/FontFile3``) in its Name INDEX and its
top dictionary's strings; a Type 1 program (``/FontFile``) in ``/FontName`` and its
``FontInfo`` (``/FullName``, ``/FamilyName``, ``/Notice``). A program none of these readers
can read names nothing here; its bytes are still scanned by the gate's byte check.

`renamed_program` rewrites the names of a TrueType, OpenType or CFF program that a predicate
says hold something (the redactor's: a redacted text), as ``Redacted``.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pikepdf
from fontTools.cffLib import CFFFontSet
from fontTools.t1Lib import T1Font
from fontTools.ttLib import TTFont

__all__ = ["program_names", "renamed_program"]

NEUTRAL = "Redacted"


def program_names(program: bytes) -> list[str]:
    """Every name `program` (a font file's decoded bytes) gives itself (module doc)."""
    for reader in (_sfnt, _cff, _type1):
        try:
            return reader(program)
        except Exception:  # not this kind of program, or damaged: try the next reader
            continue
    return []


def _sfnt(program: bytes) -> list[str]:
    font = TTFont(io.BytesIO(program), lazy=True)
    names = [str(record) for record in font["name"].names] if "name" in font else []
    if "CFF " in font:
        names += _cff_names(font["CFF "].cff)
    return names


def _cff(program: bytes) -> list[str]:
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(program), None)
    return _cff_names(fonts)


def _cff_names(fonts: CFFFontSet) -> list[str]:
    names = [str(name) for name in fonts.fontNames]
    for name in fonts.fontNames:
        top = fonts[name]
        for key in ("FullName", "FamilyName", "Notice", "Copyright", "Weight"):
            value = getattr(top, key, None)
            if isinstance(value, str):
                names.append(value)
    return names


def _type1(program: bytes) -> list[str]:
    if not program.startswith((b"%!", b"\x80\x01")):
        raise ValueError("not a Type 1 program")
    font = T1Font.__new__(T1Font)  # from bytes, not from a file
    font.data, font.encoding = program, "ascii"
    font.parse()
    info = font.font.get("FontInfo", {})
    names = [str(font.font.get("FontName", ""))]
    names += [str(info[key]) for key in ("FullName", "FamilyName", "Notice") if key in info]
    return names


def renamed_program(stream: pikepdf.Stream, holds: Callable[[str], bool]) -> bool:
    """Rewrite, in place, every name of the font program in `stream` that `holds` (module
    doc); whether the program was rewritten. A Type 1 program, or one that cannot be read or
    written, is left as it is."""
    try:
        program = stream.read_bytes()
    except pikepdf.PdfError:
        return False
    if not any(holds(name) for name in program_names(program)):
        return False
    try:
        new = _renamed_sfnt(program, holds)
    except Exception:  # not a TrueType or OpenType program: a bare CFF one?
        try:
            new = _renamed_cff(program, holds)
        except Exception:
            return False
    stream.write(new)
    if "/Length1" in stream:
        stream.Length1 = len(new)
    return True


def _renamed_sfnt(program: bytes, holds: Callable[[str], bool]) -> bytes:
    font = TTFont(io.BytesIO(program))
    if "name" in font:
        for record in font["name"].names:
            if holds(str(record)):
                record.string = NEUTRAL
    if "CFF " in font:
        _rename_cff(font["CFF "].cff, holds)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _renamed_cff(program: bytes, holds: Callable[[str], bool]) -> bytes:
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(program), None)
    _rename_cff(fonts, holds)
    out = io.BytesIO()
    fonts.compile(out, None)
    return out.getvalue()


def _rename_cff(fonts: CFFFontSet, holds: Callable[[str], bool]) -> None:
    for index, name in enumerate(list(fonts.fontNames)):
        top = fonts[name]
        for key in ("FullName", "FamilyName", "Notice", "Copyright", "Weight"):
            value = getattr(top, key, None)
            if isinstance(value, str) and holds(value):
                setattr(top, key, NEUTRAL)
        if holds(name):
            fonts.fontNames[index] = f"{NEUTRAL}{index + 1}"
