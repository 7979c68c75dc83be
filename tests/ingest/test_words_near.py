"""OCR's words already written are found among the characters near each word, not among every
character of the page for every word (a page read whole: thousands of each, 3 million box
tests for an e-mail of six pages). The answer must be the one the look at every character gave:
this compares the two on a dense page, with words in place, moved, misread and off the page."""

from __future__ import annotations

import random

import pymupdf

from clawback.pdf.shows.ocr_written import (
    ALREADY_THERE,
    Word,
    _middle,
    _runs_on,
    not_written,
    says,
)


def _every_character(page: pymupdf.Page, words: list[Word]) -> list[Word]:
    """`not_written` as it was, with the later `_runs_on` rule: every character's box tested
    against every word's."""
    chars = [
        (pymupdf.Rect(ch["bbox"]), ch["c"])
        for block in page.get_text("rawdict")["blocks"]
        for line in block.get("lines", ())
        for span in line["spans"]
        for ch in span["chars"]
        if not ch["c"].isspace()
    ]
    fresh = []
    for word in words:
        box = pymupdf.Rect(word.rect)
        under = [(rect, c) for rect, c in chars if box.intersects(rect)]
        covered = sum(abs(box & rect) for rect, _ in under)
        inside = "".join(c for rect, c in under if _middle(rect) in box)
        if (
            covered / max(abs(box), 1e-6) < ALREADY_THERE
            or not says(word.text, inside)
            or _runs_on(box, [rect for rect, _ in under])
        ):
            fresh.append(word)
    return fresh


def test_the_characters_near_a_word_answer_as_every_character_did() -> None:
    rng = random.Random(5)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    lines = [" ".join(rng.choice(["merger", "DB-40981", "of", "Smith"]) for _ in range(6))
             for _ in range(8)]  # fmt: skip
    page.insert_text((54, 60), "\n".join(lines), fontsize=9)
    page.insert_text((300, 400), "Tall 40981", fontsize=40)  # a tall line over others
    words = [Word(w[4], (w[0], w[1], w[2], w[3]), 90.0) for w in page.get_text("words")]
    moved = [Word(w.text, (w.rect[0] + 30, w.rect[1] + 5, w.rect[2] + 30, w.rect[3] + 5), 90.0)
             for w in rng.sample(words, 10)]  # fmt: skip
    misread = [Word("zzzz", w.rect, 90.0) for w in rng.sample(words, 10)]
    outside = [Word("edge", (600.0, 780.0, 700.0, 800.0), 90.0), Word("x", (5, 5, 5, 5), 1.0)]
    asked = words + moved + misread + outside
    fresh = not_written(page, asked)
    assert fresh == _every_character(page, asked)
    assert misread[0] in fresh and words[0] not in fresh  # the comparison can tell them apart
