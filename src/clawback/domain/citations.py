"""Bates citations and exhibit references in the running text of a brief.

`BatesNumber.parse` reads a string that *is* a Bates number; in prose it would take the words
before the number for part of the prefix (``see AOL-DEF-00528703`` has the prefix ``see AOL-DEF-``).
A brief's text therefore has its own finder, which knows the producing parties' prefixes and
looks only for those. It reads what briefs write:

* a single page, ``AOL-DEF-00528703``, with any separators between the prefix's words
  (``AOL_DEF_``, ``AOL DEF``) and line breaks anywhere between words, dashes and digits, because
  text extracted from a PDF wraps where the line did (``AOL-DEF-\\n00528703``);
* a range: ``X through Y`` (``thru``, ``to``), ``X-Y`` with hyphens, en or em dashes, the end
  written in full or abbreviated to its trailing digits (``AOL-DEF-00528691-707``);
* a list, usually after ``Bates Nos.``: entries joined by commas, semicolons, ``&`` or ``and``;
  an entry may drop the prefix (``AOL-DEF-00556914-930, 00528691-707``) when its digits are as
  many as those of the entry before, so that a count or a year after a comma is not read as a
  page;
* a pin cite, ``AOL-DEF-00528703 at 2`` (``at p. 2``, ``at 2-3``): part of the citation's span,
  not of its pages.

What a citation cannot be read as is said, not guessed: a footnote marker glued to a number
(``ABC000123.4``, ``ABC0001234 5``), or a suffix (an attachment's ``ABC0045.0001``, a page's
``ABC0061-C``), leaves the number cited and a `Citation.warnings` line;
a number with a letter among its digits (``ABC00O123``) is no citation at all but a `Typo`
(`find_typos`), with the number it was probably meant to be.

`find_exhibit_refs` reads ``Ex. 18``, ``Exs. 1-13``, ``Gov't Ex. 5``, ``Exhibits 14 and 15``
and ``Pl.'s Exhibit 4`` (with a pin cite, which ends the reference), and lettered exhibits as
the workspace names them: ``Ex. A``, ``Exhibits C through F``, ``Ex. 5-A``, ``Ex. A-1``.

`clawback.domain.references` reads the rest of what a paper cites (the docket, the case law)
and finds the prefixes of a paper's Bates numbers when the record knows none.

Offsets are indices into the text as given; ``raw`` is ``text[start:end]``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import NamedTuple

from clawback.domain.bates import BatesError, BatesNumber, BatesRange
from clawback.domain.exhibit_ids import ExhibitId

__all__ = ["Citation", "ExhibitRef", "Typo", "find_citations", "find_exhibit_refs", "find_typos"]

_HYPHENS = "\\-\u2010\u2011\u2012\u2212\ufe63\uff0d"  # the hyphen and its look-alikes
_DASHES = _HYPHENS + "\u2013\u2014\u2015"  # ... and en, em and horizontal-bar dashes
# Between two words of a prefix, and between the prefix and the digits.
_JOIN = rf"(?:\s*[{_HYPHENS}_.]\s*|\s+)?"
_DIGITS = r"[0-9]+(?![0-9])"
_RANGE = re.compile(rf"\s*[{_DASHES}]\s*|\s+(?:through|thru|to)\s+", re.IGNORECASE)
_END_DIGITS = re.compile(_DIGITS)
_PIN = re.compile(
    rf",?\s+at\s+(?:pp?\.\s*)?[0-9]+(?:\s*[{_DASHES}]\s*[0-9]+)?(?![0-9])", re.IGNORECASE
)
_LIST = re.compile(r"\s*[,;&]\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\W_]+")
# A footnote marker glued to a number: ".4" or " 5", then no more digits or letters.
_MARKER = re.compile(r"(?:\.|[ \t])[0-9]{1,2}(?![0-9A-Za-z])(?!\.[0-9])")
# A suffix glued to a number: an attachment's ".0001", a page's "-C" or "A".
_SUFFIX = re.compile(r"(?:\.[0-9]{3,6}|-?[A-Za-z])(?![A-Za-z0-9])")
# A word run into a number: two table cells run together ("MK 0229494Safety").
_RUN_ON = re.compile(r"[A-Z][a-z]+")
# A letter standing for a digit: O for 0, I or l for 1.
_LOOKALIKE = "OoIl"
_AS_DIGIT = str.maketrans("OoIl", "0011")
# A counter, unless a look-alike letter and more digits follow it (ABC00O123: a typo, not ABC00).
_COUNTER = rf"[0-9]+(?![0-9])(?![{_LOOKALIKE}][0-9{_LOOKALIKE}]*[0-9])"
# A counter with a look-alike letter beside a digit, and nothing alphanumeric after it.
_TYPO_DIGITS = (
    rf"[0-9{_LOOKALIKE}]*(?:[0-9][{_LOOKALIKE}]|[{_LOOKALIKE}][0-9])[0-9{_LOOKALIKE}]*"
    r"(?![0-9A-Za-z])"
)
#: An exhibit range longer than this is taken for a typo, not expanded.
_MAX_EXHIBIT_RANGE = 500


@dataclass(frozen=True)
class Citation:
    """One citation of produced pages: ``text[start:end] == raw``, read as ``ranges``.

    The ranges use the prefix as the caller gave it (``AOL-DEF-``), whatever separators the
    text used, with the counter's padding as written.
    """

    start: int
    end: int
    raw: str
    ranges: tuple[BatesRange, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Typo:
    """A Bates number of a known prefix with a letter among its digits: ``text[start:end] ==
    raw``; ``meant`` is the number with O read as 0 and I or l as 1."""

    start: int
    end: int
    raw: str
    meant: BatesNumber

    def __str__(self) -> str:
        return f"'{self.raw}' has a letter among its digits: '{self.meant}' meant?"


class ExhibitRef(NamedTuple):
    """``Ex. 18``, ``Exs. 1-13``, ``Ex. A``, ``Exs. C-F``, ``Ex. 5-A``: where it is and the
    exhibits as the workspace names them (`clawback.domain.exhibit_ids`), runs expanded."""

    start: int
    end: int
    exhibits: tuple[ExhibitId, ...]

    @property
    def numbers(self) -> tuple[int, ...]:
        """The plain numbers among the exhibits (``Ex. 18``), for readers of numbers only."""
        return tuple(x.number for x in self.exhibits if x.number is not None)


def _words(prefix: str) -> list[str]:
    return [w for w in re.split(r"[-_. ]+", prefix) if w]


def _series(text: str) -> str:
    return _SEPARATORS.sub("", text).upper()


def _number_pattern(
    prefixes: Collection[str], digits: str = _COUNTER
) -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern for a full number of any known prefix (its counter read by ``digits``), and
    the prefix for each series."""
    by_series: dict[str, str] = {}
    for prefix in prefixes:
        BatesNumber(prefix, 0, 1)  # raises BatesError for something that is not a prefix
        by_series.setdefault(_series(prefix), prefix)
    alternatives = sorted(
        (_JOIN.join(re.escape(w) for w in _words(p)) + _JOIN for p in by_series.values()),
        key=len,
        reverse=True,
    )
    pattern = re.compile(
        rf"(?<![A-Za-z0-9])(?<![A-Za-z][{_HYPHENS}_.])"
        rf"(?P<prefix>{'|'.join(alternatives)})(?P<digits>{digits})",
        re.IGNORECASE,
    )
    return pattern, by_series


