"""The FRCP 26(b)(5)(B) lifecycle as a state machine: every move, legal or not, and who may make it;
FRE 502(b) lateness; the protective order's claw-back periods."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from clawback.domain.claims import (
    LATE_AFTER_DAYS,
    PENDING,
    PROMPTLY_DAYS,
    REPLACEMENT_DAYS,
    Claim,
    Privilege,
    Result,
    Ruling,
    State,
    applied_outcome,
    check_dated,
    lateness,
    terms_from_order,
    transition,
)
from clawback.domain.errors import RuleViolation
from clawback.domain.order import Side

S = State
# Written out by hand from the rule, not read from the code under test.
LEGAL = {
    (S.noticed, S.sequestered),
    (S.noticed, S.submitted),
    (S.noticed, S.preserved),
    (S.noticed, S.under_review),
    (S.noticed, S.ruled),
    (S.noticed, S.withdrawn),
    (S.sequestered, S.submitted),
    (S.sequestered, S.preserved),
    (S.sequestered, S.under_review),
    (S.sequestered, S.ruled),
    (S.sequestered, S.withdrawn),
    (S.submitted, S.preserved),
    (S.submitted, S.under_review),
    (S.submitted, S.ruled),
    (S.submitted, S.withdrawn),
    (S.preserved, S.under_review),
    (S.preserved, S.ruled),
    (S.preserved, S.withdrawn),
    (S.under_review, S.ruled),
    (S.under_review, S.withdrawn),
    (S.ruled, S.applied),
    (S.applied, S.replaced),
}
SEATS = {
    S.noticed: {Side.producing},
    S.sequestered: {Side.receiving},
    S.submitted: {Side.receiving},
    S.preserved: {Side.producing},
    S.under_review: {Side.court},
    S.ruled: {Side.court},
    S.applied: {Side.producing, Side.court},
    S.replaced: {Side.producing},
    S.withdrawn: {Side.producing},
}
FULL_PATH = [
    S.sequestered,
    S.submitted,
    S.preserved,
    S.under_review,
    S.ruled,
    S.applied,
    S.replaced,
]


@pytest.mark.parametrize(("current", "to"), list(product(State, State)))
def test_every_move_is_legal_or_refused_as_the_rule_says(current: State, to: State) -> None:
    if (current, to) in LEGAL:
        assert transition("c", current, to) is to
    else:
        with pytest.raises(RuleViolation, match=f"cannot go from {current} to {to}"):
            transition("c", current, to)


@pytest.mark.parametrize(("current", "to"), sorted(LEGAL))
def test_only_the_right_seat_makes_each_move(current: State, to: State) -> None:
    for side in Side:
        if side in SEATS[to]:
            assert transition("c", current, to, side) is to
        else:
            with pytest.raises(RuleViolation, match=f"the {side} side may not move it to {to}"):
                transition("c", current, to, side)


def test_a_claim_runs_through_every_state_by_the_right_seats() -> None:
    claim = Claim("c", Privilege.law_enforcement, (1,))
    seat = {
        S.sequestered: Side.receiving,
        S.submitted: Side.receiving,
        S.preserved: Side.producing,
        S.under_review: Side.court,
        S.ruled: Side.court,
        S.applied: Side.court,
        S.replaced: Side.producing,
    }
    seen = [claim.state]
    for to in FULL_PATH:
        claim = claim.advance(to, seat[to])
        seen.append(claim.state)
    assert seen == [S.noticed, *FULL_PATH]
    assert not claim.pending
    with pytest.raises(RuleViolation, match="cannot go from replaced"):
        claim.advance(S.withdrawn)


def test_pending_states_are_those_before_the_ruling() -> None:
    assert {
        S.noticed,
        S.sequestered,
        S.submitted,
        S.preserved,
        S.under_review,
    } == PENDING
    assert Claim("c", Privilege.law_enforcement, (1,), state=S.under_review).pending
    assert not Claim("c", Privilege.law_enforcement, (1,), state=S.ruled).pending


def test_a_move_may_not_be_dated_before_the_last() -> None:
    check_dated("c", S.preserved, date(2020, 5, 8), date(2020, 5, 8))
    check_dated("c", S.preserved, None, date(2020, 5, 8))
    check_dated("c", S.preserved, date(2020, 5, 8), None)
    with pytest.raises(RuleViolation, match="preserved on 2020-05-07 is before the last move"):
        check_dated("c", S.preserved, date(2020, 5, 7), date(2020, 5, 8))


def test_a_late_notice_is_flagged_with_its_reason() -> None:
    produced = date(2019, 7, 12)
    assert lateness(date(2019, 8, 11), produced) is None  # 30 days: on the threshold
    late = lateness(date(2019, 8, 12), produced)
    assert late is not None and late.days == 31 and late.counted_from == "production"
    text = str(late)
    assert "31 days after production on 2019-07-12 (threshold 30 days)" in text
    assert "FRE 502(b)(3)" in text and "promptly took reasonable steps" in text
    assert lateness(date(2020, 4, 24), produced, threshold=400) is None
    assert lateness(None, produced) is None and lateness(date(2020, 4, 24), None) is None


def test_promptness_runs_from_learning_of_the_disclosure_when_known() -> None:
    produced, learned = date(2019, 7, 12), date(2020, 4, 20)
    assert lateness(date(2020, 4, 24), produced, learned) is None
    late = lateness(date(2020, 6, 1), produced, learned)
    assert late is not None and late.days == 42 and late.since == learned
    assert "after learning of the disclosure on 2020-04-20" in str(late)
    with pytest.raises(RuleViolation, match="cannot be negative"):
        lateness(date(2020, 6, 1), produced, threshold=-1)


def test_claw_back_periods_come_from_the_order_or_the_documented_defaults() -> None:
    plain = terms_from_order({"docket": "276", "tiers": []})
    assert (plain.promptly_days, plain.replacement_days, plain.late_after_days) == (
        PROMPTLY_DAYS,
        REPLACEMENT_DAYS,
        LATE_AFTER_DAYS,
    )
    assert plain.source == "clawback default"
    given = terms_from_order({"docket": "50", "clawback": {"promptly_days": 10}})
    assert given.promptly_days == 10 and given.replacement_days == REPLACEMENT_DAYS
    assert given.source == "protective order, Dkt. 50"
    with pytest.raises(RuleViolation, match=r"clawback\.promptly_days is not a day count"):
        terms_from_order({"clawback": {"promptly_days": "soon"}})
    with pytest.raises(RuleViolation, match="'clawback' is not a mapping"):
        terms_from_order({"clawback": [5]})


def test_what_applying_a_ruling_does() -> None:
    whole = Claim("w", Privilege.law_enforcement, (1,))
    items = Claim("i", Privilege.law_enforcement, (1,), items=("code",))
    assert applied_outcome(whole, Ruling("w", Result.granted)) == "withheld"
    assert applied_outcome(whole, Ruling("w", Result.denied)) == "released"
    assert applied_outcome(items, Ruling("i", Result.granted)) == "redacted"
    assert applied_outcome(whole, Ruling("w", Result.granted_in_part, ("code",))) == "redacted"
