"""Shapes of order the reader learned in issue 19's sixth pass, from the fifth held-out set's
misses (moved into development). Each test is one class of wording, written in words of our own
(not a corpus text), and failed on the reader before the pass."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_reading import read_order


def _acts(text: str, dated: date | None = None) -> list[tuple[str | None, int | None, date | None]]:
    return [(a.party, a.days, a.due) for a in read_order(text, dated=dated).acts]


def test_not_later_than_a_date_said_before_the_party_sets_that_date() -> None:
    assert _acts(
        "ORDER\n\nAccordingly, it is ORDERED as follows:\n\n1. Not later than March 2, 2015, the"
        " plaintiff shall notify counsel for defendants of its proposed redactions.\n",
        dated=date(2015, 2, 2),
    ) == [("plaintiff", None, date(2015, 3, 2))]


def test_a_period_from_the_order_named_by_its_title_runs_from_the_order() -> None:
    assert _acts(
        "MEMORANDUM AND ORDER\n\nWithin fourteen days of the date of this Opinion and Order"
        " Defendant shall supplement its privilege log.\n",
        dated=date(2012, 5, 15),
    ) == [("defendant", 14, date(2012, 5, 29))]


def test_a_leave_to_submit_is_an_act_and_a_rule_a_party_may_follow_is_not() -> None:
    assert _acts(
        "ORDER\n\nThe proposed order is denied. The parties may submit a revised draft consistent"
        " with this Order.\n"
    ) == [("joint", None, None)]
    assert (
        _acts(
            "ORDER\n\nA party may file a motion to seal under Local Rule 5.2. The motion is granted.\n"
        )
        == []
    )
