"""Shapes of order the reader learned in issue 19's twentieth pass, from the eighteenth held-out
set's classes of misses (tests/orders/heldout18-misses.md, then moved into development). Each
test is one class of wording, on short sentences written for the test in the ways courts commonly
put it (not copies of the order that showed the class), and failed on the reader before the pass
but for the guards said so."""

from __future__ import annotations

from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 1. Motions numbered with a docket entry's "D.E." prefix, and "the motions" the court's object


def test_motions_numbered_with_a_docket_entry_prefix_are_each_ruled() -> None:
    for cited in (
        "several motions to seal (D.E. 31, 35, 38)",
        "several motions to seal. D.E. 31, 35, 38",
        "several motions to seal. (D.E. 31, 35, and 38)",
        "several motions to seal, D.E. 31, 35 and 38",
    ):
        assert _rulings(f"ORDER\n\nBefore the court are {cited}. The motions are granted.\n") == [
            ("seal", None, "31", None, "granted"),
            ("seal", None, "35", None, "granted"),
            ("seal", None, "38", None, "granted"),
        ], cited


def test_the_motions_as_the_object_of_the_court_s_verb_are_each_ruled() -> None:
    for ruled in (
        "The court will grant the motions.",
        "The Court therefore DENIES the motions.",
        "Accordingly, the Court grants the Motions.",
    ):
        outcome = "denied" if "DENIES" in ruled else "granted"
        assert _rulings(
            "ORDER\n\nBefore the Court are Defendant's motions to seal (ECF Nos. 21, 24). "
            f"{ruled}\n"
        ) == [
            ("seal", None, "21", None, outcome),
            ("seal", None, "24", None, outcome),
        ], ruled


def test_the_motions_of_a_kind_after_the_court_s_verb_rule_only_their_own() -> None:
    # guard: "grants the motions to compel" names its kind
    assert _rulings(
        "ORDER\n\nBefore the Court are Plaintiff's motion to seal (ECF No. 21) and Defendant's"
        " motions to compel (ECF Nos. 24, 27). The Court grants the motions to compel.\n"
    ) == [("compel", None, None, None, "granted")]


# 2. Motions of no kind the reader rules, numbered beside motions of a kind ----------------


def test_motions_of_no_kind_numbered_are_not_ruled_with_the_motions() -> None:
    for merits in (
        "Defendant's motion for summary judgment and the parties' motions to exclude experts"
        " are pending. (Dkt. Nos. 40, 41, 43.)",
        "Also pending are the motions to dismiss (ECF Nos. 40, 41, 43).",
        "The parties' cross-motions for summary judgment, ECF Nos. 40, 41 and 43, are pending.",
    ):
        assert _rulings(
            f"ORDER\n\n{merits} The parties have filed motions to seal portions of the briefing."
            " (Dkt. Nos. 50, 52.) For the reasons below, these motions are GRANTED.\n"
        ) == [
            ("seal", None, "50", None, "granted"),
            ("seal", None, "52", None, "granted"),
        ], merits


def test_motions_numbered_with_no_kind_named_are_still_the_motions() -> None:
    # guard: "the pending motions (Dkt. Nos. 50, 52)" names no kind, and they are the motions
    assert _rulings(
        "ORDER\n\nBefore the Court are Defendant's motions to seal. (Dkt. Nos. 50, 52.) The"
        " motions are GRANTED.\n"
    ) == [("seal", None, "50", None, "granted"), ("seal", None, "52", None, "granted")]


# 3. The court's two gerunds in one title or docket text, each on a motion of its own kind ---


def test_two_gerunds_each_on_a_motion_of_its_own_kind_are_two_rulings() -> None:
    for title, first, second in (
        (
            "ORDER DENYING PLAINTIFF'S MOTION TO COMPEL AND GRANTING DEFENDANT'S MOTION FOR A"
            " PROTECTIVE ORDER",
            ("compel", "denied"),
            ("protective-order", "granted"),
        ),
        (
            "ORDER DENYING PLAINTIFF'S MOTION 16 TO COMPEL AND GRANTING DEFENDANT'S MOTION 20"
            " FOR A PROTECTIVE ORDER",
            ("compel", "denied"),
            ("protective-order", "granted"),
        ),
        (
            "Order granting the motion to seal and denying the motion to unseal.",
            ("seal", "granted"),
            ("unseal", "denied"),
        ),
    ):
        assert sorted((r[0], r[4]) for r in _rulings(f"{title}\n")) == sorted([first, second]), (
            title
        )


def test_in_part_gerunds_before_one_plural_stay_one_outcome() -> None:
    # guard: "GRANTING IN PART AND DENYING IN PART" is one outcome of the motions it names
    ruled = _rulings("ORDER GRANTING IN PART AND DENYING IN PART DEFENDANT'S MOTION TO COMPEL\n")
    assert [(r[0], r[4]) for r in ruled] == [("compel", "granted_in_part")]


# 4. A grant "in substantial part", "in large part": granted in part ---------------------------


def test_a_grant_in_substantial_or_large_part_is_granted_in_part() -> None:
    for ruled in (
        "For the reasons below, the court grants the motion to compel in substantial part.",
        "The court is granting the motion to compel in large part.",
        "Plaintiff's motion to compel is granted in substantial part.",
        "Plaintiff's motion to compel is GRANTED IN SIGNIFICANT PART.",
    ):
        assert [(r[0], r[4]) for r in _rulings(f"ORDER\n\n{ruled}\n")] == [
            ("compel", "granted_in_part")
        ], ruled


def test_a_grant_in_full_stays_granted() -> None:
    # guard: "in full" and "in its entirety" are whole grants
    for ruled in ("the court grants the motion to compel in full.", "GRANTED in its entirety."):
        assert [r[4] for r in _rulings(f"ORDER\n\nThe motion to compel: {ruled}\n")] == [
            "granted"
        ], ruled


# 5. A docket text's numbers listed by commas alone before a plural "Motions" ------------------


def test_numbers_listed_by_commas_alone_before_motions_are_each_ruled() -> None:
    for numbers in ("196 , 202", "196, 202", "196, 199, 202"):
        ruled = _rulings(
            f"ORDER by Judge Jane Roe granting in part and denying in part {numbers}"
            " Administrative Motions to File Under Seal.\n"
        )
        assert [r[2] for r in ruled] == sorted(numbers.replace(" ", "").split(",")), numbers


def test_a_lone_number_before_one_motion_stays_one() -> None:
    # guard: a number before a singular "Motion" is that motion's alone
    assert [r[2] for r in _rulings("ORDER granting 12 Motion to Seal.\n")] == ["12"]


# 6. The clerk's office written without its apostrophe -----------------------------------------


def test_the_clerks_office_without_an_apostrophe_is_the_clerk() -> None:
    for office in ("the Clerks Office", "the Clerks' Office", "the clerks office"):
        directed = f"ORDER\n\nThe Court DIRECTS {office} to unseal all filings in this case.\n"
        assert _acts(directed) == [("clerk", None, None)], office
