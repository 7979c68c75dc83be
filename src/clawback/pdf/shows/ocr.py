"""OCR of what a page draws but does not write: an invisible text layer at the words' places.

A page *needs OCR* when it carries no text and images cover at least `IMAGE_COVER` of it (a
scan, a photo of a page), or when its text layer is garbage (`unusable_text`: fonts without a
usable ToUnicode map extract as control characters, though the page renders legibly; the
garbage stays, and the words read are laid over it). Such a page is read whole.

A page that has text but also *draws* words some other way has those places read
(`drawn_regions`): pictures (image XObjects and inline images), vector art that may outline
letters (curves, or filled polygons of many straight segments: text turned into outlines,
their curves kept or flattened; dots and short bars: `outlines`), shadings, Type 3 glyphs (a
font of drawings, often without a ToUnicode map), and a tiling pattern (whose cells may hold
text no extractor reads). Only the words OCR
finds there that the text layer does not already hold at the same place are written (a logo's
words, the code in a picture beside a paragraph); a region is read with the written spans it
touches, so a word half written and half drawn is read whole; the page's own text is left as
it is (`ocr_written`).

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
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pymupdf
from PIL import Image

from clawback.domain.counts import counted
from clawback.domain.errors import DocumentError
from clawback.pdf.files.document import open_pdf, save_clean
from clawback.pdf.shows.objectreads import ObjectReads
from clawback.pdf.shows.ocr_colour import colour_strip
from clawback.pdf.shows.ocr_turned import back, turned_pictures, turned_strip, upright_frames
from clawback.pdf.shows.ocr_written import (
    Word,
    not_written,
    untrusted_text,
    unusable_text,
)
from clawback.pdf.shows.outlines import curved, merge, outlined_clips
from clawback.pdf.shows.pagereads import PageReads

__all__ = [
    "OcrError",
    "ToRead",
    "Word",
    "add_text_layer",
    "drawn_plan",
    "needs_ocr",
    "ocr_plan",
    "read_drawn",
    "read_sparse_text",
    "read_words",
    "tessdata",
    "unusable_text",
    "uses_tiling_pattern",
    "write_text_layer",
]

#: Resolution pages are rendered at for OCR (Tesseract reads 300 dpi best).
OCR_DPI = 300
#: Resolution the drawn regions of a page with text are read at: enough for text of 8 points
#: and up, at well under half the cost of `OCR_DPI`.
REGION_DPI = 200
#: Share of a text-less page that images must cover for it to count as a scan.
IMAGE_COVER = 0.5
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


def needs_ocr(page: pymupdf.Page, reads: PageReads | None = None) -> bool:
    """Whether a page must be read by OCR: a scan (no text, images cover at least
    `IMAGE_COVER` of it) or a page whose text layer is garbage (see `unusable_text`).
    `reads`: what the page's other checks read of it (`PageReads`)."""
    reads = reads or PageReads(page)
    if _fonts_without_unicode(page, reads):  # cheap first: only such fonts can garble the text
        text = reads.text()
        if unusable_text(text):
            return True
        if text.strip():
            return False
    if not page.get_images():
        return False  # cheap first: a page without images and usable text needs no OCR
    if reads.text().strip():
        return False
    area: float = abs(page.rect)
    if area <= 0:
        return False
    covered = 0.0
    for info in reads.pictures():
        box = pymupdf.Rect(info["bbox"]) & page.rect
        covered += abs(box) if not box.is_empty else 0.0
    return covered / area >= IMAGE_COVER


def _fonts_without_unicode(page: pymupdf.Page, reads: PageReads | None = None) -> bool:
    """Whether the page uses a composite (Type0) font that has no ToUnicode map."""
    doc = page.parent
    return any(
        font[2] == "Type0" and doc.xref_get_key(font[0], "ToUnicode")[0] == "null"
        for font in (reads or PageReads(page)).fonts()
        if font[0] > 0
    )


#: Share of the page that drawn regions may cover before the whole page is read instead.
WHOLE_PAGE = 0.6


