"""A white-out: a "redaction" made by painting a white box over the text on a white page. The
reader sees a blank, as if the words were never there, and every extractor still reads them.
Before, the box check looked for dark boxes only and said nothing; now it reports the white
box (where, how many characters; never the text), and leaves alone a white box drawn first as
a background, or one over no text."""

from __future__ import annotations

import pymupdf

from clawback.pdf.received.received_check import boxes_over_text

LINE = "privileged code DB-40981 was entered"


def _page(box_first: bool = False, over: str = "DB-40981") -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    hit = pymupdf.Rect(72, 100, 72, 100)
    if over:
        start = pymupdf.get_text_length(LINE[: LINE.index(over)], fontsize=11)
        width = pymupdf.get_text_length(over, fontsize=11)
        hit = pymupdf.Rect(72 + start - 1, 88, 72 + start + width + 1, 104)
    if box_first:
        page.draw_rect(hit, color=None, fill=(1, 1, 1))
    page.insert_text((72, 100), LINE, fontsize=11)
    if not box_first:
        page.draw_rect(
            hit if over else pymupdf.Rect(300, 400, 400, 420), color=None, fill=(1, 1, 1)
        )
    data: bytes = doc.tobytes()
    doc.close()
    return data


def test_a_white_box_over_text_is_reported_without_its_text() -> None:
    pdf = _page()
    with pymupdf.open(stream=pdf) as doc:
        assert "DB-40981" in doc[0].get_text()  # still in the file
        shown = doc[0].get_pixmap(dpi=72, clip=(60, 80, 300, 110), colorspace=pymupdf.csGRAY)
    (found,) = boxes_over_text(pdf)
    assert "white" in found.what and found.characters == 8 and found.text is None
    assert boxes_over_text(pdf, with_text=True)[0].text == "DB-40981"
    assert min(shown.samples) < 128  # the rest of the line is printed


def test_a_white_background_or_a_white_box_over_nothing_is_not() -> None:
    assert boxes_over_text(_page(box_first=True)) == []
    assert boxes_over_text(_page(over="")) == []
