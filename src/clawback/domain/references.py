"""Everything a paper cites, told apart: produced pages, this case's docket, case law, exhibits.

A brief, an order or an exhibit index cites four kinds of thing, and each looks like another:

* **record citations**, this case's docket: ``Dkt. No. 463 at 7``, ``Dkt. Nos. 461-2 and
  463-2``, ``ECF 26-2``, ``ECF No. 26-2 at 3``, ``Dkt. 434 at 5-6`` (`find_record_citations`).
  ``ECF 2612`` is an entry of the docket, not page 2612 of a production ``ECF``;
* **authorities**: case law and statutes, found by eyecite (Free Law Project), from the case
  name through the parenthetical: ``Kelly v. City of San Jose, 114 F.R.D. 653, 663 (N.D. Cal.
  1987)``, ``2016 WL 362508, at *4``, ``Id. at 662``, ``28 U.S.C. § 1746``
  (`find_authorities`). ``WL 362508`` is a Westlaw number and ``F.R.D. 653`` a reporter page,
  not Bates numbers; and an exhibit named inside another case's citation (``(sealing Trial Ex.
  46)``) is that case's exhibit, never this case's Ex. 46;
* **Bates citations** (`clawback.domain.citations`), for the prefixes the record knows and for
  those the paper itself writes (`find_prefixes`), so that an index or a brief is read in a
  workspace that has produced nothing yet;
* **exhibit references** (`clawback.domain.citations.find_exhibit_refs`).

`read_references` reads all four at once, each outside the spans of the others that take
precedence (authorities, then the docket), and adds the warnings no single finder can give:
a number one or two digits longer than the rest of its series (a footnote marker glued on with
no space, ``ABC00012345`` among ``ABC0001234``\\ s), or two numbers of six digits or more glued,
the range's hyphen lost (``MK 02231140223128``).

Finding prefixes. A Bates prefix is written in capitals (``AOL-DEF-``, ``NG7_``, ``NGC``,
``ABC``), its words joined by ``-``, ``_``, ``.`` or a space, and followed by a counter of at
least five digits or a leading zero (productions pad their counters; a one-letter prefix, ``T
007339``, six digits and a leading zero), so that ``CBP 2018`` (a
year) or ``ISO9001`` is not a page; a counter followed by ``-12`` that cannot end a range
(``FIR-2018-12-004417``) is a code, not a page; and prefixes that are words of citation
(`NOT_PREFIXES`: ``ECF``, ``WL``, ``ER``, ``FY``...) and a trial exhibit's letters (``CX-0001``,
``PX 0012``: `clawback.domain.exhibit_ids.TRIAL_PREFIXES`) are never taken; nor is a state's postal
code before five digits (``Washington, D.C. 20530``, ``Irvine, CA 92612-4412``: an address in a
counsel block, its ZIP+4 no range of 1,801 pages), nor a state court's case number
(``Case No.: BC616804``, ``John Doe v. Pomona College, BS163739``).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from clawback.domain.bates import BatesError, BatesNumber, BatesRange
from clawback.domain.citations import (
    Citation,
    ExhibitRef,
    Typo,
    find_citations,
    find_exhibit_refs,
    find_typos,
)
from clawback.domain.exhibit_ids import TRIAL_PREFIXES

__all__ = [
    "NOT_PREFIXES",
    "Authority",
    "RecordCitation",
    "References",
    "find_authorities",
    "find_prefixes",
    "find_record_citations",
    "read_references",
]

#: Capitalised words of citation that are never a Bates prefix (compared as a series).
NOT_PREFIXES = frozenset(
    {
        "ECF",
        "DKT",
        "DOC",
        "DE",
        "NO",
        "NOS",
        "EX",
        "EXS",
        "WL",
        "LEXIS",
        "USC",
        "CFR",
        "FRD",
        "FSUPP",
        "FED",
        "APP",
        "CIR",
        "ID",
        "CV",
        "CR",
        "MJ",
        "FY",
        "ER",
        "SER",
        "ROA",
        "PAGE",
        "PP",
        "ISBN",
        "ZIP",
        "PO",
        "BOX",
        "SUITE",
        "AM",
        "PM",
    }
)

#: The postal codes of the states, the District and the territories: before five digits, a ZIP
#: code (``D.C. 20530``), never a Bates prefix the paper writes.
# fmt: off
STATE_CODES = frozenset({
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
    "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
    "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
    "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP",
})
# fmt: on
_ZIP_DIGITS = 5

_DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"
_RECORD_HEAD = re.compile(
    r"(?<![A-Za-z])(?:Dkt\.?|Docket|ECF|Doc\.|D\.E\.)\s*(?:(?:Nos?\.|Numbers?|#)\s*)?(?=[0-9])",
    re.IGNORECASE,
)
_DOCKET_ENTRY = re.compile(rf"[0-9]{{1,5}}(?:[{_DASH}][0-9]{{1,3}})?(?![0-9])")
_RECORD_LIST = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", re.IGNORECASE)
_RECORD_PIN = re.compile(
    rf",?\s+at\s+(?:pp?\.\s*)?[0-9]+(?:\s*[{_DASH}]\s*[0-9]+)?(?:\s*,\s*[0-9]+(?:[{_DASH}][0-9]+)?)*"
    rf"|,?\s*\u00b6+\s*[0-9]+[a-z]?(?:\s*[{_DASH}]\s*[0-9]+[a-z]?)?",
    re.IGNORECASE,
)

_WORD = r"[A-Z](?:[A-Z]|[0-9]+(?=[A-Z]|_))*"
_JOIN = r"(?:[ \t]*[-_.][ \t]*\n?[ \t]*|[ \t])"
_CANDIDATE = re.compile(
    rf"(?<![A-Za-z0-9])(?<![A-Za-z][-_.])(?P<prefix>{_WORD}(?:{_JOIN}{_WORD})*{_JOIN}?\n?)"
    r"(?P<digits>[0-9]{4,})(?![0-9])"
)

_TAIL = re.compile(r"[-_./](?P<end>[0-9]+)")


#: A court's number for a case (L.A. Superior Court's ``BS163739``, ``BC616804``): after the
#: words that name it (``Case No.:``, ``Index No.``, ``Super. Ct. No.``, a caption's ``No.`` alone
#: at its line's start) or right after a case's name in a caption
#: or a citation (``John Doe v. Pomona College, BS163739``): the case, never a produced page.
_CASE_NUMBER = re.compile(
    r"(?:\b(?:Case|Cause|Index|Docket|Civil\s+Action|Civ\.\s*(?:A\.|Action)?|Action|Matter"
    r"|Ct\.|Court)\s+(?:Case\s+)?(?:Nos?\.|Numbers?)\s*:?\s*"
    r"|^[ \t]*Nos?\.\s*:?\s*"  # a caption's "No." alone at its line's start
    r"|\bv\.\s+(?:[A-Z][\w.&'\u2019-]*,?\s+){0,5}?[A-Z][\w.&'\u2019-]*,\s*)"
    r"(?P<number>[A-Z0-9][A-Z0-9:/._-]*[0-9][A-Z0-9-]*)",
    re.IGNORECASE | re.MULTILINE,
)


def _case_numbers(text: str) -> list[tuple[int, int]]:
    """The spans of the case numbers in ``text`` (see `_CASE_NUMBER`)."""
    return [m.span("number") for m in _CASE_NUMBER.finditer(text)]


def _is_range(text: str) -> bool:
    try:
        BatesRange.parse(text)
    except BatesError:
        return False
    return True


@dataclass(frozen=True)
class RecordCitation:
    """A citation of this case's docket: the docket entries (``"463"``, ``"26-2"``) and the
    pin cite, if any (``"at 7"``)."""

    start: int
    end: int
    raw: str
    entries: tuple[str, ...]


@dataclass(frozen=True)
class Authority:
    """A citation of case law or a statute, as eyecite reads it: ``kind`` is eyecite's class
    (``FullCaseCitation``, ``IdCitation``, ``FullLawCitation``...), the span runs from the case
    name through the parenthetical."""

    start: int
    end: int
    raw: str
    kind: str
    core: tuple[int, int]  # the citation proper ("2010 WL 11591399"), without name or pin


@dataclass(frozen=True)
class References:
    """What a paper cites, each kind apart (see the module doc)."""

    bates: tuple[Citation, ...]
    typos: tuple[Typo, ...]
    record: tuple[RecordCitation, ...]
    authorities: tuple[Authority, ...]
    exhibits: tuple[ExhibitRef, ...]  # this case's
    other_cases_exhibits: tuple[ExhibitRef, ...]  # named inside another case's citation
    warnings: tuple[str, ...]

    @property
    def prefixes(self) -> list[str]:
        """The prefixes of the Bates numbers cited, one spelling per series, in order."""
        seen: dict[str, str] = {}
        for citation in self.bates:
            for rng in citation.ranges:
                seen.setdefault(rng.series, rng.first.prefix)
        return list(seen.values())


def find_record_citations(text: str) -> list[RecordCitation]:
    """Every citation of this case's docket in ``text``, in order (see the module doc)."""
    found: list[RecordCitation] = []
    pos = 0
    while (head := _RECORD_HEAD.search(text, pos)) is not None:
        entry = _DOCKET_ENTRY.match(text, head.end())
        if entry is None:
            pos = head.end()
            continue
        entries = [entry.group()]
        end = entry.end()
        while True:
            pin = _RECORD_PIN.match(text, end)
            if pin is not None:
                end = pin.end()
            joint = _RECORD_LIST.match(text, end)
            following = _DOCKET_ENTRY.match(text, joint.end()) if joint is not None else None
            if following is None:
                break
            entries.append(following.group())
            end = following.end()
        normal = tuple(re.sub(rf"[{_DASH}]", "-", e) for e in entries)
        found.append(RecordCitation(head.start(), end, text[head.start() : end], normal))
        pos = end
    return found


