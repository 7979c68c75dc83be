"""Bates numbers and confidentiality legends, printed in a band added below each page.

A stamp must never cover what the producing party is producing, so nothing is printed *on* the
page: each output page is the original page, unscaled and untouched, placed at the top of a new
page that is `margin` points taller; by default the Bates number goes to the right and the
legend to the left of the blank band. `corner` moves the Bates number: ``bottom-right`` (the
default), ``bottom-left`` or ``bottom-center`` keep the band below the page, ``top-right``,
``top-left`` or ``top-center`` put it above (the legend takes the other side, or the left side
for a centred number). The original page travels as a form XObject (`placement`), so its
text stays extractable and redactable.

Rotated source pages are shown as they display (the output page itself is unrotated), and a
CropBox is honoured. Annotations and form fields are baked into the page content first, as a
viewer shows them (`bake`), so what was visible stays visible; their non-visible parts (note
texts, field values behind the appearance) are not carried over. A source page with an
unapplied redaction annotation is refused, because baking would print only its outline over
live text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import pymupdf

from clawback.domain.counts import counted
from clawback.pdf.files.document import open_pdf, refuse_unapplied_redactions, save_clean
from clawback.pdf.marks import helvetica
from clawback.pdf.marks.placement import Placement, SourcePage
from clawback.pdf.redaction.bake import bake_visible
from clawback.pdf.shows.needles import TextMatcher

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
    closes it; save it with `document.save_clean` and `stable_id`). Bakes `src`'s annotations
    in place, so `src` is not to be saved afterwards."""
    _check_band(margin, corner)
    if len(labels) != src.page_count:
        raise ValueError(
            f"{counted(len(labels), 'label')} given for {counted(src.page_count, 'page')}"
        )
    refuse_unapplied_redactions(src)
    bake_visible(src)
    out = pymupdf.open()
    try:
        placement = Placement(src, out)
        plain_font = helvetica.font_object(out)  # dropped on save if no page uses it
        unicode_labels: list[tuple[int, list[tuple[float, float, str]], float]] = []
        for number, (bates, legend) in enumerate(labels):
            if not bates.strip():
                raise ValueError(f"page {number + 1}: empty Bates number")
            page = placement.page(number)
            lines, size = _labels(page, bates, legend, margin, corner)
            top = band_offset(margin, corner)
            if helvetica.plain(bates + legend):
                overlay = helvetica.content(lines, size, top=page.height + margin)
                placement.place(page, margin, top, overlay, {helvetica.NAME: plain_font})
            else:
                placement.place(page, margin, top)
                unicode_labels.append((number, lines, size))
        for number, lines, size in unicode_labels:
            _write_unicode(out[number], lines, size)
        out.set_metadata({})
        # MuPDF 1.28 files a new document's /Info inside the catalog: drop it too.
        out.xref_set_key(out.pdf_catalog(), "Info", "null")
        if unicode_labels:
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


def _labels(
    page: SourcePage, bates: str, legend: str, margin: float, corner: str
) -> tuple[list[tuple[float, float, str]], float]:
    """Where the labels of one output page go: ``(x, baseline, text)`` for the legend (when
    there is one) and the Bates number, measured from the output page's top-left corner, and
    the font size. `ValueError` if they do not fit the page width."""
    width, height = page.width, page.height
    size = _font_size(bates, legend, width, margin)
    if size is None:
        raise ValueError(f"page {page.number + 1}: labels do not fit the page width")
    side = min(36.0, width / 12)
    band_top = 0.0 if band_offset(margin, corner) else height
    baseline = band_top + margin / 2 + size * 0.35
    bates_width = helvetica.text_width(bates, size)
    legend_width = helvetica.text_width(legend, size)
    horizontal = corner.split("-")[1]
    if horizontal == "right":
        bates_x, legend_x = width - side - bates_width, side
    elif horizontal == "left":
        bates_x, legend_x = side, width - side - legend_width
    else:  # centred number: the legend goes to the left edge, the number right if it collides
        bates_x, legend_x = (width - bates_width) / 2, side
        if legend.strip() and legend_x + legend_width + _GAP > bates_x:
            bates_x = width - side - bates_width
    placed = ([(legend_x, legend)] if legend.strip() else []) + [(bates_x, bates)]
    return [(x, baseline, text) for x, text in placed], size


def _write_unicode(page: pymupdf.Page, lines: list[tuple[float, float, str]], size: float) -> None:
    """Labels beyond Windows-1252 (a legend in another script): MuPDF's Helvetica clone,
    with its fallback fonts, embedded as a Unicode font (subset when the document is done)."""
    writer = pymupdf.TextWriter(page.rect)
    for x, y, text in lines:
        writer.append((x, y), text, font=helvetica.clone(), fontsize=size)
    writer.write_text(page, color=(0, 0, 0))


def _font_size(bates: str, legend: str, width: float, margin: float) -> float | None:
    """Largest size ≤ `MAX_FONT_SIZE` at which both labels fit side by side, or None."""
    side = min(36.0, width / 12)
    unit = helvetica.text_width(bates, 1) + helvetica.text_width(legend, 1)
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
        problems.append(
            (
                None,
                f"{counted(len(labels), 'label')} expected, "
                f"file has {counted(doc.page_count, 'page')}",
            )
        )
    for page, (bates, legend) in zip(doc.pages(), labels, strict=False):
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
