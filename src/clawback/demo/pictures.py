"""The raster images embedded in the email (Exs. 2-17), and the one-page exhibits holding them.

Each picture is painted with vector drawings on a scratch page and rasterized to PNG, so the
produced exhibit has one image and no text layer. Every picture carries the synthetic mark in
its pixels. The words come from the ``pictures`` part of the data file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pymupdf

from clawback.demo.blocks import prose
from clawback.demo.facts import BOTTOM_CLEARANCE, SHARED_IMAGE_EXHIBIT, SYNTHETIC_MARK
from clawback.demo.flow import Canvas, Flow, wrap
from clawback.demo.pages import finish
from clawback.demo.style import (
    BLACK,
    BLUE,
    COLORS,
    GREY,
    IMAGE_ZOOM,
    LETTER,
    LIGHT,
    MAROON,
    MID,
    NAVY,
    PALE,
    TEAL,
    WHITE,
)

Paint = Callable[[Canvas, float, float], None]
Scene = Callable[[Canvas, pymupdf.Rect, Mapping[str, Any]], None]


def _raster(width: float, height: float, paint: Paint) -> bytes:
    """Paint on a scratch page of ``width`` x ``height`` pt and return it as PNG bytes."""
    scratch = pymupdf.open()
    try:
        page = scratch.new_page(width=width, height=height)
        canvas = Canvas(page)
        paint(canvas, width, height)
        canvas.commit()
        pix = page.get_pixmap(matrix=pymupdf.Matrix(IMAGE_ZOOM, IMAGE_ZOOM), alpha=False)
        png: bytes = pix.tobytes("png")
        return png
    finally:
        scratch.close()


def _paint_record(record: Mapping[str, Any]) -> Paint:
    """A screenshot of a record viewer showing ``record``."""
    accent = COLORS[record["accent"]]
    fields = record["fields"]

    def paint(c: Canvas, w: float, h: float) -> None:
        c.rect((0, 0, w, h), fill=(0.93, 0.93, 0.94))
        c.rect((0, 0, w, 22), fill=accent)
        c.text(10, 15, f"{record['system']} - Record Viewer", size=9.5, font="hebo", color=WHITE)
        for k in range(3):
            x = w - 16 - 16 * k
            c.rect((x - 5, 6, x + 5, 16), color=WHITE, width=0.8)
        c.rect((0, 22, w, 38), fill=PALE)
        c.line((0, 38), (w, 38), color=MID)
        c.text(10, 33, "File     Edit     View     Query     Reports     Help", size=8)
        c.rect((8, 44, w - 8, h - 26), fill=WHITE, color=MID)
        c.text(18, 66, record["heading"], size=14, font="hebo", color=accent)
        c.text(w - 18, 66, record["record_no"], size=9, color=GREY, align="right")
        c.line((18, 74), (w - 18, 74), color=accent, width=1.2)
        half = (len(fields) + 1) // 2
        for k, (label, value) in enumerate(fields):
            col, row = divmod(k, half)
            x = 18 + col * (w - 36) / 2
            y = 84 + row * 21
            c.text(x, y + 11, label, size=8, font="hebo", color=GREY)
            c.rect((x + 84, y, x + (w - 36) / 2 - 10, y + 16), fill=PALE, color=MID)
            c.text(x + 88, y + 11.5, value, size=8.5)
        top = 84 + half * 21 + 10
        c.text(18, top + 8, "Remarks", size=8, font="hebo", color=GREY)
        c.rect((18, top + 12, w - 18, h - 36), fill=PALE, color=MID)
        for k, ln in enumerate(wrap(record["remarks"], "helv", 9, w - 52)):
            c.text(26, top + 27 + 12.5 * k, ln, size=9)
        c.rect((0, h - 20, w, h), fill=LIGHT)
        c.text(10, h - 7, f"Ready  |  {SYNTHETIC_MARK} - not a real record", size=7.5)
        c.text(w - 10, h - 7, record["captured"], size=7.5, align="right")

    return paint


def _paint_excerpt(c: Canvas, w: float, h: float) -> None:
    """A cut-out of the report's Individuals of Interest table."""
    text = prose()["pictures"]["excerpt"]
    table = text["table"]
    c.rect((0, 0, w, h), fill=(0.985, 0.98, 0.965))
    c.rect((6, 6, w - 6, h - 6), color=MID, width=0.6)
    c.text(w / 2, 24, text["mark"], size=8, font="hebo", align="center")
    c.text(24, 44, text["kicker"], size=9, font="tiit", color=GREY)
    c.text(24, 68, text["title"], size=15, font="tibo")
    flow = Flow(c, left=24, right=w - 24, top=80, bottom=h - 40, font="tiro", bold="tibo")
    flow.para(text["intro"], size=9.5)
    flow.table(table["header"], table["rows"], table["widths"], size=9)
    c.text(24, h - 18, text["footnote"], size=7, font="tiit", color=GREY)
    c.text(w - 24, h - 18, SYNTHETIC_MARK, size=7, color=GREY, align="right")


