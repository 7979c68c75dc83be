"""Shapes of order the reader learned in issue 19's nineteenth pass, from the seventeenth held-out
set's classes of misses (tests/orders/heldout17-misses.md, then moved into development). Each
test is one class of wording, on short sentences written for the test in the ways courts commonly
put it (not copies of the order that showed the class), and failed on the reader before the pass
but for the guards said so."""

from __future__ import annotations

from clawback.domain.order_exhibits import find_exhibits
from clawback.domain.order_reading import read_order
from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 1. An exhibit list goes on past a parenthetical after one of its labels ---------------------


def test_an_exhibit_list_goes_on_past_a_parenthetical_note_on_one_label() -> None:
    for listed, labels in (
        ("Exhibits B, C (both pages), E and H", ["B", "C", "E", "H"]),
        ("Exhibits 4 (as redacted), 7, and 9", ["4", "7", "9"]),
        ("Exhibits A (Doc. 40-1) and B (Doc. 40-2)", ["A", "B"]),
        ("Exhibits 2, 5 (in part) and 8 (in full)", ["2", "5", "8"]),
    ):
        assert [label for label, _ in find_exhibits(f"The Court will seal {listed}.")] == labels


def test_a_parenthetical_after_an_exhibit_list_ends_it() -> None:
    # guard: the words after a closing bracket are the sentence's, no label
    assert [x for x, _ in find_exhibits("Exhibits 3 and 4 (filed at Doc. 12) are sealed.")] == [
        "3",
        "4",
    ]
    noted = "It seals Exhibit C (the contract), and the rest stay public."
    assert [x for x, _ in find_exhibits(noted)] == ["C"]


# 2. Motions numbered together in brackets of their own, each ruled ---------------------------


def test_motions_numbered_in_one_bare_bracket_after_their_title_are_each_ruled() -> None:
    for numbers in ("[12, 15, 18]", "[ 12 , 15 , 18 ]", "[12, 15 and 18]"):
        assert _rulings(
            "ORDER\n\nIT IS ORDERED that the Motions for Leave to File Under Seal"
            f" {numbers} are GRANTED.\n"
        ) == [
            ("seal", None, "12", None, "granted"),
            ("seal", None, "15", None, "granted"),
            ("seal", None, "18", None, "granted"),
        ]


def test_motions_numbered_each_in_its_own_bracket_are_each_ruled() -> None:
    for numbers in ("ECF Nos. [55]; [57]; and [59]", "ECF Nos. [55], [57], and [59]"):
        assert _rulings(f"ORDER\n\nPlaintiffs' Motions to Seal, {numbers}, are DENIED.\n") == [
            ("seal", "plaintiff", "55", None, "denied"),
            ("seal", "plaintiff", "57", None, "denied"),
            ("seal", "plaintiff", "59", None, "denied"),
        ]


def test_one_motion_with_a_bare_bracket_of_numbers_stays_one_motion() -> None:
    # guard: the numbers a single motion's bracket gives are its papers, not motions
    assert _rulings("ORDER\n\nThe Motion to Seal [61, 62] is GRANTED.\n") == [
        ("seal", None, None, None, "granted")
    ]


# 3. "The motions" as the subject of a ruling: each motion the order numbered -----------------


def test_the_motions_ruled_together_are_each_motion_the_order_numbered() -> None:
    for ruled in (
        "For the reasons set forth below, the Motions are denied.",
        "For the reasons that follow, the motions are all denied.",
        "Accordingly, the motions will be denied.",
    ):
        assert _rulings(
            "ORDER\n\nBefore the Court are Plaintiff's three motions to seal (ECF Nos. 21, 24,"
            f" 27). {ruled}\n"
        ) == [
            ("seal", None, "21", None, "denied"),
            ("seal", None, "24", None, "denied"),
            ("seal", None, "27", None, "denied"),
        ]


def test_the_motions_of_one_kind_rule_only_their_own() -> None:
    # guard: "the motions to compel" are no "motions" of every kind
    assert _rulings(
        "ORDER\n\nBefore the Court are Plaintiff's motion to seal (ECF No. 21) and Defendant's"
        " motions to compel (ECF Nos. 24, 27). The motions to compel are denied.\n"
    ) == [("compel", None, None, None, "denied")]


