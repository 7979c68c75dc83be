"""Gate check (k) ``ocr``: no protected string is read back from a picture of the page.

The text checks read what a page writes; a secret the page *draws* (a picture, an outline, a
Type 3 glyph, a pattern's cell) writes nothing. So on every page that carries a box, what the
page draws is read by Tesseract as ingest reads it (`shows.ocr.read_drawn`): the whole page,
rendered in grey at `GATE_OCR_DPI`, when its text is garbage or its Type 0 fonts have no
Unicode map or one nothing in the file confirms (`shows.lying.unchecked_fonts`: its glyphs may
spell what its text does not); else each drawn region (pictures,
curved vector art, Type 3 glyphs, tiling patterns); a page that draws only text and plain
lines is not read (what it writes, the text checks read). Each secret is looked for in what
OCR read, normalised as the matching reads a page (`shows.matching.normal`: look-alikes,
dashes, any case; whitespace ignored). A page where OCR finds a secret fails with the
secret's label, never its text.

120 dpi is the lowest resolution at which Tesseract read every visible secret of the
adversarial corpus (tests/redaction) on a whole page; the gate reads only boxed pages, so a
production pays for it only where it redacted and only where a page draws.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pymupdf

from clawback.pdf.gate.findings import Finding
from clawback.pdf.shows.matching import normal
from clawback.pdf.shows.needles import squash
from clawback.pdf.shows.ocr import read_drawn

__all__ = ["GATE_OCR_DPI", "ocr_findings"]

GATE_OCR_DPI = 120


def ocr_findings(
    doc: pymupdf.Document, secrets: Sequence[tuple[str, str]], pages: Iterable[int]
) -> list[Finding]:
    """One finding per (page, secret) where OCR of the rendered page reads the secret."""
    wanted = [(label, _form(text)) for label, text in secrets]
    wanted = [(label, form) for label, form in wanted if form]
    findings: list[Finding] = []
    if not wanted:
        return findings
    for number in sorted(set(pages)):
        words = read_drawn(doc[number], GATE_OCR_DPI)
        if words is None:
            continue  # it draws only text and lines: the text checks read all it shows
        read = _form(" ".join(w.text for w in words))
        for label, form in wanted:
            if form in read:
                message = f"OCR of the page reads {label!r}: the page still shows it"
                findings.append(Finding(number, "ocr", message))
    return findings


def _form(text: str) -> str:
    """What OCR text and a secret are compared as: normalised, whitespace gone."""
    return squash(normal(text))
