"""Sealing per exhibit: the standard follows the motion; public material is never sealed."""

import pytest

from clawback.domain.documents import Exhibit
from clawback.domain.privacy import Privacy, privacy_cuts
from clawback.domain.sealing import PUBLIC_DOMAIN, MotionKind, MotionToSeal, Standard, decide

ALL = tuple(range(1, 20))


def test_reference_motion_seals_fifteen_and_leaves_the_posts(exhibits: list[Exhibit]) -> None:
    motion = MotionToSeal("461", ALL, MotionKind.non_dispositive, joint=True)
    decisions = decide(motion, exhibits, standard_met=True)
    assert [d.exhibit for d in decisions if d.sealed] == [*range(1, 14), 18, 19]
    assert [d.exhibit for d in decisions if not d.sealed] == [14, 15, 16, 17]
    assert all(d.standard is Standard.good_cause for d in decisions)
    assert all(d.reason == PUBLIC_DOMAIN for d in decisions if not d.sealed)


@pytest.mark.parametrize(
    ("kind", "tangential", "standard"),
    [
        (MotionKind.non_dispositive, None, Standard.good_cause),
        (MotionKind.dispositive, None, Standard.compelling_reasons),
        (MotionKind.non_dispositive, True, Standard.compelling_reasons),  # Center for Auto Safety
        (MotionKind.dispositive, False, Standard.good_cause),
    ],
)
def test_standard_follows_the_motion(
    kind: MotionKind, tangential: bool | None, standard: Standard
) -> None:
    assert MotionToSeal("1", (1,), kind, more_than_tangential=tangential).standard is standard


def test_standard_not_met_seals_nothing(exhibits: list[Exhibit]) -> None:
    motion = MotionToSeal("9", (1, 14), MotionKind.dispositive)
    decisions = decide(motion, exhibits, standard_met=False)
    assert [(d.exhibit, d.sealed) for d in decisions] == [(1, False), (14, False)]
    assert "compelling reasons not shown" in decisions[0].reason
    assert decisions[1].reason == PUBLIC_DOMAIN


def test_privacy_cuts_leave_what_rule_5_2_a_allows() -> None:
    text = (
        "SSN 123-45-6789; born March 3, 1985; DOB: 04/05/1990; account no. 4400-1234-5678-1234;"
        " Jane Q. Doe attended."
    )
    cuts = privacy_cuts(text, list(Privacy), minors=("Jane Q. Doe",))
    assert [(c.whole, c.removed, c.reads) for c in cuts] == [
        ("123-45-6789", "123-45-", "XXX-XX-"),
        ("March 3, 1985", "March 3,", "MM DD"),
        ("04/05/1990", "04/05/", "MM DD"),
        ("4400-1234-5678-1234", "4400-1234-5678-", "XXXX"),
        ("Jane Q. Doe", "Jane Q. Doe", "J.Q.D."),
    ]
    assert privacy_cuts("Case no. 123-45-6789 was filed", [Privacy.account]) == []
