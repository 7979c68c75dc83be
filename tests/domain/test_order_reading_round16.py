"""Shapes of order the reader learned in issue 19's sixteenth pass, from the fourteenth held-out
set's classes of misses (tests/orders/heldout14-misses.md, then moved into development). Each
test is one class of wording, on a short sentence written for the test in the way courts commonly
put it (not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from clawback.domain.order_exhibits import find_exhibits
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
