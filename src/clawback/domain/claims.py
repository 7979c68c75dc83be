"""Privilege claims, their lifecycle, the court's rulings and what the rulings do to exhibits
and filed papers.

A claim (a claw-back notice under FRCP 26(b)(5)(B)) names whole exhibits or items on them, and
filed papers (``ECF No. 101-33``, ``domain.pinpoints``) whole or items on them: a brief or a
declaration's exhibit that quotes privileged material. The court rules per claim, in any of
the outcomes of ``domain.outcomes``: *granted* (for the whole of what was claimed, or for named
items), *denied*, *granted in part* (for named items, denied for the rest), waived, moot, and
the rest. A ruling amended later is a new dated ruling: the history keeps both and the latest
governs. The effect per exhibit is what the record acts on:
withheld, redacted item by item, still sequestered, or released; per filed paper the same
(``paper_effects``), by the same rule.

Who a claim withholds from. The privilege holder is the side that claims (the producing seat
gives the notice; on a motion to compel it is still the producing seat that asserts the
privilege): the material is withheld from the *receiving side*, the side that is not claiming,
and from anyone outside the case. For a filed paper this holds whoever filed it: the receiving
side's own opposition brief quoting a privileged e-mail is sequestered from it in the quoted
lines. While a claim is pending, what it specifies is sequestered (FRCP 26(b)(5)(B): "the
specified information"): a produced exhibit whole (the receiving side holds a copy of the
production, and the record sequesters the document), a filed paper's named items (the rest of
the paper is the parties' argument on the docket, not the claimed material), or the paper whole
when the claim names no item of it. The claimant and the court see everything meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from clawback.domain.documents import Exhibit, find_exhibit
from clawback.domain.errors import RuleViolation
from clawback.domain.order import Side
from clawback.domain.outcomes import ACCESS, MAY_NAME_ITEMS, NAMES_ITEMS, Access, Result
from clawback.domain.pinpoints import FiledPaper

__all__ = ["Result"]  # re-exported: claims and their outcomes are used together


class Privilege(StrEnum):
    """The basis a claim asserts: a privilege, or FRCP 5.2(a)'s personal identifiers (a Social
    Security number to its last four digits, a birth date to its year, ...)."""

    law_enforcement = "law_enforcement"
    attorney_client = "attorney_client"
    work_product = "work_product"
    deliberative_process = "deliberative_process"
    personal_identifiers = "personal_identifiers"


#: What a redaction box reads, per basis: the label a reader of the filing sees.
BOX_LABELS: dict[Privilege, str] = {
    Privilege.law_enforcement: "REDACTED - LAW ENFORCEMENT PRIVILEGE",
    Privilege.attorney_client: "REDACTED - ATTORNEY-CLIENT PRIVILEGE",
    Privilege.work_product: "REDACTED - ATTORNEY WORK PRODUCT",
    Privilege.deliberative_process: "REDACTED - DELIBERATIVE PROCESS PRIVILEGE",
    Privilege.personal_identifiers: "REDACTED - FRCP 5.2(a)",
}


class Request(StrEnum):
    """How the privilege dispute came before the court: the producing side's request to claw
    back what it produced (FRCP 26(b)(5)(B)), or the receiving side's motion to compel what the
    producing side withholds or redacts (FRCP 37(a)). The court rules on the privilege either
    way; the order words its disposition as the motion's."""

    clawback = "clawback"
    compel = "compel"


class Scope(StrEnum):
    document = "document"
    page = "page"
    item = "item"


class State(StrEnum):
    """Where a claim stands under FRCP 26(b)(5)(B), in the order a claim usually moves."""

    noticed = "noticed"  # the producing side gave notice; the material is sequestered at once
    sequestered = "sequestered"  # the receiving side certified return, sequestration or destruction
    submitted = "submitted"  # the receiving side presented it to the court under seal
    preserved = "preserved"  # the producing side certified it preserves the material
    under_review = "under_review"  # the court has it under (in camera) review
    ruled = "ruled"
    applied = "applied"  # the ruling's effect is in the files: released, redacted or withheld
    replaced = "replaced"  # the producing side served the replacement production
    withdrawn = "withdrawn"


