"""The item spelled in a name: a font, picture, graphics state, colour or tag named after it.

No extractor reads a name and no page shows one, yet a viewer's font list shows fonts by name
and a text editor shows the rest; names hold no spaces, so a writer spells ``DB-40981`` as
``/F_DB40981`` or escapes its hyphen (``/DB#2D40981``), and the byte forms the raw check looks
for miss both. Each file here prints the item once and names something after it; redacting
the item must leave no name that spells it (read bare: letters and digits only, escapes
undone), the page must look as it did beside the box, and the gate must pass the result.
The same holds for a font program whose own ``name`` table calls it after the item.

Measured before the fix: the font's resource name, its escaped /BaseFont, the graphics
state's name, the Type 3 glyph's name, the /ToUnicode CMap's name and the font program's
name went out of `redact` (MuPDF's own rewriting dropped the picture's name, the colorant
and the tag), and the gate saw none of them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pikepdf
import pymupdf
import pytest
from fontTools.ttLib import TTFont

from clawback.pdf.gate.verify import verify
from clawback.pdf.produced import Job, make
from clawback.pdf.redaction.redact import Redaction, redact
from tests.redaction.drawn import FIRST, ITEM, _subset, gated, redacted

BARE = "db40981"
_NAME = re.compile(r"/([^\s/\[\]()<>{}%]+)")


def _base() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), FIRST, fontsize=11)
    page.insert_text((72, 130), "another line stays", fontsize=11)
    data: bytes = doc.tobytes(garbage=4, clean=True)
    doc.close()
    return data


def _edited(change: Callable[[pikepdf.Pdf, pikepdf.Page], None]) -> bytes:
    pdf = pikepdf.open(io.BytesIO(_base()))
    change(pdf, pdf.pages[0])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _append(pdf: pikepdf.Pdf, page: pikepdf.Page, content: bytes) -> None:
    page.obj.Contents = pdf.make_stream(page.obj.Contents.read_bytes() + b"\n" + content)


def font_resource(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    fonts = page.obj.Resources.Font
    old = next(iter(fonts.keys()))
    fonts["/F_DB40981"] = fonts[old]
    del fonts[old]
    data = page.obj.Contents.read_bytes().replace(old.encode() + b" ", b"/F_DB40981 ")
    page.obj.Contents = pdf.make_stream(data)


def inherited_font_resource(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """`font_resource`, the page's resources inherited from its page-tree node."""
    font_resource(pdf, page)
    pdf.Root.Pages.Resources = page.obj.Resources
    del page.obj["/Resources"]


