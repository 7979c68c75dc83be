"""Acts an order sets: who must do what, within a number of days or by a date the court fixes.

Orders on privilege and sealing end with acts besides filing: a supplemental submission and the
other side's response, a stipulated set of proposed redactions, an amended application to seal,
a joint status report. Each has a party, a free description in the order's own words, and
*either* a period counted under FRCP 6(a) from a trigger (the order, usually) *or* a date the
court fixes ("on or before June 17, 2021"), which is due that day as written: 6(a) counts
periods, it does not move a date a court sets.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clawback.domain.deadlines import Deadline, Service, compute
from clawback.domain.errors import InvalidInput
from clawback.domain.typed import typed


class ActKind(StrEnum):
    supplemental_submission = "supplemental_submission"
    supplemental_response = "supplemental_response"
    stipulated_redactions = "stipulated_redactions"  # a stipulated set of proposed redactions
    amended_application = "amended_application"  # to seal, after a denial without prejudice
    joint_status_report = "joint_status_report"
    other = "other"


class Party(StrEnum):
    """Whose act: one side, or the parties together (a joint report, a stipulation)."""

    producing = "producing"
    receiving = "receiving"
    both = "both"


JOINT_BY_NATURE = frozenset({ActKind.stipulated_redactions, ActKind.joint_status_report})


@dataclass(frozen=True)
class OrderedAct:
    """One act an order sets. Exactly one of ``days`` (counted from ``trigger``) and ``by``."""

    party: Party
    kind: ActKind
    what: str
    trigger: date  # the order's date (or the event the period runs from)
    days: int | None = None
    by: date | None = None
    source: str = ""

    def __post_init__(self) -> None:
        typed("an act's words", self.what)
        if not self.what.strip():
            raise InvalidInput(f"{self.kind.value.replace('_', ' ')}: describe the act")
        if (self.days is None) == (self.by is None):
            raise InvalidInput(
                f"act {self.what!r}: give either a number of days or the date the court fixed"
            )
        if self.days is not None and self.days < 0:
            raise InvalidInput(f"act {self.what!r}: a period cannot be negative ({self.days})")
        if self.by is not None and self.by < self.trigger:
            raise InvalidInput(
                f"act {self.what!r}: due {self.by}, before the order ({self.trigger})"
            )
        if self.kind in JOINT_BY_NATURE and self.party is not Party.both:
            raise InvalidInput(f"act {self.what!r}: a {self.kind.value.replace('_', ' ')} is joint")

    def deadline(
        self,
        *,
        service: Service = Service.electronic,
        state: str | None = None,
        closures: Collection[date] = (),
    ) -> Deadline:
        """The act as a deadline: its period counted under FRCP 6(a) (and 6(d)), or the date the
        court fixed."""
        if self.by is not None:
            due = self.by
        else:
            assert self.days is not None
            try:
                due = compute(
                    self.trigger, self.days, service=service, state=state, extra_holidays=closures
                )
            except InvalidInput as refused:
                raise InvalidInput(f"act {self.what!r}: {refused}") from None
        return Deadline(
            act=self.what.strip().rstrip("."),
            due=due,
            trigger=self.trigger,
            days=self.days,
            source=self.source,
            party=self.party.value,
            kind=self.kind.value,
        )
