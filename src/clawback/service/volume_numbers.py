"""Bates numbering of production volumes.

A volume starts at an explicit number or continues (``continue_from``) right after
the last volume of the same prefix. A volume that overlaps a number already used, by its value
whatever its width, is always refused. A start that departs from the series is refused unless
the producer gives a reason (``allow_gap``), which goes into the audit trail: one that leaves a
gap after the last volume, one that fills a gap an earlier volume left (out of ascending
order), and one in another width than the prefix's earlier volumes (``NG7_0000100`` after
``NG7_00000099``: productions in the world do all three).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.access import sees_everything
from clawback.domain.actor import Actor
from clawback.domain.bates import BatesNumber
from clawback.domain.errors import ClawbackError, RuleViolation
from clawback.domain.order import Side
from clawback.service import lookup
from clawback.storage import tables as t


def series_volumes(s: Session, series: str) -> list[tuple[str, BatesNumber, BatesNumber]]:
    """Every volume of a Bates series the producing side made (withdrawn ones too: their
    numbers stay retired), by its last number. A volume another side imported is its own
    collection's: never named nor numbered on from here (a page of it still holds its number,
    `refuse_used`)."""
    found = []
    for row in s.scalars(
        select(t.Production).where(
            t.Production.state != "abandoned"  # its numbers were never delivered: free again
        )
    ).all():
        ours = lookup.volume_side(s, row) == Side.producing.value
        if ours and row.first.series == series:
            found.append((row.volume, row.first, row.last))
    return sorted(found, key=lambda v: v[2].number)


def first_number(
    s: Session, start: BatesNumber | None, continue_from: str | None, allow_gap: str | None
) -> BatesNumber:
    """The volume's first number, after the width, overlap and gap rules."""
    if continue_from is not None:
        if start is not None:
            raise ClawbackError("give a start number or --continue, not both")
        prefix = BatesNumber.parse(continue_from + "0").prefix
        series = BatesNumber(prefix, 0, 1).series
        earlier = series_volumes(s, series)
        if not earlier:
            raise ClawbackError(f"no earlier volume with prefix {prefix!r}: give a start number")
        last = earlier[-1][2]
        return BatesNumber(last.prefix, last.number + 1, last.width)
    if start is None:
        raise ClawbackError("give a start number (e.g. ABC-00000001) or --continue PREFIX")
    first = start
    earlier = series_volumes(s, first.series)
    if not earlier:
        return first
    volume, _, last = earlier[-1]
    if first.width != last.width and not allow_gap:
        raise RuleViolation(
            f"{first} has {first.width} digits; prefix {last.prefix!r} uses {last.width} "
            f"(e.g. {last}); give --allow-gap REASON to number in another width"
        )
    following = last + 1
    for name, a, b in earlier:
        if a.number <= first.number <= b.number:
            raise RuleViolation(
                f"Bates number {first} is already used (volume {name}: {a}-{b}); "
                f"the next free number is {following}"
            )
        if first.number < a.number and not allow_gap:
            raise RuleViolation(
                f"Bates number {first} comes before volume {name} ({a}-{b}): the next free "
                f"number is {following}, or give --allow-gap REASON to fill an earlier gap"
            )
    if first.number > following.number and not allow_gap:
        raise RuleViolation(
            f"{first} leaves a gap after volume {volume} (ends {last}): start at {following}, "
            "use --continue, or give --allow-gap REASON"
        )
    return first


def refuse_others_series(s: Session, first: BatesNumber, side: Side) -> None:
    """A Bates series is one side's: the side whose pages first took its numbers (its
    productions, its imports). Another side's series is refused whatever the number, so the
    answer is the same for a number on a page the person may not know of, one on a page they
    see and one no page holds: before, "already in the record" for the first two and an
    import for the third told which numbers a tier or another side's collection withholds.

    The refusal tells the asker that the prefix is taken, and nothing more: no number, volume,
    span or count, the same whether the asker may know of pages of the series or not. The
    prefix itself is not withheld: a party's Bates prefix is the label it stamps on all it
    produces (ESI protocols assign each party its own), not material a tier, a claw-back or a
    seal withholds; and it must be told, since one Bates number names one page in the record
    (answering as absent would need a series per side, every Bates lookup by side)."""
    other = s.scalar(
        select(t.Document.id)
        .where(t.Document.first_series == first.series, t.Document.held_by != side.value)
        .limit(1)
    )
    volumes = series_volumes(s, first.series) if side is not Side.producing else []
    if other is not None or volumes:
        raise _not_yours(first)


def refuse_unknown_series(s: Session, first: BatesNumber, actor: Actor) -> None:
    """A series holding a page of a document ``actor`` may not know of (an AEO record of their
    own side's collection, to a party employee) is refused whole, whatever the number, in the
    words another side's series is refused in: before, a number on such a page answered
    "already in the record" and a free one imported, so a probe told which numbers were
    withheld, and of what."""
    if sees_everything(actor):
        return
    docs = s.scalars(select(t.Document).where(t.Document.first_series == first.series))
    if any(not lookup.allowed(s, actor, d, lookup.Need.know) for d in docs):
        raise _not_yours(first)


def _not_yours(first: BatesNumber) -> RuleViolation:
    return RuleViolation(
        f"Bates prefix {first.prefix!r} is another side's series in this record: number "
        "what this side brings in under a prefix of its own"
    )


def refuse_used(s: Session, first: BatesNumber, count: int) -> None:
    """No planned number may be in another side's series (``refuse_others_series``), nor
    already in a volume of the prefix (by its value, whatever the width) or on a page
    (imported volumes, older records)."""
    refuse_others_series(s, first, Side.producing)
    end = first.number + count - 1
    for name, a, b in series_volumes(s, first.series):
        if a.number <= end and first.number <= b.number:
            raise RuleViolation(
                f"{first}-{BatesNumber(first.prefix, end, first.width)} overlaps volume "
                f"{name} ({a}-{b})"
            )
    numbers = [first + i for i in range(count)]
    for i in range(0, len(numbers), 500):
        used = s.scalar(select(t.Page.bates).where(t.Page.bates.in_(numbers[i : i + 500])))
        if used is not None:
            raise RuleViolation(f"Bates number {used} is already used")
