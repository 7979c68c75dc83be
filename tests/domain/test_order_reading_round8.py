"""Shapes of order the reader learned in issue 19's eighth pass, from the seventh held-out set's
eleven classes of misses (heldout7.md, then moved into development). Each test is one class of
wording, written in words of our own beside the shape the corpus showed it in, and failed on the
reader before the pass."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_reading import read_order


def _rulings(text: str) -> list[tuple[str, str | None, str | None, str | None, str]]:
    return sorted(
        (
            (r.motion, r.movant, r.docket, r.exhibit, r.outcome.value)
            for r in read_order(text).rulings
            if r.document is None
        ),
        key=str,
    )


def _acts(text: str, dated: date | None = None) -> list[tuple[str | None, int | None, str | None]]:
    return [
        (a.party, a.days, str(a.due) if a.due else None) for a in read_order(text, dated=dated).acts
    ]


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
        "ORDER\n\nThe plaintiff moves to seal her deposition transcript. She further explains"
        " that the transcript is sealed in a related state case. The Court is not persuaded;"
        " the motion to seal is denied.\n"
    )
    assert [(r.document, r.outcome.value) for r in draft.rulings] == [(None, "denied")]
