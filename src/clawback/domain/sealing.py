"""Sealing decisions per exhibit, under the Ninth Circuit's standards.

The presumption of public access (Nixon v. Warner Commc'ns, 435 U.S. 589 (1978)) yields to *good
cause* (FRCP 26(c)) for records attached to non-dispositive motions and to *compelling reasons*
for dispositive ones (Kamakana v. City & Cnty. of Honolulu, 447 F.3d 1172, 1179-80 (9th Cir.
2006)); the test is whether the motion is more than tangentially related to the merits, not its
label (Ctr. for Auto Safety v. Chrysler Grp., 809 F.3d 1092 (9th Cir. 2016)). Information already
in the public domain cannot be sealed (Kamakana at 1184).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from clawback.domain.documents import Exhibit


class MotionKind(StrEnum):
    dispositive = "dispositive"
    non_dispositive = "non_dispositive"


class Standard(StrEnum):
    good_cause = "good_cause"
    compelling_reasons = "compelling_reasons"


PUBLIC_DOMAIN = (
    "already publicly available; information in the public domain cannot be sealed "
    "(Kamakana, 447 F.3d at 1184)"
)


@dataclass(frozen=True)
class MotionToSeal:
    """A motion to file exhibits under seal, and what it accompanies."""

    docket: str
    exhibits: tuple[int, ...]
    kind: MotionKind
    joint: bool = False
    more_than_tangential: bool | None = None  # Center for Auto Safety: overrides the label

    @property
    def standard(self) -> Standard:
        if self.more_than_tangential is not None:
            related = self.more_than_tangential
        else:
            related = self.kind is MotionKind.dispositive
        return Standard.compelling_reasons if related else Standard.good_cause


@dataclass(frozen=True)
class SealDecision:
    exhibit: int
    sealed: bool
    standard: Standard
    reason: str


def decide(
    motion: MotionToSeal, exhibits: Iterable[Exhibit], standard_met: bool, reason: str = ""
) -> list[SealDecision]:
    """The ruling per exhibit: sealed when the standard is met, never when already public."""
    standard = motion.standard
    wanted = set(motion.exhibits)
    met = reason or f"{standard.replace('_', ' ')} shown for sealing"
    decisions = []
    for exhibit in exhibits:
        if exhibit.number not in wanted:
            continue
        if exhibit.publicly_available:
            decisions.append(SealDecision(exhibit.number, False, standard, PUBLIC_DOMAIN))
        elif standard_met:
            decisions.append(SealDecision(exhibit.number, True, standard, met))
        else:
            not_met = f"{standard.replace('_', ' ')} not shown"
            decisions.append(SealDecision(exhibit.number, False, standard, not_met))
    return decisions
