"""A day is parsed once, where it enters: ``YYYY-MM-DD`` in ASCII digits, a year the record
takes. ``date.fromisoformat`` alone took ``20210101``, ``2021-W01-1`` and ``9999-12-31``, the
last overflowing the calendar when a period was counted from it."""

from __future__ import annotations

from datetime import date

import pytest

from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.days import checked_day, parse_day
from clawback.domain.deadlines import compute
from clawback.domain.errors import InvalidInput


@pytest.mark.parametrize(
    ("text", "day"),
    [("2021-02-28", date(2021, 2, 28)), (" 2024-02-29 ", date(2024, 2, 29))],
)
def test_a_day_as_written(text: str, day: date) -> None:
    assert parse_day(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "2021-02-30",  # no such day
        "2021-13-01",
        "",
        " ",
        "20210101",  # ISO's basic form: fromisoformat took it
        "2021-W01-1",  # an ISO week date: fromisoformat took it
        "2021-01-01T00:00",
        "\uff12\uff10\uff12\uff11-01-01",  # full-width digits
        "\u0662\u0660\u0662\u0661-\u0660\u0661-\u0660\u0661",  # Arabic-Indic digits
        "99999-01-01",
        "0001-01-01",  # a year no record holds
        "9999-12-31",  # a period counted from it overflowed
        "1899-12-31",
        "2200-01-01",
    ],
)
def test_what_is_not_a_day_of_the_record(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_day(text, "on")
    message = str(refused.value)
    assert message.startswith("on: ")
    assert repr(text) in message or text.strip() in message
    assert "\n" not in message


def test_a_day_read_by_a_yaml_reader_is_checked_too() -> None:
    assert checked_day(date(2020, 6, 26)) == date(2020, 6, 26)
    with pytest.raises(InvalidInput, match="9999-12-31 is not a day between 1900 and 2199"):
        checked_day(date(9999, 12, 31))


def test_a_period_running_past_the_calendar_is_refused_not_overflowed() -> None:
    with pytest.raises(InvalidInput, match="100000000 days"):
        compute(date(2021, 1, 1), 100_000_000)
    act = OrderedAct(
        party=Party.producing,
        kind=ActKind.other,
        what="file it",
        trigger=date(2021, 1, 1),
        days=10**8,
    )
    with pytest.raises(InvalidInput, match="'file it'"):
        act.deadline()
