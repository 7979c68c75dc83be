"""Independent readers of a PDF's text, OCR of its render, and a forgiving `contains`.

`texts` reads the whole text of a file with every extractor we can run side by side:

* ``pymupdf``: MuPDF as a viewer reads it (default flags, ``/ActualText`` used, clipped to the
  MediaBox);
* ``pymupdf-no-actualtext``: MuPDF with ``TEXT_IGNORE_ACTUALTEXT`` and without the MediaBox clip
  (the glyphs themselves, on the page or off it);
* ``pypdf``, ``pdfminer``, ``pdfium`` (pypdfium2, every character of the text page);
* ``pdftotext-layout`` and ``pdftotext-raw``: poppler's ``pdftotext`` run as a process;
* ``objects``: not a text extractor but the file's own strings: every string object (metadata,
  link addresses, annotation contents, form values, bookmarks) and every stream decoded
  (content streams, XMP, embedded files), as Latin-1 and as UTF-16, read with pikepdf. It is
  what a recipient with a hex editor reads, and the only reading of channels that are not page
  text.

`ocr` renders each page with PyMuPDF and reads it with the ``tesseract`` binary (``--psm 11``,
sparse text, and ``--psm 6``, one block; one Tesseract a mode reads every page of the file).
`pictures` reads every picture the file holds, drawn or not, as ``pdfimages`` and OCR would (a
picture no page shows is still in the file).
`contains` decides whether a secret is in a text under the normalisation a determined reader
would apply.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import tempfile
import unicodedata
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pikepdf
import pymupdf
import pypdf
import pypdfium2
from pdfminer.high_level import extract_text as pdfminer_text
from PIL import Image, ImageOps

#: The extractors `texts` runs, in the order of its result.
EXTRACTORS = (
    "pymupdf",
    "pymupdf-no-actualtext",
    "pypdf",
    "pdfminer",
    "pdfium",
    "pdftotext-layout",
    "pdftotext-raw",
    "objects",
)
#: How `texts` marks the reading of an extractor that failed.
FAILED = "\x00extractor failed: "
#: Resolution of the render `ocr` reads, and the page segmentation modes it runs.
OCR_DPI = 120
OCR_MODES = ("11", "6")

_MUPDF_NO_ACTUALTEXT = (
    pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_MEDIABOX_CLIP
) | pymupdf.TEXT_IGNORE_ACTUALTEXT
_DASHES = str.maketrans(
    dict.fromkeys(
        "\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d", "-"
    )
)
#: Dropped: zero-width characters, and the marks pdfium puts for a hyphen that ends a line.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u0002\u200b\u200c\u200d\u2060\ufeff\ufffe"))
_GAPS = re.compile(r"[\s\-]+")
#: The colour spaces a PNG is written in as they are (others are made RGB first).
_PNG_SPACES = ("DeviceGray", "DeviceRGB")


def texts(pdf: bytes) -> dict[str, str]:
    """The whole text of ``pdf`` by each extractor of `EXTRACTORS` (pages joined by form feeds).
    An extractor that fails reads as `FAILED` and its error (see `failures`)."""
    readers: dict[str, Callable[[], str]] = {
        "pymupdf": lambda: _mupdf(pdf, None),
        "pymupdf-no-actualtext": lambda: _mupdf(pdf, _MUPDF_NO_ACTUALTEXT),
        "pypdf": lambda: _pypdf(pdf),
        "pdfminer": lambda: _pdfminer(pdf),
        "pdfium": lambda: _pdfium(pdf),
        "pdftotext-layout": lambda: _pdftotext(pdf, "-layout"),
        "pdftotext-raw": lambda: _pdftotext(pdf, "-raw"),
        "objects": lambda: _objects(pdf),
    }
    found: dict[str, str] = {}
    for name, read in readers.items():
        try:
            found[name] = read()
        except Exception as exc:  # a reader that cannot read the file says so, in its slot
            found[name] = f"{FAILED}{type(exc).__name__}: {exc}"
    return found


def failures(readings: dict[str, str]) -> dict[str, str]:
    """The readings of `texts` whose extractor failed, with the error: a file an extractor
    cannot read is not a file it found clean."""
    return {name: text for name, text in readings.items() if text.startswith(FAILED)}


def ocr(pdf: bytes, dpi: int = OCR_DPI) -> str:
    """What Tesseract reads on each page rendered at ``dpi``, every mode of `OCR_MODES`, joined
    page by page. One Tesseract per mode reads all the pages (`_tesseract`), side by side, one
    per core, each on one thread."""
    with pymupdf.open(stream=pdf) as doc, tempfile.TemporaryDirectory() as tmp:
        images = []
        for page in doc:
            path = Path(tmp) / f"page-{page.number}.png"
            page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).save(str(path))
            images.append(path)
        if not images:
            return ""
        with ThreadPoolExecutor(max_workers=min(len(OCR_MODES), os.cpu_count() or 1)) as pool:
            by_mode = list(pool.map(lambda mode: _tesseract(images, mode), OCR_MODES))
        return "\n".join(read[n] for n in range(len(images)) for read in by_mode)


def pictures(pdf: bytes) -> str:
    """What Tesseract reads (``--psm 6``) in every picture of ``pdf`` as stored, whether or not
    a page shows it: each image XObject (drawn, unused or an alternate), and what poppler's
    ``pdfimages`` lists of the pages (inline images too)."""
    with pymupdf.open(stream=pdf) as doc, tempfile.TemporaryDirectory() as tmp:
        for xref in range(1, doc.xref_length()):
            if doc.xref_get_key(xref, "Subtype")[1] != "/Image":
                continue
            pix = pymupdf.Pixmap(doc, xref)
            if pix.colorspace is None and pix.alpha:  # a stencil mask: only where it paints
                mask = Image.frombytes("L", (pix.width, pix.height), pix.samples)
                ImageOps.invert(mask).save(Path(tmp) / f"xref-{xref}.png")
                continue
            if pix.alpha:
                pix = pymupdf.Pixmap(pix, 0)  # the colours as stored, the mask dropped
            if pix.colorspace is None or pix.n > 3 or pix.colorspace.name not in _PNG_SPACES:
                pix = pymupdf.Pixmap(pymupdf.csRGB, pix)  # a spot or CMYK space: no PNG
            pix.save(str(Path(tmp) / f"xref-{xref}.png"))
        source = Path(tmp) / "file.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdfimages", "-q", "-png", str(source), str(Path(tmp) / "drawn")],
            check=True,
            timeout=120,
        )
        paths = sorted(Path(tmp).glob("*.png"))
        cores = max(1, min(len(paths), os.cpu_count() or 1))
        shares = [paths[n::cores] for n in range(cores)]
        with ThreadPoolExecutor(max_workers=cores) as pool:
            found = list(pool.map(lambda share: _tesseract(share, "6"), shares))
        read = {
            path: text
            for share, texts in zip(shares, found, strict=True)
            for path, text in zip(share, texts, strict=True)
        }
        return "\n".join(read[path] for path in paths)


def contains(text: str, secret: str) -> bool:
    """Whether ``secret`` is in ``text`` once both are normalised: NFKC, case folded, zero-width
    characters dropped, dash look-alikes made '-', and then every run of whitespace and dashes
    removed (so a secret split over lines, wrapped at its hyphen, letter-spaced or printed with
    other dashes still counts as found)."""
    return _squash(secret) in _squash(text)


def found_in(readings: dict[str, str], secret: str) -> list[str]:
    """The names of the readings that contain ``secret``."""
    return [name for name, text in readings.items() if contains(text, secret)]


def read_by(pdf: bytes, secret: str) -> list[str]:
    """Who reads `secret` in `pdf`: each text extractor that finds it, then ``ocr`` when OCR
    of the page's render reads it."""
    found = found_in(texts(pdf), secret)
    return [*found, "ocr"] if contains(ocr(pdf), secret) else found


