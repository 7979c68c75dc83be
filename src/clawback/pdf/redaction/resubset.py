"""Take out of a redacted document's fonts the glyphs only the removed text drew.

MuPDF's `Document.subset_fonts` does this for TrueType and CFF programs and leaves Type 1
programs (``/FontFile``, what TeX embeds) whole. For those, `Type1Fonts` notes before the
redaction which programs the redacted pages use and which glyphs those pages draw; `empty`
afterwards empties, in each such program, the glyphs drawn there before and drawn nowhere in
the document now (`type1.empty_glyphs`). Glyphs anything still draws are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pymupdf

from clawback.pdf.redaction.type1 import Type1Error, empty_glyphs
from clawback.pdf.shows.glyphs import Glyph, drawn, font_key

__all__ = ["Type1Fonts"]


def _ref(doc: pymupdf.Document, xref: int, key: str) -> int | None:
    kind, value = doc.xref_get_key(xref, key)
    return int(value.split()[0]) if kind == "xref" else None


def _int(doc: pymupdf.Document, xref: int, key: str) -> int | None:
    kind, value = doc.xref_get_key(xref, key)
    return int(value) if kind == "int" else None


@dataclass(frozen=True)
class Type1Fonts:
    """The Type 1 programs of some pages, by stream xref and font key, and the glyphs the
    pages draw."""

    programs: dict[int, str]
    before: set[Glyph]

    @classmethod
    def of(cls, doc: pymupdf.Document, pages: Iterable[int]) -> Type1Fonts:
        numbers = sorted(set(pages))
        programs: dict[int, str] = {}
        for number in numbers:
            for xref, ext, _, basefont, *_ in doc[number].get_fonts(full=True):
                descriptor = _ref(doc, xref, "FontDescriptor") if ext == "pfa" else None
                stream = _ref(doc, descriptor, "FontFile") if descriptor else None
                if stream:
                    programs[stream] = font_key(basefont)
        return cls(programs, drawn(doc, numbers) if programs else set())

    def empty(self, doc: pymupdf.Document) -> None:
        """Empty the glyphs only removed text drew (see module doc); `Type1Error` names the
        font whose program cannot be read."""
        if not self.programs:
            return
        gone = self.before - drawn(doc)
        for stream, key in sorted(self.programs.items()):
            gids = {gid for font, gid in gone if font == key}
            length1, length2 = _int(doc, stream, "Length1"), _int(doc, stream, "Length2")
            if not gids:
                continue
            if not length1 or not length2:
                raise Type1Error(f"font {key}: its program has no /Length1 and /Length2")
            try:
                program, length2, length3 = empty_glyphs(
                    doc.xref_stream(stream), length1, length2, gids
                )
            except Type1Error as exc:
                raise Type1Error(f"font {key}: {exc}") from None
            doc.update_stream(stream, program)
            doc.xref_set_key(stream, "Length2", str(length2))
            doc.xref_set_key(stream, "Length3", str(length3))
