"""Pages of one document placed, each as a form XObject, on new pages of another.

This is the stamp's one costly step (`stamp`: the original page travels unscaled and untouched
onto a taller page, so the band holding the Bates number and legend covers nothing). It is done
here with MuPDF's own calls (``pymupdf.mupdf``) rather than `Page.show_pdf_page`, which costs
about four times as much a page: that wraps the page in two nested XObjects, inflates its
content and deflates it again, and lists the target page's images, fonts and XObjects before
each placement. Here each source page becomes one XObject whose stream is the page's content
as stored (still compressed; a page of several content streams is joined), whose ``/BBox`` is
the page's CropBox (what a viewer shows, so nothing outside it is drawn), whose ``/Resources``
are the page's own, inherited ones included, copied once per document through a graft map,
and whose ``/Group`` is the page's transparency group, if it has one (the page is blended as
it was: a page an office suite exported renders the same to the pixel). The new page holds
that XObject, turned and moved by the page's display transform (its ``/Rotate``, CropBox and
MediaBox offsets), and then any content the caller draws over it.

The source document is only read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pymupdf

from clawback.pdf.files.lowlevel import mu as _mu
from clawback.pdf.files.lowlevel import name as _name
from clawback.pdf.files.lowlevel import number

__all__ = ["PAGE_XOBJECT", "Placement", "SourcePage"]

#: The resource name of the placed page on each new page.
PAGE_XOBJECT = "ClawbackPage"


@dataclass(frozen=True)
class SourcePage:
    """A source page as it displays: its size in points, and MuPDF's view of it."""

    number: int
    width: float
    height: float
    obj: Any
    box: Any
    ctm: Any


class Placement:
    """Places pages of `src` on pages appended to `out` (both PDFs open in PyMuPDF)."""

    def __init__(self, src: pymupdf.Document, out: pymupdf.Document) -> None:
        self._src = _mu.pdf_document_from_fz_document(src.this)
        self._out = _mu.pdf_document_from_fz_document(out.this)
        self._graft = _mu.pdf_new_graft_map(self._out)
        self._count = src.page_count

    def page(self, number: int) -> SourcePage:
        """Source page `number` (0-based) as it displays; `ValueError` if it shows nothing."""
        if not 0 <= number < self._count:
            raise ValueError(f"page {number + 1} does not exist")
        obj = _mu.pdf_lookup_page_obj(self._src, number)
        box, ctm = _mu.FzRect(), _mu.FzMatrix()
        _mu.pdf_page_obj_transform(obj, box, ctm)
        shown = _mu.fz_transform_rect(box, ctm)
        width, height = shown.x1 - shown.x0, shown.y1 - shown.y0
        if not (width > 0 and height > 0) or _mu.fz_is_infinite_rect(shown):
            raise ValueError(f"page {number + 1} has an empty or infinite page box")
        return SourcePage(number, float(width), float(height), obj, box, ctm)

    def place(
        self,
        page: SourcePage,
        margin: float,
        top: float,
        overlay: bytes = b"",
        fonts: Mapping[str, int] | None = None,
    ) -> None:
        """Append a page `margin` points taller than `page`, with `page` shown `top` points
        below its upper edge (0: the added band is at the bottom) and `overlay` (content, in
        the new page's PDF coordinates) drawn over it; `fonts` maps the resource names
        `overlay` uses to font objects (xrefs) of `out`."""
        height = page.height + margin
        # PDF space of the source -> its display (origin top-left, y down) -> the new page's
        # PDF space (origin bottom-left, y up), the display's top edge `top` below the new top.
        matrix = _mu.fz_concat(page.ctm, _mu.FzMatrix(1, 0, 0, -1, 0, height - top))
        form = self._form(page)
        resources = _mu.pdf_new_dict(self._out, 2)
        xobjects = _mu.pdf_dict_put_dict(resources, _name("XObject"), 1)
        _mu.pdf_dict_puts(xobjects, PAGE_XOBJECT, form)
        if fonts:
            font_dict = _mu.pdf_dict_put_dict(resources, _name("Font"), len(fonts))
            for key, xref in fonts.items():
                _mu.pdf_dict_puts(font_dict, key, _mu.pdf_new_indirect(self._out, xref, 0))
        values = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        content = b"q %s cm /%s Do Q\n" % (
            b" ".join(number(v, 6) for v in values),
            PAGE_XOBJECT.encode(),
        )
        buffer = _mu.fz_new_buffer_from_copied_data(content + overlay)
        mediabox = _mu.FzRect(0, 0, page.width, height)
        new = _mu.pdf_add_page(self._out, mediabox, 0, resources, buffer)
        _mu.pdf_insert_page(self._out, -1, new)

    def _form(self, page: SourcePage) -> Any:
        """A new form XObject in `out` holding the page's content and resources."""
        contents = _mu.pdf_dict_get(page.obj, _name("Contents"))
        form = _mu.pdf_new_dict(self._out, 8)
        if _mu.pdf_is_stream(contents):  # as stored: no inflating and deflating again
            data = _mu.pdf_load_raw_stream(contents)
            for key in ("Filter", "DecodeParms"):
                value = _mu.pdf_dict_get(contents, _name(key))
                if value.m_internal:
                    _mu.pdf_dict_put(form, _name(key), self._copy(value))
            compressed = 1
        else:  # several streams (or none) make one content stream together
            data = _mu.fz_new_buffer(4096)
            if _mu.pdf_is_array(contents):
                for index in range(_mu.pdf_array_len(contents)):
                    part = _mu.pdf_array_get(contents, index)
                    if _mu.pdf_is_stream(part):
                        _mu.fz_append_buffer(data, _mu.pdf_load_stream(part))
                        _mu.fz_append_byte(data, 10)
            compressed = 0
        _mu.pdf_dict_put(form, _name("Type"), _name("XObject"))
        _mu.pdf_dict_put(form, _name("Subtype"), _name("Form"))
        _mu.pdf_dict_put(form, _name("BBox"), _mu.pdf_new_rect(self._out, page.box))
        resources = _mu.pdf_dict_get_inheritable(page.obj, _name("Resources"))
        if resources.m_internal:
            _mu.pdf_dict_put(form, _name("Resources"), self._copy(resources))
        group = _mu.pdf_dict_get(page.obj, _name("Group"))
        if group.m_internal:  # the page's transparency group: blended as the page was
            _mu.pdf_dict_put(form, _name("Group"), self._copy(group))
        return _mu.pdf_add_stream(self._out, data, form, compressed)

    def _copy(self, obj: Any) -> Any:
        return _mu.pdf_graft_mapped_object(self._graft, obj)
