"""Drafting the ordering paragraphs of a proposed order from the structured record.

A court's order ends with numbered paragraphs that dispose of each request: the claw-back
requests first, one paragraph per document or per family of documents the request covered
("Defendants' request to claw back the documents bearing Bates numbers AOL-DEF-00556914 through
AOL-DEF-00556934 (Gov't Exs. 1-17) is DENIED."), then the motion to seal, then what a party
must do by when ("Within 14 days of the date of this Order, Defendants shall ...").

Everything here is derived from claims, rulings, sealing decisions and deadlines; the words for a
granted item are its ``what`` description, never its ``texts``, and a draft that would quote an
item's text anyway is refused. Nothing here reads or writes files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from clawback.domain.bates import BatesError, BatesNumber, BatesRange, parse_ranges
from clawback.domain.claims import (
    Claim,
    Request,
    Result,
    Ruling,
    Scope,
    State,
    check_ruling,
    governing,
)
from clawback.domain.deadlines import Deadline
from clawback.domain.documents import Exhibit, Item, find_exhibit
from clawback.domain.drafting_paper_seals import papers_paragraph
from clawback.domain.drafting_papers import paper_paragraphs
from clawback.domain.drafting_seals import SealStyle, seal_paragraph
from clawback.domain.errors import RuleViolation
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.outcomes import ACCESS, Access, words
from clawback.domain.paper_seals import PaperItem, PaperSealDecision
from clawback.domain.pinpoints import FiledPaper
from clawback.domain.seal_parts import Movant
from clawback.domain.sealing import MotionToSeal, SealDecision, decide


class Disposition(StrEnum):
    granted = "granted"
    denied = "denied"
    granted_in_part = "granted_in_part"
    directive = "directive"


def _seal_style(style: _Style, receiving_label: str | None) -> SealStyle:
    """How a seal paragraph names movants and cites exhibits: a receiving party's motion
    to seal cites its exhibits (attached to its own papers) by that party's label; everything
    else by the producing party's."""
    theirs = replace(style, exhibit_label=receiving_label)

    def cite(exhibits: Sequence[Exhibit], movant: Movant) -> str:
        return (theirs if movant is Movant.receiving else style).cite(exhibits)

    def movant(who: Movant) -> str:
        return {
            Movant.receiving: _possessive(style.receiving),
            Movant.both: "The parties'",
        }.get(who, style.party)

    def actor(who: Movant) -> str:
        return style.actor({Movant.receiving: "receiving", Movant.both: "both"}.get(who))

    return SealStyle(style.exhibits, cite, movant, actor)


@dataclass(frozen=True)
class Paragraph:
    """One numbered ordering paragraph, with a structured copy of what it disposes of."""

    number: int
    text: str  # without its number; ``str(paragraph)`` gives "1. Defendants' request ..."
    bates: tuple[BatesRange, ...]
    exhibits: tuple[int, ...]
    disposition: str  # a Disposition value

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


def render(paragraphs: Iterable[Paragraph]) -> str:
    """The paragraphs as an order prints them, one numbered paragraph a line."""
    return "\n".join(str(p) for p in paragraphs)


