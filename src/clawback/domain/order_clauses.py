"""Which outcome a clause of an order's sentence gives: the outcome phrases of
data/order_reading.yaml read as results, and, in a sentence that rules several motions by their
docket numbers clause by clause, the one each clause gives the numbers in it. Part of
`clawback.domain.order_reading`.
"""

from __future__ import annotations

from collections.abc import Sequence

from clawback.domain.order_papers import RunningRef
from clawback.domain.order_words import Found
from clawback.domain.outcomes import Result

__all__ = ["clause_outcome", "result_of"]


def result_of(label: str) -> Result:
    """The result an outcome phrase's label means ("denied-in-part" is a grant in part)."""
    return {
        "denied-in-part": Result.granted_in_part,
    }.get(label) or Result(label.replace("-", "_"))


def clause_outcome(sentence: str, ref: RunningRef, outcomes: Sequence[Found]) -> Result:
    """The outcome a clause gives the motion numbered in it: an active one before the number
    in the same clause ("will grant the motions at ECF No. 780; ... and deny the motion at ECF
    No. 825"), else the first after it ("the motion at ECF No. 45 is GRANTED"); "grant in part
    and deny in part" is one outcome."""
    before = [
        f
        for f in outcomes
        if f.end <= ref.start
        and ";" not in sentence[f.end : ref.start]
        and not sentence[f.start : f.end].lower().split()[-1].endswith("ed")
    ]
    if before:
        results = {result_of(f.label) for f in before}
        if Result.granted_in_part in results or {Result.granted, Result.denied} <= results:
            return Result.granted_in_part
        return result_of(before[-1].label)
    after = [f for f in outcomes if f.start >= ref.end]
    return result_of((after or outcomes)[0].label)
