"""Computing time under FRCP 6.

6(a)(1): exclude the day of the trigger, count every day, include the last day; if the last day
is a Saturday, Sunday or legal holiday the period runs until the next day that is none of those
(6(a)(5): the *previous* such day for periods counted backward, e.g. "7 days before the hearing").
6(a)(6): legal holidays are the federal ones, any day declared by the President or Congress
(``domain.calendar``: executive-order closings, national days of mourning), and, for periods
counted forward, the holidays of the state where the court sits. 6(a)(3): a day the clerk's
office is inaccessible (a court's own closure) moves a period that ends on it. 6(d): three days
are added after service by mail, by leaving with the clerk, or by other consented means, but not
after electronic service (since December 1, 2016).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

from clawback.domain.calendar import declared_days
from clawback.domain.days import FIRST_YEAR, LAST_YEAR
from clawback.domain.errors import InvalidInput


class Service(StrEnum):
    electronic = "electronic"
    mail = "mail"
    clerk = "clerk"
    other_consented = "other_consented"


_ADDS_THREE = frozenset({Service.mail, Service.clerk, Service.other_consented})


@dataclass(frozen=True)
class Deadline:
    """An act an order or a rule requires, and the day it is due.

    ``act`` is what is to be done, as a verb phrase ("file a statement supporting ..."), never
    with its actor: ``party`` says whose act it is (a side's value: producing, receiving,
    court; None: either party's). ``days`` is the period counted from ``trigger``, or None when
    the court fixed the date itself ("on or before June 17, 2021")."""

    act: str
    due: date
    trigger: date
    days: int | None
    source: str = ""
    done_on: date | None = None
    ref: str | None = None  # how the record names it, once recorded (domain.public_refs)
    party: str | None = None  # whose act: producing, receiving, both, court; None: either party's
    kind: str | None = None  # an ``acts.ActKind`` value, for acts an order sets
    lifted: str | None = None  # why it no longer binds (its claim withdrawn): never overdue

    def __post_init__(self) -> None:
        if not self.act.strip():
            raise ValueError("a deadline needs its act")

    @property
    def fixed(self) -> bool:
        return self.days is None

    @property
    def says(self) -> str:
        """The act with its actor, as a list shows it: "receiving side: certify ..."."""
        who = {"producing": "producing side", "receiving": "receiving side", "court": "court"}
        return f"{who[self.party]}: {self.act}" if self.party in who else self.act

    def falls_to(self, side: str) -> bool:
        """Whether the act is the duty of ``side`` (a joint act or either party's falls to both)."""
        if self.party is None or self.party == "both":
            return side in ("producing", "receiving")
        return self.party == side

    def status(self, today: date, soon: int = 7) -> str:
        """done, lifted, overdue, due soon (within ``soon`` days, today included) or pending."""
        if self.lifted is not None and self.done_on is None:
            return "lifted"
        if self.done_on is not None:
            return "done" if self.done_on <= self.due else "done late"
        if today > self.due:
            return "overdue"
        if (self.due - today).days <= soon:
            return "due soon"
        return "pending"


def legal_holidays(
    state: str | None = None, extra: Collection[date] = ()
) -> Callable[[date], bool]:
    """6(a)(6)'s legal holidays, with observed dates; ``state`` adds the court's state holidays."""
    extra_days = frozenset(extra)

    declared = declared_days()

    def is_holiday(day: date) -> bool:
        return day in extra_days or day in declared or day in _calendar(day.year, state)

    return is_holiday


def compute(
    trigger: date,
    days: int,
    *,
    backward: bool = False,
    service: Service = Service.electronic,
    state: str | None = None,
    extra_holidays: Collection[date] = (),
) -> date:
    """The last day of a period of ``days`` days after (or before) ``trigger``."""
    if days < 0:
        raise InvalidInput(f"a period cannot be negative: {days} days")
    step = -1 if backward else 1
    holiday = legal_holidays(None if backward else state, extra_holidays)
    last = _roll(_counted(trigger, step * days), step, holiday)
    if service in _ADDS_THREE and not backward:
        last = _roll(last + timedelta(days=3), step, holiday)
    return last


def _counted(trigger: date, days: int) -> date:
    """``days`` days from ``trigger``, refused in one line when that leaves the years a day of
    the record lies in (a period of 10**8 days overflowed the calendar in a traceback)."""
    try:
        end: date | None = trigger + timedelta(days=days)
    except OverflowError:
        end = None
    if end is None or not FIRST_YEAR <= end.year <= LAST_YEAR:
        raise InvalidInput(
            f"a period of {abs(days)} days from {trigger} ends past the years the record takes "
            f"({FIRST_YEAR}-{LAST_YEAR})"
        )
    return end


def next_court_day(day: date, state: str | None = None, closures: Collection[date] = ()) -> date:
    """``day`` if the court is open then, else the next day that is no weekend day, legal
    holiday or closure: where a period that ends on a closed day runs to (6(a)(3), 6(a)(1)(C))."""
    return _roll(day, 1, legal_holidays(state, closures))


def is_court_day(day: date, state: str | None = None, closures: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and not legal_holidays(state, closures)(day)


def _roll(day: date, step: int, holiday: Callable[[date], bool]) -> date:
    while day.weekday() >= 5 or holiday(day):
        day += timedelta(days=step)
    return day


@cache
def _calendar(year: int, state: str | None) -> frozenset[date]:
    import holidays as holiday_calendars  # its tables take a while to load: only when counting

    days = set(holiday_calendars.country_holidays("US", years=year))
    if state:
        days |= set(holiday_calendars.country_holidays("US", subdiv=state, years=year))
    return frozenset(days)
