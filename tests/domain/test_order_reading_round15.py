"""Shapes of order the reader learned in issue 19's fifteenth pass, from the thirteenth held-out
set's classes of misses (tests/orders/heldout13-misses.md, then moved into development). Each
test is one class of wording, on a short sentence written for the test in the way courts commonly
put it (not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from tests.domain.order_reads import rulings as _rulings

# 1. "ALLOWED": the Massachusetts (and First Circuit) word for a granted motion -------------------


def test_a_motion_allowed_is_granted() -> None:
    assert _rulings("ORDER\n\nDefendant's Motion to Impound is ALLOWED.\n") == [
        ("seal", "defendant", None, None, "granted")
    ]
    assert _rulings("ORDER\n\nThe motions to seal are allowed.\n") == [
        ("seal", None, None, None, "granted")
    ]


def test_a_motion_allowed_in_part_is_granted_in_part() -> None:
    assert [
        r[4]
        for r in _rulings(
            "ORDER\n\nPlaintiff's motion for a protective order is ALLOWED IN PART.\n"
        )
    ] == ["granted_in_part"]


def test_a_permission_allowed_is_no_ruling() -> None:
    assert (
        _rulings(
            "ORDER\n\nWhere sealing is allowed, the party must still file a redacted copy. The"
            " parties are allowed to designate material as confidential.\n"
        )
        == []
    )


# 2. Two motions of one kind, of two movants, ruled in two sentences: two rulings ----------------


def test_two_movants_motions_of_one_kind_ruled_in_two_sentences_are_two_rulings() -> None:
    assert _rulings(
        "ORDER\n\nThe Court will grant Plaintiff's motion to seal. The Court will grant in part"
        " and deny in part the Defendants' motion to seal.\n"
    ) == [
        ("seal", "defendant", None, None, "granted_in_part"),
        ("seal", "plaintiff", None, None, "granted"),
    ]


def test_one_movants_motion_ruled_again_is_still_one_ruling() -> None:
    assert _rulings(
        "ORDER\n\nPlaintiff's motion to seal is GRANTED. The motion is granted for the reasons"
        " the plaintiff gives.\n"
    ) == [("seal", "plaintiff", None, None, "granted")]
