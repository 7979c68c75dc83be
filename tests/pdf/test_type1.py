"""Type 1 fonts (what TeX embeds) after a redaction: MuPDF does not re-subset them, `resubset`
does, and the gate's ``font`` check reads them with fontTools to prove it.

On the real pdflatex samples of ../shared/samples/pdfs."""

from __future__ import annotations

from collections.abc import Callable

import pymupdf
import pytest
from fontTools.agl import toUnicode

from clawback.pdf.files.document import open_pdf
from clawback.pdf.gate.check_fonts import _type1, font_findings
from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import Redaction, RedactionError, redact
from clawback.pdf.redaction.type1 import (
    _EEXEC_KEY,  # the format's own cipher, to write a reordered program
    Type1Error,
    Type1Program,
    _encrypt,
    empty_glyphs,
    glyph_names,
)
from clawback.pdf.shows.glyphs import drawn, font_key
from tests.conftest import SHARED

SAMPLES = SHARED / "samples" / "pdfs" / "forms-annotations"
TEX = ["with-attachment.pdf", "pdflatex-forms.pdf"]


def _program(doc: pymupdf.Document) -> tuple[int, str]:
    """The stream xref and font key of the first Type 1 program on page 1."""
    for xref, ext, _, basefont, *_ in doc[0].get_fonts(full=True):
        if ext == "pfa":
            descriptor = int(doc.xref_get_key(xref, "FontDescriptor")[1].split()[0])
            return int(doc.xref_get_key(descriptor, "FontFile")[1].split()[0]), font_key(basefont)
    raise AssertionError("no Type 1 program")


def _lengths(doc: pymupdf.Document, stream: int) -> tuple[int, int]:
    return (
        int(doc.xref_get_key(stream, "Length1")[1]),
        int(doc.xref_get_key(stream, "Length2")[1]),
    )


def _names_match_what_is_drawn(doc: pymupdf.Document) -> int:
    stream, key = _program(doc)
    names = glyph_names(Type1Program.read(doc.xref_stream(stream), *_lengths(doc, stream)))
    checked = 0
    for page in doc:
        for span in page.get_texttrace():
            if font_key(span["font"]) != key:
                continue
            for unicode, gid, *_ in span["chars"]:
                assert toUnicode(names[gid]) == chr(unicode), (gid, names[gid], chr(unicode))
                checked += 1
    return checked


@pytest.mark.parametrize("name", TEX)
def test_glyph_ids_are_the_ones_mupdf_draws(name: str) -> None:
    with pymupdf.open(SAMPLES / name) as doc:
        assert _names_match_what_is_drawn(doc) > 3


def test_notdef_anywhere_still_numbers_as_freetype_does() -> None:
    """A program whose /CharStrings list .notdef last: FreeType swaps it to glyph id 0, and
    so must `glyph_names`, or the wrong glyphs would be emptied."""
    with pymupdf.open(SAMPLES / "with-attachment.pdf") as doc:
        stream, _ = _program(doc)
        length1, length2 = _lengths(doc, stream)
        font = Type1Program.read(doc.xref_stream(stream), length1, length2)
        first, *rest = font.entries
        assert first.name == ".notdef"
        private = font.private
        moved = (
            private[: first.head]
            + b"".join(private[e.head : _end(private, e.end)] for e in rest)
            + private[first.head : _end(private, first.end)]
            + private[_end(private, rest[-1].end) :]
        )
        program = font.clear + _encrypt(moved, _EEXEC_KEY) + font.trailer
        doc.update_stream(stream, program)
        doc.xref_set_key(stream, "Length2", str(len(moved)))
        reordered = pymupdf.open(stream=doc.tobytes())
        names = glyph_names(Type1Program.read(program, length1, len(moved)))
        assert names[0] == ".notdef" and names[-1] == rest[0].name  # swapped, not shifted
        assert _names_match_what_is_drawn(reordered) > 3


def _end(private: bytes, end: int) -> int:
    """Past the ``ND`` token and the whitespace after a charstring ending at `end`."""
    at = end
    while private[at : at + 1].isspace():
        at += 1
    while at < len(private) and not private[at : at + 1].isspace():
        at += 1
    while at < len(private) and private[at : at + 1].isspace():
        at += 1
    return at


@pytest.mark.parametrize("name", TEX)
def test_emptying_nothing_gives_back_the_same_bytes(name: str) -> None:
    with pymupdf.open(SAMPLES / name) as doc:
        stream, _ = _program(doc)
        length1, length2 = _lengths(doc, stream)
        program = doc.xref_stream(stream)
        assert empty_glyphs(program, length1, length2, ()) == (
            program,
            length2,
            len(program) - length1 - length2,
        )


def test_redaction_takes_out_the_glyphs_only_the_removed_text_drew() -> None:
    source = (SAMPLES / "with-attachment.pdf").read_bytes()
    result = redact(source, [Redaction(page=0, reason="R", text="Lorem", label="lorem")])
    with open_pdf(source) as before, open_pdf(result.pdf) as after:
        _, key = _program(before)
        gone = {gid for font, gid in drawn(before) - drawn(after) if font == key}
        assert gone, "the sample has a glyph only 'Lorem' draws"
        assert font_findings(after, before, result.boxes) == []
        kept = {gid for font, gid in drawn(after) if font == key}
        outlined = _outlined(after)
        assert all(outlined(gid) for gid in kept)
        assert not any(outlined(gid) for gid in gone)
        # the original program still has them: the check is not vacuous
        assert all(_outlined(before)(gid) for gid in gone)
    # nothing else on the page changed: the gate, render check included, passes
    assert verify(result.pdf, [], boxes=result.boxes, original=source, xray=False) == []


def _outlined(doc: pymupdf.Document) -> Callable[[int], bool]:
    """Whether each glyph id of the page's Type 1 program has an outline (the gate's reader)."""
    stream, _ = _program(doc)
    return _type1(doc.xref_stream(stream))


def test_gate_catches_the_original_program_put_back() -> None:
    source = (SAMPLES / "with-attachment.pdf").read_bytes()
    result = redact(source, [Redaction(page=0, reason="R", text="Lorem", label="lorem")])
    with open_pdf(source) as before, open_pdf(result.pdf) as after:
        old, _ = _program(before)
        new, _ = _program(after)
        after.update_stream(new, before.xref_stream(old))
        for length in ("Length1", "Length2", "Length3"):
            after.xref_set_key(new, length, before.xref_get_key(old, length)[1])
        bad = after.tobytes(garbage=4, deflate=True)
    findings = verify(bad, [], boxes=result.boxes, original=source, xray=False)
    assert [f.check for f in findings] == ["font"]
    assert (
        str(findings[0]) == "page 1: font: font CMR10 still holds 1 glyph(s) only removed text drew"
    )


def test_a_program_that_cannot_be_read_stops_the_redaction_naming_the_font() -> None:
    with pymupdf.open(SAMPLES / "with-attachment.pdf") as doc:
        stream, _ = _program(doc)
        doc.xref_set_key(stream, "Length1", "5")  # the clear part cut inside its header
        broken = doc.tobytes()
    with pytest.raises(RedactionError, match="font re-subsetting failed: font CMR10: "):
        redact(broken, [Redaction(page=0, reason="R", text="Lorem", label="lorem")])
    with pytest.raises(Type1Error, match="no /CharStrings"):
        Type1Program.read(b"%!PS-AdobeFont-1.0\n" + bytes(200), 19, 200)
