"""Shapes of order the reader learned in issue 19's third pass, from the second held-out set's
misses (moved into development): motions ruled by their titles, exhibits unsealed by a
direction to the clerk, "the remaining exhibits", a permission with a deadline, a caption's
stray docket number, and two exhibits that share a letter."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_reading import read_order
from clawback.domain.outcomes import Result


def test_motions_named_by_title_are_ruled_under_the_docket_numbers_the_order_gave_them() -> None:
    draft = read_order(
        "MEMORANDUM AND ORDER\n"
        "This matter is before the Court on Defendants' First Motion for Protective Order"
        " (doc. 59), Plaintiff's Motion for Protective Order (doc. 80), and Defendants' Second"
        " Motion for Protective Order (doc. 82). For the reasons set forth below, the Court"
        " grants Defendants' First Motion for Protective Order as to both Defendants. The Court"
        " also grants Defendants' Second Motion for Protective Order, but only as to Defendant"
        " U.S. Bancorp N.A. Finally, the Court denies Plaintiff's Motion for Protective Order.\n"
    )
    assert {(r.motion, r.docket): r.outcome for r in draft.rulings} == {
        ("protective-order", "59"): Result.granted,
        ("protective-order", "82"): Result.granted_in_part,
        ("protective-order", "80"): Result.denied,
    }


def test_exhibits_the_clerk_is_directed_to_unseal_are_denied_sealing() -> None:
    draft = read_order(
        "ORDER\n1. The following documents shall remain under seal: Exhibits K and L to"
        " Defendants' Reply (Doc. Nos. 131-4, 131-5). 2. The Cl erk of Court is directed to"
        " unseal the following documents: Exhibits H, I, and J to Defendants Reply (Doc. Nos."
        " 131-1, 131-2, 131-3).\n"
    )
    on = {r.exhibit: r.outcome for r in draft.rulings if r.exhibit}
    assert on == {
        "K": Result.granted,
        "L": Result.granted,
        "H": Result.denied,
        "I": Result.denied,
        "J": Result.denied,
    }
    assert [a.party for a in draft.acts] == ["clerk"]


def test_the_remaining_exhibits_are_a_document_ruled_and_the_motion_is_granted_in_part() -> None:
    draft = read_order(
        "ORDER\nDefendants' motion to seal Exhibit A to its letter response (Dkt. No. 175) is"
        " granted because it contains the personal identifying information of a non-party."
        " Defendants' motion to seal the remaining exhibits is denied.\n"
    )
    got = {(r.exhibit, r.document): r.outcome for r in draft.rulings}
    assert got == {
        ("A", None): Result.granted,
        (None, "the remaining exhibits"): Result.denied,
        (None, None): Result.granted_in_part,
    }


def test_a_permission_to_renew_within_a_period_is_an_act_with_a_deadline() -> None:
    draft = read_order(
        "ORDER\nThe motions to seal are denied. The parties may renew their motions to seal to"
        " provide specific and substantial reasons within thirty days of this order.\n",
        dated=date(2024, 4, 18),
    )
    assert [(a.party, a.days, a.due) for a in draft.acts] == [
        ("joint", 30, date(2024, 5, 20))  # Saturday May 18 runs to Monday
    ]


def test_a_permission_not_to_act_is_no_act() -> None:
    draft = read_order("ORDER\nThe motion is denied. The parties may not file further briefs.\n")
    assert draft.acts == ()


def test_a_caption_motion_the_body_never_names_again_is_no_ruling() -> None:
    draft = read_order(
        "Opinion\nCase No. 2:10-cv-02205\n02-20-2014\nORDER GRANTING IN PART\nMOTION TO SEAL\n"
        "(Docket No. 338)\n"
        "Pending before the Court are Plaintiffs' emergency motions to seal, Docket Nos. 436 and"
        " 437. Docket No. 437 supersedes Docket No. 436, and Docket No. 436 is hereby DENIED as"
        " moot.\n"
        "In the remaining motion to seal, Docket No. 437, Plaintiffs seek to file under seal"
        " their emergency motion. For the reasons discussed below, the Court hereby GRANTS the"
        " motion to seal.\n"
    )
    assert {r.docket: r.outcome for r in draft.rulings} == {
        "436": Result.moot,
        "437": Result.granted,
    }


def test_two_exhibits_with_one_letter_keep_their_own_rulings() -> None:
    draft = read_order(
        "ORDER granting in part 134 Motion to Seal. The following materials shall be filed under"
        " seal: Doc. 120; and Doc. 122. FURTHER ORDERED that Defendant shall file redacted"
        " versions of Doc. 122 (redacting pages 65-66). FURTHER ORDERED granting 135 Motion to"
        " Seal. The following document shall be filed under seal: Exhibit D to Defendant's"
        " Memorandum bearing Bates No. D00022768-69 (Doc. 137).\n"
        "ORDER\nThe lodged documents are Exhibits B (Doc. 120), C (Doc. 121), and D (Doc. 122)"
        " to the Motion to Compel.\n"
    )
    on_d = sorted(r.outcome.value for r in draft.rulings if r.exhibit == "D")
    assert on_d == ["granted", "granted_in_part"]


def test_a_heading_motion_of_no_number_is_dropped_when_the_body_numbers_it() -> None:
    draft = read_order(
        "ORDER DENYING DEFENDANT'S MOTION TO SEAL\n"
        "Accordingly, the Court DENIES defendant's motion to seal (Dkt. # 156). The Clerk of"
        " Court is directed to unseal the motion filed at Dkt. # 158.\n"
    )
    whole = [r.docket for r in draft.rulings if r.exhibit is None and r.document is None]
    assert whole == ["156"]


def test_a_motion_to_compel_the_return_of_produced_documents_is_a_claw_back() -> None:
    draft = read_order(
        "ORDER GRANTING MOTION TO COMPEL THE RETURN OF AN INADVERTENTLY PRODUCED DOCUMENT\n"
        "The Court has reviewed the briefing. Defendant's request for the return of the"
        " forty-three documents is DENIED.\n"
    )
    assert {r.motion for r in draft.rulings} == {"clawback"}