def ordering_paragraphs(
    exhibits: Sequence[Exhibit],
    claims: Sequence[Claim],
    rulings: Sequence[Ruling],
    motion: MotionToSeal | None,
    seal_granted: bool | None,
    deadlines: Sequence[Deadline],
    producing: str = "Defendants",
    court_deadline_words: bool = True,
    *,
    exhibit_label: str | None = "Gov't Ex.",
    seal_decisions: Sequence[SealDecision] | None = None,
    receiving: str = "Plaintiffs",
    seal_motions: Sequence[tuple[MotionToSeal, Sequence[SealDecision]]] = (),
    receiving_label: str | None = None,
    papers: Sequence[FiledPaper] = (),
    paper_seals: Mapping[str, Sequence[PaperSealDecision]] | None = None,
    paper_items: Mapping[str, Sequence[PaperItem]] | None = None,
) -> list[Paragraph]:
    """The ordering paragraphs: claw-back requests, each motion to seal or to unseal (and what
    the court seals on its own motion), then the deadlines.

    ``seal_motions``: every ruled motion with the court's decisions on it, in the order they
    were ruled, one paragraph each. ``motion`` (one more, after them): ``seal_granted`` says
    whether the sealing standard was met (None: the motion is not yet decided, so no
    paragraph); the per-exhibit outcome is then that of ``sealing.decide``, unless the court's
    own ``seal_decisions`` are given. ``court_deadline_words`` writes "Within 14 days of the
    date of this Order"; otherwise the due date is written out. ``exhibit_label`` names the
    producing party's exhibits after their Bates numbers ("(Gov't Exs. 1-17)"), and
    ``receiving_label`` the receiving party's (those of its motions; "Pls.' Ex." by default);
    None leaves them out. ``paper_seals``: by motion docket, the decisions on the filed papers
    each names (``drafting_paper_seals``), their items in ``paper_items`` by docket entry;
    ``papers``: the filed papers the reader may know of, for claims over them
    (``drafting_papers``).
    """
    style = _Style(exhibits, producing, exhibit_label, receiving)
    drafts: list[tuple[str, tuple[Exhibit, ...], tuple[BatesRange, ...], Disposition | Result]] = []
    for group in _clawback_groups(exhibits, claims, rulings):
        drafts.append(_clawback_paragraph(group, style))
    # claims over filed papers (``papers``: those the reader may know of), by docket entry
    for text, result in paper_paragraphs(papers, exhibits, claims, rulings, producing, receiving):
        drafts.append((text, (), (), Result(result)))
    motions = list(seal_motions)
    if motion is not None:
        decisions = _seal_decisions(motion, exhibits, seal_granted, seal_decisions)
        if decisions:
            motions.append((motion, decisions))
    theirs = receiving_label or _party_label(receiving)
    words = _seal_style(style, None if exhibit_label is None else theirs)
    dated = {d.act.strip().rstrip(".") for d in deadlines}
    for moved, decided in motions:
        ruled = [d for d in decided if d.exhibit in set(moved.exhibits)]
        on_papers = [
            d for d in (paper_seals or {}).get(moved.docket, ()) if d.paper in set(moved.papers)
        ]
        text, disposition = "", ""
        shown: tuple[Exhibit, ...] = ()
        if ruled:
            text, shown, disposition = seal_paragraph(moved, ruled, words)
        if on_papers:
            text, disposition = papers_paragraph(
                moved,
                on_papers,
                paper_items or {},
                words,
                dated,
                after=text,
                after_disposition=disposition or None,
            )
        if text:
            bates = tuple(rng for rng, _ in _runs(shown))
            drafts.append((text, shown, bates, Disposition(disposition)))
    for batch in _deadline_batches(deadlines):
        drafts.append(_deadline_paragraph(batch, style, court_deadline_words))
    paragraphs = [
        Paragraph(
            number=n,
            text=text,
            bates=bates,
            exhibits=tuple(sorted({e.number for e in shown})),
            disposition=disposition.value,
        )
        for n, (text, shown, bates, disposition) in enumerate(drafts, start=1)
    ]
    _refuse_disclosure(paragraphs, exhibits)
    return paragraphs


# --- style: how documents, exhibits and pages are cited ------------------------------------

_SHORT = {
    "defendants": "Defs.'",
    "plaintiffs": "Pls.'",
    "defendant": "Def.'s",
    "plaintiff": "Pl.'s",
}
_GOVERNMENT = re.compile(
    r"\bUnited States\b|\bU\.S\.|\bfederal\b|\bgovernment\b|\bgov't", re.IGNORECASE
)


