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

import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pikepdf
import pymupdf
from fontTools.agl import UV2AGL
from fontTools.cffLib import CFFFontSet
from fontTools.pens.recordingPen import RecordingPen

CODE = "QX-4417-ZEBRA"
CODE_PATTERN = r"QX-\d{4}-ZEBRA"
NAME = "Rosalind Okonkwo"
NAME_PATTERN = "Rosalind Okonkwo"
#: The one secret with a ligature in it (neither of the two above has one).
LIGATURE_NAME = "Griffin Okonkwo"
LIGATURE_PATTERN = "Griffin Okonkwo"
#: The ordinary text every page carries.
HEADING = "Field report 7. Routine entries only; nothing of note."
FOOTER = "Prepared for counsel in the ordinary course."
WIDTH, HEIGHT = 612, 792


@dataclass(frozen=True)
class Specimen:
    """One corpus file: how to build it, the secret it hides and the pattern a user would
    write for it, whether a viewer shows the secret, and why the file is tricky."""

    name: str
    build: Callable[[], bytes]
    secret: str | None
    pattern: str
    visible: bool
    why: str


CORPUS: dict[str, Specimen] = {}


def specimen(
    secret: str | None = CODE, pattern: str = CODE_PATTERN
) -> Callable[[Callable[[], bytes]], Callable[[], bytes]]:
    """Register a builder in `CORPUS`; its docstring is ``VISIBLE: why``, ``HIDDEN: why`` or,
    for a file without a secret, ``ABSENT: why``."""

    def register(build: Callable[[], bytes]) -> Callable[[], bytes]:
        doc = (build.__doc__ or "").strip()
        verdict, _, why = doc.partition(": ")
        assert verdict in ("VISIBLE", "HIDDEN", "ABSENT") and why and "\n" not in doc, (
            build.__name__
        )
        CORPUS[build.__name__] = Specimen(
            build.__name__, build, secret, pattern, verdict == "VISIBLE", why
        )
        return build

    return register


# -- building blocks ---------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _text(x: float, y: float, text: str, size: float = 12, font: str = "F1", ops: str = "") -> str:
    """One line of text (``ops``: extra text-state operators such as ``3 Tr``, kept to this
    line by a q/Q pair)."""
    line = f"BT /{font} {size:g} Tf {ops} {x:g} {y:g} Td ({_escape(text)}) Tj ET\n"
    return f"q {line}Q\n" if ops else line


def _ordinary(content: str) -> str:
    """``content`` between the page's heading and its footer line."""
    return _text(72, 720, HEADING) + content + _text(72, 100, FOOTER, size=10)


def _helvetica(pdf: pikepdf.Pdf, base: str = "Helvetica") -> pikepdf.Dictionary:
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name("/" + base),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    )
    indirect: pikepdf.Dictionary = pdf.make_indirect(font)
    return indirect


def _page(
    content: str | bytes,
    setup: Callable[[pikepdf.Pdf, pikepdf.Dictionary], None] | None = None,
    mediabox: tuple[float, float, float, float] = (0, 0, WIDTH, HEIGHT),
    cropbox: tuple[float, float, float, float] | None = None,
) -> bytes:
    """A one-page PDF drawing ``content`` (text in WinAnsi, cp1252) with Helvetica as /F1 and
    Helvetica-Bold as /F2; ``setup`` adds to the file and the page's resources."""
    pdf = pikepdf.new()
    resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=_helvetica(pdf), F2=_helvetica(pdf, "Helvetica-Bold"))
    )
    data = content.encode("cp1252") if isinstance(content, str) else content
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=pikepdf.Array(mediabox),
        Resources=resources,
        Contents=pdf.make_stream(data),
    )
    if cropbox is not None:
        page.CropBox = pikepdf.Array(cropbox)
    pdf.pages.append(pikepdf.Page(page))
    if setup is not None:
        added = pdf.pages[0].obj.Resources  # the page's own copy, now in the file
        assert isinstance(added, pikepdf.Dictionary)
        setup(pdf, added)
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True, compress_streams=True)
    return buffer.getvalue()


def _mupdf(pdf: bytes, change: Callable[[pymupdf.Document, pymupdf.Page], None]) -> bytes:
    """``pdf`` changed by PyMuPDF and saved whole, reproducibly."""
    with pymupdf.open(stream=pdf) as doc:
        change(doc, doc[0])
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)  # type: ignore[no-any-return]


def _plain() -> bytes:
    return _page(_ordinary(_text(72, 500, "Nothing further was recorded on this date.")))


