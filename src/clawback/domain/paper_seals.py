"""Sealing filed papers, whole or in part, by the same rules as exhibits.

A motion to seal names filed papers by their docket entry ("ECF No. 118-2") as it names
exhibits, and the court rules on each the way ``sealing.decide`` rules on an exhibit: the
standard met, the paper is sealed (whole, or in ``part``: items of the paper by id, patterns,
FRCP 5.2(a) cuts, ``seal_parts.SealPart``); not met, it is not; a motion to unseal the other way.
What governs a paper is its latest ruling still in force, and, before any ruling, how it was
lodged (``governing``): one rule for the access rule, the filing package and the drafted order.

Where the public version of a paper sealed in part must be filed by a party, the act reads as
the order writes it ("file a public version of ECF No. 118-2 redacting pages 14-19"): the
pinpoints of the items removed, runs of whole pages joined as an order joins them. Nothing here
reads or writes a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from clawback.domain.drafting_seals import PRIVACY_WORDS
from clawback.domain.errors import InvalidInput
from clawback.domain.pinpoints import Pinpoint
from clawback.domain.privacy import privacy_cuts
from clawback.domain.seal_parts import SealPart, SealRequest, pattern_hits
from clawback.domain.sealing import MotionToSeal, Standard


def paper_name(docket: str) -> str:
    """``ECF No. 118-2``: how an order names a filed paper by its docket entry."""
    return f"ECF No. {docket}"


@dataclass(frozen=True)
class PaperSealDecision:
    """The court's ruling on one filed paper a motion names."""

    paper: str  # the docket entry, "118-2"
    sealed: bool
    standard: Standard
    reason: str
    #: Sealed in part: the public version removes only this (None: the whole paper).
    part: SealPart | None = None
    #: A condition the seal holds on, word for word.
    condition: str = ""
    #: The day the seal ends (None: it does not).
    unseal_on: date | None = None

    @property
    def name(self) -> str:
        return paper_name(self.paper)


def decide_papers(
    motion: MotionToSeal,
    papers: Sequence[str],
    standard_met: bool,
    reason: str = "",
    part: SealPart | None = None,
    condition: str = "",
) -> list[PaperSealDecision]:
    """The ruling per paper, as ``sealing.decide`` rules per exhibit: sealed (whole, or in
    ``part``) when the standard is met; on a motion to unseal, granting it unseals. A filed
    paper is never "already public" for this rule: it is on the docket, lodged or not."""
    standard = motion.standard
    decisions = []
    for paper in dict.fromkeys(papers):
        if motion.request is SealRequest.unseal:
            said = reason or ("unsealed" if standard_met else "the seal stays in place")
            decisions.append(PaperSealDecision(paper, not standard_met, standard, said))
        elif standard_met:
            met = reason or f"{standard.replace('_', ' ')} shown for sealing"
            decisions.append(PaperSealDecision(paper, True, standard, met, part or None, condition))
        else:
            not_met = reason or f"{standard.replace('_', ' ')} not shown"
            decisions.append(PaperSealDecision(paper, False, standard, not_met))
    return decisions


def governing(lodged_under_seal: bool, ruled: Iterable[PaperSealDecision], today: date) -> bool:
    """Whether a paper is sealed today: its latest ruling (``ruled`` in the order given) unless
    that seal has ended, else as it was lodged."""
    last = None
    for decision in ruled:
        last = decision
    if last is None:
        return lodged_under_seal
    ended = last.unseal_on is not None and last.unseal_on <= today
    return last.sealed and not ended


@dataclass(frozen=True)
class PaperItem:
    """An item of a filed paper as the part needs it: id, where, the page (from 0), words."""

    id: str
    at: Pinpoint
    page: int
    texts: tuple[str, ...]
    what: str = ""
    #: Entered as its page whole (``page 2``, no words given): its page is removed whole.
    whole_page: bool = False


def check_items(part: SealPart, items: Iterable[PaperItem], names: str) -> None:
    """Every item a part names is an item of one of the papers ruled on."""
    known = {i.id for i in items}
    missing = [i for i in part.items if i not in known]
    if missing:
        raise InvalidInput(f"no item {missing[0]!r} of {names}")


def redacting(part: SealPart | None, items: Sequence[PaperItem]) -> str:
    """What the public version redacts, as the order says it: the court's words for the part,
    else the items' pinpoints ("pages 14-19", "page 7, lines 3-9", "¶ 12"), the information a
    pattern finds, FRCP 5.2(a)'s terms; a paper sealed whole redacts "every page"."""
    if part is None:
        return "every page"
    if part.what.strip():
        return part.what.strip()
    mine = [i for i in items if i.id in part.items]
    said = _pinpoints([i.at for i in mine])
    if part.patterns:
        said.append("the information the Court has identified")
    said += [PRIVACY_WORDS[p] for p in part.privacy]
    return _join(list(dict.fromkeys(said)))


def public_version_act(decision: PaperSealDecision, items: Sequence[PaperItem]) -> str:
    """The act of filing a paper's public version, as the order sets it."""
    return f"file a public version of {decision.name} redacting {redacting(decision.part, items)}"


@dataclass(frozen=True)
class Target:
    """One thing a paper's public version removes: a text on a page (every occurrence), or the
    page whole (``text`` None: then none of the page's lines may survive); the box reads
    ``reads``; ``secret`` must not survive."""

    page: int
    text: str | None
    reads: str
    label: str
    secret: str


SEALED_READS = "CONFIDENTIAL - FILED UNDER SEAL"


def targets(
    part: SealPart | None, items: Sequence[PaperItem], page_texts: Sequence[str]
) -> list[Target]:
    """What the public version of a sealed paper removes: every page of a paper sealed whole;
    in part, the part's items, the texts its patterns find, and the FRCP 5.2(a) cuts (each
    leaving its remainder in place), page by page."""
    if part is None:
        return [Target(i, None, SEALED_READS, f"page {i + 1}", "") for i in range(len(page_texts))]
    # a page named whole is one box (``filing.item_boxes``' rule), never its lines one by one
    found = [
        Target(item.page, text, SEALED_READS, item.id, text or "")
        for item in items
        if item.id in part.items
        for text in ((None,) if item.whole_page else item.texts)
    ]
    for i, text in enumerate(page_texts):
        label = f"page {i + 1}"
        found += [
            Target(i, hit, SEALED_READS, f"{label} sealed part", hit)
            for hit in pattern_hits(text, part.patterns)
        ]
        found += [
            Target(i, cut.removed, cut.reads, f"{label} {cut.rule}", cut.whole)
            for cut in privacy_cuts(text, part.privacy, part.minors)
        ]
    return found


def _pinpoints(places: Sequence[Pinpoint]) -> list[str]:
    """Pinpoints as an order lists them: whole pages in runs ("pages 14-19"), the rest each."""
    pages = sorted({p.page for p in places if p.page is not None and p.whole_page})
    said: list[str] = []
    runs: list[tuple[int, int]] = []
    for page in pages:
        if runs and runs[-1][1] == page - 1:
            runs[-1] = (runs[-1][0], page)
        else:
            runs.append((page, page))
    if runs:
        parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in runs]
        word = "page" if len(runs) == 1 and runs[0][0] == runs[0][1] else "pages"
        said.append(f"{word} {_join(parts)}")
    seen: set[str] = set()
    for place in places:
        if place.page is not None and place.whole_page:
            continue
        text = str(place)
        if text not in seen:
            seen.add(text)
            said.append(text)
    return said


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return f"{', '.join(parts[:-1])}, and {parts[-1]}"