PENDING = frozenset(
    {State.noticed, State.sequestered, State.submitted, State.preserved, State.under_review}
)

# The court may rule on a pending claim whenever it is before it; the receiving side's
# certification, its presentation under seal and the producing side's preservation each come
# at most once, in this order, and each may be skipped (rule 26(b)(5)(B) makes presentation
# optional, and a court need not wait for a certificate before it rules).
_NEXT: dict[State, frozenset[State]] = {
    State.noticed: frozenset(PENDING - {State.noticed} | {State.ruled, State.withdrawn}),
    State.sequestered: frozenset(
        {State.submitted, State.preserved, State.under_review, State.ruled, State.withdrawn}
    ),
    State.submitted: frozenset({State.preserved, State.under_review, State.ruled, State.withdrawn}),
    State.preserved: frozenset({State.under_review, State.ruled, State.withdrawn}),
    State.under_review: frozenset({State.ruled, State.withdrawn}),
    State.ruled: frozenset({State.applied}),
    State.applied: frozenset({State.replaced}),
    State.replaced: frozenset(),
    State.withdrawn: frozenset(),
}

# Who may make each move: the receiving side certifies and presents, the producing side gives
# notice, preserves, replaces and withdraws, the court reviews and rules; applying a ruling is
# record-keeping that the producing side or the court does when the filings are made.
SEATS: dict[State, frozenset[Side]] = {
    State.noticed: frozenset({Side.producing}),
    State.sequestered: frozenset({Side.receiving}),
    State.submitted: frozenset({Side.receiving}),
    State.preserved: frozenset({Side.producing}),
    State.under_review: frozenset({Side.court}),
    State.ruled: frozenset({Side.court}),
    State.applied: frozenset({Side.producing, Side.court}),
    State.replaced: frozenset({Side.producing}),
    State.withdrawn: frozenset({Side.producing}),
}


def moves(current: State, seat: Side | None = None) -> list[State]:
    """The moves a claim may make from ``current`` that ``seat`` may make (``seat`` None: the
    operator), in the lifecycle's order; ``applied`` is left out: a filing makes it."""
    return [
        to
        for to in State
        if to in _NEXT[current] and to is not State.applied and (seat is None or seat in SEATS[to])
    ]


class Certified(StrEnum):
    """What the receiving side certifies it did with the claimed material (26(b)(5)(B))."""

    returned = "returned"
    sequestered = "sequestered"
    destroyed = "destroyed"


def transition(claim_id: str, current: State, to: State, seat: Side | None = None) -> State:
    """The claim's next state, if the lifecycle allows the move and ``seat`` may make it
    (``seat`` None: the workspace's operator, who acts for every side)."""
    if to not in _NEXT[current]:
        raise RuleViolation(f"claim {claim_id!r} cannot go from {current} to {to}")
    if seat is not None and seat not in SEATS[to]:
        allowed = " or ".join(sorted(SEATS[to]))
        raise RuleViolation(
            f"claim {claim_id!r}: the {seat} side may not move it to {to} (only {allowed})"
        )
    return to


def check_dated(claim_id: str, to: State, on: date | None, last: date | None) -> None:
    """A move may not be dated before the move it follows."""
    if on is not None and last is not None and on < last:
        raise RuleViolation(f"claim {claim_id!r}: {to} on {on} is before the last move ({last})")


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
    learned_on: date | None = None  # when the producing side learned of the disclosure
    request: Request = Request.clawback
    #: Filed papers the claim names, by docket entry (``101-33``), whole or by ``items``.
    papers: tuple[str, ...] = ()

    @property
    def scope(self) -> Scope:
        return Scope.item if self.items else Scope.document

    @property
    def pending(self) -> bool:
        return self.state in PENDING

    def advance(self, to: State, seat: Side | None = None) -> Claim:
        return replace(self, state=transition(self.id, self.state, to, seat))


@dataclass(frozen=True)
class Ruling:
    """The court's decision on one claim; ``items`` names what was granted when not everything;
    ``reason`` is the court's own words, kept as stated."""

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
    basis: tuple[Privilege, ...] = ()  # per item of ``redact``: the basis the ruling upheld

    def label(self, item: str) -> str:
        """What the box over ``item`` reads: the basis of the claim the ruling granted."""
        return BOX_LABELS[dict(zip(self.redact, self.basis, strict=True))[item]]


