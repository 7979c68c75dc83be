"""Synthetic stand-ins for the reference case's nineteen sealed exhibits.

The real exhibits of the reference case are sealed, so the demo makes its own: one PDF per
exhibit, with the page counts the case's Bates numbering requires, and the few case-specific
strings (the ``demo_content`` of the case file) placed exactly where the order says they were.
Everything else is invented filler; every text page says so in small print, and every raster
image carries the same mark inside its pixels.

The case-specific strings are never read from a file: the caller passes them in as plain data
(:func:`make_exhibits`). The invented prose around them is package data
(``clawback/data/demo_exhibits.yaml``). The output is deterministic: the same input gives
byte-identical PDFs (fixed metadata dates, no document ID, no timestamps, no randomness).

The work is split by idea: :mod:`~clawback.demo.flow` lays text out, :mod:`~clawback.demo.blocks`
draws the data file's blocks, :mod:`~clawback.demo.pictures` paints Exs. 2-17, and
:mod:`~clawback.demo.mail`, :mod:`~clawback.demo.report` and :mod:`~clawback.demo.briefing` build
Exs. 1, 18 and 19. The layout constants below live in :mod:`~clawback.demo.facts`.

Layout facts the rest of the demo relies on (page indexes are 0-based):

* Ex. 1, the email: 5 US Letter pages of extractable text.
* Exs. 2-17, the 16 embedded images: one US Letter page each whose only content is one raster
  image (no text layer).
* Ex. 18, the field information report: 17 US Letter pages. Page :data:`FIR_SECRET_PAGE` (12,
  Bates AOL-DEF-00528703) has the line ``"Report tracking no.: <fir-dbcode>"`` and, under the
  heading ``"Information Gaps"``, every name of ``fir-gaps`` alone on its own line.
* Ex. 19, the briefing: 19 landscape slides (960 x 540 pt). Page :data:`PPT_SECRET_PAGE` (12,
  Bates AOL-DEF-00516617) has one line ``"Database ID: <code>"`` per ``ppt-dbcode`` and the
  ``ppt-other`` sentence alone on its own line; page :data:`PPT_IMAGE_PAGE` (13, Bates
  AOL-DEF-00516618) shows the very same PNG as Ex. 5, under a text slide title.
* No page has content in its bottom :data:`BOTTOM_CLEARANCE` points (0.75 in), the room the
  stamping step needs for its band.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from clawback.demo.briefing import make_briefing
from clawback.demo.facts import (
    BOTTOM_CLEARANCE,
    EXHIBIT_PAGES,
    FIR_CODE_LABEL,
    FIR_GAPS_HEADING,
    FIR_SECRET_PAGE,
    PPT_CODE_LABEL,
    PPT_IMAGE_PAGE,
    PPT_SECRET_PAGE,
    SHARED_IMAGE_EXHIBIT,
    SYNTHETIC_MARK,
)
from clawback.demo.mail import make_email
from clawback.demo.pictures import image_pngs, make_image_exhibit, post_count
from clawback.demo.report import make_report

__all__ = [
    "BOTTOM_CLEARANCE",
    "EXHIBIT_PAGES",
    "FIR_CODE_LABEL",
    "FIR_GAPS_HEADING",
    "FIR_SECRET_PAGE",
    "PPT_CODE_LABEL",
    "PPT_IMAGE_PAGE",
    "PPT_SECRET_PAGE",
    "SHARED_IMAGE_EXHIBIT",
    "SYNTHETIC_MARK",
    "make_exhibits",
]


def _title(titles: Mapping[Any, Any], exhibit: int) -> str:
    value = titles.get(exhibit, titles.get(str(exhibit)))
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"content['titles'] has no title for exhibit {exhibit}")
    return value


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise ValueError(f"content[{what!r}] must be a non-empty single-line string")
    return value


def _texts(value: Any, what: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise ValueError(f"content[{what!r}] must be a non-empty list of strings")
    return [_text(v, what) for v in value]


def make_exhibits(content: Mapping[str, Any]) -> dict[int, bytes]:
    """Exhibit number (1-19) -> PDF bytes of the synthetic stand-in exhibit.

    ``content`` is the ``demo_content`` mapping of the case file plus ``"titles"`` (exhibit
    number, int or str -> document title): ``fir-dbcode`` (str), ``fir-gaps`` (list of str),
    ``ppt-dbcode`` (list of str), ``ppt-other`` (str) and ``social_media_posts`` (must be 4).
    Other keys are ignored. Raises ValueError on missing or malformed content, or on a string
    too long to stay on one line. Same input, same bytes.
    """
    fir_code = _text(content.get("fir-dbcode"), "fir-dbcode")
    fir_gaps = _texts(content.get("fir-gaps"), "fir-gaps")
    ppt_codes = _texts(content.get("ppt-dbcode"), "ppt-dbcode")
    ppt_other = _text(content.get("ppt-other"), "ppt-other")
    posts = content.get("social_media_posts")
    if posts != post_count():
        raise ValueError(f"content['social_media_posts'] must be {post_count()}, got {posts!r}")
    titles = content.get("titles")
    if not isinstance(titles, Mapping):
        raise ValueError("content['titles'] must map exhibit numbers to titles")

    pngs = image_pngs()
    exhibits: dict[int, bytes] = {1: make_email(_title(titles, 1))}
    for exhibit, png in pngs.items():
        exhibits[exhibit] = make_image_exhibit(png, _title(titles, exhibit))
    exhibits[18] = make_report(fir_code, fir_gaps, _title(titles, 18))
    exhibits[19] = make_briefing(
        ppt_codes, ppt_other, pngs[SHARED_IMAGE_EXHIBIT], _title(titles, 19)
    )
    return exhibits
