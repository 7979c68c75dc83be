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

from clawback.pdf.files.lowlevel import number
from clawback.pdf.marks import overlay

__all__ = [
    "FONT_OBJECT",
    "NAME",
    "clone",
    "content",
    "font_object",
    "plain",
    "text_width",
    "write_text",
]

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
def clone() -> pymupdf.Font:
    """MuPDF's Helvetica clone: the metrics of the standard font, and, for text beyond
    Windows-1252, the font embedded (with its fallbacks) to show it."""
    return pymupdf.Font("helv")


@functools.cache
def _advance(ch: str) -> float:
    return float(clone().text_length(ch, fontsize=1))


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
    doc = page.parent
    left, top = overlay.frame(page)
    ops = content(lines, size, color, left, top)
    overlay.append(page, ops, {NAME: font or font_object(doc)})


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
        b" ".join(number(c) for c in color),
        NAME.encode(),
        number(size),
    )
    return b"".join(
        head
        + b"%s %s Td <%s> Tj ET Q\n"
        % (number(left + x), number(top - y), text.encode("cp1252").hex().encode())
        for x, y, text in lines
    )
