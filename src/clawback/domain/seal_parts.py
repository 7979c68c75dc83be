"""What a seal ruling orders redacted in the public version, short of sealing a whole exhibit.

Courts seal in part ("hourly rates public, discount rates redacted"): the exhibit is lodged
under seal complete and filed publicly with only the named parts removed. A part is named by
items (``claim``'s items, by id), by patterns (regular expressions over the page's text, e.g.
``discount rate: \\d+%``) and by the privacy redactions of FRCP 5.2(a), which leave a stated
remainder in place:

- (1) a Social Security or taxpayer-identification number: its last four digits;
- (2) a birth date: the year;
- (3) a minor's name: the minor's initials;
- (4) a financial-account number: its last four digits.

``privacy_cuts`` finds them in a page's text and says, for each, the whole text (which must not
survive in the public file), the piece to remove, and what the box reads. Nothing here touches a
file: the filing (``service.filing``) carries the cuts out through the redaction gate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from clawback.domain.errors import InvalidInput


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


class Privacy(StrEnum):
    """The redactions FRCP 5.2(a) requires, each by what it leaves in place."""

    ssn = "ssn"  # 5.2(a)(1): the last four digits
    birth_date = "birth_date"  # 5.2(a)(2): the year
    minor = "minor"  # 5.2(a)(3): the initials
    account = "account"  # 5.2(a)(4): the last four digits


PRIVACY_RULE = {
    Privacy.ssn: "Fed. R. Civ. P. 5.2(a)(1)",
    Privacy.birth_date: "Fed. R. Civ. P. 5.2(a)(2)",
    Privacy.minor: "Fed. R. Civ. P. 5.2(a)(3)",
    Privacy.account: "Fed. R. Civ. P. 5.2(a)(4)",
}


def privacy(value: str) -> Privacy:
    try:
        return Privacy(value.strip().replace("-", "_"))
    except ValueError:
        kinds = ", ".join(k.value for k in Privacy)
        raise InvalidInput(f"no FRCP 5.2(a) redaction {value!r}: one of {kinds}") from None


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


@dataclass(frozen=True)
class Cut:
    """One piece of text the public version removes: ``removed`` (found on the page) out of
    ``whole`` (which must not be extractable afterwards); the box reads ``reads`` (a mask for
    what is gone, the remainder staying as printed; a minor's initials for the name)."""

    whole: str
    removed: str
    reads: str
    rule: str


_SSN = re.compile(r"\b(\d{3}[- ]?\d{2}[- ]?)(\d{4})\b")
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
_BIRTH = re.compile(
    r"(?:\bborn\b|\bbirth\s*date\b|\bdate\s+of\s+birth\b|\bDOB\b)[:\s,]*(?:on\s+)?"
    rf"(?P<date>(?P<md>(?:{_MONTHS})\s+\d{{1,2}},?\s+|\d{{1,2}}[/-]\d{{1,2}}[/-])(?P<year>\d{{4}}))",
    re.IGNORECASE,
)
_ACCOUNT = re.compile(
    r"(?:\baccount\b|\bacct\b\.?|\ba/c\b|\bcard\b)(?:\s+(?:no\.?|number|#))?[:\s#]*"
    r"(?P<number>(?P<head>(?:\d[- ]?){4,13})(?P<tail>\d{4}))\b",
    re.IGNORECASE,
)


def initials(name: str) -> str:
    """A minor's initials, as 5.2(a)(3) leaves them: "Jane Q. Doe" -> "J.Q.D."."""
    return "".join(f"{word[0].upper()}." for word in re.findall(r"[^\W\d_]+", name))


def privacy_cuts(text: str, kinds: Iterable[Privacy], minors: Sequence[str] = ()) -> list[Cut]:
    """The FRCP 5.2(a) cuts in one page's ``text``, in the order they occur."""
    wanted = set(kinds)
    found: list[tuple[int, Cut]] = []
    if Privacy.ssn in wanted:
        for m in _SSN.finditer(text):
            if _ACCOUNT.search(text, max(0, m.start() - 40), m.end()) is None:
                cut = Cut(m.group(0), m.group(1), "XXX-XX-", PRIVACY_RULE[Privacy.ssn])
                found.append((m.start(), cut))
    if Privacy.birth_date in wanted:
        for m in _BIRTH.finditer(text):
            cut = Cut(m["date"], m["md"].strip(), "MM DD", PRIVACY_RULE[Privacy.birth_date])
            found.append((m.start("date"), cut))
    if Privacy.account in wanted:
        for m in _ACCOUNT.finditer(text):
            cut = Cut(m["number"], m["head"].strip(), "XXXX", PRIVACY_RULE[Privacy.account])
            found.append((m.start("number"), cut))
    if Privacy.minor in wanted:
        for name in minors:
            for m in re.finditer(re.escape(name.strip()), text, re.IGNORECASE):
                cut = Cut(m.group(0), m.group(0), initials(name), PRIVACY_RULE[Privacy.minor])
                found.append((m.start(), cut))
    return [cut for _, cut in sorted(found, key=lambda pair: pair[0])]


def pattern_hits(text: str, patterns: Iterable[str]) -> list[str]:
    """The texts on a page the part's patterns match, each once, in order."""
    hits: list[str] = []
    for pattern in patterns:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if m.group(0).strip() and m.group(0) not in hits:
                hits.append(m.group(0))
    return hits
