"""The PDF vocabulary: names the standard defines (keys and values, as pypdf lists them), the
glyph names of the Adobe Glyph List and the standard 14 fonts, each with its solidus. A name of
the vocabulary is never taken for one a writer made up: an item spelled inside one (``code`` in
``/FlateDecode``) is no sign of the item, and renaming it would break the file."""

from __future__ import annotations

import inspect
from functools import cache

import pypdf.constants
from fontTools import agl

__all__ = ["vocabulary"]

_STANDARD_FONTS = (
    *("Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique"),
    *("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"),
    *("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats"),
)


@cache
def vocabulary() -> frozenset[str]:
    """The names of the vocabulary (module doc), each with its solidus."""
    names = {
        value
        for _, kind in inspect.getmembers(pypdf.constants, inspect.isclass)
        for value in vars(kind).values()
        if isinstance(value, str) and value.startswith("/")
    }
    names.update("/" + glyph for glyph in agl.AGL2UV)
    names.update("/" + font for font in _STANDARD_FONTS)
    return frozenset(names)
