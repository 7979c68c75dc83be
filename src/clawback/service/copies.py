"""Every copy of a page: before a claw-back is noticed, find where else the material stands.

In the reference case the court had to notice by itself that AOL-DEF-00516618 is the same
picture as AOL-DEF-00556922 (Ex. 5). ``find_copies`` compares one produced page with every
other produced page: the same text, near-identical text (MinHash), the same picture (pixel
hash) and a near-identical picture (perceptual hash). Near matches are proposals to review,
not proof: look-alike screenshots of one template come out near each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from clawback.copies import CopyIndex, signatures_from_pdf
from clawback.domain.bates import BatesNumber
from clawback.domain.errors import NotFound
from clawback.domain.order import Side
from clawback.service.base import WorkspaceBase
from clawback.storage import tables as t


@dataclass(frozen=True)
class Copy:
    bates: str
    exhibit: int | None
    kind: str  # exact, same_picture, near_text, near_picture
    score: float


class Copies(WorkspaceBase):
    def find_copies(self, bates: str) -> list[Copy]:
        """Every other produced page that holds the same or nearly the same material."""
        self._require(Side.producing, Side.court, act="search for copies")
        wanted = str(BatesNumber.parse(bates))
        index = CopyIndex()
        exhibits: dict[str, int | None] = {}
        with self.transaction() as s:
            docs = s.scalars(select(t.Document).where(t.Document.produced.is_not(None))).all()
            for doc in docs:
                pages = s.scalars(
                    select(t.Page.bates).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
                ).all()
                for number, sig in zip(
                    pages, signatures_from_pdf(self.files.get(doc.original)), strict=True
                ):
                    if number is not None:
                        index.add(number, sig)
                        exhibits[number] = doc.exhibit
            if wanted not in index:
                raise NotFound(f"no produced page {wanted}")
            self._audit(s, "copies", wanted)
        return [
            Copy(m.key, exhibits[m.key], m.kind, round(m.score, 3)) for m in index.find_key(wanted)
        ]
