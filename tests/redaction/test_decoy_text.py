"""A decoy text layer: the page shows the item drawn (a picture, glyph outlines) and, at the
same place, text no viewer sees that spells almost the item (``DB-40987`` under
``DB-40981``). Ingest's OCR reads the drawn item, finds the decoy under the word it read and
takes the word as already written, since the two are alike; no pattern then finds the item.

file                     where the decoy lies                     was (produce, brief)
under_picture            live text, the picture drawn over it     LEAK: OCR; LEAK: OCR
invisible_over_picture   render mode 3 over the picture           LEAK: OCR; LEAK: OCR
white_under_outlines     white text, the outlines drawn over it   LEAK: OCR
blank_over_picture       black text over the picture in a font    LEAK: OCR
                         whose glyphs have no outlines

Measured on 544f359 (`ocr_written.not_written`: characters covering the word and `says` about
it, `SAME_WORD`, were enough). Now only text a viewer sees (`ocr_written.unseen_chars`: not
invisible, not white, not painted over) vouches for a word about as it reads; under any other
the word must be spelled to the letter, or it is written. The last file was found after that
fix: its decoy is drawn as any text is, but its glyphs draw nothing, and no reading of the
text says so. So a word on a picture or vector art (most of its box) must be spelled to the
letter too, whatever text lies there: the art may be what shows.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from functools import cache

import pymupdf
import pytest
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

from clawback.pdf.shows.ocr_written import Word, not_written
from tests.redaction.drawn import ITEM, _subset
from tests.redaction.extractors import read_by, texts
from tests.redaction.pdf_blocks import HEIGHT, _advances, _mupdf, _outline, _page, _picture, _text
from tests.redaction.volumes import Volumes, filed_without_the_item, produced_without_the_item

PLAIN = "An ordinary heading line of the exhibit"
DECOY = "DB-40987"
LINE, SIZE, X, Y = f"code {ITEM}", 14, 72.0, 500.0


def _with_picture(heading: str, before: str = "", after: str = "") -> bytes:
    """`LINE` as a picture at (X, Y), `before` drawn under it and `after` over it."""
    photo, width, height = _picture(LINE, size=SIZE)
    top = HEIGHT - Y - SIZE * 1.3
    page = _page(_text(72, 700, heading) + before)

    def draw(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        rect = pymupdf.Rect(X, top, X + width, top + height)
        page.insert_image(rect, stream=photo, keep_proportion=False)
        if after:
            page.insert_text((X + 4, HEIGHT - Y), after, fontsize=SIZE, render_mode=3)

    return _mupdf(page, draw)


def under_picture(heading: str) -> bytes:
    return _with_picture(heading, before=_text(X + 4, Y, f"code {DECOY}", size=SIZE))


def invisible_over_picture(heading: str) -> bytes:
    return _with_picture(heading, after=f"code {DECOY}")


def white_under_outlines(heading: str) -> bytes:
    scale = SIZE / 1000
    paths = "".join(
        _outline(c, scale, X + x, Y) for c, x in zip(LINE, _advances(LINE, SIZE), strict=True)
    )
    decoy = "1 g\n" + _text(X, Y, f"code {DECOY}", size=SIZE) + "0 g\n"
    return _page(_text(72, 700, heading) + decoy + paths + "f\n")


@cache
def _blank_font() -> bytes:
    """Droid Sans cut to the decoy's characters, every glyph's outline taken out."""
    font = TTFont(io.BytesIO(_subset(f"code {DECOY}")))
    glyphs = font["glyf"]
    for name in font.getGlyphOrder():
        glyphs[name] = Glyph()
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def blank_over_picture(heading: str) -> bytes:
    photo, width, height = _picture(LINE, size=SIZE)
    top = HEIGHT - Y - SIZE * 1.3
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=HEIGHT)
        page.insert_text((72, HEIGHT - 700), heading, fontsize=12)
        page.insert_image(pymupdf.Rect(X, top, X + width, top + height), stream=photo)
        page.insert_font(fontname="blank", fontbuffer=_blank_font())
        page.insert_text((X + 4, HEIGHT - Y), f"code {DECOY}", fontname="blank", fontsize=SIZE)
        return doc.tobytes(garbage=4, deflate=True)  # type: ignore[no-any-return]


FILES: dict[str, Callable[[str], bytes]] = {
    "blank_over_picture": blank_over_picture,
    "under_picture": under_picture,
    "invisible_over_picture": invisible_over_picture,
    "white_under_outlines": white_under_outlines,
}
#: The files taken out end to end, and how: one member each way (`not_written` is read by
#: both; each member's own test is the one above it).
WAYS = {"under_picture": "produced", "blank_over_picture": "filed"}


def _readers(pdf: bytes) -> list[str]:
    return read_by(pdf, ITEM)


@pytest.mark.parametrize("name", sorted(FILES))
def test_only_a_reader_of_the_render_reads_the_item(name: str) -> None:
    pdf = FILES[name](PLAIN)
    assert _readers(pdf) == ["ocr"]
    assert DECOY in texts(pdf)["pymupdf"]


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_decoy_no_one_sees_does_not_vouch_for_the_word(name: str) -> None:
    with pymupdf.open(stream=FILES[name](PLAIN)) as doc:
        page = doc[0]
        (box,) = page.search_for(DECOY)
        word = Word(ITEM, tuple(box), 90.0)
        assert not_written(page, [word]) == [word]


def test_seen_text_still_vouches_for_a_word_ocr_misread() -> None:
    """A word OCR reads a letter off from plain text is not written again."""
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_text((X, 200), f"code {DECOY}", fontsize=SIZE)
        (box,) = page.search_for(DECOY)
        assert not_written(page, [Word(ITEM, tuple(box), 90.0)]) == []


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("decoy-text"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", sorted(WAYS))
def test_taken_out_the_item_is_gone(volumes: Volumes, name: str) -> None:
    take_out = produced_without_the_item if WAYS[name] == "produced" else filed_without_the_item
    take_out(volumes, name, FILES[name], PLAIN, _readers)
