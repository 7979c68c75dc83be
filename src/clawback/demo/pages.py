"""Page furniture shared by the synthetic exhibits, and turning a document into fixed bytes."""

from __future__ import annotations

import pymupdf

from clawback.demo.facts import SYNTHETIC_MARK
from clawback.demo.flow import Canvas
from clawback.demo.style import GREY, LETTER


def finish(doc: pymupdf.Document, title: str, author: str, date: str) -> bytes:
    """Set fixed metadata and return the document's bytes (no ID, no timestamps); closes it."""
    doc.set_metadata(
        {
            "title": title,
            "author": author,
            "subject": SYNTHETIC_MARK,
            "creator": "clawback demo",
            "producer": "clawback demo",
            "creationDate": date,
            "modDate": date,
        }
    )
    data: bytes = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return data


def letter_page(doc: pymupdf.Document) -> Canvas:
    """A new US Letter page with the synthetic mark in its top right corner."""
    width, height = LETTER
    page = doc.new_page(width=width, height=height)
    canvas = Canvas(page)
    canvas.text(width - 54, 34, SYNTHETIC_MARK, size=6.5, color=GREY, align="right")
    return canvas
