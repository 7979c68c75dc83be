"""The papers a ruling is on that are no exhibit: motions and documents named by docket number,
the papers a sentence's subject names, discovery requests a motion to compel asks about.

Pure helpers of `clawback.domain.order_reading`; each takes a sentence (or a part of one) and
the reader's vocabularies and gives back the papers as the order writes them.

- *A motion's docket or a paper's?* A docket number in brackets after a motion's name is the
  motion's ("Motion to Seal (ECF No. 122)"); one in brackets after a paper that is no motion
  ("the Court's Sealed Memorandum Opinion and Order (Doc. 123)") is that paper's; one in the
  running words of a motion's title ("Motion ... to Unseal Doc. No. 355, (doc. 367)") is a
  paper the motion asks about.
- *A sentence's subject*: "Mr. Sullivan's Notice of Appeal and Motion to Stay shall be posted on
  the public docket" rules on each paper named before the outcome, split at "and".
- *A paper joined to an exhibit list*: "no good cause to seal Exhibit 2 or Plaintiffs' reply".
- *Discovery requests*: "compelling Plaintiff to serve complete responses to First
  Interrogatories No. 1, 3, 5-14, 16-17, and 21".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clawback.domain.order_words import Found, Vocabulary

__all__ = [
    "DocketRef",
    "RunningRef",
    "discovery_papers",
    "docket_refs",
    "joined_paper",
    "leading_extent",
    "rejoin_broken_words",
    "running_refs",
    "subject_papers",
    "title_papers",
]

#: a docket number in brackets ("(Dkt. 116)", "[ECF No. 102]", "(Docs. 357, 358, 363)"), after
#: a comma ("..., Doc. 157"), the number itself bracketed after its prefix (E.D. Mo.'s "Doc.
#: [157]"), or a bare bracket after a motion's title (N.D. Ga.'s "Motion to File Discovery
#: Under Seal [165]"; two digits at least, a space before: "Plaintiffs'[1]" is a footnote's),
#: several in it ("Motions for Leave to File Under Seal [ 1796 , 1799 , 1822 ]"), or each
#: number in a bracket of its own after the prefix (S.D. Fla.'s "ECF Nos. [555]; [557]; and
#: [559]")
_BRACKETED = re.compile(
    r"(?:(?:[(\[]|,)\s*(?:Docs?|Dkts?|Docket|ECF|Doc\.\s*No|D\.\s?E)\.?\s*"
    r"(?:(?:entry|entries)\s*)?"
    r"(?:Nos?\.?|#)?\s*\[?|(?<=[A-Za-z]\s)\[\s*"
    r"(?=\d{2,4}(?:\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*)\d{2,4})*\s*\]))"
    r"(?P<list>\d+(?:(?:\s*\]\s*[,;]\s*(?:and\s+|&\s*)?\[\s*"
    r"|\s*(?:,\s*(?:and|&)?|;|and|&)\s*(?:(?:Dkts?|Docs?|ECF)\.?\s*(?:Nos?\.?\s*)?)?)\d+)*)",
    re.I,
)
#: a docket entry's number before its motion's title ("ORDER granting 218 Motion for
#: Discovery", "90 97 Motions to File"); never the entry's own number before its "ORDER"
#: ("Filing 220 ORDER granting 218 Motion")
#: a docket entry's numbers before the motion they file: "134 Motion to Seal", "the [110, 112,
#: 134] Motions to Seal" (a bracket glued to a word, "Plaintiffs'[1] Motion", is a footnote's),
#: "granting (252) Administrative Motion to File Under Seal" (two digits at least: "(1)" is an
#: item of a list); numbers joined by "and" before a plural ("granting the parties' 91 and 92
#: Motions to Seal", "denying 17, 19 and 23 Motions to Seal", M.D. Fla.'s "granting in part 192 ,
#: 193 , and 241 , the motions to seal", a comma after the last), or by commas alone
#: ("granting in part 196 , 202 Administrative Motions"): each a motion's
_DOCKET_TEXT = re.compile(
    r"(?:(?<![\w-])(?P<joined>\d{1,4}(?:\s*,\s*\d{1,4})*\s*,?\s+(?:and|&)\s+\d{1,4}"
    r"|\d{1,4}(?:\s*,\s*\d{1,4})+)"
    r"(?:\s*,)?(?=\s+(?:(?!(?:order|granting|denying)\b)\w+\s+){0,3}?Motions\b)"
    r"|(?<![\w-])(?P<list>\d{1,4})|(?<!\S)\[(?P<listed>\d{1,4}(?:\s*,\s*\d{1,4})*)\]"
    r"|(?<!\S)\((?P<paren>\d{2,4})\))\s+"
    r"(?:(?!(?:order|granting|denying)\b)\w+\s+){0,3}?Motions?\b",
    re.I,
)
_RUNNING = re.compile(
    r"(?:\b(?:Docs?\.|Dkts?\.|Docket|ECF)|(?<![\w.])D\.\s?E\.)\s*"
    r"(?:Entr(?:y|ies)\s*)?(?:Nos?\.)?\s*\d+(?:\s*-\s*\d+)?"
    r"(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\d+(?:\s*-\s*\d+)?)*",
    re.I,
)
_MOTION_WORD = re.compile(r"motions?|applications?|requests?|petitions?", re.I)
#: the words before a motion's running docket numbers: "motions to seal, Docket Nos. 436 and
#: 437", "three motions to seal and/or redact documents, see ECF Nos. 83, 95, 112", "the
#: parties' provisional motions\u2014ECF Nos. 473, 495 & 508\u2014are hereby DENIED AS MOOT"
_OF_MOTION = re.compile(
    r"\b(?:motions?|applications?|requests?)(?:\s+to\s+[a-z]+(?:\s+[a-z/]+){0,3})?\s*"
    r"(?:(?:filed|docketed|found|entered)\s+)?(?:at|,|\u2014|\u2013|--)?(?:\s*\bsee)?$",
    re.I,
)
#: the motion a docket text names right after its numbers: "denying ECF Nos. 2282, 2295 and
#: 2366 Motions to Seal", "granting ECF No. 12 Motion to Seal"
_MOTION_AFTER = re.compile(r"\s*(?:motions?|applications?)\s+(?:to|for)\b", re.I)
_NUMBER = re.compile(r"\d+(?:\s*-\s*\d+)?")
#: a bracket that says which papers the words before it are: "portions of its motion for
#: default judgment (i.e., ECF Nos. 86, 88, 90)": those papers' numbers, no motion's
_DESCRIBED = re.compile(r"\(\s*(?:i\.\s?e\.|e\.\s?g\.)\s*,?$", re.I)
#: the short name an order defines right after a docket bracket: '[560] ("Sealed Replies")'
_DEFINED_AFTER = re.compile(
    r"\s*[)\]]?\s*\(\s*(?:the\s+)?[\"\u201c](?P<name>[^\"\u201d()]{1,40})[\"\u201d]\s*\)"
)
_TITLE_SMALL = frozenset(
    {"of", "to", "for", "in", "and", "the", "on", "from", "under", "with", "a", "an"}
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_LEADING = re.compile(r"^(?:\W|\b(?:and|or|for|as\s+well\s+as)\b)+", re.I)
_SPLIT = re.compile(r",?\s+and\s+(?=(?:his|her|its|their|the)\b|[A-Z])")
_INTRO = re.compile(r"^.*\bthat\s+|^\s*(?:Accordingly|Further|Therefore|Thus|Finally),\s*", re.I)


@dataclass(frozen=True)
class DocketRef:
    """Docket numbers in a part of a sentence: a motion's, or a paper's (``paper``: the words
    naming it, as written, up to the closing bracket)."""

    numbers: tuple[str, ...]
    paper: str | None


def docket_refs(segment: str, papers: Vocabulary) -> list[DocketRef]:
    """The docket numbers written in ``segment``: in brackets ("(Dkt. 116)", "[ECF No. 102]",
    "(Docs. 357, 358, 363)"), else as a docket entry writes them ("134 Motion to Seal"); each
    a motion's unless the word just before the bracket names a paper that is no motion."""
    refs: list[DocketRef] = []
    start = 0
    for match in _BRACKETED.finditer(segment):
        numbers = tuple(re.findall(r"\d+", match["list"]))
        word = _LAST_WORD.search(segment, 0, match.start())
        named = papers.find(word[1]) if word else []
        direct = word is not None and "," not in segment[word.end(1) : match.start()]
        described = _DESCRIBED.search(segment, 0, match.start() + 1) is not None
        defined = _DEFINED_AFTER.match(segment, match.end())
        if (
            defined is not None
            and not _MOTION_WORD.search(defined["name"])
            and not _MOTION_WORD.search(_clause_before(segment, match.start()))
        ):
            # 'the underlying replies that should be sealed, ECF Nos. [556]; [558]; and [560]
            # ("Sealed Replies")': the name the order gives them says they are papers (not so a
            # motion's: 'Letter Motion to Compel, filed May 11, 2022 (Docket # 185) ("May 11
            # Ltr.")')
            refs.append(DocketRef(numbers, defined["name"]))
            start = defined.end()
        elif (
            described
            or (word and direct and named and not _in_motion_title(segment, word.start(1)))
            or (word and direct and _in_paper_title(segment, match.start(), papers))
        ):
            close = segment.find(")", match.end(), match.end() + 80)
            end = close + 1 if close >= 0 else match.end()
            paper = _LEADING.sub("", segment[start:end]).strip()
            refs.append(DocketRef(numbers, paper or None))
            start = end
        else:
            refs.append(DocketRef(numbers, None))
    if not refs:  # "ECF Nos. 2282, 2295 and 2366 Motions to Seal": each number a motion's
        refs = [
            DocketRef(r.numbers, None)
            for r in running_refs(segment)
            if _MOTION_AFTER.match(segment, r.end)
        ]
    if not refs:
        refs = [  # "134 Motion to Seal", "the [110, 112, 134] Motions to Seal"
            DocketRef(_entry_numbers(m), None) for m in _DOCKET_TEXT.finditer(segment)
        ]
    return refs


