"""How far each production volume has got, read from the record: a volume is planned *open*
with its documents (``Productions.produce``), each document committed with its stamped file as
it is made, and the volume *complete* when the last is; or *abandoned*. So "N of M documents
stamped" is the documents of its plan that carry its stamped file, whoever is making it (a
``jobs`` step in this process, a worker elsewhere, a command line) and however often it was
resumed. For the seats that produce."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clawback.domain.bates import BatesNumber
from clawback.domain.seats import Act
from clawback.service import lookup
from clawback.service.base import Service
from clawback.storage import tables as t


@dataclass(frozen=True)
class VolumeStatus:
    volume: str
    first: BatesNumber
    last: BatesNumber
    state: str  # open, complete, abandoned
    produced_on: date | None
    documents: int
    stamped: int
    pages: int

    @property
    def making(self) -> bool:
        return self.state == "open"


class VolumeStatuses(Service):
    def volumes(self) -> list[VolumeStatus]:
        """Every production volume of the person's side, the last opened first (a volume the
        receiving side imported is its own collection's, not listed to the producing side)."""
        self.ctx.require(Act.produce)
        with self.ctx.reading() as s:
            found = s.scalars(select(t.Production).order_by(t.Production.id.desc())).all()
            return [_status(s, row) for row in found if lookup.volume_ours(s, self.actor, row)]

    def volume(self, name: str) -> VolumeStatus:
        """One volume's status; an unknown volume (or another side's) is `NotFound`."""
        self.ctx.require(Act.produce)
        with self.ctx.reading() as s:
            return _status(s, lookup.volume(s, self.actor, name))


def _status(s: Session, row: t.Production) -> VolumeStatus:
    planned = [int(d["id"]) for d in row.plan.get("docs", ())]
    if row.state == "complete" and not planned:  # a volume recorded before plans were kept
        planned = list(s.scalars(select(t.Document.id).where(t.Document.production == row.id)))
    stamped = s.scalar(
        select(func.count())
        .select_from(t.Document)
        .where(
            t.Document.id.in_(planned),
            t.Document.production == row.id,
            t.Document.produced.is_not(None),
        )
    )
    return VolumeStatus(
        volume=row.volume,
        first=row.first,
        last=row.last,
        state=row.state,
        produced_on=row.produced_on,
        documents=len(planned),
        stamped=int(stamped or 0),
        pages=row.last.number - row.first.number + 1,
    )
