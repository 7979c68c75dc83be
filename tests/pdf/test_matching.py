"""Finding a pattern in what a page shows: each rule of `pdf.shows.matching`, one row each, and
the match mapped back to the page's own glyphs."""

from __future__ import annotations

import re

import pymupdf
import pytest

from clawback.pdf.shows.matching import find, literal, masked, normal, text_spans

CODE = re.compile(r"QX-\d{4}-ZEBRA")
NAME = re.compile("Rosalind Okonkwo")


def page_with(*lines: tuple[float, float, str], size: float = 11) -> bytes:
    """A page with each line written in MuPDF's own Helvetica program, embedded whole (so
    dashes and other characters outside the simple encoding are written as they are)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="F0", fontbuffer=pymupdf.Font("helv").buffer)
    for x, y, text in lines:
        page.insert_text((x, y), text, fontsize=size, fontname="F0")
    data: bytes = doc.tobytes()
    doc.close()
    return data


def matches(pdf: bytes, pattern: re.Pattern[str]) -> list[str]:
    with pymupdf.open(stream=pdf) as doc:
        return [m.text for m in find(doc[0], pattern)]


CASES = [
    ("plain", [(72, 100, "ref QX-4417-ZEBRA end")], CODE, ["QX-4417-ZEBRA"]),
    ("lower case", [(72, 100, "ref qx-4417-zebra end")], CODE, ["qx-4417-zebra"]),
    ("en dashes", [(72, 100, "ref QX\u20134417\u2013ZEBRA")], CODE, ["QX\u20134417\u2013ZEBRA"]),
    ("minus signs", [(72, 100, "QX\u22124417\u2212ZEBRA")], CODE, ["QX\u22124417\u2212ZEBRA"]),
    ("wrapped at the hyphen", [(300, 100, "ref QX-"), (72, 114, "4417-ZEBRA x")], CODE,
     ["QX-\n4417-ZEBRA"]),
    ("name over two lines", [(300, 100, "to Rosalind"), (72, 114, "Okonkwo, re")], NAME,
     ["Rosalind\nOkonkwo"]),
    ("name hyphenated", [(300, 100, "to Rosa-"), (72, 114, "lind Okonkwo")], NAME,
     ["Rosa\nlind Okonkwo"]),  # the line-end hyphen is read through, not matched
    ("no match", [(72, 100, "nothing to see QX-44-ZEBRA")], CODE, []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "pattern", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_reading_of_a_page(
    lines: list[tuple[float, float, str]], pattern: re.Pattern[str], expected: list[str]
) -> None:
    assert matches(page_with(*lines), pattern) == expected


def test_normal_folds_lookalikes_widths_and_ligatures() -> None:
    assert normal("Q\u0425-4417-Z\u0415BRA") == "QX-4417-ZEBRA"  # Cyrillic Ha and Ie
    assert normal("\uff31\uff38\uff0d\uff14") == "QX-4"  # full-width forms
    assert normal("Gri\ufb03n") == "Griffin"  # the ffi ligature
    assert normal("QX\u20114417") == "QX-4417"  # non-breaking hyphen


def test_letters_spaced_out_read_as_a_word() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    x = 72.0
    for word in ("Rosalind", "Okonkwo"):
        for ch in word:
            page.insert_text((x, 100), ch, fontsize=11)
            x += pymupdf.get_text_length(ch, fontsize=11) + 4  # 4 pt between letters
        x += 12  # a wider gap between the words
    data = doc.tobytes()
    with pymupdf.open(stream=data) as reopened:
        found = find(reopened[0], NAME)
    assert len(found) == 1 and found[0].found.lower() == "rosalind okonkwo"


def test_glyphs_drawn_out_of_order_read_in_reading_order() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    word = "Rosalind Okonkwo"
    xs, x = [], 72.0
    for ch in word:
        xs.append(x)
        x += pymupdf.get_text_length(ch, fontsize=11)
    for i in [5, 0, 12, 3, 9, 1, 14, 7, 2, 11, 4, 15, 6, 10, 13, 8]:  # each glyph on its own
        page.insert_text((xs[i], 100), word[i], fontsize=11)
    data = doc.tobytes()
    with pymupdf.open(stream=data) as reopened:
        found = find(reopened[0], NAME)
    assert [m.found for m in found] == ["Rosalind Okonkwo"]
    ((_, box),) = found[0].pieces
    assert box[0] == pytest.approx(72, abs=0.5) and box[2] == pytest.approx(x, abs=0.5)


def test_a_match_maps_back_to_its_glyphs() -> None:
    (match,) = (
        m for m in find(pymupdf.open(stream=page_with((72, 100, "ref QX-4417-ZEBRA end")))[0], CODE)
    )
    ((text, (x0, _, x1, _)),) = match.pieces
    start = 72 + pymupdf.get_text_length("ref ", fontsize=11)
    assert text == "QX-4417-ZEBRA"
    assert x0 == pytest.approx(start, abs=0.5)
    assert x1 == pytest.approx(start + pymupdf.get_text_length(text, fontsize=11), abs=0.5)


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("Code QX-4417-ZEBRA here.", "Code [R] here."),
        ("Code qx-4417-zebra here.", "Code [R] here."),
        ("Code QX\u20114417\u2013ZEBRA here.", "Code [R] here."),  # look-alike dashes
        ("Code Q\u0425-4417-\u0396EBRA here.", "Code [R] here."),  # Cyrillic Ha, Greek Zeta
        ("Code QX-\n4417-ZEBRA here.", "Code [R] here."),  # wrapped at its hyphen
        ("Code QX-44-\n17-ZEBRA here.", "Code [R] here."),  # hyphenated at a line end
        ("Code QX-4417-ZEBRA and QX-4417-ZEBRA.", "Code [R] and [R]."),
        ("Code QX-4417-ZEBR here.", "Code QX-4417-ZEBR here."),  # not the secret
    ],
)
def test_stored_text_is_masked_in_every_reading(stored: str, expected: str) -> None:
    assert masked(stored, "QX-4417-ZEBRA", "[R]") == expected


def test_a_phrase_is_found_across_a_line_break_and_its_span_is_the_stored_text() -> None:
    stored = "for compelling\n   reasons the court"
    [(start, end)] = text_spans(stored, literal("Compelling Reasons"))
    assert stored[start:end] == "compelling\n   reasons"
