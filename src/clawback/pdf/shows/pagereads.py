"""What the checks of one page read of it, each read once: MuPDF's text trace, its box log, its
drawings, the places of its pictures, its fonts and its text (the text the record keeps).

Ingest's steps each look at every page (`visible.remove_unseen_text`, `ingest.hidden`, OCR's
`drawn_regions`), and each of these reads costs a run of the page's content; a text trace alone
costs four times the page's text. A `PageReads` holds what one page gave, so a step that needs
what another step read takes it from there. Its contract:

* the text trace, box log and drawings are read in the page's unrotated frame whatever its
  rotation (MuPDF reads them so), the places of its pictures in the frame of the rotation the
  page has when they are asked for;
* the drawings and the pictures' places are not read at all when the box log shows the page
  draws no path or no picture (they would be empty: MuPDF finds both in the same run of the
  page);
* a step that changes the page calls `forget`: nothing read before the change is given after;
* what was found of the document's fonts (`fonts_known`: does a font's map lie, can it be
  checked) may be shared by all the pages of one opening of a file, the fonts being the
  document's: a font is then read once, not once a page; a step never changes a font;
* so may what was read of the document's objects (`objects`, `shows.objectreads`: the
  resources a page reaches, at any depth), under that module's contract.

It holds one page's reads: a caller keeps one for the page it is on, never one for every page
of a long document.
"""

from __future__ import annotations

from typing import Any

import pymupdf

from clawback.pdf.shows.lying import FontsKnown
from clawback.pdf.shows.objectreads import ObjectReads

__all__ = ["PageReads", "page_clips"]

#: Box-log entries of a path drawn (what `get_drawings` finds) and of a picture drawn.
_PATHS = frozenset({"fill-path", "stroke-path"})
_PICTURES = frozenset({"fill-image", "fill-imgmask"})
#: What a clip path may shape into letters: a path, a shading or a picture painted through it.
_PAINTS = _PATHS | _PICTURES | {"fill-shade"}


class PageReads:
    """One page's reads, each made the first time it is asked for (see the module doc)."""

    def __init__(
        self,
        page: pymupdf.Page,
        fonts_known: FontsKnown | None = None,
        objects: ObjectReads | None = None,
    ) -> None:
        self.page = page
        #: What was read of the document's objects: shared by the pages of one opening of a
        #: file, or this page's own.
        self.objects = ObjectReads.of(page.parent, objects)
        self._done: dict[tuple[str, int], Any] = {}
        #: What was found of the document's fonts (`lying.FontsKnown`): one for all the pages
        #: of one opening of a file (each font read once), or this page's own.
        self.fonts_known: FontsKnown = {} if fonts_known is None else fonts_known

    def trace(self) -> list[dict[str, Any]]:
        """``page.get_texttrace()``."""
        return self._read(("trace", 0), self.page.get_texttrace)  # type: ignore[no-any-return]

    def boxes(self) -> list[tuple[str, tuple[float, float, float, float]]]:
        """``page.get_bboxlog()``."""
        return self._read(("boxes", 0), self.page.get_bboxlog)  # type: ignore[no-any-return]

    def drawings(self) -> list[dict[str, Any]]:
        """``page.get_drawings()`` (none read when the page draws no path)."""
        if not any(kind in _PATHS for kind, _ in self.boxes()):
            return []
        return self._read(("drawings", 0), self.page.get_drawings)  # type: ignore[no-any-return]

    def clips(self) -> list[dict[str, Any]]:
        """The clip paths of ``page.get_drawings(extended=True)`` (none read when the page
        paints nothing a clip could shape: no path, shading or picture)."""
        if not any(kind in _PAINTS for kind, _ in self.boxes()):
            return []
        return self._read(("clips", 0), self._clips)  # type: ignore[no-any-return]

    def _clips(self) -> list[dict[str, Any]]:
        return page_clips(self.page)

    def pictures(self) -> list[dict[str, Any]]:
        """``page.get_image_info()`` at the page's rotation now (none read when the page
        draws no picture)."""
        if not any(kind in _PICTURES for kind, _ in self.boxes()):
            return []
        key = ("pictures", self.page.rotation)
        return self._read(key, self.page.get_image_info)  # type: ignore[no-any-return]

    def fonts(self) -> list[tuple[Any, ...]]:
        """``page.get_fonts()`` (the page's resources: the same at any rotation)."""
        return self._read(("fonts", 0), self.page.get_fonts)  # type: ignore[no-any-return]

    def text(self) -> str:
        """``page.get_text("text")`` at the page's rotation now (the text the record keeps)."""
        return self._read(("text", self.page.rotation), self._text)  # type: ignore[no-any-return]

    def text_read(self) -> str | None:
        """`text`, if a step has read it already (at the page's rotation now), else None."""
        found: str | None = self._done.get(("text", self.page.rotation))
        return found

    def _text(self) -> str:
        text: str = self.page.get_text("text")
        return text

    def forget(self) -> None:
        """The page changed: every read is made again when next asked for (what was read of
        the document's objects too: a change to a page may change them)."""
        self._done.clear()
        self.objects.forget()

    def _read(self, key: tuple[str, int], read: Any) -> Any:
        if key not in self._done:
            self._done[key] = read()
        return self._done[key]


def page_clips(page: pymupdf.Page) -> list[dict[str, Any]]:
    """The clip paths of ``page.get_cdrawings(extended=True)`` (MuPDF's faster listing), each
    item's points made `pymupdf.Point`, `Rect` or `Quad` as ``get_drawings`` gives them."""
    return [
        {**found, "items": [(item[0], *map(_shape, item[1:])) for item in found.get("items", ())]}
        for found in page.get_cdrawings(extended=True)
        if found.get("type") == "clip"
    ]


def _shape(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 2:
        return pymupdf.Point(value)
    if isinstance(value, tuple) and len(value) == 4:
        if all(isinstance(v, tuple) for v in value):
            return pymupdf.Quad(*map(pymupdf.Point, value))
        return pymupdf.Rect(value)
    return value
