"""Rulings an order gives by directing someone to seal or unseal: "The Court INSTRUCTS the
Clerk's Office to unseal Docket Nos. 1-1, ...", "directed to unseal the following documents:
Exhibits H, I, J", "DIRECTS the Clerk to remove the seal on Exhibits 1, 2 ...", "the Clerk
shall seal Docket No. 134-17 ("Exhibit 21")", or to file a redacted version ("Defendants are
directed to file redacted versions of Exhibits 15, 23 and 26": each sealed in part). The
directions are data (``data/order_reading_directions.yaml``). Part of
`clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from clawback.domain.order_acts import ASSUMED, NAMED_ACT, ORDERING
from clawback.domain.order_draft import Ruling
from clawback.domain.order_exhibits import find_exhibits
from clawback.domain.order_papers import docket_refs
from clawback.domain.order_words import Found, OrderWords
from clawback.domain.outcomes import Result

__all__ = ["SUA_SPONTE", "UNSEALED", "directed", "listed_items", "mandative"]

#: the court acting on its own motion: its ruling's movant is the court
SUA_SPONTE = re.compile(r"\bsua\s+sponte\b|\bon\s+its\s+own\s+(?:motion|initiative)\b", re.I)

#: the reason a ruling drawn from a direction to unseal carries (it gives none of its own)
UNSEALED = "directed to be unsealed"
_DOCKET_REF = re.compile(
    r"(?:the\s+\w+\s+filed\s+at\s+)?(?:Docket|Dkts?|Docs?|ECF)\.?\s*(?:Nos?\.|#|entr(?:y|ies))?\s*\d",
    re.I,
)
_DIRECTED = frozenset({"unseal", "be unsealed", "seal", "maintain", "keep", "place"})
#: what a direction to keep papers ("maintain", "keep", "place") must say to be a seal
_UNDER_SEAL = re.compile(r"^(?P<papers>.{3,300}?)\s+(?:under|in)\s+seal\b", re.I | re.S)
_CONDITIONAL = frozenset({Result.conditionally_granted, Result.granted_subject_to_supplement})
#: the mandative subjunctive of a decree: "the Court will order that the Report be unsealed",
#: "IT IS ORDERED that Exhibit 4 be sealed", "ORDERING THAT THE ... STATEMENTS ... BE FILED"
#: (never a request's "asks that the exhibits be unsealed", nor a modal already said)
_MANDATIVE = re.compile(
    r"\b((?:order(?:s|ed|ing)?|direct(?:s|ed|ing)?)\s+that\s+[^.;:\n]{1,150}?\s+)"
    r"(?<!shall\s)(?<!will\s)(?<!should\s)(?<!must\s)(?<!not\s)(?<!to\s)"
    r"(be\s+(?:unsealed|sealed|(?:filed|maintained|kept)\s+under\s+seal)\b)",
    re.I,
)


def directed(words: OrderWords, sentence: str, said: Ruling | None) -> list[Ruling]:
    """A direction to unseal or seal entries named by docket number ("The Court INSTRUCTS the
    Clerk's Office to unseal Docket Nos. 1-1, ..."): sealing denied on those entries (a ruling
    on the motion to seal; dropped where the order rules on a motion to unseal), or granted, on
    each exhibit the entry is named as ("to seal Docket No. 134-17 ("Exhibit 21")"), at the
    outcome of the paragraph's sealing just before it (``said``) when that was conditional
    ("sealed on an interim basis pending resolution of the motion")."""
    directing = words.directs.find(sentence) + words.directives.find(sentence)
    if redacted := _redacted(words, sentence, directing):
        return redacted
    verbs = words.unsealing_acts.find(sentence) + words.acts.find(sentence)
    for verb in sorted(verbs, key=lambda v: v.start):
        act = sentence[verb.start : verb.end].lower()
        if verb.label == "unsealing_acts":
            act = "unseal"  # "remove the seal on Exhibits 1, 2 ...": as "unseal" reads
        if act not in _DIRECTED or NAMED_ACT.search(sentence, 0, verb.start):
            continue
        if not any(0 <= verb.start - d.end <= 40 for d in directing):
            continue  # "GRANTED to the extent it seeks to seal ...": no direction
        if any(
            words.questions.find(sentence, d.end, verb.start)
            for d in directing
            if 0 <= verb.start - d.end <= 40
        ):
            continue  # "requires more before it can place material under seal": a condition
        if words.reports.find(sentence, 0, verb.start):
            continue  # "Petitioners have asked this court to order the clerk to place ..."
        rest = sentence[verb.end :].strip().rstrip(".").strip()
        if act in {"maintain", "keep", "place"}:  # "maintain the documents (ECF 1) UNDER SEAL"
            kept = _UNDER_SEAL.match(rest)
            if kept is None or words.requests.find(sentence[max(0, verb.start - 15) : verb.start]):
                continue  # "requires a Proponent who 'seeks to maintain ... under seal'": a rule
            own = "court" if SUA_SPONTE.search(sentence) else None
            whole = Ruling("seal", own, None, Result.granted, None, sentence, ORDERING, None)
            on_papers = [
                replace(whole, document=paper) for paper in _entries_joined(kept["papers"].strip())
            ]
            return [whole, *on_papers] if own else on_papers  # the court's own motion, whole
        numbered = bool(_DOCKET_REF.match(rest) or _DOCKET_REF.search(rest[:40]))
        unsealing = act in {"unseal", "be unsealed"}
        listed = [] if numbered or not unsealing else find_exhibits(rest)
        sealed = [] if numbered or unsealing else find_exhibits(rest[:80])
        if not (numbered or listed or sealed):
            continue  # "The Clerk is instructed to permanently seal Exhibit 4 to ...": sealed
        if listed:  # "directed to unseal the following documents: Exhibits H, I, J"
            return [
                Ruling("seal", None, x, Result.denied, None, sentence, ORDERING, UNSEALED)
                for x, _ in listed
            ]
        if unsealing:
            return [
                Ruling(
                    "seal",
                    None,
                    None,
                    Result.denied,
                    None,
                    sentence,
                    ORDERING,
                    UNSEALED,
                    document=rest,
                )
            ]
        outcome = Result.granted
        if said is not None and said.motion == "seal" and said.outcome in _CONDITIONAL:
            outcome = said.outcome
        ruling = Ruling("seal", None, None, outcome, None, sentence, ORDERING, None)
        named = find_exhibits(rest)
        if not named:
            return [replace(ruling, document=rest)]
        return [replace(ruling, exhibit=label) for label, _ in named]
    return []


#: a direction over a list of items: "Directing that the following items remain SEALED until
#: further order: 1) ...", what it says of them next (data: items_kept_sealed, items_unsealed)
_ITEMS_LEAD = re.compile(
    r"\b(?:direct(?:s|ed|ing)?|order(?:s|ed|ing)?)\s+that\s+the\s+following\s+(?:\w+\s+)?"
    r"(?:items|documents|exhibits|papers|filings|materials|entries)\s+",
    re.I,
)
#: where the list ends: a docket text's next clause ("; directing that ...", "; filing ...")
_LIST_END = re.compile(r";\s+(?=[a-z]+ing\b)")
_ITEM_CUT = re.compile(r";\s*(?:and\s+)?")
_ITEM_MARK = re.compile(r"^\s*(?:and\s+)?\(?\d{1,2}\)\s*")
_ATTACHED_AS = re.compile(r"\bDoc\.\s*(?P<entry>\d+-\d+)")


def listed_items(words: OrderWords, sentence: str) -> list[Ruling]:
    """The rulings of a direction over a numbered list of items ("Directing that the following
    items remain SEALED until further order: 1) Exhibit B, attached as Doc. 3-4 to the 3 Motion
    to Seal; 2) ...; directing that the following items are UNSEALED ...: 1) the 3 Motion to
    Seal ..."): sealing granted on each item kept sealed, denied on each unsealed, an exhibit by
    its label (told apart by the entry it is attached as), any other item as written."""
    found: list[Ruling] = []
    for lead in _ITEMS_LEAD.finditer(sentence):
        kept = words.items_kept_sealed.find(sentence, lead.end(), lead.end() + 30)
        opened = words.items_unsealed.find(sentence, lead.end(), lead.end() + 30)
        said = [f for f in kept + opened if f.start == lead.end()]
        colon = sentence.find(":", lead.end(), lead.end() + 160)
        if not said or colon < 0:
            continue
        unsealed = said[0].label == "items_unsealed"
        outcome = Result.denied if unsealed else Result.granted
        end = _LIST_END.search(sentence, colon)
        ruling = Ruling("seal", None, None, outcome, None, sentence, ORDERING, None)
        if unsealed:
            ruling = replace(ruling, reason=UNSEALED)
        for item in _ITEM_CUT.split(sentence[colon + 1 : end.start() if end else None]):
            item = _ITEM_MARK.sub("", item).strip().rstrip(".").strip()
            if not item:
                continue
            attached = _ATTACHED_AS.search(item)
            entry = attached["entry"] if attached else None
            labels = find_exhibits(item)
            found += [replace(ruling, exhibit=label, entry=entry) for label, _ in labels]
            if not labels:
                found.append(replace(ruling, document=item))
    return found


def _redacted(words: OrderWords, sentence: str, directing: list[Found]) -> list[Ruling]:
    """A direction to file a redacted version of exhibits, or of papers named by docket number
    ("Defendants are directed to file redacted versions of Exhibits 15, 23 and 26"; "ORDERS the
    Times to redact its motion (Dkt. # 109) and reply brief (Dkt. # 153)"): each sealed in part,
    at a low confidence, so that a sentence ruling on it by name decides it."""
    for verb in words.redacting_acts.find(sentence):
        if not any(0 <= verb.start - d.end <= 40 for d in directing):
            continue  # "the parties ask to redact ...": no direction
        if NAMED_ACT.search(sentence, 0, verb.start):
            continue  # "a motion to redact ...": the paper asked for
        clause = sentence[verb.end :].split(";")[0]
        ruling = Ruling("seal", None, None, Result.granted_in_part, None, sentence, ASSUMED, None)
        named = find_exhibits(clause)
        if named:
            return [replace(ruling, exhibit=label) for label, _ in named]
        numbers = [n for ref in docket_refs(clause, words.papers) for n in ref.numbers]
        return [replace(ruling, document=f"Doc. {n}") for n in numbers]
    return _refiled_redacted(words, sentence, directing)


#: a direction with its term between ("are ordered by 12/19/2012 to refile")
_ORDERED_BY = re.compile(r"\b(?:ordered|directed)\s+by\s+[\w/,\s]{4,30}?\s+to\s+$", re.I)
#: the exhibits a refiling names, right after its verb, up to the words that say them redacted
_REFILED = re.compile(
    r"\s+(?:the\s+|its\s+|their\s+)?(?P<list>(?:Exhibits?|Exs?\.)\s[^.;:]{1,80}?)\s+$"
)


def _refiled_redacted(words: OrderWords, sentence: str, directing: list[Found]) -> list[Ruling]:
    """A direction to file exhibits again with a redaction said after them ("Defendants are
    ordered by 12/19/2012 to refile Exhibits 17-26 redacting only the minors' names"): each
    sealed in part, at a low confidence (data: refiling_acts, redactions_after)."""
    after = words.redactions_after.find(sentence)
    for verb in words.refiling_acts.find(sentence):
        if not any(0 <= verb.start - d.end <= 40 for d in directing) and not _ORDERED_BY.search(
            sentence, 0, verb.start
        ):
            continue
        if NAMED_ACT.search(sentence, 0, verb.start):
            continue  # "a motion to file Exhibit B redacted": the paper asked for
        for redacted in after:
            listed = _REFILED.match(sentence[verb.end : redacted.start])
            if listed is None or redacted.start <= verb.end:
                continue
            named = find_exhibits(listed["list"])
            ruling = Ruling(
                "seal", None, None, Result.granted_in_part, None, sentence, ASSUMED, None
            )
            return [replace(ruling, exhibit=label) for label, _ in named]
    return []


def mandative(text: str) -> str:
    """``text`` with a decree's mandative subjunctive said as the rules read a decree: "the
    Court will order that the Report be unsealed" as "... that the Report shall be unsealed"."""
    return _MANDATIVE.sub(r"\1shall \2", text)


#: a docket text's papers each named by its entry's number, joined: "the 1 Complaint and 2
#: Motion for Temporary Restraining Order", "the 14 Declaration, 15 Exhibit List and 17 Brief"
_ENTRY_PAPER = re.compile(r"(?:the\s+)?\d{1,4}\s+[A-Z]")
_ENTRY_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=\d{1,4}\s+[A-Z])")


def _entries_joined(papers: str) -> list[str]:
    """``papers`` one by one where each is named by its docket entry's number; else whole."""
    if not _ENTRY_PAPER.match(papers):
        return [papers]
    return [p.strip() for p in _ENTRY_JOIN.split(papers) if p.strip()]
