"""A court order read into a draft: its rulings per motion and per exhibit, and the acts it sets.

Nothing here is applied: a `Draft` is what a person reviews before `read-order --apply`. Every
drafted value carries the sentence it came from and a confidence (0-1) saying how surely the
reader placed it: 0.9 for a sentence that decides in the court's ordering voice ("IT IS
ORDERED", "GRANTED" in capitals, a docket entry's "ORDER granting"), 0.6 for the same words in
the body's prose, lower where a value was assumed (a period with no trigger named is taken to
run from the order).

How it reads, in order:

1. *Clean*: ECF header stamps ("Case 3:17-cv-02366 Document 84 Filed 06/26/20 Page 3 of 12")
   are cut out (the first one's filing date kept as a fallback for the order's date), and
   pleading-paper line numbers (a bare 1-28 starting most lines) are dropped.
2. *Sentences*: `clawback.domain.sentences`; case-law citations are found with eyecite
   (`clawback.domain.references`) so an exhibit named inside another case's citation is never
   taken for this case's.
3. *Rulings*: a sentence with an outcome phrase (``data/order_reading.yaml``: outcomes) rules
   on the motion kind it names (or the order's first) and on each exhibit it names. In a
   sentence with both a grant and a denial, an exhibit in a bulleted item takes the outcome said
   in its item; an exhibit after "as to"/"with respect to" takes the outcome before it; an
   exhibit before the outcomes takes "granted in part", with the words after "with respect to"
   as its part. A later sentence on the same motion and exhibit in the
   ordering voice replaces an earlier one in prose. Papers that are no exhibit are ruled on
   as documents (`clawback.domain.order_papers`): named by docket number in a motion's title
   or after a paper's name, as a sentence's subject ("X and Y shall remain sealed until ..."),
   joined to an exhibit list, or by the docket numbers of motions in running prose ("the
   motion at ECF No. 45 is GRANTED"), or by title in the request a motion ruled all one way
   makes or in its ruling ("seeks to seal: (a) the Declaration of Jane Roe, (b) ...";
   `order_titled`, `order_wholesale`), or by a direction (to file a redacted version, to
   remove the seal; `order_directions`). A part the parties settled ("able to resolve the
   dispute with respect to ...") is withdrawn, and the motion's outcome rules on the rest.
   An outcome the court recounts ("already granted", "On August 15, 2022, the judge granted")
   rules on nothing. A denial takes the kind said after the thing denied ("DENIES entry of the
   Order without prejudice"; data: after_denial), and "all three motions are denied" rules on
   every motion the order numbered (data: every_motion). A sentence that rules motions clause
   by clause is read so (`order_compound`); documents it counts ("these two letters") are
   ruled one by one (`order_counted`); a threat ("show cause why ... should not be denied")
   rules on nothing (data: threats), nor does an outcome asked or supposed ("whether documents
   should be sealed"; data: questions), one told of an earlier ruling ("which the Court denied
   without prejudice"), or one on a motion of a kind no vocabulary names ("deny the motion to
   dismiss"). The parts of one ruling sentence are `order_parts`'.
4. *Acts*: `clawback.domain.order_acts` (a directive before an act verb, its party and time).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from clawback.domain.order_acts import (
    ORDERING,
    PROSE,
    Act,
    ActReader,
    dated_by_docket,
    timed_by_the_next,
    unique_acts,
)
from clawback.domain.order_clauses import (
    denial_without_prejudice,
    fold_after_denial,
    fold_after_grant,
    interim,
    of_another_kind,
    of_orders_in_general,
    of_quoted_law,
    questioned,
    recounted,
    reported,
    shown,
    threatened,
)
from clawback.domain.order_clauses import result_of as _outcome
from clawback.domain.order_compound import (
    compound_rulings,
    movant_dockets,
    movants_apart,
    parts_apart,
    ruling_clauses,
)
from clawback.domain.order_counted import counted_documents
from clawback.domain.order_directions import (
    SUA_SPONTE,
    UNSEALED,
    directed,
    listed_items,
    mandative,
)
from clawback.domain.order_dockets import DocketRulings
from clawback.domain.order_draft import (
    Draft,
    Ruling,
    RulingKey,
    kinds_as_listed,
    ruling_key,
    settle_wholes,
    settled_rest,
    without_prejudice,
)
from clawback.domain.order_exhibits import (
    entry_groups,
    entry_of,
    entry_runs,
    exhibit_entries,
    find_exhibits,
)
from clawback.domain.order_motions import (
    MotionTitles,
    clawback_asked,
    every_motion,
    first_kind,
    first_motion_named,
    joined_kinds,
    joined_movants,
    listed_kinds,
    motions_meant,
    movant_of,
    numbered_kinds,
    numbered_motions,
    numbered_of_no_kind,
    supported,
    under_order,
)
from clawback.domain.order_papers import (
    joined_paper,
    rejoin_broken_words,
)
from clawback.domain.order_parties import with_caption_parties
from clawback.domain.order_parts import (
    SUPPLEMENTABLE,
    documents_ruled,
    exhibit_outcome,
    part_of,
    reason_of,
)
from clawback.domain.order_text import DATE, clean, order_date
from clawback.domain.order_titled import papers_before
from clawback.domain.order_waiver import granted_by_waiver, waived_by_grant, waiver_held
from clawback.domain.order_wholesale import wholesale
from clawback.domain.order_words import Found, OrderWords, order_words
from clawback.domain.outcomes import Result
from clawback.domain.references import find_authorities
from clawback.domain.sentences import paragraphs

__all__ = ["Act", "Draft", "Ruling", "clean", "read_order"]


_ORDERING_VOICE = re.compile(r"\bORDER(?:ED|S)?\b|\bIT IS\b|\bFURTHER\b")


class _Reader:
    def __init__(self, text: str, words: OrderWords, dated: date | None) -> None:
        self.text, filed = clean(text)
        # the caption's names and the short names defined, read past the line numbers
        self.words = words = with_caption_parties(words, self.text)
        self.text = mandative(rejoin_broken_words(self.text, _CAPITAL_OUTCOMES))
        self.dated = dated or order_date(self.text, filed)
        self.acting = ActReader(words, self.dated)
        self.paragraphs = paragraphs(
            _RUN_IN_HEADING.sub("\n\n\\1\n\n", _HEADING_END.sub("\\1\n\n", self.text))
        )
        self.first_motion = first_kind(self.text, words) or (
            "compel" if words.discovery_orders.find(self.text) else "seal"
        )
        self.last_motion: str | None = None  # the motion the last ruling drafted was on
        self.entries = exhibit_entries(self.text)  # docket entry -> the exhibit filed as it
        self.groups = entry_groups(self.text)  # exhibits filed across other entries
        #: the docket numbers the order gives motions, in the order written
        self.numbered = numbered_motions([s for p in self.paragraphs for s in p], words)
        self.motion_dockets = set(self.numbered)
        self.numbered_kinds = numbered_kinds([s for p in self.paragraphs for s in p], words)
        self.unkinded = numbered_of_no_kind([s for p in self.paragraphs for s in p], words)
        self.dockets = DocketRulings(
            words, self.motion_dockets, [s for p in self.paragraphs for s in p]
        )
        self.titles = MotionTitles([s for p in self.paragraphs for s in p])
        self.by_movant = movant_dockets([s for p in self.paragraphs for s in p], words)

    def read(self) -> Draft:
        rulings: dict[RulingKey, Ruling] = {}
        acts: list[Act] = []
        flat = [s for p in self.paragraphs for s in p]
        for paragraph in self.paragraphs:
            timed: Act | None = None  # the paragraph's last act with a time
            said: Ruling | None = None  # the paragraph's last ruling
            for i, sentence in enumerate(paragraph):
                items = listed_items(self.words, sentence)  # "the following items remain
                # SEALED ...: 1) ...": ruled item by item, the sentence no other way
                found = items or self._clauses(sentence, flat) + directed(
                    self.words, sentence, said
                )
                for ruling in found:
                    ruled = {r.docket for r in rulings.values() if r.docket}
                    ruling = self._numbered(ruling, sentence, paragraph[:i], ruled)
                    key = ruling_key(ruling)
                    held = rulings.get(key)
                    if apart := parts_apart(held, ruling, self.words):  # "granted as to X. ...
                        rulings.update((ruling_key(r), r) for r in apart)  # denied as to Y."
                    elif not ruled and (  # no motion drafted by its number yet
                        two := movants_apart(held, ruling, self.words)  # "A's motion. ... B's"
                    ):
                        del rulings[key]
                        rulings.update((ruling_key(r), r) for r in two)
                    elif held is None or ruling.confidence >= held.confidence:
                        rulings[key] = ruling
                    said = ruling
                    self.last_motion = ruling.motion
                if said and said.outcome is Result.denied and denial_without_prejudice(sentence):
                    without_prejudice(rulings, said)  # "The denial, however, is without prejudice"
                following = paragraph[i + 1] if i + 1 < len(paragraph) else ""
                for act in self.acting.acts(sentence, timed, following):
                    acts.append(act)
                    if act.days is not None or act.on_or_before is not None:
                        timed = act
        if clawback_asked(flat, self.words):  # "Motion for a Protective Order" to return pages
            rulings = {
                ruling_key(r): r
                for r in (
                    replace(r, motion="clawback") if r.motion == "protective-order" else r
                    for r in rulings.values()
                )
            }
        settle_wholes(rulings, self.text)
        kinds_as_listed(rulings, listed_kinds(flat, self.words))
        docketed = {m for m, docket, x, d in rulings if docket is not None and x is d is None}
        in_parts = {  # a motion of no number ruled in parts both ways (settle_wholes)
            m
            for (m, docket, x, d), r in rulings.items()
            if docket is None and x is d is None and r.outcome is Result.granted_in_part
        } & {m for m, docket, x, d in rulings if docket is None and (x or d) is not None}
        for motion, docket, exhibit, document in list(rulings):
            if (
                motion in docketed
                and motion not in in_parts
                and docket is None
                and exhibit is None
                and document is None
            ):
                del rulings[motion, docket, exhibit, document]  # the motions are named one by one
        if any(motion == "unseal" for motion, _, _, _ in rulings):
            for key in [k for k, r in rulings.items() if r.reason == UNSEALED]:
                del rulings[key]  # unsealing grants the motion to unseal: no seal denied
        for key, ruling in self._redacted_in_part(rulings, flat):
            rulings[key] = ruling
        for ruling in (
            wholesale(rulings, flat, self.words, self.motion_dockets)
            + settled_rest(rulings.values())
            + waived_by_grant(self.words, rulings, flat)
            + granted_by_waiver(rulings, self.numbered)
        ):
            rulings.setdefault(ruling_key(ruling), ruling)
        warnings = []
        if self.dated is None and any(a.days is not None for a in acts):
            warnings.append("the order's date is not in its text: give it to count its periods")
        acts = dated_by_docket(self.text, unique_acts(timed_by_the_next(acts)))
        return Draft(self.dated, tuple(rulings.values()), tuple(acts), tuple(warnings))

    def _numbered(
        self, ruling: Ruling, sentence: str, before: Sequence[str], ruled: set[str]
    ) -> Ruling:
        """A ruling on a whole motion its sentence gives no number, under the number the order
        gave the motion by title or in the paragraph (`clawback.domain.order_motions`)."""
        if ruling.docket is not None or ruling.exhibit is not None or ruling.document is not None:
            return ruling
        docket = self.titles.docket(sentence) or first_motion_named(
            sentence, before, self.words, self.motion_dockets - ruled, ruled
        )
        return ruling if docket is None else replace(ruling, docket=docket)

    def _redacted_in_part(
        self, rulings: dict[RulingKey, Ruling], flat: Sequence[str]
    ) -> list[tuple[RulingKey, Ruling]]:
        """An exhibit sealed whole whose public redacted version the order also directs ("shall
        file redacted versions of Doc. 118, Ex. 2 (redacting pages 14-19)"): sealed in part,
        the part what is redacted."""
        found = []
        for sentence in flat:
            versions = _REDACTED_VERSIONS.search(sentence)
            if versions is None:
                continue
            filed_as = self._entries_at(sentence)
            for label, at in self._exhibits(sentence, []):
                if at < versions.end():
                    continue
                redacting = _REDACTING.match(sentence, at)
                entry = filed_as.get(at)
                for key, ruling in rulings.items():
                    if entry is not None and ruling.entry != entry:
                        continue  # another filing's exhibit of the same letter
                    if ruling.exhibit == label and ruling.outcome is Result.granted:
                        part = redacting["part"].strip() if redacting else None
                        found.append(
                            (key, replace(ruling, outcome=Result.granted_in_part, part=part))
                        )
        return found

    # rulings ----------------------------------------------------------------------------

    def _clauses(self, sentence: str, flat: Sequence[str]) -> list[Ruling]:
        """The rulings of ``sentence``, clause by clause where it rules motions so
        (`clawback.domain.order_compound`)."""
        clauses = ruling_clauses(sentence, self.words)
        if len(clauses) == 1:
            return self._rulings(sentence, flat)
        read = [self._rulings(clause, flat) for clause in clauses]
        found = compound_rulings(clauses, read, self.by_movant)
        return [replace(r, sentence=sentence) for r in found]

    def _rulings(self, sentence: str, flat: Sequence[str]) -> list[Ruling]:
        outcomes = self.words.outcomes.find(sentence)
        outcomes = fold_after_denial(sentence, outcomes, self.words.after_denial)
        outcomes = fold_after_grant(sentence, outcomes, self.words.after_grant)
        if not outcomes or re.match(r"\(?(?:See|Cf\.|But see|Accord)\b", sentence):
            return []
        cited = [(a.start, a.end) for a in find_authorities(sentence)] if "v." in sentence else []
        outcomes = [
            f for f in outcomes if not of_another_kind(sentence, f, outcomes, self.words.motions)
        ]
        outcomes = [
            f
            for f in outcomes
            if not any(s <= f.start < e for s, e in cited)
            and not _RECITED.search(sentence, 0, f.start)
            and not reported(sentence, f, self.words.reports)
            and not threatened(sentence, f, self.words.threats)
            and not threatened(sentence, f, self.words.unmet_showings)
            and not shown(sentence, f, outcomes, self.words)
            and not questioned(sentence, f, self.words.questions)
            and not interim(sentence, f, self.words.interim)
            and not interim(sentence, f, self.words.standards)  # "sealed only on the basis of"
            and not of_orders_in_general(sentence, f, self.words.general_orders)
            and not of_quoted_law(sentence, f, self.words.quoted_law)
            and not recounted(sentence, f)
            and not (_ON_A_DATE.match(sentence) and _PAST.fullmatch(sentence[f.start : f.end]))
        ]
        if not outcomes:
            return []
        ordering = bool(_ORDERING_VOICE.search(sentence)) or any(
            any(len(w) > 2 and w.isupper() for w in sentence[f.start : f.end].split())
            for f in outcomes  # "DENIED as moot", "Order is REJECTED"
        )
        directing = any(sentence[f.start : f.end].lower().startswith(_DIRECTING) for f in outcomes)
        index = flat.index(sentence) if sentence in flat else -1
        before = flat[index - 1] if index > 0 else ""
        if counted := self._counted(sentence, outcomes, flat[max(0, index - 6) : max(0, index)]):
            return counted  # "these two letters ... need not be produced": each, not the motion
        named = re.search(r"\b(?:Court|motions?|requests?|proposals?)\b", sentence, re.I) or (
            motions_meant(sentence, before) or _WE_HOLD.search(sentence)
        )
        if not (ordering or named or directing):
            return []
        confidence = ORDERING if ordering else PROSE
        said = _without_leading_reason(sentence, outcomes[0].start)
        motions = [
            m
            for m in self.words.motions.find(said)
            if not under_order(said, m) and not supported(said, m, self.words)
        ]
        motion = motions[0].label if motions else self.first_motion
        named_before = any(m.start < outcomes[0].start for m in motions)
        if self.last_motion and _THE_MOTION.match(sentence) and not named_before:
            motion = self.last_motion  # "The motion is also denied to the extent ..."
        movant = (
            "court"
            if SUA_SPONTE.search(sentence)
            else movant_of(self.words, said, outcomes[0].start)
        )
        exhibits = self._exhibits(sentence, cited)
        reason = reason_of(self.words, sentence, flat)
        kinds = {_outcome(f.label) for f in outcomes}
        mixed = Result.granted_in_part in kinds or {Result.granted, Result.denied} <= kinds
        if not exhibits and (waiver := waiver_held(self.words, sentence, outcomes)) is not None:
            return [
                Ruling(motion, movant, None, Result.waived, None, sentence, confidence, reason)
                if waiver == "motion"
                else Ruling(
                    motion,
                    movant,
                    None,
                    Result.waived,
                    None,
                    sentence,
                    confidence,
                    reason,
                    document=waiver,
                )
            ]
        documents = (
            [
                Ruling(
                    motion, movant, None, result, None, sentence, confidence, reason, None, named
                )
                for named, result in documents_ruled(self.words, sentence, outcomes)
            ]
            if not exhibits
            else []
        )
        docketed, papers = (
            self.dockets.docketed(sentence, outcomes, motion) if not exhibits else ([], [])
        )
        on_papers = [
            Ruling(kind, movant, None, result, None, sentence, confidence, reason, docket, paper)
            for kind, docket, paper, result in papers
        ]
        if not exhibits and not docketed:
            docketed, running = self.dockets.running(sentence, outcomes, motion, mixed)
            on_papers += [
                Ruling(motion, movant, None, result, None, sentence, confidence, reason, n, paper)
                for n, paper, result in running
            ]
        if not exhibits and not docketed and not on_papers:  # "all three motions are denied"
            whole = Result.granted_in_part if mixed else _outcome(outcomes[0].label)
            # "the motions to seal are GRANTED" rules each only with one outcome: "the motions
            # to seal are granted in part and denied in part" says not which is which
            one_kind = frozenset() if mixed else self.numbered_kinds
            every = every_motion(
                sentence, self.words, self.numbered, before, one_kind, self.unkinded
            )
            docketed = [(motion, n, whole) for n in every]
        if docketed:
            return (
                [
                    Ruling(kind, movant, None, result, None, sentence, confidence, reason, docket)
                    for kind, docket, result in docketed
                ]
                + on_papers
                + [replace(d, motion=docketed[0][0], docket=_one(docketed)) for d in documents]
            )
        documents += on_papers
        if not exhibits:
            whole = Result.granted_in_part if mixed else _outcome(outcomes[0].label)
            part = part_of(sentence, outcomes) if whole is Result.granted_in_part else None
            if not mixed and (movants := joined_movants(sentence, motion, self.words)):
                return [  # "Plaintiffs' Motion to Seal and Defendant's Motion to Seal are GRANTED"
                    Ruling(
                        motion, m, None, whole, None, sentence, confidence, reason, apart=f"{m}'s"
                    )
                    for m in movants
                ] + documents
            return [
                Ruling(kind, movant, None, whole, part, sentence, confidence, reason)
                for kind in joined_kinds(sentence, self.words) or [motion]
            ] + documents
        found = []
        filed_as = self._entries_at(sentence)
        named_entries = {  # the exhibits whose entries the sentence also names
            self.entries[key]: key
            for number, _ in entry_runs(sentence)
            if (key := entry_of(self.entries, number)) is not None
        }
        for i, (label, at) in enumerate(exhibits):
            outcome, part = exhibit_outcome(sentence, at, outcomes, mixed)
            upto = exhibits[i + 1][1] if i + 1 < len(exhibits) else len(sentence)
            if outcome in SUPPLEMENTABLE and self.words.supplements.find(sentence[at:upto]):
                outcome = Result.granted_subject_to_supplement  # "pending ... clarification"
            found.append(Ruling(motion, movant, label, outcome, part, sentence, confidence, reason))
            entry = filed_as.get(at) or named_entries.get(label)
            if entry is not None:  # named by its entry, here or beside its label
                found[-1] = replace(found[-1], entry=entry)
        if outcomes[0].start > exhibits[0][1]:  # "Defendant's Answer, Exhibit A ..., and ..."
            found += [
                replace(found[0], exhibit=None, part=None, document=paper)
                for paper in papers_before(sentence, exhibits[0][1], self.words)
            ]
        paper = joined_paper(sentence, exhibits[-1][1], self.words.papers)
        if paper is not None:
            last = found[-1]
            found.append(replace(last, exhibit=None, part=None, document=paper))
        return found

    def _counted(
        self, sentence: str, outcomes: Sequence[Found], before: Sequence[str]
    ) -> list[Ruling]:
        """A ruling on each document ``sentence`` counts before its outcome
        (`clawback.domain.order_counted`)."""
        at = outcomes[0].start
        documents = counted_documents(sentence, at, before, self.words.counted_documents)
        motions = self.words.motions.find(sentence)
        kind = motions[0].label if motions else self.first_motion
        movant = movant_of(self.words, sentence, at)
        result = _outcome(outcomes[0].label)
        return [
            Ruling(kind, movant, None, result, None, sentence, PROSE, sentence, document=document)
            for document in documents
        ]

    def _exhibits(self, sentence: str, cited: Sequence[tuple[int, int]]) -> list[tuple[str, int]]:
        """The exhibits ``sentence`` names, by label or by the docket entry the order says each
        was filed as ("The following materials shall be filed under seal: Doc. 120 ...")."""
        exhibits = find_exhibits(sentence, cited)
        labels = {label for label, _ in exhibits}
        runs = entry_runs(sentence)
        for number, at in runs:
            key = entry_of(self.entries, number)
            label = self.entries[key] if key is not None else None
            if label is not None and label not in labels:
                labels.add(label)
                exhibits.append((label, at))
        named = {number: at for number, at in runs}
        for group, numbers in self.groups:  # every entry of a group named: all its exhibits
            if numbers <= named.keys():
                at = min(named[n] for n in numbers)
                exhibits += [(x, at) for x in group if x not in labels]
                labels.update(group)
        return sorted(exhibits, key=lambda found: found[1])

    def _entries_at(self, sentence: str) -> dict[int, str]:
        """Where ``sentence`` names an exhibit by the docket entry it was filed as, the entry."""
        return {at: number for number, at in entry_runs(sentence) if number in self.entries}


_THE_MOTION = re.compile(r"^\W*(?:\d+\.\s*)?The\s+motion\b", re.I)
#: the court speaking in the first person: "Because we conclude that plaintiffs waived ...",
#: "I overrule the objection"
_WE_HOLD = re.compile(
    r"\b(?:we|I)\s+(?:\w+\s+)?(?:conclude|find|hold|agree|grant|deny|overrule|sustain)\w*\b"
)
#: an outcome the source's text layer may break with a space ("GRA NTED"): joined before reading
_CAPITAL_OUTCOMES = frozenset(
    {"granted", "denied", "granting", "denying", "grants", "denies", "ordered", "moot", "clerk"}
)
#: an outcome the court reports having given before ("The Court already granted one motion")
#: an outcome said as the court's direction, naming no court or motion: "shall be filed under
#: seal", "are ordered filed under seal"
_DIRECTING = ("shall ", "is ordered ", "are ordered ")
_RECITED = re.compile(r"\b(?:already|previously|earlier|had)\s+$", re.I)
#: a sentence that tells what happened on a date ("On August 15, 2022, the previously assigned
#: district judge granted defendant's initial request to seal"): its outcome in the past tense,
#: in lower case, is an earlier order's
_ON_A_DATE = re.compile(rf"^\W*On\s+{DATE},")
_PAST = re.compile(r"(?:granted|denied)(?:\s+\w+){0,3}")
_REDACTED_VERSIONS = re.compile(r"\bredacted\s+versions?\s+of\b", re.I)
#: what a redacted version takes out, written after the exhibit: "(redacting pages 14-19)"
_REDACTING = re.compile(r"[^()]{0,40}?\(redacting\s+(?P<part>[^()]+)\)", re.I)
#: the last line of a heading in capitals ("ORDER GRANTING IN PART / MOTION TO SEAL / (Docket
#: No. 338)", "I. LEGAL STANDARD") before the body's first sentence (which may open with "A"):
#: the heading is no part of that sentence
_HEADING_END = re.compile(
    r"(?m)^((?:[^a-z\n]*[A-Z]{2}[^a-z\n]*(?:[(\[][^()\[\]\n]{1,30}[)\]][^a-z\n]*)*"
    r"|\([^()\n]{1,40}\)))[ \t]*\n(?=[ \t]*[A-Z](?:[a-z]|\s+[a-z]))"
)


#: a numbered section heading run into the text of a page's text layer ("... TO SEAL WITHOUT
#: PREJUDICE [ECF NO. 275] I. Introduction On July 30, 2018, ...", "II. Analysis The motion"):
#: a paragraph of its own, so that the title ends before it and the body starts after it
_RUN_IN_HEADING = re.compile(
    r"(?<=\S)[ \t]+((?:I|II|III|IV|V|VI|VII)\.[ \t]+(?:Introduction|INTRODUCTION|Background"
    r"|BACKGROUND|Analysis|ANALYSIS|Discussion|DISCUSSION|Conclusion|CONCLUSION|Legal\s+Standard"
    r"|LEGAL\s+STANDARD|Procedural\s+History|PROCEDURAL\s+HISTORY))[ \t]+(?=[A-Z])"
)


#: a sentence opening with its reason: "Because ... under seal, Buzzfeed's motion is GRANTED"
_LEADING_REASON = re.compile(r"^\W*(?:For\s+[^,]{1,60},\s*)?(?:Because|Since|Given\s+that)\b", re.I)


def _without_leading_reason(sentence: str, outcome: int) -> str:
    """``sentence`` with the reason it opens with, up to the last comma before ``outcome``,
    blanked (every place kept): the motion and party it names are no motion's kind or mover."""
    opening = _LEADING_REASON.match(sentence)
    comma = sentence.rfind(",", 0, outcome)
    if opening is None or comma < opening.end():
        return sentence
    return " " * comma + sentence[comma:]


def _one(docketed: Sequence[tuple[str, str, Result]]) -> str | None:
    """The docket number of the one motion a sentence rules on (None for several)."""
    return docketed[0][1] if len({docket for _, docket, _ in docketed}) == 1 else None


def read_order(text: str, words: OrderWords | None = None, *, dated: date | None = None) -> Draft:
    """The draft of the order whose text is ``text`` (see the module doc); ``dated``: the
    order's date where the text does not give it (periods run from it)."""
    return _Reader(text, words or order_words(), dated).read()