def _clause_before(segment: str, end: int) -> str:
    """The words of ``segment`` before ``end`` back to the clause's start: the last "that" or
    semicolon, at most 80 characters."""
    back = segment[max(0, end - 80) : end]
    cuts = [m.end() for m in re.finditer(r"\bthat\b|;", back, re.I)]
    return back[cuts[-1] :] if cuts else back


def _entry_numbers(match: re.Match[str]) -> tuple[str, ...]:
    """The numbers a docket entry's match gives: "134", "(252)", or each of "[110, 112]"."""
    one = match["list"] or match["paren"]
    return (one,) if one else tuple(re.findall(r"\d+", match["listed"] or match["joined"]))


def _in_paper_title(segment: str, end: int, papers: Vocabulary) -> bool:
    """Whether the words before ``end`` are the title of a paper that is no motion, with a
    name after its kind ("the Declaration Of Greg Mosier (Doc. #87)", "its Statement Of Facts
    In Support Of Motion For Summary Judgment (Doc. #86)"): a run of capitalized words and
    the small words between them, back from ``end``, whose first word naming a paper is no
    motion, or a motion the paper supports; never the court's own order or opinion."""
    tokens = [t.strip("(),;:\"'“”") for t in segment[:end].split()[-14:]]
    paper = False
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i]
        if word.lower() in _TITLE_SMALL:
            continue
        if not word[:1].isupper():
            break
        if _MOTION_WORD.fullmatch(word):
            if [t.lower() for t in tokens[max(0, i - 2) : i]] not in _SUPPORTING:
                return False  # "Motion to Seal the Declaration of ...": the motion's number
        elif papers.find(word) and word.lower() not in _COURTS_PAPERS:
            paper = True
    return paper