class _Reader:
    """Reads one citation at a time from a text, for a fixed set of prefixes."""

    def __init__(self, text: str, prefixes: Collection[str]) -> None:
        self.text = text
        self.number, self.by_series = _number_pattern(prefixes)
        self.typo, _ = _number_pattern(prefixes, _TYPO_DIGITS)

    def _first(self, match: re.Match[str]) -> BatesNumber:
        digits = match["digits"]
        return BatesNumber(self.by_series[_series(match["prefix"])], int(digits), len(digits))

    def _range(self, first: BatesNumber, pos: int) -> tuple[BatesRange, int]:
        """The range starting with ``first`` (whose digits end at ``pos``), and where it ends."""
        dash = _RANGE.match(self.text, pos)
        if dash is not None:
            full = self.number.match(self.text, dash.end())
            if full is not None:
                last = self._first(full)
                if last.series == first.series and last.number >= first.number:
                    return BatesRange(first, last), full.end()
            else:
                end = _END_DIGITS.match(self.text, dash.end())
                if end is not None:
                    try:
                        found = BatesRange.parse(f"{first}-{end.group()}")
                    except BatesError:
                        pass
                    else:
                        return BatesRange(first, found.last), end.end()
        return BatesRange.single(first), pos

    def _entry(self, first: BatesNumber, pos: int) -> tuple[BatesRange, int]:
        """A range and its pin cite, if any."""
        rng, pos = self._range(first, pos)
        pin = _PIN.match(self.text, pos)
        return rng, pin.end() if pin is not None else pos

    def _next(self, previous: BatesRange, pos: int) -> tuple[BatesNumber, int] | None:
        """The first number of the next list entry after ``pos``, and where its digits end."""
        joint = _LIST.match(self.text, pos)
        if joint is None:
            return None
        full = self.number.match(self.text, joint.end())
        if full is not None:
            return self._first(full), full.end()
        bare = _END_DIGITS.match(self.text, joint.end())
        if bare is None or len(bare.group()) != previous.first.width:
            return None
        digits = bare.group()
        return BatesNumber(previous.first.prefix, int(digits), len(digits)), bare.end()

    def _marker(self, start: int, end: int, last: BatesNumber) -> tuple[str, ...]:
        """A warning if a footnote marker or a suffix (``.0001``, ``-C``) seems glued to the
        citation ``text[start:end]``."""
        marker = _MARKER.match(self.text, end)
        if marker is not None:
            glued = " ".join(self.text[start : marker.end()].split())
            return (f"'{glued}': a footnote marker glued to '{last}'? read as '{last}'",)
        run_on = _RUN_ON.match(self.text, end)
        if run_on is not None:
            glued = " ".join(self.text[start : run_on.end()].split())
            return (f"'{glued}': the number runs into the next word (two cells run together?)",)
        suffix = _SUFFIX.match(self.text, end)
        if suffix is not None:
            glued = " ".join(self.text[start : suffix.end()].split())
            return (f"'{glued}': a suffix after '{last}'? read as '{last}'",)
        return ()

    def typos(self) -> list[Typo]:
        found: list[Typo] = []
        for match in self.typo.finditer(self.text):
            raw = match.group()
            digits = match["digits"].translate(_AS_DIGIT)
            meant = BatesNumber(self.by_series[_series(match["prefix"])], int(digits), len(digits))
            found.append(Typo(match.start(), match.end(), raw, meant))
        return found

    def citations(self) -> list[Citation]:
        found: list[Citation] = []
        pos = 0
        while (match := self.number.search(self.text, pos)) is not None:
            ranges: list[BatesRange] = []
            rng, end = self._entry(self._first(match), match.end())
            ranges.append(rng)
            while (following := self._next(rng, end)) is not None:
                rng, end = self._entry(*following)
                ranges.append(rng)
            start = match.start()
            warnings = self._marker(start, end, ranges[-1].last)
            found.append(Citation(start, end, self.text[start:end], tuple(ranges), warnings))
            pos = end
        return found


