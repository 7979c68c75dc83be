"""Plain Latin text in the standard Helvetica: where it lands, what every extractor reads, and
that nothing the page already had is lost."""

from __future__ import annotations

import io

import pymupdf
import pypdf
import pypdfium2
import pytest

from clawback.pdf.marks.helvetica import FONT_OBJECT, plain, text_width, write_text

TEXT = "REDACTED \u2013 LAW ENFORCEMENT PRIVILEGE \u201cEx. 7\u201d"


def _origins(page: pymupdf.Page) -> dict[str, tuple[float, float]]:
    return {
        span["text"]: span["origin"]
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", ())
        for span in line["spans"]
    }


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("offset", [False, True], ids=["plain box", "offset MediaBox+CropBox"])
def test_text_lands_where_search_coordinates_say(rotation: int, offset: bool) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    if offset:
        page.set_mediabox(pymupdf.Rect(10, 50, 612, 842))
        doc.xref_set_key(page.xref, "CropBox", "[20 80 590 830]")
    page.set_rotation(rotation)
    write_text(page, [(100, 200, TEXT)], 12)
    x, y = _origins(page)[TEXT]
    assert abs(x - 100) < 0.01 and abs(y - 200) < 0.01
    (hit,) = page.search_for("LAW ENFORCEMENT")
    assert abs(hit.x0 - (100 + text_width("REDACTED \u2013 ", 12))) < 0.5


def test_every_extractor_reads_the_dash_and_quotes_and_no_font_is_embedded() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "earlier text", fontsize=11)
    write_text(page, [(72, 300, TEXT)], 10, color=(1.0, 1.0, 1.0))
    pdf = doc.tobytes(garbage=4)
    assert "FontFile" not in pdf.decode("latin-1")
    with pymupdf.open(stream=pdf) as reread:
        mupdf = reread[0].get_text()
    pdfium_doc = pypdfium2.PdfDocument(pdf)
    pdfium = pdfium_doc[0].get_textpage().get_text_range()
    pdfium_doc.close()
    pypdf_text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for reading in (mupdf, pdfium, pypdf_text):
        assert TEXT in reading
        assert "earlier text" in reading


def test_inherited_resources_are_kept_and_shared_fonts_named_once() -> None:
    """A page that inherits its /Resources from the page tree gets its own copy first, so the
    content's own font still resolves; a page's existing /Font dictionary is added to."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "inherited font", fontsize=11)
    resources = doc.xref_get_key(page.xref, "Resources")[1]
    pages = int(doc.xref_get_key(doc.pdf_catalog(), "Pages")[1].split()[0])
    doc.xref_set_key(pages, "Resources", resources)
    doc.xref_set_key(page.xref, "Resources", "null")
    page = doc.reload_page(page)
    write_text(page, [(72, 150, "new label")], 11)
    write_text(page, [(72, 200, "second label")], 11)
    text = page.get_text()
    assert "inherited font" in text and "new label" in text and "second label" in text
    fonts = doc.xref_get_key(page.xref, "Resources/Font")[1]
    assert fonts.count("ClawbackHelv") == 1
    assert FONT_OBJECT.replace("/", "") in "".join(
        doc.xref_object(x, compressed=True).replace("/", "") for x in range(1, doc.xref_length())
    )


def test_only_plain_windows_1252_is_written() -> None:
    assert plain("Bates ABC-0001 \u2013 \u20ac \u00e9")
    assert not plain("soft\u00adhyphen") and not plain("\u4e2d\u6587") and not plain("tab\t")
    page = pymupdf.open().new_page()
    with pytest.raises(ValueError, match="not plain"):
        write_text(page, [(72, 72, "\u4e2d\u6587")], 10)