def exhibit_label(producing: str, described_as: str = "") -> str:
    """How an order labels the producing party's exhibits: "Gov't Ex." when that party is the
    government (``described_as``: the case's description of it), else by the name the order
    uses: "Defs.' Ex.", "Pls.' Ex.", "Def.'s Ex.", or "Acme's Ex."."""
    if _GOVERNMENT.search(described_as) or _GOVERNMENT.search(producing):
        return "Gov't Ex."
    name = producing.strip()
    return f"{_SHORT.get(name.casefold(), _possessive(name))} Ex."


_party_label = exhibit_label  # ``ordering_paragraphs`` has a parameter of that name


@dataclass(frozen=True)
class _Style:
    exhibits: Sequence[Exhibit]
    producing: str
    exhibit_label: str | None
    receiving: str = "Plaintiffs"

    @property
    def party(self) -> str:
        return _possessive(self.producing)

    def actor(self, party: str | None) -> str:
        """Who an act is for, as the order names them: a side's name, "the parties" for the
        two together; an act of no party's is the producing party's (the order's directives)."""
        return {"receiving": self.receiving, "both": "the parties"}.get(party or "", self.producing)

    def cite(self, exhibits: Iterable[Exhibit]) -> str:
        """``the documents bearing Bates numbers X through Y, ... (Gov't Exs. 1-13, 18 and 19)``."""
        ordered = sorted({e.number: e for e in exhibits}.values(), key=lambda e: e.identifier)
        phrases = []
        for rng, count in _runs(ordered):
            if count > 1:
                full = f"{rng.first} through {rng.last}"
                phrases.append(f"the documents bearing Bates numbers {full}")
            elif len(rng) == 1:
                phrases.append(f"the document bearing Bates number {rng.first}")
            else:
                phrases.append(f"the document bearing Bates numbers {rng.abbreviated()}")
        cited = _join(phrases, oxford=True)
        if self.exhibit_label is None:
            return cited
        return f"{cited} ({_exhibit_list([e.identifier for e in ordered], self.exhibit_label)})"


def _runs(ordered: Sequence[Exhibit]) -> list[tuple[BatesRange, int]]:
    """Exhibits in number order, joined while each starts on the page after the last one ends."""
    runs: list[tuple[BatesRange, int]] = []
    for exhibit in ordered:
        if runs:
            top, count = runs[-1]
            rng = exhibit.span  # a family exhibit's pages are its attachments' too
            if top.series == rng.series and rng.first.number == top.last.number + 1:
                runs[-1] = (BatesRange(top.first, rng.last), count + 1)
                continue
        runs.append((exhibit.span, 1))
    return runs


def _exhibit_list(ids: Iterable[ExhibitId], label: str) -> str:
    """``Gov't Exs. 1-13, 18 and 19``, ``Exs. A-F and H``: each exhibit as the court writes
    it; runs of three or more joined by a hyphen."""
    ordered = sorted(set(ids))
    spans: list[list[ExhibitId]] = []
    for n in ordered:
        if spans and n == spans[-1][-1].next():
            spans[-1].append(n)
        else:
            spans.append([n])
    parts: list[str] = []
    for span in spans:
        parts.extend([f"{span[0]}-{span[-1]}"] if len(span) > 2 else [str(n) for n in span])
    return f"{label if len(ordered) == 1 else _plural(label)} {_join(parts)}"


def _plural(label: str) -> str:
    return f"{label[:-1]}s." if label.endswith(".") else f"{label}s"


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _join(parts: Sequence[str], oxford: bool = False) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return f"{', '.join(parts[:-1])}{',' if oxford else ''} and {parts[-1]}"


