"""Waiver in an order: where a sentence holds a privilege waived, where granting the
receiving side's motion against a claw-back holds it so, and where a motion to compel answered
only by waiver is granted. Part of `clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from clawback.domain.order_acts import ASSUMED
from clawback.domain.order_draft import Ruling, RulingKey
from clawback.domain.order_words import Found, OrderWords
from clawback.domain.outcomes import Result

__all__ = ["granted_by_waiver", "sought_against_clawback", "waived_by_grant", "waiver_held"]

_AGAINST_CLAWBACK = frozenset({"clawback", "compel"})

_NEGATED = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+){0,2}$|\bnot\s+(?:been\s+)?$", re.I)
_CLAWED = re.compile(r"\bclaw(?:ed|ing)?[\s-]?back\b", re.I)


def waiver_held(words: OrderWords, sentence: str, outcomes: Sequence[Found]) -> str | None:
    """What a holding of waiver in ``sentence`` rules on: the privilege of the documents
    ("this Court agrees that Defendant's conduct waived the privilege"), not the motion,
    when the sentence names what is waived (data: waivable); None when it holds none, or
    only reports a party's argument or request (data: contentions, requests) or rules on
    the motion first ("DENIED to the extent it seeks an order concluding ... waived")."""
    for i, found in enumerate(outcomes):
        if found.label != "waived" or _NEGATED.search(sentence, 0, found.start):
            continue
        said_before = sentence[: found.start]
        if i or words.requests.find(said_before) or words.contentions.find(said_before):
            return None  # "DENIED to the extent it seeks ... waived", "argues ... waived"
        near = sentence[max(0, found.start - 60) : found.end + 60]
        waived = words.waivable.find(near)
        if waived:
            return "the " + near[waived[0].start : waived[0].end].lower() + " claimed"
    return None


def sought_against_clawback(words: OrderWords, flat: Sequence[str]) -> bool:
    """Whether the order speaks of a claw-back and of relief against it (data:
    against_clawback: "Motion to Dedesignate Privileged Document", "re-produce")."""
    return any(words.against_clawback.find(s) for s in flat) and any(
        _CLAWED.search(s) for s in flat
    )


def waived_by_grant(
    words: OrderWords, rulings: Mapping[RulingKey, Ruling], flat: Sequence[str]
) -> list[Ruling]:
    """The privilege held waived when the court grants, whole, the receiving side's motion
    against a claw-back (data: against_clawback) in an order that speaks of one, and rules on
    no document of it: "the Court will grant the Motion [to Dedesignate]"."""
    if not sought_against_clawback(words, flat):
        return []
    ruled = {motion for motion, _, x, d in rulings if x is not None or d is not None}
    return [
        replace(whole, outcome=Result.waived, document="the privilege claimed", reason=None)
        for (motion, _, exhibit, document), whole in rulings.items()
        if exhibit is None
        and document is None
        and motion in _AGAINST_CLAWBACK
        and motion not in ruled
        and whole.outcome is Result.granted
    ]


def granted_by_waiver(rulings: Mapping[RulingKey, Ruling], numbered: Sequence[str]) -> list[Ruling]:
    """A motion to compel ruled on only by holding the privilege waived over the exhibits it
    asks for ("plaintiffs waived any claim to privilege over these documents — identified as
    Exhibits 88, 89, and 90"): the motion is granted, under the one number the order gives a
    motion (``numbered``), if it gives one."""
    parts = [r for (m, _, x, d), r in rulings.items() if m == "compel" and (x or d)]
    wholes = [k for k in rulings if k[0] == "compel" and k[2] is k[3] is None]
    if not parts or wholes or any(r.outcome is not Result.waived or not r.exhibit for r in parts):
        return []
    if any(motion == "clawback" for motion, _, _, _ in rulings):
        return []  # the waiver answers the producing side's claw-back, not a motion to compel
    docket = numbered[0] if len(numbered) == 1 else None
    whole = replace(parts[0], exhibit=None, document=None, part=None, docket=docket)
    return [replace(whole, outcome=Result.granted, confidence=ASSUMED, reason=None)]
