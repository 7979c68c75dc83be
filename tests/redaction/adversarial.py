"""An adversarial corpus for ``produce --redact-pattern``: one-page PDFs, each hiding one secret
in one channel, named by what the file is (``leak_*``: a secret hidden so that a pattern search
of the page text may miss it; ``good_*``: controls, the secret in plain text or no secret).

Every builder's docstring is one line: its verdict, then why the file is tricky. The verdict
says whether a viewer shows the secret on the page as it is (``VISIBLE``) or not (``HIDDEN``:
no viewer draws it, yet the file carries it; ``ABSENT``: no secret). Either way a produced file
must not carry it: the secret is what the producer asked to redact.

The files are made with pikepdf (content streams written by hand) and PyMuPDF, and are
byte-for-byte the same on every build. Every page also carries an ordinary heading line of text,
as real pages do (ingest OCRs only pages with no text at all).
"""

from __future__ import annotations

import zlib

import pikepdf
import pymupdf

from tests.redaction.pdf_blocks import (
    CODE,
    CORPUS,
    HEIGHT,
    LIGATURE_NAME,
    NAME,
    NAME_PATTERN,
    WIDTH,
    _advances,
    _helvetica,
    _mupdf,
    _nimbus,
    _ordinary,
    _outline,
    _page,
    _picture,
    _plain,
    _text,
    specimen,
)

#: What the tests take from here (the corpus filled by importing this module).
__all__ = ["CODE", "CORPUS", "LIGATURE_NAME", "NAME", "leak_cases"]

# -- optional content --------------------------------------------------------------------------


def _hidden_group(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """An optional-content group switched off in the default configuration."""
    group = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Reviewer notes"))
    )
    pdf.Root.OCProperties = pikepdf.Dictionary(
        OCGs=pikepdf.Array([group]),
        D=pikepdf.Dictionary(OFF=pikepdf.Array([group]), Order=pikepdf.Array([group])),
    )
    return group


