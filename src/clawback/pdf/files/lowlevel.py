"""What the modules that write PDF objects and operators through MuPDF's low-level API share:
the API itself (untyped), PDF names, and numbers written the shortest exact way."""

from __future__ import annotations

from typing import Any

import pymupdf

__all__ = ["mu", "name", "number"]

#: MuPDF's low-level bindings (``pymupdf.mupdf``), untyped.
mu: Any = pymupdf.mupdf


def name(text: str) -> Any:
    """The PDF name ``/text``."""
    return mu.pdf_new_name(text)


def number(value: float, places: int = 4) -> bytes:
    """`value` as a content-stream number: at most `places` decimals, no trailing zeros."""
    return (b"%.*f" % (places, value)).rstrip(b"0").rstrip(b".") or b"0"
