"""The dispute: claw-back claims and their lifecycle, rulings, sealing, the order's deadlines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from importlib import resources

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain import claims as claim_rules
from clawback.domain import compliance, sealing
from clawback.domain.deadlines import Deadline, Service
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
    ) -> None:
        """A claw-back notice (FRCP 26(b)(5)(B)): from now the claimed material is sequestered."""
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
                )
            )
            self._event(s, claim_id, claim_rules.State.noticed, on)
            spans = [str(known[n].bates) for n in exhibits]
            access_rules.refresh_exhibits(s, exhibits)
            self._audit(s, "claim.notice", "; ".join(spans), claim=claim_id, items=list(items))

    def advance(self, claim_id: str, to: str, on: date | None = None) -> None:
        """Move a claim on in its lifecycle (sequestered, submitted, ...); illegal moves refused."""
        self._require(Side.producing, Side.receiving, Side.court, act="move a claim on")
        with self.transaction() as s:
            row = self._claim(s, claim_id)
            state = claim_rules.State(to)
            self._replace_state(s, row, state, on)

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
            self._replace_state(s, row, claim_rules.State.ruled, on)  # refreshes access too
            self._audit(s, "rule", claim_id, result=result, items=list(items))

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
