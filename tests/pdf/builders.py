"""Real PDFs for the engine's tests, generated with PyMuPDF (no fixtures on disk, no mocks)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

SECRET = "FIR-2018-12-004417"
SECRET_LABEL = "fir-dbcode"
NEIGHBOUR = "Ejemplo Ruiz, Marisol"
REASON = "REDACTED \u2013 LAW ENFORCEMENT PRIVILEGE"  # en dash: not in simple fonts
SECRETS = [(SECRET_LABEL, SECRET)]
IMAGE_RECT = pymupdf.Rect(100, 300, 300, 400)


def gradient_png(width: int = 200, height: int = 100) -> bytes:
    """A PNG whose every pixel differs from its neighbours (so blanking is measurable)."""
    data = bytearray()
    for y in range(height):
        for x in range(width):
            data += bytes((x % 256, (y * 2) % 256, (x * y + 7) % 256))
    pix = pymupdf.Pixmap(pymupdf.csRGB, width, height, bytes(data), False)
    return pix.tobytes("png")


def text_doc(pages: int = 1) -> pymupdf.Document:
    """Pages with the secret on one line and a neighbouring name on the next."""
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page(width=612, height=792)
        page.insert_text(
            (72, 100), f"Case code {SECRET} assigned on page {number + 1}.", fontsize=11
        )
        page.insert_text((72, 113), NEIGHBOUR, fontsize=11)
        page.insert_text((72, 140), f"Ordinary paragraph text for page {number + 1}.", fontsize=11)
    return doc


def embedded_font_pdf() -> bytes:
    """`text_doc`'s lines in an embedded subset of MuPDF's Times (a CFF program): "F", "I",
    "R" and some digits are drawn only by the secret."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    writer = pymupdf.TextWriter(page.rect)
    font = pymupdf.Font("tiro")
    writer.append((72, 100), f"Case code {SECRET} assigned on page 1.", font=font, fontsize=11)
    writer.append((72, 113), NEIGHBOUR, font=font, fontsize=11)
    writer.write_text(page)
    doc.subset_fonts()
    try:
        return doc.tobytes(garbage=4, deflate=True)
    finally:
        doc.close()


def text_pdf(pages: int = 1) -> bytes:
    doc = text_doc(pages)
    try:
        return doc.tobytes(garbage=4, deflate=True)
    finally:
        doc.close()


def image_pdf() -> bytes:
    """One page: the secret line, the neighbour line, and a gradient image."""
    doc = text_doc()
    doc[0].insert_image(IMAGE_RECT, stream=gradient_png())
    try:
        return doc.tobytes(garbage=4, deflate=True)
    finally:
        doc.close()


