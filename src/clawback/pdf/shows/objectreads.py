"""What the checks of one opening of a file read of its objects' dictionaries, each read once.

The gate's picture checks each walk every page's resources, at any depth (forms, patterns,
Type 3 fonts, soft masks' groups): `unseen_pictures` for pictures drawn inside them,
`unseen_parts` for pictures it cannot place, `unseen_masks` for groups nothing is painted
through, `ocr.uses_tiling_pattern` for tiling patterns. A stamped page is its original placed
in a form, so each walk reads the same dictionaries; a walk costs more than rendering a small
page (measured: a third of the picture checks' CPU went to ``xref_get_key`` and
`files.document.resource_refs`). An `ObjectReads` holds what was read, so a walk that reads
what another walk read takes it from there. Its contract:

* it answers exactly what ``doc.xref_get_key``, ``doc.xref_object`` and `resource_refs` answer
  for the document as it is when first asked (the first answer is made by those very calls);
* it belongs to one open document: a copy of the file (another `pymupdf.Document`, with its
  own object numbers) gets its own, never this one;
* a step that changes the document's objects calls `forget` (or makes a new one): nothing
  read before the change is given after. The gate changes nothing while one is in use: its
  soft-mask check empties a group's *content* and puts it back, which changes no key read
  here (``Subtype``, ``Resources/...``, masks, sizes).
"""

from __future__ import annotations

import re

import pymupdf

from clawback.pdf.files.document import resource_refs

__all__ = ["ObjectReads", "inline_in"]


class ObjectReads:
    """One open document's object dictionaries as read so far (see the module doc)."""

    def __init__(self, doc: pymupdf.Document) -> None:
        self.doc = doc
        self._refs: dict[tuple[int, str], list[int]] = {}
        self._keys: dict[tuple[int, str], tuple[str, str]] = {}
        self._objects: dict[int, str] = {}
        self._inline: bool | None = None

    @classmethod
    def of(cls, doc: pymupdf.Document, objects: ObjectReads | None) -> ObjectReads:
        """`objects` when it is `doc`'s, else a new one for `doc` (a copy of a file is another
        document: it never takes the reads of the file it was copied from)."""
        return objects if objects is not None and objects.doc is doc else cls(doc)

    def refs(self, xref: int, kind: str) -> list[int]:
        """`resource_refs(doc, xref, kind)`: the objects named in ``/Resources/<kind>``."""
        key = (xref, kind)
        if key not in self._refs:
            self._refs[key] = resource_refs(self.doc, xref, kind)
        return list(self._refs[key])

    def key(self, xref: int, path: str) -> tuple[str, str]:
        """``doc.xref_get_key(xref, path)``."""
        key = (xref, path)
        if key not in self._keys:
            self._keys[key] = self.doc.xref_get_key(xref, path)
        return self._keys[key]

    def object(self, xref: int) -> str:
        """``doc.xref_object(xref)``."""
        if xref not in self._objects:
            self._objects[xref] = self.doc.xref_object(xref)
        return self._objects[xref]

    def inline_pictures(self) -> bool:
        """`inline_in(doc)`: whether a page's content or a form's may hold an inline picture."""
        if self._inline is None:
            self._inline = inline_in(self.doc, self)
        return self._inline

    def forget(self) -> None:
        """The document changed: every read is made again when next asked for."""
        self._refs.clear()
        self._keys.clear()
        self._objects.clear()
        self._inline = None


#: ``BI`` as an operator: after a delimiter or white space, before white space or a name.
_INLINE = re.compile(rb"(?:^|[\s\]\)>}])BI[\s/]")


def inline_in(doc: pymupdf.Document, objects: ObjectReads | None = None) -> bool:
    """Whether a page's content or a form's may hold an inline picture (errs towards yes)."""
    if any(_INLINE.search(page.read_contents()) for page in doc.pages()):
        return True
    objects = ObjectReads.of(doc, objects)
    return any(
        objects.key(xref, "Subtype")[1] == "/Form"
        and _INLINE.search(doc.xref_stream(xref) or b"") is not None
        for xref in range(1, doc.xref_length())
    )
