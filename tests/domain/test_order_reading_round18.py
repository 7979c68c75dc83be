"""Shapes of order the reader learned in issue 19's eighteenth pass, from the sixteenth held-out
set's classes of misses (tests/orders/heldout16-misses.md, then moved into development). Each
test is one class of wording, on a short sentence written for the test in the way courts commonly
put it (not a copy of the order that showed the class), and failed on the reader before the pass
but for the guards said so."""

from __future__ import annotations

from tests.domain.order_reads import rulings as _rulings

# 1. Several motions numbered together in a docket text, each ruled ---------------------------


def test_a_docket_text_listing_motions_by_number_before_the_motions_rules_each() -> None:
    for listed in ("12 , 13 , and 15 , the", "12, 13 and 15, the", "12, 13, and 15 the"):
        assert _rulings(
            f"ORDER granting in part and denying in part {listed} motions to seal. Signed by"
            " Judge Roe on 3/4/2019.\n"
        ) == [
            ("seal", None, "12", None, "granted_in_part"),
            ("seal", None, "13", None, "granted_in_part"),
            ("seal", None, "15", None, "granted_in_part"),
        ]


def test_numbers_before_a_single_motion_stay_one_motion() -> None:
    # guard: a lone number before "the motion" is no list of motions
    assert _rulings("ORDER granting 12 Motion to Seal. Signed by Judge Roe on 3/4/2019.\n") == [
        ("seal", None, "12", None, "granted")
    ]
