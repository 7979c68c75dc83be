"""OCR of scanned pages: an invisible text layer at the words' own positions.

A page *needs OCR* when it carries no text and images cover at least `IMAGE_COVER` of it (a
scan, a photo of a page), or when its text layer is garbage (`unusable_text`: fonts without a
usable ToUnicode map extract as control characters, though the page renders legibly; the
garbage stays, and the words read are laid over it).

Each such page is rendered in grey at `OCR_DPI` and read by the Tesseract program (``tesseract
stdin - tsv``), which reports every word with its box. Each word is then written onto the page
as invisible text (render mode 3) in Helvetica, sized and stretched so that its box is the
word's box in the picture, followed by a space (so that extraction keeps words apart however
tight the scan's spacing). The page looks as before, and its text, search, pattern hits and
redaction work as on any born-digital page: a redaction box found by searching the text covers
the word's pixels, and the redaction engine blanks them.

Why the program and not PyMuPDF's built-in OCR (``Page.get_textpage_ocr``): on this project's
machine a dense 300 dpi Letter page took 1.35 s through the program (one thread) against 2.6 s
through PyMuPDF, with the same 300 words; the program also runs out of process, so a crash in
it costs one page, not the ingest.

Tesseract's language data is found at run time (``TESSDATA_PREFIX``, else the Debian folder
``/usr/share/tesseract-ocr/*/tessdata``); nothing is ever downloaded. The program and its
English data come from the Debian packages ``tesseract-ocr`` and ``tesseract-ocr-eng``, which
``scripts/setup`` installs.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import os
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pymupdf

from clawback.domain.errors import DocumentError
from clawback.pdf.files.document import open_pdf, save_clean

__all__ = [
    "OcrError",
    "Word",
    "add_text_layer",
    "needs_ocr",
    "read_words",
    "tessdata",
    "unusable_text",
]

#: Resolution pages are rendered at for OCR (Tesseract reads 300 dpi best).
OCR_DPI = 300
#: Share of a text-less page that images must cover for it to count as a scan.
IMAGE_COVER = 0.5
#: Share of garbage characters at which a page's text layer is taken as unusable.
GARBLED_SHARE = 0.2
#: Largest picture handed to Tesseract (pixels); a bigger page is rendered at a lower dpi.
MAX_OCR_PIXELS = 60_000_000
#: Pages read at once, each by a Tesseract process of its own.
OCR_WORKERS = max(1, min(4, os.cpu_count() or 1))
#: How long Tesseract may take over one page.
OCR_TIMEOUT = 300.0
#: Padding (points) around each word's box, so anti-aliased edges fall under a redaction too.
WORD_PAD = 0.75
MISSING = "Tesseract OCR is not installed: run scripts/setup"
_FONT = pymupdf.Font("helv")
T = TypeVar("T")
# Typographic punctuation Tesseract reports, as the plain characters Helvetica's simple
# encoding holds (and that a search pattern such as a case number is written with).
_PLAIN = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


class OcrError(DocumentError):
    """OCR could not be run. The message is one line and never quotes the document."""


@dataclass(frozen=True)
class Word:
    """One word read from a page: its text, box in page points (x0, y0, x1, y1), confidence."""

    text: str
    rect: tuple[float, float, float, float]
    confidence: float


def tessdata() -> Path:
    """The folder holding Tesseract's ``eng.traineddata``. Raises `OcrError` if none."""
    candidates = []
    if os.environ.get("TESSDATA_PREFIX"):
        prefix = Path(os.environ["TESSDATA_PREFIX"])
        candidates += [prefix, prefix / "tessdata"]
    candidates += sorted(Path("/usr/share/tesseract-ocr").glob("*/tessdata"), reverse=True)
    candidates.append(Path("/usr/share/tessdata"))
    for folder in candidates:
        if (folder / "eng.traineddata").is_file():
            return folder
    raise OcrError(MISSING + " (no eng.traineddata found)")


def tesseract() -> str:
    """The Tesseract program on the PATH. Raises `OcrError` if there is none."""
    found = shutil.which("tesseract")
    if found is None:
        raise OcrError(MISSING)
    return found


def needs_ocr(page: pymupdf.Page) -> bool:
    """Whether a page must be read by OCR: a scan (no text, images cover at least
    `IMAGE_COVER` of it) or a page whose text layer is garbage (see `unusable_text`)."""
    if _fonts_without_unicode(page):  # cheap first: only such fonts can garble the text
        text = page.get_text("text")
        if unusable_text(text):
            return True
        if text.strip():
            return False
    if not page.get_images():
        return False  # cheap first: a page without images and usable text needs no OCR
    if page.get_text("text").strip():
        return False
    area: float = abs(page.rect)
    if area <= 0:
        return False
    covered = 0.0
    for info in page.get_image_info():
        box = pymupdf.Rect(info["bbox"]) & page.rect
        covered += abs(box) if not box.is_empty else 0.0
    return covered / area >= IMAGE_COVER


