"""A day as the record takes it: ``YYYY-MM-DD``, parsed once where it enters.

Python's ``date.fromisoformat`` takes more than a person means (``20210101``, ``2021-W01-1``)
and any year from 1 to 9999, so a deadline counted from ``9999-12-31`` overflowed the calendar
in a traceback. Every edge (the command line, the web forms and API, case files, rulings CSVs,
findings files, job steps) parses a day here, and a day already parsed by a YAML reader is
checked here, so a day in the record lies between ``FIRST_YEAR`` and ``LAST_YEAR``.
"""

from __future__ import annotations

import re
from datetime import date

from clawback.domain.errors import InvalidInput

FIRST_YEAR = 1900
LAST_YEAR = 2199
MAX_PERIOD_DAYS = 36_500  # a period an order sets: a hundred years is past any
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str, what: str = "") -> date:
    """The day ``text`` writes as ``YYYY-MM-DD`` (surrounding blanks allowed); ``what`` names the
    value in the message ("on: not a date ...")."""
    value = text.strip() if isinstance(text, str) else text
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        raise InvalidInput(f"{_named(what)}not a date (YYYY-MM-DD): {text!r}")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{_named(what)}not a date (YYYY-MM-DD): {text!r}") from None
    return checked_day(day, what)


def checked_day(day: date, what: str = "") -> date:
    """``day`` if its year is one the record takes, else the one-line refusal."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidInput(
            f"{_named(what)}{day.isoformat()} is not a day between {FIRST_YEAR} and {LAST_YEAR}"
        )
    return day


def _named(what: str) -> str:
    return f"{what}: " if what else ""
