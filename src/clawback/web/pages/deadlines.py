"""Deadlines as a month: each day's acts, the person's own side's duties marked, and the way
to the months before and after."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from clawback.domain.days import FIRST_YEAR, LAST_YEAR, parse_day
from clawback.domain.deadlines import Deadline
from clawback.domain.errors import InvalidInput
from clawback.web.auth import CurrentRecord, CurrentVisitor
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)
#: Weeks start on Sunday, as a U.S. court's calendar does.
WEEK = calendar.Calendar(firstweekday=calendar.SUNDAY)


def month(value: str) -> date | None:
    """A month as a query gives it, ``YYYY-MM``, as its first day (None for none given)."""
    if not value:
        return None
    try:
        first = parse_day(f"{value}-01")
    except InvalidInput:
        first = None
    if first is None or not (FIRST_YEAR < first.year < LAST_YEAR):
        # the page links the months before and after: both must be days too
        raise InvalidInput(f"not a month (YYYY-MM): {value!r}")
    return first


def shown_month(found: list[Deadline], today: date) -> date:
    """The month to open on: the first act still open, else this month."""
    due = min((d.due for d in found if d.done_on is None), default=today)
    return due.replace(day=1)


@router.get("/deadlines")
def deadlines(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    m: Annotated[str, Query(max_length=7, description="YYYY-MM")] = "",
) -> HTMLResponse:
    found = record.deadlines.list()
    first = month(m) or shown_month(found, date.today())
    weeks = WEEK.monthdatescalendar(first.year, first.month)
    by_day: dict[date, list[Deadline]] = {}
    for d in found:
        by_day.setdefault(d.due, []).append(d)
    before = (first - date.resolution).replace(day=1)
    after = (first.replace(day=28) + 4 * date.resolution).replace(day=1)
    return page(
        request,
        "deadlines.html",
        title="Deadlines",
        visitor=visitor,
        first=first,
        weeks=weeks,
        by_day=by_day,
        side=record.actor.seat.value,
        days=[calendar.day_name[(calendar.SUNDAY + n) % 7] for n in range(7)],
        before=before,
        after=after,
        count=sum(1 for d in found if d.due.year == first.year and d.due.month == first.month),
    )