@cache
def _nimbus() -> tuple[pymupdf.Font, Any]:
    """MuPDF's built-in Helvetica (Nimbus Sans) and its CFF glyph programs."""
    font = pymupdf.Font("helv")
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(font.buffer), None)
    return font, cff[cff.fontNames[0]].CharStrings


def _outline(char: str, scale: float, x: float, y: float) -> str:
    """Path operators filling ``char``'s outline at (x, y), glyph units times ``scale``."""
    _, strings = _nimbus()
    pen = RecordingPen()
    strings[UV2AGL[ord(char)]].draw(pen)
    ops = []
    for verb, points in pen.value:  # CFF outlines: moveTo, lineTo, curveTo (cubic), closePath
        coords = " ".join(f"{x + px * scale:.2f} {y + py * scale:.2f}" for px, py in points)
        operator = {"moveTo": "m", "lineTo": "l", "curveTo": "c"}.get(verb, "h")
        ops.append(f"{coords} {operator}".strip())
    return "\n".join(ops) + "\n"


def _advances(text: str, size: float) -> list[float]:
    """The x offset of each character of ``text`` set in Helvetica at ``size``."""
    font, _ = _nimbus()
    return [font.text_length(text[:i], fontsize=size) for i in range(len(text))]


def _picture(text: str, size: float = 12, dpi: int = 200) -> tuple[bytes, float, float]:
    """``text`` rendered as a PNG picture, and its size in points."""
    width = pymupdf.get_text_length(text, fontsize=size) + 8
    with pymupdf.open() as doc:
        page = doc.new_page(width=width, height=size * 1.8)
        page.insert_text((4, size * 1.3), text, fontsize=size)
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        return pix.tobytes("png"), width, size * 1.8


def _embedded(
    doc: pymupdf.Document, page: pymupdf.Page, text: str, y: float, buffer: bytes
) -> None:
    """``text`` at (72, y) in an embedded font made from ``buffer`` (any Unicode it has)."""
    page.insert_font(fontname="emb", fontbuffer=buffer)
    page.insert_text((72, HEIGHT - y), text, fontname="emb", fontsize=12)
    doc.subset_fonts()


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


# -- look-alike characters ---------------------------------------------------------------------


@specimen()
def leak_lookalike_dash() -> bytes:
    """VISIBLE: the code printed with en dashes (U+2013) where the pattern has '-'."""
    return _page(_ordinary(_text(72, 500, "Routing: " + CODE.replace("-", "\u2013"))))


@specimen()
def leak_nonbreaking_hyphen() -> bytes:
    """VISIBLE: Helvetica's hyphen glyph, /ToUnicode saying U+2011."""

    def tounicode(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        cmap = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            "1 beginbfrange <20> <7E> <0020> endbfrange\n"
            "1 beginbfchar <2D> <2011> endbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        )
        font = _helvetica(pdf)
        font.ToUnicode = pdf.make_stream(cmap.encode("ascii"))
        resources.Font.F3 = font

    return _page(_ordinary(_text(72, 500, f"Routing: {CODE}", font="F3")), tounicode)


@specimen()
def leak_soft_hyphen_dash() -> bytes:
    """VISIBLE: code with WinAnsi's soft hyphen (0xAD), drawn as a hyphen."""
    return _page(_ordinary(_text(72, 500, "Routing: " + CODE.replace("-", "\u00ad"))))


@specimen()
def leak_homoglyph_letters() -> bytes:
    """VISIBLE: code with Cyrillic X and E (U+0425, U+0415): same shapes."""
    code = CODE.replace("X", "\u0425").replace("E", "\u0415")

    def write(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        _embedded(doc, page, f"Routing: {code}", 500, pymupdf.Font("helv").buffer)

    return _mupdf(_page(_ordinary("")), write)


@specimen()
def leak_fullwidth_forms() -> bytes:
    """VISIBLE: code in fullwidth forms (U+FF31...) in an embedded CJK font."""
    code = "".join(chr(ord(c) + 0xFEE0) for c in CODE)

    def write(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        _embedded(doc, page, f"Routing: {code}", 500, pymupdf.Font(ordering=0).buffer)

    return _mupdf(_page(_ordinary("")), write)


@specimen(LIGATURE_NAME, LIGATURE_PATTERN)
def leak_ligature_glyphs() -> bytes:
    """VISIBLE: name set with the ligature U+FB03, one character for 'ffi' in the text."""
    name = LIGATURE_NAME.replace("ffi", "\ufb03")

    def write(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        _embedded(doc, page, f"Witness: {name}", 500, pymupdf.Font("helv").buffer)

    return _mupdf(_page(_ordinary("")), write)


@specimen()
def leak_lowercase_code() -> bytes:
    """VISIBLE: code printed in lower case: the same code, not to the pattern."""
    return _page(_ordinary(_text(72, 500, f"Routing: {CODE.lower()}")))


# -- line breaks -------------------------------------------------------------------------------


@specimen()
def leak_hyphen_wrapped() -> bytes:
    """VISIBLE: code wrapped at its hyphen: 'QX-' ends a line, '4417-ZEBRA' starts one."""
    first = _text(72, 500, f"The transfer was logged under reference {CODE[:3]}")
    return _page(_ordinary(first + _text(72, 486, f"{CODE[3:]} and reviewed the same day.")))


@specimen(NAME, NAME_PATTERN)
def leak_name_wrapped() -> bytes:
    """VISIBLE: name wrapped: 'Rosalind' ends a line, 'Okonkwo' starts the next."""
    first, last = NAME.split()
    lines = _text(72, 500, f"The statement was taken from the witness {first}")
    return _page(_ordinary(lines + _text(72, 486, f"{last} in the presence of counsel.")))


# -- outside the page content ------------------------------------------------------------------


@specimen()
def leak_annotation_appearance() -> bytes:
    """VISIBLE: code only in a stamp annotation's appearance (no /Contents)."""

    def stamp(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        appearance = pdf.make_stream(_text(4, 8, f"Routing: {CODE}").encode("cp1252"))
        appearance.Type, appearance.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        appearance.BBox = pikepdf.Array([0, 0, 220, 24])
        appearance.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=_helvetica(pdf)))
        annot = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Stamp,
            Rect=pikepdf.Array([72, 490, 292, 514]),
            F=4,
            AP=pikepdf.Dictionary(N=appearance),
        )
        pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(annot)])

    return _page(_ordinary(""), stamp)


