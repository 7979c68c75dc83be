"""Shapes of order the reader learned in issue 19's seventeenth pass, from the fifteenth held-out
set's classes of misses (tests/orders/heldout15-misses.md, then moved into development). Each
test is one class of wording, on a short sentence written for the test in the way courts commonly
put it (not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from datetime import date

from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 1. Several motions numbered together, each ruled -------------------------------------------


def test_a_docket_text_ruling_two_motions_numbered_with_and_rules_each() -> None:
    assert _rulings(
        "ORDER granting the parties' 41 and 42 Motions to Seal Document. Signed by Judge Roe"
        " on 8/11/2016.\n"
    ) == [
        ("seal", "joint", "41", None, "granted"),
        ("seal", "joint", "42", None, "granted"),
    ]
    assert _rulings(
        "ORDER denying 17, 19 and 23 Motions to Seal. Signed by Judge Roe on 5/5/2015.\n"
    ) == [
        ("seal", None, "17", None, "denied"),
        ("seal", None, "19", None, "denied"),
        ("seal", None, "23", None, "denied"),
    ]


# 2. Exhibits a party is directed to refile with a redaction said after them ------------------


def test_exhibits_to_be_refiled_redacting_a_part_are_sealed_in_part() -> None:
    assert _rulings(
        "ORDER\n\nThe motion to seal (Doc. 30) is GRANTED in part. Defendants are ordered by"
        " 12/19/2012 to refile Exhibits 4-6 redacting only the children's names to initials.\n"
    ) == [
        ("seal", None, "30", None, "granted_in_part"),
        ("seal", None, None, "4", "granted_in_part"),
        ("seal", None, None, "5", "granted_in_part"),
        ("seal", None, None, "6", "granted_in_part"),
    ]
    assert _rulings(
        "ORDER\n\nThe motion to seal is granted in part. Plaintiff shall file Exhibit B with"
        " the redactions proposed in its motion.\n"
    ) == [
        ("seal", None, None, "B", "granted_in_part"),
        ("seal", None, None, None, "granted_in_part"),
    ]


def test_exhibits_attached_to_another_paper_are_not_refiled_redacted() -> None:
    assert _rulings(
        "ORDER\n\nThe motion to seal is granted in part. Defendants shall file a notice attaching"
        " Exhibit 3 and their brief redacted in accordance with this Order.\n"
    ) == [("seal", None, None, None, "granted_in_part")]


# 3. A motion filed under seal is no motion to seal -------------------------------------------


def test_a_sealed_motion_is_not_a_motion_to_seal() -> None:
    assert _rulings(
        "ORDER DENYING 25 Motion to Compel and DENYING 27 Sealed Emergency Motion. Signed by"
        " Judge Roe on August 27, 2013.\n"
    ) == [("compel", None, "25", None, "denied")]
    assert _rulings("ORDER granting 31 Sealed Motion to Seal Exhibits.\n") == [
        ("seal", None, "31", None, "granted")
    ]


# 4. What an earlier order or a quotation says is no act of this order ------------------------


def test_a_directive_quoted_from_an_earlier_order_is_no_act() -> None:
    assert (
        _acts(
            "ORDER\n\nIn an Order (doc. 98) entered on March 2, 2018, the Court directed plaintiffs"
            " to file a motion \u201cidentifying what in these pages is so confidential that they"
            " must all be sealed from public access.\u201d The motion (doc. 99) is DENIED.\n",
            dated=date(2018, 3, 14),
        )
        == []
    )
    assert (
        _acts(
            "ORDER\n\nPlaintiffs filed an exhibit under seal, [ECF No. 74], but the Court struck it"
            " with a notation stating, \u201cA motion to seal must be filed that complies with LR"
            " 5.3.\u201d The Court will deny the motion.\n",
            dated=date(2018, 8, 1),
        )
        == []
    )


def test_an_act_an_earlier_order_set_is_no_act_of_this_one() -> None:
    assert (
        _acts(
            "ORDER\n\nThe Court by previous order found good cause as to some exhibits and ordered"
            " the plaintiffs to file a supplemental brief addressing the rest. (Doc. 47). The"
            " motion (Doc. 45) is GRANTED.\n"
        )
        == []
    )


def test_a_directive_of_this_order_stays_an_act() -> None:
    assert _acts(
        "ORDER\n\nThe motion is DENIED. Plaintiffs shall file the exhibits publicly within 7 days"
        " of the date of this Order.\n",
        dated=date(2018, 8, 1),
    ) == [("plaintiff", 7, "2018-08-08")]


# 5. A numbered section heading inside run-together text ends the sentence before it ----------


def test_a_section_heading_run_into_the_text_ends_the_title() -> None:
    assert _rulings(
        "OPINION AND ORDER DENYING MOTION TO SEAL WITHOUT PREJUDICE [ECF NO. 75] I. Introduction"
        " On July 30, 2018, plaintiffs filed an exhibit under seal, [ECF No. 74], and then a"
        " motion to seal. [ECF No. 75]. II. Analysis The motion does not comply with the rule.\n"
    ) == [("seal", None, "75", None, "denied_without_prejudice")]


def test_the_motion_after_its_own_bracketed_citation_is_the_motion_cited() -> None:
    assert _rulings(
        "ORDER DENYING MOTION TO SEAL [ECF NO. 75]\n\nPlaintiffs filed an exhibit under seal,"
        " [ECF No. 74], without a motion. Plaintiffs then filed a motion to seal that does not"
        " comply with the rule. [ECF No. 75]. The Court will deny the motion.\n"
    ) == [("seal", None, "75", None, "denied")]


# 6. Dates: civil minutes' date field as a text layer gives it; two acts in one period --------


def test_civil_minutes_date_field_without_its_colon_is_the_orders_date() -> None:
    assert _acts(
        "CIVIL MINUTES - GENERAL Case No. CV 13-1234 ABC Title Roe v. Doe Presiding: The"
        " Honorable Date December 4, 2014 JANE ROE, U.S. DISTRICT JUDGE\n\nThe Application is"
        " STRICKEN. The Parties SHALL within 14 days file the documents publicly.\n"
    ) == [("joint", 14, "2014-12-18")]


def test_two_acts_in_one_period_with_different_verbs_are_two_acts() -> None:
    assert _acts(
        "ORDER\n\nThe Application is STRICKEN. The Parties SHALL within 14 days hereof submit a"
        " new Application. The Notice is STRICKEN. The Parties SHALL within 14 days resubmit"
        " all exhibits in a manner that complies with the Local Rules.\n",
        dated=date(2014, 12, 4),
    ) == [("joint", 14, "2014-12-18"), ("joint", 14, "2014-12-18")]
    assert _acts(
        "ORDER\n\nPlaintiff shall within 7 days file a redacted brief. (cc: all counsel)\n\n"
        "Plaintiff shall within 7 days file a redacted version of its brief.\n",
        dated=date(2014, 12, 4),
    ) == [("plaintiff", 7, "2014-12-11")]


# 7. Who must act and what is an act: a leave given with a denial, a proposed order's terms ----


def test_a_denial_with_leave_to_refile_gives_the_movant_a_leave() -> None:
    assert _acts(
        "ORDER\n\nThe joint motion for entry of a protective order (DN 18) is DENIED with leave"
        " to refile.\n"
    ) == [("joint", None, None)]
    assert _acts(
        "ORDER\n\nPlaintiff's motion to seal (Doc. 40) is DENIED with leave to renew within"
        " 14 days of the date of this Order.\n",
        dated=date(2021, 1, 6),
    ) == [("plaintiff", 14, "2021-01-20")]


def test_a_motion_for_leave_to_refile_is_no_leave_given() -> None:
    assert _acts("ORDER\n\nPlaintiff's Motion for Leave to Refile (Doc. 40) is DENIED.\n") == []


def test_the_terms_of_a_proposed_order_are_no_act() -> None:
    assert (
        _acts(
            "ORDER\n\nAt paragraph 8 of the tendered protective order, the parties would provide"
            " that: In the event that any confidential document is filed with the Clerk, such"
            " document shall be kept under seal by the Clerk until further order of the Court. This"
            " provision runs afoul of Local Rule 5.7. The joint motion (DN 18) is DENIED.\n"
        )
        == []
    )


def test_the_day_a_docket_text_says_the_order_was_signed_is_no_term() -> None:
    assert _acts(
        "Court Description: MEMORANDUM OPINION AND ORDER signed by Magistrate Judge Jane Roe on"
        " 1/6/21 denying 18 Motion for Protective Order: The joint motion (DN 18) is DENIED"
        " with leave to refile.\n"
    ) == [("joint", None, None)]


def test_two_clauses_directing_two_parties_are_two_acts() -> None:
    assert _acts(
        "ORDER directing that Defendant's 59 Motion is DENIED with leave to refile its motion"
        " with specific arguments; the Clerk of Court is hereby DIRECTED to UNSEAL Defendant's"
        " 58 Memorandum of Law.\n"
    ) == [("defendant", None, None), ("clerk", None, None)]


def test_a_party_named_by_its_counterclaim_side_is_of_no_side_named() -> None:
    assert _acts(
        "ORDER\n\nThe motion is granted in part. On or before March 27, 2019, the Acme"
        " counterclaim defendants must provide to Defendant a redacted version of the report.\n",
        dated=date(2019, 3, 21),
    ) == [(None, None, "2019-03-27")]
    assert _acts(
        "ORDER\n\nThe motion is granted. Defendants must provide a redacted report on or before"
        " March 27, 2019.\n",
        dated=date(2019, 3, 21),
    ) == [("defendant", None, "2019-03-27")]
