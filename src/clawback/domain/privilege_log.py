"""The privilege log (FRCP 26(b)(5)(A)): one row per document or item withheld or redacted.

Each row makes the claim expressly and describes what is withheld without revealing it: Bates
range, family range, date, author, recipients, type, a description, the privilege, its basis and
where the claim stands. The log lives with the dispute: a row's status follows the ruling.

A filed paper has no Bates numbers: its row names it by docket entry (the Exhibit column,
``ECF No. 101-33``) and its place by pinpoint where Bates numbers would be (``ECF No. 101-33 at
page 7, lines 3-9``; a whole paper from its first page to its last); its rows follow the
produced documents', in docket order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from clawback.domain.bates import BatesNumber
from clawback.domain.claims import Claim, Result, Ruling, State, governing
from clawback.domain.documents import Exhibit, family_range, find_exhibit
from clawback.domain.outcomes import ACCESS, Access
from clawback.domain.pinpoints import FiledItem, FiledPaper, Pinpoint


class Status(StrEnum):
    """Where an entry stands: asserted with the notice; challenged once the material is before
    the court for a determination (FRCP 26(b)(5)(B)); then withdrawn, upheld, overruled, or
    ordered produced once an overruled claim's material has gone to the other side."""

    asserted = "asserted"
    challenged = "challenged"
    withdrawn = "withdrawn"
    upheld = "upheld"
    overruled = "overruled"
    ordered_produced = "ordered produced"


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
    exhibit: int | str  # as the court writes it: 7, or "A" (never the record's ordinal)
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
    papers: Sequence[FiledPaper] = (),
) -> list[Row]:
    """The log as the record stands: a row per claimed document or item, in Bates order, then
    the filed papers' rows in docket order (``papers``: those the reader may know of)."""
    by_claim = governing(rulings)
    out: list[Row] = []
    by_docket = {p.docket: p for p in papers}
    placed: list[tuple[tuple[object, ...], Row]] = []
    for claim in claims:
        ruling = by_claim.get(claim.id)
        for docket in claim.papers:
            paper = by_docket.get(docket)
            if paper is None:
                continue  # a paper this reader may not know of
            whole = FiledItem("", Pinpoint(page=1), paper.title)
            named = [i for i in paper.items if i.id in claim.items] if claim.items else [whole]
            for place in named:
                status, treatment = _standing(claim, ruling, place.id or None)
                last = Pinpoint(page=paper.pages) if not place.id else place.at
                row = Row(
                    entry=0,
                    claim=claim.id,
                    exhibit=paper.name,
                    bates_begin=paper.cite(place),
                    bates_end=paper.cite(replace(place, at=last)),
                    family_begin=paper.cite(whole),
                    family_end=paper.cite(replace(whole, at=Pinpoint(page=paper.pages))),
                    date="",
                    author="",
                    recipients="",
                    document_type=paper.kind.value.replace("_", " "),
                    description=place.what,
                    privilege=claim.privilege.value.replace("_", " "),
                    basis=_basis(claim, declarants),
                    status=status,
                    treatment=treatment,
                )
                placed.append((_paper_key(paper, place.at, claim.id), row))
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
                        exhibit=(
                            exhibit.number if exhibit.written is None else str(exhibit.written)
                        ),
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
    out += [row for _, row in sorted(placed, key=lambda kept: kept[0])]
    return [replace(r, entry=n) for n, r in enumerate(out, start=1)]


def _key(bates: str) -> tuple[str, int]:
    number = BatesNumber.parse(bates)
    return number.series, number.number


def _paper_key(paper: FiledPaper, at: Pinpoint, claim: str) -> tuple[object, ...]:
    """Docket order (``101-33`` after ``101-4``), then page and line, or paragraph."""
    entry = tuple(int(part) for part in paper.docket.split("-") if part.isdigit())
    place = (at.page or 0, at.lines[0] if at.lines else 0, at.paragraph or "")
    return (entry, place, claim)


