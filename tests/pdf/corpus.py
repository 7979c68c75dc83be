"""The gate's own test corpus: files the verifier must reject, and files it must pass.

Every entry is a real PDF built with PyMuPDF the way a careless (bad) or a correct (good)
redaction would produce it, plus the checks expected to catch it. Re-run on every PDF library
upgrade: PyMuPDF 1.24 and 2.0 differ in what survives redaction.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pymupdf

from clawback.pdf.marks.stamp import stamp
from clawback.pdf.redaction.redact import Redaction, WidthPolicy, pages_holding, redact
from clawback.pdf.shows.visible import visible_copy
from tests.pdf.builders import (
    IMAGE_RECT,
    REASON,
    SECRET,
    SECRET_LABEL,
    SECRETS,
    actualtext_doc,
    black_png,
    embedded_font_pdf,
    image_pdf,
    overwrite_incrementally,
    save_incrementally,
    scanned_page_doc,
    text_doc,
    text_pdf,
    two_page_doc,
)

Box = tuple[int, tuple[float, float, float, float], str]


@dataclass(frozen=True)
class Case:
    """One corpus file: its bytes, what verify is told, and the checks that must fire."""

    pdf: bytes
    catches: frozenset[str] = frozenset()
    boxes: tuple[Box, ...] = ()
    labels: tuple[tuple[str, str], ...] | None = None
    secrets: tuple[tuple[str, str], ...] = tuple(SECRETS)
    xray_catches: bool = False
    #: The 0-based page the catching findings name (None: a file-level channel).
    page: int | None = 0
    #: Boxes said to be re-flowed under the default `WidthPolicy` (the ``width`` check).
    reflowed: tuple[Box, ...] = ()
    #: The file before redaction, for the ``render`` check (its pages `offset` points down).
    original: bytes | None = None
    offset: float = 0.0


def _saved(doc: pymupdf.Document, **options: object) -> bytes:
    try:
        return doc.tobytes(**({"garbage": 4, "deflate": True} | options))
    finally:
        doc.close()


def _secret_rect(page: pymupdf.Page) -> pymupdf.Rect:
    return page.search_for(SECRET)[0]


def bad_box_over_live_text() -> Case:
    doc = text_doc()
    rect = _secret_rect(doc[0])
    doc[0].draw_rect(rect, color=None, fill=(0, 0, 0))
    box = (0, tuple(rect), SECRET_LABEL)
    return Case(_saved(doc), frozenset({"text", "raw", "box", "x-ray"}), (box,), xray_catches=True)


def bad_actualtext_survives() -> Case:
    doc = actualtext_doc()
    page = doc[0]
    for hit in page.search_for(SECRET):
        page.add_redact_annot(hit, fill=(0, 0, 0))
    page.apply_redactions(images=2, graphics=2, text=0)  # PyMuPDF 2.0 keeps the /ActualText
    return Case(_saved(doc), frozenset({"text", "raw", "actualtext"}))


def bad_annotation_text() -> Case:
    doc = text_doc()
    page = doc[0]
    for hit in page.search_for(SECRET):
        page.add_redact_annot(hit, fill=(0, 0, 0))
    page.apply_redactions()
    page.add_text_annot((400, 100), f"reviewer: the code was {SECRET}")
    return Case(_saved(doc), frozenset({"annotation", "raw"}))


def bad_form_field_value() -> Case:
    doc = text_doc()
    page = doc[0]
    for hit in page.search_for(SECRET):
        page.add_redact_annot(hit, fill=(0, 0, 0))
    page.apply_redactions()
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name, widget.field_value = "case_code", SECRET
    widget.rect = pymupdf.Rect(72, 500, 300, 520)
    page.add_widget(widget)
    return Case(_saved(doc), frozenset({"form", "annotation", "raw"}))


def bad_embedded_file() -> Case:
    doc = pymupdf.open(stream=redact(text_pdf(), [_item()]).pdf)
    doc.embfile_add("original.txt", f"unredacted: {SECRET}".encode())
    return Case(_saved(doc), frozenset({"attachment", "raw"}), page=None)


def bad_incremental_update(tmp: Path) -> Case:
    pdf = save_incrementally(tmp / "incremental.pdf", text_doc())
    return Case(pdf, frozenset({"revision", "raw", "unreferenced"}), page=None)


def bad_overwritten_stream(tmp: Path) -> Case:
    pdf = overwrite_incrementally(tmp / "overwritten.pdf", text_doc())
    return Case(pdf, frozenset({"revision", "raw"}), page=None)


def bad_metadata() -> Case:
    doc = pymupdf.open(stream=redact(text_pdf(), [_item()]).pdf)
    doc.set_metadata({"title": f"Report {SECRET}", "author": "Analyst"})
    doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'>{SECRET}</x:xmpmeta>")
    return Case(_saved(doc), frozenset({"metadata", "xmp", "raw"}), page=None)


def bad_black_highlight() -> Case:
    doc = text_doc()
    page = doc[0]
    annot = page.add_highlight_annot(_secret_rect(page))
    annot.set_colors(stroke=(0, 0, 0))
    annot.update()
    return Case(_saved(doc), frozenset({"text", "annotation"}))


def bad_unapplied_redact_annot() -> Case:
    doc = text_doc()
    page = doc[0]
    page.add_redact_annot(_secret_rect(page), fill=(0, 0, 0))
    return Case(_saved(doc), frozenset({"text", "annotation"}))


def bad_white_text() -> Case:
    doc = pymupdf.open(stream=redact(text_pdf(), [_item()]).pdf)
    doc[0].insert_text((72, 300), SECRET, fontsize=11, color=(1, 1, 1))
    return Case(_saved(doc), frozenset({"text", "raw"}))


def bad_unreferenced_object() -> Case:
    doc = text_doc()
    page = doc[0]
    for hit in page.search_for(SECRET):
        page.add_redact_annot(hit, fill=(0, 0, 0))
    page.apply_redactions(images=2, graphics=2, text=0)
    # garbage=0 keeps the replaced content stream: unreferenced, but still in the file.
    return Case(_saved(doc, garbage=0), frozenset({"raw", "unreferenced"}), page=None)


def bad_image_under_box() -> Case:
    doc = pymupdf.open(stream=image_pdf())
    rect = pymupdf.Rect(150, 320, 200, 350)
    doc[0].draw_rect(rect, color=None, fill=(0, 0, 0))
    return Case(_saved(doc), frozenset({"box"}), ((0, tuple(rect), "img"),), secrets=())


def bad_wrong_bates() -> Case:
    result = redact(text_pdf(pages=2), [_item(0)])
    stamped = stamp(result.pdf, [("CITY-000101", "CONFIDENTIAL"), ("CITY-000101", "CONFIDENTIAL")])
    expected = (("CITY-000101", "CONFIDENTIAL"), ("CITY-000102", "CONFIDENTIAL"))
    return Case(stamped, frozenset({"label"}), tuple(result.boxes), labels=expected, page=1)


# -- every channel of docs/redaction.md, the secret on page 2 where the channel has a page ------


def _page_two_redacted() -> pymupdf.Document:
    """A correctly redacted two-page file (the secret was on page 2), reopened for tampering."""
    doc = two_page_doc()
    pdf = _saved(doc)
    return pymupdf.open(stream=redact(pdf, [_item(1)]).pdf)


def _page_two_pike(change: Callable[[pikepdf.Pdf], None]) -> bytes:
    """The correctly redacted two-page file with `change` applied by pikepdf, saved whole."""
    with pikepdf.open(io.BytesIO(_saved(_page_two_redacted()))) as pike:
        change(pike)
        buffer = io.BytesIO()
        pike.save(buffer)
        return buffer.getvalue()


def bad_associated_file() -> Case:
    """PDF 2.0 associated file on page 2: survives `scrub()` in PyMuPDF, so pikepdf removes it."""

    def attach(pike: pikepdf.Pdf) -> None:
        spec = pikepdf.AttachedFileSpec(pike, f"unredacted: {SECRET}".encode(), filename="o.txt")
        pike.pages[1].obj["/AF"] = pikepdf.Array([pike.make_indirect(spec.obj)])

    return Case(_page_two_pike(attach), frozenset({"attachment", "raw"}), page=1)


def bad_javascript() -> Case:
    """A page-open action on page 2 carrying the secret in JavaScript."""

    def script(pike: pikepdf.Pdf) -> None:
        action = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=f"app.alert('{SECRET}')")
        pike.pages[1].obj["/AA"] = pikepdf.Dictionary(O=pike.make_indirect(action))

    return Case(_page_two_pike(script), frozenset({"javascript", "action", "raw"}), page=1)


def bad_document_javascript() -> Case:
    """Document-level JavaScript (the /Names tree) with the secret."""

    def script(pike: pikepdf.Pdf) -> None:
        action = pike.make_indirect(
            pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=f"var code = '{SECRET}';")
        )
        names = pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("init"), action]))
        pike.Root["/Names"] = pikepdf.Dictionary(JavaScript=names)

    return Case(_page_two_pike(script), frozenset({"javascript", "raw"}), page=None)


def bad_outline() -> Case:
    """A bookmark whose title is the secret: `scrub()` leaves bookmarks alone."""
    doc = _page_two_redacted()
    doc.set_toc([[1, "Cover", 1], [1, f"Code {SECRET}", 2]])
    return Case(_saved(doc), frozenset({"outline", "raw"}), page=None)


def bad_thumbnail() -> Case:
    """Page 2 keeps a thumbnail picture of itself as it was before redaction."""
    original = two_page_doc()
    picture = original[1].get_pixmap(dpi=20)
    original.close()

    def thumb(pike: pikepdf.Pdf) -> None:
        image = pikepdf.Stream(pike, picture.samples)
        image["/Type"], image["/Subtype"] = pikepdf.Name.XObject, pikepdf.Name.Image
        image["/Width"], image["/Height"] = picture.width, picture.height
        image["/ColorSpace"], image["/BitsPerComponent"] = pikepdf.Name.DeviceRGB, 8
        pike.pages[1].obj["/Thumb"] = pike.make_indirect(image)

    return Case(_page_two_pike(thumb), frozenset({"thumbnail"}), page=1, secrets=())


def bad_page_labels() -> Case:
    """Page labels that spell the secret."""
    doc = _page_two_redacted()
    doc.set_page_labels([{"startpage": 0, "prefix": f"{SECRET}-", "style": "D"}])
    return Case(_saved(doc), frozenset({"page-labels", "raw"}), page=None)


def bad_private_data() -> Case:
    """An editor's /PieceInfo private data on page 2, holding the secret."""

    def piece(pike: pikepdf.Pdf) -> None:
        private = pikepdf.Dictionary(Private=pikepdf.String(f"draft: {SECRET}"))
        pike.pages[1].obj["/PieceInfo"] = pikepdf.Dictionary(
            Editor=pikepdf.Dictionary(
                Private=private, LastModified=pikepdf.String("D:20200101000000")
            )
        )

    return Case(_page_two_pike(piece), frozenset({"private-data", "raw"}), page=1)


