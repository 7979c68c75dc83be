"""The acts a court order sets, read sentence by sentence: who must act, what, and by when.

A sentence where a directive ("shall", "is ORDERED to") comes shortly before an act verb ("file",
"lodge") sets an act; its party is the last party named before the directive, its time "within N
[business] days [of this order]" or "no later than / on or before / by DATE". A directive with no
time of its own in the same paragraph as a timed one takes its time ("Defendants shall also file
..."). A sentence that directs no one but sets a date after the order is an act of a party
perhaps unknown, with a low confidence. Part of `clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from clawback.domain.deadlines import compute, is_court_day
from clawback.domain.order_clauses import reported
from clawback.domain.order_text import DATE, MONTH, SIGNED, parse_date
from clawback.domain.order_words import Found, OrderWords

__all__ = [
    "ASSUMED",
    "NAMED_ACT",
    "ORDERING",
    "PROSE",
    "Act",
    "ActReader",
    "dated_by_docket",
    "party_named",
    "timed_by_the_next",
    "unique_acts",
]

#: how surely a drafted value was placed: a sentence in the court's ordering voice, the body's
#: prose, a value assumed
ORDERING = 0.9
PROSE = 0.6
ASSUMED = 0.4

_DEADLINE_WORDS = re.compile(
    r"\b(?:no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|by|until|unless)\b", re.I
)
_NUMBERS = {
    w: n
    for n, w in enumerate(
        (
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
            *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
            *("seventeen", "eighteen", "nineteen", "twenty"),
        )
    )
} | {"twenty-one": 21, "twenty-eight": 28, "thirty": 30, "forty-five": 45, "sixty": 60}
_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_WITHIN = re.compile(
    rf"(?:\bwithin\s+|(?<![\w-])(?=\S+(?:\s*\(\d{{1,3}}\))?\s+(?:\w+\s+)?days?\s+(?:after|of|from|following|(?:with)?in\s+which|to)\b))"
    rf"(?P<n>{_NUMBER})(?:\s*\(\d{{1,3}}\))?\s+(?:additional\s+|more\s+|further\s+)?"
    rf"(?P<kind>business\s+|court\s+|calendar\s+)?"
    r"days?\b(?P<after>[^.;]{0,80})",
    re.I,
)
_FIXED = re.compile(
    rf"\b(?:no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|by|before|until|on|"
    rf"(?:up\s+to|through)\s+and\s+including)\s+"
    rf"(?:\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?,?\s+(?:\w+\s+)?(?:on\s+)?)?(?:\w+day,\s+)?(?P<d>{DATE})",
    re.I,
)
#: a term's date without its year: "by September 20 at 11:00 a.m.", "by noon on March 8"
_NO_YEAR = re.compile(
    rf"\b(?:no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|by|on)\s+"
    rf"(?:(?:\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)\s+(?:\w+\s+)?(?:on\s+)?)?"
    rf"(?:\w+day,\s+)?(?P<md>{MONTH}\s+\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)",
    re.I,
)
#: a direction that takes the time of the one before it: "Defendants shall also file ...", "By
#: the same deadline, Defendant must send ...", "On the same date, Plaintiff shall file ..."
_SAME_TIME = re.compile(
    r"(?<!see\s)\balso\b|\b(?:by|on)\s+the\s+same\s+(?:deadline|date|day|time)\b", re.I
)  # not the citation signal "see also"
#: a court the subject of a directive, its clause's first words ("the district court must
#: \u201ckeep in mind ...\u201d", a case quoted): what the law asks of a court, no act of a party
_COURT_MUST = re.compile(
    r"(?:^|[(,;:\"\u201c])\s*(?:the\s+|a\s+)?(?:district\s+|trial\s+|reviewing\s+)?courts?\s+"
    r"(?:\w+ly\s+)?$",
    re.I,
)
_OF = re.compile(r"\bof\s+$", re.I)
#: how far after "On DATE," its event word may be ("On May 3, 2021, the Court entered"): a date
#: before the order's own, told so, is the day a thing was done
_EVENT_AFTER = 40
_ON_A_DAY = re.compile(r"on\s+(?!or\s)", re.I)
#: what may stand between a thing done and its date: "entered by the Court on September 27, 2022"
_BY_WHOM = re.compile(r"\s*(?:by\s+(?:the\s+)?[\w.'\u2019]+(?:\s+[\w.'\u2019]+)?\s*)?$", re.I)
#: a sentence about any party at all ("A party seeking to file a confidential document under
#: seal must file a motion to seal"): the rule the order applies, not an act it sets, unless it
#: sets a time ("A party seeking to keep Exhibit 4 sealed must file a declaration within 7 days")
#: a party alone as a minute order's subject, "to" after it: "Plaintiff to give notice."
_BARE_SUBJECT = re.compile(
    r"\s*(?P<who>(?:the\s+)?[A-Za-z'\u2019]+(?:\s+[A-Za-z'\u2019]+)?)\s+to\s+", re.I
)
_A_PARTY = re.compile(r"\W*(?:a|an)\s+(?:\w+\s+)?(?:party|litigant|movant)\b", re.I)
#: where a directive's subject begins: after a colon ("set forth in NECivR 5.3(c): A party
#: seeking to file ... must") or a clause set off by a comma ("In order to ..., a party must")
_CLAUSE_BEFORE = re.compile(r"[:;]|,(?=\s+(?:a|an)\s)", re.I)
#: a sentence that is only a rule's citation ("Civ. L.R. 79-5(e).", "Fed. R. Civ. P. 5.2"): the
#: sentence before it, if it names no party of the case, quotes that rule and sets no act
_RULE_CITED = re.compile(
    r"^\W*(?:(?:Civ(?:il)?|Crim(?:inal)?)\.?\s*)?(?:L\.\s*R\.|Local\s+(?:Civil\s+)?Rules?\b"
    r"|LCv?R\b|Fed\.\s*R\.)",
    re.I,
)
#: where a direction's next act begins: ", to UNSEAL ...", ", and to UNSEAL ..."
_SERIES = re.compile(r",\s*(?:and\s+)?to\s+", re.I)
_TRIGGER = re.compile(r"^\s*(?:of|after|from|following)\s+(?P<event>[^,;.]+)", re.I)


@dataclass(frozen=True)
class Act:
    """One act the order sets: who, what (the sentence's words), and when."""

    party: str | None
    what: str
    days: int | None
    business_days: bool
    trigger: str | None  # "this order", or the event the period runs from
    on_or_before: date | None
    due: date | None
    sentence: str
    confidence: float


#: a term set off by commas between a directive and its verb: "Any party may, within fourteen
#: days after this Order is filed, file ...", "shall, no later than March 1, 2024, file ..."
_SET_OFF = re.compile(
    r"^,?\s*(?:within|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|by)\b[^;.]{1,80}?,",
    re.I,
)

#: where a sentence's next clause may direct another party: a semicolon, or ", and" before a
#: subject of a few words and its "shall" or "must"
_CLAUSE_JOINT = re.compile(r";|,\s+and\s+(?=[^,;.]{1,40}?\b(?:shall|must)\b)", re.I)
#: a leave the court gives with the party after it ("The Court will allow Plaintiffs to file an
#: amended motion within 21 days"; data: directs): an act only with its term
_LEAVE = re.compile(r"will\s+(?:allow|permit)", re.I)
#: what stands between the court's verb that gives a term and the act's verb: the party, then
#: the days and "to" ("grants the parties 14 days to", "gives Defendant fourteen (14) additional
#: days within which to"; data: terms_given)
_TERM_GIVEN = re.compile(
    rf"\s+(?:the\s+)?[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){{0,3}}?\s+{_NUMBER}(?:\s*\(\d{{1,3}}\))?"
    r"\s+(?:additional\s+|more\s+|further\s+)?(?:business\s+|calendar\s+)?days?\s+"
    r"(?:(?:with)?in\s+which\s+)?to\s+",
    re.I,
)
#: a term said as what the party shall have, not counted either: "shall have up to and
#: including July 20, 2018 to file", "shall have through and including May 1, 2020, to serve"
_HAVE_UNTIL = re.compile(
    r"^\s*have\s+(?:until|(?:up\s+to|through)\s+and\s+including)\s+[^;.]{1,40}?\d{4},?\s+",
    re.I,
)


def _gap(sentence: str, start: int, end: int) -> int:
    """How far apart a directive and its act verb stand, a term set off by commas not
    counted; a directive said before a comma ("may,") reaches its verb only past such a term
    ("the Court may, in its discretion, seal" sets no act)."""
    between = sentence[start:end]
    if sentence[:start].endswith(",") and not _SET_OFF.match(between):
        return len(sentence)
    return len(_HAVE_UNTIL.sub("", _SET_OFF.sub("", between, count=1), count=1))


def party_named(words: OrderWords, text: str) -> str | None:
    named = words.parties.find(text)
    if named:
        return named[-1].label
    return "joint" if _BOTH_SIDES.search(text) else None


#: both sides named alone as a directive's subject, with no article ("Parties are directed to
#: re-submit ...", "Counsel is required to file ..."): never "all parties should" in a recital,
#: which no directive follows
_BOTH_SIDES = re.compile(r"(?:^|[.;:]\s+)(?:Parties|Counsel)\s+$")


#: who a passive act names as doing it, just after its verb: "shall be sealed by the Clerk so as
#: to remove it from the public record"
_BY_THE = re.compile(r"\s+by\s+(?P<who>the\s+(?:Clerk|Court)(?:\s+of\s+(?:the\s+)?Court)?)\b")


def quoted(sentence: str, at: int) -> bool:
    """Whether ``at`` stands inside a quotation the sentence opens after its first words: an
    earlier order's or a rule's words, quoted ("the March 2 Order directed defendants to file a
    motion \u201cidentifying what ... must all be sealed\u201d"), no act of this order."""
    before = sentence[:at]
    curly = before.count("\u201c") > before.count("\u201d")
    straight = before.count('"') % 2 == 1
    opened = max(before.rfind("\u201c"), before.rfind('"'))
    return (curly or straight) and bool(sentence[:opened].strip())


#: An act verb in a motion's name ("Motion to Seal", "Motion for Leave to Refile"), not a
#: direction to act; a leave given "with leave to refile" is one (data: directives).
NAMED_ACT = re.compile(r"\b(?:motions?|applications?|requests?|(?<!with\s)leave)\s+to\s+$", re.I)


class ActReader:
    """Reads the acts of one order: its vocabularies and its date (periods run from it)."""

    def __init__(self, words: OrderWords, dated: date | None) -> None:
        self.words = words
        self.dated = dated

    def act(
        self,
        sentence: str,
        timed: Act | None,
        following: str = "",
    ) -> Act | None:
        """The act ``sentence`` sets, if any (``timed``: the paragraph's last act with a time;
        ``following``: the sentence after it)."""
        verbs = [
            a for a in self.words.acts.find(sentence) if not NAMED_ACT.search(sentence, 0, a.start)
        ]
        directive = next(
            (
                d
                for d in self.words.directives.find(sentence)
                if any(d.start <= a.start and _gap(sentence, d.end, a.start) <= 40 for a in verbs)
            ),  # a permission names its verb ("may submit a revised draft")
            None,
        )
        directs = next(
            (
                d
                for d in self.words.directs.find(sentence)
                if any(0 <= a.start - d.end <= 80 for a in verbs)
            ),
            None,
        ) or next(  # "the court grants the parties 14 days to advise the court whether ..."
            (
                Found("directs", g.start, g.end)
                for g in self.words.terms_given.find(sentence)
                if any(_TERM_GIVEN.fullmatch(sentence, g.end, a.start) for a in verbs)
            ),
            None,
        )
        said = directive or directs
        if said is not None and reported(sentence, said, self.words.reports):
            return None  # "Defendants explain that Paragraph 15 ... requires that ... be filed"
        if said is not None and self.words.quoted_law.find(sentence, 0, said.start):
            return None  # "the stipulated protective order, which provides that ... be filed"
        if said is not None and quoted(sentence, said.start):
            return (
                None  # 'the Court struck it with a notation stating, "A motion ... must be filed"'
            )
        if said is not None and self.words.recitals.find(sentence, 0, said.start):
            return None  # "The Court by previous order ... ordered the defendants to file ..."
        if directive is not None:
            verb = next(a for a in verbs if a.start >= directive.start)
            if any(
                directive.end <= b.start < verb.start for b in self.words.burdens.find(sentence)
            ):
                return None  # "Defendant must show a compelling reason to seal": a burden
            court = _COURT_MUST.search(sentence, 0, directive.start)
            if court is not None and not _OF.search(sentence, 0, court.start()):
                return None  # "(the district court must \u201ckeep in mind ...\u201d)", not
                # "the Clerk of Court shall"
            subject = _CLAUSE_BEFORE.split(sentence[: directive.start])[-1]
            if _A_PARTY.match(subject) and not (
                _WITHIN.search(sentence) or _FIXED.search(sentence)
            ):
                return None  # "A party may file a Motion to Seal ...", "In order to have ...
                # filed under seal, a party must file": the rule, not a leave
            party = party_named(self.words, sentence[: directive.start])
            if party is None and (agent := _BY_THE.match(sentence, verb.end)) is not None:
                party = party_named(self.words, agent["who"])  # "shall be sealed by the Clerk"
            if party is None and _RULE_CITED.match(following):
                return None  # "... the designating party must file a declaration ... Civ. L.R."
        elif directs is not None:
            if _LEAVE.fullmatch(sentence, directs.start, directs.end) and not (
                _WITHIN.search(sentence) or _FIXED.search(sentence)
            ):
                return None  # "the court will allow Plaintiffs to file their affidavits": a
                # motion for leave granted, no term set
            verb = next(a for a in verbs if a.start >= directs.end)
            named = self.words.parties.find(sentence[directs.end : verb.start])
            party = named[0].label if named else None
            directive = Found("directs", verb.start, verb.start)
        elif (bare := self._bare(sentence)) is not None:
            party, directive = bare
        else:
            return self.dated_event(sentence)
        what = sentence[directive.end :].strip().rstrip(".")
        within = _WITHIN.search(sentence)
        fixed = self._fixed(sentence)
        if within is not None:
            n = within["n"].lower()
            days = int(n) if n.isdigit() else _NUMBERS[n]
            business = bool(within["kind"]) and within["kind"].strip().lower() in {
                "business",
                "court",
            }
            after = self._this_order(within["after"])
            if self.words.order_triggers.find(after[:60]) or not after.strip():
                trigger: str | None = "this order"
                confidence = ORDERING if after.strip() else ASSUMED + 0.2
            elif (event := _TRIGGER.match(after)) is not None:
                trigger, confidence = event["event"].strip(), ORDERING
            else:
                trigger, confidence = "this order", ASSUMED + 0.2
            due = self.due(days, business) if trigger == "this order" else None
            return Act(party, what, days, business, trigger, None, due, sentence, confidence)
        if fixed is not None and (by := parse_date(fixed["d"])) is not None:
            return Act(party, what, None, False, None, by, by, sentence, ORDERING)
        if within is None and fixed is None and (by := self._without_year(sentence, timed)):
            return Act(party, what, None, False, None, by, by, sentence, ASSUMED + 0.2)
        if timed is not None and _SAME_TIME.search(sentence):
            return replace(
                timed, party=party, what=what, sentence=sentence, confidence=ASSUMED + 0.2
            )
        if party is None:
            return None  # no one to act and no time: nothing to enter
        return Act(party, what, None, False, None, None, None, sentence, PROSE)

    def _bare(self, sentence: str) -> tuple[str | None, Found] | None:
        """The party and the place after "to" of a direction said with no verb of command
        ("Plaintiff to give notice.", data: bare_directions), or None."""
        subject = _BARE_SUBJECT.match(sentence)
        if subject is None:
            return None
        named = self.words.parties.find(subject["who"])
        whole = named and named[0].start == 0 and named[-1].end == len(subject["who"])
        acted = self.words.bare_directions.find(sentence, subject.end(), subject.end() + 30)
        if not acted or acted[0].start != subject.end():
            return None
        party = party_named(self.words, subject["who"]) if whole else None
        return party, Found("directs", subject.end(), subject.end())

    def acts(self, sentence: str, timed: Act | None, following: str = "") -> list[Act]:
        """The acts ``sentence`` sets (see `act`), one for each act of a series one direction
        gives ("DIRECTS the Clerk of Court to DOCKET the declaration, to UNSEAL the motion, and
        to UNSEAL the order"), each with the direction's party and time."""
        act = self.act(sentence, timed, following)
        if act is None:
            return []
        start = sentence.find(act.what[:40]) if act.what else -1
        for joint in _CLAUSE_JOINT.finditer(sentence):
            semicolon = joint.start()
            if start < 0 or semicolon < start:
                continue
            rest = sentence[joint.end() :]
            then = self.act(rest, timed, following)
            if then is not None and then.party not in {None, act.party}:
                # "DENIED with leave to refile its motion ...; the Clerk of Court is hereby
                # DIRECTED to UNSEAL ...", "... must be filed by November 17, 2023, and Oh
                # must file any reply by November 29, 2023": each clause its own party's act
                cut = replace(act, what=sentence[start:semicolon].strip())
                return [*self._series(cut), *self.acts(rest, timed, following)]
        return self._series(act)

    def _series(self, act: Act) -> list[Act]:
        """``act`` as each act of a series one direction gives (see `acts`)."""
        first = self.words.acts.find(act.what[:20])
        if not first or first[0].start != 0:
            return [act]  # "shall have until July 7, 2021, to respond ...": one act, its time
        pieces, start = [], 0
        for joint in _SERIES.finditer(act.what):
            verb = self.words.acts.find(act.what[joint.end() : joint.end() + 20])
            if verb and verb[0].start == 0:
                pieces.append(act.what[start : joint.start()])
                start = joint.end()
        if not pieces:
            return [act]
        pieces.append(act.what[start:])
        return [replace(act, what=piece.strip()) for piece in pieces]

    def _without_year(self, sentence: str, timed: Act | None) -> date | None:
        """A date ``sentence`` sets as a term without its year ("by September 20 at 11:00
        a.m."), in the year of the paragraph's last date set, else of the order's date."""
        term = _NO_YEAR.search(sentence)
        if term is None:
            return None
        year = (
            timed.on_or_before.year
            if timed is not None and timed.on_or_before is not None
            else self.dated.year
            if self.dated is not None
            else None
        )
        return parse_date(f"{term['md']}, {year}") if year is not None else None

    def _fixed(self, sentence: str) -> re.Match[str] | None:
        """The first date ``sentence`` sets as a term ("on or before June 17, 2021"), not the
        day a thing was done ("the Protective Order entered by the Court on September 27, 2022";
        data: events), unless that day is still to come after the order's date ("until the
        Report is publicly filed on March 15, 2012"), nor the day the order was signed."""
        signed = [m.start("d") for m in SIGNED.finditer(sentence)]
        for fixed in _FIXED.finditer(sentence):
            if fixed.start("d") in signed:
                continue  # "signed by Magistrate Judge ... on 1/6/21": the order's own date
            if not _ON_A_DAY.match(fixed.group()):
                return fixed  # "on or before", "no later than", "by": a term
            day = parse_date(fixed["d"])
            then = self.words.events.find(sentence, fixed.end(), fixed.end() + _EVENT_AFTER)
            if then and day is not None and self.dated is not None and day < self.dated:
                continue  # "On November 22, 2011, the Court entered the ... protective order"
            done = self.words.events.find(sentence, max(0, fixed.start() - 40), fixed.start())
            if not (done and _BY_WHOM.match(sentence, done[-1].end, fixed.start())):
                return fixed
            if day is not None and self.dated is not None and day > self.dated:
                return fixed  # "until the Report is publicly filed on March 15, 2012"
        return None

    def _this_order(self, text: str) -> str:
        """``text`` with the order named by its title said "this order" ("of the date of this
        Memorandum and Order"; data: order_titles)."""
        for title in reversed(self.words.order_titles.find(text)):
            if re.search(r"\bthis\s+$", text[: title.start], re.I):
                text = text[: title.start] + "order" + text[title.end :]
        return text

    def dated_event(self, sentence: str) -> Act | None:
        """A sentence that directs no one but sets a date after the order ("unless a further
        motion is filed ... by 3:00 p.m. on 7/13/2018", "No later than 5:00 p.m. on March 8,
        2022, Defendant ..."): an act whose party may be unknown, with a low confidence."""
        fixed = self._fixed(sentence)
        by = parse_date(fixed["d"]) if fixed else None
        if SIGNED.search(sentence):
            return None  # "Signed by Judge ... on 7/18/12": the order's own date
        if self.words.recitals.find(sentence):
            return None  # "In that Order, the Court provided ... by no later than March 8"
        if fixed is None or not _DEADLINE_WORDS.search(sentence, 0, fixed.end("d")):
            return None  # "The Court held a hearing on March 20, 2013": an event, not a term
        if by is None or self.dated is None or by < self.dated:
            return None
        named = self.words.parties.find(sentence)
        party = named[0].label if named else None
        what = sentence.strip().rstrip(".")
        return Act(party, what, None, False, None, by, by, sentence, ASSUMED)

    def due(self, days: int, business: bool) -> date | None:
        if self.dated is None:
            return None
        if not business:
            return compute(self.dated, days)
        day, left = self.dated, days
        while left:
            day += timedelta(days=1)
            left -= is_court_day(day)
        return day


#: the docket number of a paper an act is about: "(#40)", "[40]", "ECF No. 55", "Doc. 12-3"
_PAPER_NUMBER = re.compile(
    r"(?:#\s*|\b(?:ECF|Docs?|Dkts?|Docket)\.?\s*(?:Nos?\.?\s*)?)(\d+(?:-\d+)?)|\[(\d+(?:-\d+)?)\]",
    re.I,
)
_DECREE = re.compile(r"\bORDER(?:ED|S)\b|\bIT IS\b")


def _papers(sentence: str) -> set[str]:
    return {a or b for a, b in _PAPER_NUMBER.findall(sentence)}


def said_again(act: Act, later: Sequence[Act]) -> bool:
    """Whether ``act``, which sets no time, is a direction the order says again in its decree
    with a time: a later act of the same party, in the ordering voice ("IT IS HEREBY ORDERED
    that the parties file briefs ... by April 4, 2013"), about a paper of the same docket
    number ("the Court directs the parties to provide briefing concerning whether ... (#40)
    should remain sealed")."""
    if act.days is not None or act.on_or_before is not None:
        return False
    papers = _papers(act.sentence)
    return bool(papers) and any(
        other.party == act.party
        and (other.days is not None or other.on_or_before is not None)
        and _DECREE.search(other.sentence)
        and papers & _papers(other.sentence)
        for other in later
    )


#: a deadline the clerk's docket text gives in its own words: "Show Cause Response due by
#: 9/4/2024", "Joint Status Report due by 3/15/2024"
_DOCKET_DUE = re.compile(rf"\b(?P<what>(?:[A-Z][\w-]*\s+){{1,5}})due\s+by\s+(?P<d>{DATE})")
#: a docket text's word for the paper due that names no act of its own
_ANY_PAPER = frozenset({"response", "responses", "reply", "replies", "brief", "briefs"})


def dated_by_docket(text: str, acts: Sequence[Act]) -> list[Act]:
    """``acts`` with each one the body sets with no time dated by the docket text's deadline
    that names it ("Show Cause Response due by 9/4/2024" dates "the Court ORDERS Defendants to
    show cause why ..."): by its words other than the paper's name ("Response"), all in the
    act's words. The docket text's line then sets no act of its own."""
    acts = list(acts)
    for due in _DOCKET_DUE.finditer(text):
        day = parse_date(due["d"])
        named = [w for w in due["what"].lower().split() if w not in _ANY_PAPER]
        if day is None or not named:
            continue
        for act in acts:
            words = set(re.findall(r"[\w-]+", act.what.lower()))
            untimed = act.days is None and act.on_or_before is None
            if untimed and set(named) <= words:
                dated = replace(act, on_or_before=day, due=day, confidence=ASSUMED + 0.2)
                said = due.group()  # the docket text's own line is no act beside it
                acts = [dated if a is act else a for a in acts if said not in a.sentence]
                break
    return acts


def timed_by_the_next(acts: Sequence[Act]) -> list[Act]:
    """``acts`` with a party's act that sets no time given the time of the next one, where that
    one names no one and is said in the passive of the paper the party's act names ("The parties
    may file supplemental briefs ... . Briefs will be filed and served ... no later than January
    4, 2023"): one act, the party's, with that time."""
    kept: list[Act] = []
    for act in acts:
        last = kept[-1] if kept else None
        subject = _PASSIVE_PAPER.match(act.sentence)
        if (
            last is not None
            and subject is not None
            and last.party is not None
            and act.party is None
            and last.days is None
            and last.on_or_before is None
            and (act.days is not None or act.on_or_before is not None)
            and _stem(subject["paper"]) in {_stem(w) for w in re.findall(r"[\w-]+", last.what)}
        ):
            kept[-1] = replace(
                last,
                days=act.days,
                business_days=act.business_days,
                trigger=act.trigger,
                on_or_before=act.on_or_before,
                due=act.due,
            )
            continue
        kept.append(act)
    return kept


def _stem(word: str) -> str:
    return word.lower().removesuffix("s")


#: a sentence whose subject is a paper, said in the passive with no one named: "Briefs will be
#: filed ...", "The declaration shall be submitted ...", "Any reply must be filed ..."
_PASSIVE_PAPER = re.compile(
    r"^\W*(?:(?:the|any|all|such|these|those|each|its|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?P<paper>[\w-]+)\s+(?:will|shall|must|(?:is|are)\s+to)\s+be\s+"
    r"(?:filed|served|submitted|lodged|e-?filed)\b",
    re.I,
)


def unique_acts(acts: Sequence[Act]) -> list[Act]:
    """Each act once: one party's same words said twice, or a direction said again in the
    decree with a time (`said_again`), are one act."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for i, act in enumerate(acts):
        if said_again(act, acts[i + 1 :]):
            continue
        key = (act.party, act.what)
        # the same party's same act by the same fixed date, said in the clerk's docket text and
        # again in the order ("no later than 10/25/2013, Plaintiff shall submit supplemental
        # materials" / "no later than October 25, 2013, Plaintiff shall submit a supplemental
        # filing")
        dated = (act.party, act.on_or_before, _first_word(act.what)) if act.on_or_before else None
        # or in the same period ("The plaintiff will be allowed 21 days within which to show
        # cause ... (cc: all counsel)" in the docket text, and again in the order)
        period = (act.party, act.days, act.trigger, _first_word(act.what)) if act.days else None
        if key not in seen and dated not in seen and period not in seen:
            seen.add(key)
            seen |= {k for k in (dated, period) if k is not None}
            kept.append(act)
    return kept


def _first_word(what: str) -> str:
    """The act's verb, the first word of its words after any period said before it ("within
    14 days resubmit all documents": "resubmit")."""
    words = _PERIOD_FIRST.sub("", what).lower().split()
    return words[0] if words else ""


#: a period said before the act's verb: "within 14 days", "within fourteen (14) days hereof"
_PERIOD_FIRST = re.compile(
    r"^\s*within\s+\w+\s+(?:\(\d+\)\s+)?(?:(?:business|calendar|court)\s+)?days?\b\s*", re.I
)
