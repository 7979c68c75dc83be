"""Reading a found copy's trace marks back: the text a PDF or a picture shows of them.

`readings` yields what the file says, the cheapest reading first, so the caller stops at the
first that names a code it knows: a PDF's own text (a copy as it was served keeps its marks as
text), then each of its first `MAX_PAGES` pages that holds a picture, rendered and read as one
(a printout scanned back to PDF). A picture (PNG, JPEG, TIFF: a scan, a photo, a cropped
corner) is read by Tesseract on the mark alone: first its blue picked out of a colour picture
(`watermark.COLOUR` over white, away from the page's black), then the light greys a
black-and-white print leaves of it (the dark text and its fringe removed). A picture of under
`READ_DPI` (as it says, else `ASSUMED_DPI`) is enlarged first, as Tesseract wants letters some
20 pixels high, and read again at twice that if need be.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

import numpy as np
from PIL import Image, ImageFilter, UnidentifiedImageError

from clawback.pdf.files.document import PdfError, check_header, open_pdf
from clawback.pdf.shows.ocr import MAX_OCR_PIXELS, OcrError, read_sparse_text

__all__ = ["readings"]

MAX_PAGES = 5
RENDER_DPI = 150
ASSUMED_DPI = 150  # a picture's own resolution when it does not say
READ_DPI = 300  # a picture of less is enlarged (up to 4 times) to about this
MAX_SIDE = 8000  # pixels: no picture is enlarged past this
BLUE = 25  # how much bluer than red and green a pixel must be to count as the mark's
GREYS = (140, 235)  # the light greys a black-and-white print of the mark leaves
MARKED = 0.002  # share of a picture the mark's pixels take at the least (a 5th of a mark)
DARK = 120  # darker than this is the page's own ink (with a fringe around it)


def readings(data: bytes, characters: str = "") -> Iterator[str]:
    """What ``data`` (a PDF or a picture) says, cheapest reading first; OCR reads every letter
    as one of ``characters`` when given (a code's alphabet: no misreading outside it). Raises
    `OcrError` (a `DocumentError`) in one line for a file that is neither."""
    if _is_pdf(data):
        with open_pdf(data) as doc:
            yield "\n".join(page.get_text("text") for page in doc.pages())
            for page in doc.pages(0, min(MAX_PAGES, doc.page_count)):
                if not page.get_images():
                    continue  # drawn, not pictured: its marks, if any, were in its text
                png = page.get_pixmap(dpi=RENDER_DPI).tobytes("png")
                yield from _picture_readings(Image.open(io.BytesIO(png)), RENDER_DPI, characters)
        return
    try:
        with warnings.catch_warnings():  # Pillow's own ("Corrupt EXIF data"): not printed
            warnings.simplefilter("ignore")
            picture = Image.open(io.BytesIO(data))
            if picture.width * picture.height > MAX_OCR_PIXELS:  # as declared, not decoded
                raise OcrError(f"a picture of {picture.width}x{picture.height} pixels is too large")
            picture.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError,
            Image.DecompressionBombError):  # fmt: skip
        raise OcrError("neither a PDF nor a picture clawback can read") from None
    dpi = picture.info.get("dpi", (ASSUMED_DPI, ASSUMED_DPI))[0] or ASSUMED_DPI
    yield from _picture_readings(picture, round(float(dpi)), characters)


def _is_pdf(data: bytes) -> bool:
    try:
        check_header(data)
    except PdfError:
        return False
    return True


def _picture_readings(picture: Image.Image, dpi: int, characters: str) -> Iterator[str]:
    """The mark read out of a picture, enlarged towards `READ_DPI` and read, then at twice
    that (a picture's own dpi is often missing or wrong): its blue first, then its light
    greys. What is not there (no blue, no light grey) is not read at all."""
    fringe = 2 * max(1, round(dpi / 150)) + 1  # the page's ink and 1 pixel around it at 150 dpi
    ink = (
        picture.convert("L")
        .point(lambda v: 255 if v < DARK else 0)
        .filter(ImageFilter.MaxFilter(fringe))
    )
    blue, light = _marks(picture, ink)
    wanted = [n for n, mark in enumerate((blue, light)) if mark.mean() > MARKED]
    times = max(1, min(4, round(READ_DPI / dpi))) if dpi > 0 else 2
    for scale in dict.fromkeys((times, min(4, times * 2))) if wanted else ():
        if max(picture.size) * scale > MAX_SIDE:
            break
        size = (picture.width * scale, picture.height * scale)
        larger = picture.resize(size, Image.Resampling.LANCZOS) if scale > 1 else picture
        marks = _marks(larger, ink.resize(size, Image.Resampling.NEAREST), smooth=True)
        for n in wanted:
            yield read_sparse_text(_png(marks[n]), dpi * scale, characters)


def _marks(
    picture: Image.Image, ink: Image.Image, smooth: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Where the mark's blue is and where a light grey away from the page's ``ink`` is, as
    masks; ``smooth``: as pictures to read instead (0 black to 255 white), the blue by how
    blue (its letters keep their smooth edges)."""
    colour = np.asarray(picture.convert("RGB")).astype(np.int16)
    red, green, blue = colour[..., 0], colour[..., 1], colour[..., 2]
    blueness = blue - (red + green) // 2
    grey = np.asarray(picture.convert("L"))
    light = (grey > GREYS[0]) & (grey < GREYS[1]) & (np.asarray(ink) == 0)
    if not smooth:
        return blueness > BLUE, light
    return 255 - np.clip(blueness * 4, 0, 255), np.where(light, 0, 255)


def _png(picture: np.ndarray) -> bytes:
    """A grey picture (0 black to 255 white) as PNG bytes."""
    buffer = io.BytesIO()
    Image.fromarray(picture.astype(np.uint8)).save(buffer, "PNG")
    return buffer.getvalue()
