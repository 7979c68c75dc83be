"""Sealing decisions per exhibit, under the Ninth Circuit's standards.

The presumption of public access (Nixon v. Warner Commc'ns, 435 U.S. 589 (1978)) yields to *good
cause* (FRCP 26(c)) for records attached to non-dispositive motions and to *compelling reasons*
for dispositive ones (Kamakana v. City & Cnty. of Honolulu, 447 F.3d 1172, 1179-80 (9th Cir.
2006)); the test is whether the motion is more than tangentially related to the merits, not its
label (Ctr. for Auto Safety v. Chrysler Grp., 809 F.3d 1092 (9th Cir. 2016)). Information already
in the public domain cannot be sealed (Kamakana at 1184).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from clawback.domain.deadlines import Deadline, compute
from clawback.domain.documents import Exhibit
from clawback.domain.errors import InvalidInput
from clawback.domain.seal_parts import MotionForm, Movant, SealPart, SealRequest, motion_title


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
    """A motion to file exhibits (or filed papers) under seal, and what it accompanies."""

    docket: str
    exhibits: tuple[int, ...]
    kind: MotionKind
    joint: bool = False
    more_than_tangential: bool | None = None  # Center for Auto Safety: overrides the label
    movant: Movant | None = None  # None: the producing side, or both when ``joint``
    request: SealRequest = SealRequest.seal
    papers: tuple[str, ...] = ()  # filed papers it names, by docket entry ("118-2")
    form: MotionForm = MotionForm.motion  # a noticed motion, or an administrative one

    def __post_init__(self) -> None:
        motion_title(self.form, self.request)  # refuses a form that asks the other way
        if self.form is not MotionForm.motion and self.movant is Movant.court:
            raise InvalidInput(
                f"motion Dkt. {self.docket}: the court's own motion is no administrative motion"
            )

    @property
    def title(self) -> str:
        """Its name as orders give it ("Administrative Motion to File Under Seal")."""
        return motion_title(self.form, self.request)

    @property
    def moved_by(self) -> Movant:
        if self.movant is not None:
            return self.movant
        return Movant.both if self.joint else Movant.producing

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
    #: Sealed in part: the public version removes only this (None: the whole exhibit).
    part: SealPart | None = None
    #: A condition the seal holds on ("proposed redactions due in 7 days"), word for word.
    condition: str = ""
    #: The exhibit as the court writes it ("A"); ``exhibit`` is the record's ordinal.
    written: str | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        """``Ex. 7``, ``Ex. A``: never the record's ordinal."""
        return f"Ex. {self.written or self.exhibit}"


def decide(
    motion: MotionToSeal,
    exhibits: Iterable[Exhibit],
    standard_met: bool,
    reason: str = "",
    part: SealPart | None = None,
    condition: str = "",
) -> list[SealDecision]:
    """The ruling per exhibit: sealed (whole, or in ``part``) when the standard is met, never
    when already public; the court's reason word for word. On a motion to unseal, granting it
    unseals and denying it leaves the seal in place."""
    standard = motion.standard
    wanted = set(motion.exhibits)
    met = reason or f"{standard.replace('_', ' ')} shown for sealing"
    decisions = []
    for exhibit in exhibits:
        if exhibit.number not in wanted:
            continue
        if motion.request is SealRequest.unseal:
            said = reason or ("unsealed" if standard_met else "the seal stays in place")
            decisions.append(SealDecision(exhibit.number, not standard_met, standard, said))
        elif exhibit.publicly_available:
            decisions.append(SealDecision(exhibit.number, False, standard, PUBLIC_DOMAIN))
        elif standard_met:
            decisions.append(
                SealDecision(exhibit.number, True, standard, met, part or None, condition)
            )
        else:  # the court's stated reason, word for word; a stock phrase only if it gave none
            not_met = reason or f"{standard.replace('_', ' ')} not shown"
            decisions.append(SealDecision(exhibit.number, False, standard, not_met))
        decisions[-1] = replace(decisions[-1], written=str(exhibit.identifier))
    return decisions


@dataclass(frozen=True)
class LocalRule:
    """A court's sealing procedure, as data (e.g. N.D. Cal. Civil L.R. 79-5)."""

    name: str
    court: str
    source: str
    public_redacted_version: bool
    highlighted_version: bool
    supporting_statement_days: int | None  # when the filer is not the designating party


def supporting_statement(
    rule: LocalRule,
    motion: MotionToSeal,
    filed_on: date,
    movant_designated: bool,
    exhibits: str,
    state: str | None = None,
    closures: Iterable[date] = (),
) -> Deadline | None:
    """The designating party's statement supporting a motion someone else filed, if due."""
    if movant_designated or rule.supporting_statement_days is None:
        return None
    days = rule.supporting_statement_days
    return Deadline(
        act=(
            f"file a statement supporting the sealing of {exhibits} "
            f"({motion.title.lower()}, Dkt. {motion.docket})"
        ),
        due=compute(filed_on, days, state=state, extra_holidays=frozenset(closures)),
        trigger=filed_on,
        days=days,
        source=rule.source,
        party="producing",  # the designating party: the movant did not designate
    )


def local_rule_from_data(name: str, data: Mapping[str, object]) -> LocalRule:
    days = data.get("supporting_statement_days")
    return LocalRule(
        name=name,
        court=str(data.get("court", "")),
        source=str(data.get("source", name)),
        public_redacted_version=bool(data.get("public_redacted_version", True)),
        highlighted_version=bool(data.get("highlighted_version", False)),
        supporting_statement_days=int(days) if isinstance(days, int) else None,
    )
