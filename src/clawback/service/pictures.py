"""Page pictures without their trace mark, kept in memory and on disk in the workspace
(``cache/pictures``): a page is rendered once for every process of the server and every
restart, and each copy served only has its own mark laid over the kept picture
(``tracing.picture``).

A picture is kept under a key naming exactly what it was drawn from (``Pictures.key``): the
identity of the file's bytes (the produced file's SHA-256 and the redactions made to it for
the person's view, or the bytes' own SHA-256), the page, the dpi, the items drawn on it, and
the versions of clawback and of the PDF engine that drew it. What a claw-back, a ruling, a seal
or a redaction withholds is withheld before any picture is looked up (the read is refused by
``service.lookup``), or else it changes the view's redactions and so the key: a kept picture is
never stale, and nothing needs removing to keep it right. Deleting the folder costs renders.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

from clawback import __version__
from clawback.service.recent import Recent

#: What the kept files hold; another scheme is another key.
SCHEME = "picture-1"
_HEADER = struct.Struct("<iidd")


@dataclass(frozen=True)
class Picture:
    """A page's picture without a mark: its PNG, its size in pixels and the page's in points."""

    png: bytes
    width: int
    height: int
    page_width: float
    page_height: float

    def packed(self) -> bytes:
        header = _HEADER.pack(self.width, self.height, self.page_width, self.page_height)
        return header + self.png

    @classmethod
    def unpacked(cls, data: bytes) -> Picture | None:
        """A picture read back from ``packed``; None for anything else (a file cut short)."""
        if len(data) <= _HEADER.size:
            return None
        width, height, page_width, page_height = _HEADER.unpack(data[: _HEADER.size])
        png = data[_HEADER.size :]
        if not png.startswith(b"\x89PNG\r\n\x1a\n") or width <= 0 or height <= 0:
            return None
        return cls(png, width, height, page_width, page_height)


class Pictures:
    """Unmarked page pictures by key: the most recent in memory (packed, and as decoded
    pixels for laying marks over), every one on disk under ``folder`` (thread-safe; files are
    written whole under a temporary name, so another process never reads half of one)."""

    def __init__(self, folder: Path, memory: int) -> None:
        self.folder = folder
        self.memory = memory
        self._recent = Recent(memory)

    @staticmethod
    def key(*drawn_from: object) -> str:
        """The key of the picture drawn from ``drawn_from`` by this clawback and engine."""
        import pymupdf

        named = repr((SCHEME, __version__, pymupdf.VersionBind, drawn_from))
        return hashlib.sha256(named.encode()).hexdigest()

    def get(self, key: str) -> Picture | None:
        data = self._recent.get(key)
        if data is None:
            try:
                data = self._path(key).read_bytes()
            except OSError:
                return None
            self._recent.put(key, data)
        return Picture.unpacked(data)

    def folder_holds(self, key: str) -> bool:
        """Whether the picture of ``key`` is kept on disk (for every process)."""
        return self._path(key).is_file()

    def put(self, key: str, picture: Picture) -> None:
        data = picture.packed()
        self._recent.put(key, data)
        path = self._path(key)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, path)
            finally:
                Path(tmp).unlink(missing_ok=True)
        except OSError:
            return  # kept in memory only: a full or read-only disk costs renders, not reads

    def pixels(self, key: str, picture: Picture) -> bytes:
        """The picture's RGB pixels (decoded once, then kept in memory)."""
        found = self._recent.get((key, "rgb"))
        if found is None:
            from PIL import Image

            with Image.open(io.BytesIO(picture.png)) as opened:
                found = opened.convert("RGB").tobytes()
            self._recent.put((key, "rgb"), found)
        return found

    def __len__(self) -> int:
        return len(self._recent)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]