#: the court's own papers, named by a title with a name after it ("the Court's Order to Show
#: Cause (Doc. 124)"): no paper a party asks for by such a title
_COURTS_PAPERS = frozenset({"order", "opinion"})
#: the words before a motion's name in a paper's title that make the paper its support
_SUPPORTING = (["support", "of"], ["opposition", "to"], ["response", "to"], ["reply", "to"])


def _in_motion_title(segment: str, end: int) -> bool:
    """Whether the words before ``end`` are a motion's title ("Sealed Motion to Unseal Specific
    Pleadings"): a run of capitalized words and the small words between them, back from
    ``end``, that names a motion."""
    for token in reversed(segment[:end].split()[-12:]):
        word = token.strip("(),;:\"'“”")
        if _MOTION_WORD.fullmatch(word):
            return True
        if not (word[:1].isupper() or word.lower() in _TITLE_SMALL):
            return False
    return False


@dataclass(frozen=True)
class RunningRef:
    """Docket numbers written in the running words ("the motion at ECF No. 45", "the exhibits
    listed in docket entries nos. 440 and 459"): as written, each number, and whether a motion
    is named just before them (then they are its number)."""

    written: str
    numbers: tuple[str, ...]
    of_motion: bool
    end: int
    start: int = 0


def running_refs(sentence: str) -> list[RunningRef]:
    """The docket numbers ``sentence`` writes in its running words, not in brackets."""
    found = []
    for match in _RUNNING.finditer(sentence):
        before = sentence[: match.start()].rstrip()
        if before.endswith(("(", "[")):
            continue
        numbers = tuple(re.sub(r"\s+", "", n) for n in _NUMBER.findall(match.group()))
        of_motion = bool(_OF_MOTION.search(before) or _MOTION_AFTER.match(sentence, match.end()))
        written = match.group().strip()
        start = match.start() + match.group().index(written[:1]) if written else match.start()
        found.append(RunningRef(written, numbers, of_motion, match.end(), start))
    return found


