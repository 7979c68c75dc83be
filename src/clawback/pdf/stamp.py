"""Bates numbers and confidentiality legends, printed in a band added below each page.

A stamp must never cover what the producing party is producing, so nothing is printed *on* the
page: each output page is the original page, unscaled and untouched, placed at the top of a new
page that is `margin` points taller; the Bates number goes bottom-right and the legend
bottom-left of the blank band. The original page travels as a form XObject
(`Page.show_pdf_page`), so its text stays extractable and redactable.

Rotated source pages are shown as they display (the output page itself is unrotated), and a
CropBox is honoured. Annotations and form fields are baked into the page content first, so what
was visible stays visible; their non-visible parts (note texts, field values behind the
appearance) are not carried over. A source page with an unapplied redaction annotation is
refused, because baking would print only its outline over live text.
"""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from clawback.pdf.document import open_pdf, refuse_unapplied_redactions, save_clean
from clawback.pdf.needles import TextMatcher

__all__ = ["label_problems", "stamp", "stamp_check"]

#: Largest and smallest font size (points) used for the band's text.
MAX_FONT_SIZE = 9.0
MIN_FONT_SIZE = 4.0
#: Horizontal gap (points) kept between legend and Bates number.
_GAP = 12.0


def stamp(pdf: bytes, labels: Sequence[tuple[str, str]], margin: float = 36) -> bytes:
    """Return a copy of `pdf` with a band of height `margin` added below every page.

    `labels[i]` is ``(bates_number_text, legend_text)`` for page ``i``; the legend may be empty,
    the Bates number may not. Raises `ValueError` for a label count that does not match the
    page count, a non-positive margin, or labels too long to fit the page width at
    `MIN_FONT_SIZE`; `PdfError` for unusable input.
    """
    if margin <= 0:
        raise ValueError(f"margin must be positive, got {margin}")
    font = pymupdf.Font("helv")
    out = pymupdf.open()
    try:
        with open_pdf(pdf) as src:
            if len(labels) != src.page_count:
                raise ValueError(f"{len(labels)} labels given for {src.page_count} pages")
            refuse_unapplied_redactions(src)
            src.bake(annots=True, widgets=True)
            for page, (bates, legend) in zip(src, labels, strict=True):
                if not bates.strip():
                    raise ValueError(f"page {page.number + 1}: empty Bates number")
                _stamp_page(out, src, page, bates, legend, margin, font)
        out.set_metadata({})
        # MuPDF 1.28 files a new document's /Info inside the catalog: drop it too.
        out.xref_set_key(out.pdf_catalog(), "Info", "null")
        out.subset_fonts()
        return save_clean(out)
    finally:
        out.close()


def _stamp_page(
    out: pymupdf.Document,
    src: pymupdf.Document,
    page: pymupdf.Page,
    bates: str,
    legend: str,
    margin: float,
    font: pymupdf.Font,
) -> None:
    """Append one output page: the source page on top, the labels in the band below."""
    rotation = page.rotation
    width, height = page.rect.width, page.rect.height
    # show_pdf_page works in the source's unrotated space; un-rotate the source (a private
    # copy) and turn the placed XObject instead. Tested pixel-exact for 0/90/180/270 + CropBox.
    page.set_rotation(0)
    target = out.new_page(width=width, height=height + margin)
    target.show_pdf_page(pymupdf.Rect(0, 0, width, height), src, page.number, rotate=-rotation)
    size = _font_size(font, bates, legend, width, margin)
    if size is None:
        raise ValueError(f"page {page.number + 1}: labels do not fit the page width")
    side = min(36.0, width / 12)
    baseline = height + margin / 2 + size * 0.35
    writer = pymupdf.TextWriter(target.rect)
    if legend.strip():
        writer.append((side, baseline), legend, font=font, fontsize=size)
    bates_width = font.text_length(bates, fontsize=size)
    writer.append((width - side - bates_width, baseline), bates, font=font, fontsize=size)
    writer.write_text(target, color=(0, 0, 0))


def _font_size(
    font: pymupdf.Font, bates: str, legend: str, width: float, margin: float
) -> float | None:
    """Largest size ≤ `MAX_FONT_SIZE` at which both labels fit side by side, or None."""
    side = min(36.0, width / 12)
    unit = font.text_length(bates, fontsize=1) + font.text_length(legend, fontsize=1)
    available = width - 2 * side - _GAP
    size = min(MAX_FONT_SIZE, margin * 0.5)
    if unit > 0:
        size = min(size, available / unit)
    return size if size >= MIN_FONT_SIZE else None


def label_problems(
    doc: pymupdf.Document, labels: Sequence[tuple[str, str]], margin: float | None = None
) -> list[tuple[int | None, str]]:
    """Check each page's ``(bates, legend)`` text is extractable on that page.

    With `margin`, only the bottom band of that height is searched; with None, the whole page.
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
        text = page.get_text("text", clip=clip)
        where = "in the stamp band" if margin is not None else "on the page"
        if not TextMatcher(bates).found_in(text):
            problems.append((page.number, f"Bates number {bates!r} not found {where}"))
        if legend.strip() and not TextMatcher(legend).found_in(text):
            problems.append((page.number, f"legend {legend!r} not found {where}"))
    return problems


def stamp_check(pdf: bytes, labels: Sequence[tuple[str, str]], margin: float = 36) -> list[str]:
    """One line per problem (``"page 3: …"``) if any page's labels are not extractable from
    its stamp band; empty list when every page carries its own Bates number and legend."""
    with open_pdf(pdf) as doc:
        found = label_problems(doc, labels, margin)
    return [msg if page is None else f"page {page + 1}: {msg}" for page, msg in found]
