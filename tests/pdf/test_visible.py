"""The working copy ingest makes: only what a viewer shows (`pdf.shows.visible`), checked on
the adversarial corpus's hidden channels and on files that must come back unchanged."""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.shows import visible
from clawback.pdf.shows.visible import visible_copy
from tests.redaction.adversarial import CODE, CORPUS
from tests.redaction.extractors import contains, texts

HIDDEN = [
    ("leak_hidden_ocg_layer", "hidden_layers"),
    ("leak_ocmd_membership", "hidden_layers"),
    ("leak_outside_cropbox", "unseen_characters"),
    ("leak_off_mediabox", "unseen_characters"),
    ("leak_clipped_away", "unseen_characters"),
]


def render(pdf: bytes) -> bytes:
    with pymupdf.open(stream=pdf) as doc:
        samples: bytes = doc[0].get_pixmap(dpi=50).samples
        return samples


@pytest.mark.parametrize(("name", "what"), HIDDEN)
def test_what_no_viewer_shows_is_taken_out(name: str, what: str) -> None:
    original = CORPUS[name].build()
    copy, removed = visible_copy(original)
    assert getattr(removed, what) > 0
    readers = texts(copy)
    assert not [r for r, text in readers.items() if contains(text, CODE)], readers.keys()
    with pymupdf.open(stream=copy) as doc:
        assert "Field report 7" in doc[0].get_text()  # the page's own text stays
    if name != "leak_ocmd_membership":  # MuPDF draws what the membership hides (spec: hidden)
        assert render(copy) == render(original)


def test_replacement_text_gives_way_to_the_glyphs() -> None:
    copy, removed = visible_copy(CORPUS["leak_actualtext_masks_secret"].build())
    assert removed.replacement_texts == 1
    with pymupdf.open(stream=copy) as doc:
        assert CODE in doc[0].get_text() and "schedule B" not in doc[0].get_text()


def test_alt_text_goes_with_no_actualtext_in_the_file() -> None:
    """An /Alt in the structure tree and no /ActualText anywhere: dropped all the same."""
    specimen = CORPUS["leak_structure_alt_text"]
    assert specimen.secret is not None
    copy, removed = visible_copy(specimen.build())
    assert removed.replacement_texts >= 1
    with pymupdf.open(stream=copy) as doc:
        sources = [doc.xref_object(x, compressed=True) for x in range(1, doc.xref_length())]
    assert not any("/Alt" in source for source in sources)


@pytest.mark.parametrize("name", ["good_plain_code", "good_no_secret", "leak_white_on_white"])
def test_a_file_with_nothing_hidden_comes_back_the_same(name: str) -> None:
    original = CORPUS[name].build()
    assert visible_copy(original) == (original, visible_copy(original)[1])
    assert not visible_copy(original)[1]


def test_a_layer_that_is_on_stays() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    shown = doc.add_ocg("shown", on=True)
    hidden = doc.add_ocg("hidden", on=False)
    page.insert_text((72, 100), "on layer text", oc=shown)
    page.insert_text((72, 130), "off layer text", oc=hidden)
    copy, removed = visible_copy(doc.tobytes())
    with pymupdf.open(stream=copy) as reopened:
        text = reopened[0].get_text()
        assert reopened.get_ocgs() == {}  # nothing optional any more
    assert removed.hidden_layers == 1
    assert "on layer text" in text and "off layer text" not in text


@pytest.mark.parametrize(("name", "what"), HIDDEN)
def test_the_gate_refuses_what_no_viewer_shows_and_passes_the_visible_copy(
    name: str, what: str
) -> None:
    """Gate check (l): the file as built carries a layer or text no viewer shows, named by
    page (or by file, for a layer); its visible copy carries neither."""
    original = CORPUS[name].build()
    found = [f for f in verify(original, [], xray=False) if f.check == "shown"]
    assert found, name
    assert CODE not in " ".join(f.detail for f in found)
    assert all(f.page in (None, 0) for f in found)
    copy, _ = visible_copy(original)
    assert [f for f in verify(copy, [], xray=False) if f.check == "shown"] == []


def _full_path(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """What `unseen_text` finds with its pre-check skipped: every page through the slow path."""
    return visible._unseen(page, visible._chars(page, visible._SHOWN), page.get_texttrace())


def _edge_cases() -> bytes:
    """Pages the pre-check must send on: a space clipped away between two words, a character
    half off the right edge, one a hair inside, and one drawn with a zero-size box."""
    doc = pymupdf.open()
    clipped = doc.new_page(width=300, height=200)
    clipped.insert_text((20, 100), "left", fontname="helv")
    stream = (
        b"q 200 0 100 200 re W n BT /helv 12 Tf 1 0 0 1 42 100 Tm ( ) Tj ET Q "
        b"BT /helv 12 Tf 1 0 0 1 60 100 Tm (right) Tj ET"
    )
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, stream)
    (first,) = clipped.get_contents()
    doc.xref_set_key(clipped.xref, "Contents", f"[{first} 0 R {xref} 0 R]")
    doc.new_page(width=300, height=200).insert_text((292, 100), "XY")  # half off the edge
    doc.new_page(width=300, height=200).insert_text((280, 100), "ok")  # a hair inside
    doc.new_page(width=300, height=200).insert_text((20, 100), "flat", fontsize=0.0001)
    return doc.tobytes()


def test_the_pre_check_passes_no_page_the_full_path_would_change() -> None:
    """`_all_shown` lets a page skip the per-character comparison; on every corpus page and the
    edge cases it may say so only where the full comparison finds nothing to take out."""
    files = [s.build() for s in CORPUS.values()] + [_edge_cases()]
    skipped = sent = 0
    for pdf in files:
        with pymupdf.open(stream=pdf) as doc:
            for page in doc:
                full = _full_path(page)
                if visible._all_shown(page, page.get_texttrace()):
                    assert full == [], (page.parent.name, page.number)
                    skipped += 1
                else:
                    sent += 1
                assert visible.unseen_text(page) == full
    assert skipped and sent  # both ways are exercised