_PAPER_HEAD = re.compile(
    r"(?:(?:[A-Z][\w.'\u2019]*|of|the)\s+){0,6}"
    # a title that names the motion it supports: "Statement Of Facts In Support Of Motion For
    # Summary Judgment (Doc. #86)"
    r"(?:(?i:in\s+)?(?i:support|opposition|response|reply)\s+(?i:of|to)\s+"
    r"(?:[A-Z][\w.'\u2019]*\s+|(?i:of|for|to)\s+){0,6})?"
    r"\S+\s*[(\[][^()\[\]]*[)\]]$"
)
_ITS_MOTION = re.compile(
    r"\b(?:support|opposition|response|reply)\s+(?:of|to)\s+(?:\S+\s+){0,2}?motion\b", re.I
)


def paper_named(written: str) -> str | None:
    """The paper's own words at the end of ``written`` (a paper `docket_refs` found, with the
    words before it): "... set forth on page 19 of plaintiff Thomas Schroeder's Response (Doc.
    381)" is "Thomas Schroeder's Response (Doc. 381)"; None unless its number is in brackets
    and the paper is no motion (the motion is ruled as a whole)."""
    head = _PAPER_HEAD.search(written)
    if head is None:
        return None
    own = _ITS_MOTION.sub("", head.group())  # the motion a paper supports is no motion ruled
    if re.search(r"\bmotion\b", own, re.I):
        return None
    return head.group().strip()


def title_papers(segment: str) -> list[str]:
    """The docket entries a motion's title names in its running words ("Motion for Leave to
    File Unredacted Version of Doc. No. 360-2 and to Unseal Doc. No. 355, (doc. 367)": Doc.
    No. 360-2 and Doc. No. 355), not the motion's own number in brackets or after a comma."""
    found = []
    for match in _RUNNING.finditer(segment):
        if segment[: match.start()].rstrip().endswith(("(", "[", ",")):
            continue
        found.append(match.group().strip())
    return found


