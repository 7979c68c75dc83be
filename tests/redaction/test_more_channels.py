"""More places a page (or the file around it) may carry a text item, each through `redact` and
then the gate (`verify`, as every filing and production runs it after the write): the item is
read by no extractor of the finished file and by no OCR of its render, or the gate refuses the
file. Measured when written, every one held; each test is here so that it keeps holding.

channel                                   how it holds
split across two content streams          MuPDF reads the page's streams as one; text boxed
a FreeText annotation's appearance        `bake` draws it into the page; text boxed
an older revision (incremental update)    the file is written whole: one revision
a page thumbnail (/Thumb)                 `scrub` removes thumbnails
bookmarks and metadata naming the item    `scrub` removes them
one form XObject drawn on two pages       each page's copy boxed (MuPDF copies the form)
a Type 3 font whose /ToUnicode lies       the gate's OCR reads the Type 3 glyphs: refused
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, redact
from tests.redaction.drawn import FIRST, ITEM, type3
from tests.redaction.extractors import contains, found_in, ocr, texts


def _plain(lines: tuple[str, ...] = (FIRST,), pages: int = 1) -> bytes:
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=612, height=792)
        for n, line in enumerate(lines):
            page.insert_text((72, 100 + 16 * n), line, fontsize=11)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def _saved(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def split_streams() -> bytes:
    """``again DB-409`` ends one content stream, ``81 said`` starts the next (one text
    object across the two)."""
    pdf = pikepdf.open(io.BytesIO(_plain()))
    page = pdf.pages[0]
    font = next(iter(page.Resources.Font.keys()))
    first = pdf.make_stream(f"BT {font} 11 Tf 72 600 Td (again DB-409) Tj".encode())
    second = pdf.make_stream(b"(81 said) Tj ET")
    page.Contents = pikepdf.Array([page.Contents, first, second])
    return _saved(pdf)


def freetext() -> bytes:
    doc = pymupdf.open(stream=_plain())
    doc[0].add_freetext_annot((72, 300, 300, 330), f"note {ITEM} again", fontsize=11)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def older_revision(tmp: Path) -> bytes:
    """A second line naming the item, removed in an incremental update: the first revision,
    still in the file, has it."""
    path = tmp / "revised.pdf"
    path.write_bytes(_plain((FIRST, f"old {ITEM} line")))
    with pymupdf.open(path) as doc:
        page = doc[0]
        page.add_redact_annot(page.search_for(f"old {ITEM} line")[0])
        page.apply_redactions()
        doc.saveIncr()
    return path.read_bytes()


def thumbnail() -> bytes:
    pdf = pikepdf.open(io.BytesIO(_plain()))
    with pymupdf.open(stream=_plain()) as doc:
        pix = doc[0].get_pixmap(dpi=40, colorspace=pymupdf.csGRAY)
    pdf.pages[0].obj.Thumb = pdf.make_stream(
        pix.samples,
        Width=pix.width,
        Height=pix.height,
        ColorSpace=pikepdf.Name.DeviceGray,
        BitsPerComponent=8,
    )
    return _saved(pdf)


def outline_and_metadata() -> bytes:
    doc = pymupdf.open(stream=_plain())
    doc.set_toc([[1, f"Code {ITEM}", 1]])
    doc.set_metadata({"title": f"About {ITEM}", "subject": ITEM})
    data: bytes = doc.tobytes()
    doc.close()
    return data


def form_on_two_pages() -> bytes:
    pdf = pikepdf.new()
    helvetica = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    fonts = pikepdf.Dictionary(F1=helvetica)
    form = pdf.make_stream(
        f"BT /F1 11 Tf 0 5 Td (code {ITEM} shared) Tj ET".encode(),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form,
        BBox=pikepdf.Array([0, 0, 300, 20]),
        Resources=pikepdf.Dictionary(Font=fonts),
    )
    for _ in range(2):
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=pikepdf.Array([0, 0, 612, 792]),
            Resources=pikepdf.Dictionary(Font=fonts, XObject=pikepdf.Dictionary(X1=form)),
            Contents=pdf.make_stream(
                b"BT /F1 11 Tf 72 700 Td (heading line here) Tj ET q 1 0 0 1 72 600 cm /X1 Do Q"
            ),
        )
        pdf.pages.append(pikepdf.Page(page))
    return _saved(pdf)


HOLDS: dict[str, Callable[[Path], bytes]] = {
    "split_streams": lambda _: split_streams(),
    "freetext": lambda _: freetext(),
    "older_revision": older_revision,
    "thumbnail": lambda _: thumbnail(),
    "outline_and_metadata": lambda _: outline_and_metadata(),
    "form_on_two_pages": lambda _: form_on_two_pages(),
}


@pytest.mark.parametrize("name", sorted(HOLDS))
def test_the_item_is_gone_and_the_gate_passes(name: str, tmp_path: Path) -> None:
    pdf = HOLDS[name](tmp_path)
    assert "objects" in found_in(texts(pdf), ITEM) or "pymupdf" in found_in(texts(pdf), ITEM)
    with pymupdf.open(stream=pdf) as doc:
        pages = doc.page_count
    items = [Redaction(page=n, reason="REDACTED", text=ITEM, label=f"c{n}") for n in range(pages)]
    done = redact(pdf, items, WIDTH_POLICY)
    assert found_in(texts(done.pdf), ITEM) == []
    assert not contains(ocr(done.pdf), ITEM)
    assert verify(done.pdf, [("c", ITEM)], boxes=done.boxes, xray=False) == []


def test_a_thumbnail_showed_the_item() -> None:
    """The thumbnail test's premise: the picture it adds is the page, item and all."""
    with pymupdf.open(stream=thumbnail()) as doc:
        assert "/Thumb" in doc.xref_object(doc[0].xref)


def test_a_type3_font_whose_map_lies_is_refused_by_the_gate() -> None:
    pdf = type3()
    assert "DB-4O98l" in texts(pdf)["pymupdf"] and contains(ocr(pdf), f"Ref. {ITEM}")
    done = redact(pdf, [Redaction(page=0, reason="REDACTED", text=ITEM, label="c1")])
    findings = verify(done.pdf, [("c1", ITEM)], boxes=done.boxes, xray=False)
    assert [f.check for f in findings] == ["ocr"]
    assert ITEM not in str(findings[0])
