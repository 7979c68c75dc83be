"""Bates numbers and confidentiality legends, printed in a band added below each page.

A stamp must never cover what the producing party is producing, so nothing is printed *on* the
page: each output page is the original page, unscaled and untouched, placed at the top of a new
page that is `margin` points taller; by default the Bates number goes to the right and the
legend to the left of the blank band. `corner` moves the Bates number: ``bottom-right`` (the
default), ``bottom-left`` or ``bottom-center`` keep the band below the page, ``top-right``,
``top-left`` or ``top-center`` put it above (the legend takes the other side, or the left side
for a centred number). The original page travels as a form XObject
(`Page.show_pdf_page`), so its text stays extractable and redactable.

Rotated source pages are shown as they display (the output page itself is unrotated), and a
CropBox is honoured. Annotations and form fields are baked into the page content first, so what
was visible stays visible; their non-visible parts (note texts, field values behind the
appearance) are not carried over. A source page with an unapplied redaction annotation is
refused, because baking would print only its outline over live text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence

import pymupdf

from clawback.pdf import helvetica
from clawback.pdf.document import open_pdf, refuse_unapplied_redactions, save_clean
from clawback.pdf.needles import TextMatcher

__all__ = [
    "CORNERS",
    "band_offset",
    "label_problems",
    "stable_id",
    "stamp",
    "stamp_check",
    "stamp_document",
]

#: Where the Bates number may go: the band is added on the named edge.
CORNERS = ("bottom-right", "bottom-left", "bottom-center", "top-right", "top-left", "top-center")

#: Largest and smallest font size (points) used for the band's text.
MAX_FONT_SIZE = 9.0
MIN_FONT_SIZE = 4.0
#: Horizontal gap (points) kept between legend and Bates number.
_GAP = 12.0


def stamp(
    pdf: bytes,
    labels: Sequence[tuple[str, str]],
    margin: float = 36,
    corner: str = "bottom-right",
) -> bytes:
    """Return a copy of `pdf` with a band of height `margin` added below every page.

    `labels[i]` is ``(bates_number_text, legend_text)`` for page ``i``; the legend may be empty,
    the Bates number may not. Raises `ValueError` for a label count that does not match the
    page count, a non-positive margin, or labels too long to fit the page width at
    `MIN_FONT_SIZE`; `PdfError` for unusable input.

    The same input gives the same bytes (the file identifier is derived from the content), so
    a production that is killed and redone stores the very file it had begun to store.
    """
    _check_band(margin, corner)
    with open_pdf(pdf) as src:
        out = stamp_document(src, labels, margin, corner)
        try:
            return stable_id(save_clean(out))
        finally:
            out.close()


def stamp_document(
    src: pymupdf.Document,
    labels: Sequence[tuple[str, str]],
    margin: float = 36,
    corner: str = "bottom-right",
) -> pymupdf.Document:
    """`stamp` on an open document: returns the new, unsaved stamped document (the caller
    closes it; save it with `document.save_clean` and `stable_id`). Bakes `src`'s annotations and
    un-rotates its pages in place, so `src` is not to be saved afterwards."""
    _check_band(margin, corner)
    if len(labels) != src.page_count:
        raise ValueError(f"{len(labels)} labels given for {src.page_count} pages")
    refuse_unapplied_redactions(src)
    src.bake(annots=True, widgets=True)
    font = pymupdf.Font("helv")
    widths: dict[str, float] = {}
    out = pymupdf.open()
    plain_font = helvetica.font_object(out)  # dropped on save if no page uses it
    try:
        embedded = False
        for page, (bates, legend) in zip(src, labels, strict=True):
            if not bates.strip():
                raise ValueError(f"page {page.number + 1}: empty Bates number")
            embedded |= _stamp_page(
                out, src, page, (bates, legend), margin, (font, plain_font), corner, widths
            )
        out.set_metadata({})
        # MuPDF 1.28 files a new document's /Info inside the catalog: drop it too.
        out.xref_set_key(out.pdf_catalog(), "Info", "null")
        if embedded:
            out.subset_fonts()
    except BaseException:
        out.close()
        raise
    return out


def _check_band(margin: float, corner: str) -> None:
    if margin <= 0:
        raise ValueError(f"margin must be positive, got {margin}")
    if corner not in CORNERS:
        raise ValueError(f"stamp corner must be one of {', '.join(CORNERS)}, not {corner!r}")


#: A PDF string as MuPDF writes a file identifier: hexadecimal, or literal with escapes.
_ID_STRING = rb"(?:<[0-9A-Fa-f]*>|\((?:\\.|[^\\()])*\))"
_TRAILER_ID = re.compile(rb"/ID\s*\[\s*(" + _ID_STRING + rb")\s*(" + _ID_STRING + rb")\s*\]", re.S)


def stable_id(pdf: bytes) -> bytes:
    """Replace the trailer's file identifiers (MuPDF makes them random, and writes them now in
    hexadecimal, now as a literal string) by a hash of the file before its trailer, so the
    file is a function of its content. Only the trailer changes: no offset moves."""
    tail = max(0, pdf.rfind(b"trailer"))
    match = _TRAILER_ID.search(pdf, tail)
    if match is None:
        return pdf
    digest = hashlib.sha256(pdf[:tail]).hexdigest().upper().encode()[:32]
    return pdf[: match.start(1)] + b"<" + digest + b"><" + digest + b">" + pdf[match.end(2) :]


def band_offset(margin: float, corner: str) -> float:
    """How far down the source page sits on the stamped page (``margin`` for a top band)."""
    return margin if corner.startswith("top") else 0.0


def _stamp_page(
    out: pymupdf.Document,
    src: pymupdf.Document,
    page: pymupdf.Page,
    labels: tuple[str, str],
    margin: float,
    fonts: tuple[pymupdf.Font, int],
    corner: str,
    widths: dict[str, float],
) -> bool:
    """Append one output page: the source page and the labels in the band beside it.

    Labels in plain Windows-1252 (the usual case) are set in the standard Helvetica
    (`helvetica`), which needs no embedded font and no ToUnicode map (cheap to write and for
    every extractor to read); others in an embedded Unicode font. Returns True when the
    embedded font was used."""
    (bates, legend), (font, plain_font) = labels, fonts
    rotation = page.rotation
    width, height = page.rect.width, page.rect.height
    # show_pdf_page works in the source's unrotated space; un-rotate the source (a private
    # copy) and turn the placed XObject instead. Tested pixel-exact for 0/90/180/270 + CropBox.
    page.set_rotation(0)
    target = out.new_page(width=width, height=height + margin)
    top = band_offset(margin, corner)
    placed = pymupdf.Rect(0, top, width, top + height)
    simple = helvetica.plain(bates + legend)

    def length(text: str, size: float) -> float:
        if not simple:
            return float(font.text_length(text, fontsize=size))
        found = widths.get(text)
        if found is None:
            found = widths[text] = helvetica.text_width(text, 1)
        return found * size

    size = _font_size(length, bates, legend, width, margin)
    if size is None:
        raise ValueError(f"page {page.number + 1}: labels do not fit the page width")
    side = min(36.0, width / 12)
    band_top = 0.0 if top else height
    baseline = band_top + margin / 2 + size * 0.35
    bates_width, legend_width = length(bates, size), length(legend, size)
    horizontal = corner.split("-")[1]
    if horizontal == "right":
        bates_x, legend_x = width - side - bates_width, side
    elif horizontal == "left":
        bates_x, legend_x = side, width - side - legend_width
    else:  # centred number: the legend goes to the left edge, the number right if it collides
        bates_x, legend_x = (width - bates_width) / 2, side
        if legend.strip() and legend_x + legend_width + _GAP > bates_x:
            bates_x = width - side - bates_width
    placed_labels = ([(legend_x, legend)] if legend.strip() else []) + [(bates_x, bates)]
    target.show_pdf_page(placed, src, page.number, rotate=-rotation)
    if simple:
        lines = [(x, baseline, text) for x, text in placed_labels]
        helvetica.write_text(target, lines, size, font=plain_font)
        return False
    writer = pymupdf.TextWriter(target.rect)
    for x, text in placed_labels:
        writer.append((x, baseline), text, font=font, fontsize=size)
    writer.write_text(target, color=(0, 0, 0))
    return True


def _font_size(
    length: Callable[[str, float], float], bates: str, legend: str, width: float, margin: float
) -> float | None:
    """Largest size ≤ `MAX_FONT_SIZE` at which both labels fit side by side, or None."""
    side = min(36.0, width / 12)
    unit = length(bates, 1) + length(legend, 1)
    available = width - 2 * side - _GAP
    size = min(MAX_FONT_SIZE, margin * 0.5)
    if unit > 0:
        size = min(size, available / unit)
    return size if size >= MIN_FONT_SIZE else None


def label_problems(
    doc: pymupdf.Document,
    labels: Sequence[tuple[str, str]],
    margin: float | None = None,
    corner: str = "bottom-right",
) -> list[tuple[int | None, str]]:
    """Check each page's ``(bates, legend)`` text is extractable on that page.

    With `margin`, only the band of that height (on the edge `corner` names) is searched; with
    None, the whole page.
    Returns ``(page_index_or_None, message)`` pairs; empty means every label was found.
    """
    problems: list[tuple[int | None, str]] = []
    if len(labels) != doc.page_count:
        problems.append((None, f"{len(labels)} labels expected, file has {doc.page_count} pages"))
    for page, (bates, legend) in zip(doc, labels, strict=False):
        clip = None
        if margin is not None:
            rect = page.rect
            clip = pymupdf.Rect(rect.x0, rect.y1 - margin, rect.x1, rect.y1)
            if corner.startswith("top"):
                clip = pymupdf.Rect(rect.x0, rect.y0, rect.x1, rect.y0 + margin)
        text = page.get_text("text", clip=clip)
        where = "in the stamp band" if margin is not None else "on the page"
        if not TextMatcher(bates).found_in(text):
            problems.append((page.number, f"Bates number {bates!r} not found {where}"))
        if legend.strip() and not TextMatcher(legend).found_in(text):
            problems.append((page.number, f"legend {legend!r} not found {where}"))
    return problems


def stamp_check(
    pdf: bytes,
    labels: Sequence[tuple[str, str]],
    margin: float = 36,
    corner: str = "bottom-right",
) -> list[str]:
    """One line per problem (``"page 3: …"``) if any page's labels are not extractable from
    its stamp band; empty list when every page carries its own Bates number and legend."""
    with open_pdf(pdf) as doc:
        found = label_problems(doc, labels, margin, corner)
    return [msg if page is None else f"page {page + 1}: {msg}" for page, msg in found]