def _squash(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).translate(_DASHES)
    return _GAPS.sub("", text.casefold())


def _mupdf(pdf: bytes, flags: int | None) -> str:
    with pymupdf.open(stream=pdf) as doc:
        if flags is None:
            return "\f".join(page.get_text() for page in doc)
        return "\f".join(page.get_text(flags=flags) for page in doc)


def _pdfminer(pdf: bytes) -> str:
    text: str = pdfminer_text(io.BytesIO(pdf))
    return text


def _pypdf(pdf: bytes) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns about what it recovers from
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        return "\f".join(page.extract_text() for page in reader.pages)


def _pdfium(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(str(textpage.get_text_range()))
            textpage.close()
            page.close()
        return "\f".join(pages)
    finally:
        document.close()


def _pdftotext(pdf: bytes, mode: str) -> str:
    done = subprocess.run(
        ["pdftotext", "-q", mode, "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return done.stdout.decode("utf-8", "replace")


def _objects(pdf: bytes) -> str:
    """Every string and decoded stream of the file, as Latin-1 and as UTF-16 text."""
    parts: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            _strings(obj, parts, depth=0)
            if isinstance(obj, pikepdf.Stream):
                try:
                    data = obj.read_bytes()
                except pikepdf.PdfError:
                    data = obj.read_raw_bytes()
                parts.append(_decoded(data))
    return "\n".join(parts)


def _strings(obj: object, parts: list[str], depth: int) -> None:
    """The strings inside a direct object (indirect ones are visited on their own)."""
    if depth > 20:
        return
    if isinstance(obj, pikepdf.String):
        parts.append(_decoded(bytes(obj)))
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            if not getattr(item, "is_indirect", False):
                _strings(item, parts, depth + 1)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for key in obj.keys():  # noqa: SIM118 (a Stream iterates its bytes)
            value = obj.get(key)
            if value is not None and not getattr(value, "is_indirect", False):
                _strings(value, parts, depth + 1)


def _decoded(data: bytes) -> str:
    text = data.decode("latin-1")
    for codec in ("utf-16-be", "utf-16-le"):
        text += "\n" + data.decode(codec, "ignore")
    text += "\n" + _literal_unescaped(data).decode("latin-1")
    return text


def _literal_unescaped(data: bytes) -> bytes:
    """PDF literal-string escapes in a content stream undone, so ``(QX\\-44)`` reads."""
    return re.sub(rb"\\([0-7]{1,3}|.)", lambda m: _escape(m.group(1)), data, flags=re.DOTALL)


def _escape(code: bytes) -> bytes:
    if code[0] in b"01234567":
        return bytes([int(code, 8) & 0xFF])
    return {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}.get(code, code)


def _tesseract(images: list[Path], mode: str) -> list[str]:
    """What one Tesseract (``--psm mode``, one thread) reads in each of ``images``, in order.

    It is given the list of them in a file, loads its model once for all (the load is most of
    the cost of a page), and reads each image as it would alone: its text is the texts of the
    images one by one, each after the first preceded by a form feed (``page_separator``),
    which no reading holds."""
    if not images:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "images.txt"
        listing.write_text("".join(f"{image}\n" for image in images), encoding="utf-8")
        done = subprocess.run(
            ["tesseract", str(listing), "-", "--psm", mode],
            capture_output=True,
            check=True,
            timeout=120 * len(images),
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    read = done.stdout.decode("utf-8", "replace").split("\f")
    assert len(read) == len(images), (len(read), len(images), done.stderr[-500:])
    return read