def _pages(pages: Iterable[BatesNumber]) -> str:
    """``page X``, ``pages X and Y``, ``pages X through Z``: runs of three or more as a range."""
    unique = sorted(set(pages), key=lambda p: (p.series, p.number))
    runs: list[list[BatesNumber]] = []
    for page in unique:
        if runs and runs[-1][-1].series == page.series and page.number == runs[-1][-1].number + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    parts: list[str] = []
    for run in runs:
        if len(run) > 2:
            parts.append(f"{run[0]} through {run[-1]}")
        else:
            parts.extend(str(p) for p in run)
    return f"{'page' if len(unique) == 1 else 'pages'} {_join(parts)}"


# --- claw-back requests ---------------------------------------------------------------------


@dataclass
class _Standing:
    """What the ruled claims over one exhibit came to."""

    exhibit: Exhibit
    claims: set[str] = field(default_factory=set)
    whole_granted: bool = False
    rest_denied: bool = False  # a document claim was ruled without being granted whole
    granted: set[str] = field(default_factory=set)  # item ids
    denied: set[str] = field(default_factory=set)  # item ids claimed by name and not granted
    other: set[Result] = field(default_factory=set)  # outcomes besides granted and denied
    requests: set[Request] = field(default_factory=set)

    @property
    def disposition(self) -> Disposition | Result:
        if len(self.other) == 1 and not self.granted:
            (result,) = self.other
            return result
        if self.whole_granted:
            return Disposition.granted
        if not self.granted:
            return Disposition.denied
        if self.rest_denied or self.denied - self.granted:
            return Disposition.granted_in_part
        return Disposition.granted


@dataclass(frozen=True)
class _Group:
    standings: tuple[_Standing, ...]
    disposition: Disposition | Result


def _clawback_groups(
    exhibits: Sequence[Exhibit], claims: Sequence[Claim], rulings: Sequence[Ruling]
) -> list[_Group]:
    """One group per document, or per family whose members share the claims and the outcome."""
    by_claim = governing(rulings)
    standings: dict[int, _Standing] = {}
    for claim in claims:
        ruling = by_claim.get(claim.id)
        if ruling is None or claim.state is State.withdrawn or not claim.exhibits:
            continue  # a claim over filed papers only: ``drafting_papers``
        if not claim.papers:  # one naming papers too is checked with them (drafting_papers)
            check_ruling(claim, ruling, exhibits)
        protects = ACCESS[ruling.result] is Access.protected
        granted = set(ruling.items or claim.items) if protects else set()
        whole = (
            claim.scope is Scope.document
            and protects
            and ruling.result is not Result.granted_in_part
            and not ruling.items
        )
        for number in claim.exhibits:
            exhibit = find_exhibit(exhibits, number)
            standing = standings.setdefault(number, _Standing(exhibit))
            standing.claims.add(claim.id)
            standing.requests.add(claim.request)
            if ruling.result not in _PLAIN:
                standing.other.add(ruling.result)
            on_exhibit = {i.id for i in exhibit.items}
            standing.granted |= on_exhibit & granted
            if claim.scope is Scope.item:
                standing.denied |= on_exhibit & (set(claim.items) - granted)
            elif whole:
                standing.whole_granted = True
            else:
                standing.rest_denied = True
    groups: dict[tuple[object, ...], list[_Standing]] = {}
    for number in sorted(standings):
        standing = standings[number]
        family = standing.exhibit.family
        key: tuple[object, ...] = (
            ("family", family, tuple(sorted(standing.claims)), standing.disposition)
            if family is not None
            else ("document", number)
        ) + (tuple(sorted(standing.requests)),)
        groups.setdefault(key, []).append(standing)
    ordered = sorted(groups.values(), key=lambda g: g[0].exhibit.identifier)
    return [_Group(tuple(g), g[0].disposition) for g in ordered]


_PLAIN = frozenset({Result.granted, Result.denied, Result.granted_in_part})
# A motion to compel is the other side of the privilege: its words for the other outcomes.
_COMPEL_WORDS = {
    Result.waived: "GRANTED: the privilege has been waived",
    Result.withdrawn: "GRANTED: the claim of privilege has been withdrawn",
    Result.conditionally_granted: "DENIED on the conditions this Order states",
    Result.granted_subject_to_supplement: "HELD IN ABEYANCE pending a supplemental submission",
    Result.denied_without_prejudice: "GRANTED without prejudice to a renewed claim of privilege",
}


