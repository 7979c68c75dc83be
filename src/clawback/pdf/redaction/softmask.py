"""Soft masks under a redaction box, redacted too.

A graphics state's ``/SMask`` names a group (a form) whose drawing, by its luminosity or its
alpha, masks what is painted next: a group that draws the item makes a bar painted through it
print the item. MuPDF's redaction never reads such a group: the bar under the box went, the
group stayed whole (``pdftotext`` read its text, ``pdfimages`` its picture).

`redact_soft_masks` finds every soft mask a page's content sets (in its forms and in other
groups too), with the transformation in force where it is set, and redacts each group reaching
a box on a scratch page of the same boxes, by MuPDF, as the page was redacted; the page's
graphics state then names a copy of itself whose mask is the redacted group. Not walked: a
soft mask set in a tiling pattern's cell (a cell repeats: its group would need redacting once
for each tile a box reaches), a Type 3 glyph or a shading pattern; a group nothing is painted
through once the boxes are in is emptied wherever it is set (`shows.unseen_masks`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pikepdf
import pymupdf

__all__ = ["SoftMask", "redact_soft_masks"]

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: Forms drawn inside forms deeper than this are not walked (a loop, or a hostile file).
_DEPTH = 12


@dataclass(frozen=True)
class SoftMask:
    """A graphics state setting a soft mask: named `name` in the resources of object `owner`,
    its group's object number, and the page-space transformation the group is drawn in."""

    owner: int
    name: str
    group: int
    ctm: Matrix


def _masks(doc: pymupdf.Document, xref: int, contents: bytes) -> list[SoftMask]:
    """Every soft mask `contents` (page `xref`'s) sets, in its forms and groups too."""
    found: list[SoftMask] = []
    _walk(doc, xref, contents, _IDENTITY, pikepdf.new(), found, 0, set())
    return found


def redact_soft_masks(doc: pymupdf.Document, number: int, rects: Sequence[pymupdf.Rect]) -> int:
    """Redact, with `rects` (page coordinates, as the page's own boxes), every soft-mask group
    page `number` sets that reaches one of them; the number of groups redacted. It adds and
    deletes a scratch page: pages of `doc` loaded before must not be used afterwards.
    `ValueError` when MuPDF leaves a group it should have redacted as it was."""
    if not rects:
        return 0
    page = doc[number]
    to_page = page.transformation_matrix
    xref, contents = page.xref, page.read_contents()
    boxes = page.mediabox, page.cropbox
    made: set[int] = set()  # the groups redacted here, not to be redacted again
    for _ in range(_DEPTH):  # a group inside a group is found once its outer one is redone
        redone, named = 0, set()
        for mask in _masks(doc, xref, contents):
            if mask.group in made:
                continue
            placed = _placed(doc, mask)  # None: not told, so redacted all the same
            if placed is not None and not any(
                (placed * to_page).intersects(rect) for rect in rects
            ):
                continue
            if (mask.owner, mask.name) in named:  # one state set at two places: one copy
                raise ValueError("a soft mask set at two places reaches a box")
            named.add((mask.owner, mask.name))
            group = _redacted_group(doc, boxes, mask, rects)
            if group is None:  # MuPDF made no copy: nothing says the item left the group
                raise ValueError("a soft mask's group under a box could not be redacted")
            _rename(doc, mask, group)
            made.add(group)
            redone += 1
        if not redone:
            break
    return len(made)


def _walk(
    doc: pymupdf.Document,
    owner: int,
    content: bytes,
    ctm: Matrix,
    scratch: pikepdf.Pdf,
    found: list[SoftMask],
    depth: int,
    seen: set[tuple[int, Matrix]],
) -> None:
    """Add to `found` the soft masks `content` (drawn with `ctm`, its resources those of
    object `owner`) sets, and walk each group and form it reaches in turn."""
    if depth > _DEPTH or not content:
        return
    stack: list[Matrix] = []
    now = ctm
    for operands, op in _ops(scratch, content):
        inner = 0
        if op == "q":
            stack.append(now)
        elif op == "Q":
            now = stack.pop() if stack else ctm
        elif op == "cm":
            now = _concat(_six(_floats(operands)), now)
        elif op == "gs" and operands:
            name = str(operands[0]).lstrip("/")
            inner = _ref(doc, owner, f"Resources/ExtGState/{name}/SMask/G")
            if inner and (inner, now) not in seen:
                seen.add((inner, now))
                found.append(SoftMask(owner, name, inner, now))
            else:
                inner = 0
        elif op == "Do" and operands:
            form = _ref(doc, owner, f"Resources/XObject/{str(operands[0]).lstrip('/')}")
            inner = form if form and doc.xref_get_key(form, "Subtype")[1] == "/Form" else 0
        if inner:
            drawn = doc.xref_stream(inner) or b""
            where = _concat(_matrix(doc, inner), now)
            _walk(doc, inner, drawn, where, scratch, found, depth + 1, seen)


