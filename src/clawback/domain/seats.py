"""What each seat may do: every act of the flow and the sides that may make it, in one table.

The operator (whoever holds the workspace) may make every act; that is decided here, in
``permitted``, and nowhere else. A preview (the operator looking through someone's eyes) may
make no act that writes, and reads only what that person's seat may read. A claim's lifecycle
moves are checked move by move as well (``domain.claims.transition``); who may mark which act
done, or withdraw which challenge, is decided with the row in hand by the service, through
``may_act_for``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from clawback.domain.actor import Actor
from clawback.domain.errors import NotPermitted
from clawback.domain.order import Side

P, R, C, PUB = Side.producing, Side.receiving, Side.court, Side.public
PARTIES = frozenset({P, R})
CASE = frozenset({P, R, C})


@dataclass(frozen=True)
class _Rule:
    phrase: str
    sides: frozenset[Side]
    writes: bool


class Act(Enum):
    """Every act the service checks, with the sides that may make it and whether it writes."""

    # the matter and its people
    load_case = _Rule("load or replace the case and its protective order", frozenset({P, C}), True)
    # a whole case file holds every side's acts (claims, rulings, seals) and its existence
    # checks see the whole record; exported, it holds every side's documents: the operator's alone
    load_case_file = _Rule("load a whole case file", frozenset(), True)
    export_case = _Rule("export the whole record as a case file", frozenset(), False)
    seat_people = _Rule("seat people", frozenset({P, C}), True)
    acknowledge = _Rule("record acknowledgments", frozenset({P, C}), True)
    list_people = _Rule("list the people in the case", CASE, False)
    # logging in (service.accounts): a login for a seated person; one's own undertaking, tokens
    invite = _Rule("set up a login for a seated person", frozenset({P, C}), True)
    sign_undertaking = _Rule("sign the protective order's acknowledgment", PARTIES, True)
    hold_tokens = _Rule("hold API tokens", frozenset({P, R, C, PUB}), True)
    # documents
    ingest = _Rule("ingest documents", frozenset({P, R}), True)
    number_exhibits = _Rule("number exhibits at ingest", frozenset({P}), True)
    designate = _Rule("designate documents", frozenset({P}), True)
    challenge = _Rule("challenge a designation", PARTIES, True)
    resolve_challenge = _Rule("resolve a challenge", CASE, True)
    name_items = _Rule("name items", frozenset({P, C}), True)
    search_patterns = _Rule("search by pattern", frozenset({P, C}), False)
    produce = _Rule("produce documents", frozenset({P}), True)
    abandon_volume = _Rule("abandon a production volume", frozenset({P}), True)
    withdraw_volume = _Rule("withdraw a produced volume", frozenset({P}), True)
    export_volume = _Rule("export a production volume", frozenset({P}), False)
    import_volume = _Rule("import a production volume", PARTIES, True)
    find_copies = _Rule("search for copies", frozenset({P, C}), False)
    # the dispute
    notice_claim = _Rule("give claw-back notice", frozenset({P}), True)
    move_claim = _Rule("move a claim on", CASE, True)
    read_claims = _Rule("read the claims", CASE, False)
    review = _Rule("record review findings", frozenset({C}), True)
    read_review = _Rule("read the court's review record", frozenset({C}), False)
    bench_memo = _Rule("print a bench memo", frozenset({C}), False)
    rule = _Rule("rule on a claim", frozenset({C}), True)
    move_to_seal = _Rule("move to seal", PARTIES, True)
    seal = _Rule("rule on a motion to seal", frozenset({C}), True)
    record_deadlines = _Rule("record an order's deadlines", frozenset({P, C}), True)
    mark_done = _Rule("mark an act done", CASE, True)
    read_deadlines = _Rule("read the deadlines", CASE, False)
    # what the record makes
    file = _Rule("make filing packages", frozenset({P, C}), True)
    draft_order = _Rule("draft an order", CASE, False)
    serve_log = _Rule("serve the privilege log", frozenset({P}), True)
    read_log = _Rule("read the privilege log", CASE, False)
    read_summary = _Rule("read the case summary", CASE, False)
    file_brief = _Rule("prepare a brief for filing", CASE, True)
    # the record itself
    check_store = _Rule("check the workspace", frozenset({P, C}), False)
    verify_audit = _Rule("verify the audit trail", CASE, False)
    export_audit = _Rule("export the audit trail", CASE, False)
    read_audit = _Rule("read the audit trail", CASE, False)
    trace = _Rule("trace a copy to the person it was served to", frozenset({P, C}), False)

    @property
    def phrase(self) -> str:
        return self.value.phrase

    @property
    def writes(self) -> bool:
        return self.value.writes


def permitted(actor: Actor, act: Act) -> bool:
    """Whether ``actor`` may make ``act``: the one place the operator and previews are decided."""
    if actor.previewing and act.writes:
        return False
    if actor.seat is Side.operator:
        return True
    return actor.seat in act.value.sides


def require(actor: Actor, act: Act) -> None:
    """Refuse, in one line, an act the actor's seat does not allow."""
    if permitted(actor, act):
        return
    if actor.previewing:
        raise NotPermitted(f"a preview as {actor.person.email} only reads: it may not {act.phrase}")
    raise NotPermitted(f"{actor} may not {act.phrase}")


def may_act_for(actor: Actor, party: Side | None) -> bool:
    """Whether ``actor`` may act on behalf of ``party`` (a deadline's act, a challenge raised by
    that side): the party itself, the court, the operator; ``None`` is either party's act."""
    if actor.previewing:
        return False
    if actor.seat in (Side.operator, Side.court):
        return True
    return (party is None and actor.seat in PARTIES) or actor.seat is party