def _clawback_paragraph(
    group: _Group, style: _Style
) -> tuple[str, tuple[Exhibit, ...], tuple[BatesRange, ...], Disposition | Result]:
    shown = tuple(s.exhibit for s in group.standings)
    compel = {r for s in group.standings for r in s.requests} == {Request.compel}
    if compel:  # the receiving side's motion: what upholds the privilege DENIES it
        head = f"{_possessive(style.receiving)} motion to compel production of"
        yes, no = "DENIED", "GRANTED"
    else:
        head = f"{style.party} request to claw back"
        yes, no = "GRANTED", "DENIED"
    head = f"{head} {style.cite(shown)} is"
    disposition = group.disposition
    if isinstance(disposition, Result):
        said = _COMPEL_WORDS.get(disposition) if compel else None
        text = f"{head} {said or words(disposition)}."
    elif disposition is Disposition.denied:
        text = f"{head} {no}."
    elif all(s.whole_granted for s in group.standings):
        text = f"{head} {yes}."
    else:
        granted = [i for s in group.standings for i in s.exhibit.items if i.id in s.granted]
        text = f"{head} {yes} with respect to {_describe(granted)}"
        if disposition is Disposition.granted_in_part:
            denied = [
                i
                for s in group.standings
                for i in s.exhibit.items
                if i.id in s.denied and i.id not in s.granted
            ]
            granted_pages = {i.page for i in granted}
            rest_denied = any(s.rest_denied for s in group.standings)
            if rest_denied or all(i.page in granted_pages for i in denied):
                text += f" and is otherwise {no}."
            else:
                pages = _pages(i.page for i in denied)
                text += f" and {no} as to all other information on {pages}."
        else:
            text += "."
    bates = tuple(rng for rng, _ in _runs(shown))
    return text, shown, bates, disposition


def _describe(items: Sequence[Item]) -> str:
    """``the A and the B on page X and page Y (C)``, from the items' descriptions, page by page."""
    by_page: dict[BatesNumber, list[Item]] = {}
    for item in items:
        by_page.setdefault(item.page, []).append(item)
    parts = []
    for page, on_page in by_page.items():
        whole = [i for i in on_page if i.whole_page]
        spans = [i for i in on_page if not i.whole_page]
        if spans:
            parts.append(f"{_join([_the(i.what) for i in spans])} on page {page}")
        parts.extend(f"page {page} ({i.what.strip()})" for i in whole)
    return _join(parts)


def _the(what: str) -> str:
    words = what.strip()
    lowered = words.lower()
    if lowered.startswith(("the ", "a ", "an ")):
        return words
    return f"the {words}"


# --- the motion to seal ---------------------------------------------------------------------


def _seal_decisions(
    motion: MotionToSeal,
    exhibits: Sequence[Exhibit],
    seal_granted: bool | None,
    given: Sequence[SealDecision] | None,
) -> list[SealDecision]:
    if given is not None:
        wanted = set(motion.exhibits)
        return [d for d in given if d.exhibit in wanted]
    if seal_granted is None:
        return []
    return decide(motion, exhibits, standard_met=seal_granted)


# --- what must be done by when --------------------------------------------------------------

_CITED_ACT = re.compile(
    r"^(?P<verb>.*?)\s*\bExs?\.\s*[0-9][0-9,\s-]*(?:and\s+[0-9]+\s*)?"
    r"\((?P<bates>[^()]+)\)(?P<rest>.*)$"
)
_AFTER_OBJECT = re.compile(r"^\s+(?P<where>on the (?:[a-z]+ )*docket)(?P<rest>.*)$")
_ORDER_VOICE = {
    "lodge under seal": "lodge under seal on the docket",
}
_ORDER_VOICE_TAIL = {
    ", redacted for privilege": ", redacted for privilege as consistent with this Order",
}