def _ops(scratch: pikepdf.Pdf, content: bytes) -> Iterator[tuple[list[object], str]]:
    try:
        parsed = pikepdf.parse_content_stream(pikepdf.Stream(scratch, content))
    except pikepdf.PdfError:
        return
    for instruction in parsed:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        yield list(instruction.operands), str(instruction.operator)


def _floats(values: Sequence[object]) -> tuple[float, ...]:
    try:
        return tuple(float(v) for v in values)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ()


def _array(doc: pymupdf.Document, xref: int, key: str) -> tuple[float, ...]:
    kind, value = doc.xref_get_key(xref, key)
    return _floats(value.strip("[]").split()) if kind == "array" else ()


def _ref(doc: pymupdf.Document, xref: int, path: str) -> int:
    kind, value = doc.xref_get_key(xref, path)
    if kind != "xref":
        return 0
    return int(value.split()[0])


def _matrix(doc: pymupdf.Document, xref: int) -> Matrix:
    return _six(_array(doc, xref, "Matrix"))


def _six(numbers: tuple[float, ...]) -> Matrix:
    """`numbers` as a matrix; the identity when they are not six (a damaged operand list)."""
    a, b, c, d, e, f = numbers if len(numbers) == 6 else _IDENTITY
    return (a, b, c, d, e, f)


def _concat(m: Matrix, n: Matrix) -> Matrix:
    """`m` then `n` (PDF's order: a point is multiplied by `m` first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _placed(doc: pymupdf.Document, mask: SoftMask) -> pymupdf.Rect | None:
    """Where the group's /BBox lands on its page, in PDF user space (None: no /BBox)."""
    box = _array(doc, mask.group, "BBox")
    if len(box) != 4:
        return None
    placed: pymupdf.Rect = pymupdf.Rect(*box) * pymupdf.Matrix(
        *_concat(_matrix(doc, mask.group), mask.ctm)
    )
    return placed


def _redacted_group(
    doc: pymupdf.Document,
    boxes: tuple[pymupdf.Rect, pymupdf.Rect],
    mask: SoftMask,
    rects: Sequence[pymupdf.Rect],
) -> int | None:
    """The object number of a copy of the group with `rects` redacted in it: the group drawn
    alone on a scratch page of the page's size, redacted there by MuPDF as the page was."""
    scratch = doc.new_page(-1)
    try:
        scratch.set_mediabox(boxes[0])  # the page's own boxes: the same coordinates
        scratch.set_cropbox(boxes[1])
        doc.xref_set_key(scratch.xref, "Resources", f"<</XObject<</G {mask.group} 0 R>>>>")
        content = "q " + " ".join(f"{v:.6g}" for v in mask.ctm) + " cm /G Do Q"
        contents = doc.get_new_xref()
        doc.update_object(contents, "<<>>")
        doc.update_stream(contents, content.encode())
        doc.xref_set_key(scratch.xref, "Contents", f"{contents} 0 R")
        scratch = doc[scratch.number]  # read again, with its boxes and content
        for rect in rects:
            scratch.add_redact_annot(rect, fill=None, cross_out=False)
        scratch.apply_redactions(
            images=pymupdf.mupdf.PDF_REDACT_IMAGE_PIXELS,
            graphics=pymupdf.mupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
            text=pymupdf.mupdf.PDF_REDACT_TEXT_REMOVE,
        )
        # MuPDF names its copy of the form afresh (``/Fm1``): the one form the page draws
        kind, value = doc.xref_get_key(scratch.xref, "Resources/XObject")
        named = re.findall(r"(\d+) 0 R", value) if kind == "dict" else []
        group = int(named[0]) if len(named) == 1 else 0
    finally:
        doc.delete_page(scratch.number)
    return group if group and group != mask.group else None  # MuPDF keeps /Group, /BBox


def _rename(doc: pymupdf.Document, mask: SoftMask, group: int) -> None:
    """Make the graphics state the page's content names a copy of itself whose soft mask is
    `group`: the old state (which another page may share) is left as it was."""
    kind, value = doc.xref_get_key(mask.owner, f"Resources/ExtGState/{mask.name}")
    state = doc.get_new_xref()
    doc.update_object(state, doc.xref_object(int(value.split()[0])) if kind == "xref" else value)
    kind, value = doc.xref_get_key(state, "SMask")
    smask = doc.xref_object(int(value.split()[0])) if kind == "xref" else value
    doc.xref_set_key(state, "SMask", smask)
    doc.xref_set_key(state, "SMask/G", f"{group} 0 R")
    doc.xref_set_key(mask.owner, f"Resources/ExtGState/{mask.name}", f"{state} 0 R")
