"""A received file made ready for the record: the PDF the record works on, and how it was made.

`prepare` sniffs the file (`sniff`), checks its limits, and turns an Office file, a web page or
a Windows metafile (LibreOffice, `render`: a spreadsheet made whole first) or a picture (one
page per frame) into a PDF. A PDF is passed
on as received: decrypting it, checking it for bombs and OCR of its scanned pages happen in
`Workspace.ingest`, so a PDF given straight to the service gets the same treatment. An archive
is refused here (it is many documents: `ingest.unpack` opens it when asked). E-mails
are not prepared here: they go to `Workspace.ingest_email`, which makes a family of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from clawback.ingest.images import image_pdf
from clawback.ingest.limits import Refused
from clawback.ingest.render import render
from clawback.ingest.sniff import ARCHIVE, IMAGE, OFFICE, Sniffed, sniff

__all__ = ["MEDIA_TYPES", "Prepared", "prepare"]

#: The media type each kind of native file is stored under.
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".tif": "image/tiff",
    ".gif": "image/gif",
    ".bmp": "image/bmp",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".rtf": "application/rtf",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".htm": "text/html",
    ".html": "text/html",
    ".emf": "image/emf",
    ".wmf": "image/wmf",
    ".eml": "message/rfc822",
    ".msg": "application/vnd.ms-outlook",
}


@dataclass(frozen=True)
class Prepared:
    """What `prepare` made of a file: its sniffed `kind` and `suffix`, and for an Office file or
    a picture the `pdf` made from it, the `recipe` that made it ("convert", "image") and what
    making it found (`warnings`: a spreadsheet's hidden sheet shown ...)."""

    kind: str
    suffix: str
    pdf: bytes | None = None
    recipe: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES.get(self.suffix, "application/octet-stream")


def prepare(data: bytes, name: str) -> Prepared:
    """Sniff and convert one file. Raises `Refused` in one line."""
    found: Sniffed = sniff(data, name)
    if found.kind == ARCHIVE:  # opened only when asked: `Workspace.ingest_file(unpack=True)`
        raise Refused(
            f"an archive ({found.suffix}), not one document: ingest it with --unpack to take "
            "in each file it holds"
        )
    if found.kind == OFFICE:
        [made] = render([(data, found.suffix)])
        if made.pdf is None:
            raise Refused(str(made.failure))
        return Prepared(found.kind, found.suffix, made.pdf, "convert", made.warnings)
    if found.kind == IMAGE:
        return Prepared(found.kind, found.suffix, image_pdf(data), "image")
    return Prepared(found.kind, found.suffix)
