"""Form fields parsed once, where they enter: a day, a list of exhibits, a rectangle
(typed in points, or drawn on the page's picture in its pixels), a list of item ids. A field
that does not parse is ``InvalidInput`` (``web.errors``: 400, one line)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Form

from clawback.domain.days import parse_day
from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_ids import ExhibitId, exhibit_ids
from clawback.domain.typed import MOST_TYPED
from clawback.service import Record

Csrf = Annotated[str | None, Form(alias="csrf")]
Text = Annotated[str, Form(max_length=MOST_TYPED)]


def day(value: str) -> date | None:
    """A form's date (YYYY-MM-DD), None when left empty."""
    if not value.strip():
        return None
    return parse_day(value)


def exhibits(value: str) -> tuple[ExhibitId, ...]:
    """Exhibits as the court writes them, read as the command line reads them (``5``,
    ``1-17``, ``A-F``, ``5-A``, ``Exs. 1-13, 18 and 19``), or numbers apart as the form once
    asked (``1 4``). Before, each word went through ``int()``: ``10**20`` was a server fault,
    ``-1`` and ``٣`` exhibits."""
    if not value.strip():
        return ()
    try:
        return exhibit_ids([value])
    except InvalidInput:
        words = value.split()
        if len(words) == 1 or any(sign in value for sign in ",;&"):
            raise
        return exhibit_ids(words)


def exhibit_ordinals(record: Record, value: str) -> tuple[int, ...]:
    """The record's ordinals of the exhibits ``value`` names (`exhibits`); one the person may
    not know of answers as one that is not there."""
    return record.catalog.exhibit_ordinals(exhibits(value))


def rectangle(value: str) -> list[float] | None:
    """A rectangle as four numbers ``x0, y0, x1, y1`` (points, origin top-left)."""
    if not value.strip():
        return None
    try:
        box = [float(n) for n in value.replace(",", " ").split()]
    except ValueError:
        box = []
    if len(box) != 4:
        raise InvalidInput(f"a rectangle is four numbers x0, y0, x1, y1: {value!r}")
    return box


def drawn(left: str, top: str, right: str, bottom: str, dpi: int) -> list[float]:
    """A rectangle drawn on a page's picture, its corners in the picture's pixels (rendered at
    ``dpi``), as the item rectangle it names: points on the page as displayed, origin top-left
    (a pixel is 72/dpi points). Corners in either order; to a hundredth of a point."""
    edges = []
    for name, value in (("left", left), ("top", top), ("right", right), ("bottom", bottom)):
        try:
            edges.append(float(value.strip()))
        except ValueError:
            raise InvalidInput(f"the rectangle's {name} edge is not a number: {value!r}") from None
    x0, y0, x1, y1 = edges
    scale = 72 / dpi
    return [
        round(min(x0, x1) * scale, 2),
        round(min(y0, y1) * scale, 2),
        round(max(x0, x1) * scale, 2),
        round(max(y0, y1) * scale, 2),
    ]


def ids(value: str) -> list[str]:
    """Item ids as a person types them: ``c-1-a, c-1-b``."""
    return [v for v in value.replace(",", " ").split() if v]


def required_day(value: str) -> date:
    """A form's date that must be given."""
    found = day(value)
    if found is None:
        raise InvalidInput("give the date (YYYY-MM-DD)")
    return found
