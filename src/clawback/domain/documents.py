"""Documents as the record knows them: exhibits, their pages by Bates number, families, items.

An *item* is the narrowest thing a claim or a ruling can name: a text span or a region on one
page (one database code), or a whole page. The court in the reference case ruled item by item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.counts import counted
from clawback.domain.errors import InvalidInput, NotFound, RuleViolation
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.order import DesignationHistory


@dataclass(frozen=True)
class Item:
    """A region or text span on one page, or the whole page, that a claim can name."""

    id: str
    page: BatesNumber
    what: str
    texts: tuple[str, ...] = ()
    whole_page: bool = False
    #: A region, in points on the produced page as displayed (origin top-left): see
    #: docs/redaction-policy.md.
    rect: tuple[float, float, float, float] | None = None
    #: The words the region covers, line by line, as extracted when the item was named.
    covered: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.texts and not self.whole_page and self.rect is None:
            raise RuleViolation(
                f"item {self.id!r} locates nothing: give its text, a rectangle or whole_page"
            )
        if any(not text.strip() for text in self.texts):  # "" is on every page
            raise RuleViolation(f"item {self.id!r}: a blank text locates nothing")
        if self.rect is not None:
            x0, y0, x1, y1 = self.rect
            if not (0 <= x0 < x1 and 0 <= y0 < y1):
                raise RuleViolation(
                    f"item {self.id!r}: rectangle {self.rect} is empty, inverted or negative"
                )


@dataclass(frozen=True)
class Exhibit:
    """A produced document, numbered as an exhibit, with its Bates range and designations."""

    number: int
    bates: BatesRange
    kind: str
    title: str
    designations: DesignationHistory
    family: str | None = None
    parent: bool = False
    publicly_available: bool = False
    items: tuple[Item, ...] = ()
    #: The identifier as the court writes it ("A", "P5", "5-A"); None: the number is it.
    written: ExhibitId | None = None
    #: The exhibit this one duplicates, its lead ("Ex. 12, a duplicate of Ex. 5").
    lead: ExhibitId | None = None
    #: A family exhibit (an e-mail with its attachments as one exhibit): the attachments'
    #: Bates ranges, in order; the exhibit spans its own range and these.
    attachments: tuple[BatesRange, ...] = ()

    def __post_init__(self) -> None:
        for item in self.items:
            if not any(item.page in r for r in (self.bates, *self.attachments)):
                raise RuleViolation(
                    f"item {item.id!r} is on {item.page}, outside {self.name} ({self.span})"
                )

    @property
    def identifier(self) -> ExhibitId:
        """The exhibit as the court writes it: ``12``, ``A``, ``5-A``."""
        return self.written if self.written is not None else ExhibitId.parse(self.number)

    @property
    def name(self) -> str:
        """``Ex. 12``, ``Ex. A``: how the record names it in a line."""
        return f"Ex. {self.identifier}"

    @property
    def span(self) -> BatesRange:
        """Its Bates range, a family exhibit's from the e-mail's first page to its last
        attachment's last (BEGATTACH..ENDATTACH)."""
        if not self.attachments:
            return self.bates
        last = max((r.last for r in self.attachments), default=self.bates.last)
        return BatesRange(self.bates.first, max(last, self.bates.last))

    @property
    def listed(self) -> str:
        """The exhibit as an exhibit list gives it: ``Ex. 12 (a duplicate of Ex. 5)``, ``Ex. 3
        (with its 2 attachments, ABC-000010 through ABC-000014)``, ``Ex. A``."""
        if self.lead is not None:
            return f"{self.name} (a duplicate of Ex. {self.lead})"
        if self.attachments:
            span = self.span
            what = counted(len(self.attachments), "attachment")
            return f"{self.name} (with its {what}, {span.first} through {span.last})"
        return self.name

    @property
    def designation(self) -> str | None:
        current = self.designations.current
        return current.tier if current else None

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise NotFound(f"no item {item_id!r} on {self.name}")

    def page_index(self, bates: BatesNumber) -> int:
        return self.bates.index(bates)


def family_range(exhibits: Iterable[Exhibit], family: str) -> BatesRange:
    """BEGATTACH..ENDATTACH: the span of every member of a family (parent and attachments)."""
    members = [e for e in exhibits if e.family == family]
    if not members:
        raise NotFound(f"no family {family!r}")
    first = min(e.bates.first for e in members)
    last = max(e.bates.last for e in members)
    return BatesRange(first, last)


def find_exhibit(exhibits: Sequence[Exhibit], number: int | ExhibitId) -> Exhibit:
    """The exhibit by its ordinal (an int) or by its identifier as written."""
    for exhibit in exhibits:
        if exhibit.number == number if isinstance(number, int) else exhibit.identifier == number:
            return exhibit
    raise NotFound(f"no Ex. {number} in the record")


def exhibit_at(exhibits: Iterable[Exhibit], bates: BatesNumber) -> Exhibit:
    """The exhibit whose Bates range holds this page."""
    for exhibit in exhibits:
        if bates in exhibit.bates:
            return exhibit
    raise NotFound(f"no produced page {bates}")


def exhibit_runs(numbers: Iterable[int]) -> str:
    """How an order lists exhibits: ``[1..13, 18, 19]`` -> ``"Exs. 1-13, 18, 19"``."""
    ordered = sorted(set(numbers))
    if not ordered:
        return ""
    runs: list[tuple[int, int]] = []
    for n in ordered:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    parts = []
    for a, b in runs:  # a run of three or more is joined by a hyphen; a pair is listed
        parts.extend([f"{a}-{b}"] if b > a + 1 else [str(n) for n in range(a, b + 1)])
    label = "Exs." if len(ordered) > 1 else "Ex."
    return f"{label} {', '.join(parts)}"


_EXHIBIT_LABEL = re.compile(r"^\s*(?:exhibits?|exs?)\.?\s*", re.IGNORECASE)
_EXHIBIT_RUN = re.compile(r"^(\d+)(?:\s*(?:-|\u2013|through|to)\s*(\d+))?$", re.IGNORECASE)
MOST_EXHIBITS = 10_000  # a run longer than this is a typing slip, not a list of exhibits


def exhibit_numbers(texts: Iterable[str]) -> tuple[int, ...]:
    """Exhibits as a paralegal lists them, each text a number, a run or a list of both:
    ``"5"``, ``"1-17"``, ``"Exs. 1-13, 18 and 19"``, ``"3 through 7"``; in the order given,
    each once. The inverse of ``exhibit_runs``."""
    found: dict[int, None] = {}
    for text in texts:
        body = _EXHIBIT_LABEL.sub("", text)
        for part in re.split(r"\s*(?:,|;|\band\b)\s*", body.strip()):
            run = _EXHIBIT_RUN.match(part.strip())
            if run is None:
                raise InvalidInput(f"not an exhibit, a run (1-17) or a list (1, 3, 5-7): {text!r}")
            first = int(run.group(1))
            last = int(run.group(2) or first)
            if first < 1 or last < first or last - first >= MOST_EXHIBITS:
                raise InvalidInput(f"not a run of exhibits, first to last: {part.strip()!r}")
            found.update(dict.fromkeys(range(first, last + 1)))
    return tuple(found)
