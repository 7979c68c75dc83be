"""A one-page stand-in for a file that has no page form of its own (a spreadsheet, a sound)."""

from __future__ import annotations

import pymupdf

from clawback.pdf.document import save_clean


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
