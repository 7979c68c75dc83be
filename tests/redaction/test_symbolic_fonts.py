"""A simple font without an /Encoding names each code's glyph by its program: a symbolic
TrueType subset by its ``cmap``, a Type 1 or CFF program by its built-in encoding; not by any
encoding `lying.lying_fonts` read. So a /ToUnicode that reads the glyph of ``0`` as ``O`` and of
``1`` as ``l`` went unseen: every reader extracts ``DB-4O98l`` where the page prints
``DB-40981``.

file                  the item set in                                     was (produce)
symbolic_truetype     a TrueType subset (Droid Sans), no /Encoding        LEAK: OCR
builtin_cff           a CFF program (Nimbus Sans), its built-in encoding  LEAK: OCR

Measured on 544f359: neither font lying (no encoding to compare) nor unchecked (only composite
fonts were), the page drew only text, so ingest's OCR did not read it and no pattern found the
item. Now the TrueType font is unchecked (`lying.unchecked_fonts`) unless its program says each
code's glyph is the character the map reads (the code looked up in the program's ``cmap`` as
MuPDF looks it up, the map's character in its Unicode table), and its page is read whole; the
CFF program's built-in encoding is read as an /Encoding is, so the font lies and the
production is refused in one line naming the page.
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


def builtin_cff(heading: str, lies: dict[str, str] = LIES) -> bytes:
    """As `symbolic_truetype`, the font a Type 1 one of MuPDF's Nimbus Sans CFF program (its
    built-in encoding the standard one)."""
    chars = sorted(set(ITEM))
    pairs = "".join(f"<{ord(c):02X}> <{ord(lies.get(c, c)):04X}>\n" for c in chars)
    body = _cmap(pairs, len(chars)).replace("<0000> <FFFF>", "<00> <FF>")
    program = pymupdf.Font("helv").buffer

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
            FontFile3=pdf.make_stream(program, Subtype=pikepdf.Name.Type1C),
        )
        resources.Font.TT = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.Type1,
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


FILES = {"symbolic_truetype": symbolic_truetype, "builtin_cff": builtin_cff}


def _readers(pdf: bytes) -> list[str]:
    readers = found_in(texts(pdf), ITEM)
    return [*readers, "ocr"] if contains(ocr(pdf), ITEM) else readers


@pytest.mark.parametrize("name", sorted(FILES))
def test_only_a_reader_of_the_render_reads_the_item(name: str) -> None:
    """(And a reader of the content stream's codes, which are the item's ASCII.)"""
    assert _readers(FILES[name](PLAIN)) == ["objects", "ocr"]


def test_the_truetype_font_is_unchecked_and_an_honest_one_is_not() -> None:
    with pymupdf.open(stream=symbolic_truetype(PLAIN)) as doc:
        assert (unchecked_fonts(doc[0]), lying_fonts(doc[0])) == (["TT"], [])
    with pymupdf.open(stream=symbolic_truetype(PLAIN, lies={})) as doc:
        assert unchecked_fonts(doc[0]) == []


def test_the_cff_font_lies_by_its_builtin_encoding_and_an_honest_one_does_not() -> None:
    with pymupdf.open(stream=builtin_cff(PLAIN)) as doc:
        assert (lying_fonts(doc[0]), unchecked_fonts(doc[0])) == (["TT"], [])
    with pymupdf.open(stream=builtin_cff(PLAIN, lies={})) as doc:
        assert (lying_fonts(doc[0]), unchecked_fonts(doc[0])) == ([], [])


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("symbolic-fonts"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", sorted(FILES))
def test_produced_with_the_pattern_the_item_is_gone(volumes: Volumes, name: str) -> None:
    produced_without_the_item(volumes, name, FILES[name], PLAIN, _readers)
