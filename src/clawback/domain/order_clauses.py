"""Which outcome a clause of an order's sentence gives: the outcome phrases of
data/order_reading.yaml read as results, and, in a sentence that rules several motions by their
docket numbers clause by clause, the one each clause gives the numbers in it. Part of
`clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from clawback.domain.order_papers import RunningRef
from clawback.domain.order_text import DATE
from clawback.domain.order_words import Found, OrderWords, Vocabulary
from clawback.domain.outcomes import Result

__all__ = [
    "clause_outcome",
    "denial_without_prejudice",
    "fold_after_denial",
    "fold_after_grant",
    "interim",
    "of_another_kind",
    "of_orders_in_general",
    "questioned",
    "recites_ruling",
    "recounted",
    "reported",
    "result_of",
    "shown",
    "threatened",
]

#: how far after a denial its kind may still be said ("DENIES entry of the Order without prejudice")
_AFTER_DENIAL_REACH = 160
#: an outcome in the past tense, in lower case: "denied", "granted in part"
_PAST_TENSE = re.compile(r"(?:granted|denied)\b")
#: the court or a judge just before it, as its subject: "which the Court denied", "the
#: Honorable Dora L. Irizarry denied", "the Court therefore denied"
_COURT_DID = re.compile(
    r"(?:\bCourt|\bJudge(?:\s+[A-Z][\w.'\u2019-]*){1,4}|\bHonorable(?:\s+[A-Z][\w.'\u2019-]*){1,4})"
    r"(?:\s+(?:therefore|then|subsequently|also|thus|ultimately|later))?\s+$"
    # the perfect, in either case: "The court has since denied Defendants' motion to compel",
    # "the Court had previously granted"
    r"|\b[Cc]ourt\s+(?:has|had)(?:\s+(?:since|already|previously|earlier|recently|now))?\s+$"
)
#: "and" just before a second outcome, whose subject is the first's: "In January, the Court
#: granted in part the defendants' motion ... (Doc. 187) and denied—without prejudice—..."
_AND_BEFORE = re.compile(r",?\s+and\s+$")
#: an outcome in the passive past, the ruling some paper or judge gave before: "Defendant's
#: consent motion ... was separately granted by Magistrate Judge Coulson"
_WAS = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?$", re.I)
#: the judge or court who gave it, named after it ("by Magistrate Judge Coulson", "by the Court
#: on March 3"): a minute entry's "the motion was granted" at a hearing names no one so
_BY_A_JUDGE = re.compile(
    r"(?:\s+in\s+part)?(?:\s+\w+){0,2}?\s+by\s+(?:the\s+)?(?:Honorable|Judge|Magistrate|District|"
    r"Chief|Court|undersigned|[A-Z][a-z]+,?\s+J\.)"
)
#: a participle opening the sentence that tells what the court did: "In denying that motion, ..."
_IN_DOING = re.compile(r"^\W*In\s+$")
_PARTICIPLE = re.compile(r"(?:granting|denying)\b")
#: a motion named just after an active outcome, to the clause's end: "the motion to dismiss"
#: (a motion "for leave" is named by what it asks leave to do, often past a cut: never other)
_MOTION_NAMED = re.compile(
    # a docket text's number: "denying 35 Plaintiff's Motion for ...", "granting 77 Motion for
    # Leave to File Supplemental Affidavits" (numbered, a motion "for leave" is named whole to
    # its ";"; in prose, "for leave to file ... Doc. No. 360-2 and to Unseal" may run past the
    # words read here, so a motion for leave is never taken for another kind there)
    r"\s*(?:\[?#?\d+\]?\s+(?=(?:\S+\s+){0,3}?motions?\s+for\s+leave\b[^;.]{1,80}(?:;|\.\s|$))"
    r"(?:the|a|an|[\w.'\u2019]+['\u2019]s?)?\s*(?:\w+\s+)?motions?\s+for\s+leave\s+[^;]{1,80}"
    r"|(?:\[?#?\d+\]?\s+)?(?:the|a|an|[\w.'\u2019]+['\u2019]s?)?\s*(?:\w+\s+)?motions?\s+"
    r"(?:to|for(?!\s+leave\b))\s+"
    # the relief asked in the alternative is the motion's name too: "the motion to quash
    # subpoena, and/or for protective order", "to quash the subpoena or, in the alternative,
    # for a protective order" (a kind named there is the motion's)
    r"(?:[^,;.]{1,80}?,?\s*(?:and/or|or),?\s*(?:in\s+the\s+alternative,?\s*|alternatively,?\s*)?"
    r"(?:to|for)\s+[^,;.]{1,80}|[^,;.]{1,80}))",
    re.I,
)
#: a motion "for" something named as the subject just before a passive outcome: "the motion for
#: sanctions is" (a motion "to strike" or "to intervene" may be the sealing or unsealing itself)
_SUBJECT_MOTION = re.compile(
    r"\bmotions?\s+for(?!\s+leave\b)\s+[^,;.]{1,80}?\s+(?:is|are|was|were|shall\s+be|"
    r"will\s+be|should\s+be|must\s+be|be)\s+(?:\w+ly\s+|hereby\s+)?$",
    re.I,
)
#: how far after an outcome its interim words may be ("remain sealed, as they are, for now")
_INTERIM_REACH = 40
#: how far after a question word its outcome may be ("whether ... should be sealed")
_QUESTION_REACH = 160
#: the court speaking again in a clause of its own after a party's report ("The parties agree
#: that ..., and the Court therefore GRANTS"): the report reaches no further
_COURT_AGAIN = re.compile(r"[,;]\s*(?:and|but|so)?\s*(?:the\s+)?(?:Court|undersigned|I)\b")
#: the court, or its judge, as the speaker of a sentence ("The Court notes that ...")
_COURT_SPEAKS = re.compile(r"\b(?:Court|undersigned|I)\b")
#: an earlier paper named by what it ruled, just before the ruling's word: "see my April 1,
#: 2021, memorandum granting in part ...", "the Court's prior order denying ...", "issued a
#: decision denying the motion on August 23, 2013"
_EARLIER_PAPER = re.compile(
    rf"(?:{DATE},|\bissued\s+(?:a|an|its|the)|"
    r"\b(?:my|its|our|the\s+Court's|this\s+Court's)(?:\s+(?:prior|earlier|previous))?)"
    r"\s+(?:memorandum|order|opinion|decision)(?:\s+and\s+order)?\s+"
    r"(?:(?:granting|denying)(?:\s+in\s+part)?\s+and\s+)?$"
)


def result_of(label: str) -> Result:
    """The result an outcome phrase's label means ("denied-in-part" is a grant in part)."""
    return {
        "denied-in-part": Result.granted_in_part,
    }.get(label) or Result(label.replace("-", "_"))


