"""A received record's designation: the value the producing party wrote in the volume
(CONFIDENTIALITY, DESIGNATION ...) read as a tier of the protective order, to be entered with
the record in the unit of work that stores it (`ingest_store.Designated`), so no commit ever
holds the record without it.

The order's tier the value names (its name or short name in any case or punctuation, or the
trade's usual words for it: ``HC-AEO``, ``ATTORNEYS EYES ONLY``, ``HIGHLY CONFIDENTIAL``); a
value the order does not know: the most restrictive tier until the parties settle it, and a line
says so; a value that designates nothing (``NONE``, ``PUBLIC`` ...), or a record marked withheld
or privileged (a defect of its own, `loadfiles.defects`): no tier.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from clawback.domain.order import ProtectiveOrder, Tier
from clawback.loadfiles.fields import norm
from clawback.loadfiles.volume import Row
from clawback.service.ingest_store import Designated
from clawback.service.rows import protective_order

__all__ = ["designation", "received_tier"]

#: Designation values that designate nothing (compared as `fields.norm` gives them).
_UNDESIGNATED = frozenset(
    {"", "none", "na", "no", "n", "public", "notconfidential", "nondesignated", "notdesignated"}
)


def designation(s: Session, row: Row, volume: str, notes: list[str]) -> Designated | None:
    """The producing party's designation of the record, to enter with it: its tier's short
    name, the note kept with it, the value as received; what a reader should know of it (no
    protective order, a value no tier of it names) added to ``notes``."""
    value = " ".join(row.roles.get("designation", "").split())
    word = norm(value)
    if word in _UNDESIGNATED or "withheld" in word or "privilege" in word:
        return None  # no tier; a record withheld is a defect of its own (`defects`)
    order = protective_order(s)
    tier = received_tier(order, value)
    if tier is None:
        if not order.tiers:
            notes.append(f"designation {value!r}: the case has no protective order")
            return None
        tier = order.tiers[-1]
        notes.append(
            f"designation {value!r} is no tier of the protective order: treated as "
            f"{tier.name} until the parties settle it"
        )
    # the record by its own number, never its row: row 2 told a reader of a row 1 their
    # tier may not admit
    note = f"as received: {value!r} (volume {volume}, {row.control})"
    return Designated(tier.short or tier.name, note, value)


def received_tier(order: ProtectiveOrder, value: str) -> Tier | None:
    """The tier of ``order`` a designation written by another party names: its name or short
    name in any case or punctuation, or the trade's usual words for it (``HC-AEO``,
    ``ATTORNEYS EYES ONLY``, ``HIGHLY CONFIDENTIAL``); None if it names none."""
    wanted = norm(value)
    for tier in order.tiers:
        if wanted in (norm(tier.name), norm(tier.short)):
            return tier
    words = ("eyesonly", "aeo", "highly")
    if any(word in wanted for word in words):
        strict = [tier for tier in order.tiers if any(w in norm(tier.name) for w in words)]
        return strict[-1] if strict else None
    if "confidential" in wanted:  # "CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER"
        plain = [tier for tier in order.tiers if norm(tier.name) == "confidential"]
        return plain[0] if plain else None
    return None
