"""Where a text redaction's boxes land, on pages drawn so that they miss.

MuPDF's search finds the text exactly as asked and nothing else; the net under it
(`_check_spelled` in `redact`, reading the page's own characters with `spelled_at`) must see
every other place the page still spells the item as a reader reads it: letter case, accents
composed or not, ligatures, dash look-alikes, soft hyphens and zero-width characters, a line
break anywhere, letter-spacing, glyphs drawn right to left or in scrambled order. Each page here
prints the item once as asked and once more in such a form. Before, the first copy was boxed,
the second left printed, and `check_gone` passed: every reader of the finished file (or pdfium,
pdftotext and the eye, for a copy drawn out of order) still read the item. Now the redaction is
refused, naming the item; through a filing, the filing is refused and nothing is written.

What only resembles the item (another code, the item's letters across two words) is neither
refused nor removed. Text beyond the page's edges (MediaBox or CropBox) is printed by no viewer
but read by pypdf, pdfminer and pdfium: it is now found and removed like the rest.

One page per test, no OCR: the leak is in the page text itself."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pikepdf
import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.domain.errors import DocumentError
from clawback.domain.privacy import Privacy
from clawback.domain.seal_parts import SealPart
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, RedactionError, redact
from clawback.service import Workspace
from tests.redaction.extractors import contains, found_in, texts

ITEM = "DB-40981"
REFUSED = r"item 'c1': \d+ of its characters on page 1 lie outside every box"


def _page(
    lines: list[str],
    *,
    embedded: bool = False,
    at: tuple[float, float] | None = None,
    off: str | None = None,
    cropbox: tuple[float, float, float, float] | None = None,
) -> bytes:
    """One 612 x 792 page with `lines` from (72, 100), 16 points apart, in Helvetica or (with
    `embedded`) in an embedded font holding combining marks and ligatures; `off` printed once
    more at `at`."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    font = "helv"
    if embedded:
        page.insert_font(fontname="emb", fontbuffer=pymupdf.Font(ordering=0).buffer)
        font = "emb"
    for n, line in enumerate(lines):
        page.insert_text((72, 100 + 16 * n), line, fontname=font, fontsize=11)
    if off is not None and at is not None:
        page.insert_text(at, off, fontname=font, fontsize=11)
    if cropbox is not None:
        page.set_cropbox(pymupdf.Rect(cropbox))
    if embedded:
        doc.subset_fonts()
    data: bytes = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return data