def escaped_base_font(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    font = next(iter(page.obj.Resources.Font.values()))
    font.BaseFont = pikepdf.Name("/ABCDEF+DB-40981")


def graphics_state(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    page.obj.Resources.ExtGState = pikepdf.Dictionary({"/GS_DB40981": pikepdf.Dictionary(CA=1)})
    _append(pdf, page, b"q /GS_DB40981 gs Q")


def picture_name(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    form = pdf.make_stream(
        b"0 0 1 1 re f", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 1, 1]
    )
    page.obj.Resources.XObject = pikepdf.Dictionary({"/Db.40981": form})
    _append(pdf, page, b"q 20 0 0 20 300 300 cm /Db.40981 Do Q")


def separation_colour(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    tint = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[1], C1=[0], N=1)
    space = pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/DB_40981"), "/DeviceGray"])
    space.append(tint)
    page.obj.Resources.ColorSpace = pikepdf.Dictionary(CS0=space)
    _append(pdf, page, b"q /CS0 cs 1 scn 300 400 40 20 re f Q")


def marked_tag(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    _append(pdf, page, b"/DB40981 BMC EMC /Span <</Tag /DB40981>> BDC EMC")


def private_key(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """Keys no standard defines, in the font's dictionary and in a graphics state's."""
    next(iter(page.obj.Resources.Font.values()))["/DB40981"] = 1
    state = pikepdf.Dictionary({"/CA": 1, "/Note_DB-40981": True})
    page.obj.Resources.ExtGState = pikepdf.Dictionary(G0=state)
    _append(pdf, page, b"q /G0 gs Q")


def unicode_map_name(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """The font's /ToUnicode CMap calls itself after the item (its map itself is empty)."""
    font = next(iter(page.obj.Resources.Font.values()))
    font.ToUnicode = pdf.make_stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /DB40981 def "
        b"/CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange endcmap "
        b"CMapName currentdict /CMap defineresource pop end end"
    )


def type3_glyph_name(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """A square printed far from the item by a Type 3 glyph named after it."""
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type3,
        FontBBox=[0, 0, 1000, 1000],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
        CharProcs=pikepdf.Dictionary({"/DB40981": pdf.make_stream(b"1000 0 d0 0 0 800 800 re f")}),
        Encoding=pikepdf.Dictionary(Differences=[65, pikepdf.Name("/DB40981")]),
        FirstChar=65,
        LastChar=65,
        Widths=[1000],
    )
    page.obj.Resources.Font.T3 = pdf.make_indirect(font)
    _append(pdf, page, b"BT /T3 30 Tf 300 300 Td (A) Tj ET")


CHANNELS = {
    "font_resource": font_resource,
    "escaped_base_font": escaped_base_font,
    "inherited_font_resource": inherited_font_resource,
    "graphics_state": graphics_state,
    "picture_name": picture_name,
    "separation_colour": separation_colour,
    "marked_tag": marked_tag,
    "private_key": private_key,
    "type3_glyph_name": type3_glyph_name,
    "unicode_map_name": unicode_map_name,
}


def _names(pdf: bytes) -> list[str]:
    """Every name of `pdf`, in its objects and its decoded streams, escapes undone, bare."""
    found: list[str] = []
    with pymupdf.open(stream=pdf) as doc:
        sources = [doc.pdf_trailer()]
        for xref in range(1, doc.xref_length()):
            sources.append(doc.xref_object(xref))
            if doc.xref_is_stream(xref) and doc.xref_get_key(xref, "Subtype")[1] != "/Image":
                sources.append((doc.xref_stream(xref) or b"").decode("latin-1"))
    for source in sources:
        for name in _NAME.findall(source):
            spelled = re.sub(r"#([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), name)
            found.append("".join(c for c in spelled.lower() if c.isalnum()))
    return found


@pytest.fixture(scope="module")
def made() -> dict[str, bytes]:
    return {name: _edited(change) for name, change in CHANNELS.items()}


@pytest.mark.parametrize("name", sorted(CHANNELS))
def test_no_name_spells_the_item_after_redaction(name: str, made: dict[str, bytes]) -> None:
    pdf = made[name]
    assert any(BARE in found for found in _names(pdf))  # the premise: a name spells it
    done = redacted(pdf)
    assert not [found for found in _names(done.pdf) if BARE in found]
    findings = gated(done, pdf)
    assert findings == []  # with the render check: renaming changed nothing the page shows


@pytest.mark.parametrize("name", sorted(CHANNELS))
def test_the_gate_refuses_a_name_that_spells_the_item(name: str, made: dict[str, bytes]) -> None:
    """Unredacted (the page still prints the item too): among the findings, one ``name``
    finding that quotes the label, not the item."""
    findings = verify(made[name], [("c", ITEM)], xray=False, ocr=False)
    named = [f for f in findings if f.check == "name"]
    assert len(named) == 1 and ITEM not in str(named[0]) and "'c'" in str(named[0])


def _font_named_after_item() -> bytes:
    """`FIRST` and a second line in a TrueType font whose ``name`` table calls it after the
    item (without the hyphen)."""
    font = TTFont(io.BytesIO(_subset(FIRST + " second line")))
    for record in font["name"].names:
        record.string = "DB40981 Sans"
    program = io.BytesIO()
    font.save(program)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_font(fontname="own", fontbuffer=program.getvalue())
    page.insert_text((72, 100), FIRST, fontname="own", fontsize=11)
    page.insert_text((72, 130), "second line", fontname="own", fontsize=11)
    data: bytes = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return data


def _program_names(pdf: bytes) -> list[str]:
    """The names each embedded TrueType program of `pdf` gives itself (read with fontTools)."""
    names: list[str] = []
    with pymupdf.open(stream=pdf) as doc:
        for xref, ext, *_ in doc[0].get_fonts():
            if ext == "ttf":
                program = doc.extract_font(xref)[3]
                names += [str(r) for r in TTFont(io.BytesIO(program))["name"].names]
    return names


def test_a_font_program_that_names_the_item_is_renamed() -> None:
    pdf = _font_named_after_item()
    assert "DB40981 Sans" in _program_names(pdf)
    assert "name" in [f.check for f in verify(pdf, [("c", ITEM)], xray=False, ocr=False)]
    done = redact(pdf, [Redaction(page=0, reason="R", text=ITEM, label="c")])
    left = _program_names(done.pdf)
    assert left and not [name for name in left if BARE in name.lower()]
    findings = verify(
        done.pdf, [("c", ITEM)], boxes=done.boxes, original=pdf, xray=False, ocr=False
    )
    assert findings == []


def test_names_the_standard_defines_are_not_read() -> None:
    """A secret spelled inside ``/MediaBox`` or ``/FontDescriptor`` is no finding of this
    check (the byte check may still find the bytes)."""
    findings = verify(_base(), [("c", "Media Box"), ("d", "Descriptor")], xray=False, ocr=False)
    assert [f for f in findings if f.check == "name"] == []


@pytest.mark.parametrize("name", ["font_resource", "escaped_base_font", "graphics_state"])
def test_a_production_renames_them_too(name: str, made: dict[str, bytes]) -> None:
    """The production path (`produced.make`: redacted in place, stamped, scrubbed once,
    then the gate) renames as `redact` does."""
    hits = [{"page": 0, "text": ITEM, "found": ITEM}]
    job = Job(name, made[name], [("P-1", "CONFIDENTIAL")], hits, "privileged", "bottom-right", True)
    out = make(job)
    assert not [found for found in _names(out) if BARE in found]


def test_a_word_inside_a_name_the_standard_defines_is_not_renamed() -> None:
    """Redacting the word "code" must leave ``/FlateDecode`` and ``/ToUnicode`` as they are:
    renamed, the page's streams could no longer be read (found on a real court opinion)."""
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_text((72, 100), "The code, as written, is kept apart.", fontsize=12)
        page.insert_text((72, 130), "Nothing else here.", fontsize=12)
        pdf = doc.tobytes(deflate=True)
    assert b"/FlateDecode" in pdf
    done = redact(pdf, [Redaction(page=0, reason="REDACTED", text="code,", label="w")])
    names = _names(done.pdf)
    assert "flatedecode" in names
    assert not [n for n in names if n.startswith("redacted")]
    findings = verify(
        done.pdf, [("w", "code,")], boxes=done.boxes, original=pdf, xray=False, ocr=False
    )
    assert findings == []