def test_numbers_a_defined_name_calls_papers_are_no_motions_the_motions_rule() -> None:
    # the bracket's defined name says what its numbers are: "Motions" motions, "Replies" papers
    for papers in ('("Sealed Replies")', '("Replies")', "(the \u201cExhibits\u201d)"):
        assert _rulings(
            "ORDER\n\nBefore the Court are Plaintiffs' Motions to Seal, ECF Nos. [55]; [57]; and"
            ' [59] ("Motions"). The Motions state that the replies to be sealed, ECF Nos. [56];'
            f" [58]; and [60] {papers}, cite confidential information. For the reasons set forth"
            " below, the Motions are denied.\n"
        ) == [
            ("seal", None, "55", None, "denied"),
            ("seal", None, "57", None, "denied"),
            ("seal", None, "59", None, "denied"),
        ]


def test_a_motion_the_order_names_by_a_short_name_stays_a_motion() -> None:
    # guard: the name defined after a motion's own number is the motion's
    assert _rulings(
        "ORDER\n\nSee Defendant's Letter Motion to Compel, filed May 11, 2022 (Docket # 185)"
        ' ("May 11 Ltr."). The Letter Motion to Compel (Docket # 185) is granted.\n'
    ) == [("compel", None, "185", None, "granted")]


def test_an_exhibit_asked_for_is_ruled_once_when_one_sentence_rules_every_motion() -> None:
    ruled = _rulings(
        "ORDER\n\nBefore the Court are Plaintiff's motion to seal (Doc. [157]) and the parties'"
        " joint motion to seal (Doc. [170]). For the reasons set forth below, the motions are"
        " denied.\n\nIn the joint motion, the parties ask the Court to seal Exhibits 3 and 4.\n"
    )
    assert [r[3] for r in ruled if r[3]] == ["3", "4"]
    assert [r[2] for r in ruled if r[3] is None] == ["157", "170"]


# 4. "The Court grants one motion and denies another": a clause each ------------------------


def test_the_court_granting_one_motion_and_denying_another_rules_each() -> None:
    for sentence in (
        "For the reasons set forth below, the Court grants Plaintiff's motion to seal and denies"
        " Plaintiff's motion for a protective order.",
        "The Court GRANTS the motion to seal and DENIES the motion for a protective order.",
        "The Court will grant the motion to seal and will deny the motion for a protective order.",
    ):
        assert _rulings(f"ORDER\n\n{sentence}\n") == [
            ("protective-order", *_movant(sentence), None, None, "denied"),
            ("seal", *_movant(sentence), None, None, "granted"),
        ]


def _movant(sentence: str) -> tuple[str | None]:
    return ("plaintiff",) if "Plaintiff" in sentence else (None,)


def test_the_court_denying_a_motion_of_no_kind_after_a_grant_rules_only_the_grant() -> None:
    # guard: the second clause rules a motion of no kind here (to strike): not the first's kind
    assert _rulings(
        "ORDER\n\nFor the reasons set forth below, the Court will grant in part and deny in part"
        " the Motion to Compel and will deny the Motion to Strike.\n"
    ) == [("compel", None, None, None, "granted_in_part")]


def test_a_title_granting_in_part_and_denying_in_part_motions_is_one_ruling() -> None:
    # guard: "GRANTING IN PART AND DENYING IN PART" is one outcome, not two clauses
    assert _rulings(
        "ORDER GRANTING IN PART AND DENYING IN PART THE GOVERNMENT'S REQUESTED REDACTIONS AND"
        " GRANTING IN PART AND DENYING IN PART DEFENDANTS' MOTIONS TO UNSEAL\n\nText.\n"
    ) == [("seal", "defendant", None, None, "granted_in_part")]


# 5. A kind of motion in other words ----------------------------------------------------------


def test_a_motion_for_access_to_sealed_papers_is_a_motion_to_unseal() -> None:
    for asked in (
        "The newspaper's motion seeks access to the sealed memoranda.",
        "The Times filed a motion for access to the sealed exhibits.",
        "This is the intervenor's second motion for public access to the sealed record.",
        "The press, seeking access to the sealed transcripts, moved to intervene.",
    ):
        assert _rulings(
            f"MEMORANDUM AND ORDER\n\n{asked} For the reasons that follow, the motion is GRANTED"
            " IN PART and DENIED IN PART.\n"
        ) == [("unseal", None, None, None, "granted_in_part")]


def test_a_motion_to_keep_discovery_confidential_is_a_motion_for_a_protective_order() -> None:
    for named in (
        "Motion to maintain confidential status of deposition exhibits",
        "Motion to retain discovery documents as confidential",
        "Motion to keep discovery materials as confidential",
        "Motion for a Confidentiality Order",
    ):
        assert _rulings(f"ORDER granting in part 41 {named}. By Judge Jane Roe.\n") == [
            ("protective-order", None, "41", None, "granted_in_part")
        ]