def drawn_regions(
    page: pymupdf.Page, reads: PageReads | None = None, own_fonts: bool = False
) -> list[pymupdf.Rect]:
    """The places where a page that has text draws something that may show words: pictures,
    vector art that may outline letters, shadings (a mesh of triangles may draw letters, and
    ``sh`` paints whatever clip it is given, glyph outlines too: MuPDF lists no path for
    either), Type 3 glyphs, tiling patterns and fonts whose map
    lies or cannot be confirmed (`untrusted_text`; the whole page for these). Merged, padded,
    in the page's unrotated frame; empty for a page that draws nothing but text and plain
    lines.
    `reads`: what the page's other checks read of it (`PageReads`); `own_fonts`: see
    `ocr_plan`."""
    reads = reads or PageReads(page)
    area = page.rect
    found: list[pymupdf.Rect] = []
    for info in reads.pictures():
        found.append(pymupdf.Rect(info["bbox"]))
    for kind, box in reads.boxes():
        if kind == "fill-shade":  # a shading (``sh``): a mesh, or whatever clip it paints
            found.append(pymupdf.Rect(box))
    tiled = uses_tiling_pattern(page, reads.objects)
    if tiled or (not own_fonts and untrusted_text(page, reads.fonts_known)):
        return [pymupdf.Rect(area)]
    if any(font[2] == "Type3" for font in reads.fonts()):
        for span in reads.trace():
            if span.get("type") is not None and "Type3" in str(span.get("font", "")):
                found.append(pymupdf.Rect(span["bbox"]))
        if not found or all(r.is_empty for r in found):
            found.append(pymupdf.Rect(area))
    found.extend(curved(reads))
    found.extend(outlined_clips(reads))
    regions = merge([r & area for r in found if not (r & area).is_empty])
    if regions:  # the written words a drawn region continues are read with it
        spans = [pymupdf.Rect(span["bbox"]) for span in reads.trace() if span.get("chars")]
        grown = [r | span for r in regions for span in spans if r.intersects(span)]
        regions = merge([r & area for r in [*regions, *grown] if not (r & area).is_empty])
    total = sum(abs(r) for r in regions)
    if total >= WHOLE_PAGE * max(abs(area), 1e-6):
        return [pymupdf.Rect(area)]
    return regions


def uses_tiling_pattern(page: pymupdf.Page, objects: ObjectReads | None = None) -> bool:
    """Whether the page's resources, or those of a form it draws (at any depth: a stamped
    page is its original placed in a form), hold a tiling pattern (``/PatternType 1``);
    `objects`: what other checks of this opening of the file read of its objects."""
    objects = ObjectReads.of(page.parent, objects)
    todo, seen = [page.xref], set()
    while todo:
        xref = todo.pop()
        if xref in seen:
            continue
        seen.add(xref)
        if any("/PatternType 1" in objects.object(n) for n in objects.refs(xref, "Pattern")):
            return True
        todo.extend(objects.refs(xref, "XObject"))
    return False


def read_words(page: pymupdf.Page, dpi: int | None = None) -> list[Word]:
    """OCR one page as shown (at `dpi`, else `OCR_DPI`); the words with their boxes in its
    visible coordinates."""
    png, used = _picture(page, dpi=dpi)
    return _words(_run_tesseract(png, used), used)


def add_text_layer(pdf: bytes) -> tuple[bytes, list[int]]:
    """OCR every page that needs it (see `needs_ocr`); return the PDF with invisible text at
    the words' positions and the 0-based indexes of the pages read. A PDF with no such page
    comes back unchanged (the same bytes). Raises `PdfError` or `OcrError` in one line.

    Pages are read `OCR_WORKERS` at a time, each by a Tesseract process of its own; only
    that many rendered pages are held at once."""
    with open_pdf(pdf) as doc:
        plan: dict[int, ToRead] = {}
        for page in doc.pages():
            if (wanted := ocr_plan(page)) is not None:
                plan[page.number] = wanted
        made, written = write_text_layer(doc, plan)
        return made or pdf, written


@dataclass(frozen=True)
class ToRead:
    """What OCR reads of one page (`ocr_plan`): all of it (`regions` None: it `needs_ocr`),
    or the `drawn_regions` of a page that has text; `own_fonts` when its fonts are MuPDF's
    own, put there by clawback drawing the page from text (their maps are that text)."""

    regions: list[pymupdf.Rect] | None = None
    own_fonts: bool = False