def bad_link_uri() -> Case:
    """A link on page 2 whose address carries the secret."""
    doc = _page_two_redacted()
    doc[1].insert_link(
        {"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 130, 200, 145),
         "uri": f"https://records.example/{SECRET}"}
    )  # fmt: skip
    return Case(_saved(doc), frozenset({"annotation", "action", "raw"}), page=1)


def bad_vector_under_box() -> Case:
    """A signature drawn as vector art on page 2, merely covered by a black rectangle."""
    doc = two_page_doc()
    page = doc[1]
    rect = pymupdf.Rect(300, 200, 400, 240)
    page.draw_polyline([(305, 230), (320, 205), (340, 235), (360, 207), (395, 228)], width=2)
    page.draw_rect(rect, color=None, fill=(0, 0, 0))
    box = (1, tuple(rect), "signature")
    return Case(_saved(doc), frozenset({"box"}), (box,), page=1, secrets=())


def bad_black_polygon() -> Case:
    """A black polygon (not a rectangle) over live text on page 2: x-ray does not see it."""
    doc = two_page_doc()
    page = doc[1]
    r = _secret_rect(page)
    points = [
        (r.x0 - 1, r.y0 - 1),
        (r.x1 + 1, r.y0 - 1),
        (r.x1 + 2, r.y1 + 1),
        (r.x0 - 2, r.y1 + 1),
    ]
    page.draw_polyline(points, color=None, fill=(0, 0, 0), closePath=True)
    return Case(_saved(doc), frozenset({"text", "raw", "box"}), ((1, tuple(r), SECRET_LABEL),),
                page=1)  # fmt: skip


