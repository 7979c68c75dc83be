"""What the court sees marked on a page it reviews in camera: the claimed items, in place.

The court reviews a claw-back on the material itself; its picture of a page shows every item
a claim (not withdrawn) names on that page, drawn where it is, with the claims that name it.
A claim that names no items claims the whole of its exhibits: each item named on them is
claimed by it. No other seat's picture is marked: the receiving side sees what it may see of
the page and nothing of what was claimed on it, and the producing side's own copy stays as
it produced it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clawback.domain.actor import Actor
from clawback.domain.bates import BatesNumber
from clawback.domain.claims import Claim, State
from clawback.domain.documents import Exhibit, Item
from clawback.domain.order import Side


@dataclass(frozen=True)
class ClaimedItem:
    """An item on the page and the claims naming it, in the claims' order."""

    item: Item
    claims: tuple[str, ...]


def marks_claimed(actor: Actor) -> bool:
    """Whether ``actor``'s picture of a page shows the claimed items: the court's alone."""
    return actor.seat is Side.court


def claimed_on(exhibit: Exhibit, claims: Iterable[Claim], page: BatesNumber) -> list[ClaimedItem]:
    """The items on ``page`` of ``exhibit`` that a claim not withdrawn names, in item order."""
    naming: dict[str, list[str]] = {}
    for claim in claims:
        if claim.state is State.withdrawn or exhibit.number not in claim.exhibits:
            continue
        for item in exhibit.items:
            if not claim.items or item.id in claim.items:
                naming.setdefault(item.id, []).append(claim.id)
    return [
        ClaimedItem(item, tuple(naming[item.id]))
        for item in exhibit.items
        if item.page == page and item.id in naming
    ]
