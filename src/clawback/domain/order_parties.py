"""The parties an order names by name: the caption's "DAIRY, LLC, ..., Plaintiff, v. MILK
MOOVEMENT, INC., ..., Defendants." lets the body's "Milk Moovement may bring a renewed request to
seal" name the defendant, as "Defendants" would; and the short names the body defines for a side
("Defendants Northern Grain Company (“NGC”) and Lakeside Storage (“Lakeside”)",
"(collectively, “Defendants”)") let "The Court ORDERS Lakeside to serve" name it too; and a
person a side's word introduces ("Plaintiff Brad Warrington", "Applicant Hyo-Seob Oh") is that
side by the surname ("Warrington may file", "Oh must serve").
Part of `clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from clawback.domain.order_words import OrderWords

__all__ = ["caption_names", "defined_names", "surnames", "with_caption_parties"]

#: a party's name as a caption writes it before its first comma: up to three words, each capital
_NAME = r"(?:[A-Z][\w&'\u2019.-]*[ \t]+){0,2}[A-Z][\w&'\u2019.-]*"
_CAPTION = re.compile(
    rf"(?P<plaintiff>{_NAME}),[^\n]{{0,200}}?\bPlaintiffs?\b[\s,.;:*]*(?:v\.|vs\.?|versus)\s+"
    rf"(?P<defendant>{_NAME}),[^\n]{{0,300}}?\bDefendants?\b"
)
#: a business form after the name, which the body leaves out: "ACME ROCKETS CORP." is "Acme Rockets"
_FORM = re.compile(
    r"(?:[ \t]+(?:corp|corporation|inc|co|company|llc|l\.l\.c|ltd|lp|l\.p|plc|n\.a)\.?)+$", re.I
)
_CUT = re.compile(r"(?:of|and|the|in)\s", re.I)
#: how far into the text a caption may stand
_CAPTION_REACH = 3000
#: a short name defined in brackets: "(“EPA”)", "(collectively, “Agencies”)", "(“the Times”)",
#: or with no quotation marks after "the": "(the Plan)", "(the Company)"
_DEFINED = re.compile(
    r"\(\s*(?:(?:collectively|together|jointly)\s*,?\s*)?(?:the\s+)?[“\"](?:the\s+)?"
    r"(?P<name>[A-Z][^”\"\n()]{1,40})[”\"]\s*\)"
    r"|\(\s*the\s+(?P<bare>[A-Z][\w&'\u2019-]+(?:[ \t]+[A-Z][\w&'\u2019-]+){0,2})\s*\)"
)
#: what may stand between a side's word and its first short name, or between two short names of
#: one list: the long names, in capitals ("Environmental Protection Agency", ", and U.S. Fish
#: and Wildlife Service", "Lakeside Storage, LLC")
_LONG_NAME = re.compile(
    r"[\s,]*(?:and\s+)?(?:(?:[A-Z][\w&'\u2019.-]*|No\.\s+\d+|of|and|the|for|&)(?:[\s,]+|$)){0,12}"
)
#: the sides a short name may be defined for (never "the parties" or the clerk)
_SIDES = ("plaintiff", "defendant", "nonparty")


def caption_names(text: str) -> dict[str, list[str]]:
    """Each side's name in the caption ``text`` opens with, as ``{"plaintiff": [...],
    "defendant": [...]}``; empty when the text opens with no caption so written."""
    caption = _CAPTION.search(text, 0, _CAPTION_REACH)
    if caption is None:
        return {}
    names = {
        side: _FORM.sub("", " ".join(caption[side].split())) for side in ("plaintiff", "defendant")
    }
    return {
        side: [name]
        for side, name in names.items()
        if len(name) >= 4 and not _CUT.match(name)  # "OF WILLIAM ARTEMUS": a name cut short
    }


def defined_names(text: str, words: OrderWords) -> dict[str, list[str]]:
    """The short names ``text`` defines for a side, as ``{"defendant": ["EPA", ...]}``: each of
    a list of bracketed names that follows a side's word, or that ends in a group defined as a
    side ("... (“Roe”) (collectively, “Defendants”)"). A name of a paper
    (“Motion to Amend”) is none."""
    found: dict[str, list[str]] = {}
    run: list[str] = []
    start = end = 0
    for defined in [*_DEFINED.finditer(text), None]:
        if defined is not None and run and _LONG_NAME.fullmatch(text, end, defined.start()):
            run.append(_name(defined))
        else:
            side = _side_of(text, start, run, words)
            if side is not None:
                found.setdefault(side, []).extend(
                    n for n in run if not words.parties.find(n) and not words.papers.find(n)
                )
            if defined is None:
                break
            run, start = [_name(defined)], defined.start()
        end = defined.end()
    return {side: names for side, names in found.items() if names}


def _name(defined: re.Match[str]) -> str:
    """The short name a bracket defines, quoted or bare ("(the Plan)": "Plan")."""
    return defined["name"] or defined["bare"]


def _side_of(text: str, start: int, run: list[str], words: OrderWords) -> str | None:
    """The side a list of short names starting at ``start`` is defined for: the group's own
    word, or the side's word just before the list's first long name."""
    for name in reversed(run):
        named = words.parties.find(name)
        if named and named[0].label in _SIDES:
            return named[0].label
    if not run:
        return None
    before = text[max(0, start - 200) : start]
    for side in reversed(words.parties.find(before)):
        if _LONG_NAME.fullmatch(before, side.end):
            return side.label if side.label in _SIDES else None
    return None


#: a person a side's word introduces, by a first name and a surname (a middle name or initial
#: between): "Plaintiff Brad Warrington", "Applicant Hyo-Seob Oh", "Defendants Eric Holder"
_PERSON = re.compile(
    r"\b(?P<side>[A-Z][a-z]+)[ \t]+(?:[A-Z][a-z][\w'\u2019-]*[ \t]+)(?:[A-Z][\w-]*\.?[ \t]+)?"
    r"(?P<name>[A-Z][a-z][\w-]*)\b"
)


def surnames(text: str, words: OrderWords) -> dict[str, list[str]]:
    """The surnames of the persons ``text`` introduces by a side's word, as ``{"plaintiff":
    ["Warrington"]}``; never a surname the text also writes in small letters ("Defendant Carol
    May" names no "may"), nor one that is a side's or a paper's word."""
    found: dict[str, list[str]] = {}
    for person in _PERSON.finditer(text):
        side = words.parties.find(person["side"])
        name = person["name"]
        if not side or side[0].label not in _SIDES or words.parties.find(name):
            continue
        if words.papers.find(name) or re.search(rf"\b{re.escape(name.lower())}\b", text):
            continue
        if name not in found.setdefault(side[0].label, []):
            found[side[0].label].append(name)
    return found


def with_caption_parties(words: OrderWords, text: str) -> OrderWords:
    """``words`` with the caption's names of the parties, and the short names the order
    defines for each side, among its words for each side."""
    names = caption_names(text)
    for side, defined in [*defined_names(text, words).items(), *surnames(text, words).items()]:
        names[side] = [*names.get(side, []), *defined]
    return replace(words, parties=words.parties.extended(names)) if names else words
