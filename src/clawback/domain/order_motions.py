"""Which motion a ruling is on, where its sentence gives no docket number: a motion the order
named once by title and number ("Defendants' First Motion for Protective Order (doc. 59)") and
rules on later by the title alone ("the Court grants Defendants' First Motion for Protective
Order"), or "the motion" of a paragraph that named one motion's number before ("In the
remaining motion to seal, Docket No. 437, ... the Court hereby GRANTS the motion to seal").
Which motions "all three motions are denied" rules on: every motion the order numbered. And
which docket number is no motion ruled: a caption's number the body never names again. Part of
`clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from clawback.domain.order_clauses import recites_ruling
from clawback.domain.order_papers import docket_refs, running_refs
from clawback.domain.order_words import Found, OrderWords

__all__ = [
    "MotionTitles",
    "caption_only",
    "clawback_asked",
    "every_motion",
    "first_kind",
    "first_motion_named",
    "joined_kinds",
    "motions_meant",
    "movant_of",
    "numbered_kinds",
    "numbered_motions",
    "numbered_of_no_kind",
    "supported",
    "under_order",
]

#: a motion's title in capitals, then its docket number in brackets: "Defendants' Second
#: Motion for Protective Order (doc. 82)", "Plaintiff's Motion to Compel (Dkt. No. 40)"
_TITLED = re.compile(
    r"\b(?P<title>(?:[A-Z][\w'\u2019.]*\s+){0,5}(?:Motion|Application)\s+(?:for|to)\s+"
    r"(?:(?:[A-Z][\w'\u2019-]*|of|for|to|the|and|in)\s+){0,8}?[A-Z][\w'\u2019-]*)"
    r"(?:\s*\(\s*(?i:doc(?:ket)?|dkt|ecf)s?\.?\s*(?i:no\.?\s*)?(?P<n>\d+)\s*\)"
    # after a comma, the number maybe bracketed (E.D. Mo.): "Motion to Continue Sealing, Doc.
    # [157]"; a bare bracket (N.D. Ga.): "Motion to File Discovery Under Seal [165]"
    r"|,\s*(?i:doc(?:ket)?|dkt|ecf)s?\.?\s*(?i:no\.?\s*)?\[?(?P<m>\d+)\]?(?![\w-])"
    r"|\s+\[(?P<b>\d{2,4})\])"
)
#: "the motion", one motion, in a sentence that names none by number
_THE_MOTION = re.compile(r"\bthe\s+(?:\w+\s+){0,2}?motion\b(?!s)", re.I)
_MOTION_NOUN_ANY = re.compile(r"\b(?:motions?|applications?|requests?)\b", re.I)
#: a stamp saying how the order itself was filed: "(Filed Under Seal: October 4, 2017)", or
#: "FILED UNDER SEAL" alone on a line
_SEAL_STAMP = re.compile(
    r"(?im)\(\s*Filed\s+Under\s+Seal\b[^()\n]*\)|^[ \t]*Filed\s+Under\s+Seal[ \t]*$"
)
#: an order's title alone on its line: "OPINION AND ORDER", "MEMORANDUM OPINION", "ORDER"
_TITLE_LINE = re.compile(
    r"(?m)^[ \t]*(?:MEMORANDUM[ \t]+)?(?:OPINION|DECISION|ORDER)"
    r"(?:[ \t]+AND[ \t]+(?:ORDER|OPINION))?[ \t]*$"
)
#: two motions of two kinds named under one plural noun: "MOTIONS TO COMPEL AND FOR PROTECTIVE
#: ORDER", "motions to seal and to unseal"
_JOINED = re.compile(
    r"\bmotions\s+(?P<one>(?:to|for)\s+[^,;.]{1,40}?)\s+and\s+(?P<two>(?:to|for)\s+[^,;.]{1,40})",
    re.I,
)


#: the protective order a paper or request is made under, named as its authority ("pursuant to
#: the parties' Stipulated Protective Order (Dkt. 156) to request leave to file under seal"): no
#: motion for one
_UNDER_ORDER = re.compile(
    r"\b(?:pursuant\s+to|under|subject\s+to|governed\s+by|in\s+accordance\s+with)\s+"
    # (a stop inside a citation goes on: "Local Civil Rule 79.2, Section V.G of the Court's
    # CM/ECF Policy Manual, and the Court's Stipulated Protective Order (DE 44)")
    r"(?P<gap>(?:[^.;:]|\.(?=\S)){0,180})$",
    re.I,
)
#: the short name a paper is given, after its full name: "(the \u201cProtective Order\u201d)"
_DEFINED_NAME = re.compile(r"\(\s*(?:the\s+)?[\u201c\"]$")
#: what makes a protective order so named the relief asked: "Pursuant to Rule 26(c), Defendant
#: moves for entry of a protective order"
_ASKED = re.compile(r"\b(?:mo(?:tion|ves?)|for|seeks?|requests?|entry|enter)\b", re.I)


def first_kind(text: str, words: OrderWords) -> str | None:
    """The kind of the order's first motion: the first said after the order's title where a
    title stands alone on a line ("OPINION AND ORDER"), so that a caption's stamp or headnote
    ("FRE 502(d); Quick Peek Procedure; Clawback Order") does not set it; else, or where none
    is said after the title, the first said. A stamp saying how the order was filed ("(Filed
    Under Seal: October 4, 2017)", "FILED UNDER SEAL" alone on a line) names no motion."""
    text = _SEAL_STAMP.sub(" ", text)
    title = _TITLE_LINE.search(text)
    start = title.end() if title else 0

    def named(f: Found) -> bool:
        return not under_order(text, f) and not supported(text, f, words)

    after = [f for f in words.motions.find(text, start) if named(f)] if title else []
    found = after or [f for f in words.motions.find(text) if named(f)]
    return found[0].label if found else None