@dataclass(frozen=True)
class PaperEffect:
    """What the claims and rulings do to one filed paper: as ``Effect``, and ``hidden``, the
    items a pending claim names, withheld from the receiving side until it is resolved."""

    docket: str
    outcome: Result | None
    withheld: bool
    redact: tuple[str, ...]
    pending: bool = False  # a pending claim names the paper whole: sequestered whole
    basis: tuple[Privilege, ...] = ()
    hidden: tuple[str, ...] = ()

    def label(self, item: str) -> str:
        return BOX_LABELS[dict(zip(self.redact, self.basis, strict=True))[item]]


def applied_outcome(claim: Claim, ruling: Ruling) -> str:
    """What applying a ruling does to the claimed material: released, still sequestered,
    redacted or withheld."""
    access = ACCESS[ruling.result]
    if access is not Access.protected:
        return access.value
    if _withholds_whole(claim, ruling):
        return "withheld"
    return "redacted"


def _withholds_whole(claim: Claim, ruling: Ruling) -> bool:
    protects = ACCESS[ruling.result] is Access.protected
    return (
        protects
        and ruling.result is not Result.granted_in_part
        and not ruling.items
        and (claim.scope is Scope.document)
    )


def governing(rulings: Iterable[Ruling]) -> dict[str, Ruling]:
    """The ruling in force per claim: rulings come in the order the court gave them, and an
    amendment, a later ruling on the same claim, governs from its date."""
    return {r.claim: r for r in rulings}


def check_amendment(earlier: Ruling, later: Ruling) -> None:
    """An amending ruling is dated, and not before the ruling it amends."""
    if later.on is None:
        raise RuleViolation(f"claim {later.claim!r} is ruled on already: date the amended ruling")
    if earlier.on is not None and later.on < earlier.on:
        raise RuleViolation(
            f"claim {later.claim!r}: an amended ruling on {later.on} is before the ruling it "
            f"amends ({earlier.on})"
        )


def check_ruling(
    claim: Claim, ruling: Ruling, exhibits: Sequence[Exhibit], papers: Sequence[FiledPaper] = ()
) -> None:
    """A ruling may grant only what the claim covers."""
    if ruling.claim != claim.id:
        raise RuleViolation(f"ruling for {ruling.claim!r} given to claim {claim.id!r}")
    if ruling.items and ruling.result not in MAY_NAME_ITEMS:
        word = ruling.result.value.replace("_", " ")
        raise RuleViolation(f"ruling on {claim.id!r} ({word}) grants nothing, yet names items")
    if ruling.result in NAMES_ITEMS and not ruling.items:
        raise RuleViolation(f"ruling on {claim.id!r} is granted in part but names no item")
    covered = _covered_items(claim, exhibits, papers)
    for item in ruling.items:
        if item not in covered:
            raise RuleViolation(f"ruling on {claim.id!r} grants item {item!r} it does not claim")


K = TypeVar("K", int, str)  # what a claim names: an exhibit's ordinal, a docket entry


@dataclass
class _Standing:
    """What the claims over one target (an exhibit, a filed paper) came to, as they are found."""

    results: list[Result]
    pending: bool = False  # a pending claim (or one ruled with nothing released) names it
    pending_whole: bool = False  # ... and names no item of it
    hidden: set[str] | None = None  # the items pending claims name on it
    withheld: bool = False


