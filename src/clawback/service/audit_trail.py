"""The audit trail as a service: verify it against the record, export it, sign checkpoints.

``verify`` checks the chain with the audit key (``storage.audit``), every checkpoint a side
kept, and every row that grants or shows something against the digest the trail bound it to
(``service.state``). Each side's reads and searches are its own work product: an export made by
one party carries the other party's reads and searches only as withheld links of the chain
(their hashes, so the chain still verifies, and nothing else); the court's and the operator's
exports carry everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from clawback.domain.errors import InvalidInput
from clawback.domain.order import Side
from clawback.domain.seats import Act
from clawback.service import delivery, state
from clawback.service.base import Service
from clawback.storage import audit, audit_export
from clawback.storage import tables as t


@dataclass(frozen=True)
class Entry:
    """One entry of the trail as listed to a seat (``withheld``: why its subject is not shown)."""

    seq: int
    at: str
    actor: str
    path: str
    action: str
    subject: str
    withheld: str | None


#: Entries that record what a person read or looked for: that side's work product.
WORK_PRODUCT = (
    "read.",
    "search",
    "show",
    "export",
    "download",
    "pattern.search",
    "brief.propose",
    "copies",
    "trace",
)


class AuditTrail(Service):
    def verify(self, checkpoints: Sequence[audit.Checkpoint] = ()) -> list[audit.Problem]:
        """Every edited, deleted, reordered or forged entry, every checkpoint the chain no
        longer holds, and every bound row changed outside clawback, named."""
        self.ctx.require(Act.verify_audit)
        keys = self.ctx.workspace.keys
        with self.ctx.transaction() as s:
            current = state.digests(s, keys)
            problems = audit.verify(
                s,
                keys,
                current=current,
                checkpoints=checkpoints,
                workspace=self.ctx.workspace.id,
            )
            if s.scalar(select(t.AuditHead.seq)) in (None, 0):
                problems.append(
                    audit.Problem(0, "deleted", "the trail is empty: every entry was deleted")
                )
            return problems

    def entries(self, limit: int = 200) -> list[Entry]:
        """The latest entries of the trail, newest first, as this seat may read them: another
        party's reads and searches only as withheld (who and when, never what)."""
        self.ctx.require(Act.read_audit)
        if not 1 <= limit <= 1000:
            raise InvalidInput(f"list 1 to 1000 entries, not {limit}")
        seat = self.actor.seat
        sides = _sides(self)
        with self.ctx.transaction() as s:
            found = s.scalars(select(t.Audit).order_by(t.Audit.seq.desc()).limit(limit)).all()
            listed = []
            for row in found:
                why = _withheld(seat, sides, row.action, row.actor)
                subject = row.subject if why is None else ""
                action = row.action if why is None else "withheld"
                listed.append(Entry(row.seq, row.stamp, row.actor, row.path, action, subject, why))
            return listed

    def checkpoint(self) -> audit.Checkpoint:
        """A signed checkpoint of the chain as it stands: keep it outside, verify with it later."""
        self.ctx.require(Act.verify_audit)
        with self.ctx.transaction() as s:
            found = audit.checkpoint(s, self.ctx.workspace.keys, self.ctx.workspace.id)
            self.ctx.audit(s, "audit.checkpoint", f"entry {found.seq}", hash=found.hash)
            return found

    def export(self, out: Path, fmt: str = "jsonl") -> str:
        """Write the trail as a file a court can verify on its own; returns the chain head."""
        self.ctx.require(Act.export_audit)
        if fmt not in ("jsonl", "csv"):
            raise InvalidInput(f"audit export format must be jsonl or csv, not {fmt!r}")
        with self.ctx.transaction() as s:
            # Checked here, recorded below once written: a write that fails (a full disk)
            # leaves an earlier export in its place still clawback's own.
            target = delivery.outside(self.ctx.workspace.root, out)
            delivery.check_replaceable(s, target)
            self.ctx.audit(s, "audit.export", target.name)
        seat = self.actor.seat
        sides = _sides(self)

        def withhold(entry: audit.Recorded) -> str | None:
            return _withheld(seat, sides, entry.action, entry.actor)

        with self.ctx.transaction() as s:
            head = audit_export.export(
                s,
                target,
                fmt,
                keys=self.ctx.workspace.keys,
                workspace=self.ctx.workspace.id,
                withhold=withhold,
            )
            delivery.record(s, target, target.read_bytes())
        return head


def _withheld(seat: Side, sides: dict[str, str], action: str, actor: str) -> str | None:
    """Why an entry is withheld from ``seat`` (another party's reads and searches), or None."""
    if seat in (Side.operator, Side.court) or not action.startswith(WORK_PRODUCT):
        return None
    side = sides.get(actor.split(" ", 1)[0])
    if side is None or side in (seat.value, Side.court.value):
        return None
    return f"work product of the {side} side"


def _sides(service: Service) -> dict[str, str]:
    """Each seated person's side, by e-mail (the operator's entries are the producing side's)."""
    with service.ctx.transaction() as s:
        found = {p.email: p.side for p in s.query(t.Person).all()}
    found.setdefault("operator", Side.producing.value)
    return found
