"""Shapes of order the reader learned in issue 19's nineteenth pass, from the seventeenth held-out
set's classes of misses (tests/orders/heldout17-misses.md, then moved into development). Each
test is one class of wording, on short sentences written for the test in the ways courts commonly
put it (not copies of the order that showed the class), and failed on the reader before the pass
but for the guards said so."""

from __future__ import annotations

from clawback.domain.order_exhibits import find_exhibits
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
