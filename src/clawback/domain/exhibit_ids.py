"""Exhibit identifiers as the court writes them: ``12``, ``A`` .. ``QQ``, ``P5``, ``5-A``.

An identifier is parsed once, where it enters (CLI, case file, rulings CSV), and travels as an
``ExhibitId``; the record keeps an integer *ordinal* beside it for its own joins (a plain
number ``N`` is ordinal ``N``, as it always was). What a party puts before the identifier is
not part of it: ``Gov't Ex. 12`` and ``Pl.'s Exhibit 12`` are both exhibit ``12``.
A trial exhibit is its letters and number however spaced or padded: ``JTX 001``, ``JTX001``
and ``JTX-1`` are one exhibit; ``PTX-005`` is trial exhibit 5, not a sub-exhibit of ``PTX``.

Order, as exhibit lists run: numbers by value, a lettered sub-exhibit right after its number
(``5`` < ``5-A`` < ``5-B`` < ``6``); letters by length, then alphabet (``A`` < ``Z`` < ``AA``
< ``BB`` < ``QQ``); a prefix (``P5``, ``D5``) groups its own numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import total_ordering

from clawback.domain.errors import InvalidInput

#: The ordinal of a plain number ``N`` below this is ``N``; any other identifier is numbered
#: from here up, so that a later plain number never meets an ordinal already given.
FIRST_OTHER_ORDINAL = 100_000
MOST_EXHIBITS = 10_000  # a run longer than this is a typing slip, not a list of exhibits

# What a party or a clerk writes before the identifier: "Ex.", "Exhibit", "Gov't Ex.",
# "Pl.'s Ex.", "Defendant's Exhibit", "Trial Ex."; never part of the identifier.
_PARTY = (
    r"(?:gov(?:'|\u2019)?t\.?|government|govt\.?|pl(?:aintiff)?s?\.?(?:'|\u2019)?s?|"
    r"def(?:endant)?s?\.?(?:'|\u2019)?s?|trial|joint|jt\.?)"
)
_LABEL = re.compile(
    rf"^\s*(?:{_PARTY}\s+)?(?:exhibits?|exh\.?|exs?\.?)\s*(?:no\.?\s*)?", re.IGNORECASE
)
_NUMBERED = re.compile(
    r"^([A-Z]{1,3})?(\d{1,6})(?:([-.]?)([A-Z]{1,2}|(?<=[-.])\d{1,3}))?$", re.ASCII
)
_LETTERED = re.compile(r"^([A-Z]{1,3})(?:-(\d{1,3}))?$", re.ASCII)
#: The letters trial exhibit lists put before a number: plaintiff's, defendant's, joint,
#: complainant's, respondent's, staff's, government's (trial, demonstrative, physical).
TRIAL_PREFIXES = frozenset(
    {"PX", "DX", "JX", "CX", "RX", "SX", "GX", "TX", "PTX", "DTX", "JTX", "CTX", "RTX",
     "PDX", "DDX", "CDX", "RDX", "JDX", "CPX", "RPX"}
)  # fmt: skip
# "JTX 001", "DTX # 4", "CX-0001", "PTX-12": a trial exhibit's letters and number apart; a
# hyphen only where the number is padded or the letters a trial list's (``A-1`` is a sub-exhibit).
_SPACED = re.compile(r"^([A-Z]{1,3})(\s+|\s*#\s*|-)(\d{1,6})$", re.ASCII)
_LONGEST = 24


@total_ordering
@dataclass(frozen=True, eq=False)
class ExhibitId:
    """One exhibit's identifier: ``text`` as the court writes it, compared by its ``key``."""

    text: str
    key: tuple[object, ...] = field(repr=False)

    @classmethod
    def parse(cls, given: str | int) -> ExhibitId:
        """``"12"``, ``"Ex. 12"``, ``"Gov't Ex. 12"`` -> ``12``; ``"A"``, ``"QQ"``, ``"P5"``,
        ``"5-A"``, ``"Exhibit 5A"``; anything else is refused in one line."""
        if isinstance(given, int):
            if given < 1:
                raise InvalidInput(f"not an exhibit: {given!r}")
            return cls(str(given), ("", 0, given, (0,)))
        body = _LABEL.sub("", " ".join(str(given).split()))
        if not body or len(body) > _LONGEST:
            raise InvalidInput(f"not an exhibit (12, A, P5, 5-A): {given!r}")
        upper = body.upper()
        spaced = _SPACED.match(upper)
        if spaced and (
            spaced[2] != "-" or spaced[3].startswith("0") or spaced[1] in TRIAL_PREFIXES
        ):
            upper = spaced[1] + spaced[3]
        numbered = _NUMBERED.match(upper)
        if numbered:
            prefix, digits, _, suffix = numbered.groups()
            number = int(digits)
            if number < 1:
                raise InvalidInput(f"not an exhibit (they count from 1): {given!r}")
            if suffix is None:
                after: tuple[object, ...] = (0,)
            elif suffix.isdigit():
                after = (1, 0, int(suffix))
            else:
                after = (1, len(suffix), suffix)
            text = str(number) if prefix is None and suffix is None else body
            return cls(text, (prefix or "", 0, number, after))
        lettered = _LETTERED.match(upper)
        if lettered:
            letters, sub = lettered.groups()
            return cls(body, ("", 1, len(letters), letters, int(sub) if sub else 0))
        raise InvalidInput(f"not an exhibit (12, A, P5, 5-A): {given!r}")

    @property
    def canonical(self) -> str:
        """One spelling per identifier, for the record's index: ``5a`` and ``5-A`` are
        ``5-A``, ``a`` is ``A``, ``Ex. 012`` is ``12``."""
        prefix, kind, *rest = self.key
        if kind == 0:
            number, after = rest
            assert isinstance(after, tuple)
            tail = "" if after == (0,) else f"-{after[2]}" if after[1] else f".{after[2]}"
            return f"{prefix}{number}{tail}"
        _, letters, sub = rest
        return f"{letters}-{sub}" if sub else str(letters)

    @property
    def number(self) -> int | None:
        """The plain number this identifier is (``12``), or None (``A``, ``P5``, ``5-A``)."""
        prefix, kind, *rest = self.key
        if prefix == "" and kind == 0 and rest[1] == (0,):
            value = rest[0]
            assert isinstance(value, int)
            return value
        return None

    @property
    def ordinal(self) -> int | None:
        """The record's ordinal when the identifier fixes it (a plain number), else None."""
        number = self.number
        return number if number is not None and number < FIRST_OTHER_ORDINAL else None

    def next(self) -> ExhibitId | None:
        """The identifier that follows in a run: ``5`` -> ``6``, ``5-A`` -> ``5-B``, ``P5``
        -> ``P6``, ``Z`` -> ``AA``, ``AA`` -> ``BB`` (courts double letters past Z); None
        where nothing follows by rule (``ZZZ``, a sub-exhibit ``Z``)."""
        prefix, kind, *rest = self.key
        if kind == 0:
            number, after = rest
            assert isinstance(number, int) and isinstance(after, tuple)
            if after == (0,):
                return ExhibitId.parse(f"{prefix}{number + 1}")
            head = self.text[: len(self.text) - len(str(after[2]))]
            if after[1] == 0:
                return ExhibitId.parse(f"{head}{int(str(after[2])) + 1}")
            following = _next_letters(str(after[2]))
            return ExhibitId.parse(f"{head}{following}") if following else None
        _, letters, sub = rest
        if sub:
            return ExhibitId.parse(f"{letters}-{int(str(sub)) + 1}")
        following = _next_letters(str(letters))
        return ExhibitId.parse(following) if following else None

    def __str__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ExhibitId) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __lt__(self, other: ExhibitId) -> bool:
        return _comparable(self.key) < _comparable(other.key)


