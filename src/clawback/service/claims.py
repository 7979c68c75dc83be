"""Claw-back claims (FRCP 26(b)(5)(B)) and their lifecycle, and the court's rulings on them.

What the receiving side learns of a claim is the notice: the claims listing shows a person the
claims over exhibits their tier admits, each with only those exhibits, even while the
documents themselves are sequestered from them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain import claims as claim_rules
from clawback.domain.bates import parse_ranges
from clawback.domain.deadlines import compute
from clawback.domain.documents import Exhibit
from clawback.domain.errors import (
    ClawbackError,
    InvalidInput,
    NotFound,
    RowsRefused,
    RuleViolation,
)
from clawback.domain.order import Side
from clawback.domain.outcomes import LIFTS_DUTIES
from clawback.domain.pinpoints import FiledPaper, docket_entry
from clawback.domain.refs import record_id
from clawback.domain.seats import Act, permitted
from clawback.service import access as access_rules
from clawback.service import lookup, notices, rows
from clawback.service.base import Service
from clawback.service.context import Context
from clawback.storage import tables as t


class Duty(StrEnum):
    """The claw-back duties a deadline tracks, and the moves that fulfil them."""

    certify = "certify"  # the receiving side's prompt return, sequestration or destruction
    replacement = "replace"  # the producing side's replacement production after the ruling


_FULFILS = {
    claim_rules.State.sequestered: Duty.certify,
    claim_rules.State.submitted: Duty.certify,
    claim_rules.State.replaced: Duty.replacement,
}


def claim_terms(s: Session) -> claim_rules.ClawbackTerms:
    """The protective order's claw-back periods (or the documented defaults)."""
    return claim_rules.terms_from_order(rows.matter(s).order)


def produced_on(s: Session, exhibits: Sequence[int]) -> date | None:
    """When the earliest of these exhibits was produced (None if no volume is dated)."""
    query = (
        select(t.Production.produced_on)
        .join(t.Document, t.Document.production == t.Production.id)
        .where(t.Document.exhibit.in_(list(exhibits)), t.Production.produced_on.is_not(None))
        .order_by(t.Production.produced_on)
        .limit(1)
    )
    return s.scalar(query)


def disclosed_on(
    s: Session, exhibits: Sequence[int], papers: Sequence[str] = ()
) -> tuple[date | None, str]:
    """When the claimed material was first disclosed, and how, for FRE 502(b): the earliest
    production of the exhibits, or the earliest filing of the papers (docket entries)."""
    found: list[tuple[date, str]] = []
    produced = produced_on(s, exhibits) if exhibits else None
    if produced is not None:
        found.append((produced, "production"))
    if papers:
        filed = s.scalar(
            select(t.Document.filed_on)
            .where(t.Document.docket.in_(list(papers)), t.Document.filed_on.is_not(None))
            .order_by(t.Document.filed_on)
            .limit(1)
        )
        if filed is not None:
            found.append((filed, "filing"))
    if not found:
        return None, "production"
    return min(found)


def lateness(
    s: Session, row: t.Claim, terms: claim_rules.ClawbackTerms
) -> claim_rules.Lateness | None:
    """The FRE 502(b) lateness flag of the claim in ``row``."""
    since, how = disclosed_on(s, row.exhibits, row.papers or ())
    return claim_rules.lateness(row.noticed_on, since, row.learned_on, terms.late_after_days, how)


def refresh(s: Session, row: t.Claim) -> None:
    """Access after a change to the claim in ``row``: its exhibits and its filed papers."""
    access_rules.refresh_exhibits(s, row.exhibits)
    access_rules.refresh_papers(s, row.papers or ())


