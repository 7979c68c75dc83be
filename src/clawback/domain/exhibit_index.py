"""An exhibit index read into exhibit -> Bates pairs, line by line.

Parties file exhibit indexes with motions to seal and declarations: a table, one exhibit a
row, its Bates range and a description::

    Ex. 12 | ABC0001-0014 | E-mail from J. Smith, March 3, 2019
    Exhibit 13    ABC 0015-22    Attachment to Ex. 12
    14	NG7_0001234 through NG7_0001240	Field report

A row starts with the exhibit: ``Ex. 12``, ``Exhibit 12``, ``Exhibit No. 12``, a trial
exhibit (``JTX 001``, ``PTX-005``, ``DTX # 4``) or the bare number in the first cell (cells are
split by ``|``, a tab or two spaces), after any margin mark (a bullet, a site's backtick). The
filing's own slip sheet or title (``EXHIBIT 3B``, ``EXHIBIT 3B DEFENDANT'S TRIAL EXHIBIT
LIST``) and a description naming another paper's exhibit (``Ex. A of the Expert Report``) are
not rows. Its Bates numbers are
read by `clawback.domain.references` (every form, every prefix the record or the index writes),
from its Bates cells: the first cells holding nothing but Bates numbers (a BEGBATES and an
ENDBATES cell name one range), not a number its description mentions.
Lines with no exhibit at their start (headings, a description wrapped onto the next line) are
not rows; a line with no exhibit but a Bates number, right under a row that has none (no blank
line between), is that row's Bates cell pushed down by a long description. What cannot be read
is said, one line per problem, with the line number:

* a row with no Bates number (``line 7: Ex. 19 has no Bates number``);
* a Bates number with a letter among its digits (``ABC00O123``), with the number it was
  probably meant to be; a footnote marker glued on;
* an exhibit listed twice with other pages;
* Bates numbers on no exhibit's row (a table whose text came out column by column: the
  numbers, then the descriptions, then the Bates cells), never silently left out;
* an index with no row at all.

This module only reads; `clawback.service.exhibit_index` matches the pairs with the record.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass

from clawback.domain.bates import BatesRange, coalesce, format_ranges
from clawback.domain.citations import Citation
from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_ids import TRIAL_PREFIXES, ExhibitId
from clawback.domain.references import read_references

__all__ = ["IndexProblem", "IndexReading", "IndexRow", "read_index"]

# The exhibit as the court writes it (12, 5-A, P5, A, QQ): letters in capitals, so a line
# that opens "Exhibits to the declaration" is no row.
_ID = r"(?-i:[A-Z]{0,3}[0-9]{1,4}(?:[-.]?(?:[A-Z]{1,2}|[0-9]{1,3}))?|[A-Z]{1,3}(?:-[0-9]{1,3})?)"
_TRIAL = "|".join(sorted(TRIAL_PREFIXES, key=len, reverse=True))
_ROW = re.compile(
    rf"[ \t|`\u2022*]*(?:(?P<label>Exhibits?|Exh?s?\.?)\s*(?:No\.\s*)?(?!nos?\.)(?P<named>{_ID})"
    rf"(?![A-Za-z0-9])(?!\s+(?:of|to)\s)"
    rf"|(?P<trial>(?-i:{_TRIAL})(?:\s+|\s*#\s*|-)?[0-9]{{1,6}})(?![A-Za-z0-9])"
    rf"|(?P<bare>{_ID})(?=[ \t]*\||\t| {{2,}}))",
    re.IGNORECASE,
)


_SHAPE = "Ex. 12 | ABC0001-0014 | ..."
_TITLE = re.compile(r"[A-Z][A-Z'\u2019]+\s+[A-Z][A-Z'\u2019]+(?![a-z])")  # two words in capitals


# An exhibit's own page stamp, the exhibit and its page joined by an underscore (the PTAB's
# "Exhibit 1002_0001"): the paper is that exhibit, not an index of exhibits.
_PAGE_STAMP = re.compile(r"[ \t`|]*(?:Exhibit|Ex\.)\s*(?P<exhibit>[0-9]{1,4})_[0-9]{3,5}\s*$", re.I)


def _row_exhibits(lines: list[str], cited: Collection[int]) -> dict[int, ExhibitId]:
    """The lines that are rows (from 0), each with its exhibit; ``cited``: the lines that
    cite pages. An exhibit's page stamps are no rows, nor is its sticker (its label alone on
    a line) in a paper that carries its page stamps."""
    stamped = {m["exhibit"] for m in map(_PAGE_STAMP.match, lines) if m is not None}
    found: dict[int, ExhibitId] = {}
    for k, line in enumerate(lines):
        if _PAGE_STAMP.match(line):
            continue
        match = _ROW.match(line)
        if match is None or (k not in cited and _slip_sheet(match, line, stamped)):
            continue
        try:
            found[k] = ExhibitId.parse(match["named"] or match["trial"] or match["bare"])
        except InvalidInput:
            continue
    return found


def _slip_sheet(match: re.Match[str], line: str, stamped: Collection[str] = ()) -> bool:
    """``EXHIBIT 3B`` alone, or before a title in capitals (``EXHIBIT 3B DEFENDANT'S TRIAL
    EXHIBIT LIST ...``): the filing's own slip sheet or heading, not a row (no page cited, no
    cell after it); so is ``Exhibit 1002`` alone where the paper stamps its pages as exhibit
    1002's (``stamped``: the exhibits whose page stamps the paper carries)."""
    rest = line[match.end() :].strip()
    if not rest and match["named"] in stamped:
        return True
    if match["label"] != "EXHIBIT" or re.search(r"[|\t]| {2,}", rest):
        return False
    return not rest or _TITLE.match(rest) is not None


