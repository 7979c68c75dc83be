"""The dated acts an order and the rules require, who must do each, and who sees them.

A deadline names its party (whose act it is; none for either party's) and the exhibits its
words name: the court and the parties see the case's deadlines, except one naming an exhibit
the person may not know of; the public sees none (a pending claw-back or a sealed range is no
business of the public's). The party whose act it is, the court or the operator marks it done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from clawback.domain import compliance
from clawback.domain.acts import OrderedAct
from clawback.domain.calendar import Closure
from clawback.domain.deadlines import Deadline, next_court_day
from clawback.domain.deadlines import Service as ServedBy
from clawback.domain.errors import InvalidInput, NotPermitted, RuleViolation
from clawback.domain.order import Side
from clawback.domain.public_refs import parse_ref
from clawback.domain.seats import Act, may_act_for
from clawback.service import exports, lookup, rows
from clawback.service.base import Service
from clawback.storage import tables as t


class Deadlines(Service):
    def order_deadlines(
        self,
        order_date: date,
        directives: Sequence[compliance.Directive],
        served_by: str = "electronic",
    ) -> list[Deadline]:
        """Turn an order's directives into dated acts and record them: FRCP 6(a), plus 6(d)'s
        three days when the order was served by mail, by leaving it with the clerk, or by
        other means consented to (not after electronic service)."""
        self.ctx.require(Act.record_deadlines)
        service = served_by_named(served_by)
        with self.ctx.transaction() as s:
            state = rows.matter(s).state
            decisions = rows.seal_decisions(s)
            found = compliance.deadlines(
                directives,
                order_date,
                rows.exhibits(s),
                decisions,
                service=service,
                state=state,
                closures=rows.closures(s),
            )
            known = rows.exhibits(s)
            made = [
                t.Deadline(
                    act=d.act,
                    due=d.due,
                    trigger=d.trigger,
                    days=d.days,
                    source=d.source,
                    # the exhibits its act is done to: each reader is told it for those of
                    # them they may know of (lookup.deadline_told)
                    exhibits=[e.number for e in compliance.cited(directive.act, known, decisions)],
                )
                for d, directive in zip(found, directives, strict=True)
            ]
            s.add_all(made)
            s.flush()
            # names its deadlines: withheld from whoever they are not shown to (audit_trail)
            self.ctx.audit(
                s,
                "deadlines",
                found[0].source if found else "",
                count=len(found),
                deadlines=[row.ref for row in made],
            )
            return found

    def add_act(self, act: OrderedAct, served_by: str = "electronic") -> Deadline:
        """Record an act an order sets (``domain.acts``): its period counted under FRCP 6(a)
        with the court's closures, or the date the court fixed."""
        self.ctx.require(Act.record_deadlines)
        service = served_by_named(served_by)
        with self.ctx.transaction() as s:
            found = act.deadline(
                service=service, state=rows.matter(s).state, closures=rows.closures(s)
            )
            row = t.Deadline(
                act=found.act,
                due=found.due,
                trigger=found.trigger,
                days=found.days,
                source=found.source,
                party=found.party,
                kind=found.kind,
                exhibits=[],
            )
            s.add(row)
            s.flush()
            # names its deadline: withheld from whoever it is not shown to, as its words may
            # name an exhibit beyond their tier (``lookup.named_in_words``)
            self.ctx.audit(
                s, "deadline.act", found.act, kind=found.kind, due=found.due, deadlines=[row.ref]
            )
            return rows.deadline(row)

    def close_court(self, day: date, reason: str) -> list[Deadline]:
        """Enter a day the court's clerk's office was inaccessible (FRCP 6(a)(3)): a period
        that ends on it, recorded or counted later, runs to the next accessible day. Returns
        the open deadlines it moved. A date the court fixed is not a period and stays."""
        self.ctx.require(Act.record_deadlines)
        closure = Closure(day, reason.strip())
        with self.ctx.transaction() as s:
            if s.get(t.CourtClosure, day) is not None:
                raise RuleViolation(f"the court's closure on {day} is already entered")
            s.add(t.CourtClosure(day=closure.day, reason=closure.reason))
            s.flush()
            state, closed = rows.matter(s).state, rows.closures(s)
            falling = s.scalars(
                select(t.Deadline).where(
                    t.Deadline.due == day,
                    t.Deadline.done.is_(False),
                    t.Deadline.lifted.is_(None),
                    t.Deadline.days.is_not(None),
                )
            ).all()
            for row in falling:
                row.due = next_court_day(day, state, closed)
            self.ctx.audit(
                s,
                "court.closure",
                day.isoformat(),
                reason=closure.reason,
                moved=[r.ref for r in falling],
            )
            return [rows.deadline(r) for r in falling]

    def closures(self) -> list[Closure]:
        """The court's closures entered for the case."""
        self.ctx.require(Act.read_deadlines)
        with self.ctx.reading() as s:
            found = s.scalars(select(t.CourtClosure).order_by(t.CourtClosure.day)).all()
            return [Closure(r.day, r.reason) for r in found]

    def complete(self, ref: str, on: date) -> None:
        """Mark a required act done (a filing lodged, a statement filed); ``ref`` as listed."""
        self.ctx.require(Act.mark_done)
        number = parse_ref("a deadline", ref)
        with self.ctx.transaction() as s:
            row = lookup.deadline(s, self.actor, number)
            party = Side(row.party) if row.party else None
            if not may_act_for(self.actor, party):
                raise NotPermitted(
                    f"{self.actor} may not mark deadline {number} done: it is the "
                    f"{row.party} side's act"
                )
            row.done, row.done_on = True, on
            self.ctx.audit(s, "deadline.done", f"deadline {row.ref}", due=row.due, on=on)

    def calendar(self) -> str:
        """The deadlines this actor sees, as an iCalendar file."""
        found = self.list()
        with self.ctx.reading() as s:
            return exports.calendar(found, rows.matter(s).number)

    def list(self, *, claims: bool = True) -> list[Deadline]:
        """The deadlines this actor sees (without each claim's duties if not ``claims``)."""
        self.ctx.require(Act.read_deadlines)
        with self.ctx.reading() as s:
            known = lookup.known_exhibits(s, self.actor)
            hidden = lookup.unknown_claims(s, self.actor, exhibits=known) if claims else set()
            query = select(t.Deadline).order_by(t.Deadline.due, t.Deadline.id)
            if not claims:
                query = query.where(t.Deadline.claim_id.is_(None))
            return [
                lookup.deadline_told(s, self.actor, r, known)
                for r in s.scalars(query).all()
                if lookup.deadline_shown(s, self.actor, r, known, hidden)
            ]


def served_by_named(served_by: str) -> ServedBy:
    """How an order was served, by its name (``mail``), or the one line listing them."""
    if served_by not in ServedBy.__members__:
        known = ", ".join(ServedBy.__members__)
        raise InvalidInput(f"served by {served_by!r}? one of {known}")
    return ServedBy(served_by)
