"""Traceable copies: the mark a served copy carries, and reading its code back.

A copy served to a receiving-side person (a page's picture, a document's PDF) carries a
visible mark naming that person and the moment, with a short *trace code*, as virtual data
rooms mark what they let out: a copy found where it should not be can then be traced to the
person it was served to (``service.tracing``). The code is random, eight symbols from an
alphabet that OCR does not confuse within itself (no 0/O/D/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B,
U/V), written ``XXXX-XXXX``: 19**8 (about 1.7e10) codes, looked up in the audit trail, which
keeps each serving's code, so a misread symbol finds nothing rather than someone else.
"""

from __future__ import annotations

import re
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from clawback.domain.actor import Actor
from clawback.domain.errors import InvalidInput
from clawback.domain.order import Side

ALPHABET = "ACEFHJKMNPRTWXY3479"
SYMBOLS = 8
PREFIX = "TRACE"
#: Every character a mark's first line holds: OCR reading for a code reads nothing else.
READ_AS = "".join(sorted(set(ALPHABET + PREFIX + "-")))
_CODE = re.compile(
    # after the word TRACE (OCR may run the two together) or anything but a letter or digit
    rf"(?:{PREFIX}\s*|(?<![A-Z0-9]))([{ALPHABET}]{{4}})\s?[-\u2010-\u2015~]\s?"
    rf"([{ALPHABET}]{{4}})(?![A-Z0-9])"
)


@dataclass(frozen=True, order=True)
class TraceCode:
    """One serving's code, ``XXXX-XXXX``."""

    value: str

    def __post_init__(self) -> None:
        if not _CODE.fullmatch(self.value):
            raise InvalidInput(f"not a trace code (XXXX-XXXX): {self.value!r}")

    @classmethod
    def new(cls) -> TraceCode:
        symbols = "".join(secrets.choice(ALPHABET) for _ in range(SYMBOLS))
        return cls(f"{symbols[:4]}-{symbols[4:]}")

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Mark:
    """What a traced copy says on every page: the code, who it was served to, and when."""

    code: TraceCode
    person: str
    at: datetime  # UTC

    @property
    def lines(self) -> tuple[str, str, str]:
        return (
            f"{PREFIX} {self.code}",
            self.person,
            f"served {self.at:%Y-%m-%d %H:%M} UTC",
        )


def traced(actor: Actor, held_by: str) -> bool:
    """Whether a copy of a document held by the side ``held_by`` is marked when served to
    ``actor``: whatever the receiving side is given of another side's documents."""
    return actor.seat is Side.receiving and held_by != actor.seat.value


def codes_in(text: str) -> list[TraceCode]:
    """The trace codes that ``text`` (a copy's text, or what OCR read of it) holds, the most
    often read first: a tiled mark repeats its code, and a misreading rarely repeats. Last,
    where no code read stands for them all, the code their symbols spell by a majority at
    each place (`_by_majority`): each of the code's repeats may be misread, and at a
    different symbol."""
    read = [f"{a}-{b}" for a, b in _CODE.findall(text.upper())]
    found = [code for code, _ in Counter(read).most_common()]
    spelled = _by_majority(read)
    if spelled is not None and spelled not in found:
        found.append(spelled)
    return [TraceCode(code) for code in found]


def _by_majority(read: list[str]) -> str | None:
    """The code whose every symbol more than half of ``read`` has at its place, if any (at
    least three readings: of two that differ, neither outvotes the other). It is looked up
    as any code read is, so a code spelled so finds its serving or nothing, never another's."""
    if len(read) < 3:
        return None
    spelled = []
    for place in zip(*read, strict=True):
        symbol, votes = Counter(place).most_common(1)[0]
        if 2 * votes <= len(read):
            return None
        spelled.append(symbol)
    return "".join(spelled)
