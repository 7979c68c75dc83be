"""What a library's exception says, in words: one line, never its Python type.

A reading library (MuPDF, qpdf, Pillow, zipfile, lxml, openpyxl) names what went wrong in its
message; its class name (``FileDataError``, ``BadZipFile``) is no word a user can act on, and
was printed in refusals and warnings ("malformed PDF: cannot be opened (FileDataError)").
"""

from __future__ import annotations

#: Words for an exception whose message is empty, by its kind.
_QUIET = {
    "BadZipFile": "not a ZIP package",
    "KeyError": "a part it needs is missing",
    "RecursionError": "its structure loops",
    "MemoryError": "too large to read",
}


def in_words(exc: BaseException, most: int = 160) -> str:
    """``exc``'s message on one line, without MuPDF's ``code=N:``, at most ``most``
    characters; when it says nothing, words for its kind, else ``unreadable``."""
    said = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
    text = " ".join(str(said).split()).strip("'\"")
    if text.startswith("code=") and ": " in text:
        text = text.split(": ", 1)[1]
    if not text:
        text = next((w for kind, w in _QUIET.items() if _is(exc, kind)), "unreadable")
    return text if len(text) <= most else text[: most - 1] + "…"


def _is(exc: BaseException, kind: str) -> bool:
    return any(k.__name__ == kind for k in type(exc).__mro__)


def quoted(value: str, most: int = 80) -> str:
    """A value read from a file, as a message quotes it: ``repr``, cut short past ``most``
    characters (a load file's field of a megabyte was quoted whole in its problem line)."""
    return repr(value if len(value) <= most else value[: most - 1] + "…")
