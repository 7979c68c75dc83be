"""Shapes of order the reader learned in issue 19's tenth pass, from the ninth held-out set's
classes of misses (tests/orders/heldout9-misses.md, then moved into development). Each test is
one class of wording, on a short sentence written for the test in the way courts commonly put it
(not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from pathlib import Path

from clawback.domain.order_reading import read_order
from clawback.domain.order_words import words_from_file
from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings


def _documents(text: str) -> list[tuple[str, str | None, str]]:
    return sorted(
        (r.motion, r.document, r.outcome.value)
        for r in read_order(text).rulings
        if r.document is not None
    )


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


# 2. Sealing called restriction (D. Colo. L. Civ. R. 7.2: "Motion to Restrict", "Level 1") ----


def test_a_motion_to_restrict_access_is_a_motion_to_seal() -> None:
    # the order's first kind is not taken from a protective order told in the background
    assert _rulings(
        "MINUTE ORDER\n\nThis matter is before the Court on Defendant's Motion to Restrict"
        " Access, [Doc. 31]. Plaintiff earlier sought a protective order in state court. The"
        " Court respectfully DENIES the Motion.\n"
    ) == [("seal", None, "31", None, "denied")]
    assert _rulings(
        "ORDER\n\nDefendant's Unopposed Motion for Leave to Restrict (ECF No. 44) is GRANTED."
        " Exhibit 3 shall remain restricted at Level 1.\n"
    ) == [("seal", "defendant", "44", None, "granted"), ("seal", None, None, "3", "granted")]


def test_unrestricted_is_unsealed() -> None:
    assert _documents(
        "ORDER\n\nPlaintiff's Motion to Restrict (Dkt. #3) is DENIED. The Amended Complaint"
        " (Dkt. #2) shall be unrestricted.\n"
    ) == [("seal", "The Amended Complaint (Dkt. #2)", "denied")]


def test_an_exhibit_two_motions_ask_for_takes_each_motions_outcome() -> None:
    # a docket text rules two motions by number; the body names the one exhibit both ask for
    assert _rulings(
        "ORDER denying as moot 21 MOTION for Leave to Restrict; granting 25 MOTION for Leave to"
        " Restrict.\n\nORDER\n\nDefendant's two motions seek to restrict access to Exhibit 4 to"
        " Plaintiff's response.\n"
    ) == sorted(
        [
            ("seal", None, "21", None, "moot"),
            ("seal", None, "21", "4", "moot"),
            ("seal", None, "25", None, "granted"),
            ("seal", None, "25", "4", "granted"),
        ],
        key=str,
    )


# 3. An earlier ruling told in the passive or in a citation's parenthetical ------------------


def test_a_ruling_told_in_the_passive_past_is_an_earlier_one() -> None:
    # a footnote run into the text tells of another judge's ruling
    assert _rulings(
        "MEMORANDUM OPINION\n\nPending is Plaintiff's motion to seal exhibits (ECF No. 30).1"
        " Defendant's motion for a protective order was separately granted by Magistrate Judge"
        " Lee. (ECF No. 47). The motion to seal will be granted.\n"
    ) == [("seal", None, "30", None, "granted")]
    assert _rulings(
        "ORDER\n\nPlaintiff renews her request to seal. Her first motion for a protective order"
        " was denied by the Court on March 3. Plaintiff's renewed motion to seal is GRANTED.\n"
    ) == [("seal", "plaintiff", None, None, "granted")]


def test_a_ruling_told_in_the_passive_with_no_judge_named_still_rules() -> None:
    # a minute entry records the ruling given at the hearing
    assert _rulings(
        "MINUTE ENTRY\n\nMotion hearing held. For the reasons stated on the record, the motion"
        " to seal was granted.\n"
    ) == [("seal", None, None, None, "granted")]


def test_a_citation_of_an_order_by_its_abbreviated_title_rules_on_nothing() -> None:
    # Bluebook abbreviations of a paper's title ("Den.", "Mots.", "Mem.", "Opp'n") end no
    # sentence: the citation and its parenthetical stay behind their "See"
    text = (
        "ORDER\n\nFor the reasons below, the motion to seal (Doc. No. 50) is granted in part."
        " (See Order Den. Without Prejudice Mots. to Seal, Doc. No. 40 (denying the motions at"
        " docket numbers 12 and 19).)\n"
    )
    assert _rulings(text) == [("seal", None, "50", None, "granted_in_part")]
    assert _documents(text) == []
    text = (
        "ORDER\n\nThe renewed motion to seal (ECF 88) is DENIED. (See Mem. Op. Granting Pl.'s"
        " Mot. to Seal, ECF 61 (granting the first motion to seal).)\n"
    )
    assert _rulings(text) == [("seal", None, "88", None, "denied")]
    assert _documents(text) == []


# 4. A party's objection told in the order is no ruling --------------------------------------


def test_what_a_party_objects_on_the_ground_of_is_no_ruling() -> None:
    assert (
        _rulings(
            "RULING ON PLAINTIFF'S MOTION TO SEAL\n\nPlaintiff moves to seal her brief."
            " Defendant has objected to the Motion on the ground that Plaintiff has not"
            " demonstrated good cause for sealing the brief.\n"
        )
        == []
    )
    assert (
        _rulings(
            "ORDER\n\nPlaintiffs object to the motion on the grounds that a protective order"
            " alone cannot justify sealing a deposition.\n"
        )
        == []
    )


# 5. The standard under a heading, and what the parties stipulate, set no act ----------------


def test_the_standard_after_a_heading_sets_no_act() -> None:
    # a heading line before a sentence that opens with a one-letter word ("A party ...")
    assert (
        _acts(
            "ORDER\n\nI. LEGAL STANDARD\nA party seeking to seal a document filed with the court"
            " must (1) comply with Civil Local Rule 79-5; and (2) file a declaration.\n"
        )
        == []
    )
    assert (
        _acts(
            "ORDER\n\nII. DISCUSSION\nA litigant who asks to seal a record must file a"
            " declaration that shows good cause.\n"
        )
        == []
    )


def test_what_the_parties_stipulate_a_party_may_do_is_no_act() -> None:
    assert (
        _acts(
            "ORDER\n\nThe parties stipulate that Defendant may file the exhibits under seal. The"
            " Court GRANTS the motion.\n"
        )
        == []
    )
    assert (
        _acts(
            "ORDER\n\nPlaintiff and Defendant have agreed that Plaintiff may file a redacted"
            " version of its brief.\n"
        )
        == []
    )


# 6. Exhibit letters in quotation marks ------------------------------------------------------


def test_exhibit_letters_in_quotation_marks_are_exhibits() -> None:
    assert _rulings(
        'ORDER\n\nPlaintiff moves to seal Exhibits "A," "B," and "C" to its motion. The motion'
        " is GRANTED.\n"
    ) == sorted(
        [
            ("seal", None, None, None, "granted"),
            ("seal", None, None, "A", "granted"),
            ("seal", None, None, "B", "granted"),
            ("seal", None, None, "C", "granted"),
        ],
        key=str,
    )
    assert [
        r.exhibit
        for r in read_order(
            "ORDER\n\nExhibit \u201c4\u201d and Exhibit \u201cD\u201d shall remain under seal.\n"
        ).rulings
    ] == ["4", "D"]


# 7. The kind of motion ruled: not one no vocabulary names, not one in the reason given ------


def test_a_passive_ruling_on_a_motion_of_another_kind_rules_on_nothing() -> None:
    assert (
        _rulings(
            "ORDER\n\nPending are the press's motion to unseal and Defendant's motion for"
            " sanctions. For the reasons below, Defendant's motion for sanctions is DENIED.\n"
        )
        == []
    )
    assert (
        _rulings(
            "ORDER\n\nPlaintiff's motion for summary judgment is denied. The motion to seal"
            " remains under submission.\n"
        )
        == []
    )


def test_kind_words_in_a_leading_reason_clause_do_not_name_the_motion() -> None:
    assert _rulings(
        "ORDER\n\nBefore the Court is the motion of a newspaper to unseal the record. Because"
        " Defendant has not shown a need to keep the record under seal, the newspaper's motion"
        " is GRANTED.\n"
    ) == [("unseal", None, None, None, "granted")]


# 8. A motion named by its number takes the kind its title gave it ---------------------------


def test_a_motion_named_by_number_takes_the_kind_the_order_gave_that_number() -> None:
    text = (
        "ORDER ON PLAINTIFF'S MOTION FOR PROTECTIVE ORDER (DOC. 40) AND DEFENDANT'S MOTION TO"
        " COMPEL (DOC. 45)\n\nThe Motion for Protective Order (Doc. 40) is granted. Given my"
        " ruling on the Motion for Protective Order (Doc. 40), Defendant's Motion to Compel"
        " (Doc. 45) is moot insofar as it seeks the same records. In all other respects,"
        " Defendant's Motion (Doc. 45) should be denied.\n"
    )
    assert {(m, d, o) for m, _, d, x, o in _rulings(text) if x is None} == {
        ("protective-order", "40", "granted"),
        ("compel", "45", "denied"),
    }
    assert not [
        r
        for r in read_order(text).rulings
        if r.motion == "protective-order" and r.outcome.value != "granted"
    ]


# 9. What the law says a court must do is no act of a party ----------------------------------


def test_a_duty_of_the_court_quoted_from_a_case_sets_no_act() -> None:
    # "see also" is a citation signal, not "also" by the same deadline
    assert _acts(
        "ORDER\n\nDefendants must file that supplement by September 6, 2019. Foltz, 331 F.3d at"
        " 1137; see also In re Roman Catholic Archbishop, 661 F.3d 417, 425 (9th Cir. 2011)"
        " (the district court must \u201ckeep in mind the possibility of redacting the sensitive"
        " material\u201d).\n"
    ) == [("defendant", None, "2019-09-06")]
    assert (
        _acts(
            "ORDER\n\nUnder Local Rule 5.2, the district court must file its ruling on a"
            " motion to seal within 30 days of the motion.\n"
        )
        == []
    )


# 10. Papers kept sealed "for the time being" while a supplement is awaited ------------------


def test_papers_kept_sealed_for_the_time_being_are_no_ruling() -> None:
    assert (
        _rulings(
            "ORDER\n\nPending before the Court is Plaintiff's motion to seal. The documents shall"
            " remain under seal for the time being. No later than May 1, 2020, Plaintiff shall"
            " file a supplement.\n"
        )
        == []
    )
    assert (
        _rulings(
            "ORDER\n\nThe Court defers ruling on Defendant's motion to seal. The exhibits will"
            " remain sealed in the meantime.\n"
        )
        == []
    )


# 11. Pleading-paper line numbers run into the text ------------------------------------------


def test_line_numbers_run_into_the_text_are_taken_out() -> None:
    # a PDF's text layer run together on a docket page: each line's number stands in the text
    text = (
        "1 2 3 4 UNITED STATES DISTRICT COURT 5 DISTRICT OF NEVADA 6 7 ACME CORP., 8"
        " Plaintiff(s), 9 vs. 10 ROE INC., 11 Defendant(s). 12 ORDER Pending before the Court"
        " is Plaintiff's motion to seal. The Court finds the papers insufficient. No later than"
        " 13 March 3, 2014, Plaintiff shall file a supplement 14 as the Court explains below."
        " Plaintiff shall serve it on Defendant within 14 days 15 of this order.\n"
    )
    assert [(a.party, a.days, str(a.on_or_before)) for a in read_order(text).acts] == [
        ("plaintiff", None, "2014-03-03"),
        ("plaintiff", 14, "None"),
    ]


def test_one_deadline_in_the_docket_text_and_the_order_is_one_act() -> None:
    text = (
        "ORDER that no later than 4/1/2015, Defendant shall file a supplemental declaration"
        " supporting 80 Motion to Seal. Signed by Magistrate Judge Roe on 3/18/2015.\n\nORDER\n\n"
        "The Court finds the papers insufficient. No later than April 1, 2015, Defendant shall"
        " file a supplement explaining why each exhibit should be sealed.\n"
    )
    assert [(a.party, str(a.on_or_before)) for a in read_order(text).acts] == [
        ("defendant", "2015-04-01")
    ]


def test_the_court_ruling_after_a_partys_report_in_the_same_sentence_rules() -> None:
    # a report reaches to the clause where the court speaks again, no further
    assert _rulings(
        "ORDER\n\nThe parties agree that the exhibits contain trade secrets, and the Court"
        " therefore GRANTS the motion to seal.\n"
    ) == [("seal", "joint", None, None, "granted")]
    assert _rulings(
        "ORDER\n\nDefendant objects on the ground that the exhibits are public, but the Court"
        " GRANTS the motion to seal.\n"
    ) == [("seal", "defendant", None, None, "granted")]


def test_a_lawyers_words_file_without_the_clause_lists_keeps_the_shipped_ones(
    tmp_path: Path,
) -> None:
    # the lists that tell what is no ruling live in order_reading_clauses.yaml since round 10
    main = Path(__file__).parents[2] / "src/clawback/data/order_reading.yaml"
    mine = tmp_path / "words.yaml"
    mine.write_text(main.read_text("utf-8"), "utf-8")
    text = "ORDER\n\nDefendants shall show cause why the motion to seal should not be denied.\n"
    assert read_order(text, words_from_file(mine)).rulings == ()
