"""Papers a motion asked for that no sentence rules on by name, ruled at the motion's outcome
where that outcome is all one way (a wholesale grant or denial): each exhibit the order says
the motion asks for ("Defendants seek to seal the following exhibits"; "This matter comes before
the Court on a Motion by Defendants to seal ...; specifically, Exhibits H and I"), each paper it
names by docket number ("redact ... page 19 of plaintiff's Response (Doc. 381)", "the
Declaration Of Greg Mosier (Doc. #87)") or by title (`clawback.domain.order_titled`), each
discovery request a motion to compel asks about. A paper named twice ("the Joint Status Report",
"the parties' Joint Status Report (ECF No. 81)") is one. Part of
`clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from clawback.domain.order_acts import ASSUMED
from clawback.domain.order_compound import ruling_clauses
from clawback.domain.order_draft import Ruling, RulingKey
from clawback.domain.order_exhibits import find_exhibits
from clawback.domain.order_papers import discovery_papers, docket_refs, paper_named
from clawback.domain.order_titled import titled_papers
from clawback.domain.order_words import OrderWords
from clawback.domain.outcomes import Result

__all__ = ["wholesale"]


def wholesale(
    rulings: dict[RulingKey, Ruling],
    flat: Sequence[str],
    words: OrderWords,
    motion_dockets: set[str],
) -> list[Ruling]:
    """The rulings on each paper a motion asked for (see the module doc), of the whole
    ``rulings`` the sentences ``flat`` gave; ``motion_dockets``: the numbers the order gives
    motions (no paper's)."""
    found = []
    said = {(motion, _paper_key(x or d)) for motion, _, x, d in rulings}
    wholes = [m for m, _, exhibit, document in rulings if exhibit is None and document is None]
    #: how each kind's whole motions were ruled: one sentence's one outcome for all ("the
    #: motions are denied") gives each paper asked for once, not once per motion
    ruled_as: dict[str, set[tuple[str, Result]]] = {}
    for (motion, _, exhibit, document), whole in rulings.items():
        if exhibit is None and document is None:
            ruled_as.setdefault(motion, set()).add((whole.sentence, whole.outcome))
    given: set[tuple[str, str | None, str]] = set()  # (motion, docket or None, exhibit)
    for (motion, docket, exhibit, document), whole in list(rulings.items()):
        if exhibit is not None or document is not None:
            continue
        if whole.outcome is Result.granted_in_part:
            continue
        # numbered motions of one kind, each ruled apart, asking for the same exhibit ("denying
        # as moot 53 ...; granting 59 ..."): each rules on it
        apart = (
            docket
            if docket is not None and wholes.count(motion) > 1 and len(ruled_as[motion]) > 1
            else None
        )
        if not any(m == motion and (x or d) for m, _, x, d in rulings):
            titled = [  # "The motion to seal the Declaration of Jane Roe is DENIED"
                replace(whole, document=paper)
                for paper in titled_papers(_own_clause(whole.sentence, motion, words), words)
                if (motion, _paper_key(paper)) not in said
            ]
            found += titled
            said |= {(motion, _paper_key(r.document)) for r in titled}
        for sentence in flat:
            if not _asks(sentence, motion, words) or words.outcomes.find(sentence):
                continue
            kinds = words.motions.find(sentence)
            if not kinds or kinds[0].label != motion:
                continue
            exhibits = find_exhibits(sentence)
            named = [  # a number the order gives a motion names that motion, no paper
                paper_named(r.paper)
                for r in ([] if exhibits else docket_refs(sentence, words.papers))
                if r.paper is not None
                and not set(r.numbers) & motion_dockets
                and not _UNDER_PROTECTIVE.search(r.paper)  # what the papers were marked under
            ]
            papers = [p for p in named if p is not None] + titled_papers(sentence, words)
            asked = [(label, True) for label, _ in exhibits] + [
                (paper, False) for paper in papers + discovery_papers(sentence, words.discovery)
            ]
            for label, is_exhibit in asked:
                key = _paper_key(label)
                if (motion, key) in said or (motion, apart, key) in given:
                    continue
                given.add((motion, apart, key))
                found.append(
                    replace(whole, exhibit=label, sentence=sentence, confidence=ASSUMED)
                    if is_exhibit
                    else replace(whole, document=label, sentence=sentence, confidence=ASSUMED)
                )
    return found


def _asks(sentence: str, motion: str, words: OrderWords) -> bool:
    """Whether ``sentence`` tells what a motion of the kind ``motion`` asks for (data:
    requests; motions_before, where it names one motion of that kind only)."""
    if words.requests.find(sentence):
        return True
    kinds = [k for k in words.motions.find(sentence) if k.label == motion]
    return bool(words.motions_before.find(sentence)) and len(kinds) == 1


def _own_clause(sentence: str, motion: str, words: OrderWords) -> str:
    """The clause of ``sentence`` that rules on ``motion`` where it rules motions of two kinds
    clause by clause ("the Motion to Seal the Report is GRANTED and the Motion for Protective
    Order is DENIED"), else the sentence."""
    clauses = ruling_clauses(sentence, words)
    kinds = [words.motions.find(c) for c in clauses]
    own = [c for c, k in zip(clauses, kinds, strict=True) if k and k[0].label == motion]
    return own[0] if len(clauses) > 1 and own else sentence


#: a protective order named with its docket number, as what the papers asked for were designated
#: under ("materials designated ... under the stipulated protective order (Docket Nos. 54, 61)"):
#: no paper the motion asks for
_UNDER_PROTECTIVE = re.compile(r"\bprotective\s+order\s*[(\[][^()\[\]]*[)\]]$", re.I)
#: what names one paper twice apart: an article or a party's possessive before it, its docket
#: number in brackets after it ("the parties' Eleventh Joint Status Report (ECF No. 81)")
_NAMING = re.compile(r"^(?:the\s+)?(?:\S+['\u2019]s?\s+)?|\s*[(\[][^()\[\]]*[)\]]\s*$", re.I)


def _paper_key(paper: str | None) -> str:
    """``paper`` as compared with another naming of it (see _NAMING): "the Eleventh Joint
    Status Report" is "Eleventh Joint Status Report (ECF No. 81)"."""
    return "" if paper is None else _NAMING.sub("", paper).casefold()