def _comparable(key: tuple[object, ...]) -> tuple[str, ...]:
    """The key as text that sorts the same way (a number padded), so that any two compare."""
    return tuple(
        f"{part:012d}"
        if isinstance(part, int)
        else "|".join(_comparable(part))
        if isinstance(part, tuple)
        else str(part)
        for part in key
    )


def _next_letters(letters: str) -> str | None:
    """``A`` -> ``B``, ``Z`` -> ``AA``, ``AA`` -> ``BB``, ``QQ`` -> ``RR``, ``AB`` -> ``AC``."""
    if len(set(letters)) == 1:  # A, AA, QQ: the doubled sequence courts use past Z
        if letters[0] != "Z":
            return chr(ord(letters[0]) + 1) * len(letters)
        return "A" * (len(letters) + 1) if len(letters) < 3 else None
    last = letters[-1]
    if last != "Z":
        return letters[:-1] + chr(ord(last) + 1)
    return None


def exhibit_label(ids: Iterable[ExhibitId]) -> str:
    """How an order lists exhibits: ``Ex. A``, ``Exs. A-F, H``, ``Exs. 1-13, 18, 19``,
    ``Exs. 5, 5-A, 6``: in order, a run of three or more joined by a hyphen."""
    ordered = sorted(set(ids))
    if not ordered:
        return ""
    runs: list[list[ExhibitId]] = []
    for current in ordered:
        if runs and runs[-1][-1].next() == current:
            runs[-1].append(current)
        else:
            runs.append([current])
    parts: list[str] = []
    for run in runs:
        parts.extend([f"{run[0]}-{run[-1]}"] if len(run) > 2 else [str(x) for x in run])
    return f"{'Exs.' if len(ordered) > 1 else 'Ex.'} {', '.join(parts)}"


