"""Waiver in an order: where a sentence holds a privilege waived, and where granting the
receiving side's motion against a claw-back holds it so. Part of
`clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from clawback.domain.order_words import Found, OrderWords

__all__ = ["sought_against_clawback", "waiver_held"]

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
