"""Acts an order sets, declared holidays and court closures under FRCP 6(a)."""

from datetime import date

import pytest

from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.calendar import declared_days, declared_from_data
from clawback.domain.deadlines import compute
from clawback.domain.errors import InvalidInput

ORDER = date(2021, 6, 3)


def test_a_period_that_would_end_on_a_declared_closure_runs_on() -> None:
    # 2020-12-24 (E.O. 13961), then Christmas, then the weekend.
    assert compute(date(2020, 12, 10), 14) == date(2020, 12, 28)


@pytest.mark.parametrize(
    "day",
    [
        "2020-12-24",
        "2019-12-24",
        "2018-12-24",
        "2015-12-24",
        "2014-12-26",
        "2012-12-24",
        "2018-12-05",
        "2025-01-09",
    ],
)
def test_each_declared_day_is_a_legal_holiday_with_its_source(day: str) -> None:
    declared = declared_days()[date.fromisoformat(day)]
    assert "Executive Order" in declared.source
    ends_there = date.fromisoformat(day)
    assert compute(ends_there, 0) != ends_there


def test_a_declared_day_needs_a_source() -> None:
    with pytest.raises(InvalidInput, match="2030-01-02: give its source"):
        declared_from_data({date(2030, 1, 2): {"what": "closed"}})


def test_a_court_closure_moves_a_deadline_that_falls_on_it() -> None:
    assert compute(date(2023, 3, 1), 14) == date(2023, 3, 15)
    assert compute(date(2023, 3, 1), 14, extra_holidays=[date(2023, 3, 15)]) == date(2023, 3, 16)


def test_an_act_counted_in_days_and_one_the_court_fixed() -> None:
    counted = OrderedAct(
        Party.producing,
        ActKind.supplemental_submission,
        "file a supplemental declaration",
        ORDER,
        days=14,
        source="order of 2021-06-03, para. 2",
    ).deadline()
    assert (counted.due, counted.days, counted.party) == (date(2021, 6, 17), 14, "producing")
    fixed = OrderedAct(
        Party.both,
        ActKind.joint_status_report,
        "file a joint status report",
        ORDER,
        by=date(2021, 6, 19),  # a Saturday: a date the court fixes is not moved
    ).deadline()
    assert fixed.due == date(2021, 6, 19) and fixed.fixed and fixed.kind == "joint_status_report"


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"days": 7, "by": date(2021, 6, 10)}, "either a number of days or the date"),
        ({}, "either a number of days or the date"),
        ({"by": date(2021, 6, 1)}, "before the order"),
        ({"days": -1}, "cannot be negative"),
    ],
)
def test_an_act_is_refused_in_one_line(kwargs: dict[str, object], problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem):
        OrderedAct(Party.receiving, ActKind.supplemental_response, "respond", ORDER, **kwargs)  # type: ignore[arg-type]


def test_a_joint_act_is_the_parties_together() -> None:
    with pytest.raises(InvalidInput, match="is joint"):
        OrderedAct(Party.producing, ActKind.stipulated_redactions, "lodge", ORDER, days=7)