_LIST_LABEL = re.compile(rf"^\s*(?:{_PARTY}\s+)?(?:exhibits?|exs?)\.?\s*", re.IGNORECASE)
_THROUGH = re.compile(r"\s*(?:\u2013|\u2014|\bthrough\b|\bthru\b|\bto\b)\s*", re.IGNORECASE)


def exhibit_ids(texts: Iterable[str]) -> tuple[ExhibitId, ...]:
    """Exhibits as a paralegal lists them, each text one identifier, a run or a list of both:
    ``"A"``, ``"A-F"``, ``"1-17"``, ``"Exs. 1-13, 18 and 19"``, ``"5-A through 5-C"``,
    ``"P1-P4"``; in the order given, each once. The inverse of ``exhibit_label``."""
    found: dict[ExhibitId, None] = {}
    for text in texts:
        body = _LIST_LABEL.sub("", " ".join(str(text).split()))
        for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", body.strip()):
            found.update(dict.fromkeys(_run(part.strip(), text)))
    return tuple(found)


def _run(part: str, text: str) -> Iterator[ExhibitId]:
    ends = _THROUGH.split(part)
    if len(ends) == 1 and "-" in part:
        first, _, last = part.partition("-")
        try:  # "1-17", "A-F", "P1-P4" are runs; "5-A" and "A-1" are one identifier
            if ExhibitId.parse(first).key[:2] == ExhibitId.parse(last).key[:2]:
                ends = [first, last]
        except InvalidInput:
            pass
    if len(ends) > 2:
        raise InvalidInput(f"not an exhibit, a run (1-17, A-F) or a list (1, 3, 5-7): {text!r}")
    try:
        first_id = ExhibitId.parse(ends[0])
        last_id = ExhibitId.parse(ends[-1])
    except InvalidInput:
        raise InvalidInput(
            f"not an exhibit, a run (1-17, A-F) or a list (1, 3, 5-7): {text!r}"
        ) from None
    if last_id < first_id:
        raise InvalidInput(f"not a run of exhibits, first to last: {part!r}")
    current: ExhibitId | None = first_id
    for _ in range(MOST_EXHIBITS):
        if current is None:
            break
        yield current
        if current == last_id:
            return
        current = current.next()
    raise InvalidInput(f"not a run of exhibits, first to last: {part!r}")