def _glyph_by_glyph(line: str, order: list[int]) -> bytes:
    """`FIRST` as one line, and `line` under it drawn one glyph at a time in `order`, each
    glyph in its place (the page looks the same whatever the order)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), FIRST, fontsize=11)
    for i in order:
        x = 72 + pymupdf.get_text_length(line[:i], fontsize=11)
        page.insert_text((x, 116), line[i], fontsize=11)
    data: bytes = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return data


def _redact(pdf: bytes, text: str = ITEM) -> bytes:
    item = Redaction(page=0, reason="REDACTED", text=text, label="c1")
    return redact(pdf, [item], WIDTH_POLICY).pdf


FIRST = "known code DB-40981 was entered"

#: name: (lines, the item, an embedded font?). The item is printed on the first line as asked
#: and once more below it in another form.
SECOND_COPIES = {
    "wrapped_at_its_hyphen": ([FIRST, "and later the same code DB-", "40981 again"], ITEM, False),
    "wrapped_inside_a_word": ([FIRST, "and later the same code DB-409", "81 again"], ITEM, False),
    "letter_spaced": ([FIRST, "and later D B - 4 0 9 8 1 again"], ITEM, False),
    "en_dashes": (
        ["SSN 555-44-3333 on file", "again 555\u201344\u20133333 given"],
        "555-44-3333",
        True,
    ),
    "soft_hyphen_inside": ([FIRST, "again DB-40\u00ad981 said"], ITEM, False),
    "zero_width_space_inside": ([FIRST, "again DB-40\u200b981 said"], ITEM, True),
    "decomposed_accents": (
        ["Witness Jos\u00e9 N\u00fa\u00f1ez today", "again Jose\u0301 Nu\u0301n\u0303ez said"],
        "Jos\u00e9 N\u00fa\u00f1ez",
        True,
    ),
}


@pytest.mark.parametrize("name", sorted(SECOND_COPIES))
def test_a_second_copy_the_search_misses_is_refused(name: str) -> None:
    lines, text, embedded = SECOND_COPIES[name]
    pdf = _page(lines, embedded=embedded)
    assert found_in({"page": "\n".join(lines)}, text) == ["page"]  # as a reader reads it
    with pytest.raises(RedactionError, match=REFUSED):
        _redact(pdf, text)


@pytest.mark.parametrize("how", ["right_to_left", "scrambled"])
def test_a_second_copy_drawn_out_of_order_is_refused(how: str) -> None:
    """MuPDF reads such a copy in the order it was drawn (``1 8 9 0 4 - B D``); pdfium,
    pdftotext and the eye read it as it stands."""
    line = "again DB-40981 said"
    order = (
        list(range(len(line)))[::-1]
        if how == "right_to_left"
        else [(i * 7) % len(line) for i in range(len(line))]
    )
    pdf = _glyph_by_glyph(line, [i for i in order if line[i] != " "])
    assert "pdfium" in found_in(texts(pdf), ITEM)
    with pytest.raises(RedactionError, match=REFUSED):
        _redact(pdf)


def test_overlapping_occurrences_are_refused() -> None:
    """``12-12`` is printed twice in ``12-12-12``, the second starting inside the first: the
    search boxes the first and the second's ``-12`` was left printed."""
    with pytest.raises(RedactionError, match=REFUSED):
        _redact(_page(["ticket 12-12-12 closed"]), "12-12")


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        (["Witness Griffin Okonkwo today", "again Gri\ufb03n Okonkwo said"], "Griffin Okonkwo"),
        ([FIRST, "again db-40981 said"], ITEM),
    ],
    ids=["ligature", "lower_case"],
)
def test_a_copy_the_search_finds_too_is_boxed(lines: list[str], text: str) -> None:
    """MuPDF's search expands the ligature U+FB03 and ignores letter case: both copies are
    boxed, and nothing is refused."""
    out = _redact(_page([*lines, "Prepared for counsel."], embedded=True), text)
    readings = texts(out)
    assert all(found_in(readings, word) == [] for word in text.split())
    assert contains(readings["pymupdf"], "Prepared for counsel.")


@pytest.mark.parametrize(
    ("lines", "text", "kept"),
    [
        ([FIRST, "not DB-40982, nor DB-4098 nor 40981 alone"], ITEM, "nor DB-4098 nor 40981"),
        (["Lorem ipsum dolor", "ut labore et dolore magna"], "Lorem", "et dolore magna"),
        (["Janet Roe signed", "with Janet, Roe's aunt"], "Janet Roe", "Janet, Roe's aunt"),
    ],
    ids=["near_misses", "across_a_word_boundary", "other_punctuation"],
)
def test_what_only_resembles_the_item_stays(lines: list[str], text: str, kept: str) -> None:
    """Not refused and not removed: another code, part of the code, the letters of the item
    across two words (``dolore magna``), its words with other punctuation between them."""
    with pymupdf.open(stream=_redact(_page(lines), text), filetype="pdf") as doc:
        assert doc[0].search_for(text) == []
        assert contains(doc[0].get_text(), kept)


