"""A PDF's comments said out loud: the words its annotations hold that no page's text has.

A sticky note, a typewriter comment, or a note on highlighted, underlined or struck-out text
keeps its words in the annotation, not in the page's content: search and the produced page do
not reach them, and a reader sees at most an icon. The record keeps them (in the file as
received); ingest says so, one warning per page with comments, counting them, never quoting
them (`comment_warnings`). Links, form fields, pop-up windows (each belongs to a comment
counted already), file attachments (children of the family: `ingest.embedded`) and
redaction marks (the received check reads those) are no comments.
"""

from __future__ import annotations

import pymupdf

__all__ = ["comment_warnings"]

_NOT_COMMENTS = frozenset(
    {
        pymupdf.mupdf.PDF_ANNOT_LINK,
        pymupdf.mupdf.PDF_ANNOT_WIDGET,
        pymupdf.mupdf.PDF_ANNOT_POPUP,
        pymupdf.mupdf.PDF_ANNOT_FILE_ATTACHMENT,
        pymupdf.mupdf.PDF_ANNOT_REDACT,
    }
)


def comment_warnings(doc: pymupdf.Document) -> list[str]:
    """``page 1: 2 comments (...)`` for each page with annotations holding words."""
    if not doc.has_annots():
        return []
    said = []
    for page in doc.pages():
        count = sum(
            1
            for annot in page.annots()
            if annot.type[0] not in _NOT_COMMENTS and str(annot.info.get("content", "")).strip()
        )
        if count:
            said.append(
                f"page {page.number + 1}: {count} comment{'s' if count != 1 else ''} (sticky "
                "notes, notes on marked text) whose words are in no page's text: read them in "
                "the file as received"
            )
    return said
