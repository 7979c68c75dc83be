"""Form fields parsed once, where they enter: a day, a list of exhibit numbers, a rectangle.
A field that does not parse is ``InvalidInput`` (``web.errors``: 400, one line)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Form

from clawback.domain.errors import InvalidInput

Csrf = Annotated[str | None, Form(alias="csrf")]
Text = Annotated[str, Form(max_length=2000)]


def day(value: str) -> date | None:
    """A form's date (YYYY-MM-DD), None when left empty."""
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"not a date (YYYY-MM-DD): {value!r}") from None


def numbers(value: str) -> list[int]:
    """Exhibit numbers as a person types them: ``1, 2 4``."""
    try:
        return [int(n) for n in value.replace(",", " ").split()]
    except ValueError:
        raise InvalidInput(f"not exhibit numbers (such as 1, 2): {value!r}") from None


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


def required_day(value: str) -> date:
    """A form's date that must be given."""
    found = day(value)
    if found is None:
        raise InvalidInput("give the date (YYYY-MM-DD)")
    return found
