"""Opening and saving PDF bytes: one place that turns bad input into a one-line `PdfError`.

Every module of the engine opens documents through `open_pdf` (PyMuPDF) or `open_pike`
(pikepdf), so malformed, encrypted and empty input fail the same way everywhere, and saves
through `save_clean`, so no output is ever written incrementally or with unreferenced objects.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pikepdf
import pymupdf

from clawback.domain.errors import DocumentError
from clawback.said import in_words

#: How far into the file a ``%PDF-`` header may start (the PDF spec tolerates leading junk).
_HEADER_WINDOW = 1024


class PdfError(DocumentError):
    """The bytes given are not a PDF this engine can work on. The message is one line."""


def check_header(pdf: bytes) -> None:
    """Raise `PdfError` unless `pdf` is non-empty and has a ``%PDF-`` header near its start."""
    if not pdf:
        raise PdfError("empty input (0 bytes)")
    if b"%PDF-" not in pdf[:_HEADER_WINDOW]:
        head = pdf[:8].decode("latin-1").encode("unicode_escape").decode("ascii")
        raise PdfError(f"not a PDF: no %PDF- header (starts with {head!r})")


@contextmanager
def open_pdf(pdf: bytes) -> Iterator[pymupdf.Document]:
    """Open PDF bytes with PyMuPDF; close the document on exit.

    Raises `PdfError` for empty, non-PDF, unreadable or password-protected input and for a
    document without pages.
    """
    check_header(pdf)
    try:
        doc = pymupdf.open(stream=pdf, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError) as exc:
        raise PdfError(f"malformed PDF: cannot be opened ({in_words(exc)})") from None
    try:
        if doc.needs_pass:
            raise PdfError("encrypted PDF (no password given)")
        if doc.page_count == 0:
            raise PdfError("PDF has no pages")
        yield doc
    finally:
        doc.close()


@contextmanager
def open_pike(pdf: bytes) -> Iterator[pikepdf.Pdf]:
    """Open PDF bytes with pikepdf (qpdf); close on exit. Errors become `PdfError`."""
    check_header(pdf)
    try:
        doc = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PasswordError:
        raise PdfError("encrypted PDF (no password given)") from None
    except pikepdf.PdfError as exc:
        raise PdfError(f"malformed PDF: cannot be opened ({in_words(exc)})") from None
    try:
        yield doc
    finally:
        doc.close()


def refuse_unapplied_redactions(doc: pymupdf.Document) -> None:
    """Raise `PdfError` if any page carries a ``/Redact`` annotation that was never applied.

    Baking or deleting such an annotation would silently drop a redaction someone asked for.
    """
    for page in doc.pages():
        if any(True for _ in page.annots(types=[pymupdf.mupdf.PDF_ANNOT_REDACT])):
            raise PdfError(f"page {page.number + 1} has an unapplied redaction annotation")


#: Where `save_clean` writes its file: in memory where the system offers it.
_SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


def save_clean(doc: pymupdf.Document) -> bytes:
    """Serialise a whole new file: never incremental, unreferenced objects dropped and
    duplicates merged (``garbage=4``), streams deflated, content streams sanitised, no
    encryption."""
    return saved(
        doc,
        garbage=4,
        deflate=True,
        deflate_images=True,
        deflate_fonts=True,
        clean=True,
        encryption=pymupdf.mupdf.PDF_ENCRYPT_NONE,
    )


def saved(doc: pymupdf.Document, **options: Any) -> bytes:
    """``doc.tobytes(**options)``, by way of a private temporary file (in memory where
    ``/dev/shm`` exists): ``tobytes`` hands MuPDF's output to Python a few bytes at a time,
    about 40% of a save's time. Straight from memory when no temporary file can be used."""
    try:
        fd, name = tempfile.mkstemp(prefix="clawback-", suffix=".pdf", dir=_SCRATCH)
    except OSError:
        return bytes(doc.tobytes(**options))
    os.close(fd)
    path = Path(name)
    try:
        doc.save(name, **options)
        return path.read_bytes()
    except (OSError, RuntimeError):  # MuPDF reports a failed write as a RuntimeError
        return bytes(doc.tobytes(**options))
    finally:
        path.unlink(missing_ok=True)


@contextmanager
def all_layers_shown(doc: pymupdf.Document) -> Iterator[None]:
    """Switch hidden optional-content layers on while `doc` is read or changed (MuPDF neither
    finds nor draws what a hidden layer holds, PDFium reads it), then back off."""
    hidden = [layer["number"] for layer in doc.layer_ui_configs() if not layer["on"]]
    for number in hidden:
        doc.set_layer_ui_config(number, action=0)
    try:
        yield
    finally:
        for number in hidden:
            doc.set_layer_ui_config(number, action=2)


def resource_refs(doc: pymupdf.Document, xref: int, kind: str) -> list[int]:
    """The objects named in the ``/Resources/<kind>`` dictionary of object `xref` (a page, a
    form, a pattern, a Type 3 font), those the file holds: a file cut short, rebuilt by MuPDF,
    still names objects it lost, and PyMuPDF raises ``ValueError("bad xref")`` on them."""
    held = range(1, doc.xref_length())
    if xref not in held:
        return []
    found, value = doc.xref_get_key(xref, f"Resources/{kind}")
    if found == "xref":
        if (target := int(value.split()[0])) not in held:
            return []
        found, value = "dict", doc.xref_object(target)
    named = [int(n) for n in re.findall(r"(\d+) 0 R", value)] if found == "dict" else []
    return [n for n in named if n in held]