def bad_black_image_over_text() -> Case:
    """A black picture laid over live text on page 2: x-ray does not see it."""
    doc = two_page_doc()
    page = doc[1]
    r = _secret_rect(page)
    page.insert_image(r, stream=black_png(), keep_proportion=False)
    return Case(_saved(doc), frozenset({"text", "raw", "box"}), ((1, tuple(r), SECRET_LABEL),),
                page=1)  # fmt: skip


def bad_xxxx_over_box() -> Case:
    """A black box over live text on page 2 with a white "XXXX" printed on top."""
    doc = two_page_doc()
    page = doc[1]
    r = _secret_rect(page)
    page.draw_rect(r, color=None, fill=(0, 0, 0))
    page.insert_text((r.x0 + 2, 100), "XXXXXXXXXX", fontsize=8, color=(1, 1, 1))  # same baseline
    return Case(_saved(doc), frozenset({"text", "raw", "box"}), ((1, tuple(r), SECRET_LABEL),),
                page=1)  # fmt: skip


def bad_invisible_ocr_text() -> Case:
    """A scanned page: the picture blacked out under a box, the OCR text layer left in."""
    doc = scanned_page_doc()
    page = doc[0]
    r = _secret_rect(page)
    page.draw_rect(r, color=None, fill=(0, 0, 0))
    box = ((0, tuple(r), SECRET_LABEL),)
    return Case(_saved(doc), frozenset({"text", "raw", "box", "x-ray"}), box, xray_catches=True)


