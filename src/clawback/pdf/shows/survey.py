"""What a document holds that changes how it is redacted, found in one pass over its objects.

* ``fonts`` — an embedded font program (``/FontFile``, ``/FontFile2``, ``/FontFile3``) in any
  object: after a redaction the fonts are re-subset, so glyphs only the removed text used
  leave the file; a file of standard fonts has nothing to re-subset.
* ``replacement_text`` — ``/ActualText`` that can reach the text of the given pages: in any
  dictionary (a marked-content property list among the resources, a structure element), in
  any form XObject's content, or in those pages' own content (an inline property list, the
  name written plainly or with ``#xx`` escapes). Only then can a text of those pages read
  differently with replacement text used and ignored, so only then must it be searched both
  ways (`locate`). Pictures, fonts and other pages' content are not read.

Both err towards True: the key named inside a string counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pymupdf

__all__ = ["Survey", "survey"]


def _escapable(name: str) -> bytes:
    """A pattern for the PDF name `name`, each character plain or as a ``#xx`` escape."""
    return b"/" + b"".join(b"(?:%s|#(?i:%02x))" % (re.escape(ch.encode()), ord(ch)) for ch in name)


_ACTUALTEXT = re.compile(_escapable("ActualText"))


@dataclass(frozen=True)
class Survey:
    fonts: bool
    replacement_text: bool


def survey(doc: pymupdf.Document, pages: Iterable[int] = ()) -> Survey:
    """The `Survey` of `doc` as it is now, for text on `pages` (see module doc)."""
    fonts = replacement = False
    for xref in range(1, doc.xref_length()):
        source = doc.xref_object(xref, compressed=True)
        fonts = fonts or "/FontFile" in source
        replacement = (
            replacement
            or "/ActualText" in source
            or (
                "/Subtype/Form" in source
                and _ACTUALTEXT.search(doc.xref_stream(xref) or b"") is not None
            )
        )
    for number in pages:
        if replacement:
            break
        replacement = _ACTUALTEXT.search(doc[number].read_contents()) is not None
    return Survey(fonts, replacement)
