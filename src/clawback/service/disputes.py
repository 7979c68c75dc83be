"""The dispute: claw-back claims and their lifecycle, rulings, sealing, the order's deadlines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain import claims as claim_rules
from clawback.domain import compliance, sealing
from clawback.domain.bates import parse_ranges
from clawback.domain.deadlines import Deadline, Service, compute
from clawback.domain.documents import exhibit_runs
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.order import Side
from clawback.service import access as access_rules
from clawback.service import exports, record
from clawback.service.base import WorkspaceBase
from clawback.storage import tables as t


def local_rules() -> dict[str, sealing.LocalRule]:
    """The local sealing procedures shipped as data (N.D. Cal. 79-5, S.D. Cal.)."""
    text = resources.files("clawback.data").joinpath("local_rules.yaml").read_text("utf-8")
    data: dict[str, dict[str, object]] = yaml.safe_load(text)
    return {name: sealing.local_rule_from_data(name, rule) for name, rule in data.items()}


class Duty(StrEnum):
    """The claw-back duties a deadline tracks, and the moves that fulfil them."""

    certify = "certify"  # the receiving side's prompt return, sequestration or destruction
    replace = "replace"  # the producing side's replacement production after the ruling


_FULFILS = {
    claim_rules.State.sequestered: Duty.certify,
    claim_rules.State.submitted: Duty.certify,
    claim_rules.State.replaced: Duty.replace,
}


def claim_terms(s: Session) -> claim_rules.ClawbackTerms:
    """The protective order's claw-back periods (or the documented defaults)."""
    return claim_rules.terms_from_order(record.matter(s).order)


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


