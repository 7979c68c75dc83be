"""A one-page stand-in for a file that has no page form of its own (a spreadsheet, a sound)."""

from __future__ import annotations

import pymupdf

from clawback.pdf.files.document import save_clean


def placeholder(lines: list[str]) -> bytes:
    """A US Letter page carrying ``lines``, centred, in the clean form every output takes."""
    doc = pymupdf.open()
    try:
        page = doc.new_page(width=612, height=792)
        box = pymupdf.Rect(72, 300, 540, 500)
        page.insert_textbox(box, "\n".join(lines), fontsize=12, align=pymupdf.TEXT_ALIGN_CENTER)
        doc.set_metadata({})
        return save_clean(doc)
    finally:
        doc.close()


def slip_sheet(reason: str, bates_range: str, pages: int) -> bytes:
    """The one page that stands in a production for a withheld document: the reason (e.g.
    "Withheld - privileged", any Unicode) and the whole Bates range the document keeps."""
    if not reason.strip():
        raise ValueError("a slip sheet needs a reason")
    noun = "page" if pages == 1 else "pages"
    lines = [reason.strip(), "", f"Bates {bates_range}", f"({pages} {noun} withheld)"]
    doc = pymupdf.open()
    try:
        page = doc.new_page(width=612, height=792)
        writer = pymupdf.TextWriter(page.rect)
        writer.fill_textbox(
            pymupdf.Rect(72, 300, 540, 500),
            "\n".join(lines),
            font=pymupdf.Font("helv"),
            fontsize=14,
            align=pymupdf.TEXT_ALIGN_CENTER,
        )
        writer.write_text(page)
        doc.set_metadata({})
        return save_clean(doc)
    finally:
        doc.close()
