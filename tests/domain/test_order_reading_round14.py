"""Shapes of order the reader learned in issue 19's fourteenth pass, from the twelfth held-out
set's classes of misses (tests/orders/heldout12-misses.md, then moved into development). Each
test is one class of wording, on a short sentence written for the test in the way courts commonly
put it (not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_reading import read_order
from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 1. A docket text's list of numbers before "Motions to ...": one motion per number ---------------


def test_a_docket_texts_numbers_before_motions_each_name_a_motion() -> None:
    assert _rulings(
        "ORDER denying without prejudice ECF Nos. 31, 34 and 40 Motions to Seal. Signed by"
        " Judge A. Smith on 3/2/2021.\n"
    ) == [
        ("seal", None, "31", None, "denied_without_prejudice"),
        ("seal", None, "34", None, "denied_without_prejudice"),
        ("seal", None, "40", None, "denied_without_prejudice"),
    ]
    assert _rulings("ORDER granting Dkt. Nos. 7 and 9 Motions to Compel.\n") == [
        ("compel", None, "7", None, "granted"),
        ("compel", None, "9", None, "granted"),
    ]


def test_numbers_before_a_paper_that_is_no_motion_name_no_motions() -> None:
    assert [
        r[2]
        for r in _rulings(
            "ORDER\n\nThe Motion to Seal (Dkt. 20) is GRANTED as to Dkt. Nos. 21 and 22"
            " Exhibits to the Declaration of A. Jones.\n"
        )
    ] in ([None], ["20"])


# 2. "An order granting ..." said of orders in general, or of the order a party asks for --------


def test_an_order_granting_said_of_orders_in_general_rules_on_nothing() -> None:
    assert not _rulings(
        "ORDER\n\nAn order granting a motion to seal must state the facts that support sealing."
        " Any order denying access must be no broader than needed.\n"
    )
    assert not _rulings(
        "ORDER\n\nDefendant has moved for an order sealing the unredacted version of its brief.\n"
    )


def test_the_courts_own_order_granting_still_rules() -> None:
    assert _rulings(
        "ORDER GRANTING MOTION TO SEAL\n\nDefendant's motion to seal (ECF No. 5) is GRANTED.\n"
    ) == [("seal", "defendant", "5", None, "granted")]


# 3. The clerk's own acts with no time: to terminate the motions, to forward a copy ----------


def test_the_clerk_directed_to_terminate_or_forward_acts() -> None:
    assert _acts(
        "ORDER\n\nThe motion to seal is denied. The Clerk is directed to terminate the motion"
        " at ECF No. 12.\n"
    ) == [("clerk", None, None)]
    assert _acts(
        "ORDER\n\nThe motion to seal is GRANTED. The Clerk is directed to forward a copy of this"
        " order to the State Court Administrator.\n"
    ) == [("clerk", None, None)]


# 4. A rule of court quoted after "provides": the law, not a ruling ------------------------


def test_a_rule_quoted_after_provides_rules_on_nothing() -> None:
    assert [
        r[4]
        for r in _rulings(
            "ORDER\n\nPlaintiff has moved to seal his complaint. For the reasons stated below, the"
            ' motion is denied.\n\nRule 8.4 provides, in pertinent part: "(b) The court shall not'
            " order that any documents on file with the court shall be sealed or their disclosure"
            " limited. (c) Upon written motion of any party, the court may order that documents be"
            " sealed or their disclosure limited only if the court concludes that such order is"
            ' necessary."\n'
        )
    ] == ["denied"]


# 5. One motion ruled in parts in two sentences, "granted as to ..." then "denied as to ..." ----


def test_a_motion_ruled_in_parts_in_two_sentences_is_granted_in_part() -> None:
    draft = read_order(
        "ORDER\n\nThe motion to seal is granted as to the account numbers in the lease. The"
        " motion to seal is denied as to the remaining terms of the lease.\n"
    )
    whole = [(r.motion, r.outcome.value) for r in draft.rulings if r.document is None]
    parts = sorted((r.document, r.outcome.value) for r in draft.rulings if r.document)
    assert whole == [("seal", "granted_in_part")]
    assert parts == [
        ("the account numbers in the lease", "granted"),
        ("the remaining terms of the lease", "denied"),
    ]


def test_a_later_ruling_on_the_whole_motion_still_replaces_an_earlier_one() -> None:
    assert _rulings(
        "ORDER\n\nThe motion to seal is granted. IT IS ORDERED that the motion to seal is DENIED.\n"
    ) == [("seal", None, None, None, "denied")]


# 6. Two movants' motions of one kind ruled in one sentence, with no docket numbers ------------


def test_two_movants_motions_of_one_kind_in_one_sentence_are_two_rulings() -> None:
    assert _rulings(
        "ORDER\n\nFor the reasons below, Plaintiffs' motion to seal is granted in part and denied"
        " in part, and Defendants' motion to seal is granted.\n"
    ) == [
        ("seal", "defendant", None, None, "granted"),
        ("seal", "plaintiff", None, None, "granted_in_part"),
    ]


# 7. The day a paper was lodged is when it was done, no deadline ---------------------------------


def test_the_day_a_paper_was_lodged_is_no_deadline() -> None:
    assert _acts(
        "ORDER\n\nThe motion is granted. The Clerk is directed to file under seal exhibit A to the"
        " stipulation, lodged on April 17, 2018.\n",
        date(2019, 4, 17),
    ) == [("clerk", None, None)]


# 8. A movant's withdrawal of its motion as to exhibits ------------------------------------------


def test_a_motion_withdrawn_as_to_exhibits_rules_them_withdrawn() -> None:
    assert [
        (r[3], r[4])
        for r in _rulings(
            "ORDER\n\nThe motion to seal is granted in part. In their reply, Defendants withdrew"
            " their motion as to Exhibits C and D.\n"
        )
        if r[3]
    ] == [("C", "withdrawn"), ("D", "withdrawn")]
