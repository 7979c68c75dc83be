"""A document's fonts are read once at ingest, not once a page: whether a font's map lies or
cannot be checked (`pdf.shows.lying`) is the font's, so the pages of one opening of a file share
what was found (`PageReads.fonts_known`). Reading a font's /ToUnicode map and program on every
page cost as much as a raw text read of the page (36 pages of a pdfTeX manual: 1.2 ms a page
against 1.1). Same plans, page by page, as reading each page's fonts anew."""

from __future__ import annotations

import io

import pikepdf
import pymupdf
import pytest

from clawback.ingest.ready import make_ready
from clawback.pdf.shows import lying
from clawback.pdf.shows.lying import FontsKnown
from clawback.pdf.shows.ocr import ocr_plan
from clawback.pdf.shows.pagereads import PageReads
from tests.pdf.test_lying import HONEST, LYING


def _pages(cmap: str, count: int = 4) -> bytes:
    """`count` pages drawing one simple font (a shared object) with this /ToUnicode map."""
    pdf = pikepdf.new()
    body = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{cmap}endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
            ToUnicode=pdf.make_stream(body.encode("ascii")),
        )
    )
    for n in range(count):
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=pikepdf.Array([0, 0, 612, 792]),
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary({"/F1": font})),
            Contents=pdf.make_stream(
                f"BT /F1 11 Tf 72 692 Td (page {n} DB-40981) Tj ET\n".encode()
            ),
        )
        pdf.pages.append(pikepdf.Page(page))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_ingest_reads_a_shared_font_once(monkeypatch: pytest.MonkeyPatch) -> None:
    maps = []
    read = lying._unicode_map

    def counted(doc: pymupdf.Document, xref: int, width: int) -> dict[int, str]:
        maps.append(xref)
        return read(doc, xref, width)

    monkeypatch.setattr(lying, "_unicode_map", counted)
    ready = make_ready(_pages(HONEST), None, "", "application/pdf", "", None, None)
    assert len(ready.pages) == 4 and "ocr" not in ready.steps
    assert len(maps) == 1, maps


@pytest.mark.parametrize("cmap", [HONEST, LYING])
def test_the_same_plan_for_every_page_as_reading_its_fonts_anew(cmap: str) -> None:
    with pymupdf.open(stream=_pages(cmap)) as doc:
        known: FontsKnown = {}
        shared = [ocr_plan(page, PageReads(page, known)) for page in doc]
        alone = [ocr_plan(page) for page in doc]
    assert shared == alone
    assert all(plan is not None for plan in shared) is (cmap == LYING)  # a lying map: OCR'd