def _standings(
    targets: Mapping[K, frozenset[str]],
    claimed: Callable[[Claim], tuple[K, ...]],
    claims: Iterable[Claim],
    rulings: Iterable[Ruling],
    check: Callable[[Claim, Ruling], None],
) -> tuple[dict[K, _Standing], dict[str, Privilege]]:
    """The one rule of what claims and rulings do, per target (its key and its items' ids):
    what each ruled claim came to there, what is pending, and the items granted with their
    basis. ``effects`` and ``paper_effects`` read it for exhibits and for filed papers."""
    by_claim = governing(rulings)
    found: dict[K, _Standing] = {}
    redact: dict[str, Privilege] = {}
    for claim in claims:
        ruling = by_claim.get(claim.id)
        if claim.state is State.withdrawn or not claimed(claim):
            continue  # withdrawn, or it names none of these kinds of target
        if ruling is None or ACCESS[ruling.result] is Access.sequestered:
            for key in claimed(claim):
                here = found.setdefault(key, _Standing([]))
                here.pending = True
                named = targets.get(key, frozenset()) & set(claim.items)
                if claim.items and named:
                    here.hidden = (here.hidden or set()) | named
                else:
                    here.pending_whole = True
                if ruling is not None:
                    here.results.append(ruling.result)
            continue
        check(claim, ruling)
        granted_items = _granted_items(claim, ruling)
        whole = _withholds_whole(claim, ruling)
        for key in claimed(claim):
            here = found.setdefault(key, _Standing([]))
            on_target = targets.get(key, frozenset())
            mine = on_target & granted_items
            claimed_here = on_target & set(claim.items) if claim.items else on_target
            result: Result
            if whole:
                here.withheld = True
                result = Result.granted
            elif not mine:  # released as ruled (denied, waived, withdrawn), or not granted here
                protects = ACCESS[ruling.result] is Access.protected
                result = Result.denied if protects else ruling.result
            elif mine >= claimed_here and claim.scope is Scope.item:
                result = Result.granted
            else:
                result = Result.granted_in_part
            redact.update(dict.fromkeys(mine, claim.privilege))
            here.results.append(result)
    return found, redact


def _outcome(standing: _Standing | None) -> Result | None:
    results = set(standing.results) if standing else set()
    if not results or standing is None:
        return None
    if standing.withheld or results == {Result.granted}:
        return Result.granted
    if len(results) == 1:
        (outcome,) = results
        return outcome
    if all(ACCESS[r] is not Access.protected for r in results):
        return Result.denied  # released or sequestered by differing rulings: nothing kept
    return Result.granted_in_part


def effects(
    exhibits: Sequence[Exhibit], claims: Iterable[Claim], rulings: Iterable[Ruling]
) -> dict[int, Effect]:
    """Per exhibit: withheld whole, redacted for named items, sequestered, released, or never
    claimed."""
    targets = {e.number: frozenset(i.id for i in e.items) for e in exhibits}

    def check(claim: Claim, ruling: Ruling) -> None:
        if not claim.papers:  # one naming papers too is checked with them (``paper_effects``)
            check_ruling(claim, ruling, exhibits)

    found, redact = _standings(targets, lambda c: c.exhibits, claims, rulings, check)
    result: dict[int, Effect] = {}
    for exhibit in exhibits:
        standing = found.get(exhibit.number)
        items = tuple(i.id for i in exhibit.items if i.id in redact)
        result[exhibit.number] = Effect(
            exhibit.number,
            _outcome(standing),
            bool(standing and standing.withheld),
            items,
            bool(standing and standing.pending),
            tuple(redact[i] for i in items),
        )
    return result


def paper_effects(
    papers: Sequence[FiledPaper],
    exhibits: Sequence[Exhibit],
    claims: Iterable[Claim],
    rulings: Iterable[Ruling],
) -> dict[str, PaperEffect]:
    """Per filed paper, by the rule ``effects`` applies to exhibits: withheld whole, redacted
    for named items, released, or never claimed; while a claim is pending, sequestered whole
    (it names the paper) or in the items it names (``hidden``)."""
    targets = {p.docket: frozenset(i.id for i in p.items) for p in papers}
    found, redact = _standings(
        targets,
        lambda c: c.papers,
        claims,
        rulings,
        lambda c, r: check_ruling(c, r, exhibits, papers),
    )
    result: dict[str, PaperEffect] = {}
    for paper in papers:
        standing = found.get(paper.docket)
        items = tuple(i.id for i in paper.items if i.id in redact)
        hidden = standing.hidden if standing and standing.hidden else set()
        result[paper.docket] = PaperEffect(
            paper.docket,
            _outcome(standing),
            bool(standing and standing.withheld),
            items,
            bool(standing and standing.pending_whole),
            tuple(redact[i] for i in items),
            tuple(i.id for i in paper.items if i.id in hidden and i.id not in redact),
        )
    return result


