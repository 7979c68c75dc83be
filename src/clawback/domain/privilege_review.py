"""The court's review record for attorney-client privilege, work product, the deliberative
process privilege, and an FRE 502(b) analysis, each under its governing test.

The tests are data (``clawback/data/privilege_tests.yaml``, read by the service): a test is a
set of sections, each a *showing* (every element met, not met, or not addressed: the section
holds when every element is met) or a *balancing* (each factor weighs toward disclosure, toward
the privilege, neither, or is not addressed). Findings name each element and factor with a
citation, as for the law enforcement privilege (``domain.review``), and never quote the
protected material.

An FRE 502(b) analysis also carries its dates (production, discovery of the disclosure, notice
of the claim) and the days between them, which the court weighs for promptness.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clawback.domain.days import checked_day, parse_day
from clawback.domain.errors import RuleViolation
from clawback.domain.review import Shown, Weighs


class SectionKind(StrEnum):
    showing = "showing"
    balancing = "balancing"


@dataclass(frozen=True)
class Element:
    key: str
    words: str
    citation: str


@dataclass(frozen=True)
class Section:
    name: str
    kind: SectionKind
    holds_when: str
    elements: tuple[Element, ...]


@dataclass(frozen=True)
class PrivilegeTest:
    """One governing test: what must be shown, what is balanced, and on whose authority."""

    key: str
    name: str
    citation: str
    burden: str
    sections: tuple[Section, ...]

    def section(self, name: str) -> Section:
        for section in self.sections:
            if section.name == name:
                return section
        raise KeyError(name)


def tests_from_data(data: Mapping[str, Mapping[str, object]]) -> dict[str, PrivilegeTest]:
    """The tests as the shipped YAML states them."""
    found = {}
    for key, raw in data.items():
        sections = []
        raw_sections = raw["sections"]
        assert isinstance(raw_sections, Mapping)
        for name, section in raw_sections.items():
            items = section["items"]
            sections.append(
                Section(
                    name,
                    SectionKind(section["kind"]),
                    str(section["holds_when"]),
                    tuple(
                        Element(k, str(v["words"]), str(v["citation"])) for k, v in items.items()
                    ),
                )
            )
        found[key] = PrivilegeTest(
            key, str(raw["name"]), str(raw["citation"]), str(raw["burden"]), tuple(sections)
        )
    return found


@dataclass(frozen=True)
class Finding:
    section: str
    key: str
    finding: Shown | Weighs
    note: str
    citation: str


@dataclass(frozen=True)
class TestReview:
    """The findings on one claim under one test, with the court's conclusion."""

    claim: str
    test: PrivilegeTest
    findings: tuple[Finding, ...]
    conclusion: str = ""

    def holds(self, section: str) -> bool | None:
        """A showing: True when every element is met, False when one is not, None when none
        is lacking yet some are not addressed. A balancing: None (the court weighs it)."""
        ours = [f for f in self.findings if f.section == section]
        if self.test.section(section).kind is SectionKind.balancing:
            return None
        if any(f.finding is Shown.not_met for f in ours):
            return False
        if all(f.finding is Shown.met for f in ours):
            return True
        return None

    def balance(self, section: str) -> dict[Weighs, int]:
        counts = dict.fromkeys(Weighs, 0)
        for f in self.findings:
            if f.section == section and isinstance(f.finding, Weighs):
                counts[f.finding] += 1
        return counts

    def as_data(self) -> dict[str, object]:
        data: dict[str, object] = {"test": self.test.key, "conclusion": self.conclusion}
        for section in self.test.sections:
            data[section.name] = {
                f.key: {"finding": f.finding.value, "note": f.note, "citation": f.citation}
                for f in self.findings
                if f.section == section.name
            }
        return data

    def lines(self) -> list[str]:
        """The record as a reader goes through it: each section, each element's finding."""
        out = [f"{self.test.name} ({self.test.citation})"]
        for section in self.test.sections:
            held = self.holds(section.name)
            said = {True: "holds", False: "does not hold", None: "not decided"}[held]
            if section.kind is SectionKind.balancing:
                counts = self.balance(section.name)
                said = ", ".join(f"{n} toward {w.value}" for w, n in counts.items() if n)
            out.append(f"{section.name} ({section.holds_when}): {said}")
            by_key = {f.key: f for f in self.findings if f.section == section.name}
            for element in section.elements:
                f = by_key[element.key]
                note = f": {f.note}" if f.note else ""
                out.append(f"  {element.key}: {f.finding.value}{note} [{f.citation}]")
        if self.conclusion:
            out.append(f"conclusion: {self.conclusion}")
        return out


