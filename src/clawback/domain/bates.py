"""Bates numbers and Bates ranges, as written on productions and in court orders.

Every page a party produces in litigation is stamped with a Bates number: the producing
party's prefix followed by a zero-padded page counter, ``AOL-DEF-00556914``. A document is
cited by its first and last page, and orders and privilege logs write those ranges in many
ways: ``AOL-DEF-00556914 through AOL-DEF-00556934``, ``AOL-DEF-00556914-AOL-DEF-00556918``,
or abbreviated to the trailing digits that change, ``AOL-DEF-00528691-707``. Lists of ranges
(``Bates Nos. AOL-DEF-00556914-930, 00528691-707, and AOL-DEF-00516605-623``) let later
entries drop the prefix, which they inherit from the entry before.

Prefixes are compared by *series*: uppercase, with the separators ``-``, ``_``, ``.`` and
space removed, because the same production is stamped ``AOL-DEF-``, quoted ``AOL_DEF_`` in
a load file and typed ``AOL DEF`` in a brief. Each word of a prefix starts with a letter and
ends with a letter (``ABC-``, ``P2P_``, ``SMITH``; not ``PL-2019-`` or ``MDL2047-``), or
with digits just before an underscore (``NG7_0001234``: the prefix ``NG7_``). The counter is
then always the final run of digits, a hyphen after a digit always starts the end of a range
(``AOL-DEF-00528691-707`` has a single reading), and a full stop or a space after one is
never part of a prefix, so that a footnote marker glued to a number (``ABC000123.4``) is not
read as a page ``4`` of a series ``ABC000123.``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from clawback.domain.counts import counted
from clawback.domain.errors import InvalidInput


class BatesError(InvalidInput):
    """A string is not a Bates number or range, or numbers do not form a valid range."""


#: The separators a prefix may hold, which its series (its comparison key) drops.
SEPARATORS = "-_. "
_DROP_SEPARATORS = str.maketrans("", "", SEPARATORS)
_DIGITS = "0123456789"
# A word: digits inside it, or at its end just before an underscore ("NG7_").
_SEGMENT = r"[A-Za-z](?:[A-Za-z]|[0-9]+(?=[A-Za-z]|_))*"
_PREFIX = rf"{_SEGMENT}(?:[-_. ]{_SEGMENT})*[-_. ]?"
_PREFIX_RE = re.compile(_PREFIX)
_NUMBER_RE = re.compile(rf"(?P<prefix>{_PREFIX})(?P<digits>[0-9]+)")
_LABEL_RE = re.compile(
    r"\s*bates\s+(?:no\(s\)|nos?|number\(s\)|numbers?|range\(s\)|ranges?)(?![A-Za-z0-9])"
    r"\.?\s*:?\s*",
    re.IGNORECASE,
)
_HYPHENS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2212\ufe63\uff0d", "-"))
# Separators between the two ends of a range that cannot belong to a prefix.
_RANGE_WORD_RE = re.compile(
    r"\s+(?:through|thru|to)\s+|\s*[\u2013\u2014\u2015]\s*|\s+-\s+", re.IGNORECASE
)
_LIST_SPLIT_RE = re.compile(r"(?:\s*(?:[,;&]|\band\b)\s*)+", re.IGNORECASE)
_RANGE_HYPHEN_RE = re.compile(r"(?<=[0-9])-")
_MIN_END_DIGITS = 3  # an abbreviated end keeps at least this many digits


def _clean(text: str) -> str:
    """Drop a leading "Bates No(s)." label and turn hyphen look-alikes into hyphens."""
    text = text.translate(_HYPHENS)
    label = _LABEL_RE.match(text)
    return text[label.end() if label else 0 :].strip()


def _squash(text: str) -> str:
    """Undo line-break damage: no space around ``-_.``, single spaces elsewhere."""
    return re.sub(r"\s+", " ", re.sub(r"\s*([-_.])\s*", r"\1", text.strip()))


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _try_number(text: str) -> BatesNumber | None:
    """The Bates number ``text`` spells exactly (already squashed), or None."""
    match = _NUMBER_RE.fullmatch(text)
    if match is None:
        return None
    digits = match["digits"]
    return BatesNumber(match["prefix"], int(digits), len(digits))


def _parse_number(text: str, shown: str) -> BatesNumber:
    number = _try_number(_squash(text))
    if number is None:
        raise BatesError(f"not a Bates number: {shown!r}")
    return number


@functools.lru_cache(maxsize=1024)
def _is_prefix(prefix: str) -> bool:
    """Whether ``prefix`` is a Bates prefix: asked of every number made, of a few prefixes
    (a case has a handful of productions), so each is matched once."""
    return _PREFIX_RE.fullmatch(prefix) is not None


#: The largest counter: 18 digits, as no production stamps more, and every database's 64-bit
#: integer column holds it (a longer one typed into a filter is refused, not sent to SQL).
MAX_NUMBER = 10**18 - 1


@functools.total_ordering
@dataclass(frozen=True, eq=False)
class BatesNumber:
    """One stamped page: ``prefix`` as written (``"AOL-DEF-"``), the counter and its padding.

    Equality, hashing and ordering use ``(series, number)`` only, so ``AOL_DEF_00556914``
    equals ``AOL-DEF-00556914`` and ``NGC 157201`` equals ``NGC 0157201``. Ordering numbers
    of different series raises BatesError: pages of different productions have no order.
    """

    prefix: str
    number: int
    width: int

    def __post_init__(self) -> None:
        shown = f"{self.prefix}{self.number}"
        if not _is_prefix(self.prefix):
            raise BatesError(f"not a Bates prefix: {self.prefix!r}")
        if self.number < 0:
            raise BatesError(f"Bates number below zero: {shown!r}")
        if self.number > MAX_NUMBER:
            raise BatesError(f"Bates number of more than 18 digits: {shown[:40]!r}")
        if self.width < 1 or len(str(self.number)) > self.width:
            raise BatesError(f"Bates number does not fit in {self.width} digits: {shown!r}")

    @classmethod
    def parse(cls, text: str) -> BatesNumber:
        """Read one Bates number, tolerating a "Bates No." label and stray spaces."""
        return _parse_number(_clean(text), text)

    @classmethod
    def stored(cls, text: str) -> BatesNumber:
        """Read a Bates number as ``str`` wrote it (as a Bates column keeps it): its prefix,
        then its digits. A page view reads hundreds (its document's pages, their neighbours),
        and ``parse``'s tolerance of labels, look-alike hyphens and broken lines is most of
        each one's cost; anything not written so is read by ``parse``, so the two never
        differ."""
        prefix = text.rstrip(_DIGITS)  # a prefix never ends in a digit
        digits = text[len(prefix) :]
        if digits and _is_prefix(prefix) and not _LABEL_RE.match(text):
            return cls(prefix, int(digits), len(digits))
        return cls.parse(text)

    @property
    def series(self) -> str:
        """The prefix as a comparison key: ``"AOL-DEF-"`` and ``"aol_def_"`` give ``"AOLDEF"``."""
        return self.prefix.upper().translate(_DROP_SEPARATORS)

    def __str__(self) -> str:
        return f"{self.prefix}{self.number:0{self.width}d}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BatesNumber):
            return NotImplemented
        return (self.series, self.number) == (other.series, other.number)

    def __hash__(self) -> int:
        return hash((self.series, self.number))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, BatesNumber):
            return NotImplemented
        self._same_series(other, "cannot order")
        return self.number < other.number

    def __add__(self, n: int) -> BatesNumber:
        """The page ``n`` pages on (or back, for negative ``n``), in the same style."""
        if not isinstance(n, int):
            return NotImplemented
        return BatesNumber(self.prefix, self.number + n, self.width)

    def __sub__(self, other: BatesNumber) -> int:
        """How many pages ``other`` is before ``self``."""
        if not isinstance(other, BatesNumber):
            return NotImplemented
        self._same_series(other, "cannot subtract")
        return self.number - other.number

    def _same_series(self, other: BatesNumber, verb: str) -> None:
        if self.series != other.series:
            raise BatesError(f"{verb} Bates numbers of different series: '{self}', '{other}'")


@dataclass(frozen=True)
class BatesRange:
    """The pages ``first`` through ``last`` of one production series, both included."""

    first: BatesNumber
    last: BatesNumber

    def __post_init__(self) -> None:
        _check_range(self.first, self.last, f"{self.first}-{self.last}")

    @classmethod
    def parse(cls, text: str) -> BatesRange:
        """Read a single page or a range in any of the forms found in orders and logs."""
        return _parse_range(_clean(text), text)

    @classmethod
    def single(cls, n: BatesNumber) -> BatesRange:
        """The one-page range of ``n``."""
        return cls(n, n)

    @property
    def series(self) -> str:
        return self.first.series

    def _at(self, number: int) -> BatesNumber:
        """Page ``number`` styled like ``first``, widened if the counter outgrew its padding."""
        return BatesNumber(self.first.prefix, number, max(self.first.width, len(str(number))))

    def __str__(self) -> str:
        if self.first.number == self.last.number:
            return str(self.first)
        return f"{self.first}-{self._at(self.last.number)}"

    def abbreviated(self, with_prefix: bool = True) -> str:
        """The order style ``AOL-DEF-00528691-707``: the end keeps only the digits that change.

        Orders do not cut the end below three digits (``00556914-930``, not ``-30``), so
        the end keeps at least that many, or all of them for a narrower counter. An end whose
        counter outgrew the padding of ``first`` (``NGC 9998-NGC 10001``) is written in full.
        """
        start = str(self.first) if with_prefix else str(self.first)[len(self.first.prefix) :]
        if self.first.number == self.last.number:
            return start
        width = self.first.width
        head = f"{self.first.number:0{width}d}"
        tail = f"{self.last.number:0{width}d}"
        if len(tail) > width:
            return f"{start}-{self._at(self.last.number)}"
        changed = len(head) - len(_common_head(head, tail))
        return f"{start}-{tail[-max(changed, min(_MIN_END_DIGITS, width)) :]}"

    def __len__(self) -> int:
        return self.last.number - self.first.number + 1

    def __iter__(self) -> Iterator[BatesNumber]:
        for number in range(self.first.number, self.last.number + 1):
            yield self._at(number)

    def __contains__(self, x: object) -> bool:
        """A page of this range, or a range lying wholly inside it."""
        if isinstance(x, BatesRange):
            return x.first in self and x.last in self
        if isinstance(x, BatesNumber):
            return x.series == self.series and self.first.number <= x.number <= self.last.number
        return False

    def overlaps(self, other: BatesRange) -> bool:
        """Whether the two ranges share at least one page."""
        return (
            self.series == other.series
            and self.first.number <= other.last.number
            and other.first.number <= self.last.number
        )

    def page(self, index: int) -> BatesNumber:
        """The ``index``-th page, counting from 0; IndexError outside the range."""
        if not 0 <= index < len(self):
            raise IndexError(f"page {index} outside {self} ({counted(len(self), 'page')})")
        return self._at(self.first.number + index)

    def index(self, n: BatesNumber) -> int:
        """The 0-based position of page ``n``; BatesError if it is not in the range."""
        if n not in self:
            raise BatesError(f"'{n}' is not in Bates range '{self}'")
        return n.number - self.first.number


def _common_head(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return a[:size]


def _check_range(first: BatesNumber, last: BatesNumber, shown: str) -> None:
    if first.series != last.series:
        raise BatesError(f"prefixes differ in range: {shown!r}")
    if last.number < first.number:
        raise BatesError(f"Bates range ends before it begins: {shown!r}")


def _finish(first: BatesNumber, end: str, shown: str) -> BatesRange:
    """The range from ``first`` to ``end``: a full number or the trailing digits of one."""
    if _is_digits(end):
        width = first.width
        if len(end) < width:
            last = BatesNumber(
                first.prefix, int(f"{first.number:0{width}d}"[: -len(end)] + end), width
            )
        elif len(end) == width or end[0] != "0":
            last = BatesNumber(first.prefix, int(end), len(end))
        else:
            raise BatesError(f"Bates range end has more digits than its start: {shown!r}")
    else:
        last = _parse_number(end, shown)
    _check_range(first, last, shown)
    return BatesRange(first, last)


def _parse_range(body: str, shown: str) -> BatesRange:
    """Parse a cleaned range ``body``; errors quote ``shown``, what the caller wrote."""
    parts = _RANGE_WORD_RE.split(body)
    if len(parts) == 2:
        return _finish(_parse_number(parts[0], shown), _squash(parts[1]), shown)
    if len(parts) > 2:
        raise BatesError(f"not a Bates range: {shown!r}")
    flat = _squash(body)
    # Prefix digits are always followed by a letter, so a hyphen after a digit can only
    # end the counter of the first number and start the end of the range.
    hyphen = _RANGE_HYPHEN_RE.search(flat)
    first = _try_number(flat if hyphen is None else flat[: hyphen.start()])
    if first is None:
        raise BatesError(f"not a Bates number or range: {shown!r}")
    if hyphen is None:
        return BatesRange(first, first)
    return _finish(first, flat[hyphen.end() :], shown)


def parse_ranges(text: str) -> list[BatesRange]:
    """Read a list of ranges separated by commas, semicolons or "and", in the order written.

    An entry that starts with digits inherits the prefix of the entry before it, as in
    ``AOL-DEF-00556914-930, 00528691-707``.
    """
    ranges: list[BatesRange] = []
    for raw in _LIST_SPLIT_RE.split(_clean(text)):
        part = _clean(raw)
        if not part:
            continue
        body = part
        if _is_digits(part[0]):
            if not ranges:
                raise BatesError(f"Bates range has no prefix: {raw.strip()!r}")
            body = ranges[-1].first.prefix + part
        ranges.append(_parse_range(body, raw.strip()))
    if not ranges:
        raise BatesError(f"no Bates ranges in: {text!r}")
    return ranges


def coalesce(ranges: Iterable[BatesRange]) -> list[BatesRange]:
    """Sort by series and first page, merging ranges that overlap or touch."""
    merged: list[BatesRange] = []
    for rng in sorted(ranges, key=lambda r: (r.series, r.first.number, r.last.number)):
        if merged and merged[-1].series == rng.series:
            top = merged[-1]
            if rng.first.number <= top.last.number + 1:
                if rng.last.number > top.last.number:
                    merged[-1] = BatesRange(top.first, rng.last)
                continue
        merged.append(rng)
    return merged


def format_ranges(ranges: Sequence[BatesRange]) -> str:
    """Write ranges the way an order lists them, keeping the given order.

    A range that continues the one before it is joined to it; each range is abbreviated
    and drops its prefix when it repeats the previous one's series:
    ``AOL-DEF-00556914-930, 00528691-707, 00516605-623``.
    """
    joined: list[BatesRange] = []
    for rng in ranges:
        top = joined[-1] if joined else None
        if top is not None and top.series == rng.series and rng.first.number == top.last.number + 1:
            joined[-1] = BatesRange(top.first, rng.last)
        else:
            joined.append(rng)
    return ", ".join(
        rng.abbreviated(with_prefix=i == 0 or joined[i - 1].series != rng.series)
        for i, rng in enumerate(joined)
    )
