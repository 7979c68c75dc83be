"""Pictures drawn inside a tiling pattern's cell or a Type 3 glyph, hidden or shown.

MuPDF does not list such a picture as the page's, so `shows.unseen_pictures` did not try it:
a picture of the item clipped away inside a pattern cell, or inside a glyph, went out with
every file (``pdfimages`` lists it) and the gate's ``shown`` check passed it. Each file here
paints a square with the pattern (or prints one glyph of the font) on one page; the picture is
clipped away in one file and shows in the other.
"""

from __future__ import annotations

import io

import pikepdf
import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.shows.unseen_pictures import hidden_pictures, without_hidden_pictures


def _picture(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    """An 8 x 8 grey picture of stripes (not of one colour)."""
    samples = bytes((0 if (x // 2) % 2 else 255) for _ in range(8) for x in range(8))
    return pdf.make_stream(
        samples,
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=8,
        Height=8,
        ColorSpace=pikepdf.Name.DeviceGray,
        BitsPerComponent=8,
    )


#: A clip of no area, then the picture: nothing of it shows.
_HIDDEN = b"q 0 0 0 0 re W n 40 0 0 40 0 0 cm /Im0 Do Q"
_SHOWN = b"q 40 0 0 40 0 0 cm /Im0 Do Q"


def _pattern_page(cell: bytes) -> bytes:
    pdf = pikepdf.new()
    pattern = pdf.make_stream(
        cell,
        Type=pikepdf.Name.Pattern,
        PatternType=1,
        PaintType=1,
        TilingType=1,
        BBox=[0, 0, 40, 40],
        XStep=40,
        YStep=40,
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=_picture(pdf))),
    )
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 300, 300],
        Resources=pikepdf.Dictionary(Pattern=pikepdf.Dictionary(P0=pattern)),
        Contents=pdf.make_stream(b"/Pattern cs /P0 scn 50 50 120 120 re f"),
    )
    pdf.pages.append(pikepdf.Page(page))
    return _saved(pdf)


def _glyph_page(glyph: bytes) -> bytes:
    pdf = pikepdf.new()
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type3,
        FontBBox=[0, 0, 40, 40],
        FontMatrix=[0.025, 0, 0, 0.025, 0, 0],
        CharProcs=pikepdf.Dictionary(g1=pdf.make_stream(b"40 0 d0 " + glyph)),
        Encoding=pikepdf.Dictionary(Differences=[65, pikepdf.Name("/g1")]),
        FirstChar=65,
        LastChar=65,
        Widths=[40],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=_picture(pdf))),
    )
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 300, 300],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(T3=pdf.make_indirect(font))),
        Contents=pdf.make_stream(b"BT /T3 80 Tf 60 100 Td (A) Tj ET"),
    )
    pdf.pages.append(pikepdf.Page(page))
    return _saved(pdf)


def _saved(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return {
        "pattern hidden": _pattern_page(_HIDDEN),
        "pattern shown": _pattern_page(_SHOWN),
        "glyph hidden": _glyph_page(_HIDDEN),
        "glyph shown": _glyph_page(_SHOWN),
    }


@pytest.mark.parametrize("where", ["pattern", "glyph"])
def test_a_picture_hidden_inside_is_found_and_taken_out(
    where: str, files: dict[str, bytes]
) -> None:
    pdf = files[f"{where} hidden"]
    with pymupdf.open(stream=pdf) as doc:
        assert [info[0] for info in doc[0].get_images()] == []  # MuPDF does not list it
        assert list(hidden_pictures(doc)) == [0]
        before = doc[0].get_pixmap(dpi=36).samples
        cleared = without_hidden_pictures(pdf, doc)
    assert cleared is not None and cleared[1] == [(0, 1)]
    with pymupdf.open(stream=cleared[0]) as doc:
        assert hidden_pictures(doc) == {}
        assert doc[0].get_pixmap(dpi=36).samples == before
    shown = verify(pdf, [], xray=False, ocr=False)
    assert [(f.page, f.check) for f in shown] == [(0, "shown")]


@pytest.mark.parametrize("where", ["pattern", "glyph"])
def test_a_picture_shown_inside_is_kept(where: str, files: dict[str, bytes]) -> None:
    with pymupdf.open(stream=files[f"{where} shown"]) as doc:
        assert hidden_pictures(doc) == {}
        assert without_hidden_pictures(files[f"{where} shown"], doc) is None