def move_claim(
    ctx: Context,
    s: Session,
    row: t.Claim,
    to: claim_rules.State,
    on: date | None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Move ``row`` to ``to`` as ``ctx``'s actor: checked against the lifecycle and the actor's
    seat, dated not before the last move, recorded as an event, audited; the duties it fulfils
    are marked done and access follows."""
    seat = None if ctx.actor.seat is Side.operator else ctx.actor.seat
    current = claim_rules.State(row.state)
    row.state = claim_rules.transition(row.id, current, to, seat).value
    last = s.scalar(
        select(t.ClaimEvent.on)
        .where(t.ClaimEvent.claim_id == row.id, t.ClaimEvent.on.is_not(None))
        .order_by(t.ClaimEvent.on.desc())
        .limit(1)
    )
    claim_rules.check_dated(row.id, to, on, last)
    s.add(claim_event(ctx, row.id, to, on, detail))
    if to is claim_rules.State.withdrawn:
        lift_duties(s, row.id, f"claim {row.id} withdrawn")
    duty = _FULFILS.get(to)
    if duty is not None:
        for d in s.scalars(
            select(t.Deadline).where(
                t.Deadline.claim_id == row.id,
                t.Deadline.duty == duty.value,
                t.Deadline.done.is_(False),
            )
        ).all():
            d.done, d.done_on = True, on or date.today()
    refresh(s, row)
    ctx.audit(s, f"claim.{to.value}", row.id, on=on, **dict(detail or {}))


def lift_duties(s: Session, claim_id: str, why: str) -> None:
    """A claim that no longer asks anything of anyone leaves no open, and so no overdue, duty:
    each open one is kept in the record, lifted, with why."""
    for d in s.scalars(
        select(t.Deadline).where(t.Deadline.claim_id == claim_id, t.Deadline.done.is_(False))
    ).all():
        d.lifted = why


def claim_event(
    ctx: Context,
    claim_id: str,
    state: claim_rules.State,
    on: date | None,
    detail: Mapping[str, Any] | None = None,
) -> t.ClaimEvent:
    return t.ClaimEvent(
        claim_id=claim_id,
        state=state.value,
        on=on,
        at=datetime.now(UTC),
        actor=ctx.actor.name,
        detail=dict(detail or {}),
    )


def check_rule(
    claim: claim_rules.Claim,
    ruling: claim_rules.Ruling,
    exhibits: Sequence[Exhibit],
    earlier: claim_rules.Ruling | None,
    amend: bool,
    papers: Sequence[FiledPaper] = (),
) -> None:
    """A ruling the claim can take: it grants only what the claim covers, and it amends the
    ruling in force (dated, not before it) exactly when ``amend`` says so."""
    claim_rules.check_ruling(claim, ruling, exhibits, papers)
    if earlier is not None:
        if not amend:
            raise RuleViolation(
                f"claim {claim.id!r} is already ruled on (an amended ruling: --amend)"
            )
        claim_rules.check_amendment(earlier, ruling)
    elif amend:
        raise RuleViolation(f"claim {claim.id!r} has no ruling to amend")


class Claims(Service):
    def claim(
        self,
        claim_id: str,
        *,
        privilege: str,
        exhibits: Sequence[int] = (),
        items: Sequence[str] = (),
        declarations: Sequence[str] = (),
        paragraphs: Sequence[str] = (),
        basis: str = "",
        on: date | None = None,
        learned_on: date | None = None,
        request: str = "clawback",
        papers: Sequence[str] = (),
    ) -> None:
        """A claw-back notice (FRCP 26(b)(5)(B)): from now the claimed material is sequestered,
        and the receiving side's "promptly" runs. It names exhibits, filed papers by docket
        entry (``ECF No. 101-33``), or both, and ``items`` on them. ``learned_on``: when the
        producing side learned of the disclosure (FRE 502(b)'s promptness runs from then, else
        from production or the paper's filing). A late notice is accepted and flagged."""
        self.ctx.require(Act.notice_claim)
        claim_id = record_id("a claim id", claim_id)
        if not exhibits and not papers:
            raise InvalidInput(f"claim {claim_id!r}: name the exhibits or filed papers it claims")
        dockets = list(dict.fromkeys(docket_entry(p) for p in papers))
        with self.ctx.transaction() as s:
            if s.get(t.Claim, claim_id) is not None:
                raise RuleViolation(f"claim {claim_id!r} already exists")
            lookup.exhibit_documents(s, self.actor, exhibits)
            paper_docs = lookup.paper_documents(s, self.actor, dockets)
            known = {e.number: e for e in rows.exhibits(s)}
            on_claimed = {i.id for n in exhibits for i in known[n].items}
            on_claimed |= set(
                s.scalars(
                    select(t.Item.id).where(t.Item.document_id.in_([d.id for d in paper_docs]))
                ).all()
            )
            unknown = [repr(i) for i in dict.fromkeys(items) if i not in on_claimed]
            if unknown:
                where = "exhibits" if not dockets else "papers" if not exhibits else "documents"
                raise NotFound(
                    f"claim {claim_id!r}: no item {', '.join(unknown)} on the claimed {where}"
                )
            for decl in declarations:
                if s.get(t.Declaration, decl) is None:
                    raise NotFound(f"claim {claim_id!r}: no declaration {decl!r}")
            try:
                privilege_kind = claim_rules.Privilege(privilege)
            except ValueError:
                kinds = ", ".join(p.value for p in claim_rules.Privilege)
                raise InvalidInput(f"no privilege {privilege!r}: one of {kinds}") from None
            try:
                came = claim_rules.Request(request)
            except ValueError:
                kinds = ", ".join(r.value for r in claim_rules.Request)
                raise InvalidInput(f"no request {request!r}: one of {kinds}") from None
            row = t.Claim(
                id=claim_id,
                privilege=privilege_kind.value,
                exhibits=list(exhibits),
                items=list(items),
                declarations=list(declarations),
                paragraphs=list(paragraphs),
                basis=basis,
                state=claim_rules.State.noticed.value,
                noticed_on=on,
                learned_on=learned_on,
                request=came.value,
                papers=dockets,
            )
            s.add(row)
            s.flush()
            detail = {"privilege": privilege_kind.value, "basis": basis}
            s.add(claim_event(self.ctx, claim_id, claim_rules.State.noticed, on, detail))
            spans = [str(known[n].bates) for n in exhibits] + [f"ECF No. {d}" for d in dockets]
            refresh(s, row)
            terms = claim_terms(s)
            late = lateness(s, row, terms)
            if on is not None:
                due = compute(
                    on,
                    terms.promptly_days,
                    state=rows.matter(s).state,
                    extra_holidays=rows.closures(s),
                )
                s.add(
                    t.Deadline(
                        act=(
                            f"certify return, sequestration or destruction of "
                            f"what claim {claim_id} covers "
                            f"({rows.covers(s, exhibits, dockets)}), or "
                            "present it to the court under seal"
                        ),
                        due=due,
                        trigger=on,
                        days=terms.promptly_days,
                        source=f'FRCP 26(b)(5)(B) "promptly"; {terms.source}',
                        claim_id=claim_id,
                        duty=Duty.certify.value,
                        party=Side.receiving.value,
                        exhibits=list(exhibits),
                    )
                )
            self.ctx.audit(
                s,
                "claim.notice",
                "; ".join(spans),
                claim=claim_id,
                items=list(items),
                late=str(late) if late else None,
            )
        notices.claw_back_noticed(self.ctx, claim_id)  # after the commit: never blocks it

    def advance(
        self,
        claim_id: str,
        to: str,
        on: date | None = None,
        *,
        how: str | None = None,
        volume: str = "",
        bates: str = "",
        note: str = "",
    ) -> None:
        """Move a claim on in its lifecycle, as the seat that makes that move:

        - ``sequestered`` (receiving side): certifies ``how``: returned, sequestered, destroyed;
        - ``submitted`` (receiving side): presented the material to the court under seal;
        - ``preserved`` (producing side): certifies it preserves the material;
        - ``under_review`` (court): the court takes it under review;
        - ``replaced`` (producing side): the replacement production, ``volume`` and ``bates``;
        - ``withdrawn`` (producing side).

        ``ruled`` goes through ``rule``, ``applied`` through ``file``; illegal moves refused."""
        self.ctx.require(Act.move_claim)
        try:
            state = claim_rules.State(to)
        except ValueError:
            allowed = ", ".join(s.value for s in claim_rules.State)
            raise InvalidInput(f"claim {claim_id!r}: no state {to!r} (one of {allowed})") from None
        detail: dict[str, str] = {"note": note} if note else {}
        if state is claim_rules.State.sequestered:
            try:
                detail["certified"] = claim_rules.Certified(how or "sequestered").value
            except ValueError:
                allowed = ", ".join(c.value for c in claim_rules.Certified)
                raise InvalidInput(
                    f"claim {claim_id!r}: certify {how!r}? one of {allowed}"
                ) from None
        elif how is not None:
            raise InvalidInput(f"claim {claim_id!r}: --how goes with sequestered only")
        if state is claim_rules.State.replaced:
            if not volume.strip() or not bates.strip():
                raise InvalidInput(
                    f"claim {claim_id!r}: a replacement production needs its volume and Bates range"
                )
            detail |= {
                "volume": volume.strip(),
                "bates": ", ".join(str(r) for r in parse_ranges(bates)),
            }
        elif volume or bates:
            raise InvalidInput(
                f"claim {claim_id!r}: a volume and Bates range go with replaced only"
            )
        with self.ctx.transaction() as s:
            row = lookup.claim(s, self.actor, claim_id)
            if state in (claim_rules.State.ruled, claim_rules.State.applied):
                claim_rules.transition(claim_id, claim_rules.State(row.state), state)
                verb = "rule" if state is claim_rules.State.ruled else "file"
                raise RuleViolation(f"claim {claim_id!r}: {state} comes from `{verb}`, not advance")
            move_claim(self.ctx, s, row, state, on, detail)

    def moves(self, claim_id: str) -> list[str]:
        """The moves the actor may make on ``claim_id`` now: ``ruled`` through ``rule``, the
        others through ``advance`` (none for a seat that may not move claims); ``NotFound``
        for a claim the actor may not know of."""
        self.ctx.require(Act.read_claims)
        with self.ctx.reading() as s:
            row = lookup.claim(s, self.actor, claim_id)
            if not permitted(self.actor, Act.move_claim):
                return []
            seat = None if self.actor.seat is Side.operator else self.actor.seat
            return [m.value for m in claim_rules.moves(claim_rules.State(row.state), seat)]

    def status(self) -> list[dict[str, Any]]:
        """Every claim the actor may know of: state, history (dated, by whom), FRE 502(b)
        lateness, the duties it started; each with only the exhibits and filed papers the
        actor may know of (``service.claim_status``)."""
        from clawback.service import claim_status  # it reads this module's rules

        self.ctx.require(Act.read_claims)
        with self.ctx.reading() as s:
            return claim_status.listed(s, self.actor)

    def rule_all(self, rulings: Sequence[tuple[str, claim_rules.Ruling, bool]]) -> None:
        """Enter many rulings (each with where it was read, and whether it amends), every one
        checked against the record and the rows before it first: one bad row enters none, and
        every bad row is named, one line each."""
        self.ctx.require(Act.rule)
        problems = []
        with self.ctx.transaction() as s:
            claims = {c.id: c for c in rows.claims(s)}
            exhibits = rows.exhibits(s)
            papers = rows.papers(s) if any(c.papers for c in claims.values()) else []
            standing = claim_rules.governing(rows.rulings(s))
            for where, ruling, amend in rulings:
                try:
                    lookup.claim(s, self.actor, ruling.claim)
                    claim = claims[ruling.claim]
                    earlier = standing.get(ruling.claim)
                    check_rule(claim, ruling, exhibits, earlier, amend, papers)
                except ClawbackError as exc:
                    problems.append(f"{where}: {exc}")
                else:
                    standing[ruling.claim] = ruling
        if problems:
            raise RowsRefused(problems, len(rulings))
        for _, r, amend in rulings:
            self.rule(r.claim, r.result.value, r.items, r.reason, r.on, amend=amend)

    def rule(
        self,
        claim_id: str,
        result: str,
        items: Sequence[str] = (),
        reason: str = "",
        on: date | None = None,
        *,
        amend: bool = False,
    ) -> None:
        """Enter the court's ruling on a claim, in any outcome of ``domain.outcomes``; the
        court's ``reason`` is kept word for word. ``amend``: the court changed its ruling; the
        new one is dated, governs from then, and the earlier stays in the claim's history."""
        self.ctx.require(Act.rule)
        try:
            outcome = claim_rules.Result(result)
        except ValueError:
            allowed = ", ".join(r.value for r in claim_rules.Result)
            raise InvalidInput(f"claim {claim_id!r}: no result {result!r} ({allowed})") from None
        with self.ctx.transaction() as s:
            row = lookup.claim(s, self.actor, claim_id)
            claim = next(c for c in rows.claims(s) if c.id == claim_id)
            ruling = claim_rules.Ruling(claim_id, outcome, tuple(items), reason, on)
            earlier = claim_rules.governing(rows.rulings(s)).get(claim_id)
            papers = rows.papers(s) if claim.papers else []
            check_rule(claim, ruling, rows.exhibits(s), earlier, amend, papers)
            detail: dict[str, Any] = {"result": result}
            if reason:
                detail["reason"] = reason
            s.add(
                t.Ruling(claim_id=claim_id, result=result, items=list(items), reason=reason, on=on)
            )
            if earlier is None:
                move_claim(self.ctx, s, row, claim_rules.State.ruled, on, detail)
            else:
                # The files carry the earlier ruling: the claim is ruled again, to be applied anew.
                row.state = claim_rules.State.ruled.value
                detail["amends"] = earlier.result.value
                s.add(claim_event(self.ctx, claim_id, claim_rules.State.ruled, on, detail))
                for d in s.scalars(
                    select(t.Deadline).where(
                        t.Deadline.claim_id == claim_id,
                        t.Deadline.duty == Duty.replacement.value,
                        t.Deadline.done.is_(False),
                    )
                ).all():
                    d.lifted = f"ruling on claim {claim_id} amended on {on}"
                refresh(s, row)
            if outcome in LIFTS_DUTIES:
                lift_duties(s, claim_id, f"claim {claim_id} {outcome.value.replace('_', ' ')}")
            # a replacement production replaces what was produced: a filed paper has none
            replaces = bool(row.exhibits)
            if (
                replaces
                and on is not None
                and claim_rules.applied_outcome(claim, ruling) != "sequestered"
            ):
                terms = claim_terms(s)
                due = compute(
                    on,
                    terms.replacement_days,
                    state=rows.matter(s).state,
                    extra_holidays=rows.closures(s),
                )
                what = claim_rules.applied_outcome(claim, ruling)
                s.add(
                    t.Deadline(
                        act=(
                            f"serve the replacement production for claim "
                            f"{claim_id} ({what}, as ruled)"
                        ),
                        due=due,
                        trigger=on,
                        days=terms.replacement_days,
                        source=f"ruling on claim {claim_id}; {terms.source}",
                        claim_id=claim_id,
                        duty=Duty.replacement.value,
                        party=Side.producing.value,
                        exhibits=list(row.exhibits),
                    )
                )
            self.ctx.audit(
                s, "rule", claim_id, result=result, items=list(items), amended=earlier is not None
            )
