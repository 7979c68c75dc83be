"""A line that ends in a hyphen must not move the boxes of text below it.

MuPDF's search joins a word hyphenated at a line's end (``TEXT_DEHYPHENATE``) and then reports
the places of the text after it one character to the left: a box for ``DB-40981`` two lines
under ``... SSN 555-44-`` covered `` DB-4098`` and left the ``1`` printed, and nothing checked
the single character left. Found by the FRCP 5.2(a) cuts (tests/redaction/test_privacy_cuts.py);
the class is every text item on a page with a hyphenated line above it in the same block."""

from __future__ import annotations

from typing import Any

import pymupdf
import pytest

from clawback.pdf.redaction.redact import Redaction, RedactionError, redact
from clawback.pdf.shows.locate import find_text_rects

LINES = [
    "The second claimant, SSN 555-44-",
    "3333, signed the release, and the well-",
    "known code DB-40981 was entered",
]


def _page() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for n, line in enumerate(LINES):
        page.insert_text((72, 100 + 22 * n), line, fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


def _under(page: pymupdf.Page, rect: pymupdf.Rect) -> str:
    """The characters whose middle lies inside ``rect``."""
    chars = [
        c
        for block in page.get_text("rawdict")["blocks"]
        for line in block.get("lines", ())
        for span in line["spans"]
        for c in span["chars"]
    ]
    return "".join(
        c["c"]
        for c in chars
        if rect.x0 <= (c["bbox"][0] + c["bbox"][2]) / 2 <= rect.x1
        and rect.y0 <= (c["bbox"][1] + c["bbox"][3]) / 2 <= rect.y1
    )


def test_the_box_covers_exactly_the_text_under_a_hyphenated_line() -> None:
    with pymupdf.open(stream=_page(), filetype="pdf") as doc:
        rects = find_text_rects(doc[0], "DB-40981")
        assert [_under(doc[0], r) for r in rects] == ["DB-40981"]


def test_no_character_of_the_item_is_left_printed() -> None:
    result = redact(_page(), [Redaction(page=0, reason="REDACTED", text="DB-40981", label="c1")])
    with pymupdf.open(stream=result.pdf, filetype="pdf") as doc:
        shown = doc[0].get_text()
    assert "known code" in shown and "was entered" in shown
    assert "1 was" not in shown and "DB" not in shown and "40981" not in shown


def test_a_box_placed_beside_its_text_is_refused_before_anything_is_removed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The net under the search: whatever places a box (here the search as MuPDF gave it with
    hyphenated words joined, one character short per joined hyphen), the characters spelling
    the item are found again from the page's own characters and must all lie under a box."""
    from clawback.pdf.redaction import redact as redact_module

    def joined(page: pymupdf.Page, text: str, replacement_text: bool = True) -> list[Any]:
        return list(page.search_for(text, flags=pymupdf.TEXTFLAGS_SEARCH))

    monkeypatch.setattr(redact_module, "find_text_rects", joined)
    with pytest.raises(RedactionError, match=r"item 'c1': \d of its characters on page 1"):
        redact(_page(), [Redaction(page=0, reason="REDACTED", text="DB-40981", label="c1")])