_CELL = re.compile(r"[ \t]*\|[ \t]*|\t+| {2,}")


def _row_ranges(line: str, offset: int, cited: list[Citation]) -> tuple[BatesRange, ...]:
    """The pages a row names: its Bates cells (the first cells after the exhibit holding
    nothing but Bates numbers; a BEGBATES and an ENDBATES cell are one range), not a number
    its description mentions; with no such cell, every number on the line. ``offset``: where
    the line starts in the text."""
    spans, at = [], 0
    for sep in _CELL.finditer(line):
        spans.append((at, sep.start()))
        at = sep.end()
    spans.append((at, len(line)))
    cells: dict[int, list[Citation]] = {}
    for citation in cited:
        where = citation.start - offset
        cell = next((i for i, (a, b) in enumerate(spans) if a <= where < max(b, a + 1)), -1)
        cells.setdefault(cell, []).append(citation)
    pure = [
        i
        for i, found in sorted(cells.items())
        if i >= 0 and _pages_only(line, spans[i], found, offset)
    ]
    if not pure:
        return tuple(r for c in cited for r in c.ranges)
    run = [pure[0]]
    for i in pure[1:]:
        if i != run[-1] + 1:
            break
        run.append(i)
    ranges = [r for i in run for c in cells[i] for r in c.ranges]
    if len(run) == 2 and len(ranges) == 2 and all(r.first == r.last for r in ranges):
        first, last = ranges[0].first, ranges[1].first
        if first.series == last.series and first <= last:
            return (BatesRange(first, last),)  # BEGBATES | ENDBATES
    return tuple(ranges)


def _pages_only(line: str, span: tuple[int, int], cited: list[Citation], offset: int) -> bool:
    """Whether the cell ``line[span]`` holds nothing but the Bates numbers ``cited``."""
    text = line[span[0] : span[1]]
    for citation in cited:
        text = text.replace(citation.raw.split("\n")[0], " ")
    return not re.search(r"[A-Za-z0-9]", text)


def _wrapped_from(k: int, lines: list[str], rows: Collection[int]) -> int | None:
    """The row line ``k`` continues: the row above it with no blank line between, or None."""
    j = k - 1
    while j >= 0 and lines[j].strip() and j not in rows:
        j -= 1
    return j if j >= 0 and j in rows else None


@dataclass(frozen=True)
class IndexRow:
    """One exhibit of the index: its number, its pages, and the line it stands on (from 1)."""

    line: int
    exhibit: ExhibitId
    ranges: tuple[BatesRange, ...]
    text: str  # the line, whitespace collapsed

    def __str__(self) -> str:
        return f"Ex. {self.exhibit}: {format_ranges(self.ranges)}"


@dataclass(frozen=True, order=True)
class IndexProblem:
    """What is wrong on a line of the index (from 1)."""

    line: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text}" if self.line > 0 else self.text


@dataclass(frozen=True)
class IndexReading:
    """The rows read, and every problem found reading them, in line order."""

    rows: tuple[IndexRow, ...]
    problems: tuple[IndexProblem, ...]


def read_index(text: str, prefixes: Collection[str] = ()) -> IndexReading:
    """The exhibit -> Bates rows of the index ``text`` (see the module doc)."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    lines = text.split("\n")

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    refs = read_references(text, prefixes)
    ranges_on: dict[int, list[BatesRange]] = {}
    cited_on: dict[int, list[Citation]] = {}
    for citation in refs.bates:
        ranges_on.setdefault(line_of(citation.start), []).extend(citation.ranges)
        cited_on.setdefault(line_of(citation.start), []).append(citation)
    problems: list[tuple[int, str]] = []
    for citation in refs.bates:
        problems.extend((line_of(citation.start), w) for w in citation.warnings)
    for typo in refs.typos:
        problems.append((line_of(typo.start), str(typo)))
    exhibits = _row_exhibits(lines, ranges_on)
    wrapped: dict[int, list[BatesRange]] = {}
    for k, cited in sorted(ranges_on.items()):
        if k in exhibits:
            continue
        owner = _wrapped_from(k, lines, exhibits)
        if owner is not None and owner not in ranges_on and owner not in wrapped:
            wrapped[owner] = cited  # the row's Bates cell pushed onto its next line
            continue
        problems.append(
            (k, f"{format_ranges(cited)} is on no exhibit's row (a table read column by column?)")
        )
    if not exhibits:
        problems.append((-1, f"no exhibit row found: a row starts with its exhibit ({_SHAPE})"))
    rows: list[IndexRow] = []
    seen: dict[ExhibitId, IndexRow] = {}
    for k, exhibit in sorted(exhibits.items()):
        own = _row_ranges(lines[k], starts[k], cited_on.get(k, []))
        ranges = own or tuple(wrapped.get(k) or ())
        if not ranges:
            if not any(n == k for n, _ in problems):
                problems.append((k, f"Ex. {exhibit} has no Bates number"))
            continue
        row = IndexRow(k + 1, exhibit, ranges, " ".join(lines[k].split()))
        earlier = seen.get(exhibit)
        if earlier is not None:
            if coalesce(earlier.ranges) != coalesce(ranges):
                problems.append(
                    (k, f"{row} is listed again with other pages (line {earlier.line}: {earlier})")
                )
            continue
        seen[exhibit] = row
        rows.append(row)
    found = sorted(IndexProblem(n + 1, p) for n, p in problems)
    return IndexReading(tuple(rows), tuple(found))
