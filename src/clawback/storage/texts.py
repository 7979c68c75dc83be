"""A text file a person names (a case file, a rulings CSV, a findings file, a checkpoint, an
audit export), read whole as UTF-8 or refused in one line naming it: a UTF-16 export or a
PDF named by mistake ended in a UnicodeDecodeError traceback."""

from __future__ import annotations

from pathlib import Path

from clawback.domain.errors import InvalidInput


def text_of(path: Path, encoding: str = "utf-8") -> str:
    """The text of ``path`` (``utf-8-sig``: a byte-order mark dropped); an ``OSError`` is left
    to the caller, whose edge says it in its words."""
    try:
        return path.read_text(encoding=encoding)
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not UTF-8 text") from None
