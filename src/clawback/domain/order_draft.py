"""A read order's draft: its rulings and acts, what one ruling rules on, and the passes over
the whole draft once every sentence is read (a caption's stray motion, a motion ruled in parts,
the rest of a settled motion). Part of `clawback.domain.order_reading`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from clawback.domain.order_acts import ASSUMED, Act
from clawback.domain.order_motions import caption_only
from clawback.domain.outcomes import Result

__all__ = [
    "Draft",
    "Ruling",
    "RulingKey",
    "kinds_as_listed",
    "ruling_key",
    "settle_wholes",
    "settled_rest",
    "without_prejudice",
]


@dataclass(frozen=True)
class Ruling:
    """One disposition: of a motion (``exhibit`` None) or of one exhibit under it."""

    motion: str  # seal | unseal | clawback | compel | protective-order
    movant: str | None
    exhibit: str | None
    outcome: Result
    part: str | None
    sentence: str
    confidence: float
    reason: str | None = None
    docket: str | None = None  # the motion's docket entry, when the sentence names it
    #: a document ruled on that is no exhibit ("docket entry 115-1", "the rest", "the privilege
    #: claimed"): the motion as a whole is then ruled by its own Ruling (document None)
    document: str | None = None
    #: the docket entry the exhibit was filed as, where the sentence names it so ("Doc. 122"):
    #: two exhibits of one letter in different filings keep their own rulings
    entry: str | None = None
    #: which of two motions of one kind, numbered by no docket entry, one sentence rules apart
    #: ("Plaintiffs' motion to seal is granted in part ..., and Defendants' motion to seal is
    #: granted"): its movant's, so that neither replaces the other
    apart: str | None = None

    @property
    def sealed(self) -> bool | None:
        """For a ruling on sealing an exhibit: whether the exhibit stays sealed."""
        if self.motion == "seal" and self.exhibit is not None:
            return self.outcome is not Result.denied
        if self.motion == "unseal" and self.exhibit is not None:
            return self.outcome is Result.denied
        return None


@dataclass(frozen=True)
class Draft:
    dated: date | None
    rulings: tuple[Ruling, ...]
    acts: tuple[Act, ...]
    warnings: tuple[str, ...] = field(default=())

    def sealing(self) -> list[Ruling]:
        return [r for r in self.rulings if r.sealed is not None]


#: what a ruling rules on: motion, docket, exhibit, document
RulingKey = tuple[str, str | None, str | None, str | None]


def ruling_key(ruling: Ruling) -> RulingKey:
    """What one ruling rules on: a later ruling on the same replaces it."""
    entry = f"Doc. {ruling.entry}" if ruling.entry and ruling.document is None else None
    return (ruling.motion, ruling.docket or ruling.apart, ruling.exhibit, ruling.document or entry)


def settle_wholes(rulings: dict[RulingKey, Ruling], text: str) -> None:
    """A caption's motion the body never numbers again is no ruling, where the body rules
    others by number; a motion ruled in parts both ways, whose whole outcome was only said of
    a part ("the motion to seal the remaining exhibits is denied"), is granted in part."""
    numbered = {r.docket for r in rulings.values() if r.docket is not None}
    for key, ruling in list(rulings.items()):
        if (
            ruling.docket
            and len(numbered) > 1
            and caption_only(ruling.docket, ruling.sentence, text)
        ):
            del rulings[key]
            numbered.discard(ruling.docket)
    for (motion, docket, exhibit, document), whole in list(rulings.items()):
        if exhibit is not None or document is not None:
            continue
        parts = [
            r
            for (m, d, x, doc), r in rulings.items()
            if m == motion and d == docket and (x is not None or doc is not None)
        ]
        mixed = {Result.granted, Result.denied} <= {r.outcome for r in parts}
        said_of_a_part = any(r.sentence == whole.sentence for r in parts)
        if mixed and said_of_a_part and whole.outcome is not Result.granted_in_part:
            rulings[motion, docket, exhibit, document] = replace(
                whole, outcome=Result.granted_in_part
            )


def settled_rest(rulings: Iterable[Ruling]) -> list[Ruling]:
    """Where the parties settled part of a motion between them ("resolve the dispute with
    respect to nineteen of the twenty documents": withdrawn), the motion's own outcome is the
    ruling on the rest."""
    rulings = list(rulings)
    settled = {
        r.motion for r in rulings if r.document is not None and r.outcome is Result.withdrawn
    }
    return [
        replace(r, document="the rest", confidence=ASSUMED)
        for r in rulings
        if r.motion in settled
        and r.exhibit is None
        and r.document is None
        and r.outcome is not Result.withdrawn
    ]


def kinds_as_listed(rulings: dict[RulingKey, Ruling], listed: Mapping[str, str | None]) -> None:
    """Each whole motion ruled by a number the order listed with its own title (``listed``:
    `clawback.domain.order_motions.listed_kinds`) takes the kind its title names ("the remaining
    motions (Docs. No. 71, 75, 96) are DENIED": 75 a protective order, 96 a motion to compel),
    and one whose title names no kind (a motion to strike, for sanctions) is no ruling here."""
    for key, ruling in list(rulings.items()):
        docket = ruling.docket
        if docket is None or docket not in listed or ruling.exhibit is not None:
            continue
        if ruling.document or not re.search(rf"(?<![\d-]){docket}(?![\d-])", ruling.sentence):
            continue  # ruled by its title or "the motion", not by its number
        kind = listed[docket]
        if kind == ruling.motion:
            continue
        del rulings[key]
        if kind is not None:
            kinded = replace(ruling, motion=kind)
            rulings.setdefault(ruling_key(kinded), kinded)


def without_prejudice(rulings: dict[RulingKey, Ruling], said: Ruling) -> None:
    """The denial ``said`` just gave, said then to be without prejudice ("Accordingly, the
    motion to seal is denied. The denial, however, is without prejudice"): it and every denial of
    that motion (its docket's, or, where it gave none, the one motion of its kind numbered)
    denied without prejudice."""
    dockets = {r.docket for r in rulings.values() if r.motion == said.motion and r.docket}
    docket = said.docket or (next(iter(dockets)) if len(dockets) == 1 else None)
    rulings[ruling_key(said)] = replace(said, outcome=Result.denied_without_prejudice)
    for key, ruling in list(rulings.items()):
        if (
            ruling.motion == said.motion
            and ruling.outcome is Result.denied
            and docket is not None
            and ruling.docket == docket
        ):
            rulings[key] = replace(ruling, outcome=Result.denied_without_prejudice)
