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

import pymupdf

__all__ = ["FONT_OBJECT", "NAME", "content", "font_object", "plain", "text_width", "write_text"]

#: The font dictionary: standard Helvetica, nothing embedded.
FONT_OBJECT = "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"
#: The resource name the text is shown with (one PyMuPDF and other producers do not use).
NAME = "ClawbackHelv"


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
    doc, xref = page.parent, page.xref
    _add_font(doc, xref, font)
    if not page.is_wrapped:
        page.wrap_contents()
    # Text positions (`Page.get_text`, `search_for`) are measured from the CropBox's top-left
    # corner, whatever the page's /Rotate.
    box = page.cropbox
    ops = content(lines, size, color, box.x0, page.mediabox.y1 - box.y0)
    stream = doc.get_new_xref()
    doc.update_object(stream, "<<>>")
    doc.update_stream(stream, ops)
    kind, value = doc.xref_get_key(xref, "Contents")
    parts = value[1:-1].strip() if kind == "array" else value
    doc.xref_set_key(xref, "Contents", f"[{parts} {stream} 0 R]")


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


def _add_font(doc: pymupdf.Document, page: int, font: int) -> None:
    """Put the font in the page's own resources under `NAME` (inherited resources are copied
    onto the page first, so nothing the content uses is lost)."""
    holder, prefix = page, "Resources/"
    kind, value = doc.xref_get_key(holder, "Resources")
    if kind == "null":
        doc.xref_set_key(holder, "Resources", _inherited_resources(doc, page))
        kind, value = doc.xref_get_key(holder, "Resources")
    if kind == "xref":
        holder, prefix = int(value.split()[0]), ""
    kind, value = doc.xref_get_key(holder, prefix + "Font")
    if kind == "xref":
        holder, prefix = int(value.split()[0]), ""
        key = NAME
    else:
        key = prefix + "Font/" + NAME
    if doc.xref_get_key(holder, key)[0] != "null":
        return
    doc.xref_set_key(holder, key, f"{font or font_object(doc)} 0 R")


def _inherited_resources(doc: pymupdf.Document, xref: int) -> str:
    """The /Resources a page inherits from its page tree ancestors, as PDF source."""
    seen: set[int] = set()
    while xref and xref not in seen:
        seen.add(xref)
        kind, value = doc.xref_get_key(xref, "Resources")
        if kind in ("xref", "dict"):
            return value
        kind, parent = doc.xref_get_key(xref, "Parent")
        xref = int(parent.split()[0]) if kind == "xref" else 0
    return "<<>>"


def _number(value: float) -> bytes:
    return (b"%.4f" % value).rstrip(b"0").rstrip(b".") or b"0"
