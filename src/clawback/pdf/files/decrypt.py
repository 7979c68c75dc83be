"""Encrypted PDFs: tell them apart, and open them with the password the user gives.

A file with only an owner password (restricted permissions, empty user password) opens without
one; it is still reported as encrypted. A file that needs a user password is refused until the
password is given, and a wrong password is refused by name. The decrypted copy is what the rest
of the engine works on; it is written deterministically, so the same file and password always
give the same bytes (and so ingest stays idempotent).
"""

from __future__ import annotations

import io

import pikepdf
import pymupdf

from clawback.pdf.files.document import PdfError, check_header


def is_encrypted(pdf: bytes) -> bool:
    """Whether the file carries encryption of any kind (user or owner password)."""
    check_header(pdf)
    try:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            return bool(doc.is_encrypted)
    except pikepdf.PasswordError:
        return True
    except pikepdf.PdfError:
        return False  # unreadable: the extractor reports that in its own words


def decrypt(pdf: bytes, password: str = "") -> bytes:
    """The same document with its encryption removed. Raises a one-line `PdfError`.

    Whether a password is needed is MuPDF's answer (a file whose owner password is empty would
    let qpdf in with none, though every viewer asks its user for one)."""
    check_header(pdf)
    try:
        viewer = pymupdf.open(stream=pdf, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError):
        raise PdfError("malformed encrypted PDF: cannot be opened") from None
    with viewer:
        if viewer.needs_pass and not password:
            raise PdfError("encrypted PDF: it needs a password to open")
        if viewer.needs_pass and not viewer.authenticate(password):
            raise PdfError("encrypted PDF: the password given does not open it")
    try:
        with pikepdf.open(io.BytesIO(pdf), password=password) as doc:
            out = io.BytesIO()
            doc.save(out, encryption=False, static_id=True, deterministic_id=False)
            return out.getvalue()
    except pikepdf.PasswordError:
        if password:
            raise PdfError("encrypted PDF: the password given does not open it") from None
        raise PdfError("encrypted PDF: it needs a password to open") from None
    except pikepdf.PdfError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PdfError(f"encrypted PDF could not be decrypted ({first[:80]})") from None