@specimen()
def leak_hidden_ocg_layer() -> bytes:
    """HIDDEN: code in a switched-off layer; a stamp dropping /OCProperties turns it on."""

    def layer(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        resources.Properties = pikepdf.Dictionary(oc1=_hidden_group(pdf))

    content = "/OC /oc1 BDC\n" + _text(72, 500, f"Reviewer note: source code {CODE}.") + "EMC\n"
    return _page(_ordinary(content), layer)


@specimen()
def leak_ocmd_membership() -> bytes:
    """HIDDEN: code governed by an OCMD (/AllOn of an off layer); MuPDF draws it anyway."""

    def membership(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        ocmd = pikepdf.Dictionary(
            Type=pikepdf.Name.OCMD,
            OCGs=pikepdf.Array([_hidden_group(pdf)]),
            P=pikepdf.Name.AllOn,
        )
        resources.Properties = pikepdf.Dictionary(mc0=pdf.make_indirect(ocmd))

    content = "/OC /mc0 BDC\n" + _text(72, 500, f"Draft only: {CODE}.") + "EMC\n"
    return _page(_ordinary(content), membership)


# -- replacement text --------------------------------------------------------------------------


@specimen()
def leak_actualtext_masks_secret() -> bytes:
    """VISIBLE: glyphs spell the code; /ActualText says 'see schedule B'."""
    inner = _text(72, 500, CODE)
    content = "/Span << /ActualText (see schedule B) >> BDC\n" + inner + "EMC\n"
    return _page(_ordinary(_text(72, 520, "Reference:") + content))


@specimen()
def leak_structure_alt_text() -> bytes:
    """HIDDEN: code only in the /Alt text of a marked-content figure, never drawn."""
    figure = f"/Figure << /Alt ({CODE} signature block) >> BDC\n0.8 g 72 400 180 60 re f\nEMC\n"
    return _page(_ordinary(figure))


# -- text no viewer shows ----------------------------------------------------------------------


@specimen()
def leak_outside_cropbox() -> bytes:
    """HIDDEN: code in the MediaBox above the CropBox: cropped away by viewers."""
    content = _ordinary(_text(72, 840, f"Internal routing: {CODE}"))
    return _page(content, mediabox=(0, 0, WIDTH, HEIGHT + 100), cropbox=(0, 0, WIDTH, HEIGHT))


@specimen()
def leak_off_mediabox() -> bytes:
    """HIDDEN: the code drawn to the right of the MediaBox (x = 640 on a 612-point page)."""
    return _page(_ordinary(_text(640, 500, f"Internal routing: {CODE}")))


@specimen()
def leak_clipped_away() -> bytes:
    """HIDDEN: code drawn inside a clip path (a 10-point square elsewhere)."""
    clipped = "q 72 600 10 10 re W n\n" + _text(72, 500, f"Internal routing: {CODE}") + "Q\n"
    return _page(_ordinary(clipped))


@specimen()
def leak_white_on_white() -> bytes:
    """HIDDEN: the code in white text on the white page."""
    return _page(_ordinary("1 g\n" + _text(72, 500, f"Internal routing: {CODE}") + "0 g\n"))


@specimen()
def leak_tiny_text() -> bytes:
    """HIDDEN: the code in 0.5-point text, a speck no reader sees."""
    return _page(_ordinary(_text(300, 450, f"Internal routing: {CODE}", size=0.5)))


@specimen()
def leak_invisible_render_mode() -> bytes:
    """HIDDEN: the code in text render mode 3 (neither filled nor stroked), as OCR layers are."""
    return _page(_ordinary(_text(72, 500, f"Internal routing: {CODE}", ops="3 Tr")))


@specimen()
def leak_text_under_image() -> bytes:
    """HIDDEN: the code as live text with an opaque picture (a captioned photo) drawn over it."""
    photo, _, _ = _picture("photograph of the site, 2019", size=9)

    def cover(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        # the text's box, in PyMuPDF's top-down coordinates, and a little more
        page.insert_image(pymupdf.Rect(66, 275, 420, 305), stream=photo, keep_proportion=False)

    text = _page(_ordinary(_text(72, 500, f"Internal routing: {CODE}")))
    return _mupdf(text, cover)


# -- text drawn in unusual ways ----------------------------------------------------------------


def _tiled(rows: int) -> bytes:
    """A rectangle filled with a tiling pattern whose 300 x 30 cell is the code: ``rows`` tiles
    high, under a 'Reference:' line."""

    def pattern(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        cell = pdf.make_stream(_text(4, 12, CODE).encode("cp1252"))
        cell.Type, cell.PatternType = pikepdf.Name.Pattern, 1
        cell.PaintType, cell.TilingType = 1, 1
        cell.BBox, cell.XStep, cell.YStep = pikepdf.Array([0, 0, 300, 30]), 300, 30
        cell.Matrix = pikepdf.Array([1, 0, 0, 1, 72, 490])
        cell.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=_helvetica(pdf)))
        resources.Pattern = pikepdf.Dictionary(P1=cell)

    fill = f"/Pattern cs /P1 scn 72 {520 - 30 * rows} 300 {30 * rows} re f\n0 g\n"
    return _page(_ordinary(_text(72, 530, "Reference:") + fill), pattern)


@specimen()
def leak_tiling_pattern() -> bytes:
    """VISIBLE: code is the cell of a tiling pattern filling a rectangle four tiles high."""
    return _tiled(4)


@specimen()
def leak_tiling_pattern_one_tile() -> bytes:
    """VISIBLE: code is the cell of a tiling pattern filling a rectangle one tile high."""
    return _tiled(1)


@specimen()
def leak_form_xobject_twice() -> bytes:
    """VISIBLE: the code in one Form XObject that the page draws twice, at two places."""

    def form(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        xobject = pdf.make_stream(_text(0, 0, f"Routing: {CODE}").encode("cp1252"))
        xobject.Type, xobject.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        xobject.BBox = pikepdf.Array([0, -5, 300, 15])
        xobject.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=_helvetica(pdf)))
        resources.XObject = pikepdf.Dictionary(Fm1=xobject)

    draws = "q 1 0 0 1 72 500 cm /Fm1 Do Q\nq 1 0 0 1 72 300 cm /Fm1 Do Q\n"
    return _page(_ordinary(draws), form)


@specimen()
def leak_clip_render_mode() -> bytes:
    """VISIBLE: code in render mode 7 (clip), painted by a black rectangle."""
    text = f"BT /F1 28 Tf 7 Tr 72 480 Td ({CODE}) Tj ET\n"  # the clip lasts until Q
    clip = "q\n" + text + "0 g 60 470 400 40 re f\nQ\n"
    return _page(_ordinary(clip))


@specimen()
def leak_rotated_text() -> bytes:
    """VISIBLE: the code printed vertically (rotated 90 degrees) in the margin."""
    rotated = f"BT /F1 12 Tf 0 1 -1 0 560 250 Tm (Routing: {CODE}) Tj ET\n"
    return _page(_ordinary(rotated))


@specimen(NAME, NAME_PATTERN)
def leak_letterspaced_name() -> bytes:
    """VISIBLE: name set with 4 points of character spacing: extracted as 'R o s a'."""
    return _page(_ordinary(_text(72, 500, f"Witness: {NAME}", ops="4 Tc")))


@specimen(NAME, NAME_PATTERN)
def leak_single_char_spans() -> bytes:
    """VISIBLE: name drawn one glyph per text object, in reading order, each placed by Td."""
    line, size = f"Witness: {NAME}", 12
    offsets = _advances(line, size)
    glyphs = "".join(_text(72 + x, 500, c, size) for c, x in zip(line, offsets, strict=True))
    return _page(_ordinary(glyphs))


@specimen(NAME, NAME_PATTERN)
def leak_shuffled_glyph_order() -> bytes:
    """VISIBLE: name drawn glyph by glyph in scrambled order, each in place."""
    line, size = f"Witness: {NAME}", 12
    offsets = _advances(line, size)
    order = [(i * 7) % len(line) for i in range(len(line))]  # 7 is prime to the length
    assert sorted(order) == list(range(len(line)))
    glyphs = "".join(_text(72 + offsets[i], 500, line[i], size) for i in order if line[i] != " ")
    return _page(_ordinary(glyphs))


@specimen()
def leak_split_font_spans() -> bytes:
    """VISIBLE: the code in two runs of two fonts (regular, then bold) that meet mid-code."""
    head, tail = CODE[:5], CODE[5:]
    x = 72 + pymupdf.get_text_length(f"Routing: {head}", fontsize=12)
    return _page(_ordinary(_text(72, 500, f"Routing: {head}") + _text(x, 500, tail, font="F2")))


# -- text that is not text ---------------------------------------------------------------------


@specimen()
def leak_vector_outlines() -> bytes:
    """VISIBLE: the code as filled vector outlines of Helvetica's glyphs: no text at all."""
    scale = 14 / 1000
    paths = "".join(
        _outline(c, scale, 130 + x, 500) for c, x in zip(CODE, _advances(CODE, 14), strict=True)
    )
    return _page(_ordinary(_text(72, 500, "Ref.") + "0 g\n" + paths + "f\n"))


@specimen()
def leak_type3_no_tounicode() -> bytes:
    """VISIBLE: code in a Type 3 font (outlines, made-up names, no /ToUnicode)."""
    chars = sorted(set(CODE))
    code = {c: i + 1 for i, c in enumerate(chars)}
    font, _ = _nimbus()
    widths = [round(font.text_length(c, fontsize=1000)) for c in chars]

    def type3(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        procs = pikepdf.Dictionary()
        for c, width in zip(chars, widths, strict=True):
            body = f"{width} 0 d0\n" + _outline(c, 1.0, 0, 0) + "f\n"
            procs[f"/glyph{code[c]:02d}"] = pdf.make_stream(body.encode("ascii"))
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type3,
            FontBBox=pikepdf.Array([0, -250, 1000, 1000]),
            FontMatrix=pikepdf.Array([0.001, 0, 0, 0.001, 0, 0]),
            CharProcs=procs,
            Encoding=pikepdf.Dictionary(
                Type=pikepdf.Name.Encoding,
                Differences=pikepdf.Array(
                    [1, *(pikepdf.Name(f"/glyph{code[c]:02d}") for c in chars)]
                ),
            ),
            FirstChar=1,
            LastChar=len(chars),
            Widths=pikepdf.Array(widths),
            Resources=pikepdf.Dictionary(),
        )
        resources.Font.T3 = pdf.make_indirect(font)

    hexcodes = "".join(f"{code[c]:02x}" for c in CODE)
    content = _text(72, 500, "Ref.") + f"BT /T3 14 Tf 110 500 Td <{hexcodes}> Tj ET\n"
    return _page(_ordinary(content), type3)


@specimen()
def leak_picture_beside_text() -> bytes:
    """VISIBLE: code as a small picture beside ordinary text (page never OCR'd)."""
    png, width, height = _picture(f"Routing: {CODE}")

    def place(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        page.insert_image(pymupdf.Rect(68, 330, 68 + width, 330 + height), stream=png)

    return _mupdf(_plain(), place)


@specimen()
def leak_inline_image() -> bytes:
    """VISIBLE: code as an inline image (BI/ID/EI in the content stream)."""
    with pymupdf.open() as doc:
        text = f"Routing: {CODE}"
        width = pymupdf.get_text_length(text, fontsize=12) + 8
        page = doc.new_page(width=width, height=22)
        page.insert_text((4, 16), text, fontsize=12)
        pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
        samples, w, h = pix.samples, pix.width, pix.height
    data = zlib.compress(samples, 9).hex().encode("ascii") + b">"
    image = (
        f"q {width:g} 0 0 22 68 486 cm\nBI /W {w} /H {h} /CS /G /BPC 8 /F [/AHx /Fl]\nID\n"
    ).encode("ascii")
    content = _ordinary("").encode("cp1252") + image + data + b"\nEI\nQ\n"
    return _page(content)


@specimen()
def leak_scan_with_text_line() -> bytes:
    """VISIBLE: a scanned page plus one real text line, so ingest never OCRs it."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=WIDTH, height=HEIGHT)
        for n, line in enumerate(
            [
                "MEMORANDUM (scanned copy)",
                "The transfer was logged under reference",
                f"{CODE} and reviewed on the same day.",
                "No further action was taken.",
            ]
        ):
            page.insert_text((72, 150 + 22 * n), line, fontsize=13)
        scan = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY).tobytes("png")

    def place(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        page.insert_image(page.rect, stream=scan, overlay=False)

    return _mupdf(_page(_text(72, 760, "Attachment 3 (scanned), received 12 May.")), place)


@specimen()
def leak_drawn_hyphens() -> bytes:
    """VISIBLE: code's letters are text, its hyphens drawn lines: 'QX 4417 ZEBRA'."""
    parts, gap = CODE.split("-"), 7.0
    x, content = (
        72.0 + pymupdf.get_text_length("Routing: ", fontsize=12),
        _text(72, 500, "Routing:"),
    )
    for n, part in enumerate(parts):
        content += _text(x, 500, part)
        x += pymupdf.get_text_length(part, fontsize=12)
        if n < len(parts) - 1:
            content += f"0 g {x + 1.5:.2f} 503.5 4 1 re f\n"
            x += gap
    return _page(_ordinary(content))


from tests.redaction import adversarial_more  # noqa: E402, F401  (its builders, in order)

# -- controls ----------------------------------------------------------------------------------


@specimen()
def good_plain_code() -> bytes:
    """VISIBLE: the code as plain text on one line: found by the pattern, must be redacted."""
    return _page(_ordinary(_text(72, 500, f"The transfer was logged under reference {CODE}.")))


@specimen(NAME, NAME_PATTERN)
def good_plain_name() -> bytes:
    """VISIBLE: the name as plain text on one line: found by the pattern, must be redacted."""
    return _page(_ordinary(_text(72, 500, f"The statement was taken from {NAME} in May.")))


@specimen(None)
def good_no_secret() -> bytes:
    """ABSENT: no secret at all: the page must come out as it went in, with its stamp."""
    return _plain()


def leak_cases(names: list[str], leaks: dict[str, str]) -> list[object]:
    """`names` as pytest parameters, those in `leaks` (name: what leaks, measured) as strict
    xfails that only a leak (an AssertionError) satisfies: a crash is still an error, and a
    fix makes the test fail until its entry is removed."""
    import pytest  # the corpus itself is built without pytest (benchmarks use it too)

    return [
        pytest.param(
            name, marks=pytest.mark.xfail(raises=AssertionError, strict=True, reason=leaks[name])
        )
        if name in leaks
        else name
        for name in names
    ]
