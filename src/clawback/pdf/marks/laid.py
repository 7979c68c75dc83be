"""A trace mark laid over a kept picture of its page, and the result encoded as a PNG: the
part of serving a marked picture that runs for every copy (``service.tracing.picture``), so
it costs only what the mark touches and one fast encoding.

The mark arrives as the PDF engine draws it alone on a clear page: premultiplied RGBA pixels
(``pymupdf.Pixmap(alpha=True).samples``). Over an opaque picture, "source over" is then
``mark + picture * (255 - alpha) / 255`` per channel, computed only where the mark's alpha is
above zero (a few per cent of a page). The PNG is written here (no filter, zlib level 1):
a page picture is mostly white, so filtering gains little, while the general encoder's
adaptive filtering tries every filter on every row and doubles the time of a serving.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

__all__ = ["lay", "png"]

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def lay(rgb: bytes, width: int, height: int, mark: bytes, mark_width: int) -> bytes:
    """The RGB pixels ``rgb`` (``width`` by ``height``) with ``mark`` (premultiplied RGBA
    pixels, ``mark_width`` wide, at least as tall and wide as the picture, its top-left corner
    on the picture's) laid over them."""
    picture = np.frombuffer(rgb, dtype=np.uint8).reshape(height, width, 3).copy()
    over = np.frombuffer(mark, dtype=np.uint8).reshape(-1, mark_width, 4)[:height, :width]
    if over.shape[:2] != (height, width):
        raise ValueError(f"a mark of {over.shape[1]}x{over.shape[0]} cannot cover {width}x{height}")
    touched = over[:, :, 3] > 0
    under = picture[touched].astype(np.uint16)
    covering = over[touched]
    kept = (255 - covering[:, 3:4]).astype(np.uint16)
    blended = covering[:, :3].astype(np.uint16) + (under * kept + 127) // 255
    picture[touched] = np.minimum(blended, 255).astype(np.uint8)
    return picture.tobytes()


def png(rgb: bytes, width: int, height: int) -> bytes:
    """RGB pixels as a PNG (8 bits a channel, each row unfiltered, zlib level 1)."""
    rows = np.frombuffer(rgb, dtype=np.uint8).reshape(height, width * 3)
    filtered = np.zeros((height, width * 3 + 1), dtype=np.uint8)  # filter byte 0: none
    filtered[:, 1:] = rows
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        _SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(filtered.tobytes(), 1))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
