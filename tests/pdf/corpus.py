"""The gate's own test corpus: files the verifier must reject, and files it must pass.

Every entry is a real PDF built with PyMuPDF the way a careless (bad) or a correct (good)
redaction would produce it, plus the checks expected to catch it. Re-run on every PDF library
upgrade: PyMuPDF 1.24 and 2.0 differ in what survives redaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pymupdf

from clawback.pdf.redact import Redaction, redact
from clawback.pdf.stamp import stamp
from tests.pdf.builders import (
    IMAGE_RECT,
    REASON,
    SECRET,
    SECRET_LABEL,
    SECRETS,
    actualtext_doc,
    image_pdf,
    overwrite_incrementally,
    save_incrementally,
    text_doc,
    text_pdf,
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
    return Case(_saved(doc), frozenset({"attachment", "raw"}))


def bad_incremental_update(tmp: Path) -> Case:
    pdf = save_incrementally(tmp / "incremental.pdf", text_doc())
    return Case(pdf, frozenset({"revision", "raw", "unreferenced"}))


def bad_overwritten_stream(tmp: Path) -> Case:
    pdf = overwrite_incrementally(tmp / "overwritten.pdf", text_doc())
    return Case(pdf, frozenset({"revision", "raw"}))


def bad_metadata() -> Case:
    doc = pymupdf.open(stream=redact(text_pdf(), [_item()]).pdf)
    doc.set_metadata({"title": f"Report {SECRET}", "author": "Analyst"})
    doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'>{SECRET}</x:xmpmeta>")
    return Case(_saved(doc), frozenset({"metadata", "xmp", "raw"}))


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
    return Case(_saved(doc, garbage=0), frozenset({"raw", "unreferenced"}))


def bad_image_under_box() -> Case:
    doc = pymupdf.open(stream=image_pdf())
    rect = pymupdf.Rect(150, 320, 200, 350)
    doc[0].draw_rect(rect, color=None, fill=(0, 0, 0))
    return Case(_saved(doc), frozenset({"box"}), ((0, tuple(rect), "img"),), secrets=())


def bad_wrong_bates() -> Case:
    result = redact(text_pdf(pages=2), [_item(0)])
    stamped = stamp(result.pdf, [("CITY-000101", "CONFIDENTIAL"), ("CITY-000101", "CONFIDENTIAL")])
    expected = (("CITY-000101", "CONFIDENTIAL"), ("CITY-000102", "CONFIDENTIAL"))
    return Case(stamped, frozenset({"label"}), tuple(result.boxes), labels=expected)


def good_text_removed() -> Case:
    result = redact(text_pdf(pages=2), [_item(0), _item(1)])
    return Case(result.pdf, boxes=tuple(result.boxes))


def good_image_pixels_blanked() -> Case:
    rect = (150.0, 320.0, 200.0, 350.0)
    image = Redaction(page=0, reason=REASON, rect=rect, label="img")
    result = redact(image_pdf(), [_item(), image])
    assert pymupdf.Rect(rect) in IMAGE_RECT
    return Case(result.pdf, boxes=tuple(result.boxes))


def good_whole_page() -> Case:
    result = redact(text_pdf(pages=3), [Redaction(page=1, reason=REASON, label="p2")])
    secrets = (("p2-line", "assigned on page 2"), ("p2-para", "text for page 2"))
    return Case(result.pdf, boxes=tuple(result.boxes), secrets=secrets)


def good_stamped_after_redaction() -> Case:
    result = redact(text_pdf(pages=2), [_item(0), _item(1)])
    labels = (("CITY-000101", "CONFIDENTIAL"), ("CITY-000102", "CONFIDENTIAL"))
    return Case(stamp(result.pdf, labels), boxes=tuple(result.boxes), labels=labels)


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
]
GOOD = [good_text_removed, good_image_pixels_blanked, good_whole_page, good_stamped_after_redaction]


def build_all(tmp: Path) -> dict[str, Case]:
    """Every corpus case by name (the name is the verdict)."""
    cases: dict[str, Case] = {}
    for build in BAD + GOOD:
        if build in (bad_incremental_update, bad_overwritten_stream):
            cases[build.__name__] = build(tmp)  # type: ignore[operator]
        else:
            cases[build.__name__] = build()  # type: ignore[operator]
    return cases
