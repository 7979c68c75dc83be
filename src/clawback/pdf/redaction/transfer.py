"""Transfer functions: what a graphics state asks every viewer to do to its colours, and MuPDF
does not.

A graphics state's ``/TR`` (or ``/TR2``) maps each colour component through a function before
it is shown. pdfium (Chrome, Edge) and poppler apply it; MuPDF, whose reading is all clawback's
(ingest's text and OCR, the pattern search, the redactor, the gate's OCR and render checks),
ignores it without a word. So a picture of noise whose samples' lowest bit spells
``DB-40981`` (odd under the letters, even around them), drawn with a transfer function that
maps odd to black and even to white, is noise to every check and the item in plain sight to
Chrome's viewer: it went out through ``produce --redact-pattern`` unread.

The page as MuPDF draws it is the page clawback has read, so every file it writes draws it so:
`strip_transfer` takes ``/TR`` and ``/TR2`` out of every graphics state (`scrub`, on every
output), and the gate refuses a file holding one (`ignored_transfer`). ``/Identity`` and
``/Default`` change nothing and stay. A soft mask's own ``/TR`` (in its ``/SMask``
dictionary) is one MuPDF applies, and stays too.
"""

from __future__ import annotations

import re

import pikepdf

from clawback.pdf.files.pdfwalk import Walk, dictionaries

__all__ = ["TRANSFER_KEY", "ignored_transfer", "strip_transfer", "transfer_states"]

_KEYS = ("/TR", "/TR2")
_HARMLESS = ("/Identity", "/Default")
#: A transfer key followed by a value other than the harmless names, in an object's source
#: (a soft mask's ``/TR`` matches too: `needs_scrub` errs towards a scrub).
TRANSFER_KEY = re.compile(r"/TR2?(?![A-Za-z0-9#])\s*(?!/Identity|/Default|null)")


def ignored_transfer(obj: pikepdf.Object) -> list[str]:
    """The transfer keys of a graphics state `obj` that other viewers apply and MuPDF does
    not (none for a soft mask's dictionary: MuPDF applies its ``/TR``)."""
    keys = set(obj.keys())
    if "/G" in keys and "/S" in keys:  # a soft mask dictionary
        return []
    return [
        key
        for key in _KEYS
        if key in keys and not (isinstance(v := obj.get(key), pikepdf.Name) and v in _HARMLESS)
    ]


def transfer_states(found: Walk) -> int:
    """How many of the dictionaries `found` holds ask for a transfer function MuPDF ignores."""
    return sum(1 for obj in dictionaries(found) if ignored_transfer(obj))


def strip_transfer(found: Walk) -> int:
    """Take those transfer functions out of the dictionaries `found` holds; how many
    dictionaries changed."""
    changed = 0
    for obj in dictionaries(found):
        keys = ignored_transfer(obj)
        for key in keys:
            del obj[key]
        changed += bool(keys)
    return changed