def subject_papers(sentence: str, outcome: Found, papers: Vocabulary) -> list[str]:
    """The papers the subject of ``sentence`` names when its outcome is said of them ("Mr.
    Sullivan's Memorandum ... and his Reply ... shall remain sealed"), one per paper joined by
    "and"; none unless the outcome is the subject's own ("shall be ...") and every part of the
    subject names a paper."""
    said = sentence[outcome.start : outcome.end].lower()
    if not said.startswith(("shall ", "should ")):
        return []
    subject = _INTRO.sub("", sentence[: outcome.start]).strip()
    if not subject or len(subject) > 240 or re.search(r"\bCourt\b", subject):
        return []
    parts = [p.strip() for p in _SPLIT.split(subject) if p.strip()]
    if not parts or not all(papers.find(p) for p in parts):
        return []
    return parts


def joined_paper(sentence: str, after: int, papers: Vocabulary) -> str | None:
    """A paper joined to the end of an exhibit list ("Exhibit 2 or Plaintiffs' reply"): the
    words from ``after`` (the last exhibit's place) on, when "or"/"and" joins one to it."""
    words = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(papers.phrases, key=len, reverse=True)
    )
    joined = re.compile(
        rf"\s+(?:or|and)\s+(?P<paper>(?:the\s+|[A-Z]\w*['\u2019]s?\s+)?(?:{words}))\b(?!\s+of\b)",
        re.I,
    )
    match = joined.search(sentence, after)
    if match is None or re.search(r"[.;:]", sentence[after : match.start()]):
        return None
    return match["paper"]


def discovery_papers(sentence: str, requests: Vocabulary) -> list[str]:
    """The discovery requests ``sentence`` names by title ("Defendants' First Set of Requests
    for Production", "First Interrogatories No. 1, 3, 5-14, 16-17, and 21")."""
    found = []
    for named in requests.find(sentence):
        head = re.search(r"(?:(?:[A-Z][\w'\u2019]*|of)\s+){0,5}$", sentence[: named.start])
        start = head.start() if head else named.start
        tail = re.match(
            r"\s+Nos?\.\s*\d+(?:\s*-\s*\d+)?(?:\s*(?:,\s*(?:and\s+)?|and\s+)\d+(?:\s*-\s*\d+)?)*",
            sentence[named.end :],
        )
        end = named.end + (tail.end() if tail else 0)
        found.append(sentence[start:end].strip())
    return found


def rejoin_broken_words(text: str, words: frozenset[str]) -> str:
    """``text`` with an outcome written in capitals and broken by a space in the source's text
    layer ("The Motion is GRA NTED") joined again, where the two pieces make one of ``words``."""

    def join(match: re.Match[str]) -> str:
        return match[1] if (match[1] + match[2]).lower() in words else match[0]

    return re.sub(r"\b([A-Z]{2,}|[A-Z][a-z]+)\s(?=([A-Z]{1,6}|[a-z]{1,6})\b)", join, text)


#: an extent said before the outcome it limits: "to the extent that Defendant's Motion sought
#: production of a privilege log, the motion is denied as moot"
_LEADING_EXTENT = re.compile(
    r"\bto\s+the\s+extent\s+(?:that\s+)?(?:[\w'\u2019]+\s+){0,3}?(?:motions?|requests?|"
    r"applications?)\s+(?:seeks?|sought|requests?|requested|asks?|asked)\s+(?:for\s+)?"
    r"(?P<document>[^,;]{3,120}),",
    re.I,
)


def leading_extent(sentence: str, outcome: int) -> str | None:
    """What a motion asked for, named in an extent clause before the outcome at ``outcome``
    ("to the extent that Defendant's Motion sought production of a privilege log, the motion is
    denied as moot": "production of a privilege log"); None if there is none."""
    extent = _LEADING_EXTENT.search(sentence, 0, outcome)
    return extent["document"].strip() if extent else None