def find_citations(text: str, prefixes: Collection[str]) -> list[Citation]:
    """Every Bates citation of the given producing parties' prefixes in ``text``, in order.

    Raises `BatesError` if a prefix is not one (see `clawback.domain.bates`).
    """
    if not prefixes:
        return []
    return _Reader(text, prefixes).citations()


def find_typos(text: str, prefixes: Collection[str]) -> list[Typo]:
    """Every number of the given prefixes in ``text`` with a letter among its digits."""
    if not prefixes:
        return []
    return _Reader(text, prefixes).typos()


# -- exhibits --------------------------------------------------------------------------------

_APOS = "['\u2019]"
_PARTY = (
    rf"(?:Gov{_APOS}t|Govt\.?|Government(?:{_APOS}s)?|United\s+States{_APOS}?"
    rf"|Pls?\.?(?:{_APOS}s?)?|Plaintiffs?(?:{_APOS}s?)?"
    rf"|Defs?\.?(?:{_APOS}s?)?|Defendants?(?:{_APOS}s?)?|Joint|Trial|Dep\.?|Deposition)"
)
# An exhibit as the workspace names it (`clawback.domain.exhibit_ids`): a number, a number
# with a lettered sub-exhibit (``5-A``), letters (``A``, ``AA``) or a letter's sub-exhibit
# (``A-1``); letters only in capitals, and nothing alphanumeric after them (``Ex. AOL-DEF-``,
# ``EXAMPLE``: no exhibit).
_EXHIBIT_NUMBER = r"[0-9]{1,4}(?![0-9])"
_EXHIBIT_ID = (
    rf"(?:{_EXHIBIT_NUMBER}(?:-?(?-i:[A-Z]{{1,2}})(?![A-Za-z0-9]))?"
    r"|(?!NOS?\.)(?-i:[A-Z]{1,2})(?:-[0-9]{1,3})?(?![A-Za-z0-9]))"
)
_EXHIBIT = re.compile(
    rf"(?<![A-Za-z])(?:{_PARTY}\s+)?(?P<label>Exhibits?|Exhs?\.?|Exs?\.?)\s*(?:Nos?\.\s*)?"
    rf"(?={_EXHIBIT_ID})",
    re.IGNORECASE,
)
_EXHIBIT_RANGE = re.compile(
    rf"(?P<first>{_EXHIBIT_ID})(?:(?:\s*[{_DASHES}]\s*|\s+(?:through|to)\s+)"
    rf"(?P<last>{_EXHIBIT_ID}))?",
    re.IGNORECASE,
)
_EXHIBIT_LIST = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*", re.IGNORECASE)
# What stands between a label and its letters: "Ex. A", "Exhibit A", never "EXHIBITS".
_APART = frozenset(". \t\n\r\u00a0")
# "Ex. A and I agree": the pronoun, not Ex. I, when a word in lower case follows it; never
# after a plural label, which says more than one follows ("Exhibits H and I are sealed").
_PRONOUN = re.compile(r"I\s+[a-z]")
_PLURAL = re.compile(r"(?:Exhibits|Exhs|Exs)\.?", re.IGNORECASE)


