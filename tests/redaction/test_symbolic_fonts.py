"""A simple font without an /Encoding names each code's glyph by its program: a symbolic
TrueType subset by its ``cmap``, a Type 1 or CFF program by its built-in encoding; not by any
encoding `lying.lying_fonts` read. So a /ToUnicode that reads the glyph of ``0`` as ``O`` and of
``1`` as ``l`` went unseen: every reader extracts ``DB-4O98l`` where the page prints
``DB-40981``.

file                  the item set in                                     was (produce)
symbolic_truetype     a TrueType subset (Droid Sans), no /Encoding        LEAK: OCR
builtin_cff           a CFF program (Nimbus Sans), its built-in encoding  LEAK: OCR
symbol_table_*        a symbolic TrueType drawing by its symbol table     LEAK: OCR
                      (3,0), codes read by WinAnsi or as themselves

Measured on 544f359: neither font lying (no encoding to compare) nor unchecked (only composite
fonts were), the page drew only text, so ingest's OCR did not read it and no pattern found the
item. Now the TrueType font is unchecked (`lying.unchecked_fonts`) unless its program says each
code's glyph is the character the map reads (the code looked up in the program's ``cmap`` as
MuPDF looks it up, the map's character in its Unicode table), and its page is read whole; the
CFF program's built-in encoding is read as an /Encoding is, so the font lies and the
production is refused in one line naming the page. The symbol-table files were found after
those fixes (MuPDF draws a symbolic TrueType font by its symbol table whatever /Encoding it
has, and there was no /ToUnicode to compare): such a font is unchecked too unless its program's
Unicode table gives each glyph the character readers read.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from functools import cache

import pikepdf
import pymupdf
import pytest
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

from clawback.pdf.shows.lying import lying_fonts, unchecked_fonts
from tests.redaction import pdf_blocks
from tests.redaction.drawn import ITEM, LIES, _cmap, _subset
from tests.redaction.extractors import read_by
from tests.redaction.volumes import Volumes, produced_without_the_item

PLAIN = "An ordinary heading line of the exhibit"


def _descriptor(**program: pikepdf.Stream) -> pikepdf.Dictionary:
    """The /FontDescriptor of the font /Plain (symbolic), its program given by its key."""
    return pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name("/Plain"),
        Flags=4,
        FontBBox=[0, -250, 1000, 1000],
        ItalicAngle=0,
        Ascent=900,
        Descent=-250,
        CapHeight=700,
        StemV=80,
        **program,
    )


def _page(
    heading: str, lies: dict[str, str], subtype: str, **program: tuple[bytes, dict[str, object]]
) -> bytes:
    """`heading` in Helvetica; ``Ref.`` and the item in a simple font of ``subtype`` named
    /Plain, its program given as ``FontFile2=`` or ``FontFile3=``, without an /Encoding, its
    /ToUnicode reading each glyph of `lies` as another character."""
    chars = sorted(set(ITEM))
    pairs = "".join(f"<{ord(c):02X}> <{ord(lies.get(c, c)):04X}>\n" for c in chars)
    body = _cmap(pairs, len(chars)).replace("<0000> <FFFF>", "<00> <FF>")

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        descriptor = _descriptor(
            **{key: pdf.make_stream(data, **extra) for key, (data, extra) in program.items()}
        )
        resources.Font.TT = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name(subtype),
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


def symbolic_truetype(heading: str, lies: dict[str, str] = LIES) -> bytes:
    """The item in a TrueType font (Droid Sans cut to the item's glyphs) (`_page`)."""
    return _page(heading, lies, "/TrueType", FontFile2=(_subset(ITEM), {}))


def builtin_cff(heading: str, lies: dict[str, str] = LIES) -> bytes:
    """As `symbolic_truetype`, the font a Type 1 one of MuPDF's Nimbus Sans CFF program (its
    built-in encoding the standard one)."""
    program = pymupdf.Font("helv").buffer
    return _page(heading, lies, "/Type1", FontFile3=(program, {"Subtype": pikepdf.Name.Type1C}))


@cache
def _cut() -> bytes:
    return _subset("Ref. " + ITEM)


@cache
def _symbol_program(lies: bool, unicode: bool) -> bytes:
    """Droid Sans cut to ``Ref.`` and the item, its ``cmap`` one symbol table (3,0) giving the
    codes of ``O`` and ``l`` the glyphs of ``0`` and ``1`` (with `lies`), and with `unicode`
    its Unicode table (3,1) kept too."""
    font = TTFont(io.BytesIO(_cut()))
    table = font.getBestCmap()
    symbol = {0xF000 | ord(c): table[ord(c)] for c in set(ITEM)}
    if lies:
        symbol[0xF000 | ord("O")], symbol[0xF000 | ord("l")] = table[ord("0")], table[ord("1")]
    codes = CmapSubtable.newSubtable(4)
    codes.platformID, codes.platEncID, codes.language, codes.cmap = 3, 0, 0, symbol
    kept = [t for t in font["cmap"].tables if (t.platformID, t.platEncID) == (3, 1)]
    font["cmap"].tables = [codes, *kept] if unicode else [codes]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@cache
def _mac_program() -> bytes:
    """Droid Sans cut to ``Ref.`` and the item, its ``cmap`` only a Macintosh table (1,0), as
    LibreOffice writes every subset, giving the codes of ``O`` and ``l`` the glyphs of ``0``
    and ``1``."""
    font = TTFont(io.BytesIO(_cut()))
    table = font.getBestCmap()
    mac = {ord(c): table[ord(c)] for c in set("Ref. " + ITEM)}
    mac[ord("O")], mac[ord("l")] = table[ord("0")], table[ord("1")]
    codes = CmapSubtable.newSubtable(6)
    codes.platformID, codes.platEncID, codes.language, codes.cmap = 1, 0, 0, mac
    font["cmap"].tables = [codes]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def mac_table(heading: str) -> bytes:
    """As `symbol_table` unencoded, the font drawing by its Macintosh table (`_mac_program`)."""
    return symbol_table(heading, encoded=False, program=_mac_program())


def symbol_table(
    heading: str,
    encoded: bool = True,
    lies: bool = True,
    unicode: bool = False,
    program: bytes | None = None,
) -> bytes:
    """`heading` in Helvetica; ``Ref.`` and ``DB-4O98l`` in a symbolic TrueType font drawing
    by its symbol table (`_symbol_program`), with WinAnsi as its /Encoding or (not `encoded`)
    none, and no /ToUnicode: readers read ``DB-4O98l``, the page prints ``DB-40981``."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        descriptor = _descriptor(
            FontFile2=pdf.make_stream(program or _symbol_program(lies, unicode))
        )
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.TrueType,
            BaseFont=pikepdf.Name("/Plain"),
            FontDescriptor=pdf.make_indirect(descriptor),
        )
        if encoded:
            font.Encoding = pikepdf.Name.WinAnsiEncoding
        resources.Font.TT = pdf.make_indirect(font)

    said = "".join(LIES.get(c, c) for c in ITEM) if lies else ITEM
    content = (
        pdf_blocks._text(72, 700, heading)
        + pdf_blocks._text(72, 500, "Ref.")
        + f"BT /TT 14 Tf 110 500 Td ({said}) Tj ET\n"
    )
    return pdf_blocks._page(content, setup)


FILES: dict[str, Callable[[str], bytes]] = {
    "symbolic_truetype": symbolic_truetype,
    "builtin_cff": builtin_cff,
    "symbol_table_encoded": symbol_table,
    "symbol_table_unencoded": lambda heading: symbol_table(heading, encoded=False),
}
#: Files whose content stream holds the item's codes (readers of the file's strings see them).
CODED = {"symbolic_truetype", "builtin_cff"}


def _readers(pdf: bytes) -> list[str]:
    return read_by(pdf, ITEM)


@pytest.mark.parametrize("name", sorted(FILES))
def test_only_a_reader_of_the_render_reads_the_item(name: str) -> None:
    """(And, where its codes are the item's ASCII, a reader of the content stream.)"""
    assert _readers(FILES[name](PLAIN)) == (["objects", "ocr"] if name in CODED else ["ocr"])


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


@pytest.mark.parametrize("encoded", [True, False])
def test_a_font_drawing_by_its_symbol_table_is_unchecked_unless_its_program_says(
    encoded: bool,
) -> None:
    for lies, unicode, unchecked in [(True, False, ["TT"]), (True, True, ["TT"]),
                                     (False, False, ["TT"]), (False, True, [])]:  # fmt: skip
        pdf = symbol_table(PLAIN, encoded, lies, unicode)
        with pymupdf.open(stream=pdf) as doc:
            assert unchecked_fonts(doc[0]) == unchecked, (lies, unicode)


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("symbolic-fonts"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", ["builtin_cff", "symbol_table_encoded"])
def test_produced_with_the_pattern_the_item_is_gone(volumes: Volumes, name: str) -> None:
    """A lying font (refused) and an unchecked one (read whole by OCR, then boxed): the other
    files' fonts are found unchecked as this one's is (the tests above)."""
    produced_without_the_item(volumes, name, FILES[name], PLAIN, _readers)


@pytest.mark.xray
@pytest.mark.xfail(
    strict=True,
    reason="LEAK, left by choice: a TrueType subset drawing by its Macintosh table alone (as "
    "LibreOffice writes every font) has nothing in it to confirm the map, and reading every such "
    "page by OCR made a 20-page Word file's ingest 11 times as long (1.9 -> 21.3 s): taken at its "
    "word (lying._truetype_unchecked). Closing it needs each such font's glyphs read once.",
)
def test_a_font_drawing_by_its_macintosh_table_alone_is_taken_at_its_word(
    volumes: Volumes,
) -> None:
    with pymupdf.open(stream=mac_table(PLAIN)) as doc:
        assert unchecked_fonts(doc[0]) == []  # taken at its word
    produced_without_the_item(volumes, "mac_table", mac_table, PLAIN, _readers)
