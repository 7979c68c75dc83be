"""Pages that draw an item otherwise than their text layer writes it, built for the tests of
`test_drawn_not_written`: each prints ``DB-40981`` once in plain Helvetica (found by any search)
and once more so that a reader of the text layer misses it.

``composite``: the second copy in a composite (Type 0, Identity-H) TrueType font whose
/ToUnicode reads the glyph of ``0`` as ``O`` and of ``1`` as ``l`` (every reader extracts
``DB-4O98l``; the eye reads ``DB-40981``), its program with or without a ``cmap`` table (the
table that says which character each glyph is; MuPDF's own subsetting drops it).
``kerned``: the second copy with a space character inside it whose advance a TJ offset takes
back (every reader extracts ``DB-409 81``; the page prints the digits side by side).
``type3``: the second copy in a Type 3 font whose glyph names say nothing and whose /ToUnicode
lies as `composite`'s does."""

from __future__ import annotations

import io

import pikepdf
import pymupdf
from fontTools import subset
from fontTools.agl import UV2AGL
from fontTools.ttLib import TTFont

from clawback.pdf.gate.findings import Finding
from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, RedactionResult, redact
from tests.redaction import pdf_blocks

ITEM = "DB-40981"
FIRST = "known code DB-40981 was entered"
SECOND = "ref DB-40981 again"
#: What the lying map says each lied-about glyph is.
LIES = {"0": "O", "1": "l"}


def composite(cmap: bool, lies: dict[str, str] | None = None, first: str = FIRST) -> bytes:
    """`first` in Helvetica, `SECOND` under it in a composite font whose /ToUnicode reads
    each glyph of `lies` (by default `LIES`) as another character."""
    lies = LIES if lies is None else lies
    program = _subset(first + SECOND)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), first, fontsize=11)
    page.insert_font(fontname="cid", fontbuffer=program)
    page.insert_text((72, 116), SECOND, fontname="cid", fontsize=11)
    data = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    font = TTFont(io.BytesIO(program))
    gids = {c: font.getGlyphID(font.getBestCmap()[ord(c)]) for c in set(first + SECOND)}
    with pymupdf.open(stream=data) as doc:
        (xref,) = [f[0] for f in doc[0].get_fonts() if f[2] == "Type0"]
        unicode_map = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
        pairs = "".join(
            f"<{gid:04X}> <{ord(lies.get(c, c)):04X}>\n" for c, gid in sorted(gids.items())
        )
        doc.update_stream(unicode_map, _cmap(pairs, len(gids)).encode("ascii"))
        if not cmap:
            _drop_cmap(doc, xref)
        return doc.tobytes(garbage=4, deflate=True)  # type: ignore[no-any-return]


def kerned() -> bytes:
    """`FIRST`, and under it ``ref DB-409 81 again`` whose space's advance a TJ offset takes
    back: the page shows ``DB-40981`` with no gap."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), FIRST, fontsize=11)
    data = doc.tobytes()
    doc.close()
    with pymupdf.open(stream=data) as doc:
        page = doc[0]
        font = next(f[4] for f in page.get_fonts())
        space = round(pymupdf.get_text_length(" ", fontsize=1000))
        line = f"BT /{font} 11 Tf 72 676 Td [(ref DB-409 ) {space} (81 again)] TJ ET\n"
        (contents,) = page.get_contents()
        doc.update_stream(contents, doc.xref_stream(contents) + line.encode("ascii"))
        return doc.tobytes(garbage=4, deflate=True)  # type: ignore[no-any-return]


def _subset(text: str) -> bytes:
    """MuPDF's built-in TrueType font (Droid Sans Fallback) cut to the glyphs of `text`, its
    glyph ids and its cmap kept."""
    options = subset.Options()
    options.retain_gids = True
    font = TTFont(io.BytesIO(pymupdf.Font(ordering=0).buffer))
    cutter = subset.Subsetter(options)
    cutter.populate(text=text)
    cutter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _cmap(pairs: str, count: int) -> str:
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Lies def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{count} beginbfchar\n{pairs}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )


def _drop_cmap(doc: pymupdf.Document, xref: int) -> None:
    """Take the cmap table out of the composite font's embedded program."""
    descendant = int(doc.xref_get_key(xref, "DescendantFonts")[1].strip("[]").split()[0])
    descriptor = int(doc.xref_get_key(descendant, "FontDescriptor")[1].split()[0])
    stream = int(doc.xref_get_key(descriptor, "FontFile2")[1].split()[0])
    font = TTFont(io.BytesIO(doc.xref_stream(stream)))
    del font["cmap"]
    out = io.BytesIO()
    font.save(out)
    doc.update_stream(stream, out.getvalue())