def test_a_protective_order_sought_to_get_back_privileged_papers_is_a_claw_back() -> None:
    for asked in (
        "Plaintiff moves for a protective order, seeking an order that commands Defendants"
        " John A. Roe and Mary B. Roe to return or destroy every copy of an"
        " inadvertently-produced email.",
        "Defendant's motion, asking that the Court direct Plaintiff and her counsel to return"
        " the inadvertently-disclosed memorandum, is brought as one for a protective order.",
    ):
        assert _rulings(
            f"ORDER\n\n{asked} For the reasons below, the motion for a protective order is"
            " GRANTED.\n"
        ) == [("clawback", None, None, None, "granted")]


# 6. A footnote's marker after the last exhibit of a list that ends a sentence ----------------


def test_a_footnote_marker_after_the_last_numbered_exhibit_is_no_part_of_its_label() -> None:
    for ended in ("and 22.1", "and 22.3\n", ", and 22.12", "and 22.1 BACKGROUND", "and 22.2 The"):
        said = f"The motion is DENIED as to exhibits 11, 13, 21 {ended}"
        assert [label for label, _ in find_exhibits(said)][-1] == "22"


def test_dotted_exhibit_labels_keep_their_dots() -> None:
    # guards: a list of dotted labels, and a dotted label the sentence's period follows
    assert [x for x, _ in find_exhibits("Exhibits 4.1, 4.2 and 4.3 are sealed")] == [
        "4.1",
        "4.2",
        "4.3",
    ]
    assert [x for x, _ in find_exhibits("It seals Exhibits 3 and 4.1.")] == ["3", "4.1"]


# 7. The clerk's closing of the case is an act ------------------------------------------------


def test_the_clerk_directed_to_close_the_case_must_act() -> None:
    for closing in (
        "The Clerk of Court is directed to close this case.",
        "The Clerk shall close the file.",
        "The Clerk is DIRECTED to CLOSE this action.",
    ):
        assert _acts(f"ORDER\n\nThe motion to seal is granted. {closing}\n") == [
            ("clerk", None, None)
        ]


def test_the_close_of_discovery_is_no_act() -> None:
    # guard: "close" as a noun after a directive's reach
    assert _acts("ORDER\n\nThe motion to seal is granted until the close of discovery.\n") == []


# 8. Two parties' motions of one kind ruled together: one ruling each ------------------------


def test_two_parties_motions_of_one_kind_ruled_together_are_two_motions() -> None:
    for sentence in (
        "ORDER GRANTING PLAINTIFFS' MOTION TO SEAL AND DEFENDANT ACME CORPORATION'S MOTION TO"
        " SEAL\n\nText.",
        "ORDER\n\nThe Court GRANTS Plaintiffs\u2019 Motion to Seal and Defendant\u2019s Motion to"
        " Seal.",
        "ORDER\n\nPlaintiff's motion to seal and Defendants' motion to seal are both granted.",
    ):
        assert sorted(r[:2] + r[4:] for r in _rulings(f"{sentence}\n")) == [
            ("seal", "defendant", "granted"),
            ("seal", "plaintiff", "granted"),
        ]


def test_one_party_s_motion_to_seal_beside_its_brief_stays_one_motion() -> None:
    # guard: one movant's motion, another party's paper named in it
    ruled = _rulings(
        "ORDER\n\nPlaintiff's motion to seal Defendant's motion for summary judgment is granted.\n"
    )
    assert [r for r in ruled if r[1] == "defendant"] == []


# 9. Papers a docket text names by their entry numbers, joined by "and": each a paper --------


def test_papers_named_by_entry_numbers_and_joined_are_each_kept_sealed() -> None:
    for papers, named in (
        (
            "the 1 Complaint and 2 Motion for Temporary Restraining Order",
            ["1 Complaint", "2 Motion for Temporary Restraining Order"],
        ),
        (
            "the 14 Declaration, 15 Exhibit List and 17 Brief",
            ["14 Declaration", "15 Exhibit List", "17 Brief"],
        ),
    ):
        draft = read_order(
            f"ORDER granting 10 Motion to Seal. The Clerk is directed to maintain {papers} under"
            " seal until further order. Signed by Judge Jane Roe on 11/21/2022.\n"
        )
        assert [r.document.removeprefix("the ") for r in draft.rulings if r.document] == named


def test_one_paper_named_by_its_entry_number_stays_one() -> None:
    # guard: "and" inside one paper's title splits nothing
    draft = read_order(
        "ORDER granting 10 Motion to Seal. The Clerk is directed to maintain the 4 Motion to"
        " Compel and Memorandum under seal. Signed by Judge Jane Roe on 11/21/2022.\n"
    )
    assert [r.document for r in draft.rulings if r.document] == [
        "the 4 Motion to Compel and Memorandum"
    ]
