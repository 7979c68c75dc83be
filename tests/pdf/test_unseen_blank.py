"""How `shows.unseen_pictures` blanks a picture to tell whether it shows: the picture's object
rewritten to paint nothing must leave the page exactly as the page drawn without the picture
(else a hidden picture would pass as seen, or a seen one be taken out at ingest)."""

from __future__ import annotations

import io
import re

import pymupdf
from PIL import Image

from clawback.pdf.shows.unseen_pictures import _paint_nothing, _render, hidden_pictures


def _jpeg() -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (60, 40), (20, 40, 90))
    image.paste((230, 200, 120), (10, 10, 30, 30))  # not of one colour: one is never tried
    image.save(out, "JPEG")
    return out.getvalue()


def _page(covered: bool) -> pymupdf.Document:
    """A page with a caption and a dark picture; with `covered`, an opaque white box is
    painted over the picture (no viewer sees it)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Exhibit photo", fontsize=11)
    page.insert_image(pymupdf.Rect(72, 150, 300, 300), stream=_jpeg())
    if covered:
        page.draw_rect(pymupdf.Rect(60, 140, 320, 320), color=None, fill=(1, 1, 1))
    return doc


def test_a_blanked_picture_draws_as_the_page_without_it() -> None:
    with _page(covered=False) as doc, _page(covered=False) as bare:
        (xref,) = [info[0] for info in doc[0].get_images(full=True)]
        _paint_nothing(doc, xref)
        bare[0].clean_contents()
        without = re.sub(rb"/\w+ Do", b"", bare[0].read_contents())  # the picture not drawn
        assert without != bare[0].read_contents()
        bare.update_stream(bare[0].get_contents()[0], without)
        assert _render(doc[0]) == _render(bare[0])
        assert _render(doc[0]) != _render(_page(covered=False)[0])  # the picture did show


def test_a_covered_picture_is_hidden_and_a_shown_one_is_not() -> None:
    with _page(covered=True) as covered, _page(covered=False) as shown:
        assert list(hidden_pictures(covered)) == [0]
        assert hidden_pictures(shown) == {}
