"""A reviewed draft of an order placed on the record: which claim each claw-back ruling decides,
and which drafted acts can be entered as acts of a side.

Pure: it takes the claims the acting person may know of and returns what to enter and what it
could not place, each with why; entering is the service's (`read-order --apply`).

- A claim is ruled when the draft rules on every exhibit it covers, the same way. A grant in
  part on a claim that names items grants the items whose description shares at least two
  words with the part the order grants ("the database identification code on page ..." and
  "numerical database identification code used to track the report"); the claim is granted if
  all its items are, denied if none, granted in part for those items otherwise.
- An act is entered for the producing side, the receiving side or both (the order's
  "plaintiff"/"defendant" read with the side that produced), with a period from the order or
  the date the court fixed. An act of the clerk or the court, an act with no time, or one
  counted from another event is reported, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.errors import InvalidInput
from clawback.domain.order_reading import Draft, Ruling
from clawback.domain.outcomes import Result

__all__ = ["ClaimOnRecord", "Placed", "Placement", "place"]

SIDES = ("plaintiff", "defendant")
_WORD = re.compile(r"[a-z]{3,}")
_COMMON = frozenset({"the", "and", "for", "with", "page", "pages", "used", "this", "that", "all"})


@dataclass(frozen=True)
class ClaimOnRecord:
    id: str
    exhibits: tuple[int | str, ...]  # as the court writes them: 12, "A"
    items: tuple[tuple[str, str], ...] = ()  # (item id, what it is)


@dataclass(frozen=True)
class Placed:
    claim: str
    result: Result
    items: tuple[str, ...]
    reason: str
    sentence: str


@dataclass(frozen=True)
class Placement:
    rulings: tuple[Placed, ...]
    acts: tuple[OrderedAct, ...]
    unplaced: tuple[str, ...]


def _words(text: str) -> set[str]:
    """The words of a description, without numbers and whatever carries one (a Bates number's
    prefix is no word of the description: "AOL-DEF-00516617")."""
    plain = re.sub(r"\S*\d\S*", " ", text.lower())
    return set(_WORD.findall(plain)) - _COMMON


def _place_claim(claim: ClaimOnRecord, ruled: Sequence[Ruling]) -> Placed | str:
    results = {r.outcome for r in ruled}
    first = ruled[0]
    if len(results) > 1:
        return f"claim {claim.id}: the order rules its exhibits differently ({sorted(results)})"
    result = first.outcome
    reason = first.reason or ""
    if result is not Result.granted_in_part:
        return Placed(claim.id, result, (), reason, first.sentence)
    if not claim.items:
        return f"claim {claim.id}: granted in part ({first.part}), but the claim names no items"
    granted = _words(first.part or "")
    items = tuple(i for i, what in claim.items if len(_words(what) & granted) >= 2)
    if not items:
        return Placed(claim.id, Result.denied, (), reason, first.sentence)
    if len(items) == len(claim.items):
        return Placed(claim.id, Result.granted, items, reason, first.sentence)
    return Placed(claim.id, Result.granted_in_part, items, reason, first.sentence)


def _party(drafted: str | None, producing: str) -> Party | None:
    if drafted == "joint":
        return Party.both
    if drafted in SIDES:
        return Party.producing if drafted == producing else Party.receiving
    return None


def _place_acts(draft: Draft, producing: str) -> tuple[list[OrderedAct], list[str]]:
    acts: list[OrderedAct] = []
    unplaced: list[str] = []
    for act in draft.acts:
        party = _party(act.party, producing)
        said = f"act {act.what!r}"
        if party is None:
            unplaced.append(f"{said}: {act.party or 'no party named'} is not a side of the case")
        elif act.days is None and act.on_or_before is None:
            unplaced.append(f"{said}: the order sets no time for it")
        elif act.days is not None and act.trigger != "this order":
            unplaced.append(f"{said}: counted from {act.trigger!r}, not from the order")
        elif act.business_days:
            unplaced.append(f"{said}: {act.days} business days (enter its date by hand)")
        elif draft.dated is None:
            unplaced.append(f"{said}: the order's date is not known (--dated)")
        else:
            try:
                acts.append(
                    OrderedAct(
                        party,
                        ActKind.other,
                        act.what,
                        draft.dated,
                        days=act.days,
                        by=act.on_or_before if act.days is None else None,
                        source=act.sentence,
                    )
                )
            except InvalidInput as exc:
                unplaced.append(str(exc))
    return acts, unplaced


def place(draft: Draft, claims: Sequence[ClaimOnRecord], producing: str) -> Placement:
    """What of ``draft`` can be entered on the record of ``claims`` (see the module doc);
    ``producing``: the side that produced, "plaintiff" or "defendant"."""
    if producing not in SIDES:
        raise InvalidInput(f"producing side: {producing!r} (plaintiff or defendant)")
    by_exhibit = {
        int(r.exhibit): r
        for r in draft.rulings
        if r.motion == "clawback" and r.exhibit is not None and r.exhibit.isdigit()
    }
    placed: list[Placed] = []
    unplaced: list[str] = []
    covered: set[int | str] = set()
    for claim in claims:
        covered.update(claim.exhibits)
        ruled = [by_exhibit[n] for n in claim.exhibits if n in by_exhibit]
        if not ruled:
            continue
        if len(ruled) < len(claim.exhibits):
            missing = [n for n in claim.exhibits if n not in by_exhibit]
            unplaced.append(f"claim {claim.id}: the order does not rule on exhibit(s) {missing}")
            continue
        found = _place_claim(claim, ruled)
        if isinstance(found, Placed):
            placed.append(found)
        else:
            unplaced.append(found)
    for number in sorted(set(by_exhibit) - covered):
        unplaced.append(f"exhibit {number}: ruled on, but no claim on the record covers it")
    acts, unplaced_acts = _place_acts(draft, producing)
    return Placement(tuple(placed), tuple(acts), tuple(unplaced + unplaced_acts))