def review_from_data(claim: str, test: PrivilegeTest, data: Mapping[str, object]) -> TestReview:
    """Read findings written against ``test``: every element of every section, each with a
    ``finding`` and a ``citation`` (and an optional ``note``); anything else is refused."""
    if not isinstance(data, Mapping):
        raise RuleViolation(f"review of {claim!r}: findings are not a mapping")
    named = data.get("test", test.key)
    if named != test.key:
        raise RuleViolation(f"review of {claim!r}: findings are for {named!r}, not {test.key!r}")
    allowed = {s.name for s in test.sections} | {"test", "conclusion"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise RuleViolation(f"review of {claim!r}: {test.key} has no section {unknown[0]!r}")
    findings = []
    for section in test.sections:
        raw = data.get(section.name)
        if not isinstance(raw, Mapping):
            raise RuleViolation(f"review of {claim!r}: section {section.name} is missing")
        keys = {e.key for e in section.elements}
        extra = sorted(set(map(str, raw)) - keys)
        if extra:
            raise RuleViolation(f"review of {claim!r}: {section.name} has no {extra[0]!r}")
        kind: type[Shown] | type[Weighs] = Shown if section.kind is SectionKind.showing else Weighs
        for element in section.elements:
            entry = raw.get(element.key)
            name = f"{section.name}.{element.key}"
            if not isinstance(entry, Mapping):
                raise RuleViolation(f"review of {claim!r}: {name} has no finding")
            citation = str(entry.get("citation", "") or "").strip()
            if not citation:
                raise RuleViolation(f"review of {claim!r}: {name} has no citation")
            value = str(entry.get("finding", ""))
            try:
                finding: Shown | Weighs = kind(value)
            except ValueError:
                allowed_values = ", ".join(k.value for k in kind)
                raise RuleViolation(
                    f"review of {claim!r}: {name} finding {value!r} is not one of {allowed_values}"
                ) from None
            note = str(entry.get("note", "") or "").strip()
            findings.append(Finding(section.name, element.key, finding, note, citation))
    return TestReview(claim, test, tuple(findings), str(data.get("conclusion", "") or ""))


@dataclass(frozen=True)
class WaiverDates:
    """The dates an FRE 502(b) analysis turns on, and the days between them."""

    produced_on: date
    discovered_on: date
    noticed_on: date

    def __post_init__(self) -> None:
        if not self.produced_on <= self.discovered_on <= self.noticed_on:
            raise RuleViolation(
                "FRE 502(b) dates out of order: production, then discovery, then notice"
            )

    @property
    def production_to_discovery(self) -> int:
        return (self.discovered_on - self.produced_on).days

    @property
    def discovery_to_notice(self) -> int:
        return (self.noticed_on - self.discovered_on).days

    @property
    def production_to_notice(self) -> int:
        return (self.noticed_on - self.produced_on).days

    def lines(self) -> list[str]:
        return [
            f"produced {self.produced_on}, disclosure discovered {self.discovered_on} "
            f"({self.production_to_discovery} days later), claw-back notice {self.noticed_on} "
            f"({self.discovery_to_notice} days after discovery, "
            f"{self.production_to_notice} after production)"
        ]


def dates_from_data(claim: str, data: Mapping[str, object]) -> WaiverDates:
    """The ``dates`` of an FRE 502(b) analysis: produced_on, discovered_on, noticed_on."""
    raw = data.get("dates")
    if not isinstance(raw, Mapping):
        raise RuleViolation(
            f"review of {claim!r}: fre_502b needs dates (produced_on, discovered_on, noticed_on)"
        )
    days = []
    for key in ("produced_on", "discovered_on", "noticed_on"):
        value = raw.get(key)
        if not isinstance(value, str | date):
            raise RuleViolation(f"review of {claim!r}: fre_502b {key} is not a date (YYYY-MM-DD)")
        what = f"review of {claim!r}: fre_502b {key}"
        days.append(parse_day(value, what) if isinstance(value, str) else checked_day(value, what))
    return WaiverDates(*days)