def _exhibit_entry(text: str, pos: int) -> tuple[tuple[ExhibitId, ...], int] | None:
    match = _EXHIBIT_RANGE.match(text, pos)
    if match is None:
        return None
    first = ExhibitId.parse(match["first"])
    if match["last"] is not None:
        last = ExhibitId.parse(match["last"])
        run = [first]
        while len(run) <= _MAX_EXHIBIT_RANGE and run[-1] < last:
            following = run[-1].next()
            if following is None:
                break
            run.append(following)
        if len(run) > 1 and run[-1] == last:  # "1-13", "C through F", "5-A to 5-C"
            return tuple(run), match.end()
    return (first,), match.end("first")  # "Ex. 9-2": Ex. 9, the rest no exhibit's


def find_exhibit_refs(text: str) -> list[ExhibitRef]:
    """Every exhibit reference in ``text``, in order, with its exhibits (runs expanded); a
    lettered one only after a label written with a capital (``Exhibit A``, not ``exhibit A``)."""
    found: list[ExhibitRef] = []
    pos = 0
    while (match := _EXHIBIT.search(text, pos)) is not None:
        entry = _exhibit_entry(text, match.end())
        assert entry is not None  # the pattern ends by looking at an identifier
        exhibits, end = entry
        if exhibits[0].number is None and (
            match["label"][0] == "e" or text[match.end() - 1] not in _APART
        ):
            pos = match.end()  # "the exhibits I read", "EXHIBITS" (not EXHIBIT S): no exhibit
            continue
        while True:
            pin = _PIN.match(text, end)
            if pin is not None:
                end = pin.end()
                break
            joint = _EXHIBIT_LIST.match(text, end)
            if joint is None or (
                _PRONOUN.match(text, joint.end()) and not _PLURAL.fullmatch(match["label"])
            ):
                break
            following = _exhibit_entry(text, joint.end())
            if following is None:
                break
            exhibits += following[0]
            end = following[1]
        found.append(ExhibitRef(match.start(), end, exhibits))
        pos = end
    return found
