"""Ex. 1: the SENTRI revocation email, five US Letter pages of extractable text.

The message body is the ``email`` part of the data file. Besides the common block kinds it
uses three of its own: ``header`` (a message header: From, Sent, To, ...), ``placeholders``
(where the embedded images sat; each is produced as its own exhibit) and ``image_list`` (the
list of embedded images that closes the thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pymupdf

from clawback.demo.blocks import Kind, draw, prose
from clawback.demo.facts import EXHIBIT_PAGES
from clawback.demo.flow import Canvas, Flow
from clawback.demo.pages import finish, letter_page
from clawback.demo.style import BODY_BOTTOM, GREY, LETTER, MID, PALE


def _header(flow: Flow, pairs: Sequence[tuple[str, str]], opts: dict[str, Any]) -> None:
    flow.fields(pairs, size=opts["size"], label_width=78, after=4)
    flow.c.line((flow.left, flow.y), (flow.right, flow.y), color=GREY, width=0.6)
    flow.space(12)


def _placeholders(flow: Flow, numbers: Sequence[int], opts: dict[str, Any]) -> None:
    """Where embedded images sat in the message: each is produced as its own document."""
    del opts
    note = prose()["email"]["placeholder_note"]
    height = 30.0
    for number in numbers:
        flow.need(height + 6)
        flow.c.rect(
            (flow.left, flow.y, flow.right, flow.y + height), fill=PALE, color=MID, width=0.6
        )
        base = flow.y + height / 2 + 3.5
        flow.c.text(flow.left + 10, base, f"[image{number:03d}.png]", size=10, font="cour")
        flow.c.text(flow.right - 10, base, note, size=8.5, color=GREY, align="right")
        flow.y += height + 6


def _image_list(flow: Flow, arg: None, opts: dict[str, Any]) -> None:
    """The list of the embedded images, kept in one piece."""
    del arg, opts
    email = prose()["email"]
    images = email["images"]
    flow.need(14 + 1.3 * 11 * (len(images) + 2))
    flow.c.line((flow.left, flow.y), (flow.right, flow.y), color=GREY, width=0.6)
    flow.space(8)
    flow.heading(email["images_heading"].format(count=len(images)), size=11)
    for k, what in enumerate(images, start=1):
        flow.need(flow.size * flow.lead)
        flow.c.text(flow.left + 12, flow.y + 10, f"image{k:03d}.png", size=10, font="cour")
        flow.line(what, size=10, indent=112)


def make_email(title: str) -> bytes:
    """The email's PDF bytes; ``title`` goes into its metadata."""
    email = prose()["email"]
    doc = pymupdf.open()
    width, height = LETTER

    def next_page() -> Canvas:
        return letter_page(doc)

    flow = Flow(
        next_page(),
        left=72,
        right=width - 72,
        top=60,
        bottom=height - BODY_BOTTOM,
        size=11.5,
        next_page=next_page,
    )
    extra: dict[str, Kind] = {
        "header": _header,
        "placeholders": _placeholders,
        "image_list": _image_list,
    }
    draw(flow, email["body"], extra=extra)
    flow.c.commit()
    if doc.page_count != EXHIBIT_PAGES[1]:
        raise RuntimeError(f"the email came out at {doc.page_count} pages")
    return finish(doc, title, email["author"], email["date"])
