"""Shapes of order the reader learned in issue 19's eighth pass, from the seventh held-out set's
eleven classes of misses (heldout7.md, then moved into development). Each test is one class of
wording, written in words of our own beside the shape the corpus showed it in, and failed on the
reader before the pass."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_reading import read_order
from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 9. A party's argument is no ruling ----------------------------------------------------------


def test_what_a_party_explains_should_be_sealed_is_no_ruling() -> None:
    draft = read_order(
        "MEMORANDUM AND ORDER\n\nPending before the Court is Defendants' Motion to File Under"
        " Seal their Motion for Summary Judgment. (ECF No. 182.) Defendants explain that the"
        " Motion for Summary Judgment should be sealed in its entirety because it quotes"
        " confidential documents. The Motion to Seal will be denied without prejudice.\n"
    )
    assert [(r.document, r.outcome.value) for r in draft.rulings] == [
        (None, "denied_without_prejudice")
    ]
    draft = read_order(
        "ORDER\n\nThe plaintiff explains that Exhibit 4 to her motion should be sealed because"
        " it names a minor. The motion to seal is denied.\n"
    )
    assert [(r.exhibit, r.outcome.value) for r in draft.rulings] == [(None, "denied")]


# 8. Dates and duties that are not this order's ------------------------------------------------


def test_a_deadline_the_order_recites_from_an_earlier_one_is_no_act() -> None:
    assert (
        _acts(
            "ORDER\n\nPlaintiff G.C.'s petition for minor's compromise is currently due on or"
            " before October 6, 2023. (ECF No. 58.) On September 29, 2023, Plaintiffs filed a"
            " motion to seal the petition. The motion to seal is granted.\n",
            date(2023, 10, 2),
        )
        == []
    )
    assert (
        _acts(
            "ORDER\n\nThe joint status report remains due by March 3, 2025, as previously set."
            " (Dkt. 40.) The motion to seal is denied.\n",
            date(2025, 2, 3),
        )
        == []
    )


def test_a_direction_a_party_or_a_paper_is_said_to_give_is_no_act() -> None:
    assert (
        _acts(
            "ORDER\n\nDefendants further explain that Paragraph 15 of the Stipulated Protective"
            " Order requires that any filing containing Designated Material be filed under seal."
            " The Motion to Seal will be denied without prejudice.\n"
        )
        == []
    )
    assert (
        _acts(
            "ORDER\n\nParagraph 15 of the Protective Order does not, as Defendants contend, state"
            " that any filing containing designated material must be filed under seal.\n"
        )
        == []
    )


def test_the_date_a_paper_was_entered_is_no_deadline() -> None:
    assert _acts(
        "ORDER\n\nUnder the Stipulated Protective Order entered by the Court on September 27,"
        " 2022, the parties shall meet and confer about the designations.\n",
        date(2022, 10, 3),
    ) == [("joint", None, None)]
    assert _acts(
        "ORDER\n\nAs the scheduling order filed on March 2, 2023 provides, Defendant shall serve"
        " its privilege log.\n",
        date(2023, 4, 3),
    ) == [("defendant", None, None)]


def test_a_term_set_on_or_before_a_date_stays_a_term_after_filed() -> None:
    assert _acts(
        "ORDER\n\nThe redacted brief shall be filed on or before May 2, 2023.\n", date(2023, 4, 3)
    ) == [(None, None, "2023-05-02")]
    assert _acts(
        "ORDER\n\nThe memorandum shall remain sealed until the Report is publicly filed on"
        " March 15, 2012.\n",
        date(2012, 2, 27),
    ) == [(None, None, "2012-03-15")]


# 10. Permissions --------------------------------------------------------------------------------


def test_a_permission_whose_period_is_set_off_by_commas_is_an_act() -> None:
    assert _acts(
        "ORDER\n\nFor these reasons, the motion for leave to file under seal (Doc. 270) is"
        " denied. Any party may, within fourteen days after this Order is filed, file and serve"
        " on the opposing party a motion for reconsideration by a District Judge.\n",
        date(2016, 10, 26),
    ) == [("joint", 14, "2016-11-09")]
    assert _acts(
        "ORDER\n\nThe motion to seal is denied. Either party may, no later than March 1, 2024,"
        " file objections to this order.\n",
        date(2024, 2, 1),
    ) == [("joint", None, "2024-03-01")]


def test_a_may_before_a_comma_without_a_term_sets_no_act() -> None:
    assert (
        _acts(
            "ORDER\n\nIf Plaintiff does not respond, the Court may, in its discretion, seal the"
            " exhibits.\n"
        )
        == []
    )


def test_a_permission_to_a_party_named_by_its_name_in_the_caption_is_that_sides_act() -> None:
    assert _acts(
        "DAIRY, LLC, a Delaware Limited Liability Company, Plaintiff, v. MILK MOOVEMENT, INC.,"
        " a foreign Corporation, Defendants.\nORDER RE: REQUEST TO SEAL\nThe court rejects Milk"
        " Moovement's request. If any of the identified portions would make the requisite"
        " showing, Milk Moovement may bring a renewed request to seal.\n"
    ) == [("defendant", None, None)]
    assert _acts(
        "ACME ROCKETS CORP., Plaintiff, v. ROADRUNNER LLC, Defendant.\nORDER\nThe motion to"
        " seal is denied without prejudice. Acme Rockets may renew its motion with a narrower"
        " proposal.\n"
    ) == [("plaintiff", None, None)]


# 11. One direction said twice -------------------------------------------------------------------


def test_a_direction_said_in_the_body_and_again_in_the_decree_is_one_act() -> None:
    assert _acts(
        "ORDER\n\nThis matter came before the Court on non-party JPMorgan Chase Bank's Sealed"
        " Letter [40]. Accordingly, the Court directs the parties to provide briefing concerning"
        " whether the Sealed Letter (#40) should remain sealed.\nIT IS HEREBY ORDERED that the"
        " parties file briefs discussing whether the Sealed Letter (#40) should remain sealed by"
        " April 4, 2013.\n",
        date(2013, 3, 21),
    ) == [("joint", None, "2013-04-04")]
    assert _acts(
        "ORDER\n\nThe transcript (ECF No. 55) names the minor plaintiff, so Defendant must file"
        " a redacted copy of it.\nIT IS ORDERED that Defendant shall file a redacted copy of ECF"
        " No. 55 within 7 days of this order.\n",
        date(2024, 1, 10),
    ) == [("defendant", 7, "2024-01-17")]


# 7. A due date only in the clerk's docket text ----------------------------------------------------


def test_a_due_date_in_the_docket_text_dates_the_act_the_body_sets() -> None:
    assert _acts(
        "ORDER TO DEFENDANTS TO SHOW CAUSE WHY MOTION TO SEAL SHOULD NOT BE DENIED. Signed by"
        " Judge Jeffrey S. White on 8/29/2024. Show Cause Response due by 9/4/2024. (kkp, COURT"
        " STAFF) (Filed on 8/29/2024)\nORDER TO SHOW CAUSE\nAccordingly, the Court ORDERS"
        " Defendants to show cause why Plaintiff's motion to seal should not be denied.\n"
    ) == [("defendant", None, "2024-09-04")]
    assert _acts(
        "ORDER granting 12 Motion to Seal. Joint Status Report due by 3/15/2024. Signed by Judge"
        " Ann Roe on 3/1/2024. (abc)\nORDER\nThe motion to seal is granted. The parties shall"
        " file a joint status report on the redactions.\n"
    ) == [("joint", None, "2024-03-15")]


# 5. A claw-back under another name ------------------------------------------------------------


def _kinds(text: str) -> list[tuple[str, str]]:
    return sorted((r.motion, r.outcome.value) for r in read_order(text).rulings)


def test_a_motion_for_a_protective_order_asking_the_return_of_documents_is_a_clawback() -> None:
    assert _kinds(
        "MEMORANDUM AND ORDER\n\nThis case is before the court on plaintiff's Motion for a"
        " Protective Order (Doc. 93). The motion concerns eight pages of documents which"
        " plaintiff states were inadvertently produced to the defendant. Plaintiff seeks an order"
        " requiring the defendant to return the documents to it. The motion for protective order"
        " will be granted.\n"
    ) == [("clawback", "granted")]
    assert _kinds(
        "OPINION AND ORDER\n\nAt issue is the Stipulated Protective Order of May 4, 2021 and"
        " its clawback agreement."
        " Defendant asks the Court to strike two e-mails it clawed back from the exhibits to"
        " Plaintiff's brief. (Doc. 40.) For the following reasons, Defendant's request is"
        " DENIED.\n"
    ) == [("clawback", "denied")]


# 4. Privilege ruled document by document on a motion to compel ---------------------------------


def _documents(text: str) -> list[tuple[str | None, str]]:
    return [(r.document, r.outcome.value) for r in read_order(text).rulings]


def test_documents_held_privileged_and_not_to_be_produced_are_each_denied() -> None:
    assert _documents(
        "DECISION and ORDER\n\nThe court will first consider the plaintiff's motion which seeks"
        " an order requiring the production of three separate documents. One of these documents"
        " is a letter dated March 2, 1967 from an attorney named Walter Lewis. A second letter is"
        " dated July 21, 1965 and is signed by Mr. Bate. Although Mr. Lewis is an attorney with"
        " the Sunbeam Corporation, it is my opinion that these two letters qualify as privileged"
        " and need not be produced by the defendant.\n"
    ) == [
        ("a letter dated March 2, 1967 from an attorney named Walter Lewis", "denied"),
        ("A second letter is dated July 21, 1965 and is signed by Mr. Bate", "denied"),
    ]
    assert [
        outcome
        for _, outcome in _documents(
            "ORDER\n\nThe Court has reviewed in camera the three e-mails the motion to compel"
            " seeks. These three e-mails are protected by the attorney-client privilege and need"
            " not be produced.\n"
        )
    ] == ["denied", "denied", "denied"]


# 1-3. Two or more motions ruled in one sentence, each in a clause of its own ------------------


def _motions(text: str) -> list[tuple[str, str | None, str]]:
    return sorted(
        (r.motion, r.docket, r.outcome.value)
        for r in read_order(text).rulings
        if r.exhibit is None and r.document is None
    )


def test_a_title_that_rules_two_motions_joined_by_order_rules_each() -> None:
    assert _motions(
        "ORDER DENYING PLAINTIFF'S MOTION TO COMPEL PRODUCTION OF DOCUMENTS FROM DEFENDANTS;"
        " ORDER GRANTING IN PART AND DENYING IN PART DEFENDANTS' COUNTER-MOTION FOR A PROTECTIVE"
        " ORDER\n*1 Before the Court is Plaintiff's Motion to Compel Production of Documents,"
        " filed March 19, 2010.\n"
    ) == [("compel", None, "denied"), ("protective-order", None, "granted_in_part")]
    assert _motions(
        "ORDER GRANTING DEFENDANT'S MOTION TO SEAL; ORDER DENYING PLAINTIFF'S MOTION TO"
        " UNSEAL\n*1 The parties dispute whether the exhibits should stay sealed.\n"
    ) == [("seal", None, "granted"), ("unseal", None, "denied")]


def test_the_second_motion_of_a_compound_ruling_sentence_is_ruled() -> None:
    assert _motions(
        "OPINION AND ORDER\n\nFor the reasons stated herein, defendants' motion to seal is"
        " GRANTED in part and DENIED in part, and plaintiffs' cross-motion to unseal is GRANTED"
        " in part and DENIED in part.\n"
    ) == [("seal", None, "granted_in_part"), ("unseal", None, "granted_in_part")]
    assert _motions(
        "ORDER\n\nDefendant's motion to compel is denied, and Plaintiff's motion for a"
        " protective order is granted.\n"
    ) == [("compel", None, "denied"), ("protective-order", None, "granted")]


def test_two_motions_of_one_kind_in_one_sentence_take_the_numbers_given_their_movants() -> None:
    assert _rulings(
        "DECISION AND ORDER\n\nPlaintiff has moved for an order compelling defendants to produce"
        " discovery withheld as privileged. See generally Dkt. No. 139. By cross motion,"
        " defendants have moved for an order compelling plaintiff to respond to document"
        " requests. See generally Dkt. No. 145. For the reasons that follow, I conclude that"
        " plaintiff's motion should be granted in part, and defendants' motion should also be"
        " granted.\n"
    ) == [
        ("compel", "defendant", "145", None, "granted"),
        ("compel", "plaintiff", "139", None, "granted_in_part"),
    ]


def test_rulings_in_a_series_of_will_be_clauses_each_on_its_own_motion() -> None:
    draft = read_order(
        "MEMORANDUM ORDER\n\nFor the reasons that follow, Plaintiff's Motion (see Doc. 50) to"
        " prohibit Defendants' use of the anonymous source documents will be granted,"
        " Plaintiff's Motion (see id.) to disqualify Defense counsel will be denied, and"
        " Defendants' Motion to Compel (Doc. 62) will be denied.\n"
    )
    assert {(r.motion, r.docket, r.document, r.outcome.value) for r in draft.rulings} == {
        ("compel", "62", None, "denied"),
        ("protective-order", "50", None, "granted_in_part"),
        ("protective-order", "50", "to disqualify Defense counsel", "denied"),
        (
            "protective-order",
            "50",
            "to prohibit Defendants' use of the anonymous source documents",
            "granted",
        ),
    }
    assert _motions(
        "ORDER\n\nDefendant's Motion (see ECF No. 31) to preclude the use of the recordings will"
        " be denied, and Plaintiff's Motion to Compel (ECF No. 35) will be granted.\n"
    ) == [("compel", "35", "granted"), ("protective-order", "31", "denied")]


# 6. A show-cause order is no ruling on what it threatens --------------------------------------


def test_what_a_party_must_show_cause_why_the_court_should_not_do_is_no_ruling() -> None:
    draft = read_order(
        "ORDER TO DEFENDANTS TO SHOW CAUSE WHY MOTION TO SEAL SHOULD NOT BE DENIED\nRe: Dkt. No."
        " 170\nPlaintiff filed an administrative motion to seal documents that Defendants"
        " designated as confidential. (Dkt. No. 168, Chen Decl., Exs. D-G.) Accordingly, the"
        " Court ORDERS Defendants to show cause why Plaintiff's motion to seal should not be"
        " denied and why the Court should not direct Defendants to file unredacted versions of"
        " Exhibits A-D of the Trenbeth Declaration.\n"
    )
    assert draft.rulings == ()
    assert [a.party for a in draft.acts] == ["defendant"]
    draft = read_order(
        "ORDER\n\nThe exhibits to the complaint were filed under seal without leave. Plaintiff"
        " is ORDERED TO SHOW CAUSE in writing why Exhibits 3 and 4 (ECF No. 40) should not be"
        " unsealed and the motion to seal denied.\n"
    )
    assert draft.rulings == ()


def test_a_showing_the_court_finds_missing_is_no_ruling_by_itself() -> None:
    assert (
        read_order(
            "ORDER\n\nDefendants attached redacted copies (Trenbeth Decl., Exs. A-D). The Court"
            " concludes that the Trenbeth Declaration is not sufficient to establish that the"
            " materials should be sealed.\n"
        ).rulings
        == ()
    )
    assert (
        read_order(
            "ORDER\n\nThe Court finds that the designating party has not demonstrated that"
            " Exhibits 2 and 3 should be sealed. Further briefing is ordered below.\n"
        ).rulings
        == ()
    )