def clause_outcome(sentence: str, ref: RunningRef, outcomes: Sequence[Found]) -> Result:
    """The outcome a clause gives the motion numbered in it: an active one before the number
    in the same clause ("will grant the motions at ECF No. 780; ... and deny the motion at ECF
    No. 825"), else the first after it ("the motion at ECF No. 45 is GRANTED"); "grant in part
    and deny in part" is one outcome."""
    before = [
        f
        for f in outcomes
        if f.end <= ref.start
        and ";" not in sentence[f.end : ref.start]
        and not sentence[f.start : f.end].lower().split()[-1].endswith("ed")
    ]
    if before:
        results = {result_of(f.label) for f in before}
        if Result.granted_in_part in results or {Result.granted, Result.denied} <= results:
            return Result.granted_in_part
        return result_of(before[-1].label)
    after = [f for f in outcomes if f.start >= ref.end]
    return result_of((after or outcomes)[0].label)


def fold_after_denial(
    sentence: str, outcomes: Sequence[Found], after_denial: Vocabulary
) -> list[Found]:
    """The outcomes of ``sentence`` with each plain denial given the kind said after the thing
    denied (data: after_denial): "the Court DENIES entry of the Order without prejudice" is a
    denial without prejudice, "will deny plaintiff's request to seal as having been rendered
    moot" moot. The later words must come before the next outcome and any ";"; an outcome
    phrase inside them ("moot") is no outcome of its own."""
    return _fold_after(sentence, outcomes, after_denial, Result.denied)


