"""A declaration supporting a claim of privilege, checked against the showing courts require.

A party that withholds or claws back a document under a privilege carries the burden of
showing, document by document, that the privilege applies; the showing is usually made by a
declaration. Courts set a threshold for each privilege (for the law enforcement privilege: a
formal claim by a responsible official, after personal review, identifying the specific
documents and the specific harm each would cause, including why production under the
protective order would still cause it: Kelly v. City of San Jose, 114 F.R.D. 653 (N.D. Cal.
1987)), and they reject harm that is generic or hypothetical: unnamed "hostile actors", what
"could" or "may" happen, harm to other people, information "of this type".

The thresholds are data (``data/declaration_standards.yaml``, read by `standards_from`): each
`Standard` is a privilege with its governing authority and its `Element`\\ s; each element and
each `FlagRule` is a set of cue groups (`Cues`). `check` reads the declaration sentence by
sentence (`clawback.domain.sentences`) and reports, for each privilege it claims, every element
with the first sentence that meets it (or none), and every flagged sentence, quoted.

This is a drafting aid, not a ruling: a met element means the declaration *says* the thing in
words courts look for, not that a court will find it enough.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from clawback.domain.errors import InvalidInput
from clawback.domain.order_text import clean
from clawback.domain.references import read_references
from clawback.domain.sentences import paragraphs

__all__ = [
    "Cues",
    "DeclarationReport",
    "Element",
    "ElementFinding",
    "Flag",
    "FlagRule",
    "Standard",
    "Standards",
    "check",
    "standards_from",
]

_NUMBER = r"[0-9][0-9,.]*"
_GAP = r"(?:\W+\w+){0,6}?\W+"


def _cue_pattern(cue: str) -> str:
    """The regular expression for one cue phrase (see the data file's header)."""
    pattern = ""
    joined = True  # no space is needed before the first word, nor after a gap
    for word in cue.split():
        if word == "...":
            pattern += _GAP
            joined = True
            continue
        if word == "#":
            body = _NUMBER
        else:
            body = re.escape(word.rstrip("*")).replace("\\#", _NUMBER).replace("'", "['\u2019]")
            body += r"\w*" if word.endswith("*") else ""
        pattern += body if joined else r"\s+" + body
        joined = False
    head = r"(?<!\w)" if cue[:1].isalnum() or cue[:1] == "#" else ""
    tail = r"(?!\w)" if cue[-1:].isalnum() or cue[-1:] == "#" else ""
    return head + pattern + tail


@dataclass(frozen=True)
class Cues:
    """Groups of cue phrases: a sentence matches when it holds one cue of every group."""

    groups: tuple[tuple[str, ...], ...]
    _patterns: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = tuple(
            re.compile("|".join(_cue_pattern(c) for c in group), re.IGNORECASE)
            for group in self.groups
        )
        object.__setattr__(self, "_patterns", patterns)

    def match(self, sentence: str) -> bool:
        return bool(self._patterns) and all(p.search(sentence) for p in self._patterns)


@dataclass(frozen=True)
class Element:
    """One thing the declaration must show: ``name`` and ``why`` are the court's terms.

    With ``each_document``, the element must be shown for every document the declaration
    names (by Bates number or exhibit): a paragraph that names the document holds a sentence
    meeting the element. ``unless`` undoes a match (a deputy's title is no head's), and
    ``anyway`` undoes ``unless`` (the head delegated the claim to that deputy)."""

    key: str
    name: str
    why: str
    cues: Cues
    each_document: bool = False
    unless: Cues | None = None
    anyway: Cues | None = None

    def met_by(self, sentence: str) -> bool:
        if not self.cues.match(sentence):
            return False
        if self.unless is None or not self.unless.match(sentence):
            return True
        return self.anyway is not None and self.anyway.match(sentence)


@dataclass(frozen=True)
class Standard:
    """A privilege's threshold: the phrases that claim it, its authority and its elements."""

    key: str
    name: str
    authority: str
    claimed_by: Cues
    elements: tuple[Element, ...]


@dataclass(frozen=True)
class FlagRule:
    """A kind of sentence courts reject: raised where ``when`` matches and ``unless`` does not."""

    key: str
    name: str
    why: str
    when: Cues
    unless: Cues | None

    def raised_by(self, sentence: str) -> bool:
        return self.when.match(sentence) and not (
            self.unless is not None and self.unless.match(sentence)
        )


@dataclass(frozen=True)
class Standards:
    """Every privilege's threshold and every flag, as read from the data file."""

    standards: tuple[Standard, ...]
    flags: tuple[FlagRule, ...]

    def get(self, key: str) -> Standard:
        for standard in self.standards:
            if standard.key == key:
                return standard
        known = ", ".join(s.key for s in self.standards)
        raise InvalidInput(f"no such privilege: {key!r} (known: {known})")


@dataclass(frozen=True)
class ElementFinding:
    """An element and the first sentence that meets it, or None when none does; for an element
    shown document by document, the documents named that no such sentence is tied to."""

    element: Element
    sentence: str | None
    untied: tuple[str, ...] = ()

    @property
    def met(self) -> bool:
        return self.sentence is not None and not self.untied


@dataclass(frozen=True)
class Flag:
    """A flagged sentence, quoted, and the rule that flagged it."""

    rule: FlagRule
    sentence: str


@dataclass(frozen=True)
class DeclarationReport:
    """For each privilege checked, its elements as found; and every flagged sentence."""

    checked: tuple[tuple[Standard, tuple[ElementFinding, ...]], ...]
    flags: tuple[Flag, ...]

    @property
    def missing(self) -> list[tuple[Standard, Element]]:
        return [
            (standard, finding.element)
            for standard, findings in self.checked
            for finding in findings
            if not finding.met
        ]

    @property
    def ready(self) -> bool:
        """No element missing and no sentence flagged."""
        return not self.missing and not self.flags


def _documents(paragraph: Sequence[str]) -> dict[str, str]:
    """The documents a paragraph names: a key for each Bates range or exhibit, and how the
    paragraph writes it."""
    named: dict[str, str] = {}
    text = " ".join(paragraph)
    refs = read_references(text)
    for citation in refs.bates:
        for rng in citation.ranges:
            named.setdefault(f"{rng.series}{rng.first.number}-{rng.last.number}", str(rng))
    for ref in refs.exhibits:
        for exhibit in ref.exhibits:  # "Ex. 5", "Ex. A", "Ex. 5-A": one key per spelling
            named.setdefault(f"Ex. {exhibit.canonical}", f"Ex. {exhibit}")
    return named


def _finding(element: Element, said: Sequence[Sequence[str]]) -> ElementFinding:
    first = next((x for p in said for x in p if element.met_by(x)), None)
    if not element.each_document:
        return ElementFinding(element, first)
    named: dict[str, str] = {}
    tied: set[str] = set()
    for paragraph in said:
        here = _documents(paragraph)
        named.update({k: v for k, v in here.items() if k not in named})
        if any(element.met_by(x) for x in paragraph):
            tied.update(here)
    return ElementFinding(element, first, tuple(v for k, v in named.items() if k not in tied))


def check(text: str, standards: Standards, privileges: Sequence[str] = ()) -> DeclarationReport:
    """Check the declaration ``text`` for the ``privileges`` named (keys of ``standards``), or
    else for every privilege it claims. InvalidInput when it claims none and none is named."""
    said = paragraphs(_unstamped(text))
    every = [x for p in said for x in p]
    if privileges:
        chosen = [standards.get(key) for key in privileges]
    else:
        chosen = [s for s in standards.standards if any(s.claimed_by.match(x) for x in every)]
    if not chosen:
        known = ", ".join(s.key for s in standards.standards)
        raise InvalidInput(
            f"the declaration claims no privilege clawback knows; name one ({known})"
        )
    checked = tuple(
        (standard, tuple(_finding(element, said) for element in standard.elements))
        for standard in chosen
    )
    flags = tuple(Flag(rule, x) for x in every for rule in standards.flags if rule.raised_by(x))
    return DeclarationReport(checked, flags)


_SLIP_SHEET = re.compile(r"^[ \t]*EXHIBIT[ \t]+[A-Z0-9][A-Z0-9.-]{0,5}[ \t]*$", re.M)


def _unstamped(text: str) -> str:
    """The declaration without what the filing added to it: the ECF header on each page, the
    pleading paper's line numbers, the ``EXHIBIT 1`` slip sheet it was filed under."""
    return _SLIP_SHEET.sub("", clean(text)[0])


# -- reading the data file ---------------------------------------------------------------------


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"declaration standards: {where} has no {key!r} text")
    return " ".join(value.split())