def move_claim(
    ws: Disputes,
    s: Session,
    row: t.Claim,
    to: claim_rules.State,
    on: date | None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Move ``row`` to ``to`` as ``ws``'s actor: checked against the lifecycle and the actor's
    seat, dated not before the last move, recorded as an event, audited; the duties it fulfils
    are marked done and access follows."""
    seat = ws.person.side if ws.person is not None else None
    current = claim_rules.State(row.state)
    row.state = claim_rules.transition(row.id, current, to, seat).value
    last = s.scalar(
        select(t.ClaimEvent.on)
        .where(t.ClaimEvent.claim_id == row.id, t.ClaimEvent.on.is_not(None))
        .order_by(t.ClaimEvent.on.desc())
        .limit(1)
    )
    claim_rules.check_dated(row.id, to, on, last)
    s.add(ws._claim_event(row.id, to, on, detail))
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
    access_rules.refresh_exhibits(s, row.exhibits)
    ws._audit(s, f"claim.{to.value}", row.id, on=on, **dict(detail or {}))


class Disputes(WorkspaceBase):
    # -- claw back and rule ----------------------------------------------------------------------

    def claim(
        self,
        claim_id: str,
        *,
        privilege: str,
        exhibits: Sequence[int],
        items: Sequence[str] = (),
        declarations: Sequence[str] = (),
        paragraphs: Sequence[str] = (),
        basis: str = "",
        on: date | None = None,
        learned_on: date | None = None,
    ) -> None:
        """A claw-back notice (FRCP 26(b)(5)(B)): from now the claimed material is sequestered,
        and the receiving side's "promptly" runs. ``learned_on``: when the producing side
        learned of the disclosure (FRE 502(b)'s promptness runs from then, else from
        production). A late notice is accepted and flagged."""
        self._require(Side.producing, act="give claw-back notice")
        with self.transaction() as s:
            if s.get(t.Claim, claim_id) is not None:
                raise RuleViolation(f"claim {claim_id!r} already exists")
            known = {e.number: e for e in record.exhibits(s)}
            for number in exhibits:
                if number not in known:
                    raise NotFound(f"claim {claim_id!r}: no produced Ex. {number}")
            on_claimed = {i.id for n in exhibits for i in known[n].items}
            for item in items:
                if item not in on_claimed:
                    raise NotFound(f"claim {claim_id!r}: no item {item!r} on the claimed exhibits")
            for decl in declarations:
                if s.get(t.Declaration, decl) is None:
                    raise NotFound(f"claim {claim_id!r}: no declaration {decl!r}")
            privilege_kind = claim_rules.Privilege(privilege)
            s.add(
                t.Claim(
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
                )
            )
            s.flush()
            detail = {"privilege": privilege_kind.value, "basis": basis}
            s.add(self._claim_event(claim_id, claim_rules.State.noticed, on, detail))
            spans = [str(known[n].bates) for n in exhibits]
            access_rules.refresh_exhibits(s, exhibits)
            terms = claim_terms(s)
            late = claim_rules.lateness(
                on, produced_on(s, exhibits), learned_on, terms.late_after_days
            )
            if on is not None:
                due = compute(on, terms.promptly_days, state=record.matter(s).state)
                s.add(
                    t.Deadline(
                        act=(
                            f"receiving side: certify return, sequestration or destruction of "
                            f"what claim {claim_id} covers ({exhibit_runs(exhibits)}), or "
                            "present it to the court under seal"
                        ),
                        due=due,
                        trigger=on,
                        days=terms.promptly_days,
                        source=f'FRCP 26(b)(5)(B) "promptly"; {terms.source}',
                        claim_id=claim_id,
                        duty=Duty.certify.value,
                    )
                )
            self._audit(
                s,
                "claim.notice",
                "; ".join(spans),
                claim=claim_id,
                items=list(items),
                late=str(late) if late else None,
            )

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
        self._require(Side.producing, Side.receiving, Side.court, act="move a claim on")
        try:
            state = claim_rules.State(to)
        except ValueError:
            allowed = ", ".join(s.value for s in claim_rules.State)
            raise ClawbackError(f"claim {claim_id!r}: no state {to!r} (one of {allowed})") from None
        detail: dict[str, str] = {"note": note} if note else {}
        if state is claim_rules.State.sequestered:
            try:
                detail["certified"] = claim_rules.Certified(how or "sequestered").value
            except ValueError:
                allowed = ", ".join(c.value for c in claim_rules.Certified)
                raise ClawbackError(
                    f"claim {claim_id!r}: certify {how!r}? one of {allowed}"
                ) from None
        elif how is not None:
            raise ClawbackError(f"claim {claim_id!r}: --how goes with sequestered only")
        if state is claim_rules.State.replaced:
            if not volume.strip() or not bates.strip():
                raise ClawbackError(
                    f"claim {claim_id!r}: a replacement production needs its volume and Bates range"
                )
            detail |= {
                "volume": volume.strip(),
                "bates": ", ".join(str(r) for r in parse_ranges(bates)),
            }
        elif volume or bates:
            raise ClawbackError(
                f"claim {claim_id!r}: a volume and Bates range go with replaced only"
            )
        with self.transaction() as s:
            row = self._claim(s, claim_id)
            if state in (claim_rules.State.ruled, claim_rules.State.applied):
                claim_rules.transition(claim_id, claim_rules.State(row.state), state)
                verb = "rule" if state is claim_rules.State.ruled else "file"
                raise RuleViolation(f"claim {claim_id!r}: {state} comes from `{verb}`, not advance")
            move_claim(self, s, row, state, on, detail)

    def claims_status(self) -> list[dict[str, Any]]:
        """Every claim: state, history (dated, by whom), FRE 502(b) lateness, open duties."""
        self._require(Side.producing, Side.receiving, Side.court, act="read the claims")
        with self.transaction() as s:
            terms = claim_terms(s)
            out = []
            for row in s.scalars(select(t.Claim).order_by(t.Claim.id)).all():
                late = claim_rules.lateness(
                    row.noticed_on,
                    produced_on(s, row.exhibits),
                    row.learned_on,
                    terms.late_after_days,
                )
                events = s.scalars(
                    select(t.ClaimEvent)
                    .where(t.ClaimEvent.claim_id == row.id)
                    .order_by(t.ClaimEvent.id)
                ).all()
                duties = s.scalars(
                    select(t.Deadline)
                    .where(t.Deadline.claim_id == row.id)
                    .order_by(t.Deadline.due, t.Deadline.id)
                ).all()
                out.append(
                    {
                        "claim": row.id,
                        "privilege": row.privilege,
                        "exhibits": list(row.exhibits),
                        "state": row.state,
                        "noticed_on": row.noticed_on.isoformat() if row.noticed_on else None,
                        "late": str(late) if late else None,
                        "history": [
                            {
                                "state": e.state,
                                "on": e.on.isoformat() if e.on else None,
                                "by": e.actor or "",
                                **(e.detail or {}),
                            }
                            for e in events
                        ],
                        "duties": [
                            {
                                "act": d.act,
                                "due": d.due.isoformat(),
                                "done_on": d.done_on.isoformat() if d.done_on else None,
                            }
                            for d in duties
                        ],
                    }
                )
            return out

    def rule(
        self,
        claim_id: str,
        result: str,
        items: Sequence[str] = (),
        reason: str = "",
        on: date | None = None,
    ) -> None:
        """Enter the court's ruling on a claim: granted, denied, or granted in part (items)."""
        self._require(Side.court, act="rule on a claim")
        with self.transaction() as s:
            row = self._claim(s, claim_id)
            claim = next(c for c in record.claims(s) if c.id == claim_id)
            ruling = claim_rules.Ruling(
                claim_id, claim_rules.Result(result), tuple(items), reason, on
            )
            claim_rules.check_ruling(claim, ruling, record.exhibits(s))
            if s.get(t.Ruling, claim_id) is not None:
                raise RuleViolation(f"claim {claim_id!r} is already ruled on")
            s.add(
                t.Ruling(claim_id=claim_id, result=result, items=list(items), reason=reason, on=on)
            )
            move_claim(self, s, row, claim_rules.State.ruled, on, {"result": result})  # and access
            if on is not None:
                terms = claim_terms(s)
                due = compute(on, terms.replacement_days, state=record.matter(s).state)
                what = claim_rules.applied_outcome(claim, ruling)
                s.add(
                    t.Deadline(
                        act=(
                            f"producing side: serve the replacement production for claim "
                            f"{claim_id} ({what}, as ruled)"
                        ),
                        due=due,
                        trigger=on,
                        days=terms.replacement_days,
                        source=f"ruling on claim {claim_id}; {terms.source}",
                        claim_id=claim_id,
                        duty=Duty.replace.value,
                    )
                )
            self._audit(s, "rule", claim_id, result=result, items=list(items))

    def _claim_event(
        self,
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
            actor=self.actor,
            detail=dict(detail or {}),
        )

    def _claim(self, s: Session, claim_id: str) -> t.Claim:
        row = s.get(t.Claim, claim_id)
        if row is None:
            raise NotFound(f"no claim {claim_id!r}")
        return row

    # -- seal and comply ---------------------------------------------------------------------------

    def seal(
        self,
        docket: str,
        *,
        exhibits: Sequence[int],
        kind: str,
        granted: bool,
        joint: bool = False,
        reason: str = "",
        on: date | None = None,
        unseal_on: date | None = None,
    ) -> list[sealing.SealDecision]:
        """The court's ruling on a motion to seal, exhibit by exhibit (the motion is recorded
        too if ``move_to_seal`` did not record it); ``unseal_on`` ends the seal on that day."""
        self._require(Side.court, act="rule on a motion to seal")
        motion = sealing.MotionToSeal(docket, tuple(exhibits), sealing.MotionKind(kind), joint)
        with self.transaction() as s:
            known = record.exhibits(s)
            missing = set(exhibits) - {e.number for e in known}
            if missing:
                raise NotFound(f"motion to seal {docket}: no produced Ex. {min(missing)}")
            decisions = sealing.decide(motion, known, granted, reason)
            row = s.get(t.SealMotion, docket) or t.SealMotion(
                docket=docket, kind=kind, joint=joint, exhibits=list(exhibits)
            )
            ruled = select(t.SealDecision.id).where(t.SealDecision.motion == docket).limit(1)
            if s.scalar(ruled) is not None:
                raise RuleViolation(f"motion to seal Dkt. {docket} was already ruled on")
            row.ruled_on = on
            s.add(row)
            s.flush()  # the motion row first: decisions refer to it
            for d in decisions:
                s.add(
                    t.SealDecision(
                        motion=docket,
                        exhibit=d.exhibit,
                        sealed=d.sealed,
                        standard=d.standard.value,
                        reason=d.reason,
                        unseal_on=unseal_on if d.sealed else None,
                    )
                )
            sealed_now = [d.exhibit for d in decisions if d.sealed]
            if unseal_on is not None and sealed_now and on is not None:
                s.add(
                    t.Deadline(
                        act=f"the seal of {exhibit_runs(sealed_now)} ends: file them publicly",
                        due=unseal_on,
                        trigger=on,
                        days=(unseal_on - on).days,
                        source=f"order on the motion to seal, Dkt. {docket}",
                    )
                )
            access_rules.refresh_exhibits(s, exhibits)
            self._audit(s, "seal", docket, sealed=sealed_now, unseal_on=unseal_on)
            return decisions

    def order_deadlines(
        self,
        order_date: date,
        directives: Sequence[compliance.Directive],
        served_by: str = "electronic",
    ) -> list[Deadline]:
        """Turn an order's directives into dated acts and record them: FRCP 6(a), plus 6(d)'s
        three days when the order was served by mail, by leaving it with the clerk, or by
        other means consented to (not after electronic service)."""
        self._require(Side.court, Side.producing, act="record an order's deadlines")
        if served_by not in Service.__members__:
            raise ClawbackError(f"served by {served_by!r}? one of {', '.join(Service.__members__)}")
        with self.transaction() as s:
            state = record.matter(s).state
            found = compliance.deadlines(
                directives,
                order_date,
                record.exhibits(s),
                record.seal_decisions(s),
                service=Service(served_by),
                state=state,
            )
            for d in found:
                s.add(
                    t.Deadline(
                        act=d.act, due=d.due, trigger=d.trigger, days=d.days, source=d.source
                    )
                )
            self._audit(s, "deadlines", d.source if found else "", count=len(found))
            return found

    def move_to_seal(
        self,
        docket: str,
        *,
        exhibits: Sequence[int],
        kind: str,
        filed_on: date,
        local_rule: str | None = None,
        movant_designated: bool = True,
        joint: bool = False,
    ) -> Deadline | None:
        """Record a motion to seal as filed; returns the designating party's supporting
        statement deadline when the local rule sets one and the movant did not designate."""
        self._require(Side.producing, Side.receiving, act="move to seal")
        motion = sealing.MotionToSeal(docket, tuple(exhibits), sealing.MotionKind(kind), joint)
        rule = local_rules()[local_rule] if local_rule else None
        with self.transaction() as s:
            if s.get(t.SealMotion, docket) is not None:
                raise RuleViolation(f"motion to seal Dkt. {docket} is already on record")
            known = {e.number: e for e in record.exhibits(s)}
            missing = set(exhibits) - set(known)
            if missing:
                raise NotFound(f"motion to seal {docket}: no produced Ex. {min(missing)}")
            public = [n for n in exhibits if known[n].publicly_available]
            s.add(
                t.SealMotion(
                    docket=docket,
                    kind=kind,
                    joint=joint,
                    exhibits=list(exhibits),
                    filed_on=filed_on,
                    local_rule=local_rule,
                    movant_designated=movant_designated,
                )
            )
            due = None
            if rule is not None:
                due = sealing.supporting_statement(
                    rule,
                    motion,
                    filed_on,
                    movant_designated,
                    exhibit_runs(exhibits),
                    record.matter(s).state,
                )
            if due is not None:
                s.add(
                    t.Deadline(
                        act=due.act,
                        due=due.due,
                        trigger=due.trigger,
                        days=due.days,
                        source=due.source,
                    )
                )
            self._audit(
                s,
                "seal.motion",
                docket,
                exhibits=list(exhibits),
                already_public=public,
                standard=motion.standard.value,
            )
            return due

    def complete(self, number: int, on: date) -> None:
        """Mark a required act done (a filing lodged, a statement filed)."""
        self._require(Side.producing, Side.receiving, Side.court, act="mark an act done")
        with self.transaction() as s:
            row = s.get(t.Deadline, number)
            if row is None:
                raise NotFound(f"no deadline {number}")
            row.done, row.done_on = True, on
            self._audit(s, "deadline.done", str(number), due=row.due, on=on)

    def calendar(self) -> str:
        """Every recorded deadline as an iCalendar file."""
        found = self.deadlines()
        with self.transaction() as s:
            return exports.calendar(found, record.matter(s).number)

    def deadlines(self) -> list[Deadline]:
        with self.transaction() as s:
            rows = s.scalars(select(t.Deadline).order_by(t.Deadline.due, t.Deadline.id)).all()
            return [
                Deadline(r.act, r.due, r.trigger, r.days, r.source, r.done_on, r.id) for r in rows
            ]
