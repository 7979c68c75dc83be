"""The matter: its caption, its protective order, its declarations."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import select

from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.order import Person, Side, order_from_data
from clawback.domain.seats import Act
from clawback.service import access as access_rules
from clawback.service.accounts import end_logins, newly_guarded
from clawback.service.base import Service
from clawback.storage import tables as t


def protective_order_presets() -> dict[str, dict[str, Any]]:
    """The protective orders shipped as data (the reference order, the N.D. Cal. model)."""
    text = resources.files("clawback.data").joinpath("protective_orders.yaml").read_text("utf-8")
    presets: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return presets


class Matter(Service):
    """The case: caption, protective order, declarations."""

    def producing_side(self) -> str | None:
        """Which party produced, ``plaintiff`` or ``defendant``, as the case file describes it
        (``producing_party``: "defendant", "the Government", "federal defendants"); None when
        the record does not say, or says it in words that name neither side or both."""
        from clawback.domain.order_words import order_words, side_named
        from clawback.service import rows

        self.ctx.require(Act.read_claims)
        with self.ctx.transaction() as s:
            if s.get(t.Matter, 1) is None:
                return None
            described = str((rows.matter(s).facts or {}).get("producing_party", ""))
        return side_named(order_words(), described)

    def load_case(
        self, data: Mapping[str, Any], order: str | None = None, agreed_by: str | None = None
    ) -> None:
        """Record the matter: caption, protective order, declarations.

        ``order`` names a preset protective order (``protective_order_presets``) to use instead
        of the case data's own; so does a ``preset:`` key in the case data's protective order.
        Replacing a protective order already in force needs ``agreed_by``: who on the other
        side agreed to the new one (a stipulated order), recorded in the audit trail; a new
        order that drops a tier some document carries is refused.
        """
        self.ctx.require(Act.load_case)
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
        new_order = order_from_data(dict(data["protective_order"]))  # refuse a malformed order
        with self.ctx.transaction() as s:
            row = s.get(t.Matter, 1)
            replaced = row is not None and dict(row.order) != dict(data["protective_order"])
            if replaced:
                if not (agreed_by or "").strip():
                    raise RuleViolation(
                        "a protective order is in force: replacing it needs the other side's "
                        "agreement (give who agreed, --agreed-by)"
                    )
                used = set(s.scalars(select(t.Designation.tier).distinct()).all())
                dropped = sorted(u for u in used if not any(x.matches(u) for x in new_order.tiers))
                if dropped:
                    raise RuleViolation(
                        f"the new protective order has no tier {dropped[0]!r}, which documents "
                        "carry: re-designate them first"
                    )
            if replaced and row is not None:
                before = order_from_data(dict(row.order))
                for person in s.scalars(select(t.Person).join(t.Account)).all():
                    seat = Person(
                        person.email,
                        person.name,
                        Side(person.side),
                        person.category,
                        person.acknowledged,
                    )
                    if newly_guarded(before, seat, new_order, seat):
                        end_logins(s, person.email)  # a code asked now that was not before
            row = row or t.Matter(id=1)
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
            detail = {"order_replaced": True, "agreed_by": agreed_by} if replaced else {}
            self.ctx.audit(s, "case.load", case["number"], **detail)
            if replaced:
                access_rules.refresh(s)
