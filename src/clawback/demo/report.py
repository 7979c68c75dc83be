"""Ex. 18: the field information report, 17 US Letter pages.

The pages are the ``report`` part of the data file, one list of blocks per page (a page never
flows onto the next). The case's strings reach the page through slots: ``title`` (the
document title), ``tracking_no`` (the ``fir-dbcode`` line), ``gaps_heading`` and ``gap_names``
(the ``fir-gaps`` names, one a line); they belong on page :data:`FIR_SECRET_PAGE`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from clawback.demo.blocks import draw, prose
from clawback.demo.facts import EXHIBIT_PAGES, FIR_CODE_LABEL, FIR_GAPS_HEADING
from clawback.demo.flow import Flow
from clawback.demo.pages import finish, letter_page
from clawback.demo.style import BODY_BOTTOM, FOOTER_BASELINE, GREY, LETTER


def make_report(code: str, gaps: Sequence[str], title: str) -> bytes:
    """The report's PDF bytes, with tracking number ``code`` and the ``gaps`` names."""
    report = prose()["report"]
    pages = report["pages"]
    if len(pages) != EXHIBIT_PAGES[18]:
        raise RuntimeError(f"the report has {len(pages)} pages")
    slots = {
        "title": [title],
        "tracking_no": [f"{FIR_CODE_LABEL} {code}"],
        "gaps_heading": [FIR_GAPS_HEADING],
        "gap_names": list(gaps),
    }
    mark = report["mark"]
    doc = pymupdf.open()
    width, height = LETTER
    for number, page in enumerate(pages, start=1):
        canvas = letter_page(doc)
        canvas.text(width / 2, 52, mark, size=9, font="tibo", align="center")
        canvas.text(72, 52, report["running_head"], size=8, font="tiit", color=GREY)
        canvas.line((72, 60), (width - 72, 60), color=GREY, width=0.5)
        footer = height - FOOTER_BASELINE
        canvas.line((72, footer - 12), (width - 72, footer - 12), color=GREY, width=0.5)
        canvas.text(width / 2, footer, mark, size=9, font="tibo", align="center")
        canvas.text(
            width - 72, footer, f"Page {number} of {len(pages)}", size=9, font="tiro", align="right"
        )
        flow = Flow(
            canvas,
            left=72,
            right=width - 72,
            top=74,
            bottom=height - BODY_BOTTOM - 6,
            font="tiro",
            bold="tibo",
            size=12,
            lead=1.4,
        )
        draw(flow, page["body"], slots=slots)
        canvas.commit()
    return finish(doc, title, report["author"], report["date"])
