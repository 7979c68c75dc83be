"""PDF decompression bombs: images that declare huge dimensions, streams that inflate past
the limits of `clawback.ingest.limits`. Checked before any page is read or rendered."""

from __future__ import annotations

import zlib

import pymupdf

from clawback.ingest.limits import (
    MAX_PDF_PAGES,
    MAX_STREAM_BYTES,
    Refused,
    check_image_size,
    inflate_budget,
)
from clawback.pdf.files.document import open_pdf

_SLICE = 1 << 20


def check_pdf(pdf: bytes) -> None:
    """Refuse a PDF (in one line) with too many pages, an image declaring too many pixels, a
    stream inflating past `MAX_STREAM_BYTES`, or streams inflating past its budget in all.
    Raises `PdfError` for a file that is not a usable PDF at all."""
    with open_pdf(pdf) as doc:
        check_document(doc, len(pdf))


def check_document(doc: pymupdf.Document, size: int) -> None:
    """`check_pdf` of a document already open (`open_pdf`) from a file of `size` bytes."""
    budget = inflate_budget(size)
    total = 0
    if doc.page_count > MAX_PDF_PAGES:
        raise Refused(f"PDF has too many pages: {doc.page_count:,} (over {MAX_PDF_PAGES:,})")
    for xref in range(1, doc.xref_length()):
        if not doc.xref_is_stream(xref):
            continue
        if doc.xref_get_key(xref, "Subtype")[1] == "/Image":
            width = _number(doc.xref_get_key(xref, "Width"))
            height = _number(doc.xref_get_key(xref, "Height"))
            check_image_size(width, height, f"PDF image (object {xref})")
        if "FlateDecode" not in doc.xref_get_key(xref, "Filter")[1]:
            continue
        total += _inflated_size(doc, xref, min(MAX_STREAM_BYTES, budget - total) + 1)
        if total > budget:
            raise Refused(
                f"PDF inflates past {budget >> 20:,} MiB (decompression bomb?): "
                f"object {xref} and those before it"
            )


def _number(key: tuple[str, str]) -> int:
    try:
        return int(float(key[1]))
    except ValueError:
        return 0


def _inflated_size(doc: pymupdf.Document, xref: int, cap: int) -> int:
    """How many bytes a Flate stream inflates to, counting no further than `cap`; refuse one
    that passes `MAX_STREAM_BYTES` by itself. A stream that is not valid Flate counts 0 (the
    reader reports what it can make of it)."""
    raw = doc.xref_stream_raw(xref) or b""
    inflater = zlib.decompressobj()
    size = 0
    data = raw
    try:
        while data and size < cap:
            size += len(inflater.decompress(data, _SLICE))
            data = inflater.unconsumed_tail
    except zlib.error:
        return size
    if size > MAX_STREAM_BYTES:
        raise Refused(
            f"PDF stream (object {xref}) inflates past {MAX_STREAM_BYTES >> 20:,} MiB "
            "(decompression bomb?)"
        )
    return size
