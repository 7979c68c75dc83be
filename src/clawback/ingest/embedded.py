"""The files a PDF carries inside it: its embedded files (the ``/EmbeddedFiles`` name tree, which
is also how a PDF portfolio holds its members) and the files of its file-attachment annotations;
and the files an Office Open XML package carries (`package_files`: a workbook embedded in a
Word file or a deck, kept under ``word/``, ``ppt/`` or ``xl/embeddings/``), which its rendering
shows only as a preview picture, if at all.

The step's contract: `embedded_files` returns every such file, in the order the PDF lists them
(the name tree first, then the annotations page by page), each with its name and its bytes; the
same file named twice (a name-tree entry an annotation also points at) is returned once. It
never renders or converts anything: each child becomes a document of the PDF's family by the
same steps as an e-mail attachment (`Workspace.ingest_file`). The PDF is checked for bombs
(`pdfcheck.check_pdf`) before a byte of any child is inflated, so a child inflates within the
limits of `clawback.ingest.limits`. A PDF that cannot be opened without a password gives none
(its children are read once it is decrypted, by the caller).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

import pymupdf

from clawback.ingest.pdfcheck import check_pdf
from clawback.pdf.files.document import PdfError, open_pdf

_FILE_ATTACHMENT = pymupdf.mupdf.PDF_ANNOT_FILE_ATTACHMENT


@dataclass(frozen=True)
class Embedded:
    """One file inside a PDF: the name it was given there (as the PDF spells it) and its bytes."""

    name: str
    data: bytes


def embedded_files(pdf: bytes) -> list[Embedded]:
    """Every file the PDF carries, in order, each once (see the module doc)."""
    try:
        with open_pdf(pdf) as doc:
            if not _carries_files(doc, pdf):
                return []
    except PdfError:
        return []  # locked or unreadable: the PDF's own step says so
    check_pdf(pdf)  # bombs refused before a child is inflated
    found: list[Embedded] = []
    seen: set[str] = set()

    def keep(name: str, data: bytes, fallback: str) -> None:
        sha = hashlib.sha256(data).hexdigest()
        if sha in seen:
            return
        seen.add(sha)
        found.append(Embedded(name.strip() or fallback, data))

    with open_pdf(pdf) as doc:
        for index in range(doc.embfile_count()):
            info = doc.embfile_info(index)
            name = str(info.get("ufilename") or info.get("filename") or info.get("name") or "")
            keep(name, bytes(doc.embfile_get(index)), f"embedded{index + 1}")
        for number in range(doc.page_count):
            for annot in doc[number].annots(types=[_FILE_ATTACHMENT]):
                info = annot.file_info
                name = str(info.get("ufilename") or info.get("filename") or "")
                keep(name, bytes(annot.get_file()), f"attachment-p{number + 1}")
    return found


def _carries_files(doc: pymupdf.Document, pdf: bytes) -> bool:
    """Whether the PDF has embedded files or file-attachment annotations; its pages are looked
    at only when its bytes may hold such an annotation (named in the clear, or in a compressed
    object stream)."""
    if doc.embfile_count():
        return True
    if b"/FileAttachment" not in pdf and b"/ObjStm" not in pdf:
        return False
    pages = (doc[number] for number in range(doc.page_count))
    return any(True for page in pages for _ in page.annots(types=[_FILE_ATTACHMENT]))


#: Where an Office Open XML package keeps the files embedded in it.
_EMBEDDINGS = ("word/embeddings/", "ppt/embeddings/", "xl/embeddings/")


def package_files(data: bytes) -> list[Embedded]:
    """The files embedded in an Office Open XML package, in the package's order, each once;
    none for any other file. The package's inflated size was checked when it was sniffed
    (`ingest.sniff`), so reading its members keeps the limits."""
    if not data.startswith(b"PK\x03\x04"):
        return []
    found: list[Embedded] = []
    seen: set[str] = set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if "[Content_Types].xml" not in package.namelist():
                return []
            for entry in package.infolist():
                if entry.is_dir() or not entry.filename.startswith(_EMBEDDINGS):
                    continue
                content = package.read(entry)
                sha = hashlib.sha256(content).hexdigest()
                if content and sha not in seen:
                    seen.add(sha)
                    found.append(Embedded(PurePosixPath(entry.filename).name, content))
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError):
        return []  # a package that cannot be read: its own step says so
    return found
