"""Soft masks' groups that nothing is painted through.

Such a group shows nothing, yet holds what it draws for anyone who reads the file or paints
through it: a redaction that removed the bar painted through a group drawing the item leaves
one (`redaction.softmask` redacts the groups a page sets itself, not those set in a tiling
pattern's cell or a Type 3 glyph). A group is told unseen by its effect, as `unseen_pictures`
tells a picture: every page reaching it (through forms, patterns, Type 3 fonts, other groups)
renders the same with it emptied. `hidden_mask_groups` lists those that draw something;
`emptied` empties them in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pymupdf

from clawback.pdf.shows.objectreads import ObjectReads
from clawback.pdf.shows.unseen_pictures import _render, mask_groups

__all__ = ["emptied", "hidden_mask_groups", "mask_groups_by_page"]


def mask_groups_by_page(
    doc: pymupdf.Document, pages: Iterable[int], objects: ObjectReads | None = None
) -> dict[int, list[int]]:
    """Each soft mask's group (object number) `pages` reach -> the pages reaching it;
    `objects`: what other checks of this opening of `doc` read of its objects."""
    objects = ObjectReads.of(doc, objects)
    found: dict[int, list[int]] = {}
    for number in pages:
        todo, seen = [doc.page_xref(number)], set()
        while todo:
            xref = todo.pop()
            if xref in seen:
                continue
            seen.add(xref)
            groups = mask_groups(doc, xref, objects)
            for group in groups:
                pages_of = found.setdefault(group, [])
                if number not in pages_of:
                    pages_of.append(number)
            todo.extend(groups)
            todo.extend(
                child
                for child in objects.refs(xref, "XObject")
                if objects.key(child, "Subtype")[1] == "/Form"
            )
            todo.extend(objects.refs(xref, "Pattern"))
            todo.extend(
                child
                for child in objects.refs(xref, "Font")
                if objects.key(child, "Subtype")[1] == "/Type3"
            )
    return found


def hidden_mask_groups(
    doc: pymupdf.Document, pages: Iterable[int], objects: ObjectReads | None = None
) -> dict[int, list[int]]:
    """Page (from 0, the first of `pages` reaching it) -> the soft masks' groups those pages
    reach that draw something and that nothing is painted through (see module doc);
    `objects`: what other checks of this opening of `doc` read of its objects (the groups'
    content, emptied while each is tried and put back, is not among them)."""
    reached = {
        group: numbers
        for group, numbers in mask_groups_by_page(doc, pages, objects).items()
        if _draws(doc.xref_stream(group) or b"")
    }
    if not reached:
        return {}
    numbers = sorted({n for pages_of in reached.values() for n in pages_of})
    before = {n: _render(doc[n]) for n in numbers}
    hidden: dict[int, list[int]] = {}
    for group, pages_of in reached.items():  # tried in place (a copy of the file each was
        content = doc.xref_stream(group)  # quadratic), then put back as it was
        doc.update_stream(group, b"")
        try:
            if all(_render(doc[n]) == before[n] for n in pages_of):
                hidden.setdefault(pages_of[0], []).append(group)
        finally:
            doc.update_stream(group, content)
    return hidden


def emptied(doc: pymupdf.Document, groups: Iterable[int]) -> None:
    """Make each of `groups` draw nothing, its resources gone with its content."""
    for group in groups:
        doc.update_stream(group, b"")
        doc.xref_set_key(group, "Resources", "<<>>")


def _draws(content: bytes) -> bool:
    """Whether `content` holds more than saving and restoring the graphics state (MuPDF
    writes an emptied group as ``q Q`` when it cleans a file)."""
    return _EMPTY.sub(b"", content) != b""


#: What an emptied group may still hold: white space, ``q`` and ``Q``.
_EMPTY = re.compile(rb"\s+|(?<![^\s])[qQ](?![^\s])")
