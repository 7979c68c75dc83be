"""Papers a motion asks to seal (or unseal) that carry no exhibit label and no docket number,
named by title in prose or a list: "seeks to seal: (a) the Declaration of Jane Roe, (b) ...",
"moves to file under seal the following documents: the Declaration of ..., Defendant's Motion
to Dismiss ..., and Exhibits A-D", "to seal Plaintiff's Opposition ... and the Declaration of
...", "the unredacted version of the Joint Discovery Letter", "portions of the Expert Report".

Pure helper of `clawback.domain.order_reading`, which drafts a ruling on each paper found here
only from a sentence that asks for it, at the outcome of the motion that asks (the way an
exhibit a motion asks for takes the motion's outcome): a paper an order only mentions is ruled
on by nothing.

The grammar, each part from the data (``titled_papers``: the kinds of paper; ``sealing_asks``:
what a request asks done to them):

- *where the papers start*: after a request word (data: requests), a sealing ask within a few
  words, then an optional bracketed defined name ("(the "Request to Seal")"), an optional "the
  following N documents", an optional colon;
- *the items*: split at list markers "(a)", "(1)", "(iii)" where the list has them (a title may
  hold "and": "Supplement to the Objection ... and Declaration of ..."), else at a comma, "and"
  or "or" before the next paper's head led by a determiner, a possessive, a version or portions
  ("Answer, Counterclaims, and Crossclaims" is one title), or before an exhibit;
- *a paper's head*: an optional determiner or possessive ("the", "its", "Plaintiff's"), an
  optional "(un)redacted version of" or "portions of", up to five capitalized words, and a kind
  of paper written as a title ("Declaration", "Expert Report", "Letter"): a kind in lower case
  ("the declaration") is a reference back, not a title;
- *in a ruling's subject*: titled papers in one list with the exhibits a sentence then rules on
  ("Defendant's Answer, Exhibit A attached thereto, and ... should be held under seal");
- *not a titled paper*: an item that is an exhibit (the reader rules on exhibits by label), one
  with a docket number (`order_papers` names it by number), a request said in the negative.
"""

from __future__ import annotations

import re
from functools import cache

from clawback.domain.order_words import OrderWords

__all__ = ["listed_papers", "papers_before", "titled_papers"]

_DETERMINER = r"(?:(?:the|an?|his|her|its|their)\s+)?"
_VERSION = (
    r"(?:(?:(?:un)?redacted|public|sealed)\s+(?:versions?|cop(?:y|ies))\s+of\s+"
    r"|portions?\s+of\s+)?(?:(?:the|his|her|its|their)\s+)?"
)
_CAPITAL = r"(?:[A-Z][\w.'\u2019-]*\s+){0,5}?"
_MARKER = re.compile(r"(?<![^\s:;,])\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+")
_DEFINED = re.compile(
    r"\s*(?:\([^()]{4,80}\)\s*)?(?:the\s+following\s+(?:\w+\s+){0,3}?"
    r"(?:documents|papers|materials|filings|items)\s*)?:?\s*",
    re.I,
)
_NEGATIVE = re.compile(r"\b(?:not|n't|never)\s+(?:\w+\s+)?$", re.I)
_DOCKET = re.compile(r"\b(?:Docs?|Dkts?|Docket|ECF)\b\.?\s*(?:Nos?\.?|#|entry)?\s*\d", re.I)
_EXHIBIT = re.compile(r"(?:the\s+)?Exhibits?\b", re.I)
#: where a paper's title ends before the rest of its clause: the verb the sentence says of it
#: ("the Declaration of Jane Roe is DENIED"), a clause joined in capitals ("and ORDERS the
#: Clerk"), a reason ("because ...", ", which ...")
_END = re.compile(
    r"\s+(?:is|are|was|were|shall|should|will|must|may|be)\b|,?\s+(?:and|but)\s+(?=[A-Z]{2,}\b)"
    r"|,?\s+(?:because|since|which|as\s+it|as\s+they)\b"
)
_TAIL = re.compile(r"[\s,;.:]*(?:\b(?:and|or)\b)?[\s,;.:]*$")
#: at most this many characters from a request word to its sealing ask ("request leave to file
#: under seal")
_ASK_REACH = 40