def under_order(text: str, found: Found) -> bool:
    """Whether ``found`` is a protective order named as what a paper or request is made under
    ("pursuant to the parties' Stipulated Protective Order"), not a motion for one."""
    return (
        found.label == "protective-order"
        and "protective order" in " ".join(text[found.start : found.end].lower().split())
        and (
            _DEFINED_NAME.search(text, max(0, found.start - 10), found.start) is not None
            or (
                (under := _UNDER_ORDER.search(text, max(0, found.start - 200), found.start))
                is not None
                and not _ASKED.search(under["gap"])
            )
        )
    )


def supported(text: str, found: Found, words: OrderWords) -> bool:
    """Whether the motion ``found`` is named as the one a paper supports or answers ("the
    Declaration of Ann Lee in Support of Plaintiff's Motion to Compel"; data:
    supported_motions): the words just before it, a party's name between."""
    before = text[max(0, found.start - 60) : found.start]
    return any(
        _SUPPORTED_GAP.fullmatch(before, f.end) for f in words.supported_motions.find(before)
    )


#: what may stand between "in support of" and the motion's kind: a party's name, an article,
#: the word "motion" itself ("in Support of Plaintiff's Motion to Compel", "the motion to")
_SUPPORTED_GAP = re.compile(
    r"\s+(?:(?:the|its|their|his|her|[\w.-]+(?:['\u2019]s|s['\u2019]))\s+)?(?:[\w-]+\s+){0,3}?",
)


def numbered_motions(sentences: Sequence[str], words: OrderWords) -> list[str]:
    """The docket numbers an order gives its motions, in the order first written: a number in
    brackets in a sentence that names a motion, unless it is another paper's ("Motion to Seal
    (ECF No. 122)"), and a number in the running words after a motion ("Plaintiffs' emergency
    motions to seal, Docket Nos. 436 and 437"); none in a sentence that tells of a ruling
    given before ("On June 2, 2016, the Court granted the parties' cross-motions ... (Doc.
    63).") and none a bracket pairs with a motion numbered before ("the motions to seal (Docs.
    543, 544) ... accompanying their Motion to Disqualify Counsel (Docs. 543, 537)": 537 is
    the paper motion 543 would seal)."""
    found: list[str] = []
    for _, numbers in _numbering(sentences, words):
        found += numbers
    return list(dict.fromkeys(found))


def numbered_kinds(sentences: Sequence[str], words: OrderWords) -> frozenset[str]:
    """The kinds of motion (data: motions) the sentences that number the order's motions name
    (see `numbered_motions`): one kind alone says what "the motions to seal" are."""
    return frozenset(
        found.label
        for at, numbers in _numbering(sentences, words)
        if numbers
        for found in words.motions.find(sentences[at])
    )