def _quiet_eyecite() -> None:
    """eyecite logs the text around citations it cannot place: a paper's words (perhaps
    confidential) must not reach a log, so its logger keeps them."""
    quiet = logging.getLogger("eyecite")
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())
    quiet.propagate = False


def find_authorities(text: str) -> list[Authority]:
    """Every citation of case law or a statute in ``text``, by eyecite, in order."""
    from eyecite import get_citations  # loads the reporters' database: only when needed

    _quiet_eyecite()
    found = []
    for citation in get_citations(text):
        start, end = citation.full_span()
        core: tuple[int, int] = citation.span()  # type: ignore[no-untyped-call]
        found.append(Authority(start, end, text[start:end], type(citation).__name__, core))
    return sorted(found, key=lambda a: a.start)


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_prefixes(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The prefixes of the Bates numbers ``text`` writes, one spelling per series, in order of
    first use, leaving out what lies in the ``taken`` spans (see the module doc)."""
    seen: dict[str, str] = {}
    for match in _CANDIDATE.finditer(text):
        raw, digits = match["prefix"], match["digits"]
        if _inside(match.start(), match.end(), taken):
            continue
        prefix = re.sub(r"\s+", " ", re.sub(r"\s*([-_.])\s*", r"\1", raw))
        if len(digits) < 5 and not digits.startswith("0"):
            continue  # CBP 2018, ISO9001: a year or a standard, not a page
        tail = _TAIL.match(text, match.end())
        if tail is not None and not _is_range(prefix + digits + "-" + tail["end"]):
            continue  # FIR-2018-12-004417: a tracking code, not a page
        try:
            series = BatesNumber(prefix, 0, 1).series
        except BatesError:
            continue
        if series in NOT_PREFIXES or series in TRIAL_PREFIXES:
            continue
        if len(series) < 2 and not _one_letter(series, digits):
            continue
        if series in STATE_CODES and len(digits) == _ZIP_DIGITS:
            continue  # Irvine, CA 92612-4412: an address, not a page
        seen.setdefault(series, prefix)
    return list(seen.values())


_ONE_LETTER_DIGITS = 6


def _one_letter(series: str, digits: str) -> bool:
    """Whether a one-letter prefix is one (``T 007339``): a counter of six digits or more, padded
    with zeros, after a letter that is no word (``A``, ``I``)."""
    return (
        series.isalpha()
        and series not in ("A", "I")
        and len(digits) >= _ONE_LETTER_DIGITS
        and digits.startswith("0")
    )


def _width_warnings(citations: Sequence[Citation]) -> list[Citation]:
    """The citations, each warned of a number one or two digits wider than the usual width of
    its series (a footnote marker glued on with no space)."""
    widths: dict[str, Counter[int]] = {}
    for citation in citations:
        for rng in citation.ranges:
            widths.setdefault(rng.series, Counter())[rng.first.width] += 1
    warned = []
    for citation in citations:
        extra = []
        for rng in citation.ranges:
            usual, count = widths[rng.series].most_common(1)[0]
            if count > 1 and 0 < rng.first.width - usual <= 2:
                extra.append(
                    f"'{rng.first}' has {rng.first.width - usual} digit(s) more than the other "
                    f"numbers of its series: a footnote marker glued on?"
                )
        extra.extend(_glued(rng.first) for rng in citation.ranges if _glued(rng.first))
        warned.append(replace(citation, warnings=(*citation.warnings, *extra)))
    return warned


_GLUED_WIDTH = 12  # two counters of six digits or more
_GLUED_SPAN = 10_000  # the pages a range so glued may span


def _glued(number: BatesNumber) -> str:
    """A warning if ``number`` is two counters glued, the range's hyphen lost as a table
    cell's text was extracted (``MK 02231140223128``: ``MK 0223114-0223128``), else ''."""
    digits = f"{number.number:0{number.width}d}"
    half = len(digits) // 2
    if len(digits) % 2 or len(digits) < _GLUED_WIDTH:
        return ""
    first, last = int(digits[:half]), int(digits[half:])
    if first == 0 or not first <= last <= first + _GLUED_SPAN:
        return ""
    meant = f"{number.prefix}{digits[:half]}-{digits[half:]}"
    return f"'{number}': two numbers glued, the hyphen lost? '{meant}' meant?"


def read_references(text: str, prefixes: Collection[str] = ()) -> References:
    """Everything ``text`` cites (see the module doc). Bates citations are read for the
    ``prefixes`` the record knows and for those ``text`` writes itself."""
    authorities = find_authorities(text)
    # eyecite's full span may reach back over a sentence's last word ("at 7. Kelly, 114
    # F.R.D. at 662", "(Ex. A). In Smith v. Jones"): the docket and the pages give way to the
    # citation proper only, and the exhibits to it and what follows it, parenthetical included.
    by_authority = [(a.core[0], a.end) for a in authorities]
    cores = [a.core for a in authorities]
    record = [r for r in find_record_citations(text) if not _inside(r.start, r.end, cores)]
    taken = cores + [(r.start, r.end) for r in record] + _case_numbers(text)
    known = {BatesNumber(p, 0, 1).series for p in prefixes}
    found = [p for p in find_prefixes(text, taken) if BatesNumber(p, 0, 1).series not in known]
    every = [*prefixes, *found]
    bates = _width_warnings(
        [c for c in find_citations(text, every) if not _inside(c.start, c.end, taken)]
    )
    typos = [t for t in find_typos(text, every) if not _inside(t.start, t.end, taken)]
    exhibits = find_exhibit_refs(text)
    warnings = [w for c in bates for w in c.warnings]
    return References(
        bates=tuple(bates),
        typos=tuple(typos),
        record=tuple(record),
        authorities=tuple(authorities),
        exhibits=tuple(e for e in exhibits if not _inside(e.start, e.end, by_authority)),
        other_cases_exhibits=tuple(e for e in exhibits if _inside(e.start, e.end, by_authority)),
        warnings=tuple(warnings + [str(t) for t in typos]),
    )
