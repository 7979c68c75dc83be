"""Shapes of order the reader learned in issue 19's nineteenth pass, from the seventeenth held-out
set's classes of misses (tests/orders/heldout17-misses.md, then moved into development). Each
test is one class of wording, on short sentences written for the test in the ways courts commonly
put it (not copies of the order that showed the class), and failed on the reader before the pass
but for the guards said so."""

from __future__ import annotations

from clawback.domain.order_exhibits import find_exhibits

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
