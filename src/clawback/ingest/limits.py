"""What ingest refuses to open, as named limits. Every check runs before anything is decoded.

=====================  =============  ========================================================
limit                  value          why
=====================  =============  ========================================================
``MAX_FILE_BYTES``     1 GiB          one file of a production; bigger ones are split upstream
``MAX_IMAGE_PIXELS``   150 million    a Letter page scanned at 1200 dpi is 134.6 million
``MAX_IMAGE_SIDE``     40,000 pixels  wider or taller is a strip no scanner makes
``MAX_IMAGE_FRAMES``   5,000          pages of one multi-page TIFF
``MAX_PDF_PAGES``      100,000        pages of one PDF
``MAX_TEXT_BYTES``     4 MiB          a plain text file, CSV or web page laid out as pages (about
                                      800: measured, 1 MB of text is 194 pages, each page
                                      then read, checked and stored at ~0.1 s); longer is a
                                      log or a data dump, which productions give natively
``MAX_TEXT_LINES``     50,000         lines of the same (about 800 pages at some 60 lines a
                                      page): 4 MiB of short lines would be 70,000 pages
``MAX_STREAM_BYTES``   512 MiB        what one PDF stream may inflate to
``MAX_INFLATE_RATIO``  200            what a whole PDF or Office package may inflate to,
                                      times its own size, once past ``INFLATE_FLOOR``
``INFLATE_FLOOR``      256 MiB        always allowed (a blank 300 dpi scan deflates ~800:1)
``MAX_ARCHIVE_BYTES``  1 GiB          what all the members of an unpacked archive (nested
                                      ones included) may inflate to together: a family is
                                      read whole before it is stored, so it is held in memory
``MAX_ARCHIVE_FILES``  10,000         members of one archive, nested ones included
``MAX_ARCHIVE_DEPTH``  5              containers inside containers (a zip in an e-mail in a
                                      zip ...): deeper is a recursion bomb
``MAX_MIME_DEPTH``     100            parts inside parts of one e-mail (a forward of a forward
                                      is two): 1,000 deep ran the reader out of stack
=====================  =============  ========================================================

An archive member may inflate to ``MAX_FILE_BYTES`` at most, and to no more than
``MAX_INFLATE_RATIO`` times its compressed size once past ``INFLATE_FLOOR`` (a zip bomb); the
sizes a member declares are checked first and then counted as it inflates, so a forged header
is caught too.

An image's pixel count is read from its header (declared, not decoded); a PDF image's from its
``/Width`` and ``/Height``; a PDF stream is inflated in slices and dropped as it goes, so a bomb
is stopped when it passes the limit, not after it has filled memory.

These numbers are the only ones: importing this module sets Pillow's own bomb limit
(``Image.MAX_IMAGE_PIXELS``, 89.5 million by default, which refused what this table allows) to
``MAX_IMAGE_PIXELS``. Every picture a received file brings (a file ingested, an e-mail
attachment, a PDF's embedded picture, a load-file volume's page images and natives) is decoded
by `clawback.ingest.images.image_pdf`, which checks these limits first and imports this module.
"""

from __future__ import annotations

from PIL import Image

from clawback.domain.errors import DocumentError

MAX_FILE_BYTES = 1 << 30
MAX_IMAGE_PIXELS = 150_000_000
MAX_IMAGE_SIDE = 40_000
MAX_IMAGE_FRAMES = 5_000
MAX_PDF_PAGES = 100_000
MAX_TEXT_BYTES = 4 << 20
MAX_TEXT_LINES = 50_000
MAX_STREAM_BYTES = 512 << 20
MAX_INFLATE_RATIO = 200
INFLATE_FLOOR = 256 << 20
MAX_ARCHIVE_BYTES = 1 << 30
MAX_ARCHIVE_FILES = 10_000
MAX_ARCHIVE_DEPTH = 5
MAX_MIME_DEPTH = 100

Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # Pillow warns past it; `images` makes that an error


class Refused(DocumentError):
    """A file ingest will not take: empty, truncated, malformed, locked, too big, a bomb, or
    of a kind it does not read. The message is one line and never quotes the file."""


def inflate_budget(size: int) -> int:
    """How many bytes a file of `size` bytes may inflate to in all."""
    return max(INFLATE_FLOOR, MAX_INFLATE_RATIO * size)


def check_image_size(width: int, height: int, what: str = "image") -> None:
    """Refuse a picture whose declared dimensions pass `MAX_IMAGE_SIDE` or `MAX_IMAGE_PIXELS`."""
    if width <= 0 or height <= 0:
        raise Refused(f"malformed {what}: it declares {width} x {height} pixels")
    if max(width, height) > MAX_IMAGE_SIDE:
        raise Refused(
            f"{what} too large: {width} x {height} pixels (a side over {MAX_IMAGE_SIDE:,})"
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise Refused(
            f"{what} too large (decompression bomb?): {width} x {height} pixels "
            f"(over {MAX_IMAGE_PIXELS:,})"
        )


def text_too_long(data: bytes) -> str | None:
    """Why text of `data` is too long to lay out as pages (past `MAX_TEXT_BYTES` or
    `MAX_TEXT_LINES`), in a few words, or None."""
    if len(data) > MAX_TEXT_BYTES:
        return (
            f"{len(data):,} bytes, over the limit of {MAX_TEXT_BYTES:,} "
            f"(about {MAX_TEXT_BYTES // 5300:,} pages)"
        )
    lines = max(data.count(b"\n"), data.count(b"\r"))
    if lines > MAX_TEXT_LINES:
        return (
            f"{lines:,} lines, over the limit of {MAX_TEXT_LINES:,} "
            f"(about {MAX_TEXT_LINES // 60:,} pages)"
        )
    return None
