"""The people in the case: their seats, their acknowledgments, and who may list whom."""

from __future__ import annotations

from sqlalchemy import select

from clawback.domain.errors import InvalidInput, NotFound, RuleViolation
from clawback.domain.order import SEATED, Person, Side
from clawback.domain.seats import Act
from clawback.service import rows
from clawback.service.accounts import end_logins, newly_guarded
from clawback.service.base import Service
from clawback.storage import tables as t


class People(Service):
    def add(
        self,
        email: str,
        *,
        name: str,
        side: str,
        category: str,
        acknowledged: bool | None = None,
    ) -> Person:
        """Give someone a seat: their side and their recipient category under the order.

        A category the order requires an acknowledgment from starts without access until the
        signed "agreement to be bound" is recorded (``acknowledge``).
        """
        self.ctx.require(Act.seat_people)
        if side not in {s.value for s in SEATED}:
            raise InvalidInput(f"no side {side!r}: one of {', '.join(s.value for s in SEATED)}")
        seat = Side(side)
        key = email.strip().lower()
        local, at, domain = key.partition("@")
        if (
            not (local and at and domain)
            or "@" in domain
            or len(key) > 200
            or any(c.isspace() or not c.isprintable() for c in key)
        ):
            raise InvalidInput(f"not an email address: {email!r}")
        if not name.strip() or len(name) > 200 or not name.isprintable():
            raise InvalidInput(f"a person's name: {name!r} (1 to 200 characters, printable)")
        with self.ctx.transaction() as s:
            order = rows.protective_order(s)
            if seat in (Side.producing, Side.receiving) and category not in order.categories:
                known = ", ".join(sorted(order.categories))
                raise RuleViolation(f"no recipient category {category!r} in the order: {known}")
            signed = (
                acknowledged
                if acknowledged is not None
                else category not in order.categories_needing_acknowledgment
            )
            row = s.get(t.Person, key)
            was = _person(row) if row is not None else None
            row = row or t.Person(email=key)
            row.name, row.side, row.category, row.acknowledged = name, seat.value, category, signed
            s.add(row)
            now_ = Person(key, name, seat, category, signed)
            # seated where the order asks a one-time code it did not ask before: what the
            # password alone opened (sessions, API tokens) ends here
            ended = was is not None and newly_guarded(order, was, order, now_)
            revoked = end_logins(s, key) if ended else 0
            extra = {"logins_ended": True, "revoked": revoked} if ended else {}
            self.ctx.audit(s, "person.seat", key, side=seat.value, category=category, **extra)
            return now_

    def acknowledge(self, email: str) -> None:
        """Record the person's signed acknowledgment and agreement to be bound."""
        self.ctx.require(Act.acknowledge)
        with self.ctx.transaction() as s:
            row = s.get(t.Person, email.strip().lower())
            if row is None:
                raise NotFound(f"no person {email!r} in this workspace")
            row.acknowledged = True
            self.ctx.audit(s, "person.acknowledge", row.email)

    def list(self) -> list[Person]:
        """The people this actor may know of: the operator and the court see everyone; a party
        sees its own side and the court's seats; the public sees no one."""
        self.ctx.require(Act.list_people)
        seat = self.actor.seat
        with self.ctx.reading() as s:
            query = select(t.Person).order_by(t.Person.side, t.Person.email)
            if seat not in (Side.operator, Side.court):
                query = query.where(t.Person.side.in_([seat.value, Side.court.value]))
            found = s.scalars(query).all()
            return [
                Person(r.email, r.name, Side(r.side), r.category, r.acknowledged) for r in found
            ]


def _person(row: t.Person) -> Person:
    return Person(row.email, row.name, Side(row.side), row.category, row.acknowledged)