def bad_hidden_layer_text() -> Case:
    """The secret on page 2 in an optional-content layer that is switched off."""
    doc = two_page_doc()
    pdf = _saved(doc)
    doc = pymupdf.open(stream=redact(pdf, [_item(1)]).pdf)
    hidden = doc.add_ocg("reviewer notes", on=False)
    doc[1].insert_text((72, 300), f"note: {SECRET}", fontsize=11, oc=hidden)
    return Case(_saved(doc), frozenset({"text", "raw"}), page=1)


def bad_form_xobject_text() -> Case:
    """The secret drawn on page 2 through a form XObject, covered by a box."""
    source = two_page_doc()
    r = _secret_rect(source[1])
    doc = pymupdf.open()
    doc.new_page(width=612, height=792).insert_text((72, 100), "Cover page.", fontsize=11)
    page = doc.new_page(width=612, height=792)
    page.show_pdf_page(page.rect, source, 1)
    source.close()
    page.draw_rect(r, color=None, fill=(0, 0, 0))
    box = ((1, tuple(r), SECRET_LABEL),)
    catches = frozenset({"text", "raw", "box", "x-ray"})
    return Case(_saved(doc), catches, box, page=1, xray_catches=True)


def bad_width_channel() -> Case:
    """Removed exactly, but not re-flowed: the gap and the box still measure the code."""
    result = redact(_saved(two_page_doc()), [_item(1)])
    boxes = tuple(result.boxes)
    return Case(result.pdf, frozenset({"width"}), boxes, page=1, reflowed=boxes)