@specimen()
def leak_sticky_note() -> bytes:
    """HIDDEN: code in a sticky note's contents: an icon on the page, text in a pop-up."""

    def note(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        page.add_text_annot((500, 300), f"Reviewer: the source is {CODE}.")

    return _mupdf(_plain(), note)


@specimen()
def leak_form_field_value() -> bytes:
    """VISIBLE: code as a text form field's value, drawn by its appearance."""

    def field(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        widget = pymupdf.Widget()
        widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT  # type: ignore[attr-defined]
        widget.field_name, widget.field_value = "routing", CODE
        widget.rect, widget.text_fontsize = pymupdf.Rect(72, 330, 300, 350), 12
        page.add_widget(widget)

    return _mupdf(_plain(), field)


@specimen()
def leak_link_uri() -> bytes:
    """HIDDEN: the code in the address of a link over ordinary words."""

    def link(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        where = page.search_for("Nothing further")[0]
        page.insert_link(
            {"kind": pymupdf.LINK_URI, "from": where, "uri": f"https://records.example/{CODE}"}
        )

    return _mupdf(_plain(), link)


@specimen()
def leak_document_metadata() -> bytes:
    """HIDDEN: the code in the document information dictionary and the XMP metadata."""

    def metadata(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        doc.set_metadata({"title": "Field report 7", "subject": f"Routing {CODE}"})
        doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'>{CODE}</x:xmpmeta>")

    return _mupdf(_plain(), metadata)


@specimen()
def leak_embedded_file() -> bytes:
    """HIDDEN: the code in a file attached to the document (the attachments list)."""

    def attach(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        data = f"routing: {CODE}\n".encode()
        pdf.attachments["routing.txt"] = pikepdf.AttachedFileSpec(pdf, data, filename="routing.txt")

    return _page(_ordinary(_text(72, 500, "Nothing further was recorded on this date.")), attach)


@specimen()
def leak_bookmark_title() -> bytes:
    """HIDDEN: the code in the title of a bookmark (outline item)."""

    def outline(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        doc.set_toc([[1, f"Routing {CODE}", 1]])

    return _mupdf(_plain(), outline)


@specimen()
def leak_document_javascript() -> bytes:
    """HIDDEN: the code in document-level JavaScript (the /Names tree)."""

    def script(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        action = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=f"var routing = '{CODE}';")
        names = pikepdf.Array([pikepdf.String("init"), pdf.make_indirect(action)])
        pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=names))

    return _page(_ordinary(_text(72, 500, "Nothing further was recorded on this date.")), script)


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
