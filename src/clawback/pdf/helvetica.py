"""Plain Latin text in the standard Helvetica, written straight into a page's content.

Bates numbers, legends and the reasons printed on redaction boxes are short Latin text. Set in
the standard (non-embedded) Helvetica with ``WinAnsiEncoding``, they need no font program, no
``/ToUnicode`` map and no glyph widths in the file: the cheapest text for every extractor the
gate runs to read back (pypdf spends three times as long on a page that carries an embedded
Unicode font), and a smaller file.

PyMuPDF's own simple-font path (``insert_text(fontname="helv")``) maps some Windows-1252
characters wrongly (an en dash U+2013 comes out as a middle dot U+00B7, and is measured as one),
and reuses any font the page already calls ``/helv``. So the text is encoded here, measured with
MuPDF's Helvetica metrics, and shown with a font resource of our own name.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import pymupdf

__all__ = ["FONT_OBJECT", "NAME", "content", "font_object", "plain", "text_width", "write_text"]

#: The font dictionary: standard Helvetica, nothing embedded.
FONT_OBJECT = "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"
#: The resource name the text is shown with (one PyMuPDF and other producers do not use).
NAME = "ClawbackHelv"
_mu: Any = pymupdf.mupdf


def plain(text: str) -> bool:
    """True if every character of `text` is printable Windows-1252 that every extractor reads
    back as is (no soft hyphen, no control characters)."""
    return all(_plain(ch) for ch in text)


def _plain(ch: str) -> bool:
    if " " <= ch <= "~" or ("\u00a1" <= ch <= "\u00ff" and ch != "\u00ad"):
        return True
    try:
        code = ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return False
    return 0x80 <= code <= 0x9F  # the typographic marks: dashes, quotes, bullet, euro, ...


@functools.cache
def _metrics() -> pymupdf.Font:
    return pymupdf.Font("helv")


@functools.cache
def _advance(ch: str) -> float:
    return float(_metrics().text_length(ch, fontsize=1))


def text_width(text: str, size: float) -> float:
    """Width of `text` in points at `size` (Helvetica's metrics, as `Font.text_length`
    measures it: the glyph advances summed, no kerning; each character's looked up once)."""
    total = 0.0
    for ch in text:
        total += _advance(ch)
    return total * size


def font_object(doc: pymupdf.Document) -> int:
    """A new `FONT_OBJECT` in `doc`; its xref (to share one font among many pages)."""
    xref = int(doc.get_new_xref())
    doc.update_object(xref, FONT_OBJECT)
    return xref


def write_text(
    page: pymupdf.Page,
    lines: Sequence[tuple[float, float, str]],
    size: float,
    color: tuple[float, float, float] = (0.0, 0.0, 0.0),
    font: int = 0,
) -> None:
    """Show each ``(x, y, text)`` (baseline start, in the coordinates `Page.search_for` and
    redaction boxes use) on `page`, above everything already there, in Helvetica at `size`
    and `color`; `font` is a `font_object` of the page's document (one is made when 0).

    Every text must be `plain`; raises `ValueError` otherwise. The page's existing content is
    wrapped in ``q``/``Q`` first, so its graphics state cannot move or recolour the text.
    """
    if not lines:
        return
    for _, _, text in lines:
        if not plain(text):
            raise ValueError(f"not plain Windows-1252 text: {text!r}")
    if not page.is_wrapped:
        page.wrap_contents()
    doc = page.parent
    pdf = _mu.pdf_document_from_fz_document(doc.this)
    obj = _mu.pdf_lookup_page_obj(pdf, page.number)
    _add_font(pdf, obj, font or font_object(doc))
    # Text positions (`Page.get_text`, `search_for`) are measured from the CropBox's top-left
    # corner, whatever the page's /Rotate.
    box = page.cropbox
    ops = content(lines, size, color, box.x0, page.mediabox.y1 - box.y0)
    stream = _mu.pdf_add_stream(pdf, _mu.fz_new_buffer_from_copied_data(ops), _mu.PdfObj(), 0)
    contents = _mu.pdf_dict_get(obj, _name("Contents"))
    if not _mu.pdf_is_array(contents):
        parts = _mu.pdf_new_array(pdf, 2)
        if contents.m_internal:
            _mu.pdf_array_push(parts, contents)
        _mu.pdf_dict_put(obj, _name("Contents"), parts)
        contents = parts
    _mu.pdf_array_push(contents, stream)


def content(
    lines: Sequence[tuple[float, float, str]],
    size: float,
    color: tuple[float, float, float] = (0.0, 0.0, 0.0),
    left: float = 0.0,
    top: float = 0.0,
) -> bytes:
    """Content-stream operators showing each ``(x, y, text)`` (baseline start, measured from
    the top-left corner, y down) in the font named `NAME` at `size` and `color`, on a page
    whose top-left corner is at (`left`, `top`) in PDF coordinates. Each line saves and
    restores the graphics state. The texts must be `plain`."""
    head = b"q %s rg BT /%s %s Tf " % (
        b" ".join(_number(c) for c in color),
        NAME.encode(),
        _number(size),
    )
    return b"".join(
        head
        + b"%s %s Td <%s> Tj ET Q\n"
        % (_number(left + x), _number(top - y), text.encode("cp1252").hex().encode())
        for x, y, text in lines
    )


def _add_font(pdf: Any, page: Any, font: int) -> None:
    """Put the font in the page's own resources under `NAME`, unless it is there (resources
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
    if not _mu.pdf_dict_gets(fonts, NAME).m_internal:
        _mu.pdf_dict_puts(fonts, NAME, _mu.pdf_new_indirect(pdf, font, 0))


def _name(text: str) -> Any:
    return _mu.pdf_new_name(text)


def _number(value: float) -> bytes:
    return (b"%.4f" % value).rstrip(b"0").rstrip(b".") or b"0"
