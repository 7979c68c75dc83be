"""Shapes of order the reader learned in issue 19's eighteenth pass, from the sixteenth held-out
set's classes of misses (tests/orders/heldout16-misses.md, then moved into development). Each
test is one class of wording, on a short sentence written for the test in the way courts commonly
put it (not a copy of the order that showed the class), and failed on the reader before the pass
but for the guards said so."""

from __future__ import annotations

from datetime import date

from tests.domain.order_reads import acts as _acts
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


# 2. The day a docket text says the judge ordered or entered the order is no term -------------


def test_the_day_a_docket_text_says_the_order_was_ordered_by_a_judge_is_no_term() -> None:
    for who in (
        "Ordered by Judge Jane Roe",
        "Ordered by Magistrate Judge Jane Roe",
        "Entered by District Judge Jane Roe",
    ):
        assert (
            _acts(
                "Court Description: ORDER denying without prejudice 12 Motion to Seal."
                f" ({who} on 6/5/2023) (axm)\n",
                dated=date(2023, 6, 5),
            )
            == []
        )


# 3. Who must act and when: a leave or a term in other words ----------------------------------


def test_the_court_will_allow_a_party_to_file_within_a_period_is_a_leave() -> None:
    for allow in (
        "will allow Plaintiffs to file",
        "will permit Plaintiffs to file",
    ):
        assert _acts(
            "ORDER\n\nThe Court DENIES WITHOUT PREJUDICE the motion to seal. The Court"
            f" {allow} an amended motion to seal within 21 days of this Order.\n",
            dated=date(2023, 6, 5),
        ) == [("plaintiff", 21, "2023-06-26")]


def test_a_leave_with_no_term_granted_on_a_motion_for_leave_and_a_rule_are_no_act() -> None:
    # guards: a motion for leave granted sets no term; a rule "permits" a party, no one is led
    assert (
        _acts(
            "ORDER\n\nThe motion for leave is granted: the court will allow Plaintiffs to file"
            " their supplemental affidavits.\n",
            dated=date(2016, 3, 1),
        )
        == []
    )
    assert (
        _acts(
            "ORDER\n\nLocal Rule 5.6 also permits a party to move to file a document under seal.\n",
            dated=date(2016, 3, 1),
        )
        == []
    )


def test_a_party_that_shall_have_up_to_and_including_a_date_to_act_must_act_by_it() -> None:
    for until in ("up to and including", "through and including"):
        assert _acts(
            f"ORDER\n\nThe motion to seal is granted. Plaintiff shall have {until} July 20,"
            " 2018 to file under seal the sample documents.\n",
            dated=date(2018, 7, 19),
        ) == [("plaintiff", None, "2018-07-20")]


# 4. A rule's terms told to any party, after a colon or a purpose clause, are no act ------------


def test_a_rule_told_to_a_party_after_a_colon_or_a_purpose_clause_is_no_act() -> None:
    for rule in (
        "The procedure is set forth in Local Rule 5.3(c): A party seeking to file an unredacted"
        " document must file a motion to restrict access to it.",
        "In order to have any part of a document filed under seal, a party must file a public"
        " version of the document and make a motion under Local Rule 5.",
        "To keep a paper sealed, an objecting party shall file a motion within the rule's time.",
    ):
        assert _acts(f"ORDER\n\nThe motion is granted. {rule}\n", dated=date(2011, 5, 20)) == []


def test_a_term_set_for_a_party_after_a_colon_stays_an_act() -> None:
    # guard: a term the order sets keeps its act, whatever stands before it
    assert _acts(
        "ORDER\n\nIt is ordered: the plaintiff shall file a redacted version within 7 days of"
        " this order.\n",
        dated=date(2011, 5, 20),
    ) == [("plaintiff", 7, "2011-05-27")]


# 5. Who must act: a court's name is no party; an applicant is the moving side ---------------


