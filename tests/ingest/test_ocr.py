"""Scans and pictures get an invisible text layer at the words' places: found by pattern,
truly redacted (the pixels under the box, not just the text), the original kept as received."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select

from clawback.pdf.shows.extract import read_pages
from clawback.pdf.shows.ocr import add_text_layer, needs_ocr, read_words
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import CODE, CODE_PATTERN, jpeg, scan_pdf, scan_png, text_pdf, tiff
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")  # `tests.started`
    yield workspace
    workspace.close()


def record_pdf(ws: Workspace, control: str) -> tuple[bytes, dict[str, object]]:
    with ws.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.control == control))
        assert doc is not None
        return ws.ctx.files.get(doc.original), dict(doc.meta)


def ocr_texts(page: pymupdf.Page) -> list[str]:
    return [w.text for w in read_words(page)]


def test_a_scanned_code_is_found_by_pattern_and_its_pixels_removed(
    ws: Workspace, tmp_path: Path
) -> None:
    scan = scan_png(f"Account {CODE} belongs to Smith", "Nothing else here is secret.")
    [control], new = ws.ingest.ingest_file(scan, "scan.png")
    assert new
    pdf, meta = record_pdf(ws, control)
    assert meta["ocr_pages"] == [1] and meta["native"]["name"] == "scan.png"  # type: ignore[index]
    assert ws.ctx.files.get(meta["received_sha256"]) == scan  # type: ignore[arg-type]  # as received
    [page] = read_pages(pdf)
    assert re.findall(CODE_PATTERN, page.text) == [CODE]
    with pymupdf.open(stream=pdf) as doc:
        [box] = doc[0].search_for(CODE)  # the invisible word sits on the pictured one
        assert box.x0 > 100 and box.width > 100 and 5 < box.height < 20

    ws.productions.produce([control], "PR-00000001", "VOL1", redact_pattern=CODE_PATTERN)
    folder = ws.volumes.export("VOL1", tmp_path / "out")
    with pymupdf.open(folder / "PDF" / "PR-00000001.pdf") as out:
        page_out = out[0]
        # A scan's words cannot be moved, so the box over a word would give its width: the
        # whole line is boxed instead (the width policy); the next line is kept.
        assert CODE not in page_out.get_text() and "Smith" not in page_out.get_text()
        assert "Nothing else here is secret." in page_out.get_text()
        [image] = page_out.get_images(full=True)
        pixels = pymupdf.Pixmap(out, image[0])
        sx, sy = pixels.width / page_out.rect.width, pixels.height / page_out.rect.height
        under = {
            pixels.pixel(x, y)
            for x in range(int(box.x0 * sx) + 1, int(box.x1 * sx) - 1)
            for y in range(int(box.y0 * sy) + 1, int(box.y1 * sy) - 1)
        }
        assert under == {(255,)}  # blank: the picture of the code is gone from the image
        bare = pymupdf.open()
        picture = bare.new_page(width=page_out.rect.width, height=page_out.rect.height)
        picture.insert_image(picture.rect, pixmap=pixels)
        seen = ocr_texts(picture)  # OCR of the image itself, without the black box over it
        assert not any(CODE[:8] in word or CODE[-6:] in word for word in seen)
        assert "Account" not in seen and "Smith" not in seen and "secret." in seen
        assert "secret." in ocr_texts(page_out) and CODE not in " ".join(ocr_texts(page_out))


def test_image_only_pdf_pages_get_text_and_text_pages_stay_as_they_are() -> None:
    text_only = text_pdf("born digital")
    assert add_text_layer(text_only) == (text_only, [])
    scanned = scan_pdf(["first scanned page"], ["second page, rotated"], rotate=90)
    out, read = add_text_layer(scanned)
    assert read == [0, 1]
    pages = read_pages(out)
    assert "first scanned page" in pages[0].text
    assert "second page, rotated" in pages[1].text
    with pymupdf.open(stream=out) as doc:
        assert doc[1].rotation == 90  # the page is shown as it was
        assert not needs_ocr(doc[0])  # it has text now


def test_a_multi_page_tiff_and_a_jpeg_become_pages_with_text(ws: Workspace) -> None:
    [tif], _ = ws.ingest.ingest_file(tiff(["Exhibit one page"], ["Exhibit two page"]), "fax.tif")
    [jpg], _ = ws.ingest.ingest_file(jpeg("Photo of the loading dock"), "dock.jpg")
    assert ws.reads.show(tif)["pages"] == 2 and ws.reads.show(jpg)["pages"] == 1
    tif_pdf, tif_meta = record_pdf(ws, tif)
    texts = [p.text for p in read_pages(tif_pdf)]
    assert "Exhibit one" in texts[0] and "Exhibit two" in texts[1]
    assert tif_meta["native"]["media_type"] == "image/tiff"  # type: ignore[index]
    jpg_pdf, _ = record_pdf(ws, jpg)
    assert "loading dock" in read_pages(jpg_pdf)[0].text
    with pymupdf.open(stream=jpg_pdf) as doc:  # the JPEG is carried as its own bytes
        assert doc[0].get_images(full=True)[0][8] == "DCTDecode"
