"""True redaction: removed from the file, neighbours intact, nothing else left behind."""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.files.document import PdfError
from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import Redaction, RedactionError, redact, scrub
from clawback.pdf.shows.extract import read_pages
from tests.pdf.builders import (
    IMAGE_RECT,
    NEIGHBOUR,
    REASON,
    SECRET,
    SECRET_LABEL,
    SECRETS,
    actualtext_doc,
    image_pdf,
    text_doc,
    text_pdf,
)


def by_text(page: int = 0, text: str = SECRET, label: str = SECRET_LABEL) -> Redaction:
    return Redaction(page=page, reason=REASON, text=text, label=label)


def words(pdf: bytes, page: int = 0) -> dict[str, float]:
    with pymupdf.open(stream=pdf) as doc:
        return {w[4]: round(w[0], 2) for w in doc[page].get_text("words")}


def test_text_redaction_removes_the_code_and_keeps_the_neighbours_in_place() -> None:
    original = text_pdf()
    result = redact(original, [by_text()])
    text = read_pages(result.pdf)[0].text
    assert SECRET not in text
    assert NEIGHBOUR in text
    assert REASON in text  # the reason, printed on the box, en dash intact
    before, after = words(original), words(result.pdf)
    # PyMuPDF 2.0 slides the rest of the line left; the engine puts it back.
    for word in ("Case", "code", "assigned", "Ejemplo", "Marisol"):
        assert after[word] == before[word], word
    (page, _rect, label), *rest = result.boxes
    assert (page, label, rest) == (0, SECRET_LABEL, [])
    assert verify(result.pdf, SECRETS, boxes=result.boxes, xray=False) == []


def test_every_occurrence_on_the_page_is_removed() -> None:
    doc = text_doc()
    doc[0].insert_text((72, 200), f"Again: {SECRET.lower()} and {SECRET}.", fontsize=11)
    result = redact(doc.tobytes(), [by_text()])
    assert len(result.boxes) == 3  # MuPDF search is case-insensitive
    assert SECRET.lower() not in read_pages(result.pdf)[0].text.lower()
    assert verify(result.pdf, SECRETS, boxes=result.boxes, xray=False) == []


def test_text_not_found_names_the_item_never_the_text() -> None:
    with pytest.raises(RedactionError) as caught:
        redact(text_pdf(pages=2), [by_text(page=1, text="FIR-1999-00-000000", label="old")])
    assert str(caught.value) == "item 'old' not found on page 2"
    assert "FIR-1999" not in str(caught.value)


def test_rectangle_over_an_image_blanks_those_pixels_only() -> None:
    box = (150.0, 320.0, 200.0, 350.0)
    result = redact(image_pdf(), [Redaction(page=0, reason=REASON, rect=box, label="img")])
    with pymupdf.open(stream=result.pdf) as doc:
        page = doc[0]
        (info,) = page.get_image_info(xrefs=True)
        pix = pymupdf.Pixmap(doc, info["xref"])
        # Image space: 200x100 pixels over IMAGE_RECT, so the box is x 50-100, y 20-50.
        under = {pix.pixel(x, y) for x in range(52, 98) for y in range(22, 48)}
        assert under == {(255, 255, 255)}
        assert pix.pixel(10, 10) == (10, 20, 107)  # untouched outside the box
        assert pymupdf.Rect(info["bbox"]) == IMAGE_RECT
    assert verify(result.pdf, [], boxes=result.boxes, xray=False) == []


def test_whole_page_redaction_leaves_nothing_of_the_page() -> None:
    original = text_pdf(pages=3)
    result = redact(original, [Redaction(page=1, reason=REASON, label="withheld")])
    pages = read_pages(result.pdf)
    assert len(pages) == 3
    assert pages[1].text.split() == REASON.split()
    assert pages[0].text == read_pages(original)[0].text
    assert result.boxes == [(1, (0.0, 0.0, 612.0, 792.0), "withheld")]
    assert (
        verify(result.pdf, [("page-2", "assigned on page 2")], boxes=result.boxes, xray=False) == []
    )


def test_actualtext_is_found_removed_and_stripped() -> None:
    result = redact(actualtext_doc().tobytes(), [by_text()])
    assert b"ActualText" not in result.pdf
    assert verify(result.pdf, SECRETS, boxes=result.boxes, xray=False) == []
    assert NEIGHBOUR in read_pages(result.pdf)[0].text


