"""The text of a paper, whatever file it came in: plain text, PDF or DOCX.

* Plain text (``.txt``, ``.text``, ``.md``) is read as UTF-8.
* A PDF is read by the project's own extraction (`clawback.pdf.shows.extract.read_pages`), the
  one ingest uses; pages are joined by a line break, so a paragraph that runs onto the next
  page stays one paragraph. A table (an exhibit index) is read row by row instead
  (``rows=True``: `clawback.pdf.shows.rows`), since block by block its cells come apart.
* A DOCX is read with python-docx, paragraph by paragraph and table row by table row (cells
  joined by ``" | "``, as an exhibit index's table is written in text). python-docx rather than
  a LibreOffice conversion to PDF: a declaration's numbered paragraphs and an index's rows come
  out whole, with no page wraps, running heads or hyphenation to undo, in milliseconds rather
  than a LibreOffice start-up.

Anything else is refused with one line naming the file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from clawback.domain.errors import DocumentError

__all__ = ["SUFFIXES", "paper_text"]

SUFFIXES = (".txt", ".text", ".md", ".pdf", ".docx")


def _docx_text(data: bytes, name: str) -> str:
    import docx  # python-docx: loaded only when a DOCX is read
    from docx.document import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document: Document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"{name}: not a DOCX file clawback can read ({exc})") from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                lines.append(" | ".join(cells))
    return "\n\n".join(lines)


def paper_text(path: Path, rows: bool = False) -> str:
    """The text of the file at ``path`` (see the module doc); with ``rows``, a PDF is read row
    by row, its table cells apart (`clawback.pdf.shows.rows`), as an index must be."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError(
            f"{path.name}: not a paper clawback reads (text, PDF or DOCX: {', '.join(SUFFIXES)})"
        )
    data = path.read_bytes()
    if suffix == ".pdf" and rows:
        from clawback.pdf.shows.rows import text_rows

        return text_rows(data)
    if suffix == ".pdf":
        from clawback.pdf.shows.extract import read_pages

        return "\n".join(page.text for page in read_pages(data))
    if suffix == ".docx":
        return _docx_text(data, path.name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(f"{path.name}: not UTF-8 text") from None
