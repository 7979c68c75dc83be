"""Shapes of order the reader learned in issue 19's thirteenth pass, from the eleventh held-out
set's classes of misses (tests/orders/heldout11-misses.md, then moved into development). Each
test is one class of wording, on a short sentence written for the test in the way courts commonly
put it (not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from tests.domain.order_reads import rulings as _rulings

# 1. Two motions ruled in one sentence, the second joined by "and" ------------------------------


def test_two_motions_of_two_kinds_joined_by_and_are_ruled_apart() -> None:
    assert _rulings(
        "ORDER\n\nFor these reasons, the Motion for Protective Order is DENIED, and the Motion"
        " to Compel is GRANTED.\n"
    ) == [("compel", None, None, None, "granted"), ("protective-order", None, None, None, "denied")]
    assert _rulings(
        "ORDER\n\nFor the reasons below, Acme's Motion to Seal the Status Report will be GRANTED"
        " and Acme's Motion for Protective Order will be DENIED.\n"
    ) == [
        ("protective-order", None, None, None, "denied"),
        ("seal", None, None, None, "granted"),
    ]


def test_one_motion_ruled_and_then_otherwise_is_one_ruling() -> None:
    assert _rulings(
        "ORDER\n\nThe motion to seal is GRANTED as to Exhibit 3 and the motion is otherwise"
        " DENIED.\n"
    ) == _rulings(
        "ORDER\n\nThe motion to seal is GRANTED as to Exhibit 3, and the motion is otherwise"
        " DENIED.\n"
    )


def test_a_paper_named_twice_in_a_compound_ruling_is_one_ruling() -> None:
    from clawback.domain.order_reading import read_order

    draft = read_order(
        "ORDER\n\nBefore the Court is Acme's Motion to Seal the parties' Joint Status Report"
        " (ECF No. 81). For the reasons below, Acme's Motion to Seal the Joint Status Report is"
        " GRANTED and Acme's Motion for Protective Order is DENIED.\n"
    )
    assert {(r.motion, r.document, r.outcome.value) for r in draft.rulings} == {
        ("protective-order", None, "denied"),
        ("seal", None, "granted"),
        ("seal", "the Joint Status Report", "granted"),
    }
    assert len(draft.rulings) == 3
