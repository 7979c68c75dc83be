"""Shapes of order the reader learned in issue 19's twenty-second pass, from the twentieth
held-out set's classes of misses (tests/orders/heldout20-misses.md, then moved into development)
and the development set's remaining disposition misses. Each test is one class of wording, on
short sentences written for the test in the ways courts commonly put it (not copies of the
order that showed the class), and failed on the reader before the pass but for the guards said
so."""

from __future__ import annotations

import pytest

from tests.domain.order_reads import rulings as _rulings

# 1. A proposed (stipulated) protective order the court cannot adopt is refused ---------------


def test_a_proposed_order_the_court_cannot_adopt_is_denied() -> None:
    for refused in (
        "The Court cannot adopt the proposed protective order in its present form.",
        "The Court is unable to adopt the stipulated protective order as submitted.",
        "The Court will not adopt the proposed protective order for these reasons.",
        "The Court declines to adopt the parties' proposed protective order.",
    ):
        assert _rulings(
            "ORDER RE: STIPULATED PROTECTIVE ORDER\n\nThe Court has reviewed the parties'"
            f" stipulated protective order. {refused}\n"
        ) == [("protective-order", None, None, None, "denied")], refused


def test_a_proposed_order_the_court_adopts_is_still_granted() -> None:
    # guard: "adopts the proposed" stays a grant
    assert _rulings(
        "ORDER\n\nThe Court has reviewed the parties' stipulated protective order. The Court"
        " adopts the proposed protective order.\n"
    ) == [("protective-order", None, None, None, "granted")]


# 2. A stipulation the court approves (as modified) is granted ---------------------------------


def test_a_stipulated_protective_order_the_court_approves_is_granted() -> None:
    for approved in (
        "The Court will approve the stipulation as modified below.",
        "ORDER APPROVING STIPULATED PROTECTIVE ORDER, as modified.",
        "The Court approves the stipulated protective order with one change.",
    ):
        assert _rulings(
            f"ORDER\n\nBefore the Court is the parties' stipulated protective order. {approved}\n"
        ) == [("protective-order", None, None, None, "granted")], approved


# 3. A challenge to designations "confidential designations" is a protective-order motion ------


def test_a_motion_against_confidential_designations_is_of_the_protective_order() -> None:
    for motion in (
        "Motion to Vacate Confidential Designations",
        "Motion to Remove the Confidential Designation",
        "Motion to Strike Confidential Designations of Exhibits",
    ):
        assert _rulings(
            f"ORDER granting 41 Motion to Seal; and denying 44 {motion}. Signed by Judge A on"
            " 3/1/19.\n"
        ) == [
            ("protective-order", None, "44", None, "denied"),
            ("seal", None, "41", None, "granted"),
        ], motion


# 4. A numbered motion the court finds moot, said after it with no "denied" ---------------------


def test_a_superseded_motion_said_moot_is_ruled_moot() -> None:
    for mooted in (
        "The original motion to seal (Dkt. 52) is moot.",
        "Defendant's first motion to seal [ECF No. 52] is therefore MOOT.",
        "The Court finds the earlier motion to seal (Doc. 52) moot.",
    ):
        got = _rulings(
            "ORDER\n\nBefore the Court is Defendant's amended motion to seal (Dkt. 64), which"
            f" replaces its first. The amended motion is GRANTED. {mooted}\n"
        )
        assert sorted((kind, docket, outcome) for kind, _, docket, _, outcome in got) == [
            ("seal", "52", "moot"),
            ("seal", "64", "granted"),
        ], mooted


def test_a_motion_moot_said_before_what_it_rules_on_is_still_read_after() -> None:
    # guard: "DENIES as moot Plaintiff's Motion to Unseal (Doc. 36)" rules on what follows
    got = _rulings(
        "ORDER\n\nThe Court GRANTS Plaintiff's Motion to Seal (Doc. 31) and DENIES as moot"
        " Plaintiff's Motion to Unseal (Doc. 36).\n"
    )
    assert sorted((kind, docket, outcome) for kind, _, docket, _, outcome in got) == [
        ("seal", "31", "granted"),
        ("unseal", "36", "moot"),
    ]


# 5. A docket entry cited "[DE 41]" / "[DE-41]" (no dots: N.D. Ind., S.D. Fla., E.D.N.C.) -------


@pytest.mark.xfail(
    strict=True,
    reason="left: reading DE as a docket prefix (tried in round 22) also numbered the papers"
    " the motions' sentences cite ('[DE-77]' an opposition, '(DE 44)' a protective order):"
    " calloway-durham +2 extras, randa-barr +3; development dispositions 784/842 -> 785/848",
)
def test_docket_entries_cited_as_de_without_dots_number_the_motions() -> None:
    for cited in ("[DE 41, 47]", "[DE-41, -47]", "[DE-41, DE-47]", "[DE 41; DE 47]"):
        assert _rulings(
            f"ORDER\n\nThis matter is before the court on plaintiff's motions to seal {cited}."
            " For the reasons that follow, the motions are allowed.\n"
        ) == [
            ("seal", None, "41", None, "granted"),
            ("seal", None, "47", None, "granted"),
        ], cited


@pytest.mark.xfail(
    strict=True,
    reason="left: reading DE as a docket prefix (tried in round 22) also numbered the papers"
    " the motions' sentences cite ('[DE-77]' an opposition, '(DE 44)' a protective order):"
    " calloway-durham +2 extras, randa-barr +3; development dispositions 784/842 -> 785/848",
)
def test_a_motion_cited_as_de_is_ruled_by_its_number() -> None:
    for cited in ("[DE 41]", "[DE-41]", "[DE #41]"):
        assert _rulings(
            f"ORDER\n\nBefore the court is defendant's motion to seal {cited}. The motion to seal"
            f" {cited} is DENIED.\n"
        ) == [("seal", None, "41", None, "denied")], cited


# 6. A proposed order the court declines to sign, and papers "placed on the public record" ------


@pytest.mark.xfail(
    strict=True,
    reason="left: 'declines to sign' as a denial (tried in round 22) matched white-douglas's"
    " disposition but its motion took the kind of the reason clause after it ('because"
    " Paragraph 4, which allows a party to file a document under seal'): a seal motion"
    " drafted, development motions 559/611 -> 559/612",
)
def test_a_proposed_order_the_court_declines_to_sign_is_denied() -> None:
    for refused in (
        "The Court DECLINES to sign the proposed protective order because it lets a party seal"
        " by designation alone.",
        "The Court declines to sign and enter the stipulated protective order as drafted.",
    ):
        assert _rulings(
            f"ORDER\n\nThe parties tendered an agreed protective order. {refused}\n"
        ) == [("protective-order", None, None, None, "denied")], refused


def test_exhibits_placed_on_the_public_record_are_denied_sealing() -> None:
    for public in (
        "Exhibits 2 and 4 shall be placed on the public docket.",
        "Exhibits 2 and 4 shall be placed on the public record unredacted.",
        "Exhibits 2 and 4 shall be filed on the public record.",
    ):
        got = _rulings(
            "ORDER\n\nBefore the Court is Defendant's motion to seal Exhibits 2 and 4. Defendant"
            f" now concedes that the exhibits need not be sealed. {public}\n"
        )
        assert sorted((exhibit, outcome) for _, _, _, exhibit, outcome in got) == [
            ("2", "denied"),
            ("4", "denied"),
        ], public