def actualtext_doc() -> pymupdf.Document:
    """The secret exists only as /ActualText over glyphs that read "XXXXXXXXXX"."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "Code XXXXXXXXXX here", fontsize=11)
    page.insert_text((72, 113), NEIGHBOUR, fontsize=11)
    doc.tobytes()  # materialise the content streams
    xref = page.get_contents()[0]
    stream = doc.xref_stream(xref)
    marked = f"/Span <</ActualText ({SECRET})>> BDC\nBT\n".encode()
    stream = stream.replace(b"BT\n", marked, 1).replace(b"ET\n", b"ET\nEMC\n", 1)
    doc.update_stream(xref, stream)
    return doc


def rotated_and_cropped_pdf() -> bytes:
    """Page 1 plain, page 2 rotated 90°, page 3 cropped, page 4 rotated 270° and cropped."""
    doc = pymupdf.open()
    for number in range(4):
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 100), f"Page {number + 1} heading", fontsize=20)
        page.draw_rect(pymupdf.Rect(100, 200, 300, 400), fill=(0, 0.5, 1), color=(1, 0, 0))
        page.insert_image(pymupdf.Rect(320, 420, 520, 520), stream=gradient_png())
        if number in (2, 3):
            page.set_cropbox(pymupdf.Rect(40, 60, 560, 700))
        if number in (1, 3):
            page.set_rotation(90 if number == 1 else 270)
    try:
        return doc.tobytes(garbage=4, deflate=True)
    finally:
        doc.close()


def odd_pages_pdf() -> bytes:
    """Pages whose geometry and structure a placement must follow: MediaBoxes away from the
    origin, each /Rotate with a CropBox, content in an array of two streams, resources
    inherited from the page tree, and a page with no content at all."""
    doc = pymupdf.open()
    for number, rotation in enumerate((0, 90, 180, 270, 0, 0)):
        page = doc.new_page(width=500, height=700)
        if number < 5:
            page.insert_text((60, 90), f"Odd page {number + 1}", fontsize=18)
            page.draw_rect(pymupdf.Rect(80, 150, 260, 330), fill=(0.9, 0.2, 0.1), color=(0, 0, 1))
            page.insert_image(pymupdf.Rect(280, 400, 440, 480), stream=gradient_png())
        if number < 4:
            page.set_cropbox(pymupdf.Rect(30, 40, 470, 650))
            page.set_rotation(rotation)
    doc.tobytes()  # materialise the content streams
    for number in range(4):  # the MediaBox (and CropBox) moved off the origin, content with it
        xref = doc[number].xref
        doc.xref_set_key(xref, "MediaBox", "[100 -50 600 650]")
        doc.xref_set_key(xref, "CropBox", "[130 -10 570 600]")
        first = doc[number].get_contents()[0]
        doc.update_stream(first, b"1 0 0 1 100 -50 cm\n" + doc.xref_stream(first))
    page = doc[4]
    extra = doc.get_new_xref()
    doc.update_object(extra, "<<>>")
    doc.update_stream(extra, b"q 0 0 1 rg 300 100 120 60 re f Q")
    streams = " ".join(f"{xref} 0 R" for xref in (*page.get_contents(), extra))
    doc.xref_set_key(page.xref, "Contents", f"[{streams}]")
    parent = int(doc.xref_get_key(page.xref, "Parent")[1].split()[0])
    doc.xref_set_key(parent, "Resources", doc.xref_get_key(page.xref, "Resources")[1])
    doc.xref_set_key(page.xref, "Resources", "null")
    doc.xref_set_key(doc[5].xref, "Contents", "null")
    try:
        return doc.tobytes(garbage=4, deflate=True)
    finally:
        doc.close()


def save_incrementally(path: Path, doc: pymupdf.Document) -> bytes:
    """Save `doc` fully to `path`, reopen, redact the secret with PyMuPDF, save incrementally."""
    doc.save(path, garbage=4, deflate=True)
    doc.close()
    again = pymupdf.open(path)
    try:
        page = again[0]
        for hit in page.search_for(SECRET):
            page.add_redact_annot(hit, fill=(0, 0, 0))
        page.apply_redactions(images=2, graphics=2, text=0)
        again.saveIncr()
    finally:
        again.close()
    return path.read_bytes()


def overwrite_incrementally(path: Path, doc: pymupdf.Document) -> bytes:
    """Save fully, then replace page 1's content stream *in the same object* and save
    incrementally: the old stream stays in the file body, listed by no cross-reference table."""
    doc.save(path, garbage=4, deflate=True)
    doc.close()
    again = pymupdf.open(path)
    try:
        xref = again[0].get_contents()[0]
        again.update_stream(xref, b"BT /helv 11 Tf 72 692 Td (Case code withheld.) Tj ET")
        again.saveIncr()
    finally:
        again.close()
    return path.read_bytes()


def two_page_doc() -> pymupdf.Document:
    """Page 1 ordinary text only; page 2 the secret line and the neighbour line."""
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    first.insert_text((72, 100), "Cover page: nothing withheld here.", fontsize=11)
    second = doc.new_page(width=612, height=792)
    second.insert_text((72, 100), f"Case code {SECRET} assigned on page 2.", fontsize=11)
    second.insert_text((72, 113), NEIGHBOUR, fontsize=11)
    second.insert_text((72, 140), "Ordinary paragraph text for page 2.", fontsize=11)
    return doc


def black_png(width: int = 40, height: int = 10) -> bytes:
    """A solid black PNG (a 'redaction' laid over text as a picture)."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, width, height, bytes(width * height * 3), False)
    return pix.tobytes("png")


def scanned_page_doc() -> pymupdf.Document:
    """A 'scanned' page: the text rendered to a picture, with an invisible OCR layer on top."""
    source = text_doc()
    picture = source[0].get_pixmap(dpi=100).tobytes("png")
    source.close()
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_image(page.rect, stream=picture)
    page.insert_text(
        (72, 100), f"Case code {SECRET} assigned on page 1.", fontsize=11, render_mode=3
    )
    return doc
