"""The trace mark: light enough to read the page through, and tiled so that any piece of the
page of the promised size holds one mark whole."""

from __future__ import annotations

import random

import numpy as np
import pymupdf
import pytest

from clawback.pdf.marks.watermark import draw, watermark, whole_mark_window
from clawback.pdf.shows.visible import unseen_text

LINES = ("TRACE MNWT-YWMH", "staff@plaintiffs.example", "served 2026-12-06 12:52 UTC")
LONG = ("TRACE MNWT-YWMH", "a.very.long.name.indeed@outside-counsel.example", "served")


def marked_page(lines: tuple[str, ...]) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "The border crossing report mentions quetzal.", fontsize=12)
    return watermark(doc.tobytes(), lines)


def whole_marks(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """Each mark drawn on ``page`` as the box around its three lines."""
    lines = [
        (pymupdf.Rect(line["bbox"]), "".join(s["text"] for s in line["spans"]))
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", [])
    ]
    marks = []
    for box, text in lines:
        if text.startswith("TRACE "):
            below = [b for b, _ in lines if abs(b.x0 - box.x0) < 0.5 and 0 < b.y0 - box.y0 < 25]
            marks.append(pymupdf.Rect(box).include_rect(below[0]).include_rect(below[-1]))
    return marks


@pytest.mark.parametrize("lines", [LINES, LONG])
def test_any_piece_of_the_promised_size_holds_a_whole_mark(lines: tuple[str, ...]) -> None:
    width, height = whole_mark_window(lines)
    with pymupdf.open(stream=marked_page(lines), filetype="pdf") as doc:
        page = doc[0]
        marks = whole_marks(page)
        assert len(marks) >= 12
        # every mark wholly on the page: nothing a viewer clips away (the gate refuses that)
        assert all(page.rect.contains(mark) for mark in marks)
        assert all(page.rect.contains(b) for b in unseen_text(page)) and unseen_text(page) == []
        pick = random.Random(16)
        for _ in range(200):
            x, y = pick.uniform(0, 612 - width), pick.uniform(0, 792 - height)
            piece = pymupdf.Rect(x, y, x + width, y + height)
            assert any(piece.contains(mark) for mark in marks), piece


def test_the_mark_is_light_and_the_page_reads_through_it() -> None:
    with pymupdf.open(stream=marked_page(LINES), filetype="pdf") as doc:
        page = doc[0]
        assert "quetzal" in page.get_text()
        shot = page.get_pixmap(dpi=72, colorspace=pymupdf.csGRAY)
        grey = np.frombuffer(shot.samples, np.uint8).reshape(shot.height, shot.width)
        box = page.search_for("The border crossing report mentions quetzal.")[0]
        x0, y0, x1, y1 = int(box.x0) - 1, int(box.y0) - 1, int(box.x1) + 2, int(box.y1) + 2
        line = grey[y0:y1, x0:x1].copy()
        grey = grey.copy()
        grey[y0:y1, x0:x1] = 255
        assert grey.min() < 250  # the marks are there
        assert grey.min() >= 160  # and never darker than a light grey
        assert line.min() <= 60  # the page's own black stays black where they cross


def test_a_picture_of_a_page_is_marked_in_place() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    blank = page.get_pixmap(dpi=36).samples
    draw(page, LINES)
    assert page.get_pixmap(dpi=36).samples != blank
    assert "TRACE MNWT-YWMH" in page.get_text()
