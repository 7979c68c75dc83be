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

The pages are read in batches (`OcrBatch`, `shows.ocr_batch`): a Tesseract run loads its
model once, whatever the number of pages it reads, and a small drawn region costs less to
read than that. A document's pages are read together; a production gathers the pages of
several documents (`OcrBatch.add` renders each while its document is open, `findings` reads
them all), so that each run reads many.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import pymupdf

from clawback.pdf.gate.findings import Finding
from clawback.pdf.shows.matching import normal
from clawback.pdf.shows.needles import squash
from clawback.pdf.shows.ocr_batch import SHEETS_A_RUN, Sheet, drawn_sheet, read_sheets
from clawback.pdf.shows.pagereads import PageReads

__all__ = ["GATE_OCR_DPI", "OcrBatch", "ocr_findings"]

GATE_OCR_DPI = 120


def ocr_findings(
    doc: pymupdf.Document, secrets: Sequence[tuple[str, str]], pages: Iterable[int]
) -> list[Finding]:
    """One finding per (page, secret) where OCR of the rendered page reads the secret."""
    batch = OcrBatch()
    batch.add("", doc, secrets, pages)
    return batch.findings().get("", [])


class OcrBatch:
    """Check (k) of many documents, their pages read together. `add` renders what each page
    draws (the document must be open then); `findings` reads what is not read yet and gives
    each document's findings by its key. At most `SHEETS_A_RUN` pictures are held: a batch
    that fills reads them and keeps only the text read."""

    def __init__(self) -> None:
        self._wanted: dict[str, list[tuple[str, str]]] = {}
        self._waiting: list[tuple[str, int, Sheet]] = []
        self._read: defaultdict[str, dict[int, str]] = defaultdict(dict)

    def add(
        self,
        key: str,
        doc: pymupdf.Document,
        secrets: Sequence[tuple[str, str]],
        pages: Iterable[int],
    ) -> None:
        """Check `pages` of `doc` (open) for `secrets`, reported under `key`."""
        if self.want(key, secrets):
            for number in sorted(set(pages)):
                self.add_page(key, doc[number])

    def want(self, key: str, secrets: Sequence[tuple[str, str]]) -> bool:
        """Look for `secrets` in the pages `add_page` gives under `key`; whether any can be
        read (one of no letter or digit cannot)."""
        wanted = [(label, _form(text)) for label, text in secrets]
        self._wanted[key] = [(label, form) for label, form in wanted if form]
        return bool(self._wanted[key])

    def add_page(self, key: str, page: pymupdf.Page, reads: PageReads | None = None) -> None:
        """Check `page` (its document open) for the secrets `want` named under `key`;
        `reads`: what the page's other checks read of it (`PageReads`), so that what it
        draws is not looked for again. Each page once, in the order of its document."""
        if not self._wanted.get(key):
            return
        sheet = drawn_sheet(page, GATE_OCR_DPI, reads)
        if sheet is None:
            return  # it draws only text and lines: the text checks read all it shows
        self._waiting.append((key, page.number, sheet))
        if len(self._waiting) >= SHEETS_A_RUN:
            self._read_waiting()

    def findings(self) -> dict[str, list[Finding]]:
        """Each document's findings (one per page and secret OCR reads), by its key."""
        self._read_waiting()
        found: dict[str, list[Finding]] = {}
        for key, wanted in self._wanted.items():
            found[key] = []
            for number, read in sorted(self._read[key].items()):
                for label, form in wanted:
                    if form in read:
                        message = f"OCR of the page reads {label!r}: the page still shows it"
                        found[key].append(Finding(number, "ocr", message))
        return found

    def _read_waiting(self) -> None:
        if not self._waiting:
            return
        words = read_sheets([sheet for _, _, sheet in self._waiting])
        for (key, number, _), read in zip(self._waiting, words, strict=True):
            self._read[key][number] = _form(" ".join(w.text for w in read))
        self._waiting.clear()


def _form(text: str) -> str:
    """What OCR text and a secret are compared as: normalised, whitespace gone."""
    return squash(normal(text))