def test_the_united_states_district_court_named_before_a_direction_is_no_party() -> None:
    assert _acts(
        "ORDER\n\nThe Court ORDERS - as the United States District Court for the District of"
        " Delaware did in the matter before it - that the applicant must serve the application"
        " on the respondent by Friday, November 3, 2023.\n",
        dated=date(2023, 10, 24),
    ) == [("plaintiff", None, "2023-11-03")]
    assert _acts(
        "ORDER\n\nPursuant to the order of the United States Magistrate Judge, the clerk shall"
        " unseal the docket.\n"
    ) == [("clerk", None, None)]


def test_a_party_named_by_the_surname_its_side_word_introduced_is_that_side() -> None:
    assert _acts(
        "ORDER\n\nPlaintiff Brad Wellington seeks to file a motion under seal. The motion is"
        " GRANTED. Wellington may file his proposed motion under seal.\n"
    ) == [("plaintiff", None, None)]
    assert _acts(
        "ORDER\n\nThe Court has Respondent Hyo-Min Ko\u2019s motion to seal. The Court ORDERS"
        " that Ko must serve his answer by Friday, November 3, 2023.\n",
        dated=date(2023, 10, 24),
    ) == [("defendant", None, "2023-11-03")]


def test_a_surname_that_is_also_a_word_of_the_text_names_no_one() -> None:
    # guard: "Defendant Carol May" makes no "may" a defendant's
    assert _acts(
        "ORDER\n\nDefendant Carol May moved to seal. The motion is granted. The parties may file"
        " a joint notice.\n"
    ) == [("joint", None, None)]


def test_two_directions_to_two_parties_joined_by_and_are_two_acts() -> None:
    assert _acts(
        "ORDER\n\nAny opposition to the application must be filed by Friday, November 17, 2023,"
        " and the applicant must file any reply by Wednesday, November 29, 2023.\n",
        dated=date(2023, 10, 24),
    ) == [(None, None, "2023-11-17"), ("plaintiff", None, "2023-11-29")]
    assert _acts(
        "ORDER\n\nThe defendant shall file a redacted brief by March 1, 2021, and the Clerk"
        " shall unseal the exhibits on March 8, 2021.\n",
        dated=date(2021, 2, 22),
    ) == [("defendant", None, "2021-03-01"), ("clerk", None, "2021-03-08")]


def test_one_party_s_two_acts_joined_by_and_keep_one_direction() -> None:
    # guard: ", and" before the same party's second act splits nothing here
    assert _acts(
        "ORDER\n\nThe defendant shall file a redacted brief by March 1, 2021, and shall serve it"
        " on the plaintiff.\n",
        dated=date(2021, 2, 22),
    ) == [("defendant", None, "2021-03-01")]


# 6. A motion named as the one a paper is for, or another motion answers, is not ruled ---------


def test_the_underlying_motion_a_sealed_paper_is_for_is_not_ruled() -> None:
    assert _rulings(
        "ORDER\n\nPlaintiffs move to file under seal exhibits to their motion to compel. In the"
        " interest of efficient resolution of the underlying Motion to Compel, however, the"
        " Motion to Seal will be granted.\n"
    ) == [("seal", None, None, None, "granted")]


# 7. An earlier ruling recited: a second outcome the court gave, joined by "and" ---------------


def test_an_earlier_rulings_second_outcome_joined_by_and_is_recited_too() -> None:
    assert _rulings(
        "ORDER\n\nIn March, the Court granted in part the plaintiff's motion for summary"
        " judgment (Doc. 40) and denied without prejudice the defendant's motion to exclude"
        " (Doc. 42). Before the Court are two motions to seal. The motions to seal are"
        " GRANTED.\n"
    ) == [("seal", None, None, None, "granted")]


def test_this_orders_second_outcome_joined_by_and_stays_a_ruling() -> None:
    # guard: "is granted ... and ... is denied" with no court its subject is this order's
    assert _rulings(
        "ORDER\n\nThe motion to seal (Doc. 5) is granted and the motion to compel (Doc. 7) is"
        " denied.\n"
    ) == [("compel", None, "7", None, "denied"), ("seal", None, "5", None, "granted")]