def numbered_of_no_kind(sentences: Sequence[str], words: OrderWords) -> frozenset[str]:
    """The numbers among `numbered_motions` whose bracket comes just after a motion named by
    what it asks, of no kind the reader rules ("the memorandum in support of a motion to
    transfer (D.E. 31)"): not among "the motions to seal" the order rules together."""
    found: set[str] = set()
    for at, numbers in _numbering(sentences, words):
        sentence = sentences[at]
        for bracket in _A_BRACKET.finditer(sentence):
            asked = _ASKED_JUST_BEFORE.search(sentence, 0, bracket.start())
            if asked is not None and not words.motions.find(asked.group()):
                found.update(n for n in re.findall(r"\d+", bracket.group()) if n in numbers)
    return frozenset(found)


#: a docket citation in brackets: "(D.E. 31)", "[ECF No. 12]", "(Doc. 30)"
_A_BRACKET = re.compile(
    r"[(\[]\s*(?:D\.\s?E\.|ECF|Dkts?\.?|Docs?\.|Docket|Filing)[^()\[\]]{0,80}[)\]]", re.I
)
#: a motion named by what it asks, just before a bracket: "a motion to transfer ("
_ASKED_JUST_BEFORE = re.compile(
    r"\bmotions?\s+(?:to|for)\s+(?:[\w'\u2019-]+\s+){0,5}?[\w'\u2019-]+,?\s*$", re.I
)


def _numbering(sentences: Sequence[str], words: OrderWords) -> Iterator[tuple[int, list[str]]]:
    """Each sentence that numbers motions, as the index of the one that names them (itself, or
    the one a bare citation follows) and the numbers it gives (see `numbered_motions`)."""
    found: list[str] = []
    for i, sentence in enumerate(sentences):
        if recites_ruling(sentence):
            continue
        cited = _cites_motion_before(sentences, i, words)
        if _of_no_kind(sentences[i - 1] if cited else sentence, words):
            continue  # "the motions to dismiss (ECF Nos. 40, 41)": motions no ruling reads
        numbers: list[str] = []
        if _MOTION_NOUN_ANY.search(sentence) or cited:
            refs = docket_refs(sentence, words.papers)
            for ref in refs:
                if ref.paper is not None:
                    continue
                known = [n for n in ref.numbers if n in found]
                if len(ref.numbers) == 2 and len(known) == 1:
                    continue  # "(Docs. 543, 537)": a motion numbered before, and its paper
                numbers += ref.numbers
                found += ref.numbers
        # a citation alone, unbracketed, after the motions it numbers: "... Motions to Seal.
        # D.E. 436, 443, 447."
        running = [ref for ref in running_refs(sentence) if ref.of_motion or cited]
        numbers += [n for ref in running for n in ref.numbers]
        found += [n for ref in running for n in ref.numbers]
        if numbers:
            yield (i - 1 if cited else i), numbers


#: motions named by what they ask, in the plural: "the motions to dismiss", "cross-motions for
#: summary judgment" (one "Motion for Discovery" a docket text rules may be of any kind)
_MOTION_ASKS = re.compile(r"\bmotions\s+(?:to|for)\s+\w", re.I)


def _of_no_kind(sentence: str, words: OrderWords) -> bool:
    """Whether ``sentence`` names motions (plural) only by what they ask, none of a kind the
    reader rules ("Chart's motion for summary judgment and the parties' motions to exclude ...
    are now pending"): the numbers it gives are those motions', not the ones the order rules."""
    return bool(_MOTION_ASKS.search(sentence)) and not words.motions.find(sentence)


#: a sentence that is only a citation of docket entries: "(ECF Nos. 28, 38, 44, 51, 53)."
#: or "(Dkt. 475; Dkt. 487; Dkt. 500).", in brackets too ("[ECF No. 275].")
_CITATION_ONLY = re.compile(
    r"[(\[]\s*(?:ECF|Dkts?|Docs?|Docket|D\.\s?E\.)[^()\[\]]{0,160}[)\]]\.?"
    r"|(?:ECF|Dkts?\.|Docs?\.|Docket|D\.\s?E\.)\s*(?:Nos?\.\s*)?\d+(?:\s*(?:,|and|&)\s*\d+)*\.?",
    re.I,
)
_EARLIER_RULING = re.compile(r"\b(?:order|opinion|ruling)\b", re.I)


