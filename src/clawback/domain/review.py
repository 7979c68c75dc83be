"""The court's review record for a law enforcement privilege claim.

A qualified privilege is weighed in two steps. First the *threshold showing*: a formal claim of
privilege by the head of the department with control over the material (or a responsible
official) after personal consideration, that official's personal review of it, a specific
description of the material and of the harm its disclosure would cause, and (in the Ninth
Circuit's district courts, after Kelly v. City of San Jose, 114 F.R.D. 653 (N.D. Cal. 1987)) why
disclosure under the protective order would not suffice. Only if the showing is made does the
court balance the ten factors of Frankenhauser v. Rizzo, 59 F.R.D. 339, 344 (E.D. Pa. 1973).

The record holds a finding and a citation for each element and each factor. It never holds the
protected text itself: findings describe, they do not quote the material.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from clawback.domain.errors import RuleViolation

E = TypeVar("E", bound=StrEnum)

FRANKENHAUSER = "Frankenhauser v. Rizzo, 59 F.R.D. 339, 344 (E.D. Pa. 1973)"


class Element(StrEnum):
    """What the threshold showing needs."""

    formal_claim = "formal_claim"
    personal_review = "personal_review"
    material_described = "material_described"
    harm_described = "harm_described"
    protective_order_insufficient = "protective_order_insufficient"


ELEMENTS: dict[Element, str] = {
    Element.formal_claim: (
        "a formal claim of privilege by the head of the department with control over the "
        "material (or a responsible official), after personal consideration"
    ),
    Element.personal_review: "the official's personal review of the material",
    Element.material_described: "a specific description of the material to be protected",
    Element.harm_described: "a specific description of the harm disclosure would cause",
    Element.protective_order_insufficient: (
        "why disclosure under the protective order would not suffice to prevent that harm"
    ),
}

FACTORS: dict[int, str] = {
    1: "the extent to which disclosure will thwart governmental processes by discouraging "
    "citizens from giving the government information",
    2: "the impact upon persons who have given information of having their identities disclosed",
    3: "the degree to which governmental self-evaluation and consequent program improvement "
    "will be chilled by disclosure",
    4: "whether the information sought is factual data or evaluative summary",
    5: "whether the party seeking discovery is an actual or potential defendant in any criminal "
    "proceeding either pending or reasonably likely to follow from the incident in question",
    6: "whether the police investigation has been completed",
    7: "whether any interdepartmental disciplinary proceedings have arisen or may arise from "
    "the investigation",
    8: "whether the plaintiff's suit is non-frivolous and brought in good faith",
    9: "whether the information sought is available through other discovery or from other sources",
    10: "the importance of the information sought to the plaintiff's case",
}


class Shown(StrEnum):
    """The finding on one threshold element."""

    met = "met"
    not_met = "not_met"
    not_addressed = "not_addressed"  # the court made no finding on it


class Weighs(StrEnum):
    """Which way one balancing factor weighs."""

    disclosure = "disclosure"
    privilege = "privilege"
    neutral = "neutral"
    not_addressed = "not_addressed"


@dataclass(frozen=True)
class ElementFinding:
    element: Element
    finding: Shown
    note: str
    citation: str

    @property
    def assumed(self) -> bool:
        return _assumed(self.note, self.citation)


@dataclass(frozen=True)
class FactorFinding:
    number: int
    finding: Weighs
    note: str
    citation: str

    @property
    def factor(self) -> str:
        return FACTORS[self.number]

    @property
    def assumed(self) -> bool:
        return _assumed(self.note, self.citation)


@dataclass(frozen=True)
class ReviewRecord:
    """The threshold showing and the ten factors for one claim, with a conclusion."""

    claim: str
    threshold: tuple[ElementFinding, ...]
    factors: tuple[FactorFinding, ...]
    conclusion: str = ""

    @property
    def threshold_met(self) -> bool | None:
        """True when every element is met, False when any is not, None when the court found
        none lacking yet left some unaddressed (e.g. a conceded claim)."""
        if any(f.finding is Shown.not_met for f in self.threshold):
            return False
        if all(f.finding is Shown.met for f in self.threshold):
            return True
        return None

    @property
    def threshold_words(self) -> str:
        return {True: "made", False: "not made", None: "no element found lacking"}[
            self.threshold_met
        ]

    @property
    def balance(self) -> dict[Weighs, int]:
        """How many factors weigh each way."""
        counts = dict.fromkeys(Weighs, 0)
        for f in self.factors:
            counts[f.finding] += 1
        return counts

    def as_data(self) -> dict[str, object]:
        """The record as plain data (the form it is stored and read back in)."""
        return {
            "threshold": {
                f.element.value: {
                    "finding": f.finding.value,
                    "note": f.note,
                    "citation": f.citation,
                }
                for f in self.threshold
            },
            "factors": {
                str(f.number): {"finding": f.finding.value, "note": f.note, "citation": f.citation}
                for f in self.factors
            },
            "conclusion": self.conclusion,
        }


def record_from_data(claim: str, data: Mapping[str, object]) -> ReviewRecord:
    """Read findings (as the court's staff write them in YAML): every threshold element and
    every factor, each with a ``finding`` and a ``citation`` (and an optional ``note``)."""
    if not isinstance(data, Mapping):
        raise RuleViolation(f"review of {claim!r}: findings are not a mapping")
    unknown = set(data) - {"threshold", "factors", "conclusion"}
    if unknown:
        raise RuleViolation(f"review of {claim!r}: unknown section {sorted(unknown)[0]!r}")
    threshold_data = _section(claim, data, "threshold")
    factor_data = _section(claim, data, "factors")
    threshold = []
    for element in Element:
        if element.value not in threshold_data:
            raise RuleViolation(f"review of {claim!r}: threshold element {element} has no finding")
        finding, note, citation = _entry(claim, element.value, threshold_data[element.value])
        threshold.append(
            ElementFinding(element, _choice(claim, element, Shown, finding), note, citation)
        )
    extra = set(threshold_data) - {e.value for e in Element}
    if extra:
        raise RuleViolation(f"review of {claim!r}: no threshold element {sorted(extra)[0]!r}")
    factors = []
    keys = {str(k): v for k, v in factor_data.items()}
    for number in FACTORS:
        if str(number) not in keys:
            raise RuleViolation(
                f"review of {claim!r}: Frankenhauser factor {number} has no finding"
            )
        finding, note, citation = _entry(claim, f"factor {number}", keys[str(number)])
        factors.append(
            FactorFinding(
                number, _choice(claim, f"factor {number}", Weighs, finding), note, citation
            )
        )
    extra = set(keys) - {str(n) for n in FACTORS}
    if extra:
        raise RuleViolation(f"review of {claim!r}: no Frankenhauser factor {sorted(extra)[0]!r}")
    conclusion = data.get("conclusion", "")
    return ReviewRecord(claim, tuple(threshold), tuple(factors), str(conclusion or ""))


def check_no_protected_text(record: ReviewRecord, protected: Sequence[str]) -> None:
    """Refuse a record whose findings quote the protected material itself."""
    texts = [record.conclusion]
    texts += [f.note for f in record.threshold] + [f.citation for f in record.threshold]
    texts += [f.note for f in record.factors] + [f.citation for f in record.factors]
    for secret in protected:
        needle = " ".join(secret.split()).casefold()
        if needle and any(needle in " ".join(t.split()).casefold() for t in texts):
            raise RuleViolation(
                f"review of {record.claim!r} quotes claimed material: describe it, do not quote it"
            )


def _section(claim: str, data: Mapping[str, object], name: str) -> Mapping[str, object]:
    section = data.get(name)
    if not isinstance(section, Mapping):
        raise RuleViolation(f"review of {claim!r}: {name} is missing or not a mapping")
    return section


def _entry(claim: str, name: str, raw: object) -> tuple[str, str, str]:
    if not isinstance(raw, Mapping):
        raise RuleViolation(f"review of {claim!r}: {name} is not a mapping of finding and citation")
    citation = str(raw.get("citation", "") or "").strip()
    if not citation:
        raise RuleViolation(f"review of {claim!r}: {name} has no citation")
    return str(raw.get("finding", "")), str(raw.get("note", "") or "").strip(), citation


def _choice(claim: str, name: object, kind: type[E], value: str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in kind)
        raise RuleViolation(
            f"review of {claim!r}: {name} finding {value!r} is not one of {allowed}"
        ) from None


def _assumed(*texts: str) -> bool:
    return any("assumed:" in t for t in texts)