#: what starts a later item of a list with no markers: a determiner, a possessive ("Plaintiff's",
#: "Defendant Acme Corp.'s"), a version or portions of a paper; a bare capitalized word
#: ("Answer, Counterclaims, and Crossclaims") goes on the title before it
_LEAD = (
    r"(?:(?:the|an?|his|her|its|their)\s+|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['\u2019]s?\s+"
    r"|(?:(?:un)?redacted|public|sealed)\s+(?:versions?|cop(?:y|ies))\s+of\s+|portions?\s+of\s+)"
)


@cache
def _head(kinds: tuple[str, ...], led: bool = False) -> re.Pattern[str]:
    """A paper's head (see the module doc); ``led``: one that starts a later item of a list."""
    titles = sorted(
        (" ".join(w[:1].upper() + w[1:] for w in kind.split()) for kind in kinds),
        key=len,
        reverse=True,
    )
    spaced = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    lead = rf"(?={_LEAD})" if led else ""
    return re.compile(rf"{lead}{_DETERMINER}{_VERSION}{_CAPITAL}(?:{spaced})s?\b")


def _start(sentence: str, words: OrderWords) -> int | None:
    """Where the papers a request asks for start in ``sentence``, or None if it asks for none."""
    for request in words.requests.find(sentence):
        if _NEGATIVE.search(sentence, 0, request.start):
            continue
        reach = min(len(sentence), request.end + _ASK_REACH)
        asks = words.sealing_asks.find(sentence, request.start, reach)
        if asks:
            defined = _DEFINED.match(sentence, asks[0].end)
            return defined.end() if defined else asks[0].end
    return None


def titled_papers(sentence: str, words: OrderWords) -> list[str]:
    """The papers ``sentence`` asks to seal (or unseal) by title, as written, in its order; none
    unless it asks (see the module doc)."""
    start = _start(sentence, words) if words.titled_papers.phrases else None
    return [] if start is None else listed_papers(sentence[start:], words)


def listed_papers(region: str, words: OrderWords) -> list[str]:
    """The titled papers of the list ``region`` starts with, as written; none unless its first
    item is one (then what follows is no list of papers)."""
    kinds = tuple(words.titled_papers.phrases)
    if not kinds:
        return []
    head = _head(kinds)
    markers = list(_MARKER.finditer(region))
    if markers and markers[0].start() == 0:  # "(a) ..., (b) ...": a title may hold "and"
        items = [
            region[m.end() : markers[i + 1].start() if i + 1 < len(markers) else None]
            for i, m in enumerate(markers)
        ]
    else:
        ahead = rf"(?={_head(kinds, led=True).pattern}|(?i:(?:the\s+)?exhibits?\b))"
        split = re.compile(rf",?\s+(?:and|or|as\s+well\s+as)\s+{ahead}|,\s+{ahead}|;\s+(?:and\s+)?")
        items = split.split(region)
    items = [_TAIL.sub("", _END.split(item, maxsplit=1)[0].strip()) for item in items]
    if not items or not head.match(items[0]) or _EXHIBIT.match(items[0]):
        return []  # the object is no titled paper: what follows is not its list
    return [
        item
        for item in items
        if item and head.match(item) and not _EXHIBIT.match(item) and not _DOCKET.search(item)
    ]


#: where the subject of a ruling sentence starts: after its last "that" ("The Court finds that
#: ..."), else after an opening connective, else at the sentence's start
_SUBJECT = re.compile(r"^.*\bthat\s+|^\s*(?:(?:Accordingly|Further|Therefore|Thus|Finally),\s*)?")
_JOINED = re.compile(r"(?:,|\s(?:and|or))\s*$")


def papers_before(sentence: str, at: int, words: OrderWords) -> list[str]:
    """The titled papers listed in a ruling's subject just before the exhibit at ``at``, in one
    list with it ("Defendant's Answer, Exhibit A attached thereto, and the Memorandum ... should
    be held under seal": Defendant's Answer); none unless the list starts the subject."""
    subject = _SUBJECT.match(sentence[:at])
    region = sentence[subject.end() if subject else 0 : at]
    if not _JOINED.search(region):
        return []
    return listed_papers(region, words)
