"""Who may see a document now, and who may know it exists: one rule for every path.

Four things withhold a document from a person, and all derive from the record:

- *whose collection* it is in: a side's documents reach another side only once produced to it
  in a finished volume (``held_by``, ``delivered``); the court sees every collection;
- the protective order's *tier* (``Actor.tiers``, from ``ProtectiveOrder.admitted_tiers``), with
  the acknowledgment some categories must sign first; a designation the order no longer knows
  admits no one;
- a *pending claw-back*: from the notice the receiving side must sequester the claimed document
  and may not use it until the claim is resolved (FRCP 26(b)(5)(B)), while the court still sees
  it for in-camera review; a claim granted whole withholds it for good;
- a *seal*: anyone outside the case sees only the public docket, where sealed exhibits are not.

The operator and the court see everything; the producing side sees its own collection whole.
The receiving side sees a document with the items a ruling granted redacted.

``may_know`` is the weaker rule a listing of the dispute goes by (claims, the privilege log,
deadlines, a drafted order): a claw-back notice and a privilege log tell the receiving side of
documents it may no longer read, but never of a document its tier does not admit; the public
knows what is on the public docket and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clawback.domain.actor import Actor
from clawback.domain.order import Side


class Denial(StrEnum):
    collection = "collection"
    tier = "tier"
    sequestered = "sequestered"
    withheld = "withheld"
    sealed = "sealed"
    not_public = "not_public"


class View(StrEnum):
    full = "full"  # the document as produced
    redacted = "redacted"  # with the items a ruling granted removed


@dataclass(frozen=True)
class DocumentState:
    """What the record says about one document, as far as access goes."""

    designation: str | None = None
    sequestered: bool = False  # a claim over it awaits a ruling
    withheld: bool = False  # a claim over it was granted whole
    sealed: bool = False
    public_filed: bool = False  # a version of it is on the public docket
    held_by: Side = Side.producing  # whose collection it is in
    delivered: bool = True  # produced in a finished volume
    filed: bool = False  # a paper on the docket (domain.pinpoints): served on every party


@dataclass(frozen=True)
class Access:
    allowed: bool
    view: View = View.redacted
    denial: Denial | None = None


FULL = Access(True, View.full)


#: The seats nothing is withheld from: the operator and the court.
SEES_EVERYTHING = frozenset({Side.operator, Side.court})


def sees_everything(actor: Actor) -> bool:
    """The operator and the court: nothing is withheld from them."""
    return actor.seat in SEES_EVERYTHING


def full_view(actor: Actor) -> bool:
    """Whether the actor reads documents as produced (never less what a ruling granted)."""
    return actor.seat in (Side.operator, Side.court, Side.producing)


def access(actor: Actor, state: DocumentState) -> Access:
    """Whether ``actor`` may see the document, and which version."""
    if sees_everything(actor):
        return FULL
    if actor.seat is Side.producing:
        if state.held_by is Side.receiving and not state.filed:
            return Access(False, denial=Denial.collection)
        return FULL
    if actor.seat is Side.public:
        if state.sealed:
            return Access(False, denial=Denial.sealed)
        if not state.public_filed or state.sequestered or state.withheld:
            return Access(False, denial=Denial.not_public)
        if state.filed and state.designation is not None:
            # a paper designated under the order (the tier of what it quotes) reaches no one
            # the tier does not admit: the public's seat admits none
            return Access(False, denial=Denial.tier)
        return Access(True)
    if not _reaches(actor, state):
        return Access(False, denial=Denial.collection)
    if state.sequestered:
        return Access(False, denial=Denial.sequestered)
    if state.withheld:
        return Access(False, denial=Denial.withheld)
    if not _admitted(actor, state):
        return Access(False, denial=Denial.tier)
    return Access(True)


def may_know(actor: Actor, state: DocumentState) -> bool:
    """Whether ``actor`` may learn that the document exists and what the dispute says of it."""
    if sees_everything(actor):
        return True
    if actor.seat is Side.producing:
        return state.held_by is not Side.receiving or state.filed
    if actor.seat is Side.public:
        return access(actor, state).allowed  # what is on the public docket, no more
    return _reaches(actor, state) and _admitted(actor, state)


def _reaches(actor: Actor, state: DocumentState) -> bool:
    """A receiving person reaches its own side's collection, what was produced to it, and
    every paper on the docket (served on each party)."""
    if state.held_by is actor.seat or state.filed:
        return True
    return state.held_by is Side.producing and state.delivered


def _admitted(actor: Actor, state: DocumentState) -> bool:
    return state.designation is None or state.designation in actor.tiers