def _cites_motion_before(sentences: Sequence[str], i: int, words: OrderWords) -> bool:
    """Whether sentence ``i`` is a citation alone that gives the docket numbers of the motions
    or requests the sentence before it names ("Plaintiff asks to redact portions of its
    response. (ECF No. 38)."), not of an earlier order ("... the Court's previous order ...
    (ECF No. 18).")."""
    if i == 0 or not _CITATION_ONLY.fullmatch(sentences[i].strip()):
        return False
    before = sentences[i - 1]
    if not sentences[i].lstrip().startswith(("(", "[")) and not _MOTIONS_PLURAL.search(before):
        return False  # unbracketed, "... several Motions to Seal. D.E. 436, 443.": motions only
    asked = _MOTION_NOUN_ANY.search(before) or words.requests.find(before)
    return bool(asked) and not _EARLIER_RULING.search(before)


def every_motion(
    sentence: str,
    words: OrderWords,
    numbered: Sequence[str],
    before: str = "",
    kinds: frozenset[str] = frozenset(),
    unkinded: frozenset[str] = frozenset(),
) -> list[str]:
    """The motions a sentence that numbers none rules on all at once ("For the following
    reasons, all three motions are denied"; data: every_motion), or whose subject is a pronoun
    for the motions the sentence ``before`` it names ("These motions ... . However, they ...
    are accordingly denied"): each one the order numbered. So too "the motions to seal" where
    the order numbered motions of that one kind only (``kinds``: see `numbered_kinds`), each
    but the numbers ``unkinded`` gives motions of no kind (see `numbered_of_no_kind`)."""
    if not (
        words.every_motion.find(sentence)
        or motions_meant(sentence, before)
        or _MOTIONS_OBJECT.search(sentence)
        or _of_the_one_kind(sentence, words, kinds)
    ):
        return []
    if docket_refs(sentence, words.papers):
        return []
    if running_refs(sentence):
        return []
    if not words.every_motion.find(sentence) and _of_the_one_kind(sentence, words, kinds):
        return [n for n in numbered if n not in unkinded]
    return list(numbered)


#: "the motions" as the object of the court's own verb, of no kind named ("The court will
#: grant the motions", "the Court therefore DENIES the Motions"): never "grants the motions to
#: compel"
_MOTIONS_OBJECT = re.compile(
    r"\b(?:grant|grants|deny|denies)\s+(?:(?:all|both)\s+(?:of\s+)?)?(?:the|these)\s+"
    r"motions\b(?!\s+(?:to|for|of|in|at|filed)\b|\s*[(\[])",
    re.I,
)
#: "the motions" named by their kind, subject or object: "the motions to seal are GRANTED",
#: "the court will allow the motions to seal", "DENIES the motions for protective orders"
_MOTIONS_NAMED = re.compile(
    r"\b(?:the|these|all\s+(?:of\s+)?the|both)\s+(?:[\w-]+\s+){0,2}?motions\s+(?:to|for)\b",
    re.I,
)


def _of_the_one_kind(sentence: str, words: OrderWords, kinds: frozenset[str]) -> bool:
    """Whether ``sentence`` rules "the motions" of a kind where every motion the order
    numbered is of that kind (``kinds``): the motions to seal, then, are each of them."""
    if len(kinds) != 1 or (named := _MOTIONS_NAMED.search(sentence)) is None:
        return False
    kind = words.motions.find(sentence, named.end() - 4, named.end() + 60)
    return bool(kind) and {k.label for k in kind} == kinds


#: a sentence whose subject is a pronoun: "They are denied", "However, they have failed ..."
_THEY = re.compile(
    r"^\W*(?:(?:however|accordingly|therefore|thus|nevertheless|moreover),?\s+)?they\b", re.I
)
_MOTIONS_PLURAL = re.compile(r"\b(?:motions|requests|applications)\b", re.I)


def motions_meant(sentence: str, before: str) -> bool:
    """Whether ``sentence``'s subject is "they" and the sentence ``before`` it speaks of
    motions in the plural ("These motions to seal have been filed by various parties"): the
    pronoun means those motions."""
    return bool(_THEY.match(sentence) and _MOTIONS_PLURAL.search(before))


def joined_kinds(sentence: str, words: OrderWords) -> list[str]:
    """The kinds of two motions a sentence rules on under one plural noun ("GRANTING IN PART AND
    DENYING IN PART MOTIONS TO COMPEL AND FOR PROTECTIVE ORDER"), each ruled the same; [] when
    it names no two kinds so."""
    joined = _JOINED.search(sentence)
    if joined is None:
        return []
    one, two = (words.motions.find(joined[side]) for side in ("one", "two"))
    kinds = [one[0].label, two[0].label] if one and two else []
    return kinds if len(set(kinds)) == 2 else []


