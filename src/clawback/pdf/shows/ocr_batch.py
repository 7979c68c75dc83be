"""OCR of many pages in one Tesseract run: what `ocr.read_drawn` reads of each page, read at once.

A run of the Tesseract program spends most of a small page's CPU loading its English model
(about 0.15 s on this project's machine, more than reading a picture beside a caption). So
the pages to read are first rendered (`drawn_sheet`: the very picture `read_drawn` would hand
Tesseract, as pixels), and later read together (`read_sheets`): one run per resolution, given
every picture of that resolution as the pages of one uncompressed multi-page TIFF on its
standard input (no file is written), its TSV split back into pages by its ``page_num``
column. Each page's words, boxes and confidences are those the single-page path gives it
(tests/pdf/test_ocr_batch.py compares them on real pages: scans, a turned scan, drawn
regions); only the model's loading is shared.

A `Sheet` holds one page's picture until it is read: a caller rendering many pages reads them
in batches of at most `SHEETS_A_RUN`, so that no more pictures than that are held at once.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pymupdf
from PIL import Image

from clawback.pdf.shows.ocr import (
    REGION_DPI,
    Word,
    _grey,
    _placed,
    _region_sheet,
    _row_words,
    _run_tesseract,
    drawn_plan,
    whole_if_turned,
)
from clawback.pdf.shows.pagereads import PageReads

__all__ = ["SHEETS_A_RUN", "Sheet", "drawn_sheet", "read_drawn_pages", "read_sheets"]

#: Most pictures read in one run (and so held at once by a caller batching them).
SHEETS_A_RUN = 32


@dataclass(frozen=True)
class Sheet:
    """One page's picture for Tesseract: grey pixels at `dpi`, and, for a sheet of drawn
    regions, the regions and the top of each in the picture (their words go back there)."""

    pixels: Image.Image
    dpi: int
    regions: tuple[pymupdf.Rect, ...] = ()
    tops: tuple[int, ...] = ()
    turns: tuple[pymupdf.Matrix, ...] = ()  # of the turned pictures' strips, after the regions

    def place(self, read: list[Word]) -> list[Word]:
        """The words read on this sheet, in the page's points."""
        if not self.regions:
            return read
        return _placed(read, list(self.regions), list(self.tops), self.turns)


def drawn_sheet(page: pymupdf.Page, dpi: int, reads: PageReads | None = None) -> Sheet | None:
    """The picture `read_drawn(page, dpi)` reads, not read yet; None when it reads nothing.
    `reads`: what the page's other checks read of it (`drawn_plan`)."""
    wanted = drawn_plan(page, reads)
    if wanted is None:
        return None
    regions = wanted.regions or whole_if_turned(page)
    if regions is None:  # the whole page as shown
        pix, used = _grey(page, dpi=dpi)
        return Sheet(Image.frombytes("L", (pix.width, pix.height), pix.samples), used)
    turned = page.rotation
    if turned:
        page.set_rotation(0)  # the regions are in the page's unrotated frame
    try:
        pixels, placed, tops, turns = _region_sheet(page, regions)
    finally:
        if turned:
            page.set_rotation(turned)
    return Sheet(pixels, REGION_DPI, tuple(placed), tuple(tops), tuple(turns))


def read_sheets(sheets: Sequence[Sheet]) -> list[list[Word]]:
    """The words of each sheet, as `read_drawn` gives them: one Tesseract run per resolution
    (per `SHEETS_A_RUN` sheets). Raises `OcrError` in one line."""
    found: list[list[Word]] = [[] for _ in sheets]
    by_dpi: defaultdict[int, list[int]] = defaultdict(list)
    for n, sheet in enumerate(sheets):
        by_dpi[sheet.dpi].append(n)
    for dpi, numbers in sorted(by_dpi.items()):
        for start in range(0, len(numbers), SHEETS_A_RUN):
            run = numbers[start : start + SHEETS_A_RUN]
            for n, read in zip(run, _read_run([sheets[n] for n in run], dpi), strict=True):
                found[n] = sheets[n].place(read)
    return found


def read_drawn_pages(pages: Sequence[pymupdf.Page], dpi: int) -> list[list[Word] | None]:
    """`read_drawn(page, dpi)` of each page, the pages read together (see the module doc)."""
    sheets = [drawn_sheet(page, dpi) for page in pages]
    read = iter(read_sheets([sheet for sheet in sheets if sheet is not None]))
    return [None if sheet is None else next(read) for sheet in sheets]


def _read_run(sheets: Sequence[Sheet], dpi: int) -> list[list[Word]]:
    """One Tesseract run over `sheets` (all at `dpi`): each one's words, unplaced."""
    tiff = io.BytesIO()
    first, *rest = (sheet.pixels for sheet in sheets)
    first.save(tiff, "TIFF", save_all=True, append_images=rest)
    tsv = _run_tesseract(tiff.getvalue(), dpi, pages=len(sheets))
    rows: defaultdict[int, list[dict[str, str]]] = defaultdict(list)
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        rows[int(row["page_num"])].append(row)
    return [_row_words(rows[n], dpi) for n in range(1, len(sheets) + 1)]
