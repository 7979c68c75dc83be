"""Names that spell a redacted item, renamed: what no page shows may not name the item either.

A writer may call a font, a picture, a graphics state, a colour or a marked-content tag after
the item (``/F_DB40981``, ``/BaseFont /ABCDEF+DB-40981``, ``/GS_DB#2D40981``). The gate reads
every name bare (`gate.check_names`) and refuses such a file; `rename` makes it one the gate
passes, changing nothing a page shows:

* a resource name (a key of a ``/Font``, ``/XObject``, ``/ExtGState``, ``/ColorSpace``,
  ``/Pattern``, ``/Shading`` or ``/Properties`` dictionary of a page, form, tiling pattern or
  Type 3 font) is renamed ``/R1``, ``/R2``, … (a name that dictionary does not hold yet), and
  each operand of the owner's content streams that named it is renamed with it;
* any other name that holds the item, as a key or a value in the object graph (a key no
  standard gives, a private one; a resource name was renamed above) or as an operand of a
  content stream (a font's ``/BaseFont`` and ``/FontName``, a separation colour's colorant, a
  marked-content tag), becomes ``/Redacted1``, ``/Redacted2``, … (one for each such name,
  so names stay told apart): a font's name is only its label, a colorant unknown to the
  device is drawn in its alternate space, and a tag draws nothing;
* a Type 3 glyph's name, in the font's ``/Differences`` and ``/CharProcs`` alike; the glyph
  names of other fonts select glyphs of a program and are left as they are (the gate refuses
  them);
* the names of a font's CMaps (``/ToUnicode``, a composite font's ``/Encoding``);
* the names a TrueType, OpenType or CFF program gives itself (`fontnames.renamed_program`).
  A program that cannot be rewritten is left as it is, and the gate refuses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeGuard

import pikepdf
import pymupdf

from clawback.pdf.files.fontnames import program_names, renamed_program
from clawback.pdf.files.pdfwalk import page_contents, walk
from clawback.pdf.files.vocabulary import vocabulary
from clawback.pdf.shows.needles import MIN_SECRET_CHARS, bare, unescaped

__all__ = ["NEUTRAL", "names_hold", "rename"]

NEUTRAL = "/Redacted"
#: Whether a name holds the item.
Holds = Callable[[object], TypeGuard[pikepdf.Name]]
#: The neutral name a name that holds the item is given.
Rename = Callable[[pikepdf.Name], pikepdf.Name]
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
_KINDS = ("/Font", "/XObject", "/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/Properties")


def rename(pdf: pikepdf.Pdf, texts: Sequence[str]) -> bool:
    """Rename, in place, every name of `pdf` that holds one of `texts` read bare (module
    doc); whether anything was renamed."""
    forms = {form for form in (bare(text) for text in texts) if len(form) >= MIN_SECRET_CHARS}
    if not forms:
        return False
    known = vocabulary()

    def holds(name: object) -> TypeGuard[pikepdf.Name]:
        if not isinstance(name, pikepdf.Name) or str(name) in known:
            return False  # a name of the PDF vocabulary is no sign of the item
        spelled = bare(unescaped(str(name)))
        return any(form in spelled for form in forms)

    def held(text: str) -> bool:
        spelled = bare(text)
        return any(form in spelled for form in forms)

    neutral: dict[str, pikepdf.Name] = {}

    def renamed(name: pikepdf.Name) -> pikepdf.Name:
        """The neutral name of `name`: one per name, so that names stay told apart."""
        return neutral.setdefault(str(name), pikepdf.Name(f"{NEUTRAL}{len(neutral) + 1}"))

    changed = False
    done: dict[tuple[int, int], dict[str, pikepdf.Name]] = {}
    for _, resources, streams in _owners(pdf):
        mapping = _renamed_resources(resources, holds, done)
        for stream in streams:
            changed |= _rewrite(stream, mapping, holds, renamed)
        changed |= bool(mapping)
    found = walk(pdf.trailer)
    for obj in found.containers:
        if isinstance(obj, pikepdf.Array):
            if len(obj) and isinstance(obj[0], int):
                continue  # an /Encoding /Differences array: glyph names (below)
            for index, item in enumerate(obj):
                if holds(item):
                    obj[index] = renamed(item)
                    changed = True
            continue
        for key in list(obj.keys()):
            if holds(value := obj.get(key)):
                obj[key] = renamed(value)
                changed = True
            if holds(pikepdf.Name(key)):  # a key no standard gives (resources renamed above)
                obj[str(renamed(pikepdf.Name(key)))] = obj[key]
                del obj[key]
                changed = True
        changed |= _renamed_glyphs(obj, holds, renamed)
        for key in _FONT_FILES:
            if isinstance(program := obj.get(key), pikepdf.Stream):
                changed |= renamed_program(program, held)
        for key in ("/ToUnicode", "/Encoding"):
            if isinstance(cmap := obj.get(key), pikepdf.Stream):
                changed |= _renamed_cmap(cmap, holds, renamed)
    return changed


#: A name in a content stream or a CMap: a solidus and the regular characters after it.
_NAME = re.compile(rb"/([^\s/\[\]()<>{}%]+)")


def names_hold(doc: pymupdf.Document, texts: Sequence[str]) -> bool:
    """Whether any name of `doc` (in an object, a stream that is not a picture, a font
    program) holds one of `texts` read bare: whether `rename` would have anything to do
    (errs towards yes: a name inside a string counts)."""
    forms = {form for form in (bare(text) for text in texts) if len(form) >= MIN_SECRET_CHARS}
    if not forms:
        return False

    def holds(raw: str) -> bool:
        spelled = bare(unescaped(raw))
        return any(form in spelled for form in forms)

    names: set[str] = set(_TEXT_NAME.findall(doc.pdf_trailer()))
    for xref in range(1, doc.xref_length()):
        source = doc.xref_object(xref, compressed=True)
        names.update(_TEXT_NAME.findall(source))
        if doc.xref_is_stream(xref) and "/Image" not in source:
            data = doc.xref_stream(xref) or b""
            if _PROGRAM.search(source) and any(holds(name) for name in program_names(data)):
                return True
            names.update(raw.decode("latin-1") for raw in _NAME.findall(data))
    return any(holds(name) for name in names)


#: A font program's stream dictionary: TrueType and Type 1 give lengths, the others a type.
_PROGRAM = re.compile(r"/Length1\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b")
#: A name in an object's source as MuPDF writes it.
_TEXT_NAME = re.compile(r"/([^\s/\[\]()<>{}%]+)")


def _renamed_cmap(cmap: pikepdf.Stream, holds: Holds, renamed: Rename) -> bool:
    """Rename the names of a CMap (``/CMapName``, ``usecmap``) that hold the item."""
    try:
        data = cmap.read_bytes()
    except pikepdf.PdfError:
        return False

    def one(match: re.Match[bytes]) -> bytes:
        name = pikepdf.Name("/" + unescaped(match.group(1).decode("latin-1")))
        return str(renamed(name)).encode("latin-1") if holds(name) else match.group(0)

    new = _NAME.sub(one, data)
    if new == data:
        return False
    cmap.write(new)
    return True


def _renamed_glyphs(font: pikepdf.Object, holds: Holds, renamed: Rename) -> bool:
    """Rename the glyphs of a Type 3 font that hold the item, in its ``/Differences`` and its
    ``/CharProcs`` alike; those of other fonts name glyphs of a program and are left (the
    gate refuses them)."""
    procs = font.get("/CharProcs")
    encoding = font.get("/Encoding")
    if not isinstance(procs, pikepdf.Dictionary) or not isinstance(encoding, pikepdf.Dictionary):
        return False
    differences = encoding.get("/Differences")
    if not isinstance(differences, pikepdf.Array):
        return False
    changed = False
    for index, item in enumerate(differences):
        if holds(item):
            new = renamed(item)
            if str(item) in procs:
                procs[str(new)] = procs[str(item)]
                del procs[str(item)]
            differences[index] = new
            changed = True
    for key in list(procs.keys()):  # a glyph no code draws
        if holds(pikepdf.Name(key)):
            procs[str(renamed(pikepdf.Name(key)))] = procs[key]
            del procs[key]
            changed = True
    return changed


def _owners(
    pdf: pikepdf.Pdf,
) -> Iterator[tuple[pikepdf.Object, pikepdf.Dictionary, list[pikepdf.Stream]]]:
    """(owner, its resources, the content streams that use them) for every page, form,
    tiling pattern and Type 3 font of `pdf`."""
    for page in pdf.pages:
        node, resources = page.obj, None
        for _ in range(64):  # inherited from a page-tree node where the page has none
            resources = node.get("/Resources")
            parent = node.get("/Parent")
            if resources is not None or not isinstance(parent, pikepdf.Dictionary):
                break
            node = parent
        if isinstance(resources, pikepdf.Dictionary):
            yield page.obj, resources, page_contents(page)
    for obj in walk(pdf.trailer).containers:
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            continue
        resources = obj.get("/Resources")
        if not isinstance(resources, pikepdf.Dictionary):
            continue
        if isinstance(obj, pikepdf.Stream) and (
            obj.get("/Subtype") == "/Form" or obj.get("/PatternType") == 1
        ):
            yield obj, resources, [obj]
        procs = obj.get("/CharProcs")
        if isinstance(procs, pikepdf.Dictionary):
            yield obj, resources, [p for p in procs.values() if isinstance(p, pikepdf.Stream)]


def _renamed_resources(
    resources: pikepdf.Dictionary,
    holds: Holds,
    done: dict[tuple[int, int], dict[str, pikepdf.Name]],
) -> dict[str, pikepdf.Name]:
    """Rename the resource names of `resources` that hold the item; old name -> new. A
    resource dictionary shared by several owners is renamed once (`done`)."""
    key = resources.objgen if resources.is_indirect else None
    if key is not None and key in done:
        return done[key]
    mapping: dict[str, pikepdf.Name] = {}
    for kind in _KINDS:
        named = resources.get(kind)
        if not isinstance(named, pikepdf.Dictionary):
            continue
        for name in list(named.keys()):
            if holds(pikepdf.Name(name)):
                fresh = _fresh(named, mapping)
                named[fresh] = named[name]
                del named[name]
                mapping[name] = pikepdf.Name(fresh)
    if key is not None:
        done[key] = mapping
    return mapping


def _fresh(named: pikepdf.Dictionary, taken: dict[str, pikepdf.Name]) -> str:
    used = set(named.keys()) | {str(name) for name in taken.values()}
    return next(f"/R{n}" for n in range(1, len(used) + 2) if f"/R{n}" not in used)


def _rewrite(
    stream: pikepdf.Stream, mapping: dict[str, pikepdf.Name], holds: Holds, renamed: Rename
) -> bool:
    """Rename the operands of `stream` that `mapping` renames or that hold the item."""
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError:
        return False
    names = {"/" + unescaped(raw.decode("latin-1")) for raw in _NAME.findall(data)}
    if not any(name in mapping or holds(pikepdf.Name(name)) for name in names):
        return False  # most streams: nothing to rename, not parsed
    instructions = pikepdf.parse_content_stream(stream)
    changed = False
    rewritten: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInstruction):
            operands = [
                _renamed(operand, mapping, holds, renamed) for operand in instruction.operands
            ]
            if any(a is not b for a, b in zip(operands, instruction.operands, strict=True)):
                changed = True
                instruction = pikepdf.ContentStreamInstruction(operands, instruction.operator)
        rewritten.append(instruction)
    if changed:
        stream.write(pikepdf.unparse_content_stream(rewritten))
    return changed


def _renamed(
    operand: pikepdf.Object, mapping: dict[str, pikepdf.Name], holds: Holds, renamed: Rename
) -> pikepdf.Object:
    if not isinstance(operand, pikepdf.Name):
        return operand
    if str(operand) in mapping:
        return mapping[str(operand)]
    return renamed(operand) if holds(operand) else operand
