"""The matter: its caption, its protective order, its declarations, and the people in it."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import select

from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.order import Person, Side, order_from_data
from clawback.service import record
from clawback.service.base import WorkspaceBase
from clawback.storage import tables as t


def protective_order_presets() -> dict[str, dict[str, Any]]:
    """The protective orders shipped as data (the reference order, the N.D. Cal. model)."""
    text = resources.files("clawback.data").joinpath("protective_orders.yaml").read_text("utf-8")
    presets: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return presets


class Matter(WorkspaceBase):
    """The case and the people in it."""

    def load_case(self, data: Mapping[str, Any], order: str | None = None) -> None:
        """Record the matter: caption, protective order, declarations.

        ``order`` names a preset protective order (``protective_order_presets``) to use instead
        of the case data's own; so does a ``preset:`` key in the case data's protective order.
        """
        self._require(Side.producing, Side.court, act="load a case")
        data = dict(data)
        wanted = order or dict(data.get("protective_order") or {}).get("preset")
        if wanted:
            presets = protective_order_presets()
            if wanted not in presets:
                raise NotFound(f"no protective order preset {wanted!r}: {', '.join(presets)}")
            data["protective_order"] = presets[wanted]
        if not isinstance(data.get("case"), Mapping) or "protective_order" not in data:
            raise ClawbackError("case data needs a 'case' mapping and a 'protective_order'")
        case = data["case"]
        for key in ("number", "court", "caption"):
            if key not in case:
                raise ClawbackError(f"case data lacks case.{key}")
        with self.transaction() as s:
            row = s.get(t.Matter, 1) or t.Matter(id=1)
            row.number, row.court = case["number"], case["court"]
            row.caption, row.state = case["caption"], case.get("state")
            row.order = dict(data["protective_order"])
            row.facts = {
                "producing_party": data.get("producing_party", ""),
                "receiving_party": data.get("receiving_party", ""),
            }
            s.add(row)
            for d in data.get("declarations", ()):
                s.merge(
                    t.Declaration(
                        id=d["id"],
                        declarant=d["declarant"],
                        title=d.get("title", ""),
                        docket=list(d.get("docket", ())),
                    )
                )
            order_from_data(row.order)  # refuse a malformed order now, not later
            self._audit(s, "case.load", case["number"])

    # -- people --------------------------------------------------------------------------------

    def add_person(
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
        self._require(Side.producing, Side.court, act="seat people")
        if side not in Side.__members__:
            raise ClawbackError(f"no side {side!r}: one of {', '.join(Side.__members__)}")
        seat = Side(side)
        key = email.strip().lower()
        if "@" not in key:
            raise ClawbackError(f"not an email address: {email!r}")
        with self.transaction() as s:
            order = record.protective_order(s)
            if seat in (Side.producing, Side.receiving) and category not in order.categories:
                known = ", ".join(sorted(order.categories))
                raise RuleViolation(f"no recipient category {category!r} in the order: {known}")
            signed = (
                acknowledged
                if acknowledged is not None
                else category not in order.categories_needing_acknowledgment
            )
            row = s.get(t.Person, key) or t.Person(email=key)
            row.name, row.side, row.category, row.acknowledged = name, seat.value, category, signed
            s.add(row)
            self._audit(s, "person.seat", key, side=seat.value, category=category)
            return Person(key, name, seat, category, signed)

    def acknowledge(self, email: str) -> None:
        """Record the person's signed acknowledgment and agreement to be bound."""
        self._require(Side.producing, Side.court, act="record acknowledgments")
        with self.transaction() as s:
            row = s.get(t.Person, email.strip().lower())
            if row is None:
                raise NotFound(f"no person {email!r} in this workspace")
            row.acknowledged = True
            self._audit(s, "person.acknowledge", row.email)

    def people(self) -> list[Person]:
        with self.transaction() as s:
            rows = s.scalars(select(t.Person).order_by(t.Person.side, t.Person.email)).all()
            return [Person(r.email, r.name, Side(r.side), r.category, r.acknowledged) for r in rows]
