"""A highlight is a yellow shape over words, drawn to multiply with them: the words stay as
dark as they were. Ingest counted them as "under an opaque picture or shape" (the blend mode
was not looked at). A shape of normal blend over words still hides them, annotation or not."""

from __future__ import annotations

import pymupdf

from clawback.ingest.hidden import hidden_text


def _page_with(marked: str) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Highlighted words here and more")
    box = page.search_for("Highlighted words")[0]
    if marked == "highlight":
        page.add_highlight_annot(box)
    else:  # a yellow box of normal blend
        square = page.add_rect_annot(box)
        square.set_colors(stroke=(1, 1, 0), fill=(1, 1, 0))
        square.update()
    return doc.tobytes()


def test_highlighted_words_are_not_hidden() -> None:
    assert hidden_text(_page_with("highlight")) == {}


def test_words_under_an_opaque_annotation_still_are() -> None:
    assert hidden_text(_page_with("square"))[0]["covered"] == 2