def type3(lies: dict[str, str] | None = None, first: str = FIRST, named: bool = False) -> bytes:
    """`first` in Helvetica, and ``Ref. DB-40981`` under it in a Type 3 font of Helvetica's
    outlines under made-up glyph names, whose /ToUnicode reads each glyph of `lies` (by
    default `LIES`) as another character: nothing in the file says what a glyph is. `named`:
    no /ToUnicode, the glyphs named instead after what `lies` says they are (``O``, ``l``),
    so every reader takes the names' word for it."""
    lies = LIES if lies is None else lies
    chars = sorted(set(ITEM))
    code = {c: i + 1 for i, c in enumerate(chars)}
    font, _ = pdf_blocks._nimbus()
    widths = [round(font.text_length(c, fontsize=1000)) for c in chars]
    pairs = "".join(f"<{code[c]:02X}> <{ord(lies.get(c, c)):04X}>\n" for c in chars)
    body = _cmap(pairs, len(chars)).replace("<0000> <FFFF>", "<00> <FF>")

    def glyph_name(c: str) -> str:
        return "/" + UV2AGL[ord(lies.get(c, c))] if named else f"/g{code[c]:02d}"

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        procs = pikepdf.Dictionary()
        for c, width in zip(chars, widths, strict=True):
            glyph = f"{width} 0 d0\n" + pdf_blocks._outline(c, 1.0, 0, 0) + "f\n"
            procs[glyph_name(c)] = pdf.make_stream(glyph.encode("ascii"))
        names = [pikepdf.Name(glyph_name(c)) for c in chars]
        t3 = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type3,
            FontBBox=pikepdf.Array([0, -250, 1000, 1000]),
            FontMatrix=pikepdf.Array([0.001, 0, 0, 0.001, 0, 0]),
            CharProcs=procs,
            Encoding=pikepdf.Dictionary(Differences=pikepdf.Array([1, *names])),
            FirstChar=1,
            LastChar=len(chars),
            Widths=pikepdf.Array(widths),
            Resources=pikepdf.Dictionary(),
        )
        if not named:
            t3.ToUnicode = pdf.make_stream(body.encode("ascii"))
        resources.Font.T3 = pdf.make_indirect(t3)

    codes = "".join(f"{code[c]:02x}" for c in ITEM)
    content = (
        pdf_blocks._text(72, 692, first)
        + pdf_blocks._text(72, 660, "Ref.")
        + f"BT /T3 11 Tf 100 660 Td <{codes}> Tj ET\n"
    )
    return pdf_blocks._page(content, setup)


def redacted(pdf: bytes) -> RedactionResult:
    """`ITEM` redacted on the first page, labelled "c", under the width policy."""
    return redact(pdf, [Redaction(page=0, reason="REDACTED", text=ITEM, label="c")], WIDTH_POLICY)


def gated(done: RedactionResult, original: bytes, ocr: bool = False) -> list[Finding]:
    """The whole gate (render check included, x-ray left out) on what `redacted` made."""
    return verify(
        done.pdf,
        [("c", ITEM)],
        boxes=done.boxes,
        reflowed=done.reflowed,
        original=original,
        xray=False,
        ocr=ocr,
    )
