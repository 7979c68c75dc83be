"""An item the page prints but its text layer writes otherwise (`tests.redaction.drawn`): each
page prints ``DB-40981`` once plainly and once more in a form no text reader reads as the
item. Before, the plain copy was boxed, the other left printed, `check_gone` passed and the
gate passed too: the eye (and OCR) still read the item in the finished file. Now the redaction
is refused where the page's own text can tell (a composite font whose program says which
character each glyph is; a space whose advance is taken back), and the gate's OCR reads the
page where it cannot (a composite font whose program does not say)."""

from __future__ import annotations

import re

import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.produced import hits_on
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, RedactionError, redact
from clawback.pdf.shows.lying import lying_fonts, unchecked_fonts
from tests.redaction.drawn import ITEM, composite, kerned
from tests.redaction.extractors import contains, found_in, ocr, texts

ITEMS = [Redaction(page=0, reason="REDACTED", text=ITEM, label="c1")]


def test_the_second_copies_are_printed_and_not_written() -> None:
    """The pages are fair: OCR reads the second copy, MuPDF (the redactor's reader) does not."""
    for pdf in (composite(cmap=True), composite(cmap=False), kerned()):
        assert f"ref {ITEM} again" in ocr(pdf)
        assert texts(pdf)["pymupdf"].count(ITEM) == 1


def test_a_composite_font_whose_map_lies_is_named_by_its_program() -> None:
    with pymupdf.open(stream=composite(cmap=True)) as doc:
        assert lying_fonts(doc[0]) == ["cid"]
    with pymupdf.open(stream=composite(cmap=True, lies={})) as doc:
        assert lying_fonts(doc[0]) == []


def test_only_a_composite_font_whose_program_cannot_confirm_its_map_is_unchecked() -> None:
    """What the gate reads by OCR: a program without a cmap confirms nothing, honest or not."""
    for cmap, lies, named in [(True, {}, []), (True, None, []), (False, {}, ["cid"])]:
        with pymupdf.open(stream=composite(cmap=cmap, lies=lies)) as doc:
            assert unchecked_fonts(doc[0]) == named


def test_a_text_redaction_on_a_page_with_a_lying_composite_font_is_refused() -> None:
    with pytest.raises(RedactionError, match=r"page 1: font cid reads as other letters"):
        redact(composite(cmap=True), ITEMS, WIDTH_POLICY)


def test_an_honest_composite_font_is_redacted_in_both_copies() -> None:
    done = redact(composite(cmap=True, lies={}), ITEMS, WIDTH_POLICY)
    assert len(done.boxes) == 2
    assert not found_in(texts(done.pdf), ITEM)


def test_a_lying_composite_font_the_program_cannot_check_is_read_by_the_gate() -> None:
    """Its program has no cmap: nothing says which character a glyph is, so the redactor boxes
    the plain copy; the gate's OCR then reads the copy left printed, and refuses the file."""
    done = redact(composite(cmap=False), ITEMS, WIDTH_POLICY)
    assert contains(ocr(done.pdf), ITEM)  # the leak the gate must see
    findings = verify(done.pdf, [("c1", ITEM)], boxes=done.boxes, xray=False)
    assert [f.check for f in findings if f.check == "ocr"] == ["ocr"]
    assert ITEM not in " ".join(str(f) for f in findings)


def test_a_copy_with_a_space_taken_back_is_refused() -> None:
    with pytest.raises(RedactionError, match=r"item 'c1': \d+ of its characters on page 1"):
        redact(kerned(), ITEMS, WIDTH_POLICY)


def test_a_pattern_boxes_the_copy_with_a_space_taken_back() -> None:
    """``produce --redact-pattern`` reads the glyphs' spacing and matches both copies; the
    second was handed to the redactor by its written text, which the search found only at
    the first copy (so the second was dropped as a repeat): now it is taken by its box."""
    pdf = kerned()
    hits = hits_on(pdf, re.compile(r"DB-\d{5}"))
    assert len(hits) == 2
    items = [
        Redaction(
            page=0,
            reason="REDACTED",
            text=hit.get("text"),
            rect=tuple(hit["rect"]) if "rect" in hit else None,
            label=f"hit {n}",
        )
        for n, hit in enumerate(hits, start=1)
    ]
    done = redact(pdf, items, WIDTH_POLICY)
    assert not found_in(texts(done.pdf), ITEM)
    assert not contains(ocr(done.pdf), ITEM)
    assert "again" in texts(done.pdf)["pymupdf"]  # the rest of its line kept
