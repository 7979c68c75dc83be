"""The files a PDF carries inside it: embedded files (the ``/EmbeddedFiles`` name tree) and
file-attachment notes on its pages. Taken out of a received record as documents of their own
(`service.received_children`), each under its own designation, they leave the record's copy
as it is handed out (`without_enclosed`): a file held back apart from its record reached, in
the record, a reader its tier withholds it from."""

from __future__ import annotations

import pymupdf

from clawback.pdf.files.document import open_pdf, save_clean

__all__ = ["without_enclosed"]

_FILE_ATTACHMENT = pymupdf.mupdf.PDF_ANNOT_FILE_ATTACHMENT


def without_enclosed(pdf: bytes) -> bytes:
    """``pdf`` with no embedded file and no file-attachment note, its pages otherwise as they
    are; the bytes given back unchanged when it carries none."""
    with open_pdf(pdf) as doc:
        names = list(doc.embfile_names())
        notes = [
            (number, annot.xref)
            for number in range(doc.page_count)
            for annot in doc[number].annots(types=[_FILE_ATTACHMENT])
        ]
        if not names and not notes:
            return pdf
        for name in names:
            doc.embfile_del(name)
        for number, xref in notes:
            page = doc[number]
            found = page.load_annot(xref)
            if found is not None:
                page.delete_annot(found)
        return save_clean(doc)
