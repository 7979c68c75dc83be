"""A simple font without an /Encoding (a symbolic TrueType subset) names each code's glyph by
its program's own ``cmap``, not by any encoding `lying.lying_fonts` reads, so a /ToUnicode
that reads the glyph of ``0`` as ``O`` and of ``1`` as ``l`` went unseen: every reader
extracts ``DB-4O98l`` where the page prints ``DB-40981``.

file                  what it is                                      was (produce)
symbolic_truetype     ``Ref. DB-40981``, the item in such a font      LEAK: OCR

Measured on 544f359: neither lying (no encoding to compare) nor unchecked (only composite
fonts were), the page drew only text, so ingest's OCR did not read it and no pattern found
the item. Now such a font is unchecked (`lying.unchecked_fonts`) unless its program says each
code's glyph is the character the map reads (the code looked up in the program's ``cmap`` as
MuPDF looks it up, the map's character in its Unicode table), and its page is read whole.
"""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf
import pymupdf
import pytest

from clawback.pdf.shows.lying import lying_fonts, unchecked_fonts
from tests.redaction import pdf_blocks
from tests.redaction.drawn import ITEM, LIES, _cmap, _subset
from tests.redaction.extractors import contains, found_in, ocr, texts
from tests.redaction.volumes import Volumes, produced_without_the_item

PLAIN = "An ordinary heading line of the exhibit"


def symbolic_truetype(heading: str, lies: dict[str, str] = LIES) -> bytes:
    """`heading` in Helvetica; ``Ref.`` and the item in a TrueType font (Droid Sans cut to the
    item's glyphs) without an /Encoding, its /ToUnicode reading each glyph of `lies` as
    another character."""
    chars = sorted(set(ITEM))
    pairs = "".join(f"<{ord(c):02X}> <{ord(lies.get(c, c)):04X}>\n" for c in chars)
    body = _cmap(pairs, len(chars)).replace("<0000> <FFFF>", "<00> <FF>")

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        descriptor = pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor,
            FontName=pikepdf.Name("/Plain"),
            Flags=4,
            FontBBox=[0, -250, 1000, 1000],
            ItalicAngle=0,
            Ascent=900,
            Descent=-250,
            CapHeight=700,
            StemV=80,
            FontFile2=pdf.make_stream(_subset(ITEM)),
        )
        resources.Font.TT = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.TrueType,
                BaseFont=pikepdf.Name("/Plain"),
                FontDescriptor=pdf.make_indirect(descriptor),
                ToUnicode=pdf.make_stream(body.encode("ascii")),
            )
        )

    content = (
        pdf_blocks._text(72, 700, heading)
        + pdf_blocks._text(72, 500, "Ref.")
        + f"BT /TT 14 Tf 110 500 Td ({ITEM}) Tj ET\n"
    )
    return pdf_blocks._page(content, setup)


def _readers(pdf: bytes) -> list[str]:
    readers = found_in(texts(pdf), ITEM)
    return [*readers, "ocr"] if contains(ocr(pdf), ITEM) else readers


def test_only_a_reader_of_the_render_reads_the_item() -> None:
    """(And a reader of the content stream's codes, which are the item's ASCII.)"""
    assert _readers(symbolic_truetype(PLAIN)) == ["objects", "ocr"]


def test_the_font_is_unchecked_and_an_honest_one_is_not() -> None:
    with pymupdf.open(stream=symbolic_truetype(PLAIN)) as doc:
        assert (unchecked_fonts(doc[0]), lying_fonts(doc[0])) == (["TT"], [])
    with pymupdf.open(stream=symbolic_truetype(PLAIN, lies={})) as doc:
        assert unchecked_fonts(doc[0]) == []


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("symbolic-fonts"))
    yield made
    made.close()


@pytest.mark.xray
def test_produced_with_the_pattern_the_item_is_gone(volumes: Volumes) -> None:
    produced_without_the_item(volumes, "symbolic_truetype", symbolic_truetype, PLAIN, _readers)