def unusable_text(text: str) -> bool:
    """Whether extracted text is garbage: at least `GARBLED_SHARE` of its visible characters
    are control, private-use or unassigned characters or U+FFFD (what a Type0 font without a
    usable ToUnicode map extracts as, though the page renders legibly)."""
    shown = [c for c in text if not c.isspace()]
    if not shown:
        return False
    bad = sum(1 for c in shown if c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cn"))
    return bad / len(shown) >= GARBLED_SHARE


def _fonts_without_unicode(page: pymupdf.Page) -> bool:
    """Whether the page uses a composite (Type0) font that has no ToUnicode map."""
    doc = page.parent
    return any(
        font[2] == "Type0" and doc.xref_get_key(font[0], "ToUnicode")[0] == "null"
        for font in page.get_fonts()
        if font[0] > 0
    )


def read_words(page: pymupdf.Page) -> list[Word]:
    """OCR one page as shown; the words with their boxes in its visible coordinates."""
    png, dpi = _picture(page)
    return _words(_run_tesseract(png, dpi), dpi)


def add_text_layer(pdf: bytes) -> tuple[bytes, list[int]]:
    """OCR every page that needs it (see `needs_ocr`); return the PDF with invisible text at
    the words' positions and the 0-based indexes of the pages read. A PDF with no such page
    comes back unchanged (the same bytes). Raises `PdfError` or `OcrError` in one line.

    Pages are read `OCR_WORKERS` at a time, each by a Tesseract process of its own; only
    that many rendered pages are held at once."""
    with open_pdf(pdf) as doc:
        pending = [page.number for page in doc.pages() if needs_ocr(page)]
        if not pending:
            return pdf, []
        with ThreadPoolExecutor(OCR_WORKERS) as pool:
            for start in range(0, len(pending), OCR_WORKERS):
                chunk = pending[start : start + OCR_WORKERS]
                pictures = [_unrotated(doc[n], _picture) for n in chunk]
                read = pool.map(lambda p: _words(_run_tesseract(*p), p[1]), pictures)
                for n, words in zip(chunk, read, strict=True):
                    _unrotated(doc[n], functools.partial(_write_words, words=words))
        return save_clean(doc), pending


def _unrotated(page: pymupdf.Page, act: Callable[[pymupdf.Page], T]) -> T:
    """Do `act` on the page in its own, unrotated, frame (a scan turned by /Rotate is read
    upright as stored, and its words are written in the same frame)."""
    turned = page.rotation
    if turned:
        page.set_rotation(0)
    try:
        return act(page)
    finally:
        if turned:
            page.set_rotation(turned)


def _picture(page: pymupdf.Page) -> tuple[bytes, int]:
    """The page in grey as PNG, at `OCR_DPI` or lower if that would pass `MAX_OCR_PIXELS`."""
    w_in, h_in = page.rect.width / 72, page.rect.height / 72
    dpi = OCR_DPI
    if w_in * h_in * dpi * dpi > MAX_OCR_PIXELS:
        dpi = max(36, int(math.sqrt(MAX_OCR_PIXELS / max(w_in * h_in, 1e-6))))
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    return pix.tobytes("png"), dpi


def _words(tsv: str, dpi: int) -> list[Word]:
    """The words of Tesseract's TSV, their boxes turned from pixels at `dpi` into points."""
    scale = 72 / dpi
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = float(row["left"]), float(row["top"])
        right, bottom = left + float(row["width"]), top + float(row["height"])
        rect = (left * scale, top * scale, right * scale, bottom * scale)
        words.append(Word(text, rect, float(row.get("conf") or -1)))
    return words


def _write_words(page: pymupdf.Page, words: list[Word]) -> None:
    """Write each word as invisible Helvetica whose box is the word's box (padded)."""
    ascender, descender = _FONT.ascender, _FONT.descender
    for word in words:
        x0, y0, x1, y1 = word.rect
        x0, y0, x1, y1 = x0 - WORD_PAD, y0 - WORD_PAD, x1 + WORD_PAD, y1 + WORD_PAD
        text = word.text.translate(_PLAIN)
        size = (y1 - y0) / (ascender - descender)
        natural = _FONT.text_length(text, fontsize=size)
        if size <= 0 or natural <= 0:
            continue
        stretch = (x1 - x0) / natural
        origin = pymupdf.Point(x0, y1 + descender * size)
        page.insert_text(
            origin,
            text + " ",  # a real space after each word, so that text extraction keeps it
            fontsize=size,
            fontname="helv",
            render_mode=3,
            morph=(origin, pymupdf.Matrix(stretch, 1)),
        )


def _run_tesseract(png: bytes, dpi: int) -> str:
    """Tesseract's TSV for one PNG picture (single-threaded, no network, no config files)."""
    command = [tesseract(), "stdin", "stdout", "--dpi", str(dpi), "-l", "eng", "tsv"]
    env = dict(os.environ, OMP_THREAD_LIMIT="1", TESSDATA_PREFIX=str(tessdata()))
    try:
        done = subprocess.run(
            command, input=png, capture_output=True, env=env, timeout=OCR_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise OcrError(f"OCR did not finish one page within {OCR_TIMEOUT:g} s") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        tail = f": {lines[-1][:160]}" if lines else ""
        raise OcrError(f"Tesseract failed (exit status {done.returncode}){tail}")
    return done.stdout.decode("utf-8", "replace")