def good_width_reflowed() -> Case:
    source = _saved(two_page_doc())
    result = redact(source, [_item(1)], width=WidthPolicy())
    return Case(
        result.pdf, boxes=tuple(result.boxes), reflowed=tuple(result.reflowed), original=source
    )


def good_text_removed() -> Case:
    source = text_pdf(pages=2)
    result = redact(source, [_item(0), _item(1)])
    return Case(result.pdf, boxes=tuple(result.boxes), original=source)


def good_image_pixels_blanked() -> Case:
    rect = (150.0, 320.0, 200.0, 350.0)
    image = Redaction(page=0, reason=REASON, rect=rect, label="img")
    result = redact(image_pdf(), [_item(), image])
    assert pymupdf.Rect(rect) in IMAGE_RECT
    return Case(result.pdf, boxes=tuple(result.boxes), original=image_pdf())


def good_font_resubset() -> Case:
    """Redacted by clawback: the glyphs only the secret drew leave the embedded font."""
    source = embedded_font_pdf()
    result = redact(source, [_item()])
    return Case(result.pdf, boxes=tuple(result.boxes), original=source)


def good_whole_page() -> Case:
    source = text_pdf(pages=3)
    result = redact(source, [Redaction(page=1, reason=REASON, label="p2")])
    secrets = (("p2-line", "assigned on page 2"), ("p2-para", "text for page 2"))
    return Case(result.pdf, boxes=tuple(result.boxes), secrets=secrets, original=source)


def good_stamped_after_redaction() -> Case:
    source = text_pdf(pages=2)
    result = redact(source, [_item(0), _item(1)])
    labels = (("CITY-000101", "CONFIDENTIAL"), ("CITY-000102", "CONFIDENTIAL"))
    stamped = stamp(result.pdf, labels, corner="top-right")  # the page 36 points down
    boxes = tuple((n, (x0, y0 + 36, x1, y1 + 36), k) for n, (x0, y0, x1, y1), k in result.boxes)
    return Case(stamped, boxes=boxes, labels=labels, original=source, offset=36)


def bad_neighbour_deleted() -> Case:
    """The secret truly redacted, and a word of the next line deleted too, no box over it:
    only the render shows the page lost something it should have kept."""
    source = text_pdf()
    result = redact(source, [_item()])
    doc = pymupdf.open(stream=result.pdf)
    page = doc[0]
    page.add_redact_annot(page.search_for("Ejemplo")[0], fill=None, cross_out=False)
    page.apply_redactions(images=0, graphics=0, text=0)
    return Case(_saved(doc), frozenset({"render"}), tuple(result.boxes), original=source)


def bad_line_slid_left() -> Case:
    """Redacted with PyMuPDF 2.0 as it comes: the rest of the line slides left, some of it
    under the box."""
    source = text_pdf()
    pdf, box = _redacted_by_pymupdf(source)
    return Case(pdf, frozenset({"render"}), (box,), original=source)


def bad_glyphs_left_in_font() -> Case:
    """The secret's text removed and boxed, but the embedded font not re-subset: its program
    still holds the glyphs only the secret drew, so which characters it held."""
    source = embedded_font_pdf()
    pdf, box = _redacted_by_pymupdf(source)
    return Case(pdf, frozenset({"font"}), (box,), original=source)