def ocr_plan(
    page: pymupdf.Page, reads: PageReads | None = None, own_fonts: bool = False
) -> ToRead | None:
    """What OCR must read of the page; None for a page of text and plain lines only.
    `reads`: what the page's other checks read of it (`PageReads`). `own_fonts`: the page was
    drawn by clawback from text (an e-mail's message, a text attachment: `email.render`), in
    MuPDF's own fonts, whose maps say the very text drawn, so no font of it is untrusted
    (`untrusted_text`); its pictures and art are read as any page's."""
    reads = reads or PageReads(page)
    if needs_ocr(page, reads):
        return ToRead(own_fonts=own_fonts)
    regions = _unrotated(page, functools.partial(drawn_regions, reads=reads, own_fonts=own_fonts))
    return ToRead(regions, own_fonts) if regions else None


def write_text_layer(
    doc: pymupdf.Document, plan: dict[int, ToRead]
) -> tuple[bytes | None, list[int]]:
    """`add_text_layer` of an open document, each page of `plan` read as `ocr_plan` said:
    the file saved anew with its words (None when no word was written: `doc` is then as it
    was) and the 0-based pages written."""
    pending = sorted(plan)
    written = []
    with ThreadPoolExecutor(OCR_WORKERS) as pool:
        for start in range(0, len(pending), OCR_WORKERS):
            chunk = pending[start : start + OCR_WORKERS]
            read = pool.map(lambda n: _read_page(doc, n, plan[n].regions), chunk)
            for n, words in zip(chunk, list(read), strict=True):
                if plan[n].regions is not None:
                    fresh = functools.partial(not_written, words=words, own=plan[n].own_fonts)
                    words = _unrotated(doc[n], fresh)
                if words:
                    _unrotated(doc[n], functools.partial(_write_words, words=words))
                    written.append(n)
    if not written:
        return None, []
    return save_clean(doc), written


def read_drawn(page: pymupdf.Page, dpi: int) -> list[Word] | None:
    """The words of what a page draws but may not write: every word of a page `needs_ocr`
    (or whose Type 0 fonts have no ToUnicode map, or one nothing in the file confirms:
    `lying.unchecked_fonts`, or a font whose map lies: `lying.lying_fonts`), read at `dpi`;
    else the words of its `drawn_regions` (at `REGION_DPI`); None when it draws nothing words
    could hide in (text and plain lines only)."""
    wanted = drawn_plan(page)
    if wanted is None:
        return None
    if wanted.regions is None and (whole := whole_if_turned(page)) is None:
        return read_words(page, dpi)
    return _read_page(page.parent, page.number, wanted.regions or whole)


def drawn_plan(page: pymupdf.Page, reads: PageReads | None = None) -> ToRead | None:
    """What `read_drawn` reads of the page: all of it as shown (`regions` None), its
    `drawn_regions` (in its unrotated frame), or nothing (None). `reads`: what the page's
    other checks read of it (`PageReads`: the gate's page checks read its text trace, box
    log and fonts before this)."""
    reads = reads or PageReads(page)
    if (
        needs_ocr(page, reads)
        or _fonts_without_unicode(page, reads)
        or untrusted_text(page, reads.fonts_known)
    ):
        return ToRead()
    regions = _unrotated(page, functools.partial(drawn_regions, reads=reads))
    return ToRead(regions) if regions else None


def _read_page(
    doc: pymupdf.Document, number: int, regions: list[pymupdf.Rect] | None
) -> list[Word]:
    """The words of one page: all of it, or only `regions`, read in one Tesseract run of a
    picture holding every region one below the other (a run per region would cost a program
    start each)."""
    page = doc[number]
    if regions is None and (regions := whole_if_turned(page)) is None:
        picture, dpi = _unrotated(page, _picture)
        return _words(_run_tesseract(picture, dpi), dpi)
    sheet, placed, tops, turns = _region_sheet(page, regions)
    buffer = io.BytesIO()
    sheet.save(buffer, "PNG")
    read = _words(_run_tesseract(buffer.getvalue(), REGION_DPI), REGION_DPI)
    return _placed(read, placed, tops, turns)


