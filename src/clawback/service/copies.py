"""Every copy of a page: before a claw-back is noticed, find where else the material stands.

In the reference case the court had to notice by itself that AOL-DEF-00516618 is the same
picture as AOL-DEF-00556922 (Ex. 5). ``find_copies`` compares one produced page with every
other produced page: the same text, near-identical text (MinHash), the same picture (pixel
hash) and a near-identical picture (perceptual hash). Near matches are proposals to review,
not proof: look-alike screenshots of one template come out near each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from clawback.copies import CopyIndex, signatures_from_pdf
from clawback.domain import claims as claim_rules
from clawback.domain.bates import BatesNumber
from clawback.domain.documents import Exhibit
from clawback.domain.errors import NotFound
from clawback.domain.order import Side
from clawback.service import record
from clawback.service.base import WorkspaceBase
from clawback.storage import tables as t


@dataclass(frozen=True)
class Copy:
    bates: str
    exhibit: int | None
    kind: str  # exact, same_picture, near_text, near_picture
    score: float


@dataclass(frozen=True)
class Conflict:
    """Two copies of the same material that the rulings treat differently."""

    bates: str
    treatment: str
    copy: str
    copy_treatment: str
    kind: str


class Copies(WorkspaceBase):
    def find_copies(self, bates: str) -> list[Copy]:
        """Every other produced page that holds the same or nearly the same material."""
        self._require(Side.producing, Side.court, act="search for copies")
        wanted = str(BatesNumber.parse(bates))
        index, exhibits = self._index()
        if wanted not in index:
            raise NotFound(f"no produced page {wanted}")
        with self.transaction() as s:
            self._audit(s, "copies", wanted)
        return [
            Copy(m.key, exhibits[m.key], m.kind, round(m.score, 3)) for m in index.find_key(wanted)
        ]

    def claim_copies(self, claim_id: str) -> list[tuple[str, Copy]]:
        """Copies, outside the claim, of each page it claims: proposals to extend it to."""
        self._require(Side.producing, Side.court, act="search for copies")
        with self.transaction() as s:
            claim = next((c for c in record.claims(s) if c.id == claim_id), None)
            if claim is None:
                raise NotFound(f"no claim {claim_id!r}")
            pages = _claimed_pages(record.exhibits(s), claim.exhibits, claim.items)
        index, exhibits = self._index()
        proposals = []
        for page in pages:
            for m in index.find_key(page):
                if m.key not in pages and m.kind in ("exact", "same_picture", "near_text"):
                    proposals.append((page, Copy(m.key, exhibits[m.key], m.kind, m.score)))
        return proposals

    def ruling_conflicts(self) -> list[Conflict]:
        """Exact copies (same text or same picture) that the rulings treat differently."""
        self._require(Side.producing, Side.court, act="search for copies")
        with self.transaction() as s:
            exhibits = record.exhibits(s)
            claims = record.claims(s)
            effects = claim_rules.effects(exhibits, claims, record.rulings(s))
        treatment: dict[str, str] = {}
        for ex in exhibits:
            effect = effects[ex.number]
            redacted = {str(i.page) for i in ex.items if i.id in effect.redact}
            for number in ex.bates:
                page = str(number)
                if effect.withheld:
                    treatment[page] = "withheld"
                elif effect.pending:
                    treatment[page] = "claimed, pending"
                elif page in redacted:
                    treatment[page] = "redacted in part"
                else:
                    treatment[page] = "released"
        index, _ = self._index()
        conflicts = []
        for page, mine in treatment.items():
            if page not in index:
                continue
            for m in index.find_key(page):
                theirs = treatment.get(m.key)
                exact = m.kind in ("exact", "same_picture")
                if exact and theirs is not None and theirs != mine and page < m.key:
                    conflicts.append(Conflict(page, mine, m.key, theirs, m.kind))
        return conflicts

    def _index(self) -> tuple[CopyIndex, dict[str, int | None]]:
        """Every produced page's signature, keyed by its Bates number."""
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
        return index, exhibits


def _claimed_pages(
    exhibits: Sequence[Exhibit], numbers: Sequence[int], items: Sequence[str]
) -> set[str]:
    pages: set[str] = set()
    for ex in exhibits:
        if ex.number not in numbers:
            continue
        if items:
            pages.update(str(i.page) for i in ex.items if i.id in items)
        else:
            pages.update(str(n) for n in ex.bates)
    return pages
