"""The motions an order's sentence rules on by docket number, and the papers it rules on by
the numbers of motions: "ORDER denying 56 Motion to Seal", "(Dkt. 116) is GRANTED", "the
Court will grant the motions at ECF No. 780 ...; and deny the motion at ECF No. 825", "Docket
No. 436 is hereby DENIED as moot". Part of `clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clawback.domain.order_clauses import clause_outcome
from clawback.domain.order_clauses import result_of as _outcome
from clawback.domain.order_papers import (
    DocketRef,
    RunningRef,
    docket_refs,
    running_refs,
    title_papers,
)
from clawback.domain.order_words import Found, OrderWords
from clawback.domain.outcomes import Result

__all__ = ["DocketRulings"]

_SUBJECT_GAP = re.compile(
    r"\s*(?:is|are|was|were|shall\s+be|should\s+be|will\s+be)\s+(?:hereby\s+)?", re.I
)
#: a motion named with its kind just before its docket number: "Defendants' Motion to Compel
#: (Doc. 257)", "MOTION FOR PROTECTIVE ORDER (DOC. 233)"
_KIND_BEFORE = 80
#: a clause that gives a reason, still open where a docket number stands: the motions it
#: names are the reason, not the thing ruled
_GIVES_REASON = re.compile(r"\b(?:because|since)\b[^,;]*$", re.I)
_PLURAL = re.compile(r"\b(?:motions|applications|requests)\b", re.I)
#: the words that join a second docket number to a motion's ("ECF No. 780 and ECF No. 814")
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or)?\s*", re.I)


class DocketRulings:
    """Reads rulings by docket number: the order's vocabularies and the numbers it gives
    motions."""

    def __init__(
        self, words: OrderWords, motion_dockets: set[str], sentences: Sequence[str] = ()
    ) -> None:
        self.words = words
        self.motion_dockets = motion_dockets
        #: the kind the order first gives each motion's number ("Motion to Compel (Doc. 257)")
        self.kinds: dict[str, str] = {}
        for sentence in sentences:
            for ref in _bracketed(sentence):
                if ref.number not in motion_dockets or ref.number in self.kinds:
                    continue
                said = words.motions.find(sentence, max(0, ref.start - _KIND_BEFORE), ref.start)
                if said and not re.search(r"[(),;]", sentence[said[-1].end : ref.start]):
                    self.kinds[ref.number] = said[-1].label

    def docketed(
        self, sentence: str, outcomes: Sequence[Found], motion: str
    ) -> tuple[list[tuple[str, str, Result]], list[tuple[str, str | None, str, Result]]]:
        """The motions ``sentence`` rules on by docket number, each with its kind and outcome,
        and the papers it rules on by docket number (`clawback.domain.order_papers`), each
        with its kind, motion (when one is named) and outcome: a passive outcome ("(Dkt. 116)
        is GRANTED") rules on what is named before it, an active one ("DENIES as moot
        Plaintiff's Motion to Unseal (doc. 367)") on what is named after."""
        found: list[tuple[str, str, Result]] = []
        papers: list[tuple[str, str | None, str, Result]] = []
        for i, outcome in enumerate(outcomes):
            said = sentence[outcome.start : outcome.end].lower().split()
            if (
                said[0].endswith("ed")
                or said[-1].endswith("ed")
                or " ".join(said) in self.words.said_after_ruled.phrases
            ):
                start = outcomes[i - 1].end if i else 0
                segment = sentence[start : outcome.start]
                subject = [
                    r for r in running_refs(segment) if _SUBJECT_GAP.fullmatch(segment[r.end :])
                ]
                if subject:  # "437 supersedes 436, and Docket No. 436 is hereby DENIED"
                    segment = segment[subject[-1].start :]
                segment = _last_clause(segment)  # "Given my ruling on ... (Doc. 233), Defendants'
                # Motion to Compel (Doc. 257) is moot": the subject, not the reason
            else:
                end = outcomes[i + 1].start if i + 1 < len(outcomes) else len(sentence)
                segment = sentence[outcome.end : end]
                # a docket text's next clause, whatever its outcome rules ("granting 64 Motion
                # to Seal; granting 77 Motion for Leave to File Supplemental Affidavits")
                segment = _NEXT_ENTRY_CLAUSE.split(segment, maxsplit=1)[0]
            kinds = self.words.motions.find(segment)
            if self.words.motions.names_none(segment):
                continue  # "DENYING 127 Sealed Emergency Motion": a motion of no kind here
            refs = docket_refs(segment, self.words.papers)
            numbered = [  # "Defendants' Motion (Doc. 257)": the motion the order numbered so
                r
                for r in refs
                if r.paper is not None
                and _MOTION_PAPER.search(r.paper)
                and set(r.numbers) <= self.motion_dockets
            ]
            refs = [DocketRef(r.numbers, None) if r in numbered else r for r in refs]
            given = {
                self.kinds[n] for r in refs if r.paper is None for n in r.numbers if n in self.kinds
            }
            kind = kinds[0].label if kinds else given.pop() if len(given) == 1 else motion
            result = _outcome(outcome.label)
            if i + 1 < len(outcomes) and sentence[outcome.end : outcomes[i + 1].start].strip(
                " ,"
            ).lower() in {"and", "in part and"}:
                result = Result.granted_in_part  # "GRANTED IN PART AND DENIED IN PART"
            papers.extend((kind, None, r.paper, result) for r in refs if r.paper is not None)
            dockets = [n for r in refs if r.paper is None for n in r.numbers]
            if len(dockets) > 1 and not _PLURAL.search(segment) and not _each_titled(segment, refs):
                continue  # "MOTION TO SEAL [Dkt. Nos. 461, 462, 463]": the papers, not motions
            found.extend((kind, docket, result) for docket in dockets)
            if len(dockets) == 1 and result is not Result.granted_in_part:
                # "Motion ... to Unseal Doc. No. 355, (doc. 367)": the papers its title names
                papers.extend((kind, dockets[0], p, result) for p in title_papers(segment))
        return found, papers

    def running(
        self, sentence: str, outcomes: Sequence[Found], motion: str, mixed: bool
    ) -> tuple[list[tuple[str, str, Result]], list[tuple[str, str, Result]]]:
        """The motions ``sentence`` rules on by docket numbers in its running words ("the
        motion at ECF No. 45 is GRANTED"), and the papers it names by the numbers of motions
        the order names ("refile the exhibits listed in docket entries nos. 440 and 459"): one
        ruling per motion, at the sentence's outcome."""
        whole = Result.granted_in_part if mixed else _outcome(outcomes[0].label)
        motions: list[tuple[str, str, Result]] = []
        papers: list[tuple[str, str, Result]] = []
        last_motion_end = -1
        refs = running_refs(sentence)
        subjects = [r for r in refs if self._subject_of(sentence, r, outcomes)]
        for ref in subjects or refs:
            if _GIVES_REASON.search(sentence, 0, ref.start):
                continue  # "because the joint motions\u2014ECF Nos. 477, 504 & 509\u2014supersede"
            result = clause_outcome(sentence, ref, outcomes) if mixed else whole
            joined = _JOINED.fullmatch(sentence[last_motion_end : ref.start])
            if ref.of_motion or ref in subjects or (last_motion_end >= 0 and joined):
                # each motion of a list its own kind: "(1) GRANTS Healthy Paws' Motion to Seal
                # ..., Dkt. No. 229; (2) GRANTS Plaintiffs' Motion to File Information ... in
                # Open Court, Dkt. No. 270"
                named = self.words.motions.find(sentence, max(last_motion_end, 0), ref.start)
                kind = named[0].label if named else motion
                last_motion_end = ref.end
                motions.extend((kind, n, result) for n in ref.numbers)
            elif ref.numbers and set(ref.numbers) <= self.motion_dockets:
                papers.extend((n, ref.written, result) for n in ref.numbers)
        return motions, papers

    def _subject_of(self, sentence: str, ref: RunningRef, outcomes: Sequence[Found]) -> bool:
        """Whether ``ref`` numbers a motion the order names and is the subject of an outcome
        said right after it ("Docket No. 436 is hereby DENIED as moot")."""
        if not ref.numbers or not set(ref.numbers) <= self.motion_dockets:
            return False
        return any(
            f.start >= ref.end and _SUBJECT_GAP.fullmatch(sentence[ref.end : f.start])
            for f in outcomes
        )


def _each_titled(segment: str, refs: Sequence[DocketRef]) -> bool:
    """Whether each of ``refs`` numbers a motion of its own, one bracket of one number after
    each motion's title ("Plaintiff's second Motion to File Under Seal [182] and Defendants'
    Motion to File Disputed Documents Under Seal [184] are GRANTED")."""
    ones = [r for r in refs if r.paper is None and len(r.numbers) == 1]
    brackets = len(_NUMBER_BRACKET.findall(segment))
    motions = len(_MOTION_WORD.findall(segment))
    return len(refs) > 1 and len(ones) == len(refs) == brackets == motions


#: where a docket text's next clause begins: "; granting ...", "; denying as moot ..."
_NEXT_ENTRY_CLAUSE = re.compile(r";\s+(?=[a-z]+ing\b)")
_MOTION_WORD = re.compile(r"\bmotion\b", re.I)
_NUMBER_BRACKET = re.compile(r"[(\[][^()\[\]]*\d[^()\[\]]*[)\]]")
_MOTION_PAPER = re.compile(r"\bmotions?\s*[(\[][^()\[\]]*[)\]]\s*$", re.I)
_BRACKETED = re.compile(
    r"[(\[]\s*(?:Docs?|Dkts?|Docket|ECF)\.?\s*(?:Nos?\.?\s*|#\s*)?(?P<n>\d+)\s*[)\]]", re.I
)


@dataclass(frozen=True)
class _Bracketed:
    number: str
    start: int


def _bracketed(sentence: str) -> list[_Bracketed]:
    """The docket numbers ``sentence`` gives in brackets of their own: "(Doc. 257)"."""
    return [_Bracketed(m["n"], m.start()) for m in _BRACKETED.finditer(sentence)]


def _last_clause(segment: str) -> str:
    """The words of ``segment`` after its last comma or semicolon outside brackets, where
    they still name a docket number; else all of it."""
    depth, cut = 0, -1
    for i, char in enumerate(segment):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in ",;" and depth == 0:
            cut = i
    if cut < 0 or not _BRACKETED.search(segment, cut):
        return segment
    return segment[cut + 1 :]
