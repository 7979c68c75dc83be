"""What a court can rule on a privilege claim, and what each outcome does to access.

Courts do not only grant or deny. The outcomes below are the ones their orders use; each is
stated here once with what it means for the claimed material, and every other part of
clawback (the effect per exhibit, access, the privilege log, the drafted order) asks this
module rather than comparing outcomes itself:

- *released*: the receiving side may use the material as produced (denied; waived under FRE
  502(b); withdrawn by the party that claimed it);
- *protected*: what the ruling grants is redacted (named items) or withheld (a whole document)
  (granted, granted in part, conditionally granted: the condition is a further act, entered as
  one, and the protection holds meanwhile);
- *sequestered*: nothing is released yet, so the receiving side keeps the material sequestered
  as FRCP 26(b)(5)(B) requires "until the claim is resolved" (moot: the court decided nothing
  on the privilege; denied without prejudice: the claim may be renewed; granted subject to a
  supplemental submission: the court rules again once it has the submission).
"""

from __future__ import annotations

from enum import StrEnum


class Result(StrEnum):
    granted = "granted"
    denied = "denied"
    granted_in_part = "granted_in_part"
    conditionally_granted = "conditionally_granted"
    granted_subject_to_supplement = "granted_subject_to_supplement"
    denied_without_prejudice = "denied_without_prejudice"
    waived = "waived"  # the privilege was waived (FRE 502(b) not met)
    moot = "moot"
    withdrawn = "withdrawn"  # the claim (or the redaction) was withdrawn before the court


class Access(StrEnum):
    """What an outcome does to the claimed material."""

    released = "released"
    protected = "protected"  # redacted item by item, or withheld whole
    sequestered = "sequestered"


ACCESS: dict[Result, Access] = {
    Result.granted: Access.protected,
    Result.granted_in_part: Access.protected,
    Result.conditionally_granted: Access.protected,
    Result.denied: Access.released,
    Result.waived: Access.released,
    Result.withdrawn: Access.released,
    Result.moot: Access.sequestered,
    Result.denied_without_prejudice: Access.sequestered,
    Result.granted_subject_to_supplement: Access.sequestered,
}

#: Outcomes that need the items they grant named (the rest of the claim is denied).
NAMES_ITEMS = frozenset({Result.granted_in_part})
#: Outcomes that may name items: those that protect something.
MAY_NAME_ITEMS = frozenset(r for r, a in ACCESS.items() if a is Access.protected)
#: Outcomes after which the claim's open duties are lifted: nothing is left to certify.
LIFTS_DUTIES = frozenset({Result.withdrawn, Result.moot})


def access(result: Result) -> Access:
    return ACCESS[result]


def words(result: Result) -> str:
    """The outcome as an order writes it: "GRANTED", "DENIED WITHOUT PREJUDICE"."""
    return {
        Result.granted_subject_to_supplement: "GRANTED subject to a supplemental submission",
        Result.waived: "DENIED: the privilege has been waived",
        Result.moot: "DENIED AS MOOT",
        Result.withdrawn: "WITHDRAWN",
    }.get(result, result.value.replace("_", " ").upper())