def _region_sheet(
    page: pymupdf.Page, regions: list[pymupdf.Rect]
) -> tuple[Image.Image, list[pymupdf.Rect], list[int], list[pymupdf.Matrix]]:
    """One grey picture at `REGION_DPI` holding every region of the page one below the other,
    then each region drawn in colours of one lightness again, in the grey that separates them
    (`ocr_colour`), then every picture the page draws turned, upright (`ocr_turned`); the
    region of each strip but the turned ones (`regions`, then those read again), the top
    (pixels) of each strip in it, and for each turned one the matrix back to the page."""
    strips = [
        _unrotated(page, functools.partial(_strip, clip=region, dpi=REGION_DPI))
        for region in regions
    ]
    placed = list(regions)
    for region in regions:
        coloured = _unrotated(page, functools.partial(colour_strip, clip=region, dpi=REGION_DPI))
        if coloured is not None:
            strips.append(coloured)
            placed.append(region)
    turns: list[pymupdf.Matrix] = []
    for strip, matrix in _unrotated(page, functools.partial(_turned_strips, regions=regions)):
        strips.append(strip)
        turns.append(matrix)
    width = max(strip.width for strip in strips)
    height = sum(strip.height for strip in strips) + _GAP_PX * (len(strips) + 1)
    sheet = Image.new("L", (width + 2 * _GAP_PX, height), 255)
    tops = []
    y = _GAP_PX
    for strip in strips:
        sheet.paste(strip, (_GAP_PX, y))
        tops.append(y)
        y += strip.height + _GAP_PX
    return sheet, placed, tops, turns


def whole_if_turned(page: pymupdf.Page) -> list[pymupdf.Rect] | None:
    """For a page read whole that draws a picture turned: the whole page (unrotated) as the
    one region of a sheet, so that the turned pictures are read upright beside it (a sideways
    scan); else None (the page is read as shown, as before)."""
    if not _unrotated(page, turned_pictures):
        return None
    return [_unrotated(page, lambda unrotated: pymupdf.Rect(unrotated.rect))]


def _turned_strips(
    page: pymupdf.Page, regions: list[pymupdf.Rect]
) -> list[tuple[Image.Image, pymupdf.Matrix]]:
    """Each picture the page draws turned, and each tall region turned both ways, upright,
    with its matrix back to the page."""
    frames = [*turned_pictures(page), *(m for r in regions for m in upright_frames(r))]
    strips = (turned_strip(page, matrix, REGION_DPI) for matrix in frames)
    return [strip for strip in strips if strip is not None]


def _placed(
    read: list[Word],
    regions: list[pymupdf.Rect],
    tops: list[int],
    turns: Sequence[pymupdf.Matrix] = (),
) -> list[Word]:
    """The words read on a sheet of `_region_sheet`, each moved to its place on the page (a
    word of a turned picture's strip: the box around it there)."""
    scale = 72 / REGION_DPI
    words: list[Word] = []
    for w in read:
        x0, y0, x1, y1 = (v / scale for v in w.rect)  # back to sheet pixels
        middle = (y0 + y1) / 2
        k = max((i for i, top in enumerate(tops) if top <= middle), default=0)
        if k >= len(regions):
            box = back(
                (x0 - _GAP_PX, y0 - tops[k], x1 - _GAP_PX, y1 - tops[k]), turns[k - len(regions)]
            )
            words.append(Word(w.text, (box.x0, box.y0, box.x1, box.y1), w.confidence))
            continue
        region, top = regions[k], tops[k]
        shifted = (
            region.x0 + (x0 - _GAP_PX) * scale,
            region.y0 + (y0 - top) * scale,
            region.x0 + (x1 - _GAP_PX) * scale,
            region.y0 + (y1 - top) * scale,
        )
        words.append(Word(w.text, shifted, w.confidence))
    return _once(words)


def _once(words: list[Word]) -> list[Word]:
    """`words` less each word read twice (the same text, its box mostly over the first's):
    a region read by its grey and by its colours gives its words twice."""
    kept: list[Word] = []
    for word in words:
        box = pymupdf.Rect(word.rect)
        if not any(
            w.text == word.text
            and abs(box & pymupdf.Rect(w.rect)) >= 0.5 * min(abs(box), abs(pymupdf.Rect(w.rect)))
            for w in kept
        ):
            kept.append(word)
    return kept