def _standing(claim: Claim, ruling: Ruling | None, item: str | None) -> tuple[Status, Treatment]:
    if claim.state is State.withdrawn:
        return Status.withdrawn, Treatment.produced
    if ruling is None:
        before_court = claim.state in (State.submitted, State.under_review)
        return (Status.challenged if before_court else Status.asserted), Treatment.sequestered
    overruled = Status.ordered_produced if claim.state in _DONE else Status.overruled
    access = ACCESS[ruling.result]
    if ruling.result is Result.withdrawn:
        return Status.withdrawn, Treatment.produced
    if access is Access.released:
        return overruled, Treatment.produced
    if access is Access.sequestered:
        return Status.challenged, Treatment.sequestered
    granted = set(ruling.items) if ruling.items else set(claim.items)
    if item is None:  # a whole-document row
        if ruling.result is not Result.granted_in_part and not ruling.items:
            return Status.upheld, Treatment.withheld
        return Status.upheld, Treatment.redacted
    if item in granted:
        return Status.upheld, Treatment.redacted
    return overruled, Treatment.produced


_DONE = frozenset({State.applied, State.replaced})  # the ruling is in the files served


def _basis(claim: Claim, declarants: Mapping[str, str]) -> str:
    """The claim's own basis (its words), then the declarations that support it."""
    names = [declarants.get(d, d) for d in claim.declarations]
    paragraphs = ", ".join(claim.paragraphs)
    cited = "; ".join(f"Decl. of {n}" for n in names)
    cited = f"{cited}, paras. {paragraphs}" if paragraphs else cited
    return "; ".join(part for part in (claim.basis.strip(), cited) if part)


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


# A categorical log: where itemizing every document would be unduly burdensome, the 1993
# Advisory Committee note to FRCP 26(b)(5) allows describing withheld material "by categories"
# (and the 2006 note to 26(b)(5)(B) leaves the form to the parties and the court). One row per
# category, a category being the privilege, the kind of material and the basis, with how many
# entries it holds, their Bates ranges and where they stand.
CATEGORY_COLUMNS = (
    "Category",
    "Privilege",
    "Document Type",
    "Basis",
    "Entries",
    "Bates Ranges",
    "Date Range",
    "Description",
    "Status",
    "Treatment",
)


@dataclass(frozen=True)
class CategoryRow:
    category: int
    privilege: str
    document_type: str
    basis: str
    entries: int
    bates_ranges: str
    date_range: str
    description: str
    status: str
    treatment: str

    def values(self) -> tuple[str | int, ...]:
        return (
            self.category,
            self.privilege,
            self.document_type,
            self.basis,
            self.entries,
            self.bates_ranges,
            self.date_range,
            self.description,
            self.status,
            self.treatment,
        )


def categorical(log: Sequence[Row]) -> list[CategoryRow]:
    """The itemized log grouped by category (privilege, kind of material, basis), in the order
    each category first appears; counts and runs of consecutive Bates numbers per category."""
    groups: dict[tuple[str, str, str], list[Row]] = {}
    for row in log:
        groups.setdefault((row.privilege, row.document_type, row.basis), []).append(row)
    out = []
    for n, ((privilege, kind, basis), members) in enumerate(groups.items(), start=1):
        dates = sorted(r.date for r in members if r.date)
        date_range = ""
        if dates:
            date_range = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
        out.append(
            CategoryRow(
                category=n,
                privilege=privilege,
                document_type=kind,
                basis=basis,
                entries=len(members),
                bates_ranges=", ".join(_runs(members)),
                date_range=date_range,
                description=f"{len(members)} {kind} entr{'y' if len(members) == 1 else 'ies'} "
                f"claimed under the {privilege} privilege",
                status=_tally(r.status.value for r in members),
                treatment=_tally(r.treatment.value for r in members),
            )
        )
    return out


def _runs(members: Sequence[Row]) -> list[str]:
    """Each entry's Bates span, consecutive spans joined into one range."""
    cited = [r for r in members if r.bates_begin.startswith("ECF No. ")]  # a filed paper's
    spans = sorted(
        {
            (BatesNumber.parse(r.bates_begin), BatesNumber.parse(r.bates_end))
            for r in members
            if r not in cited
        },
        key=lambda span: (span[0].series, span[0].number),
    )
    merged: list[list[BatesNumber]] = []
    for first, last in spans:
        if (
            merged
            and merged[-1][1].series == first.series
            and first.number <= merged[-1][1].number + 1
        ):
            if last.number > merged[-1][1].number:
                merged[-1][1] = last
            continue
        merged.append([first, last])
    runs = [f"{a}" if a == b else f"{a}-{b}" for a, b in merged]
    return runs + list(dict.fromkeys(r.bates_begin for r in cited))


def _tally(values: Iterable[str]) -> str:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    if len(counts) == 1:
        return next(iter(counts))
    return "; ".join(f"{v} {n}" for v, n in counts.items())
