"""The privilege log (FRCP 26(b)(5)(A)): one row per document or item withheld or redacted.

Each row makes the claim expressly and describes what is withheld without revealing it: Bates
range, family range, date, author, recipients, type, a description, the privilege, its basis and
where the claim stands. The log lives with the dispute: a row's status follows the ruling.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from clawback.domain.bates import BatesNumber
from clawback.domain.claims import Claim, Result, Ruling, State
from clawback.domain.documents import Exhibit, family_range, find_exhibit


class Status(StrEnum):
    asserted = "asserted"
    withdrawn = "withdrawn"
    upheld = "upheld"
    overruled = "overruled"


class Treatment(StrEnum):
    withheld = "withheld"
    redacted = "redacted"
    sequestered = "sequestered"  # pending: the receiving side may not use it
    produced = "produced"  # released: the claim failed or was withdrawn


COLUMNS = (
    "Entry",
    "Claim",
    "Exhibit",
    "Bates Begin",
    "Bates End",
    "Family Begin",
    "Family End",
    "Date",
    "Author",
    "Recipients",
    "Document Type",
    "Description",
    "Privilege",
    "Basis",
    "Status",
    "Treatment",
)


@dataclass(frozen=True)
class Row:
    entry: int
    claim: str
    exhibit: int
    bates_begin: str
    bates_end: str
    family_begin: str
    family_end: str
    date: str
    author: str
    recipients: str
    document_type: str
    description: str
    privilege: str
    basis: str
    status: Status
    treatment: Treatment

    def values(self) -> tuple[str | int, ...]:
        return (
            self.entry,
            self.claim,
            self.exhibit,
            self.bates_begin,
            self.bates_end,
            self.family_begin,
            self.family_end,
            self.date,
            self.author,
            self.recipients,
            self.document_type,
            self.description,
            self.privilege,
            self.basis,
            self.status.value,
            self.treatment.value,
        )


def rows(
    exhibits: Sequence[Exhibit],
    claims: Sequence[Claim],
    rulings: Sequence[Ruling],
    meta: Mapping[int, Mapping[str, str]],
    declarants: Mapping[str, str],
) -> list[Row]:
    """The log as the record stands: a row per claimed document or item, in Bates order."""
    by_claim = {r.claim: r for r in rulings}
    out: list[Row] = []
    for claim in claims:
        ruling = by_claim.get(claim.id)
        basis = _basis(claim, declarants)
        for number in claim.exhibits:
            exhibit = find_exhibit(exhibits, number)
            info = meta.get(number, {})
            family = family_range(exhibits, exhibit.family) if exhibit.family else exhibit.bates
            targets = (
                [(i.page, i.page, i.what, i.id) for i in exhibit.items if i.id in claim.items]
                if claim.items
                else [(exhibit.bates.first, exhibit.bates.last, exhibit.title, None)]
            )
            for begin, end, description, item in targets:
                status, treatment = _standing(claim, ruling, item)
                out.append(
                    Row(
                        entry=0,  # numbered below, once sorted
                        claim=claim.id,
                        exhibit=number,
                        bates_begin=str(begin),
                        bates_end=str(end),
                        family_begin=str(family.first),
                        family_end=str(family.last),
                        date=info.get("date", ""),
                        author=info.get("author", ""),
                        recipients=info.get("recipients", ""),
                        document_type=exhibit.kind,
                        description=description,
                        privilege=claim.privilege.value.replace("_", " "),
                        basis=basis,
                        status=status,
                        treatment=treatment,
                    )
                )
    out.sort(key=lambda r: (_key(r.bates_begin), r.claim))
    return [replace(r, entry=n) for n, r in enumerate(out, start=1)]


def _key(bates: str) -> tuple[str, int]:
    number = BatesNumber.parse(bates)
    return number.series, number.number


def _standing(claim: Claim, ruling: Ruling | None, item: str | None) -> tuple[Status, Treatment]:
    if claim.state is State.withdrawn:
        return Status.withdrawn, Treatment.produced
    if ruling is None:
        return Status.asserted, Treatment.sequestered
    if ruling.result is Result.denied:
        return Status.overruled, Treatment.produced
    granted = set(ruling.items) if ruling.items else set(claim.items)
    if item is None:  # a whole-document row
        if ruling.result is Result.granted and not ruling.items:
            return Status.upheld, Treatment.withheld
        return Status.upheld, Treatment.redacted
    if item in granted:
        return Status.upheld, Treatment.redacted
    return Status.overruled, Treatment.produced


def _basis(claim: Claim, declarants: Mapping[str, str]) -> str:
    names = [declarants.get(d, d) for d in claim.declarations]
    paragraphs = ", ".join(claim.paragraphs)
    cited = "; ".join(f"Decl. of {n}" for n in names)
    return f"{cited}, paras. {paragraphs}" if paragraphs else cited


@dataclass(frozen=True)
class Change:
    """How one entry differs between two served versions of the log."""

    key: tuple[str, str]  # (claim, Bates begin): the entry's identity across versions
    kind: str  # "added", "removed" or "changed"
    fields: tuple[tuple[str, str, str], ...] = ()  # (column, before, after) when changed


def as_record(row: Row) -> dict[str, str]:
    """A row as column -> text, the form a served version is kept in."""
    return {column: str(value) for column, value in zip(COLUMNS, row.values(), strict=True)}


def diff(before: Sequence[Mapping[str, str]], after: Sequence[Mapping[str, str]]) -> list[Change]:
    """What changed between two served versions (entry numbers aside: they follow the order)."""

    def key(r: Mapping[str, str]) -> tuple[str, str]:
        return r["Claim"], r["Bates Begin"]

    old = {key(r): r for r in before}
    new = {key(r): r for r in after}
    changes = []
    for k in sorted(old.keys() | new.keys()):
        if k not in new:
            changes.append(Change(k, "removed"))
        elif k not in old:
            changes.append(Change(k, "added"))
        else:
            fields = tuple(
                (c, old[k].get(c, ""), new[k].get(c, ""))
                for c in COLUMNS
                if c != "Entry" and old[k].get(c, "") != new[k].get(c, "")
            )
            if fields:
                changes.append(Change(k, "changed", fields))
    return changes
