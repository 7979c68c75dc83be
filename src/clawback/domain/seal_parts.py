"""What a seal ruling orders redacted in the public version, short of sealing a whole exhibit.

Courts seal in part ("hourly rates public, discount rates redacted"): the exhibit is lodged
under seal complete and filed publicly with only the named parts removed. A part is named by
items (``claim``'s items, by id), by patterns (regular expressions over the page's text, e.g.
``discount rate: \\d+%``) and by the privacy redactions of FRCP 5.2(a), which leave a stated
remainder in place (``domain.privacy`` finds them). Nothing here touches a file: the filing
(``service.filing``) carries the parts out through the redaction gate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from clawback.domain.errors import InvalidInput
from clawback.domain.privacy import PRIVACY_RULE, Privacy, privacy

__all__ = [
    "MotionForm",
    "Movant",
    "Privacy",
    "SealPart",
    "SealRequest",
    "motion_form",
    "motion_title",
    "pattern_hits",
    "privacy",
]


class Movant(StrEnum):
    """Who moved: a side, the two together (a joint motion), or the court on its own motion."""

    producing = "producing"
    receiving = "receiving"
    both = "both"
    court = "court"


class SealRequest(StrEnum):
    """What the motion asks: to file under seal, or to unseal what was sealed."""

    seal = "seal"
    unseal = "unseal"


class MotionForm(StrEnum):
    """How the motion is brought: a noticed motion, or an administrative motion (N.D. Cal.
    Civil L.R. 7-11 and 79-5(c)); ``other_partys_material``: the filing party's administrative
    motion to consider whether another party's material should be sealed (L.R. 79-5(f)), the
    designating party then supporting it or not."""

    motion = "motion"
    administrative = "administrative"
    other_partys_material = "other_partys_material"


def motion_form(given: str) -> MotionForm:
    """``administrative`` -> ``MotionForm.administrative``; anything else refused in one line."""
    try:
        return MotionForm(given)
    except ValueError:
        forms = ", ".join(f.value for f in MotionForm)
        raise InvalidInput(f"no form of motion {given!r}: one of {forms}") from None


def motion_title(form: MotionForm, request: SealRequest) -> str:
    """The motion's name as orders give it: "Motion to Seal", "Administrative Motion to File
    Under Seal", "Administrative Motion to Consider Whether Another Party's Material Should Be
    Sealed", "Motion to Unseal", "Administrative Motion to Unseal"."""
    if request is SealRequest.unseal:
        if form is MotionForm.other_partys_material:
            raise InvalidInput(
                "a motion to consider whether another party's material should be sealed "
                "asks to seal, not to unseal"
            )
        return (
            "Administrative Motion to Unseal"
            if form is MotionForm.administrative
            else ("Motion to Unseal")
        )
    return {
        MotionForm.motion: "Motion to Seal",
        MotionForm.administrative: "Administrative Motion to File Under Seal",
        MotionForm.other_partys_material: (
            "Administrative Motion to Consider Whether Another Party's Material Should Be Sealed"
        ),
    }[form]


@dataclass(frozen=True)
class SealPart:
    """The parts of an exhibit a seal ruling keeps out of the public version."""

    items: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    privacy: tuple[Privacy, ...] = ()
    minors: tuple[str, ...] = ()  # the minors' names, for 5.2(a)(3)
    what: str = ""  # the court's words for the part ("the discount rates"), for the order

    def __post_init__(self) -> None:
        for pattern in self.patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise InvalidInput(f"not a pattern {pattern!r}: {exc}") from None
        if Privacy.minor in self.privacy and not self.minors:
            raise InvalidInput("a 5.2(a)(3) redaction needs the minors' names (--minor NAME)")

    def __bool__(self) -> bool:
        return bool(self.items or self.patterns or self.privacy)

    def as_data(self) -> dict[str, Any]:
        return {
            "items": list(self.items),
            "patterns": list(self.patterns),
            "privacy": [p.value for p in self.privacy],
            "minors": list(self.minors),
            "what": self.what,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any] | None) -> SealPart | None:
        if not data:
            return None
        return cls(
            items=tuple(data.get("items", ())),
            patterns=tuple(data.get("patterns", ())),
            privacy=tuple(Privacy(p) for p in data.get("privacy", ())),
            minors=tuple(data.get("minors", ())),
            what=str(data.get("what", "")),
        )

    def describe(self) -> str:
        """The part in words: "items rate-2; text matching 'discount'; FRCP 5.2(a)(1)"."""
        said = []
        if self.items:
            said.append(f"item{'s' if len(self.items) > 1 else ''} {', '.join(self.items)}")
        said.extend(f"text matching {p!r}" for p in self.patterns)
        said.extend(PRIVACY_RULE[p] for p in self.privacy)
        return "; ".join(said)


def pattern_hits(text: str, patterns: Iterable[str]) -> list[str]:
    """The texts on a page the part's patterns match, each once, in order."""
    hits: list[str] = []
    for pattern in patterns:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if m.group(0).strip() and m.group(0) not in hits:
                hits.append(m.group(0))
    return hits