def _redacted_by_pymupdf(source: bytes) -> tuple[bytes, Box]:
    """The secret redacted with PyMuPDF 2.0's `apply_redactions` alone, and its box."""
    doc = pymupdf.open(stream=source)
    rect = _secret_rect(doc[0])
    doc[0].add_redact_annot(rect, fill=(0, 0, 0), cross_out=False)
    doc[0].apply_redactions(images=2, graphics=2, text=0)
    return _saved(doc), (0, tuple(rect), SECRET_LABEL)


def _item(page: int = 0) -> Redaction:
    return Redaction(page=page, reason=REASON, text=SECRET, label=SECRET_LABEL)


BAD = [
    bad_box_over_live_text,
    bad_actualtext_survives,
    bad_annotation_text,
    bad_form_field_value,
    bad_embedded_file,
    bad_incremental_update,
    bad_overwritten_stream,
    bad_metadata,
    bad_black_highlight,
    bad_unapplied_redact_annot,
    bad_white_text,
    bad_unreferenced_object,
    bad_image_under_box,
    bad_wrong_bates,
    bad_associated_file,
    bad_javascript,
    bad_document_javascript,
    bad_outline,
    bad_thumbnail,
    bad_page_labels,
    bad_private_data,
    bad_link_uri,
    bad_vector_under_box,
    bad_black_polygon,
    bad_black_image_over_text,
    bad_xxxx_over_box,
    bad_invisible_ocr_text,
    bad_hidden_layer_text,
    bad_form_xobject_text,
    bad_width_channel,
    bad_neighbour_deleted,
    bad_line_slid_left,
    bad_glyphs_left_in_font,
]
GOOD = [
    good_text_removed,
    good_image_pixels_blanked,
    good_whole_page,
    good_stamped_after_redaction,
    good_width_reflowed,
    good_font_resubset,
]


#: Bad files the redactor must refuse rather than repair, with (part of) its message.
REFUSED = {"bad_unapplied_redact_annot": "page 1 has an unapplied redaction annotation"}
#: Bad files whose fault is not a leak (the redactor has nothing to remove).
NOT_A_LEAK = frozenset({"bad_wrong_bates", "bad_neighbour_deleted", "bad_line_slid_left"})
#: Each repairable bad file's good twin: the same file after `repair`.
REPAIRED = {
    f"good_{build.__name__.removeprefix('bad_')}_repaired": build.__name__
    for build in BAD
    if build.__name__ not in REFUSED and build.__name__ not in NOT_A_LEAK
}


def repair(case: Case) -> Case:
    """What clawback makes of a bad file: its visible copy, as ingest keeps it (`visible_copy`:
    a switched-off layer flattened away), then `redact` every place the secret can be found
    (and every box the bad file drew, as a rectangle), which also scrubs the file."""
    pdf, _ = visible_copy(case.pdf)
    items: list[Redaction] = []
    for label, text in case.secrets:
        for number in pages_holding(pdf, text):
            items.append(Redaction(page=number, reason=REASON, text=text, label=label))
    found_on = {item.page for item in items}
    for number, rect, label in case.boxes:  # the bad file's own box, where no text was found
        if number not in found_on:
            items.append(Redaction(page=number, reason=REASON, rect=rect, label=f"{label}-box"))
    result = redact(pdf, items, width=WidthPolicy() if case.reflowed else None)
    reflowed = tuple(result.reflowed)
    return Case(
        result.pdf,
        boxes=tuple(result.boxes),
        secrets=case.secrets,
        reflowed=reflowed,
        original=pdf,  # nothing but what was boxed may change
    )


def build_all(tmp: Path) -> dict[str, Case]:
    """Every corpus case by name (the name is the verdict), with the repaired twins."""
    cases: dict[str, Case] = {}
    for build in BAD + GOOD:
        if build in (bad_incremental_update, bad_overwritten_stream):
            cases[build.__name__] = build(tmp)  # type: ignore[operator]
        else:
            cases[build.__name__] = build()  # type: ignore[operator]
    for good, bad in REPAIRED.items():
        cases[good] = repair(cases[bad])
    return cases
