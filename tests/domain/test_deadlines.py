"""FRCP 6(a) and 6(d): counting days, rolling past weekends and legal holidays."""

from datetime import date

import pytest

from clawback.domain.deadlines import Service, compute, is_court_day

CASES = [
    # (trigger, days, due, why)
    (date(2020, 6, 26), 14, date(2020, 7, 10), "the reference order: a Friday, no holiday"),
    (date(2020, 6, 20), 14, date(2020, 7, 6), "ends Sat Jul 4 (and its observed Fri): to Monday"),
    (date(2021, 6, 20), 14, date(2021, 7, 6), "ends Sun Jul 4; Mon Jul 5 is the observed holiday"),
    (date(2021, 11, 11), 14, date(2021, 11, 26), "ends on Thanksgiving: to Friday"),
    (date(2022, 12, 11), 14, date(2022, 12, 27), "ends Sun Dec 25; Mon Dec 26 observed: Tuesday"),
    (date(2023, 1, 2), 14, date(2023, 1, 17), "ends on MLK Day: to Tuesday"),
    (date(2024, 8, 18), 14, date(2024, 9, 3), "Sun Sep 1 then Labor Day: Tuesday"),
    (date(2024, 6, 5), 14, date(2024, 6, 20), "Juneteenth (Wed) rolls to Thursday"),
    (date(2024, 2, 3), 14, date(2024, 2, 20), "Sat Feb 17 before Washington's Birthday: Tuesday"),
    (date(2024, 10, 30), 12, date(2024, 11, 12), "Mon Nov 11, Veterans Day: Tuesday"),
    (date(2024, 5, 13), 14, date(2024, 5, 28), "Memorial Day: Tuesday"),
    (date(2024, 9, 30), 14, date(2024, 10, 15), "Columbus Day: Tuesday"),
    (date(2024, 12, 18), 14, date(2025, 1, 2), "New Year's Day: Thursday"),
    (date(2020, 6, 26), 0, date(2020, 6, 26), "a zero-day period ends on its court day"),
]


@pytest.mark.parametrize(("trigger", "days", "due", "why"), CASES, ids=[c[3] for c in CASES])
def test_forward_periods(trigger: date, days: int, due: date, why: str) -> None:
    assert compute(trigger, days) == due, why


def test_backward_period_rolls_back() -> None:
    # 7 days before Monday 2024-07-11 is Thursday 2024-07-04, a holiday: back to Wednesday.
    assert compute(date(2024, 7, 11), 7, backward=True) == date(2024, 7, 3)
    # 7 days before Monday 2024-06-17 is Monday 2024-06-10; no roll.
    assert compute(date(2024, 6, 17), 7, backward=True) == date(2024, 6, 10)


def test_three_days_added_for_mail_but_not_electronic_service() -> None:
    assert compute(date(2020, 6, 26), 14, service=Service.electronic) == date(2020, 7, 10)
    assert compute(date(2020, 6, 26), 14, service=Service.mail) == date(2020, 7, 13)


def test_state_and_declared_holidays() -> None:
    # The day after Thanksgiving is a California holiday, not a federal one.
    assert compute(date(2020, 11, 12), 15) == date(2020, 11, 27)
    assert compute(date(2020, 11, 12), 15, state="CA") == date(2020, 11, 30)
    # A day the President closes the government (e.g. 2018-12-24) counts when declared.
    assert compute(date(2018, 12, 10), 14, extra_holidays=[date(2018, 12, 24)]) == date(
        2018, 12, 26
    )


def test_court_days() -> None:
    assert is_court_day(date(2020, 7, 10))
    assert not is_court_day(date(2020, 7, 3))  # Independence Day observed
    assert not is_court_day(date(2020, 7, 11))


def test_negative_period_refused() -> None:
    with pytest.raises(ValueError, match="-3 days"):
        compute(date(2020, 1, 1), -3)
