"""The files a received volume names, read once: its natives rendered by LibreOffice a batch at
a time (a file named on several rows rendered and made ready once), its e-mail natives read
once for their message and the files inside them, its picture natives and page images made
into pages by ingest's own step, within ingest's limits."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pymupdf

from clawback import email
from clawback.domain.errors import ClawbackError, NotFound
from clawback.ingest.images import image_pdf
from clawback.ingest.ready import Ready
from clawback.ingest.render import Rendered, render
from clawback.loadfiles import OptDocument, resolve
from clawback.loadfiles.volume import Row, suffix
from clawback.pdf.files.convert import RENDERED

IMAGE_MAGIC = (b"II*\x00", b"MM\x00*", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


class Latest(dict[str, Any]):
    """The `keep` entries put in last: what a volume keeps of files it may meet again, so
    that a volume of any size holds a batch's worth at most."""

    def __init__(self, keep: int) -> None:
        super().__init__()
        self.keep = keep

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        while len(self) > self.keep:
            del self[next(iter(self))]


class Natives:
    """The natives LibreOffice renders (Office files, web pages, metafiles) of the records that
    have no pages of their own (no PDF, no images), rendered a batch of `BATCH` at a time, in
    one LibreOffice run each, when the first of them is asked for; each PDF is let go once
    taken, so a volume of any size holds one batch at most. A file a batch names on several
    rows is rendered once, and made ready once (`made`, for `Ingest.ingest`)."""

    BATCH = 25

    def __init__(self, folder: Path, rows: list[Row]) -> None:
        self.folder = folder
        self.todo = [row for row in rows if self._wanted(row)]
        self.done: dict[int, Rendered] = {}
        self.made: dict[str, Ready] = Latest(self.BATCH)
        self._pictures: dict[str, bytes] = Latest(self.BATCH)
        self._families: dict[str, list[email.Member] | None] = Latest(self.BATCH)

    def family(self, name: str, data: bytes) -> list[email.Member] | None:
        """An e-mail native read as ingest reads an e-mail (`email.family`: the message, then
        every attachment at any depth), once for the record's pages and the files taken out
        of it; None if it is not read as an e-mail."""
        sha = hashlib.sha256(data).hexdigest()
        if sha not in self._families:
            try:
                self._families[sha] = email.family(data, name)
            except (ClawbackError, ValueError):
                self._families[sha] = None
        return self._families[sha]

    def picture(self, data: bytes) -> bytes:
        """A picture native as a page (`image_pdf_of`), the same PDF for the same picture."""
        sha = hashlib.sha256(data).hexdigest()
        if sha not in self._pictures:
            self._pictures[sha] = image_pdf_of(data)
        return self._pictures[sha]

    def _wanted(self, row: Row) -> bool:
        value = row.roles.get("native", "")
        if not value or row.roles.get("pdf") or row.images is not None:
            return False
        return suffix(value) in RENDERED

    def rendered(self, row: Row) -> Rendered | None:
        """The record's native rendered (or why it could not be), or None (not one to
        render)."""
        if row.number not in self.done:
            at = next((n for n, r in enumerate(self.todo) if r is row), None)
            if at is None:
                return None
            batch, self.todo = self.todo[at : at + self.BATCH], self.todo[at + self.BATCH :]
            files = []
            for r in batch:
                try:
                    data = resolve(self.folder, r.roles["native"]).read_bytes()
                except (OSError, ValueError):
                    data = b""  # missing: said by the record's own step
                files.append((data, suffix(r.roles["native"])))
            keys = [(hashlib.sha256(data).hexdigest(), kind) for data, kind in files]
            once = list(dict.fromkeys(keys))  # each file once, in order
            made = dict(zip(once, render([files[keys.index(k)] for k in once]), strict=True))
            self.done |= {r.number: made[k] for r, k in zip(batch, keys, strict=True)}
        return self.done.pop(row.number, None)


def images_to_pdf(folder: Path, document: OptDocument) -> bytes:
    out = pymupdf.open()
    try:
        for page in document.pages:
            path = resolve(folder, page.path)
            if not path.is_file():
                raise NotFound(f"image {page.path} (page {page.key}) is not in the volume")
            try:
                pdf = image_pdf_of(path.read_bytes())
            except ClawbackError as exc:
                raise ClawbackError(f"image {page.path} (page {page.key}) {exc}") from None
            with pymupdf.open("pdf", pdf) as one:
                out.insert_pdf(one)
        out.set_metadata({})
        data: bytes = out.tobytes(garbage=3, deflate=True)
        return data
    finally:
        out.close()


def image_pdf_of(data: bytes) -> bytes:
    """One PDF page per frame of an image file (a multi-page TIFF gives many), by ingest's own
    step (`clawback.ingest.images`): its limits, its decompression-bomb checks, its pages."""
    if not data.startswith(IMAGE_MAGIC):
        raise ClawbackError("is not a TIFF, JPEG or PNG image")
    return image_pdf(data)