def fold_after_grant(
    sentence: str, outcomes: Sequence[Found], after_grant: Vocabulary
) -> list[Found]:
    """The outcomes of ``sentence`` with each plain grant given the kind said after the thing
    granted (data: after_grant): "The Court will grant CBN's motion for leave in part" is a
    grant in part. Read as `fold_after_denial` reads a denial."""
    return _fold_after(sentence, outcomes, after_grant, Result.granted)


def _fold_after(
    sentence: str, outcomes: Sequence[Found], after: Vocabulary, plain: Result
) -> list[Found]:
    later = after.find(sentence)
    if not later:
        return list(outcomes)
    within = {f for f in outcomes for t in later if t.start <= f.start < t.end}
    folded: list[Found] = []
    for i, found in enumerate(outcomes):
        if found in within:
            continue
        if result_of(found.label) is plain:
            following = [f for f in outcomes[i + 1 :] if f not in within]
            limit = min(
                following[0].start if following else len(sentence),
                found.end + _AFTER_DENIAL_REACH,
            )
            stop = sentence.find(";", found.end, limit)
            limit = stop if stop >= 0 else limit
            said = next((t for t in later if found.end <= t.start and t.end <= limit), None)
            if said is not None:
                found = Found(said.label, found.start, found.end)
        folded.append(found)
    return folded


def reported(sentence: str, found: Found, reports: Vocabulary) -> bool:
    """Whether the outcome ``found`` is one a party reports, not the court's ruling ("CBN
    further notes that the Court granted plaintiff's earlier motion"; data: reports): a
    reporting phrase before it whose speaker is not the court, in a clause the court does not
    take up again ("The parties agree that ..., and the Court therefore GRANTS")."""
    return any(
        said.end <= found.start
        and not _COURT_SPEAKS.search(sentence, 0, said.start)
        and not _COURT_AGAIN.search(sentence, said.end, found.start)
        for said in reports.find(sentence)
    )


def threatened(sentence: str, found: Found, threats: Vocabulary) -> bool:
    """Whether the outcome ``found`` is what the court threatens ("ORDERS Defendants to show
    cause why Plaintiff's motion to seal should not be denied"; data: threats), not a ruling."""
    return any(said.end <= found.start for said in threats.find(sentence))


def shown(sentence: str, found: Found, outcomes: Sequence[Found], words: OrderWords) -> bool:
    """Whether ``found`` is the first outcome in the clause after words of a burden not met
    ("have not met their burden to establish that the agreement should be sealed and denies
    the motion"; data: showings, failed_showings): what was not shown, not a ruling; a later
    outcome, or one past a comma, still rules."""
    for said in words.showings.find(sentence, 0, found.start):
        between = sentence[said.end : found.start]
        if any(said.end <= other.start < found.start for other in outcomes) or any(
            mark in between for mark in ",;:"
        ):
            continue
        if words.failed_showings.find(sentence, max(0, said.start - _FAILED_REACH), said.start):
            return True
    return False


#: how far before a burden's words its failure is said: "have not met their", "failed to meet the"
_FAILED_REACH = 30


def of_another_kind(
    sentence: str, found: Found, outcomes: Sequence[Found], motions: Vocabulary
) -> bool:
    """Whether the active outcome ``found`` rules on a motion of a kind no vocabulary names,
    said just after it ("the Court will deny the motion to dismiss and grant the motions to
    seal", "GRANTS the motion for summary judgment and DENIES the motion to seal"), or, in the
    passive, just before it ("Symeou's motion for sanctions is DENIED"): that outcome is no
    ruling on a motion this reader drafts."""
    if sentence[found.start : found.end].lower().split()[-1].endswith("ed"):
        # passive: what it rules is its subject, in the clause before it ("Symeou's motion for
        # sanctions is DENIED")
        clause = re.split(r"[,;:]", sentence[: found.start])[-1]
        subject = _SUBJECT_MOTION.search(clause)
        return subject is not None and not motions.find(subject.group())
    following = [f.start for f in outcomes if f.start > found.start]
    span = sentence[found.end : following[0] if following else len(sentence)]
    named = _MOTION_NAMED.match(span)
    return named is not None and not motions.find(named.group())


