"""A whole case as one file's worth of values: the matter, its protective order, the documents
(by file), the claims, the rulings on them, the rulings on motions to seal, the acts the orders
set, the court's closures and the papers filed on the docket (by file, with their items).

These are the values a case file is parsed into once, at the edge (``clawback.casefile.read``),
and that an export is built from (``service.casefiles``); every field is already the domain's
own type. Applying one to a record is the service's job; nothing here reads or writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from clawback.domain.acts import OrderedAct
from clawback.domain.bates import BatesNumber
from clawback.domain.claims import Privilege, Request, Result
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.pinpoints import FiledKind, Pinpoint
from clawback.domain.seal_parts import MotionForm, Movant, SealPart
from clawback.domain.sealing import MotionKind


@dataclass(frozen=True)
class Caption:
    number: str
    court: str
    caption: str
    state: str | None = None  # whose state holidays count (FRCP 6(a)(6)(C)), e.g. CA


@dataclass(frozen=True)
class DeclarationEntry:
    """A declaration a claim rests on, as filed."""

    id: str
    declarant: str
    title: str = ""
    docket: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentEntry:
    """One file of the record, by its path relative to the case file."""

    file: PurePosixPath
    exhibit: ExhibitId | None = None  # as the court writes it: 12, A, 5-A
    title: str | None = None  # None: the file's name
    kind: str | None = None  # None: what the file is
    designation: str | None = None  # a tier of the protective order
    public: bool = False  # already publicly available


@dataclass(frozen=True)
class ProductionEntry:
    """A production volume: the exhibits it Bates-numbers, in order, from ``start``."""

    volume: str
    start: BatesNumber
    exhibits: tuple[ExhibitId, ...]
    on: date | None = None


@dataclass(frozen=True)
class ItemEntry:
    """A part of a produced page a claim or a ruling can point at: text on it, or the page."""

    id: str
    exhibit: ExhibitId
    page: BatesNumber
    what: str  # a description that does not reveal it
    texts: tuple[str, ...] = ()
    whole_page: bool = False


@dataclass(frozen=True)
class ClaimEntry:
    """A privilege claim over exhibits or filed papers (their docket entries, ``101-33``), come
    before the court as a claw-back or a motion to compel."""

    id: str
    privilege: Privilege
    exhibits: tuple[ExhibitId, ...]
    items: tuple[str, ...] = ()
    request: Request = Request.clawback
    basis: str = ""
    on: date | None = None  # the claw-back notice (or the motion)
    learned_on: date | None = None
    declarations: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    papers: tuple[str, ...] = ()


@dataclass(frozen=True)
class RulingEntry:
    """The court's ruling on a claim; a later ruling on the same claim amends the earlier."""

    claim: str
    result: Result
    on: date | None = None
    reason: str = ""  # word for word
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class SealEntry:
    """The ruling on a motion to seal, exhibit by exhibit and filed paper by paper (a motion's
    papers may be ruled on in several entries, each paper once)."""

    docket: str
    exhibits: tuple[ExhibitId, ...]
    kind: MotionKind
    granted: bool
    on: date | None = None
    joint: bool = False
    reason: str = ""  # word for word
    unseal_on: date | None = None
    movant: Movant | None = None  # None: as ``joint`` says
    unseal: bool = False  # a motion to unseal
    in_part: SealPart | None = None  # sealed in part: what the public version removes
    condition: str = ""  # the seal's condition, in the order's words
    condition_days: int | None = None
    papers: tuple[str, ...] = ()  # filed papers, by docket entry ("118-2")
    public_days: int | None = None  # days to file a paper's public version (sealed in part)
    form: MotionForm = MotionForm.motion  # administrative (N.D. Cal. L.R. 7-11, 79-5), ...


@dataclass(frozen=True)
class ClosureEntry:
    day: date
    reason: str


