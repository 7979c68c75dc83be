"""Which glyphs of which font a document draws, as MuPDF traces them.

The measure shared by a redaction's font re-subsetting (`resubset`) and the gate's font check
(`check_fonts`): a glyph is ``(font key, glyph id)``. The key is the font's name as MuPDF
traces it: the ``/BaseFont`` without its subset tag (``ABCDEF+``), cut to MuPDF's 31
characters. Hidden optional-content layers are shown while tracing, so what they draw counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pymupdf

from clawback.pdf.files.document import all_layers_shown

__all__ = ["Glyph", "drawn", "font_key"]

Glyph = tuple[str, int]

_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
#: MuPDF keeps a font's name in 32 bytes, its terminator included.
_NAME_LENGTH = 31


def font_key(name: str) -> str:
    """A ``/BaseFont`` or traced font name as the key both sides agree on."""
    return _SUBSET_TAG.sub("", name)[:_NAME_LENGTH]


def drawn(doc: pymupdf.Document, pages: Iterable[int] | None = None) -> set[Glyph]:
    """Every glyph drawn on `pages` of `doc` (all pages when None), visible or not."""
    found: set[Glyph] = set()
    with all_layers_shown(doc):
        for number in range(doc.page_count) if pages is None else pages:
            for span in doc[number].get_texttrace():
                key = font_key(span["font"])
                found.update((key, char[1]) for char in span["chars"])
    return found