def _granted_items(claim: Claim, ruling: Ruling) -> set[str]:
    if ACCESS[ruling.result] is not Access.protected:
        return set()
    if ruling.items:
        return set(ruling.items)
    return set(claim.items)


def _covered_items(
    claim: Claim, exhibits: Sequence[Exhibit], papers: Sequence[FiledPaper] = ()
) -> set[str]:
    if claim.items:
        return set(claim.items)
    on_exhibits = {i.id for n in claim.exhibits for i in find_exhibit(exhibits, n).items}
    return on_exhibits | {i.id for p in papers if p.docket in claim.papers for i in p.items}


# FRE 502(b) keeps an inadvertent disclosure from waiving the privilege only if the holder
# "promptly took reasonable steps to rectify the error" (502(b)(3)). Neither the rule nor FRCP
# 26(b)(5)(B) gives a number of days; courts weigh the delay case by case. A claw-back noticed
# later than this many days after production (or after the producing side learned of the
# disclosure, when it says when) is still accepted but flagged; a protective order's
# ``clawback.late_after_days`` replaces the default.
LATE_AFTER_DAYS = 30


@dataclass(frozen=True)
class Lateness:
    """Why a claw-back notice may not have been prompt under FRE 502(b)(3)."""

    days: int
    since: date
    counted_from: str  # "production", "filing" or "learning of the disclosure"
    threshold: int

    def __str__(self) -> str:
        return (
            f"late: noticed {self.days} days after {self.counted_from} on {self.since} "
            f"(threshold {self.threshold} days); FRE 502(b)(3) asks whether the holder "
            '"promptly took reasonable steps to rectify the error"'
        )


def lateness(
    noticed_on: date | None,
    produced_on: date | None,
    learned_on: date | None = None,
    threshold: int = LATE_AFTER_DAYS,
    disclosed_by: str = "production",
) -> Lateness | None:
    """The lateness flag for a notice, or None when it came within ``threshold`` days (or
    when a date it needs is unknown). The clock runs from when the producing side learned of
    the disclosure if it says so, else from the disclosure on ``produced_on``: the production,
    or (``disclosed_by="filing"``) the day a filed paper disclosing it was filed."""
    if threshold < 0:
        raise RuleViolation(f"a lateness threshold cannot be negative: {threshold} days")
    since, counted_from = (
        (learned_on, "learning of the disclosure")
        if learned_on is not None
        else (produced_on, disclosed_by)
    )
    if noticed_on is None or since is None:
        return None
    days = (noticed_on - since).days
    if days <= threshold:
        return None
    return Lateness(days, since, counted_from, threshold)


# The deadlines the lifecycle starts. FRCP 26(b)(5)(B) says the receiving side must act
# "promptly" and sets no number of days; a protective order's ``clawback.promptly_days``
# gives one, else this default (a common figure in stipulated orders). The replacement
# production's period after a ruling works the same way (``clawback.replacement_days``).
PROMPTLY_DAYS = 5
REPLACEMENT_DAYS = 14


@dataclass(frozen=True)
class ClawbackTerms:
    """The protective order's claw-back periods, with the documented defaults."""

    promptly_days: int = PROMPTLY_DAYS
    replacement_days: int = REPLACEMENT_DAYS
    late_after_days: int = LATE_AFTER_DAYS
    source: str = "clawback default"


def terms_from_order(order: Mapping[str, object]) -> ClawbackTerms:
    """The ``clawback`` section of a protective order's data, or the defaults."""
    raw = order.get("clawback") or {}
    if not isinstance(raw, Mapping):
        raise RuleViolation(f"protective order 'clawback' is not a mapping: {raw!r}")
    values: dict[str, int] = {}
    for key in ("promptly_days", "replacement_days", "late_after_days"):
        if key in raw:
            value = raw[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise RuleViolation(
                    f"protective order clawback.{key} is not a day count: {value!r}"
                )
            values[key] = value
    docket = str(order.get("docket", "") or "")
    source = f"protective order, Dkt. {docket}" if values and docket else "protective order"
    return ClawbackTerms(**values, source=source if values else ClawbackTerms.source)
