"""What the order-reading tests of each round compare: a text's rulings on no named document
and its acts, as tuples (read by `clawback.domain.order_reading.read_order`)."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_reading import read_order


def rulings(text: str) -> list[tuple[str, str | None, str | None, str | None, str]]:
    """(motion, movant, docket, exhibit, outcome) of each ruling on no named document, sorted."""
    return sorted(
        (
            (r.motion, r.movant, r.docket, r.exhibit, r.outcome.value)
            for r in read_order(text).rulings
            if r.document is None
        ),
        key=str,
    )


def acts(text: str, dated: date | None = None) -> list[tuple[str | None, int | None, str | None]]:
    """(party, days, due date) of each act, in order."""
    return [
        (a.party, a.days, str(a.due) if a.due else None) for a in read_order(text, dated=dated).acts
    ]