#: a party's own motion after the party's possessive ("Plaintiffs' Motion to Seal"), or after
#: the party's word and a name in the possessive ("DEFENDANT ACME CORPORATION'S MOTION TO SEAL")
_POSSESSED = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?P<motion>motion\s+(?:to|for)\b)", re.I)
_NAME_POSSESSED = re.compile(
    r"(?:\s+[\w-]+){1,3}?['\u2019]s\s+(?:[\w-]+\s+){0,2}?(?P<motion>motion\s+(?:to|for)\b)",
    re.I,
)


_MARK = re.compile(r"['\u2019]s?(?!\w)")


def joined_movants(sentence: str, kind: str, words: OrderWords) -> list[str]:
    """The parties whose motions of one kind a sentence rules together ("Plaintiffs' Motion to
    Seal and Defendant's Motion to Seal are GRANTED"), each said as the party's own motion of
    ``kind``; [] when fewer than two parties' are."""
    movants: list[str] = []
    for party in words.parties.find(sentence):
        mark = _MARK.match(sentence, party.end)  # "PLAINTIFFS\u2019": the vocabulary's "'"
        end = mark.end() if mark else party.end
        possessive = mark is not None or sentence[party.start : end].endswith(("'", "'s"))
        owned = (_POSSESSED if possessive else _NAME_POSSESSED).match(sentence, end)
        if owned is None:
            continue
        at = owned.start("motion")
        named = words.motions.find(sentence, at, at + 60)
        if named and named[0].label == kind and party.label not in movants:
            movants.append(party.label)
    return movants if len(movants) > 1 else []


def _key(title: str) -> str:
    return " ".join(title.replace("\u2019", "'").lower().split())


class MotionTitles:
    """The titles an order gives its motions with their docket numbers, each once."""

    def __init__(self, sentences: Sequence[str]) -> None:
        numbered: dict[str, set[str]] = {}
        for sentence in sentences:
            for match in _TITLED.finditer(sentence):
                number = match["n"] or match["m"] or match["b"]
                numbered.setdefault(_key(match["title"]), set()).add(number)
        #: a title given two numbers names no one motion
        self.dockets = {title: ns.pop() for title, ns in numbered.items() if len(ns) == 1}
        spaced = (re.escape(t).replace(r"\ ", r"\s+") for t in sorted(self.dockets, key=len)[::-1])
        self._pattern = (
            re.compile(r"(?<![\w'])(?:" + "|".join(spaced) + r")(?!\w)", re.I)
            if self.dockets
            else None
        )

    def docket(self, sentence: str) -> str | None:
        """The docket number of the one titled motion ``sentence`` names (None for none or
        several)."""
        if self._pattern is None:
            return None
        named = {self.dockets[_key(m.group())] for m in self._pattern.finditer(sentence)}
        return named.pop() if len(named) == 1 else None


def first_motion_named(
    sentence: str,
    before: Sequence[str],
    words: OrderWords,
    motion_dockets: set[str],
    ruled: set[str] | frozenset[str] = frozenset(),
) -> str | None:
    """The docket number of "the motion" ``sentence`` rules on: the motion number (of
    ``motion_dockets``, those not yet ruled) of the last sentence before it in its paragraph
    to number any, if it numbers one, where the sentence itself names no number and speaks of
    one motion; none where that sentence is a citation alone of motions ``ruled`` already."""
    if not _THE_MOTION.search(sentence) or docket_refs(sentence, words.papers):
        return None
    if running_refs(sentence):
        return None
    for said in reversed(before):
        numbers = [n for r in running_refs(said) for n in r.numbers]
        numbers += [
            n for r in docket_refs(said, words.papers) if r.paper is None for n in r.numbers
        ]
        named = {n for n in numbers if n in motion_dockets}
        if named:  # the last sentence to number motions, if it numbers one
            return named.pop() if len(named) == 1 else None
        if numbers and set(numbers) <= ruled and _CITATION_ONLY.fullmatch(said.strip()):
            return None  # "... a motion to seal ... [ECF No. 275].": a motion ruled already
    return None