def _cues(value: Any, where: str) -> Cues:
    groups = [value] if value and all(isinstance(v, str) for v in value) else value
    if not isinstance(groups, list) or not groups:
        raise InvalidInput(f"declaration standards: {where} has no cue groups")
    for group in groups:
        if (
            not isinstance(group, list)
            or not group
            or not all(isinstance(c, str) and c.strip() for c in group)
        ):
            raise InvalidInput(f"declaration standards: {where} has a group that is not cues")
    return Cues(tuple(tuple(group) for group in groups))


def standards_from(data: Any) -> Standards:
    """The standards and flags of the data file's contents (parsed YAML), checked."""
    if not isinstance(data, Mapping) or not isinstance(data.get("standards"), Mapping):
        raise InvalidInput("declaration standards: no 'standards' mapping")
    standards = []
    for key, entry in data["standards"].items():
        where = f"standard {key!r}"
        if not isinstance(entry, Mapping) or not entry.get("elements"):
            raise InvalidInput(f"declaration standards: {where} has no elements")
        elements = tuple(
            Element(
                _text(e, "key", f"{where}, an element"),
                _text(e, "name", f"{where}, element {e.get('key')!r}"),
                _text(e, "why", f"{where}, element {e.get('key')!r}"),
                _cues(e.get("any_of"), f"{where}, element {e.get('key')!r}"),
                e.get("each_document") is True,
                _cues(e["unless"], f"{where}, element {e.get('key')!r}")
                if e.get("unless")
                else None,
                _cues(e["met_anyway_by"], f"{where}, element {e.get('key')!r}")
                if e.get("met_anyway_by")
                else None,
            )
            for e in entry["elements"]
        )
        standards.append(
            Standard(
                str(key),
                _text(entry, "name", where),
                _text(entry, "authority", where),
                _cues([entry.get("claimed_by")], where),
                elements,
            )
        )
    flags = tuple(
        FlagRule(
            _text(f, "key", "a flag"),
            _text(f, "name", f"flag {f.get('key')!r}"),
            _text(f, "why", f"flag {f.get('key')!r}"),
            _cues(f.get("when"), f"flag {f.get('key')!r}"),
            _cues(f["unless"], f"flag {f.get('key')!r}") if f.get("unless") else None,
        )
        for f in data.get("flags") or []
    )
    return Standards(tuple(standards), flags)
