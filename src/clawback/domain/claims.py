"""Privilege claims, their lifecycle, the court's rulings and what the rulings do to exhibits.

A claim (a claw-back notice under FRCP 26(b)(5)(B)) names whole exhibits or items on them. The
court rules per claim: *granted* (for the whole of what was claimed, or for named items),
*denied*, or *granted in part* (for named items, denied for the rest). The effect per exhibit is
what the record acts on: withheld, redacted item by item, or released.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from clawback.domain.documents import Exhibit, find_exhibit
from clawback.domain.errors import RuleViolation


class Privilege(StrEnum):
    law_enforcement = "law_enforcement"
    attorney_client = "attorney_client"
    work_product = "work_product"
    deliberative_process = "deliberative_process"


class Scope(StrEnum):
    document = "document"
    page = "page"
    item = "item"


class State(StrEnum):
    """Where a claim stands under FRCP 26(b)(5)(B)."""

    noticed = "noticed"  # the producing side gave notice; the receiving side must sequester
    sequestered = "sequestered"  # the receiving side certified sequestration
    submitted = "submitted"  # presented to the court under seal for in-camera review
    ruled = "ruled"
    applied = "applied"  # the ruling's effect is in the files: released, redacted or withheld
    withdrawn = "withdrawn"


_NEXT: dict[State, frozenset[State]] = {
    State.noticed: frozenset({State.sequestered, State.submitted, State.ruled, State.withdrawn}),
    State.sequestered: frozenset({State.submitted, State.ruled, State.withdrawn}),
    State.submitted: frozenset({State.ruled, State.withdrawn}),
    State.ruled: frozenset({State.applied}),
    State.applied: frozenset(),
    State.withdrawn: frozenset(),
}

PENDING = frozenset({State.noticed, State.sequestered, State.submitted})


def transition(claim_id: str, current: State, to: State) -> State:
    """The claim's next state, if the lifecycle allows the move."""
    if to not in _NEXT[current]:
        raise RuleViolation(f"claim {claim_id!r} cannot go from {current} to {to}")
    return to


class Result(StrEnum):
    granted = "granted"
    denied = "denied"
    granted_in_part = "granted_in_part"


@dataclass(frozen=True)
class Claim:
    """A claw-back: the privilege, what it covers, and the declarations that support it."""

    id: str
    privilege: Privilege
    exhibits: tuple[int, ...]
    items: tuple[str, ...] = ()
    declarations: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    basis: str = ""
    state: State = State.noticed
    noticed_on: date | None = None

    @property
    def scope(self) -> Scope:
        return Scope.item if self.items else Scope.document

    @property
    def pending(self) -> bool:
        return self.state in PENDING

    def advance(self, to: State) -> Claim:
        return replace(self, state=transition(self.id, self.state, to))


@dataclass(frozen=True)
class Ruling:
    """The court's decision on one claim; ``items`` names what was granted when not everything."""

    claim: str
    result: Result
    items: tuple[str, ...] = ()
    reason: str = ""
    on: date | None = None


@dataclass(frozen=True)
class Effect:
    """What the rulings do to one exhibit."""

    exhibit: int
    outcome: Result | None  # None: no ruled claim over it (never claimed, or still pending)
    withheld: bool
    redact: tuple[str, ...]  # item ids to redact, in the exhibit's item order
    pending: bool = False  # a claim over it awaits a ruling: the receiving side must sequester


def check_ruling(claim: Claim, ruling: Ruling, exhibits: Sequence[Exhibit]) -> None:
    """A ruling may grant only what the claim covers."""
    if ruling.claim != claim.id:
        raise RuleViolation(f"ruling for {ruling.claim!r} given to claim {claim.id!r}")
    if ruling.result is Result.denied and ruling.items:
        raise RuleViolation(f"ruling on {claim.id!r} denies the claim yet names items")
    if ruling.result is Result.granted_in_part and not ruling.items:
        raise RuleViolation(f"ruling on {claim.id!r} is granted in part but names no item")
    covered = _covered_items(claim, exhibits)
    for item in ruling.items:
        if item not in covered:
            raise RuleViolation(f"ruling on {claim.id!r} grants item {item!r} it does not claim")


def effects(
    exhibits: Sequence[Exhibit], claims: Iterable[Claim], rulings: Iterable[Ruling]
) -> dict[int, Effect]:
    """Per exhibit: withheld whole, redacted for named items, released, or never claimed."""
    by_claim = {r.claim: r for r in rulings}
    ruled: dict[int, list[Result]] = {}  # exhibit -> what each ruled claim over it came to
    pending: set[int] = set()
    withheld: set[int] = set()
    redact: set[str] = set()
    for claim in claims:
        ruling = by_claim.get(claim.id)
        if claim.state is State.withdrawn:
            continue
        if ruling is None:
            pending.update(claim.exhibits)
            continue
        check_ruling(claim, ruling, exhibits)
        granted_items = _granted_items(claim, ruling)
        whole = ruling.result is Result.granted and claim.scope is Scope.document
        for number in claim.exhibits:
            on_exhibit = {i.id for i in find_exhibit(exhibits, number).items}
            mine = on_exhibit & granted_items
            claimed_here = on_exhibit & set(claim.items) if claim.items else on_exhibit
            if whole:
                withheld.add(number)
                here = Result.granted
            elif not mine:
                here = Result.denied
            elif mine >= claimed_here and claim.scope is Scope.item:
                here = Result.granted
            else:
                here = Result.granted_in_part
            redact.update(mine)
            ruled.setdefault(number, []).append(here)
    result: dict[int, Effect] = {}
    for exhibit in exhibits:
        results = set(ruled.get(exhibit.number, ()))
        outcome: Result | None
        if not results:
            outcome = None
        elif exhibit.number in withheld or results == {Result.granted}:
            outcome = Result.granted
        elif results == {Result.denied}:
            outcome = Result.denied
        else:
            outcome = Result.granted_in_part
        items = tuple(i.id for i in exhibit.items if i.id in redact)
        result[exhibit.number] = Effect(
            exhibit.number,
            outcome,
            exhibit.number in withheld,
            items,
            exhibit.number in pending,
        )
    return result


def _granted_items(claim: Claim, ruling: Ruling) -> set[str]:
    if ruling.result is Result.denied:
        return set()
    if ruling.items:
        return set(ruling.items)
    return set(claim.items)


def _covered_items(claim: Claim, exhibits: Sequence[Exhibit]) -> set[str]:
    if claim.items:
        return set(claim.items)
    return {i.id for n in claim.exhibits for i in find_exhibit(exhibits, n).items}
