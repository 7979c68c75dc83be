"""Documents a ruling names by their count: "these two letters qualify as privileged and need not
be produced" rules on each of the two letters, not on the motion (whose other documents may be
ruled later or past the cut). Each is named by the sentence before that describes it ("One of
these documents is a letter dated March 2, 1967 ...", "A second letter is dated ..."), else by its
place ("e-mail 2 of these three e-mails"). Part of `clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from clawback.domain.order_words import Vocabulary

__all__ = ["counted_documents"]

_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
#: "these two letters", "both documents", "the three e-mails"
_COUNTED = re.compile(
    r"\b(?:(?P<both>both)(?:\s+of\s+the)?|(?:these|those|the)\s+(?P<n>two|three|four|five|six))"
    r"\s+(?P<noun>[\w-]+)",
    re.I,
)
#: how long a description of one document may be
_DESCRIBED = 120


def _singular(noun: str) -> str:
    noun = noun.lower()
    if noun == "memoranda":
        return "memorandum"
    return noun[:-1] if noun.endswith("s") else noun


def counted_documents(
    sentence: str, outcome_at: int, before: Sequence[str], documents: Vocabulary
) -> list[str]:
    """The documents ``sentence`` counts before its outcome (at ``outcome_at``), each named
    as the sentences ``before`` it describe it; [] when it counts none (data: counted_documents,
    the nouns in the plural)."""
    for counted in _COUNTED.finditer(sentence, 0, outcome_at):
        noun = counted["noun"]
        if not documents.find(noun) or documents.find(noun)[0].end != len(noun):
            continue
        n = 2 if counted["both"] else _COUNTS[counted["n"].lower()]
        one = re.escape(_singular(noun))
        describing = re.compile(
            rf"\b(?:an?|one|another|the\s+(?:first|second|third|other))\s+(?:\w+\s+)?{one}\b"
            rf"[^;]{{0,{_DESCRIBED}}}?(?=\.?\s*$)",  # to the end of its sentence
            re.I,
        )
        described: list[str] = []
        for said in reversed(before):
            found = [m.group().strip() for m in describing.finditer(said)]
            described = found[-1:] + described
            if len(described) == n:
                break
        if len(described) < n:
            phrase = counted.group()
            described = [f"{_singular(noun)} {i} of {phrase}" for i in range(1, n + 1)]
        return described
    return []