def _paint_social(scene: int) -> Paint:
    """A public social media post whose content is a picture."""
    account = prose()["pictures"]["account"]
    text = prose()["pictures"]["social"][scene]
    likes = text["likes"]

    def paint(c: Canvas, w: float, h: float) -> None:
        c.rect((0, 0, w, h), fill=(0.94, 0.95, 0.97))
        c.rect((10, 10, w - 10, h - 10), fill=WHITE, color=MID, radius=0.02)
        c.circle((36, 36), 14, fill=TEAL)
        c.text(36, 41, account["initial"], size=14, font="hebo", color=WHITE, align="center")
        c.text(58, 33, account["name"], size=10, font="hebo")
        c.text(58, 46, f"{account['handle']}  -  {text['date']}  -  Public", size=8, color=GREY)
        box = pymupdf.Rect(20, 60, w - 20, h - 86)
        _SCENES[scene](c, box, text)
        c.text(24, h - 62, text["caption"], size=10)
        c.text(24, h - 42, f"Like {likes}     Comment {likes // 6}", size=8.5)
        c.text(w - 24, h - 42, "Share", size=8.5, align="right")
        c.text(24, h - 20, SYNTHETIC_MARK, size=6.5, color=GREY)

    return paint


def _scene_skyline(c: Canvas, r: pymupdf.Rect, text: Mapping[str, Any]) -> None:
    del text
    bands = 12
    for k in range(bands):
        t = k / (bands - 1)
        color = (0.98 - 0.1 * t, 0.62 - 0.25 * t, 0.35 + 0.25 * t)
        y0 = r.y0 + r.height * 0.7 * k / bands
        c.rect((r.x0, y0, r.x1, y0 + r.height * 0.7 / bands + 1), fill=color)
    c.circle((r.x0 + r.width * 0.7, r.y0 + r.height * 0.55), 34, fill=(1.0, 0.86, 0.45))
    c.rect((r.x0, r.y0 + r.height * 0.7, r.x1, r.y1), fill=(0.2, 0.16, 0.24))
    heights = (0.35, 0.5, 0.28, 0.62, 0.44, 0.3, 0.55, 0.4, 0.25, 0.48)
    bw = r.width / len(heights)
    for k, frac in enumerate(heights):
        x0 = r.x0 + k * bw + 4
        y0 = r.y1 - r.height * frac
        c.rect((x0, y0, x0 + bw - 8, r.y1), fill=(0.14, 0.12, 0.2))
        for j in range(int(frac * 10)):
            c.rect((x0 + 6, y0 + 8 + j * 14, x0 + 12, y0 + 14 + j * 14), fill=(0.95, 0.8, 0.4))


def _scene_event(c: Canvas, r: pymupdf.Rect, text: Mapping[str, Any]) -> None:
    c.rect(r, fill=(0.62, 0.8, 0.95))
    c.rect((r.x0, r.y0 + r.height * 0.62, r.x1, r.y1), fill=(0.78, 0.72, 0.58))
    for k in range(3):
        x = r.x0 + 30 + k * r.width / 3
        top = r.y0 + r.height * 0.3
        c.poly(
            [(x, top + 50), (x + 60, top), (x + 120, top + 50)],
            fill=(0.95, 0.95, 0.92) if k % 2 else (0.85, 0.2, 0.2),
            color=GREY,
        )
        c.rect((x + 8, top + 50, x + 112, top + 100), fill=(0.96, 0.96, 0.96), color=GREY)
    c.rect((r.x0 + 60, r.y0 + 20, r.x1 - 60, r.y0 + 60), fill=NAVY)
    mid = (r.x0 + r.x1) / 2
    c.text(mid, r.y0 + 47, text["banner"], size=18, font="hebo", color=WHITE, align="center")
    for k in range(14):
        x = r.x0 + 24 + k * (r.width - 48) / 14
        y = r.y1 - 40 - (k % 3) * 12
        c.rect((x, y, x + 14, y + 14), fill=(0.3, 0.3, 0.35))


def _scene_flyer(c: Canvas, r: pymupdf.Rect, text: Mapping[str, Any]) -> None:
    c.rect(r, fill=(0.99, 0.83, 0.2))
    c.rect((r.x0 + 16, r.y0 + 16, r.x1 - 16, r.y1 - 16), color=BLACK, width=2)
    mid = (r.x0 + r.x1) / 2
    c.text(mid, r.y0 + 70, text["headline"], size=30, font="hebo", align="center")
    c.text(mid, r.y0 + 100, text["subline"], size=13, align="center")
    badges = zip(text["badges"], (BLUE, TEAL, MAROON), strict=True)
    for k, (label, color) in enumerate(badges):
        x = r.x0 + r.width * (k + 1) / 4
        c.circle((x, r.y0 + 170), 38, fill=color)
        c.text(x, r.y0 + 175, label, size=12, font="hebo", color=WHITE, align="center")
    c.text(mid, r.y1 - 40, text["footer"], size=12, align="center")