def test_form_fields_are_baked_so_visible_values_stay_and_secret_values_go() -> None:
    doc = text_doc()
    page = doc[0]
    for name, value, y in (("code", SECRET, 500), ("name", "Visible Person", 540)):
        widget = pymupdf.Widget()
        widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
        widget.field_name, widget.field_value = name, value
        widget.rect = pymupdf.Rect(72, y, 300, y + 20)
        page.add_widget(widget)
    result = redact(doc.tobytes(), [by_text()])
    text = read_pages(result.pdf)[0].text
    assert "Visible Person" in text and SECRET not in text
    assert verify(result.pdf, SECRETS, boxes=result.boxes, xray=False) == []


def test_scrub_removes_everything_but_content() -> None:
    doc = text_doc()
    page = doc[0]
    page.add_text_annot((300, 300), "a note")
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 600, 200, 620),
                      "uri": "https://example.invalid/"})  # fmt: skip
    doc.set_toc([[1, "Chapter", 1]])
    doc.embfile_add("notes.txt", b"attachment body")
    doc.set_metadata({"title": "Title", "author": "Author"})
    doc.set_xml_metadata("<x:xmpmeta xmlns:x='adobe:ns:meta/'>xmp</x:xmpmeta>")
    clean = scrub(doc.tobytes())
    assert verify(clean, [("title", "Title"), ("attachment", "attachment body")], xray=False) == []
    assert SECRET in read_pages(clean)[0].text  # scrub alone does not touch content


def test_unapplied_redaction_annotations_in_the_input_are_refused() -> None:
    doc = text_doc()
    page = doc[0]
    page.add_redact_annot(page.search_for(NEIGHBOUR)[0])
    with pytest.raises(PdfError, match="page 1 has an unapplied redaction annotation"):
        redact(doc.tobytes(), [by_text()])
    with pytest.raises(PdfError, match="unapplied redaction annotation"):
        scrub(doc.tobytes())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"page": 0, "reason": REASON}, "needs a label"),
        ({"page": -1, "reason": REASON, "label": "a"}, "page index must be >= 0"),
        ({"page": 0, "reason": " ", "label": "a"}, "empty reason"),
        ({"page": 0, "reason": REASON, "label": "a", "rect": (0, 0, 1, 1), "text": "x"},
         "not both"),
        ({"page": 0, "reason": REASON, "label": "a", "rect": (5, 5, 1, 1)}, "inverted"),
    ],
)  # fmt: skip
def test_redaction_items_are_validated(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Redaction(**kwargs)


def test_redaction_that_would_delete_a_neighbouring_line_is_refused() -> None:
    """MuPDF 1.28 removes glyphs of the next line here (horizontal scaling left set by the first
    line's content stream); the engine notices the deleted glyphs and refuses. If a PyMuPDF
    upgrade stops deleting them, this test fails: re-check and update it."""
    doc = text_doc()
    page = doc[0]
    xref = page.get_contents()[0]
    line = f"BT /helv 11 Tf 72 692 Td 150 Tz (Case code ) Tj ({SECRET}) Tj ( assigned.) Tj ET"
    doc.update_stream(xref, line.encode())
    with pytest.raises(RedactionError, match="would also delete text outside its box"):
        redact(doc.tobytes(), [by_text()])


def test_missing_page_and_off_page_rectangle_are_errors() -> None:
    with pytest.raises(RedactionError, match="item 'p9': page 9 does not exist"):
        redact(text_pdf(), [Redaction(page=8, reason=REASON, label="p9")])
    off = Redaction(page=0, reason=REASON, rect=(700, 900, 800, 950), label="off")
    with pytest.raises(RedactionError, match="item 'off': rectangle lies off page 1"):
        redact(text_pdf(), [off])


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_the_box_covers_the_text_on_rotated_cropped_pages(rotation: int) -> None:
    """MuPDF paints a redaction annotation's fill beside the text on a page that is rotated
    and cropped (it takes the CropBox's size, not its offset); the engine paints its own."""
    doc = text_doc()
    doc[0].set_cropbox(pymupdf.Rect(20, 30, 600, 700))
    doc[0].set_rotation(rotation)
    result = redact(doc.tobytes(), [by_text()])
    ((_, box, _),) = result.boxes
    with pymupdf.open(stream=result.pdf) as out:
        page = out[0]
        fills = [d["rect"] for d in page.get_cdrawings() if d.get("fill")]
        assert any(max(abs(a - b) for a, b in zip(f, box, strict=True)) < 0.01 for f in fills)
        assert SECRET not in page.get_text() and NEIGHBOUR in page.get_text()
    assert verify(result.pdf, SECRETS, boxes=result.boxes, xray=False) == []
