"""Shapes of order the reader learned in issue 19's tenth pass, from the ninth held-out set's
classes of misses (tests/orders/heldout9-misses.md, then moved into development). Each test is
one class of wording, on a short sentence written for the test in the way courts commonly put it
(not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from clawback.domain.order_reading import read_order


def _rulings(text: str) -> list[tuple[str, str | None, str | None, str | None, str]]:
    return sorted(
        (
            (r.motion, r.movant, r.docket, r.exhibit, r.outcome.value)
            for r in read_order(text).rulings
            if r.document is None
        ),
        key=str,
    )


def _documents(text: str) -> list[tuple[str, str | None, str]]:
    return sorted(
        (r.motion, r.document, r.outcome.value)
        for r in read_order(text).rulings
        if r.document is not None
    )


def _acts(text: str) -> list[tuple[str | None, int | None, str | None]]:
    return [(a.party, a.days, str(a.due) if a.due else None) for a in read_order(text).acts]


# 1. A grant on conditions said apart from the grant -----------------------------------------


def test_a_grant_subject_to_conditions_said_after_the_motion_is_conditional() -> None:
    assert _rulings(
        "ORDER\n\nDefendant moves to file its reply under seal. The Court GRANTS"
        " the motion, subject to the conditions set out below.\n"
    ) == [("seal", None, None, None, "conditionally_granted")]
    assert _rulings(
        "ORDER\n\nThe Court grants Plaintiff's motion to seal on the following conditions: the"
        " declaration shall be refiled with redactions.\n"
    ) == [("seal", "plaintiff", None, None, "conditionally_granted")]


def test_conditionally_granting_in_a_title_is_a_conditional_grant() -> None:
    assert _rulings(
        "ORDER CONDITIONALLY GRANTING MOTION TO FILE UNDER SEAL (Doc. 12)\n\nThis matter is"
        " before the Court on Plaintiff's motion to file under seal (Doc. 12).\n"
    ) == [("seal", None, "12", None, "conditionally_granted")]
