"""What an order requires to be done, by when: its directives turned into dated acts.

The reference order's paragraphs 5 and 6 give three acts, each within 14 days: lodge the sealed
exhibits under seal (redacted for privilege), file the same on the public docket with the
confidential information redacted, and file the exhibits that were not sealed. The act's words
are drawn from the sealing decisions, so they name exactly the exhibits and Bates ranges that
the record holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clawback.domain.bates import format_ranges
from clawback.domain.deadlines import Deadline, Service, compute
from clawback.domain.documents import Exhibit
from clawback.domain.errors import RuleViolation
from clawback.domain.exhibit_ids import exhibit_label
from clawback.domain.sealing import SealDecision


class Act(StrEnum):
    lodge_sealed = "lodge_sealed"
    file_public_redacted = "file_public_redacted"
    file_public = "file_public"


@dataclass(frozen=True)
class Directive:
    """One thing an order directs, within a number of days of the order."""

    paragraph: str
    within_days: int
    act: Act


def deadlines(
    directives: Sequence[Directive],
    order_date: date,
    exhibits: Sequence[Exhibit],
    decisions: Sequence[SealDecision],
    *,
    service: Service = Service.electronic,
    state: str | None = None,
    closures: Sequence[date] = (),
) -> list[Deadline]:
    """The dated acts an order's directives require, worded from the sealing decisions;
    ``closures``: the court's own closures (FRCP 6(a)(3))."""
    result = []
    for directive in directives:
        due = compute(
            order_date,
            directive.within_days,
            service=service,
            state=state,
            extra_holidays=closures,
        )
        text = _wording(directive.act, cited(directive.act, exhibits, decisions))
        source = f"order of {order_date.isoformat()}, para. {directive.paragraph}"
        result.append(Deadline(text, due, order_date, directive.within_days, source))
    return result


#: The act of filing the sealed exhibits redacted, worded as the reference order words it (after
#: the act that lodges them): it names no exhibit.
SAME_REDACTED = (
    "file the same exhibits on the public docket with the confidential information redacted"
)


def cited(
    act: Act, exhibits: Sequence[Exhibit], decisions: Sequence[SealDecision]
) -> list[Exhibit]:
    """The exhibits ``act`` is done to: the sealed ones (lodged under seal, then filed
    redacted), or those left unsealed (filed on the public docket)."""
    sealed = act is not Act.file_public
    return [e for e in exhibits if any(d.exhibit == e.number and d.sealed == sealed
                                       for d in decisions)]  # fmt: skip


def _wording(act: Act, exhibits: Sequence[Exhibit]) -> str:
    if act is Act.lodge_sealed:
        return f"lodge under seal {cite(exhibits)}, redacted for privilege"
    if act is Act.file_public_redacted:
        return SAME_REDACTED
    if not exhibits:
        raise RuleViolation("the order directs a public filing but no exhibit was left unsealed")
    return f"file {cite(exhibits)} on the public docket"


def cite(exhibits: Sequence[Exhibit]) -> str:
    """Exhibits as an act's words name them: their labels, then their Bates ranges."""
    if not exhibits:
        raise RuleViolation("the order directs a filing under seal but no exhibit was sealed")
    ordered = sorted(exhibits, key=lambda e: e.number)
    runs = exhibit_label(e.identifier for e in ordered)
    return f"{runs} ({format_ranges([e.bates for e in ordered])})"
