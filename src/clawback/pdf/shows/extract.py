"""Per-page text and content fingerprints.

`PageText.sha256` is a cheap fingerprint of what a page *says and shows*, not of how it is
drawn. Rendering every page to hash its pixels is too slow for productions of thousands of pages,
so the fingerprint is the SHA-256 of:

* the page's extracted text (PyMuPDF, default flags), Unicode NFC-normalised, with every run of
  whitespace collapsed to one space and the ends stripped; then
* for each image XObject the page uses (directly or inside form XObjects), the SHA-256 of the
  image's *raw* stream bytes as stored in the file (still compressed), sorted so that drawing
  order does not matter.

Two pages with the same words and the same embedded image streams therefore share a fingerprint
even when fonts, positions or vector art differ; re-encoding an image changes it.

`PageText.image_sha256` is the other way round: one hash per image of its *decoded pixels*
(width, height, components and samples of a PyMuPDF `Pixmap`), sorted, so the same picture
embedded in two different PDFs hashes equal whatever compression each file chose. Images that
MuPDF cannot decode are hashed as ``raw:<sha256 of the raw stream>`` instead. Inline images
(``BI … EI`` in a content stream) have no object of their own and are not hashed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import pymupdf

from clawback.pdf.files.document import PdfError, open_pdf

__all__ = ["PageText", "PdfError", "page_count", "read_document", "read_pages"]

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class PageText:
    """One page: 0-based `index`, extracted `text`, and the fingerprints described above."""

    index: int
    text: str
    sha256: str
    image_sha256: tuple[str, ...] = ()


def normalize_page_text(text: str) -> str:
    """NFC, whitespace runs collapsed to one space, ends stripped (what `sha256` hashes)."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def read_pages(pdf: bytes) -> list[PageText]:
    """Extract every page's text and fingerprints. Raises `PdfError` on unusable input."""
    with open_pdf(pdf) as doc:
        return read_document(doc)


def read_document(doc: pymupdf.Document, texts: Mapping[int, str] | None = None) -> list[PageText]:
    """`read_pages` of a document already open (`open_pdf`); ``texts``: pages' text (page
    from 0 -> ``page.get_text()``) read already from this very document, not read again."""
    pages: list[PageText] = []
    known = texts or {}
    for page in doc.pages():
        text = known.get(page.number)
        if text is None:
            text = page.get_text()
        xrefs = _image_xrefs(page)
        raw = sorted(hashlib.sha256(doc.xref_stream_raw(x) or b"").hexdigest() for x in xrefs)
        digest = hashlib.sha256(normalize_page_text(text).encode("utf-8"))
        for item in raw:
            digest.update(b"\0" + item.encode("ascii"))
        pixels = tuple(sorted(_pixel_sha256(doc, x) for x in xrefs))
        pages.append(PageText(page.number, text, digest.hexdigest(), pixels))
    return pages


def page_count(pdf: bytes) -> int:
    """Number of pages. Raises `PdfError` on unusable input (including a page-less PDF)."""
    with open_pdf(pdf) as doc:
        count: int = doc.page_count
        return count


def page_rects(pdf: bytes) -> list[tuple[float, float, float, float]]:
    """Each page's visible rectangle, in PyMuPDF page coordinates."""
    with open_pdf(pdf) as doc:
        return [tuple(page.rect) for page in doc.pages()]


def _image_xrefs(page: pymupdf.Page) -> list[int]:
    """Distinct image xrefs a page uses, including those inside its form XObjects."""
    seen: dict[int, None] = {}
    for item in page.get_images(full=True):
        if item[0] > 0:
            seen.setdefault(item[0])
    return list(seen)


def _pixel_sha256(doc: pymupdf.Document, xref: int) -> str:
    """SHA-256 of an image's decoded pixels (with its geometry), or of its raw bytes."""
    try:
        pix = pymupdf.Pixmap(doc, xref)
    except (RuntimeError, ValueError):
        return "raw:" + hashlib.sha256(doc.xref_stream_raw(xref) or b"").hexdigest()
    digest = hashlib.sha256(f"{pix.width}x{pix.height}x{pix.n}a{pix.alpha}:".encode("ascii"))
    digest.update(pix.samples)
    return digest.hexdigest()