def _deadline_batches(deadlines: Sequence[Deadline]) -> list[list[Deadline]]:
    """Acts that one directive of the order gives, due together, share a paragraph."""
    batches: list[list[Deadline]] = []
    for deadline in deadlines:
        if batches:
            top = batches[-1][-1]
            same = (top.source, top.due, top.days, top.trigger, top.party) == (
                deadline.source,
                deadline.due,
                deadline.days,
                deadline.trigger,
                deadline.party,
            )
            if same and deadline.source:
                batches[-1].append(deadline)
                continue
        batches.append([deadline])
    return batches


def _deadline_paragraph(
    batch: Sequence[Deadline], style: _Style, court_words: bool
) -> tuple[str, tuple[Exhibit, ...], tuple[BatesRange, ...], Disposition]:
    first = batch[0]
    # "of the date of this Order" only for a period the order itself sets (a local rule's period
    # runs from another event, a date the court fixed is no period): else the date written out.
    from_order = not first.source or first.source.startswith("order")
    if court_words and first.days is not None and from_order:
        days = "day" if first.days == 1 else "days"
        lead = f"Within {first.days} {days} of the date of this Order"
    else:
        lead = f"On or before {first.due:%B} {first.due.day}, {first.due.year}"
    actor = style.actor(first.party)
    sentences: list[str] = []
    shown: list[Exhibit] = []
    bates: list[BatesRange] = []
    for k, deadline in enumerate(batch):
        act, ranges, named = _order_voice(deadline.act, style)
        bates.extend(ranges)
        for exhibit in named:
            if exhibit.number not in {e.number for e in shown}:
                shown.append(exhibit)
        if k == 0:
            sentences.append(f"{lead}, {actor} shall {act}.")
        else:
            sentences.append(f"{actor} shall also {act}.")
    return " ".join(sentences), tuple(shown), tuple(bates), Disposition.directive


def _order_voice(act: str, style: _Style) -> tuple[str, list[BatesRange], list[Exhibit]]:
    """Rewrite an act that cites exhibits and Bates ranges the way the order cites documents.

    An act that cites nothing, or whose ranges are not exactly those of record exhibits, is
    kept word for word.
    """
    act = act.strip().rstrip(".")
    match = _CITED_ACT.match(act)
    if match is None:
        return act, [], []
    try:
        ranges = parse_ranges(match["bates"])
    except BatesError:
        return act, [], []
    named = sorted(
        (e for e in style.exhibits if any(e.bates.overlaps(r) for r in ranges)),
        key=lambda e: e.identifier,
    )
    cited_pages = {p for r in ranges for p in r}
    if not named or cited_pages != {p for e in named for p in e.bates}:
        return act, ranges, named
    verb = _ORDER_VOICE.get(match["verb"].strip(), match["verb"].strip())
    rest = match["rest"]
    moved = _AFTER_OBJECT.match(rest)
    if moved is not None:
        verb, rest = f"{verb} {moved['where']}", moved["rest"]
    rest = _ORDER_VOICE_TAIL.get(rest, rest)
    return f"{verb} {style.cite(named)}{rest}", ranges, named


# --- the guard ------------------------------------------------------------------------------


def _refuse_disclosure(paragraphs: Sequence[Paragraph], exhibits: Sequence[Exhibit]) -> None:
    """An order is public: no paragraph may quote the text of an item on any exhibit."""
    for paragraph in paragraphs:
        body = paragraph.text.casefold()
        for exhibit in exhibits:
            for item in exhibit.items:
                for secret in item.texts:
                    if secret.strip() and secret.strip().casefold() in body:
                        raise RuleViolation(
                            f"ordering paragraph {paragraph.number} would quote the text of item "
                            f"{item.id!r} on {exhibit.name}"
                        )