@pytest.mark.parametrize(
    ("at", "cropbox"),
    [((640, 400), None), ((72, 760), (0, 0, 612, 700))],
    ids=["beyond_the_mediabox", "outside_the_cropbox"],
)
def test_a_copy_beyond_the_page_edge_is_removed(
    at: tuple[float, float], cropbox: tuple[float, float, float, float] | None
) -> None:
    """Printed by no viewer, yet read by pypdf, pdfminer, pdfium and from the content stream:
    the search did not look past the page's edge (its text page was clipped to it whatever
    the flags said), so this copy stayed in the file."""
    pdf = _page([FIRST, "Prepared for counsel."], off=f"code {ITEM} was", at=at, cropbox=cropbox)
    assert len(found_in(texts(pdf), ITEM)) >= 4
    out = _redact(pdf)
    readings = texts(out)
    assert found_in(readings, ITEM) == []
    assert contains(readings["pdfminer"], "Prepared for counsel.")


def test_a_filing_with_a_hyphen_wrapped_copy_of_a_minors_name_is_refused(
    tmp_path: Path,
) -> None:
    """End to end through a seal part (FRCP 5.2(a)(3)): the minor's name once whole and once
    hyphenated at a line's end (``Jan-`` / ``et Roe``). The finder cuts the whole name; the
    wrapped one was filed in the public version, read by every extractor, and the gate did
    not see it (its reading keeps the hyphen). The filing is now refused, naming the file, and
    no public version is written."""
    lines = ["Interview of Janet Roe, a minor", "the minor is Jan-", "et Roe, by counsel"]
    ws = Workspace.init(tmp_path / "ws").operator()
    try:
        ws.matter.load_case(reference_case())
        ws.ingest.ingest(_page(lines), title="intake", exhibit=1)
        ws.designations.designate(1, "Confidential")
        ws.productions.produce([1], "TST-00000001", "VOL001")
        part = SealPart(privacy=(Privacy.minor,), minors=("Janet Roe",), what="a name")
        ws.sealing.seal(
            "40",
            exhibits=[1],
            kind="non_dispositive",
            granted=True,
            on=date(2021, 6, 3),
            movant="receiving",
            part=part,
        )
        with pytest.raises(DocumentError, match=r"^public/ex01_TST-00000001\.pdf: item '.*': "):
            ws.filings.file(tmp_path / "out")
    finally:
        ws.close()
    assert not (tmp_path / "out" / "public" / "ex01_TST-00000001.pdf").exists()


def _lying_copy() -> bytes:
    """`FIRST`, and under it ``again DB-40981 said`` drawn in Helvetica whose /ToUnicode says
    the glyphs '0' and '1' are 'O' and 'l': the page prints the item, its text reads
    ``DB-4O98l``."""
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Lying def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        "1 beginbfrange <20> <7E> <0020> endbfrange\n"
        "2 beginbfchar <30> <004F> <31> <006C> endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    pdf = pikepdf.new()
    fonts = {}
    for name, lying in (("F1", False), ("F2", True)):
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
        if lying:
            font.ToUnicode = pdf.make_stream(cmap.encode("ascii"))
        fonts["/" + name] = pdf.make_indirect(font)
    content = (
        f"BT /F1 11 Tf 72 692 Td ({FIRST}) Tj ET\n"
        f"BT /F2 11 Tf 72 676 Td (again {ITEM} said) Tj ET\n"
    )
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=pikepdf.Array([0, 0, 612, 792]),
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(fonts)),
        Contents=pdf.make_stream(content.encode("ascii")),
    )
    pdf.pages.append(pikepdf.Page(page))
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def test_a_copy_whose_text_lies_about_its_glyphs_is_refused() -> None:
    """Every text reader takes the font's /ToUnicode at its word, so the second copy
    reads ``DB-4O98l`` to all of them (and to the net) while the page prints ``DB-40981``:
    it was neither boxed nor refused (the filing gate's OCR reads only pages that draw
    pictures, Type 3 glyphs or garbage text). The font's /ToUnicode is compared with its
    encoding (`pdf.shows.lying`): the redaction is refused, naming the page and the font."""
    pdf = _lying_copy()
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        assert "again DB-4O98l said" in doc[0].get_text()
    with pytest.raises(RedactionError, match=r"^page 1: font F2 reads as other letters"):
        _redact(pdf)
