"""Filed papers and the places in them a court cites: "page 7, lines 3-9", "Tr. 7:3-9", "¶ 12",
"page 7, bullet 3".

A *filed paper* is what a party or the court filed and never produced: a brief, a declaration,
an expert report, a deposition excerpt, a statement of facts, the court's own order. It has no
Bates numbers and needs none: it is named by its docket entry (``ECF No. 122``) and its items by
a *pinpoint*, the page and lines, the paragraph or the page's bulleted line the court cites. A
pinpoint is parsed once, where it enters, and travels as a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from clawback.domain.errors import InvalidInput, RuleViolation

#: Lines on one page of pleading paper or a transcript run to 28 or 25; more is a typing slip.
MOST_LINES = 60
#: Bulleted lines on one page: more than a page holds is a typing slip.
MOST_BULLETS = 99


class FiledKind(StrEnum):
    """What a filed paper is, in the words of the docket."""

    brief = "brief"
    declaration = "declaration"
    expert_report = "expert_report"
    deposition = "deposition"
    statement_of_facts = "statement_of_facts"
    order = "order"


def filed_kind(given: str) -> FiledKind:
    """``brief`` -> ``FiledKind.brief``; anything else refused naming the kinds there are."""
    try:
        return FiledKind(given)
    except ValueError:
        kinds = ", ".join(k.value for k in FiledKind)
        raise InvalidInput(f"not a kind of filed paper ({kinds}): {given!r}") from None


_PREFIX = ("ecf no.", "ecf", "dkt. no.", "dkt.", "docket no.", "doc. no.", "doc.", "docs.")


def docket_entry(given: str) -> str:
    """``ECF No. 101-33``, ``Dkt. 101-33``, ``101-33`` -> ``101-33``: the entry, parsed once."""
    text = " ".join(str(given).split())
    low = text.lower()
    for prefix in _PREFIX:
        if low.startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    parts = text.split("-")
    if not 1 <= len(parts) <= 2 or not all(
        p.isascii() and p.isdigit() and len(p) <= 6 for p in parts
    ):
        raise InvalidInput(f"not a docket entry (ECF No. 101, ECF No. 101-33): {given!r}")
    return "-".join(str(int(p)) for p in parts)


_DASH = r"\s*(?:-|\u2013|\u2014|through|to)\s*"
_PAGE_LINES = re.compile(
    rf"^(?:at\s+)?(?:page|p\.|pg\.)\s*(\d{{1,4}})"
    rf"(?:\s*,?\s*(?:lines?|ll?\.)\s*(\d{{1,2}})(?:{_DASH}(\d{{1,2}}))?)?$",
    re.IGNORECASE | re.ASCII,
)
_TRANSCRIPT = re.compile(
    rf"^(?:(?:tr\.|dep\.|transcript)\s*)?(?:at\s+)?(\d{{1,4}}):(\d{{1,2}})(?:{_DASH}(\d{{1,2}}))?$",
    re.IGNORECASE | re.ASCII,
)
_PAGE_BULLET = re.compile(
    r"^(?:at\s+)?(?:page|p\.|pg\.)\s*(\d{1,4})\s*,?\s*(?:bullet(?:\s+point)?)\s*(\d{1,3})$",
    re.IGNORECASE | re.ASCII,
)
_PARAGRAPH = re.compile(
    r"^(?:\u00b6|para(?:graph)?\.?)\s*(\d{1,4}(?:\([a-z0-9]{1,4}\))*)$", re.IGNORECASE | re.ASCII
)


@dataclass(frozen=True)
class Pinpoint:
    """A place in a filed paper: a page (the filing's own, from 1) with a run of its lines or
    one of its bulleted lines (counted from 1 down the page), or a numbered paragraph."""

    page: int | None = None
    lines: tuple[int, int] | None = None
    paragraph: str | None = None
    bullet: int | None = None

    def __post_init__(self) -> None:
        if (self.page is None) == (self.paragraph is None):
            raise RuleViolation("a pinpoint is a page (with lines) or a paragraph, one")
        if self.page is not None and self.page < 1:
            raise RuleViolation(f"no page {self.page}: a filing's pages count from 1")
        if self.lines is not None:
            first, last = self.lines
            if self.page is None or not 1 <= first <= last <= MOST_LINES:
                raise RuleViolation(f"not a run of lines on a page, first to last: {self.lines}")
        if self.bullet is not None:
            if self.page is None or self.lines is not None:
                raise RuleViolation("a bullet is on a page, without lines: page 7, bullet 3")
            if not 1 <= self.bullet <= MOST_BULLETS:
                raise RuleViolation(f"no bullet {self.bullet}: a page's bullets count from 1")

    @property
    def whole_page(self) -> bool:
        """``page 19``: the page whole, no lines or bullet of it."""
        return self.page is not None and self.lines is None and self.bullet is None

    @classmethod
    def parse(cls, text: str) -> Pinpoint:
        """``page 7, lines 3-9``, ``p. 7, l. 3``, ``Tr. 7:3-9``, ``page 7``, ``¶ 12``,
        ``paragraph 12(a)``, ``page 7, bullet 3``; anything else is refused in one line."""
        raw = " ".join(str(text).split())
        try:
            bulleted = _PAGE_BULLET.match(raw)
            if bulleted:
                return cls(page=int(bulleted.group(1)), bullet=int(bulleted.group(2)))
            found = _PAGE_LINES.match(raw) or _TRANSCRIPT.match(raw)
            if found:
                page, first, last = found.groups()
                lines = (int(first), int(last or first)) if first else None
                return cls(page=int(page), lines=lines)
            paragraph = _PARAGRAPH.match(raw)
            if paragraph:
                return cls(paragraph=paragraph.group(1).lower())
        except RuleViolation as exc:
            raise InvalidInput(f"{exc}: {raw!r}") from None
        raise InvalidInput(
            "not a place in a filing (page 7, lines 3-9; Tr. 7:3-9; \u00b6 12; page 7, bullet 3): "
            f"{raw!r}"
        )

    def __str__(self) -> str:
        if self.paragraph is not None:
            return f"\u00b6 {self.paragraph}"
        if self.bullet is not None:
            return f"page {self.page}, bullet {self.bullet}"
        if self.lines is None:
            return f"page {self.page}"
        first, last = self.lines
        return (
            f"page {self.page}, line {first}"
            if first == last
            else (f"page {self.page}, lines {first}-{last}")
        )


@dataclass(frozen=True)
class FiledItem:
    """An item of a filed paper a claim, a ruling or a seal can name: its place and, where the
    redaction needs them, the words there (as an item of a produced page has them)."""

    id: str
    at: Pinpoint
    what: str
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class FiledPaper:
    """A paper on the docket, never produced: named by its docket entry, its items by place."""

    docket: str
    kind: FiledKind
    title: str
    pages: int
    items: tuple[FiledItem, ...] = ()

    def __post_init__(self) -> None:
        if not self.docket.strip():
            raise RuleViolation(f"filed paper {self.title!r}: no docket entry (ECF No. 122)")
        for item in self.items:
            if item.at.page is not None and item.at.page > self.pages:
                raise RuleViolation(
                    f"item {item.id!r} is at {item.at}, past the last page of {self.name} "
                    f"({self.pages})"
                )

    @property
    def name(self) -> str:
        """``ECF No. 122``: how an order names the paper."""
        docket = self.docket.strip()
        return docket if not docket[0].isdigit() else f"ECF No. {docket}"

    def cite(self, item: FiledItem) -> str:
        """``ECF No. 122 at page 7, lines 3-9``, ``ECF No. 99-4 \u00b6 12``, as orders cite."""
        joiner = " " if item.at.paragraph is not None else " at "
        return f"{self.name}{joiner}{item.at}"