#: how far after the word of asking its relief may stand: "seeks an order requiring the
#: defendant to return the documents", "seeking a protective order that (1) commands
#: Defendants Paul A. Skinner and Paul J. Skinner to return or destroy"
_RELIEF_REACH = 120


def clawback_asked(sentences: Sequence[str], words: OrderWords) -> bool:
    """Whether the order's motion, whatever its title, is a claw-back: the order speaks of one
    ("inadvertently produced", "clawback agreement"; data: clawback_signals) and a sentence
    says the motion asks the return, destruction or striking of documents (data: requests,
    then clawback_relief within a few words)."""
    if not any(words.clawback_signals.find(s) for s in sentences):
        return False
    return any(
        0 <= relief.start - asked.end <= _RELIEF_REACH
        for sentence in sentences
        for asked in words.requests.find(sentence)
        for relief in words.clawback_relief.find(sentence)
    )


def caption_only(docket: str, sentence: str, text: str) -> bool:
    """Whether a motion ruled by ``docket`` in ``sentence`` is only a caption's ("ORDER
    GRANTING IN PART MOTION TO SEAL (Docket No. 338)"): the sentence is a heading in capitals
    and the number is written nowhere else in the order."""
    heading = re.search(
        r"\bORDER\b[^a-z]*\b(?:GRANTING|DENYING)\b[^a-z]*(?:\([^()]*\)\W*)?$", sentence
    )
    if heading is None:
        return False
    return len(re.findall(rf"(?<![\d-]){re.escape(docket)}(?![\d-])", text)) == 1


_MOTION_NOUN = re.compile(r"[\w\s'\u2019,-]{0,40}?\b(?:motions?|requests?|applications?)\b", re.I)


def movant_of(words: OrderWords, sentence: str, before: int) -> str | None:
    """Whose motion: the party named just before "motion" or "request" ("Defendants' request
    to claw back", "GRANTS Defendant's motion"), else the first party named before ``before``
    (the outcome)."""
    named = words.parties.find(sentence)
    owner = next((f for f in named if _MOTION_NOUN.match(sentence, f.end)), None)
    if owner is not None:
        return owner.label
    first = [f for f in named if f.start < before]
    return first[0].label if first else None


#: one item of a list of motions, each its title and then its one docket number in brackets:
#: "Defendants' Motion for Protective Order, Sanctions, and Request for a Hearing (Doc. No.
#: 75)", "defendant's Motion to File its Statement Under Seal [110]"; items are cut at ";" (and
#: the list's lead-in at ":")
#: ("Motion" in capitals: a title as written, not "their motion for ...")
_LISTED_ITEM = re.compile(
    r"(?P<title>[^;:]*?\b(?:Motions?|Applications?)\b[^;:]*?)\s*"
    r"(?:\(\s*(?i:docs?|dkts?|docket|ecf)\.?\s*(?i:nos?\.?\s*)?(?P<n>\d+)\s*\)|\[(?P<b>\d{2,4})\])"
    r"\s*(?:[;.,]|\s*and\b|$)"
)
_LOWER_MOTION = re.compile(r"\b(?:motions?|applications?)\b")


def listed_kinds(sentences: Sequence[str], words: OrderWords) -> dict[str, str | None]:
    """The kind of each motion an order lists by its own title and number, item by item
    ("Before the court are the following motions: Defendants' Motion to Strike ... (Doc. No.
    71); Defendants' Motion for Protective Order ... (Doc. No. 75); ..."): the first kind its
    title names, not one a paper supports ("Supplement to Motion for Protective Order"), or None
    where it names none (a motion to strike, for sanctions). Only from a list of two motions or
    more of which one at least is of a kind; a number listed with two kinds is left out."""
    found: dict[str, set[str | None]] = {}
    for sentence in sentences:
        items = [i for i in _LISTED_ITEM.finditer(sentence) if not _LOWER_MOTION.search(i["title"])]
        if len(items) < 2:
            continue
        kinds = {item["n"] or item["b"]: _title_kind(item["title"], words) for item in items}
        if not any(kinds.values()):
            continue
        for number, kind in kinds.items():
            found.setdefault(number, set()).add(kind)
    return {n: kinds.pop() for n, kinds in found.items() if len(kinds) == 1}


def _title_kind(title: str, words: OrderWords) -> str | None:
    named = [f for f in words.motions.find(title) if not supported(title, f, words)]
    return named[0].label if named else None
