"""`lying_fonts` names a font whose /ToUnicode reads its letter and digit glyphs as other
letters or digits, and no other: an honest map, a ligature mapped to two letters, a font with
no /Encoding (its program's own codes) and a font with no map are all left alone."""

from __future__ import annotations

import io

import pikepdf
import pymupdf
import pytest

from clawback.pdf.shows.lying import lying_fonts

HONEST = "1 beginbfrange <20> <7E> <0020> endbfrange\n"
LIGATURE = HONEST + "1 beginbfchar <30> <00660069> endbfchar\n"  # '0' read as 'fi'
LYING = HONEST + "2 beginbfchar <30> <004F> <31> <006C> endbfchar\n"  # '0' as 'O', '1' as 'l'
#: The same lie told by a range with one destination per code, and by ranges on one line.
LYING_ARRAY = HONEST + "1 beginbfrange <30> <31> [<004F> <006C>] endbfrange\n"
LYING_ONE_LINE = "3 beginbfrange <20> <2F> <0020> <30> <30> <004F> <31> <7E> <0031> endbfrange\n"


def _page(cmap: str | None, encoding: bool = True) -> bytes:
    pdf = pikepdf.new()
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    if encoding:
        font.Encoding = pikepdf.Name.WinAnsiEncoding
    if cmap is not None:
        body = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            f"{cmap}endcmap CMapName currentdict /CMap defineresource pop end end\n"
        )
        font.ToUnicode = pdf.make_stream(body.encode("ascii"))
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=pikepdf.Array([0, 0, 612, 792]),
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary({"/F1": pdf.make_indirect(font)})),
        Contents=pdf.make_stream(b"BT /F1 11 Tf 72 692 Td (code DB-40981) Tj ET\n"),
    )
    pdf.pages.append(pikepdf.Page(page))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("cmap", "encoding", "named"),
    [
        (LYING, True, ["F1"]),
        (LYING_ARRAY, True, ["F1"]),
        (LYING_ONE_LINE, True, ["F1"]),
        (HONEST, True, []),
        (LIGATURE, True, []),
        (LYING, False, []),  # no /Encoding: codes name glyphs the program's own way
        (None, True, []),
    ],
)
def test_only_a_map_that_reads_letters_or_digits_as_others_is_named(
    cmap: str | None, encoding: bool, named: list[str]
) -> None:
    with pymupdf.open(stream=_page(cmap, encoding), filetype="pdf") as doc:
        assert lying_fonts(doc[0]) == named


@pytest.mark.parametrize("cmap", [LYING, LYING_ARRAY, LYING_ONE_LINE])
def test_each_lying_map_is_read_by_mupdf_as_it_lies(cmap: str) -> None:
    with pymupdf.open(stream=_page(cmap), filetype="pdf") as doc:
        assert "DB-4O98" in doc[0].get_text()
