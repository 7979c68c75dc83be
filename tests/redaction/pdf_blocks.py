"""What the adversarial redaction corpus (`adversarial`, `adversarial_more`) is built from: the
secrets, the corpus and its registering decorator, and the building blocks of a page (content
streams written by hand with pikepdf, or changed by PyMuPDF), byte-for-byte the same on every
build."""

from __future__ import annotations

import io
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
