"""Shapes of order the reader learned in issue 19's thirteenth pass, from the eleventh held-out
set's classes of misses (tests/orders/heldout11-misses.md, then moved into development). Each
test is one class of wording, on a short sentence written for the test in the way courts commonly
put it (not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from datetime import date

from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 1. Two motions ruled in one sentence, the second joined by "and" ------------------------------


def test_two_motions_of_two_kinds_joined_by_and_are_ruled_apart() -> None:
    assert _rulings(
        "ORDER\n\nFor these reasons, the Motion for Protective Order is DENIED, and the Motion"
        " to Compel is GRANTED.\n"
    ) == [("compel", None, None, None, "granted"), ("protective-order", None, None, None, "denied")]
    assert _rulings(
        "ORDER\n\nFor the reasons below, Acme's Motion to Seal the Status Report will be GRANTED"
        " and Acme's Motion for Protective Order will be DENIED.\n"
    ) == [
        ("protective-order", None, None, None, "denied"),
        ("seal", None, None, None, "granted"),
    ]


def test_one_motion_ruled_and_then_otherwise_is_one_ruling() -> None:
    assert _rulings(
        "ORDER\n\nThe motion to seal is GRANTED as to Exhibit 3 and the motion is otherwise"
        " DENIED.\n"
    ) == _rulings(
        "ORDER\n\nThe motion to seal is GRANTED as to Exhibit 3, and the motion is otherwise"
        " DENIED.\n"
    )


def test_a_paper_named_twice_in_a_compound_ruling_is_one_ruling() -> None:
    from clawback.domain.order_reading import read_order

    draft = read_order(
        "ORDER\n\nBefore the Court is Acme's Motion to Seal the parties' Joint Status Report"
        " (ECF No. 81). For the reasons below, Acme's Motion to Seal the Joint Status Report is"
        " GRANTED and Acme's Motion for Protective Order is DENIED.\n"
    )
    assert {(r.motion, r.document, r.outcome.value) for r in draft.rulings} == {
        ("protective-order", None, "denied"),
        ("seal", None, "granted"),
        ("seal", "the Joint Status Report", "granted"),
    }
    assert len(draft.rulings) == 3


# 2. Sealing ruled by directing a redacted version filed, or the seal removed ------------------


def test_exhibits_a_party_must_file_redacted_versions_of_are_sealed_in_part() -> None:
    assert _rulings(
        "ORDER\n\nThis matter comes before the court on plaintiffs' motion to seal exhibits. The"
        " motion is GRANTED IN PART. Defendants are directed to file redacted versions of"
        " Exhibits 4, 7 and 12 on the public docket on or before May 1, 2019.\n"
    ) == [
        ("seal", None, None, "12", "granted_in_part"),
        ("seal", None, None, "4", "granted_in_part"),
        ("seal", None, None, "7", "granted_in_part"),
        ("seal", None, None, None, "granted_in_part"),
    ]
    assert ("seal", None, None, "C", "granted_in_part") in _rulings(
        "ORDER\n\nThe motion to seal is GRANTED in part. The Court further ORDERS Defendant to"
        " redact Exhibit C to the Declaration of Ann Lee in accordance with this order and refile"
        " it within seven days.\n"
    )


def test_papers_a_party_must_redact_are_sealed_in_part() -> None:
    from clawback.domain.order_reading import read_order

    draft = read_order(
        "ORDER\n\nThe motion to seal is GRANTED in part. The Court ORDERS Plaintiff to redact its"
        " motion for summary judgment (Dkt. # 61) and reply brief (Dkt. # 75) in accordance with"
        " this order and refile them within seven days.\n"
    )
    assert sorted(
        (r.document, r.outcome.value) for r in draft.rulings if r.document is not None
    ) == [("Doc. 61", "granted_in_part"), ("Doc. 75", "granted_in_part")]


def test_an_exhibit_filed_unredacted_or_redacted_by_a_party_unasked_is_no_ruling() -> None:
    assert _rulings(
        "ORDER\n\nThe motion to seal is DENIED. Plaintiff shall file unredacted versions of"
        " Exhibits 4 and 5 within seven days.\n"
    ) == [("seal", None, None, None, "denied")]


def test_exhibits_whose_seal_the_clerk_must_remove_are_unsealed() -> None:
    assert _rulings(
        "ORDER\n\nThe motion to seal is GRANTED in part. The court DIRECTS the Clerk to remove the"
        " seal on Exhibits 1, 2 and 10 to the declaration of Jane Roe (Dkt. # 110).\n"
    ) == [
        ("seal", None, None, "1", "denied"),
        ("seal", None, None, "10", "denied"),
        ("seal", None, None, "2", "denied"),
        ("seal", None, None, None, "granted_in_part"),
    ]


# 3. A docket text's ruling split by a name's initials; the motion a paper supports ------------


def test_a_name_with_run_together_initials_ends_no_sentence() -> None:
    from clawback.domain.sentences import sentences

    assert sentences(
        "Exhibit 4 to the Declaration of Scott C.G. Blankenship shall remain under seal. The"
        " motion is GRANTED."
    ) == [
        "Exhibit 4 to the Declaration of Scott C.G. Blankenship shall remain under seal.",
        "The motion is GRANTED.",
    ]


def test_the_motion_a_paper_supports_is_not_the_motion_ruled() -> None:
    ruled = _rulings(
        "ORDER GRANTING MOTION TO SEAL\n\nExhibits 4 and 5 to the Declaration of Ann Lee in"
        " Support of Plaintiff's Motion to Compel shall remain under seal.\n"
    )
    assert {(motion, exhibit, outcome) for motion, _, _, exhibit, outcome in ruled} == {
        ("seal", None, "granted"),
        ("seal", "4", "granted"),
        ("seal", "5", "granted"),
    }
    assert _rulings(  # the motion ruled named before the paper's: the motion ruled
        "ORDER\n\nDefendant's motion to seal Exhibit 2 to its Opposition to Plaintiff's Motion"
        " to Compel is GRANTED.\n"
    ) == [("seal", "defendant", None, "2", "granted")]


# 4. Who must act: non-parties -----------------------------------------------------------------


def test_non_parties_are_no_party_to_the_case() -> None:
    assert _acts(
        "ORDER\n\nNon-parties shall file any objection within 14 days of this Order.\n",
        date(2008, 3, 3),
    ) == [("nonparty", 14, "2008-03-17")]


# 5. What a motion asks for, told where the order says what is before it ----------------------


def test_exhibits_of_the_motion_the_matter_comes_before_the_court_on_take_its_outcome() -> None:
    assert _rulings(
        "MEMORANDUM OPINION AND ORDER\n\nThis matter comes before the Court on a Motion by"
        " Defendants to seal certain materials [dkt. no. 40]; specifically, Exhibits C and D to"
        " Plaintiff's Certification. For the reasons below, Defendants' Motion to Seal is"
        " DENIED.\n"
    ) == [
        ("seal", "defendant", None, "C", "denied"),
        ("seal", "defendant", None, "D", "denied"),
        ("seal", "defendant", None, None, "denied"),
    ]


def test_a_titled_paper_with_its_docket_number_after_a_name_is_a_paper_asked_for() -> None:
    from clawback.domain.order_reading import read_order

    draft = read_order(
        "MEMORANDUM AND ORDER\n\nThis matter is before the Court on Defendant's Motion To Seal"
        " (Doc. #50). For reasons stated below, the Court overrules defendant's motion.\n\n"
        "Defendant seeks leave to file under seal its Statement Of Facts In Support Of Motion For"
        " Summary Judgment (Doc. #46) and the Declaration Of Jane Roe (Doc. #47) and exhibits.\n"
    )
    assert sorted(r.document for r in draft.rulings if r.document is not None) == [
        "Statement Of Facts In Support Of Motion For Summary Judgment (Doc. #46)",
        "the Declaration Of Jane Roe (Doc. #47)",
    ]


# 6. Words: a judge's "sustains", a redaction asked for, objections to unsealing, a standard ---


def test_sustaining_a_motion_grants_it() -> None:
    assert _rulings(
        "MEMORANDUM AND ORDER\n\nThis matter comes before the Court on Plaintiff's Motion For"
        " Leave To File Certain Attachments Under Seal (Doc. #21). For reasons stated below, the"
        " Court sustains the motion in part.\n"
    ) == [("seal", None, "21", None, "granted_in_part")]


def test_a_motion_for_a_redaction_is_one_to_seal() -> None:
    assert _rulings(
        "ORDER DENYING MOTION FOR TRANSCRIPT REDACTION (ECF NO. 40)\n\nDefendant moved for an"
        " order approving a redaction to the hearing transcript.\n"
    ) == [("seal", None, "40", None, "denied")]


def test_overruling_objections_to_unsealing_denies_the_sealing() -> None:
    assert _rulings(
        "OPINION & ORDER OVERRULING DEFENDANT'S OBJECTIONS TO UNSEALING DOCUMENTS (Dkt. 70)\n\n"
        "The Court gave notice that it would unseal the summary-judgment papers.\n"
    ) == [("seal", None, "70", None, "denied")]


def test_what_papers_should_be_sealed_only_on_is_a_standard() -> None:
    assert _rulings(
        "ORDER\n\nFor the reasons below, the Court will grant in part and deny in part the"
        ' motion to seal. "Documents should be sealed only on the basis of articulable facts'
        ' known to the court."\n'
    ) == [("seal", None, None, None, "granted_in_part")]


# 7. The showing a party must make ------------------------------------------------------------


def test_the_showing_a_party_must_make_is_no_act() -> None:
    assert (
        _acts(
            "ORDER\n\nDefendant requests leave to file six exhibits under seal. Thus, Defendant"
            " must show a compelling reason to seal the exhibits.\n"
        )
        == []
    )


# 8. Pleading-paper line numbers the text layer put out of order -------------------------------


def test_line_numbers_out_of_order_are_still_taken_out() -> None:
    from clawback.domain.order_text import clean

    text, _ = clean(
        "1 2 3 4 UNITED STATES DISTRICT COURT 5 6 ORDER 8 9 7 This matter comes before the"
        " court on plaintiffs' motion to seal exhibits within 14 days of filing. Dkt. # 47. The 10"
        " motion is GRANTED IN 11 PART.\n"
    )
    assert "The motion is GRANTED IN PART." in " ".join(text.split())
    assert "within 14 days" in text


def test_a_line_number_before_a_minute_order_counts_no_minutes() -> None:
    from clawback.domain.order_text import clean

    text, _ = clean(
        "1 2 3 4 UNITED STATES DISTRICT COURT 5 6 MINUTE ORDER 7 The motion is DENIED.\n"
    )
    assert (
        " ".join(text.split()) == "UNITED STATES DISTRICT COURT MINUTE ORDER The motion is DENIED."
    )


# 9. An exhibit after the second of two outcomes of one way --------------------------------------


def test_an_exhibit_takes_the_outcome_said_just_before_it() -> None:
    assert _rulings(
        "MEMORANDUM\n\nFor the reasons that follow, the Court will grant the motion to seal"
        " insofar as the Court will temporarily retain under seal Exhibit E while permitting"
        " Plaintiff to file a redacted version of that exhibit.\n"
    ) == [("seal", None, None, "E", "conditionally_granted")]


def test_a_short_name_defined_with_its_article_inside_the_quotes_names_its_side() -> None:
    assert _acts(
        "ORDER\n\nBefore the court is Defendant Harbor News Company\u2019s (\u201cthe News\u201d)"
        " motion to seal. The court ORDERS the News to redact its reply brief and refile it within"
        " seven days of this order.\n",
        date(2020, 5, 28),
    ) == [("defendant", 7, "2020-06-04")]


def test_a_short_name_is_read_past_the_pleading_papers_line_numbers() -> None:
    assert _acts(
        "1 2 3 4 UNITED STATES DISTRICT COURT 5 6 ORDER 7 Before the court is Defendant Harbor News"
        " 8 Company\u2019s (\u201cthe News\u201d) motion to seal. 9 The court ORDERS the News to"
        " redact its reply brief and 10 refile it within seven days of this order.\n",
        date(2020, 5, 28),
    ) == [("defendant", 7, "2020-06-04")]


def test_parties_or_counsel_alone_as_the_subject_are_both_sides() -> None:
    assert _acts(
        "ORDER\n\nRuling on the motion is deferred. Parties are directed to re-submit within 14"
        " days an amended proposed protective order.\n",
        date(2008, 3, 3),
    ) == [("joint", 14, "2008-03-17")]
    assert _acts("ORDER\n\nCounsel shall meet and confer within 7 days.\n", date(2008, 3, 3)) == [
        ("joint", 7, "2008-03-10")
    ]


def test_parties_in_a_recital_set_no_act() -> None:
    assert (
        _acts(
            "ORDER\n\nGoing forward, all parties should take special care to comply with Rule"
            " 5.2.\n"
        )
        == []
    )
