"""Content drawn over a page: redaction boxes and the reasons printed on them.

The operators are appended to the page's own content, after its existing content is wrapped in
``q``/``Q`` (so no graphics state it leaves behind can move or recolour what is drawn), and
the fonts they name are put in the page's own resources. Positions are given the way PyMuPDF
reports them (`Page.search_for`, `Page.get_text`): from the top-left corner of the unrotated
CropBox, y down, whatever the page's /Rotate. `frame` turns them into PDF coordinates.

PyMuPDF's own drawing (`Page.draw_rect`, and the fill `apply_redactions` paints for a
redaction annotation) misplaces what it draws on a page that is both rotated and cropped: it
takes the CropBox's size but not its offset, so a box lands beside the text it was to cover
(the text itself is removed in the right place). Everything drawn over a page goes through
here instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pymupdf

from clawback.pdf.files.lowlevel import mu as _mu
from clawback.pdf.files.lowlevel import name as _name
from clawback.pdf.files.lowlevel import number

__all__ = ["append", "frame", "rectangle"]


def frame(page: pymupdf.Page) -> tuple[float, float]:
    """``(left, top)``: the PDF coordinates of the point PyMuPDF measures the page from; a
    position ``(x, y)`` is at ``(left + x, top - y)``."""
    box = page.cropbox
    return float(box.x0), float(page.mediabox.y1 - box.y0)


def rectangle(
    page: pymupdf.Page,
    rect: pymupdf.Rect,
    fill: tuple[float, float, float] = (0.0, 0.0, 0.0),
) -> bytes:
    """Operators filling `rect` (page coordinates) opaquely with `fill`."""
    left, top = frame(page)
    values = (left + rect.x0, top - rect.y1, rect.x1 - rect.x0, rect.y1 - rect.y0)
    return b"q %s rg %s re f Q\n" % (
        b" ".join(number(c) for c in fill),
        b" ".join(number(v) for v in values),
    )


def append(page: pymupdf.Page, ops: bytes, fonts: Mapping[str, int] | None = None) -> None:
    """Draw `ops` over everything on `page`; `fonts` maps the font resource names they use to
    font objects (xrefs) of the page's document."""
    if not page.is_wrapped:
        page.wrap_contents()
    pdf = _mu.pdf_document_from_fz_document(page.parent.this)
    obj = _mu.pdf_lookup_page_obj(pdf, page.number)
    for name, xref in (fonts or {}).items():
        _add_font(pdf, obj, name, xref)
    stream = _mu.pdf_add_stream(pdf, _mu.fz_new_buffer_from_copied_data(ops), _mu.PdfObj(), 0)
    contents = _mu.pdf_dict_get(obj, _name("Contents"))
    if not _mu.pdf_is_array(contents):
        parts = _mu.pdf_new_array(pdf, 2)
        if contents.m_internal:
            _mu.pdf_array_push(parts, contents)
        _mu.pdf_dict_put(obj, _name("Contents"), parts)
        contents = parts
    _mu.pdf_array_push(contents, stream)


def _add_font(pdf: Any, page: Any, name: str, font: int) -> None:
    """Put the font in the page's own resources under `name`, unless it is there (resources
    the page inherits are first made its own: shared if the page tree holds them as an
    object, else copied)."""
    resources = _mu.pdf_dict_get(page, _name("Resources"))
    if not resources.m_internal:
        inherited = _mu.pdf_dict_get_inheritable(page, _name("Resources"))
        if not inherited.m_internal:
            resources = _mu.pdf_new_dict(pdf, 1)
        elif _mu.pdf_is_indirect(inherited):
            resources = inherited
        else:
            resources = _mu.pdf_deep_copy_obj(inherited)
        _mu.pdf_dict_put(page, _name("Resources"), resources)
    fonts = _mu.pdf_dict_get(resources, _name("Font"))
    if not fonts.m_internal:
        fonts = _mu.pdf_dict_put_dict(resources, _name("Font"), 1)
    if not _mu.pdf_dict_gets(fonts, name).m_internal:
        _mu.pdf_dict_puts(fonts, name, _mu.pdf_new_indirect(pdf, font, 0))
