"""A sentence (or a title) that rules two or more motions, each in a clause of its own:
"defendants' motion to seal is GRANTED in part and DENIED in part, and plaintiffs' cross-motion
to unseal is GRANTED in part and DENIED in part"; "ORDER DENYING PLAINTIFF'S MOTION TO COMPEL
...; ORDER GRANTING IN PART AND DENYING IN PART DEFENDANTS' COUNTER-MOTION FOR A PROTECTIVE
ORDER"; "Plaintiff's Motion (see Doc. 50) to prohibit ... will be granted, Plaintiff's Motion
(see id.) to disqualify ... will be denied, and Defendants' Motion to Compel (Doc. 62) will be
denied". Each clause is read as a sentence of its own. Which motion each clause rules on: the
docket number in its clause ("(see Doc. 50)"), the one before it for "(see id.)", else the one
the order gave that party's motion ("Plaintiff has moved for ... See generally Dkt. No. 139.").
Two clauses on one filing are two parts of one motion, granted in part where they differ. Part
of `clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from clawback.domain.order_draft import Ruling
from clawback.domain.order_words import OrderWords
from clawback.domain.outcomes import Result

__all__ = [
    "compound_rulings",
    "movant_dockets",
    "movants_apart",
    "parts_apart",
    "ruling_clauses",
]

#: where the next clause on another motion begins: ", and defendants' motion ...", "; ORDER
#: GRANTING ...", "; DENYING WITHOUT PREJUDICE ..." (a title's next ruling, in capitals),
#: ", Plaintiff's Motion (see id.) ..."
_NEXT_MOTION = re.compile(
    r"[,;]\s+(?:and\s+)?(?=(?-i:(?:ORDER\s+)?(?:GRANTING|DENYING))\b|(?:the\s+)?[\w-]+(?:['\u2019\u201f]s"
    r"|s['\u2019\u201f])\s+(?:[\w-]+\s+){0,2}?(?:(?:cross|counter)[- ])?motion\b)",
    re.I,
)
#: a clause on a motion of another kind joined by "and", with or without a comma and with no
#: party's name before it: "the Motion for Protective Order is DENIED, and the Motion to Compel
#: is GRANTED"; "Acme's Motion to Seal ... will be GRANTED and Acme's Motion for Protective Order
#: will be DENIED"; or after the court's own verb: "the Court grants Plaintiff's motion to seal
#: and denies Plaintiff's motion for a protective order", "will GRANT ... and will DENY the
#: motion to compel" (a cut only where the two clauses name motions of two kinds: "GRANTED as to
#: Exhibit 3 and the motion is otherwise DENIED" is one motion)
_AND_MOTION = re.compile(
    r",?\s+and\s+(?=(?:(?:will|shall|hereby|also)\s+)*"
    r"(?:(?:grants?|denies|deny)\s+(?:(?:in\s+part|as\s+moot)\s+)?"
    # a title's or docket text's gerund, never "AND DENYING IN PART" (one outcome of one motion)
    r"|(?:granting|denying)\s+(?!in\s+part\b))?"
    r"(?:the\s+)?(?:[\w-]+(?:['\u2019\u201f]s|s['\u2019\u201f])\s+)?"
    r"(?:[\w-]+\s+){0,2}?motions?\s+(?:\d{1,4}\s+)?(?:to|for)\b)",
    re.I,
)
#: what may stand before the outcome that opens a clause: "will", "hereby"
_LEAD = re.compile(r"[\s,]*(?:(?:will|shall|hereby|also)\s+)*", re.I)
_SEE_DOCKET = re.compile(
    r"\(\s*(?:see\s+)?(?:Docs?|Dkts?|ECF|Docket)\.?\s*(?:Nos?\.?\s*)?(?P<n>\d+)\s*\)", re.I
)
_SEE_ID = re.compile(r"\(\s*see\s+id\.?\s*\)", re.I)
#: a motion's purpose after its docket bracket: "Motion (see Doc. 50) to prohibit ... documents"
_PURPOSE = re.compile(r"\)\s*(?P<p>(?:to|for)\s+[^,;]+?)\s+(?:will|shall|is|are|should)\b", re.I)
#: a citation alone that numbers the motion the sentence before tells of: "See generally Dkt.
#: No. 139.", "(ECF No. 45.)"
_CITED = re.compile(
    r"^\W*(?:see(?:\s+generally)?\s+)?(?:Docs?|Dkts?|ECF|Docket)\.?\s*(?:Nos?\.?\s*)?(?P<n>\d+)"
    r"\W*$",
    re.I,
)
_MOVED = re.compile(r"\b(?:moved|moves|motion)\b", re.I)


def ruling_clauses(sentence: str, words: OrderWords) -> list[str]:
    """The clauses of ``sentence`` if it rules motions clause by clause (see the module doc),
    each with an outcome of its own; else ``[sentence]``."""
    pieces, start = [], 0
    cuts = sorted(
        [(c.start(), c.end(), False) for c in _NEXT_MOTION.finditer(sentence)]
        + [(c.start(), c.end(), True) for c in _AND_MOTION.finditer(sentence)]
    )
    for at, end, by_kind in cuts:
        if at < start:
            continue
        if by_kind and not _two_kinds(words, sentence[start:at], sentence[end:]):
            continue
        if words.outcomes.find(sentence, start, at):  # else a lead-in: "For the
            pieces.append(sentence[start:at])  # reasons stated herein, ..."
            start = end
    pieces.append(sentence[start:])
    if len(pieces) < 2 or not all(words.outcomes.find(p) for p in pieces):
        return [sentence]
    return pieces


def _two_kinds(words: OrderWords, before: str, after: str) -> bool:
    """Whether the clause ``before`` and the one ``after`` it name motions of two kinds: the
    second's named before its outcome, or just after it where the outcome opens the clause
    ("... and denies Plaintiff's motion for a protective order")."""
    first = words.motions.find(before)
    outcomes = words.outcomes.find(after)
    opening = outcomes and _LEAD.fullmatch(after, 0, outcomes[0].start) is not None
    end = len(after) if not outcomes or opening else outcomes[0].start
    then = words.motions.find(after, 0, end)
    return bool(first and then) and first[0].label != then[0].label


def movant_dockets(sentences: Sequence[str], words: OrderWords) -> dict[str, str]:
    """The docket number of each party's motion where the order tells who moved and numbers it
    in a citation of its own just after ("By cross motion, defendants have moved for an order
    compelling ... See generally Dkt. No. 145."); a party with two numbers has none."""
    found: dict[str, set[str]] = {}
    for said, cited in pairwise(sentences):
        number = _CITED.match(cited)
        parties = words.parties.find(said)
        if number is None or not parties or not _MOVED.search(said):
            continue
        found.setdefault(parties[0].label, set()).add(number["n"])
    return {party: numbers.pop() for party, numbers in found.items() if len(numbers) == 1}


def compound_rulings(
    clauses: Sequence[str], rulings: Sequence[Sequence[Ruling]], by_movant: dict[str, str]
) -> list[Ruling]:
    """The rulings of a sentence read clause by clause (``rulings[i]`` those of ``clauses[i]``),
    each on the motion its clause numbers (see the module doc)."""
    found: list[Ruling] = []
    last: str | None = None
    for clause, said in zip(clauses, rulings, strict=True):
        see = _SEE_DOCKET.search(clause)
        docket = see["n"] if see else last if _SEE_ID.search(clause) else None
        last = docket or last
        for ruling in said:
            if ruling.docket is None and ruling.exhibit is None and ruling.document is None:
                number = docket or by_movant.get(ruling.movant or "")
                purpose = _PURPOSE.search(clause)
                ruling = replace(
                    ruling, docket=number, part=purpose["p"].strip() if purpose else ruling.part
                )
            found.append(ruling)
    return _parts_of_one_filing(_movants_apart(found))


def _movants_apart(rulings: list[Ruling]) -> list[Ruling]:
    """Whole rulings of one kind on no docket number, each of another movant's motion: each
    marked apart by its movant (`Ruling.apart`)."""
    wholes = [r for r in rulings if r.exhibit is None and r.document is None and r.docket is None]
    apart = []
    for kind in {r.motion for r in wholes}:
        movants = [r.movant for r in wholes if r.motion == kind]
        if len(movants) > 1 and None not in movants and len(set(movants)) == len(movants):
            apart += [r for r in wholes if r.motion == kind]
    return [replace(r, apart=f"{r.movant}'s") if r in apart else r for r in rulings]


def _parts_of_one_filing(rulings: list[Ruling]) -> list[Ruling]:
    """Two whole rulings on one docket number: parts of one motion (of the first one's kind),
    each named by its purpose, and the motion granted in part where they differ."""
    wholes = [r for r in rulings if r.exhibit is None and r.document is None and r.docket]
    dockets = [r.docket for r in wholes]
    shared = {d for d in dockets if dockets.count(d) > 1}
    if not shared:
        return rulings
    kept = [r for r in rulings if r not in wholes or r.docket not in shared]
    for docket in shared:
        parts = [r for r in wholes if r.docket == docket]
        kind = parts[0].motion
        outcomes = {r.outcome for r in parts}
        whole = Result.granted_in_part if len(outcomes) > 1 else parts[0].outcome
        kept.append(replace(parts[0], outcome=whole, part=None))
        kept += [
            replace(r, motion=kind, document=r.part or f"part {i}", part=None)
            for i, r in enumerate(parts, 1)
        ]
    return kept


#: what limits a whole motion's outcome to a part named just after it: "is granted as to the
#: account numbers", "is denied with respect to the remaining terms"
_AS_TO = re.compile(
    r"\s*(?:only\s+)?(?:as\s+to|with\s+respect\s+to)\s+(?P<part>[^.;]+?)\s*(?:[.;]|$)", re.I
)


def parts_apart(held: Ruling | None, ruling: Ruling, words: OrderWords) -> list[Ruling]:
    """Two sentences that rule one motion as a whole, each only as to a part named just after
    its outcome, one granted and one denied ("The motion to seal is granted as to the account
    numbers. The motion to seal is denied as to the remaining terms."): the motion granted in
    part, each part a ruling of its own (its document the part, as written); else none, and
    the later ruling replaces the earlier as any does."""
    if held is None or held.sentence == ruling.sentence:
        return []
    pair = (held, ruling)
    if any(r.exhibit is not None or r.document is not None for r in pair):
        return []
    if {held.outcome, ruling.outcome} != {Result.granted, Result.denied}:
        return []
    parts = [_limited_to(r, words) for r in pair]
    if parts[0] is None or parts[1] is None or parts[0] == parts[1]:
        return []
    whole = replace(held, outcome=Result.granted_in_part, part=None)
    return [whole] + [replace(r, document=p, part=None) for r, p in zip(pair, parts, strict=True)]


def _limited_to(ruling: Ruling, words: OrderWords) -> str | None:
    """The part ``ruling``'s sentence limits its one outcome to ("granted as to X"), or None."""
    outcomes = words.outcomes.find(ruling.sentence)
    if len(outcomes) != 1:
        return None
    limited = _AS_TO.match(ruling.sentence, outcomes[0].end)
    return limited["part"] if limited else None


#: a party's own motion, said with the possessive: "Plaintiff's motion", "the Defendants' renewed
#: motion", "Watkins's request"
_OWNED = re.compile(
    r"(?<=['\u2019])s?\s+(?:[\w-]+\s+){0,3}?(?:motions?|requests?|applications?)\b", re.I
)

#: a side's word, then its name, then the possessive: "Plaintiff Newage Garden Grove, LLC's
#: Motion", "Defendant Titanium Group (III) LLC's Motion to Compel", "Plaintiff Jane Roe's motion"
_OWNED_BY_NAME = re.compile(
    r"\s+(?:[A-Z(][\w&().-]*,?\s+){0,5}?[A-Z(][\w&().-]*['\u2019]s?\s+(?:[\w-]+\s+){0,3}?"
    r"(?i:motions?|requests?|applications?)\b"  # the name's words in capitals, never "opposes the"
)


def movants_apart(held: Ruling | None, ruling: Ruling, words: OrderWords) -> list[Ruling]:
    """Two sentences that each rule a whole motion of one kind on no docket number, each naming
    one movant's motion by the possessive, and another's ("The Court will grant Watkins's motion
    to seal. The Court will grant in part and deny in part the Defendants' motion to seal."):
    two motions, each marked apart by its movant; else none, and the later ruling replaces the
    earlier as any does."""
    if held is None or held.sentence == ruling.sentence:
        return []
    pair = (held, ruling)
    if any(r.exhibit or r.document or r.docket or r.apart for r in pair):
        return []
    if held.movant is None or held.movant == ruling.movant:
        return []
    for r in pair:
        owners = {
            f.label
            for f in words.parties.find(r.sentence)
            if _OWNED.match(r.sentence, f.end)
            or _OWNED.match(r.sentence, f.end - 1)
            or _OWNED_BY_NAME.match(r.sentence, f.end)
        }
        if owners != {r.movant}:
            return []
    return [replace(r, apart=f"{r.movant}'s") for r in pair]
