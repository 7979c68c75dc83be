"""The protective order as data: ordered tiers, who each tier admits, and designations.

A protective order names confidentiality tiers (e.g. *Confidential* and *Highly Confidential -
Attorneys' Eyes Only*) and, for each, the categories of recipient who may see material so
designated. Everything about who may see what derives from that table, not from hand-built groups.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from clawback.domain.errors import NotFound, RuleViolation


class Side(StrEnum):
    """Where a person sits in the dispute."""

    producing = "producing"
    receiving = "receiving"
    court = "court"
    public = "public"  # anyone else: sees only what is on the public docket
    operator = "operator"  # whoever holds the workspace (domain.actor); never seated


#: The sides a person can be seated on (the operator is not seated: it holds the workspace).
SEATED = (Side.producing, Side.receiving, Side.court, Side.public)


@dataclass(frozen=True)
class Person:
    """Someone with a seat: their side and their recipient category under the order."""

    email: str
    name: str
    side: Side
    category: str
    acknowledged: bool = True  # signed the "agreement to be bound" where the order requires it


@dataclass(frozen=True)
class Tier:
    """One confidentiality tier and the recipient categories it admits."""

    name: str
    short: str
    admits: frozenset[str]

    def matches(self, label: str) -> bool:
        wanted = _norm(label)
        return wanted in (_norm(self.name), _norm(self.short))


@dataclass(frozen=True)
class Designation:
    """A tier given to a document at a moment, with a note on why or how."""

    tier: str
    when: str = ""
    on: date | None = None


@dataclass(frozen=True)
class DesignationHistory:
    """Every designation a document has carried, oldest first; the last one governs."""

    entries: tuple[Designation, ...] = ()

    @property
    def current(self) -> Designation | None:
        return self.entries[-1] if self.entries else None

    def redesignate(self, designation: Designation) -> DesignationHistory:
        return DesignationHistory((*self.entries, designation))


NO_ORDER: dict[str, object] = {"none": True}  # a case's order data when there is no order


@dataclass(frozen=True)
class ProtectiveOrder:
    """The order's tiers, least restrictive first."""

    docket: str
    tiers: tuple[Tier, ...]
    survives_final_disposition: bool = True
    categories_needing_acknowledgment: frozenset[str] = field(default_factory=frozenset)
    # Who must log in with a second factor (TOTP): these sides' seats, and whoever may see a
    # tier named here (``second_factor: {sides: [court], tiers: [AEO]}`` in the order's data).
    second_factor_sides: frozenset[str] = field(default_factory=frozenset)
    second_factor_tiers: frozenset[str] = field(default_factory=frozenset)

    def tier(self, label: str) -> Tier:
        if not self.tiers:
            raise NotFound(f"no tier {label!r}: the case has no protective order")
        for tier in self.tiers:
            if tier.matches(label):
                return tier
        known = ", ".join(t.short or t.name for t in self.tiers)
        raise NotFound(f"no tier {label!r} in protective order (Dkt. {self.docket}): known {known}")

    def rank(self, label: str) -> int:
        """0 for the least restrictive tier; higher is more restrictive."""
        return self.tiers.index(self.tier(label))

    def may_see(self, person: Person, designation: Designation | None) -> bool:
        """Whether the order lets this person see material carrying this designation. A
        designation the order does not know (a tier renamed since) admits no one."""
        if designation is None:
            return True
        if person.category in self.categories_needing_acknowledgment and not person.acknowledged:
            return False
        known = [t for t in self.tiers if t.matches(designation.tier)]
        return bool(known) and person.category in known[0].admits

    def legend(self, label: str) -> str:
        """The legend stamped on a page so designated, in capitals as the trade writes it."""
        return self.tier(label).name.upper()

    @property
    def categories(self) -> frozenset[str]:
        """Every recipient category some tier admits."""
        return frozenset().union(*(t.admits for t in self.tiers))

    def admitted_tiers(self, person: Person) -> frozenset[str]:
        """The short names of the tiers this person may see (the order's table, nothing else)."""
        return frozenset(t.short for t in self.tiers if self.may_see(person, Designation(t.short)))


def order_from_data(data: Mapping[str, object]) -> ProtectiveOrder:
    """Build an order from case data: a docket and tiers of ``name``, ``short``, ``may_see``;
    ``NO_ORDER`` for a case with no protective order (no tiers: nothing can be designated)."""
    if dict(data) == NO_ORDER:
        return ProtectiveOrder(docket="", tiers=())
    raw_tiers = data.get("tiers")
    if not isinstance(raw_tiers, Sequence) or not raw_tiers:
        raise RuleViolation("protective order has no tiers")
    tiers = []
    for raw in raw_tiers:
        if not isinstance(raw, Mapping) or "name" not in raw:
            raise RuleViolation(f"protective order tier is not a mapping with a name: {raw!r}")
        name = str(raw["name"])
        tiers.append(
            Tier(
                name=name,
                short=str(raw.get("short", name)),
                admits=frozenset(str(c) for c in raw.get("may_see", ())),
            )
        )
    second = data.get("second_factor") or {}
    if not isinstance(second, Mapping):
        raise RuleViolation(f"second_factor is not a mapping of sides and tiers: {second!r}")
    sides, shorts = second.get("sides", ()), second.get("tiers", ())
    for listed in (sides, shorts):
        if not isinstance(listed, Sequence) or isinstance(listed, str):
            raise RuleViolation(f"second_factor lists are not lists: {listed!r}")
    signing = data.get("acknowledgment_required", ())
    if not isinstance(signing, Sequence) or isinstance(signing, str):
        raise RuleViolation(f"acknowledgment_required is not a list: {signing!r}")
    return ProtectiveOrder(
        docket=str(data.get("docket", "")),
        tiers=tuple(tiers),
        survives_final_disposition=bool(data.get("survives_final_disposition", True)),
        categories_needing_acknowledgment=frozenset(str(c) for c in signing),
        second_factor_sides=frozenset(str(x) for x in sides),
        second_factor_tiers=frozenset(str(x) for x in shorts),
    )


def _norm(label: str) -> str:
    return " ".join(label.replace("\u2013", "-").replace("\u2019", "'").lower().split())