#: White pixels between the regions of a sheet read at once.
_GAP_PX = 24


def _strip(page: pymupdf.Page, clip: pymupdf.Rect, dpi: int) -> Image.Image:
    """One region of the page in grey, as a picture."""
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False, clip=clip)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


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


def _picture(
    page: pymupdf.Page, clip: pymupdf.Rect | None = None, dpi: int | None = None
) -> tuple[bytes, int]:
    """The page (or its `clip`) in grey as PNG, at `dpi` (else `OCR_DPI`) or lower if that
    would pass `MAX_OCR_PIXELS`."""
    pix, dpi = _grey(page, clip, dpi)
    png: bytes = pix.tobytes("png")
    return png, dpi


def _grey(
    page: pymupdf.Page, clip: pymupdf.Rect | None = None, dpi: int | None = None
) -> tuple[pymupdf.Pixmap, int]:
    """The page (or its `clip`) rendered in grey, as `_picture` renders it, and the dpi used."""
    shown = clip if clip is not None else page.rect
    w_in, h_in = shown.width / 72, shown.height / 72
    dpi = dpi or OCR_DPI
    if w_in * h_in * dpi * dpi > MAX_OCR_PIXELS:
        dpi = max(36, int(math.sqrt(MAX_OCR_PIXELS / max(w_in * h_in, 1e-6))))
    return page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False, clip=clip), dpi


def _words(tsv: str, dpi: int) -> list[Word]:
    """The words of Tesseract's TSV, their boxes turned from pixels at `dpi` into points."""
    return _row_words(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE), dpi)


def _row_words(rows: Iterable[dict[str, str]], dpi: int) -> list[Word]:
    """The words of rows of Tesseract's TSV (see `_words`)."""
    scale = 72 / dpi
    words = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = float(row["left"]), float(row["top"])
        right, bottom = left + float(row["width"]), top + float(row["height"])
        rect = (left * scale, top * scale, right * scale, bottom * scale)
        words.append(Word(text, rect, float(row.get("conf") or -1)))
    return words


def _write_words(page: pymupdf.Page, words: list[Word]) -> None:
    """Write each word as invisible Helvetica whose box is the word's box (padded), all in one
    content stream: a stream a word (`Page.insert_text`) made MuPDF re-parse the page's
    contents for each, 3.5 s for a page of 360 words."""
    ascender, descender = _FONT.ascender, _FONT.descender
    shape = page.new_shape()
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
        shape.insert_text(
            origin,
            text + " ",  # a real space after each word, so that text extraction keeps it
            fontsize=size,
            fontname="helv",
            render_mode=3,
            morph=(origin, pymupdf.Matrix(stretch, 1)),
        )
    shape.commit()


def read_sparse_text(png: bytes, dpi: int, characters: str = "") -> str:
    """The plain text Tesseract reads in a PNG picture of scattered words and lines (page
    segmentation mode 11: no columns or paragraphs looked for); given ``characters``, it reads
    every letter as one of them."""
    allowed = ["-c", f"tessedit_char_whitelist={characters}"] if characters else []
    return _run_tesseract(png, dpi, "--psm", "11", *allowed)


def _run_tesseract(png: bytes, dpi: int, *options: str, pages: int = 1) -> str:
    """Tesseract's TSV (or with ``options``, what they ask) for one PNG picture, or for a
    multi-page TIFF of `pages` pictures (single-threaded, no network, no config files)."""
    wanted = list(options) if options else ["tsv"]
    command = [tesseract(), "stdin", "stdout", "--dpi", str(dpi), "-l", "eng", *wanted]
    env = dict(os.environ, OMP_THREAD_LIMIT="1", TESSDATA_PREFIX=str(tessdata()))
    limit = OCR_TIMEOUT * pages
    try:
        done = subprocess.run(
            command, input=png, capture_output=True, env=env, timeout=limit, check=False
        )
    except subprocess.TimeoutExpired:
        raise OcrError(f"OCR did not finish {counted(pages, 'page')} within {limit:g} s") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        tail = f": {lines[-1][:160]}" if lines else ""
        raise OcrError(f"Tesseract failed (exit status {done.returncode}){tail}")
    return done.stdout.decode("utf-8", "replace")
