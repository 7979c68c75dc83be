"""Ex. 19: the PowerPoint briefing, 19 landscape slides (960 x 540 pt).

The slides are the ``briefing`` part of the data file: a title and a list of blocks each (the
first slide has its own title layout). Besides the common block kinds, a slide may hold a
``chart`` (a bar chart) or ``shared_image`` (Ex. 5's very picture). The case's strings reach
the slides through slots: ``database_ids`` (one ``ppt-dbcode`` line each) and ``other`` (the
``ppt-other`` sentence); they belong on slide :data:`PPT_SECRET_PAGE`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pymupdf

from clawback.demo.blocks import Kind, draw, prose
from clawback.demo.facts import EXHIBIT_PAGES, PPT_CODE_LABEL, SYNTHETIC_MARK
from clawback.demo.flow import Canvas, Flow, fit_size
from clawback.demo.pages import finish
from clawback.demo.style import (
    BODY_BOTTOM,
    FOOTER_BASELINE,
    GREY,
    LIGHT,
    MID,
    NAVY,
    SLIDE,
    WHITE,
    Color,
)


def _bar_chart(
    c: Canvas,
    box: pymupdf.Rect,
    labels: Sequence[str],
    values: Sequence[int],
    color: Color,
) -> None:
    top = max(values)
    step = 10 ** (len(str(top)) - 1)
    scale_max = (top // step + 1) * step
    c.line((box.x0, box.y1), (box.x1, box.y1), color=GREY, width=0.8)
    for k in range(5):
        v = scale_max * k / 4
        y = box.y1 - box.height * k / 4
        if k:
            c.line((box.x0, y), (box.x1, y), color=LIGHT, width=0.5)
        c.text(box.x0 - 6, y + 3, f"{v:,.0f}", size=9, color=GREY, align="right")
    slot = box.width / len(values)
    for k, (label, v) in enumerate(zip(labels, values, strict=True)):
        x0 = box.x0 + k * slot + slot * 0.18
        x1 = x0 + slot * 0.64
        y = box.y1 - box.height * v / scale_max
        c.rect((x0, y, x1, box.y1), fill=color)
        c.text((x0 + x1) / 2, y - 4, f"{v:,}", size=8.5, align="center")
        c.text((x0 + x1) / 2, box.y1 + 13, label, size=9, color=GREY, align="center")


def _chart(f: Flow, chart: Mapping[str, Any], opts: dict[str, Any]) -> None:
    """A bar chart filling the rest of the slide, captioned above."""
    box = pymupdf.Rect(f.left + 50, f.y + 20, f.right - 10, f.bottom - 30)
    _bar_chart(f.c, box, chart["labels"], chart["values"], opts["color"])
    f.c.text(f.left + 50, f.y + 6, chart["caption"], size=11, font="hebo", color=GREY)
    f.y = f.bottom


def _title_slide(c: Canvas, heading: str) -> None:
    width = SLIDE[0]
    text = prose()["briefing"]["title_slide"]
    mark = prose()["briefing"]["mark"]
    c.rect((0, 0, width, 300), fill=NAVY)
    c.rect((0, 300, width, 306), fill=(0.85, 0.65, 0.15))
    c.text(width / 2, 30, mark, size=10, font="hebo", color=WHITE, align="center")
    c.text(60, 190, heading, size=40, font="hebo", color=WHITE)
    c.text(60, 240, text["subtitle"], size=20, color=WHITE)
    c.text(60, 360, text["prepared_by"], size=15)
    c.text(60, 388, text["date"], size=15, color=GREY)
    c.text(60, 430, text["note"].format(mark=SYNTHETIC_MARK), size=11, color=GREY)


def make_briefing(codes: Sequence[str], other: str, shared_png: bytes, title: str) -> bytes:
    """The briefing's PDF bytes, with the ``codes`` lines, ``other`` and ``shared_png``."""
    briefing = prose()["briefing"]
    slides = briefing["slides"]
    if len(slides) != EXHIBIT_PAGES[19]:
        raise RuntimeError(f"the briefing has {len(slides)} slides")
    slots = {"database_ids": [f"{PPT_CODE_LABEL} {code}" for code in codes], "other": [other]}

    def shared_image(f: Flow, arg: None, opts: dict[str, Any]) -> None:
        del arg, opts
        box = pymupdf.Rect(f.left, f.y, f.right, f.bottom)
        f.c.page.insert_image(box, stream=shared_png, keep_proportion=True)
        f.y = f.bottom

    extra: dict[str, Kind] = {"chart": _chart, "shared_image": shared_image}
    doc = pymupdf.open()
    width, height = SLIDE
    footer = height - FOOTER_BASELINE
    for number, slide in enumerate(slides, start=1):
        heading = slide["title"]
        page = doc.new_page(width=width, height=height)
        c = Canvas(page)
        c.line((40, footer - 14), (width - 40, footer - 14), color=MID, width=0.6)
        c.text(40, footer, briefing["footer"], size=9, color=GREY)
        c.text(width / 2, footer, SYNTHETIC_MARK, size=7, color=GREY, align="center")
        c.text(width - 40, footer, str(number), size=10, color=GREY, align="right")
        if number == 1:
            _title_slide(c, heading)
        else:
            c.rect((0, 0, width, 74), fill=NAVY)
            c.text(
                width / 2, 14, briefing["mark"], size=7.5, font="hebo", color=WHITE, align="center"
            )
            size = fit_size(heading, "hebo", 26, width - 80)
            c.text(40, 56, heading, size=size, font="hebo", color=WHITE)
            flow = Flow(
                c, left=60, right=width - 60, top=100, bottom=height - BODY_BOTTOM - 8, size=21
            )
            draw(flow, slide["body"], slots=slots, extra=extra)
        c.commit()
    return finish(doc, title, briefing["author"], briefing["date"])
