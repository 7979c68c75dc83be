"""Who is asking: the acting person as an explicit value, carried into every service call.

An ``Actor`` is built once per CLI call, web request or worker task (``service.Workspace``)
and travels in the ``service.Context`` every service receives; nothing in clawback reads the
person from anywhere else. It holds the person whose view applies, how they reached the record
(``via``), the tiers the protective order lets them see (computed once from the order), and,
for the operator's preview of someone's view (``clawback --as``), who is previewing.

The operator (whoever holds the workspace: the producing side's litigation support) is a seat
like the others, ``Side.operator``; what each seat may do is ``domain.seats``, what each may see
is ``domain.access``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clawback.domain.order import Person, ProtectiveOrder, Side


class Via(StrEnum):
    """How the actor reached the record (kept in every audit entry)."""

    api = "api"
    cli = "cli"
    web = "web"
    worker = "worker"


OPERATOR = Person("operator", "the workspace's operator", Side.operator, "operator")


@dataclass(frozen=True)
class Actor:
    """The person asking, their seat and tiers, and how they came in."""

    person: Person
    via: Via
    tiers: frozenset[str]
    preview_by: str | None = None  # the operator previewing this person's view: reads only
    #: Admitted to every tier of the order: no designation withholds any of their own side's
    #: documents from them, so its control numbers, which count them all, tell them nothing
    #: (``service.control_names``). A property of the person and the order, never of a
    #: document, so no re-designation changes how they name one.
    every_tier: bool = False

    @property
    def seat(self) -> Side:
        return self.person.side

    @property
    def category(self) -> str:
        return self.person.category

    @property
    def previewing(self) -> bool:
        return self.preview_by is not None

    @property
    def name(self) -> str:
        """Who the audit trail names: the person, or the operator and whose view they took."""
        if self.preview_by is not None:
            return f"{self.preview_by} (preview as {self.person.email})"
        return self.person.email

    def __str__(self) -> str:
        return f"{self.name} ({self.seat} side)" if self.seat is not Side.operator else self.name


def actor(person: Person, order: ProtectiveOrder | None, via: Via) -> Actor:
    """The actor for ``person`` under ``order`` (None before a case is loaded: no tiers)."""
    if person.side in (Side.operator, Side.producing, Side.court):
        tiers = frozenset(t.short for t in order.tiers) if order else frozenset()
    elif person.side is Side.public or order is None:
        tiers = frozenset()
    else:
        tiers = order.admitted_tiers(person)
    every = order is None or {t.short for t in order.tiers} <= tiers
    return Actor(person, via, tiers, every_tier=every and person.side is not Side.public)


def operator(order: ProtectiveOrder | None, via: Via) -> Actor:
    return actor(OPERATOR, order, via)


def preview(person: Person, order: ProtectiveOrder | None, by: str = "operator") -> Actor:
    """The operator's preview of what ``person`` would see: read-only, audited as the operator."""
    seen = actor(person, order, Via.cli)
    return Actor(seen.person, seen.via, seen.tiers, preview_by=by, every_tier=seen.every_tier)