def questioned(sentence: str, found: Found, questions: Vocabulary) -> bool:
    """Whether the outcome ``found`` is asked or supposed, not ruled: a question word before it
    in the same clause ("In determining whether documents should be sealed, the Court weighs";
    "not considered sealed until ... an Order permitting the documents to be maintained under
    seal"; data: questions), within two lines and no ";" between."""
    return any(
        said.end <= found.start
        and found.start - said.end <= _QUESTION_REACH
        and ";" not in sentence[said.end : found.start]
        for said in questions.find(sentence)
    )


def interim(sentence: str, found: Found, words: Vocabulary) -> bool:
    """Whether the outcome ``found`` keeps papers as they are only while the court waits
    ("shall remain under seal for the time being"; data: interim): said within a few words
    after it, no ";" between."""
    return any(
        0 <= said.start - found.end <= _INTERIM_REACH
        and ";" not in sentence[found.end : said.start]
        for said in words.find(sentence)
    )


def of_orders_in_general(sentence: str, found: Found, words: Vocabulary) -> bool:
    """Whether the outcome ``found`` comes right after words naming orders in general or the
    order a party asks for ("An order granting a motion to seal must ...", "moves for an order
    sealing the brief"; data: general_orders): no ruling of this order."""
    return any(
        said.end <= found.start and not sentence[said.end : found.start].strip()
        for said in words.find(sentence, 0, found.start)
    )


def of_quoted_law(sentence: str, found: Found, words: Vocabulary) -> bool:
    """Whether the outcome ``found`` stands in the text of a rule the sentence quotes after
    words that introduce it ("Practice Book § 11-20A provides, in pertinent part: ..."; data:
    quoted_law): the law's, no ruling."""
    return bool(words.find(sentence, 0, found.start))


def recounted(sentence: str, found: Found) -> bool:
    """Whether the outcome ``found`` describes an earlier paper ("see my April 1, 2021,
    memorandum granting in part and denying in part Plaintiff's consolidated motion to
    compel") or an earlier ruling, told in the past tense with the court or a judge its subject
    ("versions of these motions, which the Court denied without prejudice", "the Honorable
    Dora L. Irizarry denied the applications"), in the passive ("the motion was separately
    granted by Magistrate Judge Coulson") or by a participle opening the sentence ("In
    denying that motion, the Court did so ..."), not this order's ruling."""
    if _EARLIER_PAPER.search(sentence, 0, found.start) is not None:
        return True
    if _IN_DOING.search(sentence, 0, found.start) and _PARTICIPLE.match(sentence, found.start):
        return True  # "In denying that motion, the Court did so ..."
    if (
        _PAST_TENSE.match(sentence, found.start)
        and _WAS.search(sentence, 0, found.start)
        and _BY_A_JUDGE.match(sentence, found.end)
    ):
        return True  # "... was separately granted by Magistrate Judge Coulson"
    if not _PAST_TENSE.match(sentence, found.start):
        return False
    if _COURT_DID.search(sentence, 0, found.start):
        return True
    joined = _AND_BEFORE.search(sentence, 0, found.start)
    return joined is not None and any(  # "the Court granted in part ... (Doc. 187) and denied"
        _COURT_DID.search(sentence, 0, past.start())
        for past in _PAST_TENSE.finditer(sentence, 0, joined.start())
    )


def recites_ruling(sentence: str) -> bool:
    """Whether ``sentence`` tells of a ruling given before, the court or a judge its subject
    ("On June 2, 2016, the Court granted the parties' cross-motions to compel arbitration (Doc.
    63)."): the motions it numbers are no motions of this order."""
    return any(
        _COURT_DID.search(sentence, 0, past.start()) for past in _PAST_TENSE.finditer(sentence)
    )


#: a sentence that says the denial just ruled is without prejudice: "The denial, however, is
#: without prejudice and the clerk should maintain the documents under seal", "This denial shall
#: be without prejudice to a renewed motion"
_DENIAL_QUALIFIED = re.compile(
    r"^\W*(?:the|this|that|such|said)\s+denial\s*(?:,\s*however\s*,\s*)?"
    r"(?:is|shall\s+be|will\s+be)\s+without\s+prejudice\b",
    re.I,
)


def denial_without_prejudice(sentence: str) -> bool:
    """Whether ``sentence`` says the denial the order has just given is without prejudice."""
    return _DENIAL_QUALIFIED.match(sentence) is not None
