"""Pictures (PNG, JPEG, TIFF with any number of pages, GIF, BMP) to PDF pages, one per frame.

Each frame's size is read from its header and checked against the limits before a pixel is
decoded. A JPEG goes into the PDF as its own bytes; other frames are stored losslessly (PNG).
A page is as large as the picture at its recorded resolution; a picture that records none is
taken at `ASSUMED_DPI`, or at the finer resolution that makes its long side
`FALLBACK_LONG_SIDE` inches if it would be longer (a phone photo becomes a page, not a poster).
A picture smaller than `MIN_PAGE` (an icon, a signature-block logo) is drawn at its own size at
the top of a page that large, so the page can carry a Bates number and a legend like any other.
"""

from __future__ import annotations

import io
import warnings

import pymupdf
from PIL import Image, UnidentifiedImageError

from clawback.ingest.limits import MAX_IMAGE_FRAMES, Refused, check_image_size
from clawback.pdf.files.document import save_clean
from clawback.said import in_words

ASSUMED_DPI = 300.0
#: How a picture file starts (PNG, JPEG, TIFF both ways, GIF, BMP): an e-mail's picture
#: attachment is placed on a page here, not rendered by LibreOffice.
PICTURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")
FALLBACK_LONG_SIDE = 11.0
_SANE_DPI = (50.0, 2400.0)
#: The smallest page a picture is put on (points: 4.25 x 2 inches).
MIN_PAGE = (306.0, 144.0)


def image_pdf(data: bytes) -> bytes:
    """A PDF with one page per frame of the picture in `data`. Raises `Refused` in one line.
    Pillow's own warnings on a damaged picture ("Corrupt EXIF data ...") are not printed: what
    matters of them is the refusal, or nothing (the pixels decode)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return _convert(data)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise Refused("image too large (decompression bomb?)") from None
        except UnidentifiedImageError:
            raise Refused("malformed image: its header cannot be read") from None
        except Refused:
            raise
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise Refused(f"truncated or malformed image ({in_words(exc)})") from None


def _convert(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as picture:
        frames = getattr(picture, "n_frames", 1)
        if frames > MAX_IMAGE_FRAMES:
            raise Refused(f"image has too many pages: {frames:,} (over {MAX_IMAGE_FRAMES:,})")
        for n in range(frames):  # every header first, nothing decoded yet
            picture.seek(n)
            check_image_size(*picture.size)
        doc = pymupdf.open()
        try:
            for n in range(frames):
                picture.seek(n)
                width, height = picture.size
                dpi = _dpi(picture)
                drawn = pymupdf.Rect(0, 0, width * 72 / dpi, height * 72 / dpi)
                page = doc.new_page(
                    width=max(drawn.width, MIN_PAGE[0]), height=max(drawn.height, MIN_PAGE[1])
                )
                drawn += (
                    (page.rect.width - drawn.width) / 2,
                    0,
                    (page.rect.width - drawn.width) / 2,
                    0,
                )
                if picture.format == "JPEG" and frames == 1:
                    picture.load()  # decodes: a truncated JPEG fails here, not in a viewer
                    page.insert_image(drawn, stream=data)
                else:
                    page.insert_image(drawn, stream=_png(picture))
            doc.set_metadata({})
            return save_clean(doc)
        finally:
            doc.close()


def _dpi(picture: Image.Image) -> float:
    found = picture.info.get("dpi")
    try:
        dpi = float(found[0]) if found else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if _SANE_DPI[0] <= dpi <= _SANE_DPI[1]:
        return dpi
    return max(ASSUMED_DPI, max(picture.size) / FALLBACK_LONG_SIDE)


def _png(picture: Image.Image) -> bytes:
    frame = picture
    if frame.mode not in ("1", "L", "RGB"):
        frame = frame.convert(
            "RGBA" if "A" in frame.mode or "transparency" in frame.info else "RGB"
        )
        if frame.mode == "RGBA":
            white = Image.new("RGB", frame.size, "white")
            white.paste(frame, mask=frame.getchannel("A"))
            frame = white
    out = io.BytesIO()
    frame.save(out, format="PNG")
    return out.getvalue()
