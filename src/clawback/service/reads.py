"""Reading the record, as the person reading it may."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from clawback.domain import claims as claim_rules
from clawback.domain.access import View, access
from clawback.domain.bates import BatesNumber
from clawback.domain.documents import Exhibit
from clawback.domain.errors import ClawbackError, NotFound
from clawback.pdf.redact import redact
from clawback.pdf.verify import require_clean, verify
from clawback.service import access as access_rules
from clawback.service import filing, record
from clawback.service.base import WorkspaceBase
from clawback.storage import tables as t


@dataclass(frozen=True)
class Hit:
    """One page a search found, with the words around the match."""

    bates: str
    exhibit: int | None
    snippet: str


class Reads(WorkspaceBase):
    """Every read checks access first: what a person may not see is, to them, not there."""

    def _visible(self, s: Session, ref: str | int) -> t.Document:
        """The document at ``ref`` if this person may see it; the same error if absent or not."""
        if self.person is None:
            return record.document(s, ref)
        try:
            doc = record.document(s, ref)
        except NotFound:
            doc = None
        order = record.protective_order(s)
        if doc is None or not access(order, self.person, access_rules.state(doc)).allowed:
            raise NotFound(f"nothing at {str(ref)!r} that you may see")
        return doc

    def _page(self, s: Session, bates: str) -> tuple[t.Document, t.Page]:
        number = str(BatesNumber.parse(bates))
        doc = self._visible(s, number)
        page = s.scalar(select(t.Page).where(t.Page.bates == number))
        assert page is not None  # _visible found the document through this very page
        return doc, page

    def page_text(self, bates: str) -> str:
        """The text of one produced page, as this person may read it."""
        with self.transaction() as s:
            _, page = self._page(s, bates)
            self._audit(s, "read.text", page.bates or bates)
            return page.text if access_rules.view(self.person) is View.full else page.redacted_text

    def page_image(self, bates: str, dpi: int = 72) -> bytes:
        """A PNG of one produced page (a thumbnail at a low dpi), as this person may see it."""
        if not 10 <= dpi <= 300:
            raise ClawbackError(f"dpi must be between 10 and 300, not {dpi}")
        with self.transaction() as s:
            doc, page = self._page(s, bates)
            pdf = self._version(s, doc)
            self._audit(s, "read.image", page.bates or bates, dpi=dpi)
            index = page.idx
        with pymupdf.open(stream=pdf, filetype="pdf") as opened:
            png: bytes = opened[index].get_pixmap(dpi=dpi).tobytes("png")
        return png

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Pages whose text holds ``query`` (case-insensitive), among those this person may see."""
        words = " ".join(query.split())
        if len(words) < 2:
            raise ClawbackError(f"search for at least two characters, not {query!r}")
        column = access_rules.text_column(self.person)
        with self.transaction() as s:
            order = record.protective_order(s)
            query = (
                select(t.Page.bates, t.Document.exhibit, column)
                .join(t.Document, t.Page.document_id == t.Document.id)
                .where(t.Page.bates.is_not(None))
            )
            if access_rules.view(self.person) is not View.full:
                # Checked page by page against the page's own document (a primary-key lookup),
                # so pages are still scanned in order, the text match runs only on pages the
                # person may see, and the scan stops at the limit.
                doc = aliased(t.Document)
                may_see = (
                    select(doc.id)
                    .where(doc.id == t.Page.document_id)
                    .where(access_rules.visible(order, self.person, doc))
                )
                query = query.where(may_see.exists())
            rows = s.execute(
                query.where(column.ilike(f"%{_escape(words)}%", escape="\\"))
                .order_by(t.Page.id)
                .limit(limit)
            ).all()
            hits = [Hit(b, n, _snippet(text, words)) for b, n, text in rows if b is not None]
            self._audit(s, "search", f"{len(hits)} pages", pages=[h.bates for h in hits])
            return hits

    def export(self, refs: Sequence[str | int], out: Path) -> list[Path]:
        """Write each document this person may see, in the version they may see, to ``out``."""
        out.mkdir(parents=True, exist_ok=True)
        written = []
        with self.transaction() as s:
            docs = [self._visible(s, ref) for ref in refs]
            for doc in docs:
                pdf = self._version(s, doc)
                first = s.scalar(
                    select(t.Page.bates).where(t.Page.document_id == doc.id, t.Page.idx == 0)
                )
                path = out / f"{first or doc.control}.pdf"
                path.write_bytes(pdf)
                written.append(path)
                self._audit(s, "export", first or doc.control, path=path.name)
        return written

    def _version(self, s: Session, doc: t.Document) -> bytes:
        """The produced file, or for a redacted view, the produced file less the granted items."""
        if not doc.produced:
            raise NotFound(f"{record.label(doc)} has not been produced")
        produced = self.files.get(doc.produced)
        if access_rules.view(self.person) is View.full or doc.exhibit is None:
            return produced
        ex = record.exhibit(s, doc)
        claims = [c for c in record.claims(s) if ex.number in c.exhibits]
        effect = claim_rules.effects([ex], claims, record.rulings(s))[ex.number]
        if not effect.redact:
            return produced
        # The produced file shows each page as displayed (stamped upright, band below), so the
        # items' displayed coordinates apply to it directly; text gaps are re-flowed to the
        # policy width as in the filings.
        redactions = filing.item_redactions(ex, effect.redact)
        result = redact(produced, redactions, filing.WIDTH_POLICY)
        secrets = [(i.id, x) for i in ex.items if i.id in effect.redact for x in i.texts]
        findings = verify(
            result.pdf,
            secrets,
            boxes=result.boxes,
            reflowed=result.reflowed,
            xray=False,
            original=produced,
        )
        require_clean(findings, f"{record.label(doc)} (redacted view)")
        return result.pdf

    def show(self, ref: str | int) -> dict[str, Any]:
        """What the record holds about one document (never the text of an item)."""
        with self.transaction() as s:
            doc = self._visible(s, ref)
            history = s.scalars(
                select(t.Designation)
                .where(t.Designation.document_id == doc.id)
                .order_by(t.Designation.id)
            ).all()
            shown: dict[str, Any] = {
                "control": doc.control,
                "exhibit": doc.exhibit,
                "title": doc.title,
                "kind": doc.kind,
                "family": doc.family,
                "pages": doc.page_count,
                "designations": [{"tier": d.tier, "note": d.note} for d in history],
            }
            shown["challenges"] = [
                {
                    "challenge": c.id,
                    "tier": c.tier,
                    "raised_on": c.raised_on.isoformat(),
                    "grounds": c.grounds,
                    "outcome": c.outcome,
                    "resolved_on": c.resolved_on.isoformat() if c.resolved_on else None,
                }
                for c in s.scalars(
                    select(t.Challenge)
                    .where(t.Challenge.document_id == doc.id)
                    .order_by(t.Challenge.id)
                ).all()
            ]
            warnings = s.scalars(
                select(t.PageWarning.detail)
                .where(t.PageWarning.document_id == doc.id)
                .order_by(t.PageWarning.page_idx, t.PageWarning.id)
            ).all()
            if warnings:  # boxes over live text in what another party produced
                shown["warnings"] = list(warnings)
            if not doc.produced:
                return shown
            ex = record.exhibit(s, doc)
            shown["bates"] = str(ex.bates)
            shown["items"] = [{"id": i.id, "page": str(i.page), "what": i.what} for i in ex.items]
            shown["claims"] = [
                {"claim": c.id, "state": c.state.value, "items": list(c.items)}
                for c in record.claims(s)
                if ex.number in c.exhibits
            ]
            rulings = {r.claim: r for r in record.rulings(s)}
            for c in shown["claims"]:
                if c["claim"] in rulings:
                    c["ruling"] = rulings[c["claim"]].result.value
            shown["sealed"] = next(
                (d.sealed for d in record.seal_decisions(s) if d.exhibit == ex.number), None
            )
            self._audit(s, "show", str(ex.bates))
            return shown

    # -- reading ---------------------------------------------------------------------------

    def exhibits(self) -> list[Exhibit]:
        with self.transaction() as s:
            return record.exhibits(s)

    def effects(self) -> dict[int, claim_rules.Effect]:
        with self.transaction() as s:
            return claim_rules.effects(record.exhibits(s), record.claims(s), record.rulings(s))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _snippet(text: str, words: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    at = flat.lower().find(words.lower())
    if at < 0:
        return flat[: 2 * width]
    start, end = max(0, at - width), min(len(flat), at + len(words) + width)
    return ("..." if start else "") + flat[start:end] + ("..." if end < len(flat) else "")