def _scene_map(c: Canvas, r: pymupdf.Rect, text: Mapping[str, Any]) -> None:
    south, north, direction = text["labels"]
    c.rect(r, fill=(0.93, 0.9, 0.8))
    c.poly(
        [
            (r.x0, r.y0),
            (r.x0 + 90, r.y0),
            (r.x0 + 60, r.y0 + 120),
            (r.x0 + 110, r.y1),
            (r.x0, r.y1),
        ],
        fill=(0.6, 0.78, 0.9),
    )
    border_y = r.y0 + r.height * 0.3
    c.line((r.x0 + 80, border_y), (r.x1, border_y - 10), color=MAROON, width=1.5, dashes="[6 3] 0")
    route = [
        (r.x1 - 40, r.y1 - 20),
        (r.x1 - 120, r.y1 - 70),
        (r.x0 + 300, r.y0 + 200),
        (r.x0 + 200, r.y0 + 150),
        (r.x0 + 140, border_y + 20),
    ]
    c.poly(route, color=(0.85, 0.25, 0.1), width=3, closed=False)
    for p in route:
        c.circle(p, 5, fill=WHITE, color=(0.85, 0.25, 0.1), width=2)
    c.text(r.x0 + 158, border_y + 12, south, size=11, font="hebo")
    c.text(r.x0 + 150, border_y - 16, north, size=11, font="hebo")
    c.text(r.x1 - 150, r.y1 - 30, direction, size=10, font="heit", color=GREY)


_SCENES: dict[int, Scene] = {
    10: _scene_skyline,
    11: _scene_event,
    12: _scene_flyer,
    13: _scene_map,
}


def _paint_post(exhibit: int) -> Paint:
    """A public social media post that is only text."""
    account = prose()["pictures"]["account"]
    post = prose()["pictures"]["posts"][exhibit]
    replies, reposts, likes = post["counts"]

    def paint(c: Canvas, w: float, h: float) -> None:
        c.rect((0, 0, w, h), fill=(0.94, 0.95, 0.97))
        c.rect((6, 6, w - 6, h - 6), fill=WHITE, color=MID, radius=0.03)
        c.circle((40, 40), 20, fill=TEAL)
        c.text(40, 46, account["initial"], size=18, font="hebo", color=WHITE, align="center")
        c.text(70, 36, account["name"], size=12, font="hebo")
        c.text(70, 52, f"{account['handle']}  -  {post['date']}", size=9.5, color=GREY)
        for k, ln in enumerate(wrap(post["text"], "helv", 13.5, w - 94)):
            c.text(70, 84 + 19 * k, ln, size=13.5)
        y = h - 46
        for k, (label, n) in enumerate((("Reply", replies), ("Repost", reposts), ("Like", likes))):
            c.text(70 + 120 * k, y, f"{label}  {n}", size=9.5, color=GREY)
        c.text(70, h - 18, f"Public post  -  {SYNTHETIC_MARK}", size=7, color=GREY)

    return paint


def post_count() -> int:
    """How many text-only posts the email embeds (the case file must say the same)."""
    return len(prose()["pictures"]["posts"])


def image_pngs() -> dict[int, bytes]:
    """Exhibit number (2-17) -> PNG bytes of the embedded image."""
    records = prose()["pictures"]["records"]
    pngs: dict[int, bytes] = {}
    for exhibit in range(2, 18):
        if exhibit in records:
            pngs[exhibit] = _raster(640, 340, _paint_record(records[exhibit]))
        elif exhibit == SHARED_IMAGE_EXHIBIT:
            pngs[exhibit] = _raster(640, 270, _paint_excerpt)
        elif exhibit in _SCENES:
            pngs[exhibit] = _raster(560, 500, _paint_social(exhibit))
        else:
            pngs[exhibit] = _raster(560, 220, _paint_post(exhibit))
    return pngs


def make_image_exhibit(png: bytes, title: str) -> bytes:
    """A one-page US Letter exhibit whose only content is ``png``, fitted at the top."""
    doc = pymupdf.open()
    width, height = LETTER
    page = doc.new_page(width=width, height=height)
    box = pymupdf.Rect(72, 72, width - 72, height - 72 - BOTTOM_CLEARANCE)
    page.insert_image(box, stream=png, keep_proportion=True)
    email = prose()["email"]  # the images were attachments of the email
    return finish(doc, title, email["author"], email["date"])
