"""A received file a reading library fails on, refused in one line like any other bad file.

MuPDF, qpdf and Pillow read what parties send, and a damaged file makes them raise their own
errors, not clawback's: MuPDF's ``RuntimeError("code=7: corrupt object stream 79")`` or
``FzErrorLibrary("FT_New_Memory_Face((null)): unknown file format")`` on a PDF cut short,
qpdf's ``PdfError``, a ``RecursionError`` on a structure that loops. Uncaught, one such file
ended the whole batch with a traceback and the files after it were never read. `unreadable`
turns them into `Refused`, naming the kind of file and what the library said (one line,
never the file's content: the libraries quote object numbers and font names, not text).
`library_said` is the same reading for the command line, whose every command reads a file
some way (a page tree that loops raised ``FzErrorFormat`` out of nine of them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pikepdf
import pymupdf

from clawback.domain.errors import ClawbackError
from clawback.ingest.limits import Refused
from clawback.ingest.sniff import ARCHIVE, EMAIL, IMAGE, OFFICE, PDF, sniff
from clawback.said import in_words

__all__ = ["library_said", "unreadable"]

#: What the reading libraries raise on a damaged file (a RecursionError is a RuntimeError).
_LIBRARY_ERRORS = (RuntimeError, pymupdf.mupdf.FzErrorBase, pikepdf.PdfError)
_KINDS = {PDF: "PDF", EMAIL: "e-mail", OFFICE: "Office file", IMAGE: "picture", ARCHIVE: "archive"}


@contextmanager
def unreadable(data: bytes, name: str) -> Iterator[None]:
    """Inside it, a reading library's error on the file (`data`, called `name`) is `Refused`:
    ``damaged PDF: corrupt object stream 79``. A family's member is read inside one of its own
    (`ingest.family`): kept in native form, as a locked one is, the rest of the family taken."""
    try:
        yield
    except ClawbackError:
        raise
    except _LIBRARY_ERRORS as exc:
        raise Refused(f"damaged {_kind(data, name)}: {_said(exc)}") from exc


def library_said(exc: BaseException) -> str | None:
    """What a reading library's error on a damaged file says, on one line (``cycle in page
    tree``), or None for any other exception."""
    return _said(exc) if isinstance(exc, _LIBRARY_ERRORS) else None


def _kind(data: bytes, name: str) -> str:
    try:
        return _KINDS.get(sniff(data, name).kind, "file")
    except ClawbackError:
        return "file"


def _said(exc: BaseException) -> str:
    """What the library said, on one line, without MuPDF's ``code=N:``, at most 160 characters."""
    return in_words(exc)
