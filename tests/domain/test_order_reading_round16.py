"""Shapes of order the reader learned in issue 19's sixteenth pass, from the fourteenth held-out
set's classes of misses (tests/orders/heldout14-misses.md, then moved into development). Each
test is one class of wording, on a short sentence written for the test in the way courts commonly
put it (not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_exhibits import find_exhibits
from clawback.domain.order_reading import read_order
from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 1. Exhibit labels as written: a word in capitals is no label, a dotted label is whole ----------


def test_a_word_in_capitals_after_exhibits_is_no_label() -> None:
    assert find_exhibits("ORDER DENYING MOTION TO SEAL EXHIBITS TO DECLARATION OF JANE ROE") == []
    assert find_exhibits("MOTION FOR LEAVE TO FILE EXHIBITS FOR IN CAMERA REVIEW") == []
    assert [label for label, _ in find_exhibits("EXHIBITS A AND B ARE SEALED")] == ["A", "B"]
    assert [label for label, _ in find_exhibits("Exhibits QQ and VV are sealed")] == ["QQ", "VV"]


def test_a_dotted_label_is_one_label() -> None:
    assert [label for label, _ in find_exhibits("Exhibit C.2 and Exhibit C.17 stay sealed")] == [
        "C.2",
        "C.17",
    ]
    assert [label for label, _ in find_exhibits("Exhibits 4.1 and 4.3 are sealed.")] == [
        "4.1",
        "4.3",
    ]
    assert _rulings("ORDER\n\nThe motion to seal Exhibit B.4 is DENIED.\n") == [
        ("seal", None, None, "B.4", "denied")
    ]


# 2. A title that rules several motions, each "DENYING ..." or "GRANTING ..." after a ";" -------


def test_a_title_ruling_motions_one_by_one_after_semicolons_rules_each() -> None:
    assert _rulings(
        "ORDER DENYING WITHOUT PREJUDICE DEFENDANT'S MOTION TO RESTRICT (DKT. NO. 12);"
        " DENYING PLAINTIFF'S MOTION TO SEAL (DKT. NO. 15); AND GRANTING DEFENDANT'S MOTION"
        " TO SEAL (DKT. NO. 20)\n\nThe defendant asked to restrict its exhibits. Dkt. No. 12."
        " The plaintiff asked to seal its brief. Dkt. No. 15. The defendant asked to seal a"
        " deposition. Dkt. No. 20.\n"
    ) == [
        ("seal", "defendant", "12", None, "denied_without_prejudice"),
        ("seal", "defendant", "20", None, "granted"),
        ("seal", "plaintiff", "15", None, "denied"),
    ]


# 3. Motions ruled by number take the kind their own title gave them; a title of no kind rules
#    on nothing here --------------------------------------------------------------------------


def _kinds(text: str) -> list[tuple[str, str | None, str]]:
    """(motion, docket, outcome) of each ruling on no named document (movants aside)."""
    return [(motion, docket, outcome) for motion, _, docket, _, outcome in _rulings(text)]


def test_motions_listed_by_title_and_ruled_by_number_take_their_own_kinds() -> None:
    assert _kinds(
        "ORDER\n\nBefore the Court are the following motions: Plaintiff's Motion to Strike"
        " (Doc. No. 30); Defendant's Motion for Protective Order (Doc. No. 31); Plaintiff's"
        " Motion to Compel Discovery (Doc. No. 35); and Defendant's Motion to Seal (Doc. No."
        " 40). For the reasons below, the Motion to Seal (Doc. No. 40) is GRANTED and the"
        " remaining motions (Docs. No. 30, 31 and 35) are DENIED.\n"
    ) == [
        ("compel", "35", "denied"),
        ("protective-order", "31", "denied"),
        ("seal", "40", "granted"),
    ]


def test_a_supplement_to_a_motion_is_no_kind_of_the_motion_listed() -> None:
    assert _kinds(
        "ORDER\n\nPending are Defendant's Motion to Strike Affidavits and Supplement to Motion"
        " for Protective Order (Doc. 12); and Plaintiff's Motion to Seal (Doc. 14). The"
        " motions (Docs. 12 and 14) are DENIED.\n"
    ) == [("seal", "14", "denied")]


def test_a_docket_texts_motion_for_leave_to_file_other_papers_is_no_seal() -> None:
    assert _kinds(
        "ORDER granting 20 Motion to Seal; granting 22 Motion for Leave to File Supplemental"
        " Affidavits; granting 25 Motion to Seal. Signed by Judge A. Roe.\n\nORDER\n\nThe"
        " Court rules on the motions at Docket 20, 22 and 25.\n"
    ) == [
        ("seal", "20", "granted"),
        ("seal", "25", "granted"),
    ]


def test_a_bracketed_list_of_numbers_with_a_comma_before_its_last_and_numbers_each() -> None:
    assert _kinds(
        "ORDER\n\nPending are Defendant's Motion to Seal (Doc. No. 30); Plaintiff's Motion to"
        " Compel (Doc. No. 31); and Plaintiff's Motion for Protective Order (Doc. No. 35). The"
        " motions (Docs. No. 30, 31, and 35) are DENIED.\n"
    ) == [
        ("compel", "31", "denied"),
        ("protective-order", "35", "denied"),
        ("seal", "30", "denied"),
    ]


# 4. Docket numbers in a bare bracket after a motion's title, or bracketed after "Doc." --------


def test_a_bare_bracketed_number_after_a_motions_title_numbers_it() -> None:
    assert _kinds(
        "ORDER\n\nThree motions to seal are before the Court. Defendant's Motion to Seal"
        " Exhibits [41] is DENIED without prejudice. Plaintiff's Motion to File Records Under"
        " Seal [52] and Defendant's Motion to File Its Reply Under Seal [58] are GRANTED.\n"
    ) == [
        ("seal", "41", "denied_without_prejudice"),
        ("seal", "52", "granted"),
        ("seal", "58", "granted"),
    ]


def test_a_number_bracketed_after_doc_numbers_the_motion() -> None:
    assert _kinds(
        "ORDER\n\nBefore the Court is Plaintiff's Motion to Continue Sealing, Doc. [57]. The"
        " Court has considered Plaintiff's Motion to Continue Sealing, and it is DENIED.\n"
    ) == [("seal", "57", "denied")]


def test_motions_listed_with_bare_brackets_take_their_own_kinds() -> None:
    assert _kinds(
        "ORDER\n\nThis case is before the Court on defendant's Motion to File its Statement"
        " Under Seal [30], plaintiff's Motion for Summary Judgment [31], and plaintiff's"
        " Motion to File Documents Under Seal [34]. The Court concludes that the Motions to"
        " Seal [30] and [34] should be GRANTED and plaintiff's Motion for Summary Judgment"
        " [31] should be DENIED.\n"
    ) == [("seal", "30", "granted"), ("seal", "34", "granted")]


# 5. What is no ruling or act of this order: an earlier ruling in the perfect, an earlier
#    order's terms, a standard's "why", a request to have the court order something ----------


def test_an_earlier_ruling_told_in_the_perfect_is_no_ruling() -> None:
    assert (
        _rulings(
            "ORDER\n\nPlaintiffs moved to file two affidavits. The court has since denied"
            " Defendants' motion to compel. The Court had previously granted a stay.\n"
        )
        == []
    )


def test_an_earlier_orders_terms_are_no_ruling_and_no_act() -> None:
    text = (
        "ORDER\n\nOn March 3, 2020, the Court entered the parties' stipulated protective order,"
        " which provides that any document designated confidential shall be filed under seal."
        " Defendant's motion to seal is DENIED.\n"
    )
    assert _rulings(text) == [("seal", "defendant", None, None, "denied")]
    assert _acts(text, date(2021, 5, 4)) == []


def test_a_standards_why_is_no_ruling() -> None:
    text = (  # a page's running head glued to the standard, as text layers give it
        "ORDER\n\nThe Court has before it the Motion to Seal (Dkt. 43). Access is not"
        " absolute. ORDER - 2 Therefore, a party seeking to seal a record bears the burden of"
        " showing compelling reasons why material should be sealed. The Court will deny the"
        " motion.\n"
    )
    assert _kinds(text) == [("seal", "43", "denied")]
    assert [r.outcome.value for r in read_order(text).rulings] == ["denied"]


def test_a_party_asking_to_have_the_court_order_sealing_is_no_ruling() -> None:
    text = (
        "ORDER\n\nDefendants have asked this court to order the clerk to place the Settlement"
        " Agreement under seal. Defendants seek to have the court direct the clerk to keep the"
        " Agreement under seal. The Motion is denied.\n"
    )
    assert _kinds(text) == [("seal", None, "denied")]
    assert [d for d in read_order(text).rulings if d.outcome.value == "granted"] == []


# 6. Who must act, and when: an adverb before "instructed to", a leave "will be allowed N days
#    within which to", a passive act "by the Clerk", one act with its "until DATE, to ..." -----


def test_the_clerk_respectfully_instructed_to_act() -> None:
    assert _acts(
        "ORDER\n\nThe motion to seal is GRANTED. The Clerk is respectfully instructed to seal"
        " Exhibit 2 to the Declaration.\n"
    ) == [("clerk", None, None)]


def test_a_leave_of_days_within_which_to_act_is_timed_once() -> None:
    text = (
        "ORDER denying 40 Motion to Seal. The defendant will be allowed 14 days within which to"
        " show cause why the exhibits should remain sealed. (cc: all counsel)\n\nORDER\n\nThe"
        " motion is denied. The defendant will be allowed 14 days within which to show cause"
        " why the exhibits should remain sealed.\n"
    )
    assert _acts(text, date(2022, 3, 1)) == [("defendant", 14, "2022-03-15")]


def test_a_passive_act_by_the_clerk_is_the_clerks() -> None:
    assert _acts(
        "ORDER\n\nThe motion is granted. The transcript shall be sealed by the Clerk so as to"
        " remove it from the public record.\n"
    ) == [("clerk", None, None)]


def test_until_a_date_to_act_is_one_act() -> None:
    assert _acts(
        "ORDER\n\nThe motion is granted. If necessary, the Plaintiff shall have until May 9,"
        " 2022, to respond to any objections made by the Defendants.\n",
        date(2022, 4, 1),
    ) == [("plaintiff", None, "2022-05-09")]


# 7. Sealing by a direction to the clerk to seal an exhibit named by its label ----------------


def test_the_clerk_directed_to_seal_an_exhibit_rules_it_sealed() -> None:
    assert [
        (docket, exhibit, outcome)
        for _, _, docket, exhibit, outcome in _rulings(
            "ORDER that Plaintiff's Motion to Seal Medical Records Doc. 30 is GRANTED. The Clerk"
            " is respectfully directed to permanently seal Exhibit 7 to the Motion for Summary"
            " Judgment.\n"
        )
    ] == [("30", None, "granted"), (None, "7", "granted")]


# 8. A denial said in a later sentence to be without prejudice ------------------------------


def test_a_denial_said_next_to_be_without_prejudice_is_without_prejudice() -> None:
    assert _kinds(
        "ORDER denying 12 Motion to Seal.\n\nORDER\n\nThe defendant moves to seal its brief."
        " Accordingly, the motion to seal is denied. The denial, however, is without prejudice"
        " to a motion that shows good cause.\n"
    ) == [("seal", "12", "denied_without_prejudice")]


def test_a_denial_with_no_such_sentence_stays_a_denial() -> None:
    assert _kinds(
        "ORDER\n\nThe motion to seal (Doc. 12) is denied. The denial rests on the public's"
        " right of access.\n"
    ) == [("seal", "12", "denied")]


# 9. A direction over a numbered list of items: kept sealed, or unsealed, item by item -------


def _items(text: str) -> list[tuple[str | None, str | None, str]]:
    """(exhibit, document, outcome) of each ruling, in order."""
    return [(r.exhibit, r.document, r.outcome.value) for r in read_order(text).rulings]


def test_items_a_direction_keeps_sealed_or_unseals_are_ruled_one_by_one() -> None:
    assert _items(
        "ORDER directing that the following items remain under seal until further order:"
        " (1) Exhibit 4, attached as Doc. 9-4 to the 9 Motion to Seal; and (2) Exhibit 4,"
        " attached as Doc. 12-2 to the 12 Motion to Dismiss; directing that the following"
        " documents be unsealed: (1) the 9 Motion to Seal; and (2) the Declaration of Ann Lee"
        " attached as Exhibit 6; continuing the hearing.\n"
    ) == [
        ("4", None, "granted"),
        ("4", None, "granted"),
        (None, "the 9 Motion to Seal", "denied"),
        ("6", None, "denied"),
    ]


def test_a_list_no_direction_keeps_or_unseals_rules_nothing() -> None:
    assert (
        _items(
            "ORDER\n\nThe parties filed the following items: (1) Exhibit 4; (2) the"
            " Declaration of Ann Lee.\n"
        )
        == []
    )


# 10. A protective order named, after a rule cited with its stops, as what a ruling is made
#     under is no kind of the motion ---------------------------------------------------------


def test_a_protective_order_cited_after_a_rules_number_is_what_the_ruling_is_under() -> None:
    assert [
        (kind, outcome)
        for kind, _, outcome in _kinds(
            "ORDER\n\nThis matter is before the Court on Plaintiff's Motion to Seal her Response"
            " (ECF No. 50). Pursuant to Local Civil Rule 79.2, Section V.G of the Court's"
            " Policy Manual, and the Court's Stipulated Protective Order entered in this action,"
            " the Motion is GRANTED.\n"
        )
    ] == [("seal", "granted")]


# 11. "good cause to DENY": the outcome the good cause found is for -------------------------


def test_good_cause_to_deny_a_partys_motion_is_a_denial() -> None:
    assert [
        (kind, outcome)
        for kind, _, outcome in _kinds(
            "ORDER\n\nPending is the Motion to Seal of Defendant Acme Corp. (\u201cAcme\u201d)."
            " For the reasons below, the Court finds good cause to DENY Acme's motion.\n"
        )
    ] == [("seal", "denied")]
