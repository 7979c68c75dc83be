"""Who may see a document now: the tier, a pending claw-back and a seal, combined.

Three things withhold material from a person, and all three derive from the record:

- the protective order's *tier* (``ProtectiveOrder.may_see``), with the acknowledgment some
  categories must sign first;
- a *pending claw-back*: from the notice the receiving side must sequester the claimed document
  and may not use it until the claim is resolved (FRCP 26(b)(5)(B)), while the court still sees
  it for in-camera review; a claim granted whole withholds it for good;
- a *seal*: anyone outside the case sees only the public docket, where sealed exhibits are not.

The court and the producing party see everything. After a ruling, the receiving side sees a
document with the granted items redacted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clawback.domain.order import Designation, Person, ProtectiveOrder, Side


class Denial(StrEnum):
    tier = "tier"
    acknowledgment = "acknowledgment"
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


@dataclass(frozen=True)
class Access:
    allowed: bool
    view: View = View.redacted
    denial: Denial | None = None


FULL = Access(True, View.full)


def sees_everything(person: Person) -> bool:
    """The producing side and the court: no tier, claim or seal withholds anything from them."""
    return person.side in (Side.court, Side.producing)


def access(order: ProtectiveOrder, person: Person | None, state: DocumentState) -> Access:
    """Whether ``person`` may see the document, and which version; ``None`` is the operator."""
    if person is None or sees_everything(person):
        return FULL
    if person.side is Side.public:
        if state.sealed:
            return Access(False, denial=Denial.sealed)
        if not state.public_filed or state.sequestered or state.withheld:
            return Access(False, denial=Denial.not_public)
        return Access(True)
    if state.sequestered:
        return Access(False, denial=Denial.sequestered)
    if state.withheld:
        return Access(False, denial=Denial.withheld)
    if state.designation is not None and not order.may_see(person, Designation(state.designation)):
        unsigned = person.category in order.categories_needing_acknowledgment
        if unsigned and not person.acknowledged:
            return Access(False, denial=Denial.acknowledgment)
        return Access(False, denial=Denial.tier)
    return Access(True)
