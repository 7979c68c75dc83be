"""The parts of one ruling sentence: the outcome each exhibit takes where a sentence both grants
and denies, the part a grant in part reaches, the documents a sentence rules on in parts, and
the reason a ruling gives (`clawback.domain.order_reading` step 3)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from clawback.domain.order_clauses import result_of as _outcome
from clawback.domain.order_exhibits import EXHIBIT_HEAD, find_exhibits
from clawback.domain.order_papers import leading_extent, subject_papers
from clawback.domain.order_words import Found, OrderWords
from clawback.domain.outcomes import Result

_QUALIFIER = re.compile(
    r"\s*(?:only\s+)?(?:with\s+respect\s+to|as\s+to|insofar\s+as|to\s+the\s+extent|except)\s+",
    re.I,
)
_PART_END = re.compile(r",|;|\.\s|\.$|\s+and\s+(?:is\s+)?(?:otherwise\s+)?\w+ed\b", re.I)
#: a bullet opening an item of a list joined to the sentence a colon opened (sentences.py)
_BULLET = re.compile(r"[\u2022\u25cf\u25aa]")
_FINDS = re.compile(r"\bCourt\s+(?:finds|concludes|holds|is\s+not\s+persuaded)\b")
SUPPLEMENTABLE = frozenset({Result.granted, Result.conditionally_granted})
_UNTIL = re.compile(r"\s+until\b", re.I)


def documents_ruled(
    words: OrderWords, sentence: str, outcomes: Sequence[Found]
) -> list[tuple[str, Result]]:
    """The documents a sentence rules on in parts, each with its outcome: one named after
    an outcome and its extent ("GRANTED to the extent it seeks to seal docket entry
    115-1"), and "the rest" for an outcome said of the remainder ("otherwise DENIED")."""
    named: list[tuple[str, Result]] = []
    for found in outcomes:
        result = _outcome(found.label)
        extent = words.extents.find(sentence[found.end : found.end + 80])
        if extent and not sentence[found.end : found.end + extent[0].start].strip():
            start = found.end + extent[0].end
            end = _PART_END.search(sentence, start)
            document = sentence[start : end.start() if end else len(sentence)].strip()
            if document:
                named.append((document, result))
        before = sentence[max(0, found.start - 40) : found.start]
        remainder = words.remainders.find(before)
        if remainder and not before[remainder[-1].end :].strip():
            named.append(("the rest", result))
    if (asked := leading_extent(sentence, outcomes[0].start)) is not None:
        named.append((asked, _outcome(outcomes[0].label)))
    remaining = [f for f in words.remaining.find(sentence) if f.end <= outcomes[0].start]
    if not named and remaining:  # "Defendants' motion to seal the remaining exhibits is denied"
        said = sentence[remaining[0].start : remaining[0].end]
        named.append((said, _outcome(outcomes[0].label)))
    if not named:
        for paper in subject_papers(sentence, outcomes[0], words.papers):
            result = _outcome(outcomes[0].label)
            if result is Result.granted and _UNTIL.match(sentence, outcomes[0].end):
                result = Result.granted_in_part  # "shall remain sealed until ...": a time
            named.append((paper, result))
    return named if any(document != "the rest" for document, _ in named) else []


def exhibit_outcome(
    sentence: str, at: int, outcomes: Sequence[Found], mixed: bool
) -> tuple[Result, str | None]:
    before = [f for f in outcomes if f.end <= at]
    after = [f for f in outcomes if f.start >= at]
    if not mixed:
        if before and len({f.label for f in outcomes}) > 1:
            # two outcomes of one way ("will grant the motion insofar as the Court will
            # temporarily retain under seal Exhibit E"): the one said just before the exhibit
            return _outcome(before[-1].label), None
        return _outcome(outcomes[0].label), None
    bullets = [b.start() for b in _BULLET.finditer(sentence)]
    if any(b < at for b in bullets):  # a bulleted item: the outcome said in it
        start = max(b for b in bullets if b < at)
        end = min((b for b in bullets if b > at), default=len(sentence))
        own = {_outcome(f.label) for f in outcomes if start <= f.start < end}
        if len(own) == 1:
            return own.pop(), None
    if before and _QUALIFIER.match(sentence[before[-1].end : at]):
        return _outcome(before[-1].label), None
    if after:
        part = part_of(sentence, after)
        if part is not None or len({f.label for f in after}) > 1:
            return Result.granted_in_part, part
        return _outcome(after[0].label), None
    return _outcome(before[-1].label), None


def part_of(sentence: str, outcomes: Sequence[Found]) -> str | None:
    for found in outcomes:
        qualifier = _QUALIFIER.match(sentence, found.end)
        if qualifier is None or EXHIBIT_HEAD.match(sentence, qualifier.end()):
            continue
        end = _PART_END.search(sentence, qualifier.end())
        return sentence[qualifier.end() : end.start() if end else len(sentence)].strip()
    return None


def reason_of(words: OrderWords, sentence: str, flat: Sequence[str]) -> str | None:
    """The sentence's own reason and the next sentence's, if it gives one and names no
    exhibit of its own ("Where information is already publicly available, ..."); for a
    sentence that gives none, the last earlier sentence that names the same exhibits and
    gives one (the body's reason for an ordering paragraph)."""
    given = [sentence] if words.reasons.find(sentence) else []
    index = flat.index(sentence) if sentence in flat else -1
    following = flat[index + 1] if 0 <= index < len(flat) - 1 else ""
    if words.reasons.find(following) and not find_exhibits(following):
        given.append(following)
    if given or index < 0:
        return " ".join(given) or None
    named = {label for label, _ in find_exhibits(sentence)}
    on_these = False  # inside the body's passage on these exhibits
    for said in flat[:index] if named else ():
        others = {x for x, _ in find_exhibits(said)}
        on_these = others == named or (on_these and not others - named)
        if on_these and _FINDS.search(said) and words.reasons.find(said):
            return said
    return None