@dataclass(frozen=True)
class FiledItemEntry:
    """An item of a filed paper by its pinpoint as cited; ``texts`` only where the pinpoint
    alone does not find them (a page, not its lines or a paragraph)."""

    id: str
    at: Pinpoint
    what: str
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class FiledPaperEntry:
    """A paper on the docket, never produced, by its path relative to the case file."""

    file: PurePosixPath
    docket: str  # the entry, parsed (``domain.pinpoints.docket_entry``): 101-33
    kind: FiledKind
    title: str = ""  # "": its docket entry
    under_seal: bool = False
    items: tuple[FiledItemEntry, ...] = ()
    filed_on: date | None = None  # the day it was filed: FRE 502(b)'s clock for a claim over it


@dataclass(frozen=True)
class CaseFile:
    caption: Caption
    # A preset's name, the order as data (``domain.order.order_from_data``), or None: the case
    # has no protective order (nothing in it can be designated).
    protective_order: str | dict[str, Any] | None
    producing_party: str = ""  # how the case names it: defendant, "the Government", ...
    receiving_party: str = ""
    declarations: tuple[DeclarationEntry, ...] = ()
    documents: tuple[DocumentEntry, ...] = ()
    productions: tuple[ProductionEntry, ...] = ()
    items: tuple[ItemEntry, ...] = ()
    claims: tuple[ClaimEntry, ...] = ()
    rulings: tuple[RulingEntry, ...] = ()
    seals: tuple[SealEntry, ...] = ()
    acts: tuple[OrderedAct, ...] = ()
    closures: tuple[ClosureEntry, ...] = ()
    filed_papers: tuple[FiledPaperEntry, ...] = ()

    def problems(self) -> list[str]:
        """What the file names without defining it (an exhibit no document carries, a claim a
        ruling is on that no claim entry makes, an item no item entry names), each once:
        found before anything is entered, so a bad file enters nothing."""
        exhibits = {d.exhibit for d in self.documents if d.exhibit is not None}
        claims = {c.id for c in self.claims}
        items = {i.id for i in self.items}
        found: list[str] = []

        def need(where: str, kind: str, wanted: object, known: set[Any]) -> None:
            if wanted not in known:
                found.append(f"{where}: no {kind} {wanted} among the case file's {kind}s")

        for n, prod in enumerate(self.productions, 1):
            for e in prod.exhibits:
                need(f"productions[{n}]", "exhibit", e, exhibits)
        produced = {e for prod in self.productions for e in prod.exhibits}
        for n, item in enumerate(self.items, 1):
            need(f"items[{n}]", "produced exhibit", item.exhibit, produced)
        on_papers = {i.id for p in self.filed_papers for i in p.items}
        on_docket = {f"ECF No. {p.docket}" for p in self.filed_papers}
        for n, claim in enumerate(self.claims, 1):
            if not claim.exhibits and not claim.papers:
                found.append(f"claims[{n}]: names no exhibit and no filed paper")
            for e in claim.exhibits:
                need(f"claims[{n}]", "produced exhibit", e, produced)
            for d in claim.papers:
                need(f"claims[{n}]", "filed paper", f"ECF No. {d}", on_docket)
            for i in claim.items:
                need(f"claims[{n}]", "item", i, items | on_papers)
        for n, ruling in enumerate(self.rulings, 1):
            need(f"rulings[{n}]", "claim", ruling.claim, claims)
            for i in ruling.items:
                need(f"rulings[{n}]", "item", i, items | on_papers)
        entries = {p.docket for p in self.filed_papers}
        for n, seal in enumerate(self.seals, 1):
            for e in seal.exhibits:
                need(f"seals[{n}]", "produced exhibit", e, produced)
            for entry in seal.papers:
                need(f"seals[{n}]", "filed paper", entry, entries)
            if not seal.exhibits and not seal.papers:
                found.append(f"seals[{n}]: no exhibits and no papers: name one")
        dockets: set[str] = set()
        for n, paper in enumerate(self.filed_papers, 1):
            if paper.docket in dockets:
                found.append(f"filed_papers[{n}]: ECF No. {paper.docket} given twice")
            dockets.add(paper.docket)
            for k, filed in enumerate(paper.items, 1):
                if filed.id in items:
                    found.append(f"filed_papers[{n}].items[{k}]: item {filed.id} given twice")
                items.add(filed.id)
        return list(dict.fromkeys(found))
