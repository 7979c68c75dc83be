"""Inline pictures of a boxed page made image objects before it is redacted.

An inline picture (``BI ... ID ... EI``: its dictionary and data in the content stream, as
several scanners and PDF tools write small scans) is no object: MuPDF blanks the boxed part of
one, but the gate lists no object to decode and look at, so it refused every box over one
("an inline image under the box"), and a scan so written could never be produced redacted.

`externalize_inline` rewrites each one a page draws (in its content, in the forms it draws and
in its tiling patterns' cells, at any depth) as an image XObject drawn by ``Do`` where the
picture was: the same dictionary, its abbreviations spelled out (``/F /AHx`` is ``/Filter
/ASCIIHexDecode``), a colour space named in the resources put in by value, the same data. The
page draws the same; the picture is then redacted, and checked, as every image object is.
A picture that cannot be so rewritten (a content stream that does not parse, a colour space
named nowhere, a form without resources of its own) is left inline, and the gate refuses a
box over it as before. A Type 3 glyph's pictures are not reached (a box over one is refused).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import pikepdf
import pymupdf

from clawback.pdf.files.document import resource_refs

__all__ = ["externalize_inline"]

#: Forms and cells inside forms and cells deeper than this are not walked (a loop).
_DEPTH = 12
_DEVICE = {"/DeviceGray", "/DeviceRGB", "/DeviceCMYK", "/Pattern"}


def externalize_inline(doc: pymupdf.Document, numbers: Iterable[int]) -> int:
    """Make every inline picture pages `numbers` draw an image object (module doc); how many
    were made. Pages of `doc` loaded before must not be used afterwards."""
    scratch = pikepdf.new()
    made = 0
    seen: set[int] = set()
    for number in numbers:
        page = doc[number]
        xref = page.xref
        if not _has_resources(doc, xref):
            continue
        content, count = _rewritten(doc, xref, page.read_contents(), scratch)
        if count:
            stream = doc.get_new_xref()  # the page's own: another page may share its streams
            doc.update_object(stream, "<<>>")
            doc.update_stream(stream, content)
            doc.xref_set_key(xref, "Contents", f"{stream} 0 R")
            made += count
        made += _inner(doc, xref, scratch, seen, 0)
    return made


def _inner(
    doc: pymupdf.Document, owner: int, scratch: pikepdf.Pdf, seen: set[int], depth: int
) -> int:
    """Rewrite the inline pictures of the forms and tiling patterns `owner`'s resources name,
    and of theirs in turn."""
    if depth > _DEPTH:
        return 0
    made = 0
    for xref in [*resource_refs(doc, owner, "XObject"), *resource_refs(doc, owner, "Pattern")]:
        if xref in seen or not doc.xref_is_stream(xref):
            continue
        seen.add(xref)
        form = doc.xref_get_key(xref, "Subtype")[1] == "/Form"
        cell = doc.xref_get_key(xref, "PatternType")[1] == "1"
        if not (form or cell) or doc.xref_get_key(xref, "Resources")[0] == "null":
            continue
        content, count = _rewritten(doc, xref, doc.xref_stream(xref) or b"", scratch)
        if count:
            doc.update_stream(xref, content)
            made += count
        made += _inner(doc, xref, scratch, seen, depth + 1)
    return made


def _has_resources(doc: pymupdf.Document, page: int) -> bool:
    """Whether page object `page` has resources of its own, made so when it inherits them."""
    if doc.xref_get_key(page, "Resources")[0] != "null":
        return True
    node = page
    for _ in range(_DEPTH):
        kind, value = doc.xref_get_key(node, "Parent")
        if kind != "xref":
            return False
        node = int(value.split()[0])
        kind, value = doc.xref_get_key(node, "Resources")
        if kind in ("xref", "dict"):
            doc.xref_set_key(page, "Resources", value)
            return True
    return False


def _rewritten(
    doc: pymupdf.Document, owner: int, content: bytes, scratch: pikepdf.Pdf
) -> tuple[bytes, int]:
    """`content` (object `owner`'s) with each inline picture drawn as an image object named
    in `owner`'s resources, and how many were; (`content`, 0) when none was."""
    if b"BI" not in content:
        return content, 0
    try:
        parsed = pikepdf.parse_content_stream(pikepdf.Stream(scratch, content))
    except pikepdf.PdfError:
        return content, 0
    out: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    made = 0
    for instruction in parsed:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            name = _image(doc, owner, instruction.iimage)
            if name is not None:
                operands = [pikepdf.Name(name)]
                out.append(pikepdf.ContentStreamInstruction(operands, pikepdf.Operator("Do")))
                made += 1
                continue
        out.append(instruction)
    if not made:
        return content, 0
    return pikepdf.unparse_content_stream(out), made


def _image(doc: pymupdf.Document, owner: int, picture: pikepdf.PdfInlineImage) -> str | None:
    """A new image object of `picture`, named in `owner`'s resources: the name; None when its
    colour space is named nowhere."""
    entries = cast(pikepdf.Dictionary, picture.obj)  # its own copy, spelled out
    space = entries.get("/ColorSpace")
    named = ""
    if isinstance(space, pikepdf.Name) and str(space) not in _DEVICE:
        kind, named = doc.xref_get_key(owner, f"Resources/ColorSpace/{str(space)[1:]}")
        if kind not in ("xref", "array", "name"):
            return None
        del entries["/ColorSpace"]
    for key in ("/Length", "/Type", "/Subtype"):
        if key in entries:
            del entries[key]
    filters = entries.get("/Filter")
    parms = entries.get("/DecodeParms")
    text = bytes(entries.unparse()).decode("latin-1")
    xref = doc.get_new_xref()
    doc.update_object(xref, text)
    doc.update_stream(xref, picture.read_raw_bytes(), compress=0)  # drops /Filter: put back
    doc.xref_set_key(xref, "Type", "/XObject")
    doc.xref_set_key(xref, "Subtype", "/Image")
    if named:
        doc.xref_set_key(xref, "ColorSpace", named)
    if filters is not None:
        doc.xref_set_key(xref, "Filter", bytes(filters.unparse()).decode("latin-1"))
    if parms is not None:
        doc.xref_set_key(xref, "DecodeParms", bytes(parms.unparse()).decode("latin-1"))
    name = _free_name(doc, owner)
    doc.xref_set_key(owner, f"Resources/XObject/{name}", f"{xref} 0 R")
    return f"/{name}"


def _free_name(doc: pymupdf.Document, owner: int) -> str:
    """A name `owner`'s ``/Resources/XObject`` does not hold yet."""
    n = 1
    while doc.xref_get_key(owner, f"Resources/XObject/CbInline{n}")[0] != "null":
        n += 1
    return f"CbInline{n}"
