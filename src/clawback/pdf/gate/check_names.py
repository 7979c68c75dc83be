"""Gate check (m) ``name``: the item in no name and no string the file holds, read bare.

A name is the file's own word for a thing, and nothing stops a writer from calling a font, a
picture, a graphics state or a destination after the item: ``/F_DB40981``, ``/BaseFont
/ABCDEF+DB-40981``, ``/DB#2D40981`` (``#2D`` is the hyphen). No extractor reads a name and no
page shows one, yet a recipient's viewer lists fonts by name and any text editor shows the rest.
A name cannot hold a space, so its writer joins words with ``_``, ``-`` or ``.`` or drops the
joint: the plain byte forms `check_raw` looks for miss it.

So every name and string is read *bare* (`needles.bare`: ``#xx`` escapes undone, taken apart
and case folded, only letters and digits kept) and must not hold the item read bare:

* every name the object graph holds (dictionary keys and values, array items) and every
  string object, page by page (`check_structure.partition`: a hit on a page's own objects
  names that page);
* every name an operand of a content stream (a page's, a form's, a tiling pattern's, a Type 3
  glyph's) spells: resource names, marked-content tags;
* the names a font program gives itself (`fonts.program_names`: a TrueType or OpenType
  ``name`` table, a CFF font's name, a Type 1 font's ``/FontName``, ``/FullName``,
  ``/FamilyName``): a viewer's font list shows them.

Names of the PDF vocabulary (keys and values the standard defines, glyph names of the Adobe
Glyph List, the standard 14 fonts) are not read: a secret such as ``Media`` would otherwise be
found in ``/MediaBox``. An item whose bare form is shorter than `needles.MIN_SECRET_CHARS` is
left to the other checks (its letters and digits alone would match chance names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import pikepdf

from clawback.pdf.files.fontnames import program_names
from clawback.pdf.files.pdfwalk import Walk
from clawback.pdf.files.vocabulary import vocabulary as pdf_vocabulary
from clawback.pdf.gate.check_structure import partition
from clawback.pdf.gate.findings import Finding
from clawback.pdf.shows.needles import MIN_SECRET_CHARS, bare, unescaped

__all__ = ["name_findings"]

#: A name in a content stream: a solidus and the regular characters after it.
_CONTENT_NAME = re.compile(rb"/([^\s/\[\]()<>{}%]+)")
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def name_findings(
    pike: pikepdf.Pdf,
    secrets: Sequence[tuple[str, str]],
    parts: list[tuple[int | None, Walk]] | None = None,
) -> list[Finding]:
    """One finding per secret whose bare form a name or string of the file holds (module
    doc), on the first page whose objects hold it, else on the file. `parts`: the file's
    `partition`, where the caller made it already."""
    wanted = [(label, bare(text)) for label, text in secrets]
    wanted = [(label, form) for label, form in wanted if len(form) >= MIN_SECRET_CHARS]
    if not wanted:
        return []
    findings: list[Finding] = []
    for page, found in partition(pike) if parts is None else parts:
        words = {bare(word) for word in set(_words(found))}
        held = {label for label, form in wanted if any(form in word for word in words)}
        for label in sorted(held):
            detail = f"item {label!r} in a name or string the file holds"
            findings.append(Finding(page, "name", detail))
        wanted = [(label, form) for label, form in wanted if label not in held]
        if not wanted:
            break
    return findings


def _words(found: Walk) -> Iterator[str]:
    """Every name and string of `found` worth reading, as text (names unescaped)."""
    vocabulary = pdf_vocabulary()
    for string in found.strings:
        yield str(string)
    for obj in found.containers:
        if isinstance(obj, pikepdf.Array):
            values: Iterable[object] = obj
        else:
            keys = set(obj.keys())
            yield from (unescaped(key) for key in keys - vocabulary)
            values = obj.values()
            if isinstance(obj, pikepdf.Stream) and _draws(obj, keys):
                yield from _content_names(obj)
            for key in keys.intersection(_FONT_FILES):
                if isinstance(program := obj.get(key), pikepdf.Stream):
                    yield from program_names(_decoded(program))
        for item in values:
            if isinstance(item, pikepdf.Name) and (name := str(item)) not in vocabulary:
                yield unescaped(name)


#: The keys of a stream that is content and has no type of its own (a page's, a glyph's).
_PLAIN_STREAM = frozenset({"/Length", "/Filter", "/DecodeParms"})


def _draws(stream: pikepdf.Stream, keys: set[str]) -> bool:
    """Whether `stream` (whose keys are `keys`) is content: a form, a tiling pattern, or a
    stream with no type of its own (a page's, a Type 3 glyph's; a CMap's too)."""
    if keys <= _PLAIN_STREAM:
        return True
    return stream.get("/Subtype") == "/Form" or stream.get("/PatternType") == 1


def _content_names(stream: pikepdf.Stream) -> Iterator[str]:
    names = {"/" + raw.decode("latin-1") for raw in _CONTENT_NAME.findall(_decoded(stream))}
    yield from (unescaped(name) for name in names - pdf_vocabulary())


def _decoded(stream: pikepdf.Stream) -> bytes:
    try:
        return stream.read_bytes()
    except pikepdf.PdfError:
        return b""
