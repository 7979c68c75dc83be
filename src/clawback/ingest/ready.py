"""A file made ready for the record, before anything is written: decrypted, held to the
bomb limits, reduced to what a viewer shows (`clawback.pdf.shows.visible`), what no reader sees
said per page (`clawback.ingest.hidden`), scans OCR'd, each page's text read. Damage (a
structure MuPDF had to rebuild) and scans OCR could not read are warnings on the document.
Every refusal is a one-line error raised here, before the service stores a byte."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clawback.ingest.hidden import hidden_text, hidden_warnings
from clawback.ingest.pdfcheck import check_pdf
from clawback.pdf.files.decrypt import decrypt, is_encrypted
from clawback.pdf.files.document import open_pdf
from clawback.pdf.shows.extract import PageText, read_pages
from clawback.pdf.shows.ocr import add_text_layer, needs_ocr
from clawback.pdf.shows.visible import visible_copy

#: A word OCR read for real: four letters or digits in a row.
_LEGIBLE = re.compile(r"[^\W_]{4}")


@dataclass(frozen=True)
class Ready:
    """A file made ready for the record, before any write: the PDF the record works on (after
    decryption, conversion, OCR), its pages, and what was received."""

    pdf: bytes
    sha: str
    pages: list[PageText]
    info: dict[str, Any]
    steps: list[str]
    received: bytes
    received_type: str


def _damage(pdf: bytes) -> list[str]:
    """What is wrong with a file that opens all the same: MuPDF had to rebuild its structure
    (a file cut short, a broken cross-reference table), so pages or parts may be missing."""
    with open_pdf(pdf) as doc:
        if doc.is_repaired:
            return ["the file is damaged (its structure had to be rebuilt): pages or parts of "
                    "pages may be missing; ask for it again"]  # fmt: skip
    return []


def _unread(pdf: bytes, read: Sequence[int]) -> list[str]:
    """The pages that are pictures of a page (a scan) from which OCR read no legible word (none
    of four letters or digits or more: noise, dithering or a blank page reads as a few stray
    marks at most)."""
    with open_pdf(pdf) as doc:
        scans = [n for n in range(doc.page_count) if n in read or needs_ocr(doc[n])]
        silent = [n + 1 for n in scans if not _LEGIBLE.search(doc[n].get_text())]
    if not silent:
        return []
    pages = ", ".join(str(n) for n in silent[:10]) + (" ..." if len(silent) > 10 else "")
    return [
        f"OCR read no legible word on scanned page(s) {pages}: search and redaction cannot "
        "reach what they show"
    ]


def make_ready(
    pdf: bytes,
    native: bytes | None,
    native_name: str,
    native_type: str,
    recipe: str,
    password: str | None,
    meta: Mapping[str, Any] | None,
) -> Ready:
    """Decrypt, check for bombs, OCR and read a file; a one-line error before any write."""
    received = pdf if native is None else native
    received_sha = hashlib.sha256(received).hexdigest()
    info = dict(meta or {})
    steps = [] if native is None else [recipe]
    if is_encrypted(pdf):
        pdf = decrypt(pdf, password or "")
        info["encrypted"] = True
        steps.append("decrypt")
    check_pdf(pdf)  # bombs refused in one line, before anything is decoded
    warnings = _damage(pdf)
    pdf, removed = visible_copy(pdf)  # only what a viewer shows: see `pdf.shows.visible`
    if removed:
        info["not_shown"] = removed.as_data()
        steps.append("visible")
    # what the page holds that no reader sees, said per page (`ingest.hidden`), before OCR
    warnings += hidden_warnings(hidden_text(pdf), removed.unseen_by_page)
    pdf, read = add_text_layer(pdf)
    if read:
        info["ocr_pages"] = [n + 1 for n in read]
        steps.append("ocr")
    pages = read_pages(pdf)  # raises a one-line PdfError on a bad file
    warnings += _unread(pdf, read)
    if warnings:  # after what the caller knew of the file (a hidden sheet shown ...)
        info["warnings"] = [*info.get("warnings", ()), *warnings]
    if steps:
        info["received_sha256"] = received_sha
    if native is not None:
        info["native"] = {"name": native_name, "media_type": native_type, "sha256": received_sha}
    return Ready(
        pdf=pdf,
        sha=hashlib.sha256(pdf).hexdigest(),
        pages=pages,
        info=info,
        steps=steps,
        received=received,
        received_type=native_type if native is not None else "application/pdf",
    )
