"""A mark laid over a kept picture (``pdf.marks.laid``) is what the general image library
makes of the same two layers, and its PNG reads back as exactly those pixels."""

from __future__ import annotations

import io

import pymupdf
from PIL import Image, ImageChops

from clawback.pdf.marks import laid
from clawback.pdf.marks.watermark import draw

LINES = ("TRACE ABCD-EFGH", "counsel@plaintiffs.example", "2026-12-06 22:49 UTC")


def _layers() -> tuple[pymupdf.Pixmap, pymupdf.Pixmap]:
    with pymupdf.open() as doc:
        page = doc.new_page(width=300, height=200)
        page.insert_text((20, 60), "black text under the mark", fontsize=14)
        page.draw_rect(pymupdf.Rect(150, 100, 280, 180), color=(0.8, 0.1, 0.1), fill=(1, 1, 0))
        picture = page.get_pixmap(dpi=110)
    with pymupdf.open() as clear:
        layer = clear.new_page(width=300, height=200)
        draw(layer, LINES)
        mark = layer.get_pixmap(dpi=110, alpha=True)
    return picture, mark


def test_the_laid_mark_is_source_over_and_its_png_is_exact() -> None:
    picture, mark = _layers()
    w, h = picture.width, picture.height
    pixels = laid.lay(picture.samples, w, h, mark.samples, mark.width)
    assert pixels != picture.samples  # the mark is there
    under = Image.frombytes("RGB", (w, h), picture.samples).convert("RGBA")
    over = Image.frombytes("RGBa", (mark.width, mark.height), mark.samples).convert("RGBA")
    under.alpha_composite(over.crop((0, 0, w, h)))
    expected = under.convert("RGB")
    got = Image.frombytes("RGB", (w, h), pixels)
    assert ImageChops.difference(got, expected).getextrema() <= ((0, 2),) * 3
    with Image.open(io.BytesIO(laid.png(pixels, w, h))) as read:
        assert read.size == (w, h) and read.mode == "RGB"
        assert read.tobytes() == pixels  # lossless: the very pixels served
