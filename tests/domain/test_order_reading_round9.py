"""Shapes of order the reader learned in issue 19's ninth pass, from the eighth held-out set's
classes of misses (heldout8.md, then moved into development). Each test is one class of wording,
on the sentence the corpus showed it in and on a second member of the class worded otherwise,
and failed on the reader before the pass."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_reading import read_order
from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 2. Sealing words in a question, a standard or a condition are no grant ----------------------


def test_sealing_words_in_a_condition_do_not_replace_the_ruling() -> None:
    # securimetrics: a footnote run into the text, after the body's "will deny"
    assert _rulings(
        "OPINION\n\nPresently before the Court is Defendant's Motion to Seal (D.E. #164)"
        " Exhibits A and B attached to the Declaration of J. Angell. For the reasons set forth"
        " below, the Court will deny Defendant's motion.\n\nHowever, filed documents are not"
        " technically considered sealed until a party files a formal motion to seal and the"
        " Court issues an Order permitting the documents to be maintained under seal.\n"
    ) == [
        ("seal", "defendant", None, "A", "denied"),
        ("seal", "defendant", None, "B", "denied"),
        ("seal", "defendant", None, None, "denied"),
    ]


def test_sealing_words_in_a_question_are_no_grant() -> None:
    # voteamerica: the standard the court applies
    assert (
        _rulings(
            "MEMORANDUM AND ORDER\n\nIn determining whether documents should be sealed, the"
            " Court weighs the public interest against the interests advanced by the parties.\n"
        )
        == []
    )
    # another wording: the grounds a deficient motion failed to give
    assert (
        _rulings(
            "ORDER\n\nPlaintiff's earlier motion gave no grounds on which the exhibits should be"
            " held under seal.\n"
        )
        == []
    )


# 1. "Overrules" a motion, and "the three motions" --------------------------------------------


def test_a_motion_overruled_is_denied_and_the_three_motions_are_each_numbered_one() -> None:
    # voteamerica: three motions numbered "(Doc. #143)", then "overrules the three motions"
    assert _rulings(
        "MEMORANDUM AND ORDER\n\nThis matter is before the Court on Defendants' Unopposed Motion"
        " To File Under Seal (Doc. #143) filed October 14, 2022, Plaintiff's Unopposed Motion"
        " For Leave To File Under Seal (Doc. #146) filed October 15, 2022 and Plaintiff's Motion"
        " For Leave To File Under Seal (Doc. #147) filed October 15, 2022. For reasons stated"
        " below, the Court overrules the three motions to seal.\n"
    ) == [
        ("seal", None, "143", None, "denied"),
        ("seal", None, "146", None, "denied"),
        ("seal", None, "147", None, "denied"),
    ]
    # another wording: one motion, overruled in the decree
    assert _rulings(
        "MEMORANDUM AND ORDER\n\nIT IS THEREFORE ORDERED that Plaintiff's Motion For Leave To"
        " File Exhibit 3 Under Seal (Doc. #88) is OVERRULED.\n"
    ) == [("seal", "plaintiff", None, "3", "denied")]


# 3. An earlier ruling the order recites is not this order's ----------------------------------


def test_a_ruling_the_court_or_a_judge_gave_before_is_recited_not_ruled() -> None:
    # tera: the renewed motions granted, the earlier versions' denial recited
    assert _rulings(
        "ORDER\n\nThis matter is before the Court on Defendants' renewed motions to file"
        " documents under seal (Docs. 543, 544). Defendants previously filed versions of these"
        " motions, which the Court denied without prejudice. (See Doc. 541). For the following"
        " reasons, Defendants' Motions are GRANTED.\n"
    ) == [
        ("seal", "defendant", "543", None, "granted"),
        ("seal", "defendant", "544", None, "granted"),
    ]
    # another wording: a judge named, and nothing ruled yet
    assert (
        _rulings(
            "ORDER SETTING A HEARING\n\nAt the last hearing, Magistrate Judge Ana Ruiz denied the"
            " parties' first motion to seal, and the parties have since filed another.\n"
        )
        == []
    )


def test_a_motion_an_earlier_order_granted_gives_this_order_no_number() -> None:
    # hart: the docket text's number and the body's "the motion", one motion
    assert [
        (docket, outcome)
        for _, _, docket, _, outcome in _rulings(
            "ORDER denying 71 motion to seal document.\n\n"
            "ORDER DENYING LEAVE TO FILE UNDER SEAL\n\n"
            "On June 2, 2016, the Court granted the parties' cross-motions to compel arbitration"
            " (Doc. 63). Now before the Court is the parties' Joint Motion for Leave to File Under"
            " Seal (Doc. 71). For the reasons below, the motion is DENIED.\n"
        )
    ] == [("71", "denied")]


def test_an_earlier_ruling_told_by_a_participle_is_recited_not_ruled() -> None:
    # bagley: "In denying that motion, the Court did so 'without prejudice ...'"
    assert (
        _rulings(
            "ORDER\n\nThe Court therefore denied the motion. In denying that motion, the Court"
            ' did so "without prejudice to the filing of a proper motion to seal."\n'
        )
        == []
    )
    # another wording: a grant told so
    assert (
        _rulings(
            "ORDER\n\nIn granting Defendant's first motion to seal, the Court relied on the"
            " declaration of its general counsel.\n"
        )
        == []
    )


# 6. A caption's stamp or headnote is not the order's motion ----------------------------------


def test_the_motion_named_as_a_motion_sets_the_orders_kind_not_a_caption_stamp() -> None:
    # fairholme: "(Filed Under Seal: ...)" and a headnote "FRE 502(d); ... Clawback Order"
    assert _rulings(
        "In the United States Court of Federal Claims\nNo. 13-465C\n(Filed Under Seal: October"
        " 4, 2017)\n\nPlaintiffs, * FRE 502(d); Quick Peek Procedure;\n* Clawback Order; RCFC"
        " 26; Discovery\n\nOPINION AND ORDER\n\nBefore the court is plaintiffs' second motion to"
        " compel the production of approximately 1500 documents defendant is currently"
        " withholding. The court deems oral argument unnecessary and, for the reasons stated"
        " below, grants plaintiffs' motion.\n"
    ) == [("compel", "plaintiff", None, None, "granted")]
    # another wording: a sealed opinion on a motion for a protective order
    assert _rulings(
        "MEMORANDUM OPINION\nFILED UNDER SEAL\n\nPending is Defendant's Motion for a Protective"
        " Order limiting the deposition of its chief executive. For the reasons below, the"
        " Court grants Defendant's motion.\n"
    ) == [("protective-order", "defendant", None, None, "granted")]


# 4. Motions a docket text numbers in parentheses ---------------------------------------------


def test_a_docket_text_numbering_motions_in_parentheses_rules_each() -> None:
    # high-tech: clauses between semicolons, each "granting ... (N) ... Motion"
    assert [
        (motion, docket, outcome)
        for motion, _, docket, _, outcome in _rulings(
            "ORDER by Judge Lucy H. Koh granting in part and denying in part (186) Administrative"
            " Motion to File Under Seal Documents Related to Plaintiffs' Motion for Class"
            " Certification; granting in part and denying in part (211) Administrative Motion to"
            " File Under Seal Documents Related to Defendants' Opposition; granting (252)"
            " Administrative Motion to File Under Seal Portion of Glackin Letter (Filed on"
            " 1/15/2013)\n"
        )
    ] == [
        ("seal", "186", "granted_in_part"),
        ("seal", "211", "granted_in_part"),
        ("seal", "252", "granted"),
    ]
    # another wording: one motion, denied as moot, its number in parentheses
    assert [
        (motion, docket, outcome)
        for motion, _, docket, _, outcome in _rulings(
            "ORDER denying as moot (45) Joint Motion to Seal Exhibits. Signed by Judge A. Ruiz"
            " on 3/2/2021.\n"
        )
    ] == [("seal", "45", "moot")]


# 8. Deadlines by the hour ---------------------------------------------------------------------


def test_a_deadline_by_the_hour_keeps_its_sentence_and_its_date() -> None:
    # national-urban-league: "a.m."/"p.m." before a time zone ends no sentence; a date
    # without its year takes the year of the paragraph's last date
    assert _acts(
        "ORDER ON PROCEDURES\n\n1. By 11:00 p.m. Pacific time on September 19, 2020, plaintiffs"
        " must identify no more than 75 documents as highest priority. 2. By 11:00 a.m. Pacific"
        " time on September 20, 2020, defendants may identify no more than 75 documents as"
        " highest priority. The Court therefore orders the defendants to produce each of these"
        " documents by September 20 at 11:00 a.m. Pacific time.\n"
    ) == [
        ("plaintiff", None, "2020-09-19"),
        ("defendant", None, "2020-09-20"),
        ("defendant", None, "2020-09-20"),
    ]
    # another wording: Eastern time, and a date with no year in an order that gives its date
    assert _acts(
        "ORDER\n\nPlaintiff shall file its reply by 5:00 p.m. Eastern Time on March 4. Defendant"
        " shall file its sur-reply by noon on March 8.\n",
        date(2024, 2, 27),
    ) == [("plaintiff", None, "2024-03-04"), ("defendant", None, "2024-03-08")]


def test_by_the_same_deadline_takes_the_deadline_before() -> None:
    # mehta
    assert _acts(
        "ORDER\n\nIt is ORDERED that, by 5:00 PM on Friday, January 19, 2024, the parties must"
        " file on the docket a proposed protective order. By the same deadline, Defendant must"
        " send to Plaintiff a letter identifying the RFP numbers.\n",
        date(2024, 1, 19),
    ) == [("joint", None, "2024-01-19"), ("defendant", None, "2024-01-19")]
    # another wording: "on the same date"
    assert _acts(
        "ORDER\n\nDefendants shall file the redacted exhibits on or before June 3, 2022. On the"
        " same date, Plaintiff shall file its amended brief.\n",
        date(2022, 5, 20),
    ) == [("defendant", None, "2022-06-03"), ("plaintiff", None, "2022-06-03")]


# 7. Papers kept sealed on the court's own record ---------------------------------------------


def test_papers_that_will_remain_under_seal_are_ruled_sealed() -> None:
    # lohnn: after settlement, nothing pending; the docket text's "will remain under seal"
    # (the court as movant is not read from this: see the README's Round 9)
    draft = read_order(
        "Court Description: OPINION AND ORDER re: 25 MOTION to Dismiss . filed by International"
        " Business Machines Corp.., For these reasons, the declarations and exhibits at issue"
        " will remain under seal. The Clerk of Court is respectfully directed"
        " to lift the stay in this case. SO ORDERED.\n"
    )
    assert [(r.motion, r.outcome.value) for r in draft.rulings] == [("seal", "granted")]
    assert [(a.party, a.what) for a in draft.acts] == [("clerk", "lift the stay in this case")]
    # another wording: the court's own initiative said, and "will stay under seal"
    draft = read_order(
        "ORDER\n\nThe Court, on its own initiative, has reviewed the sealed transcript of the"
        " settlement conference, and the transcript will stay under seal.\n"
    )
    assert [(r.motion, r.movant, r.outcome.value) for r in draft.rulings] == [
        ("seal", "court", "granted")
    ]


# 5. A motion of another kind ruled in the same sentence --------------------------------------


def test_a_motion_of_a_kind_the_reader_does_not_rule_on_lends_no_outcome() -> None:
    # gtsi: "deny the motion to dismiss and grant the motions to seal"
    assert [
        (motion, outcome)
        for motion, _, _, _, outcome in _rulings(
            "MEMORANDUM OPINION\n\nThis matter comes before the Court on Defendant's motion to"
            " dismiss. Also before the Court is each party's motion to seal certain documents."
            " For the following reasons, the Court will deny the motion to dismiss and grant"
            " the motions to seal.\n"
        )
    ] == [("seal", "granted")]
    # another wording: the other kind first, in capitals
    assert [
        (motion, outcome)
        for motion, _, _, _, outcome in _rulings(
            "ORDER\n\nThe Court GRANTS the motion for summary judgment and DENIES the motion to"
            " seal.\n"
        )
    ] == [("seal", "denied")]


# 9. A finding of good cause to modify is the ruling -------------------------------------------


def test_good_cause_found_to_modify_a_protective_order_grants_it() -> None:
    # strauss (its sentence goes on "... documents to be sealed", so the kind it names is a
    # seal: only the outcome is read right there, see the README's Round 9)
    assert [
        outcome
        for _, _, _, _, outcome in _rulings(
            "Memorandum and Order\nregarding\nModification of\nProtective Order\n\nIn prior"
            " proceedings, the Court approved stipulated protective orders limiting the"
            ' disclosure of certain information, which shall be called the "Prior Orders."\n\n'
            "For the reasons discussed below, this Court finds good cause for modification of"
            " the Prior Orders in order to narrow the scope of information protected in future"
            " filings so as to minimize the volume of documents to be sealed and made"
            " inaccessible to the public.\n"
        )
    ] == ["granted"]
    # another wording
    assert [
        (motion, outcome)
        for motion, _, _, _, outcome in _rulings(
            "ORDER\n\nDefendant asks the Court to amend the Stipulated Protective Order. The Court"
            " finds good cause to modify the Stipulated Protective Order as set out below.\n"
        )
    ] == [("protective-order", "granted")]


def test_a_motion_numbered_before_cited_beside_its_paper_numbers_no_new_motion() -> None:
    # tera (class 3's order): "(Docs. 543, 537)" is the motion to seal and the paper it seals
    assert [
        (docket, outcome)
        for _, _, docket, _, outcome in _rulings(
            "ORDER\n\nThis matter is before the Court on Defendants' renewed motions to file"
            " documents under seal (Docs. 543, 544). Defendants now seek leave to file the"
            " following redacted documents: an employee severance agreement accompanying their"
            " Motion to Disqualify Counsel (Docs. 543, 537) and an expert report by Thomas"
            " Jordan accompanying their Motion to Strike (Docs. 544, 538). For the following"
            " reasons, Defendants' Motions are GRANTED.\n"
        )
    ] == [("543", "granted"), ("544", "granted")]
    # another wording: one motion, then its exhibit's entry beside it
    assert [
        (docket, outcome)
        for _, _, docket, _, outcome in _rulings(
            "ORDER\n\nBefore the Court is Plaintiff's motion to seal (ECF No. 88). Plaintiff asks"
            " to seal the deposition transcript filed with her motion for sanctions (ECF Nos."
            " 88, 61). Plaintiff's motions are DENIED.\n"
        )
    ] == [("88", "denied")]
