"""The court's review of a claim: findings on the threshold and the factors, the bench memo."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain import claims as claim_rules
from clawback.domain import review as review_rules
from clawback.domain.documents import find_exhibit
from clawback.domain.errors import NotFound, RuleViolation
from clawback.domain.seats import Act
from clawback.pdf.marks import memo as memo_pdf
from clawback.service import lookup, rows
from clawback.service.base import Service
from clawback.service.claims import claim_terms, produced_on
from clawback.storage import tables as t


class Reviews(Service):
    def record(self, claim_id: str, findings: Mapping[str, object]) -> None:
        """The court's staff record the findings on a claim (threshold elements and the ten
        Frankenhauser factors, each with a citation); a later record replaces the earlier."""
        self.ctx.require(Act.review)
        with self.ctx.transaction() as s:
            row = lookup.claim(s, self.actor, claim_id)
            if row.state == claim_rules.State.withdrawn.value:
                raise RuleViolation(f"claim {claim_id!r} is withdrawn: there is nothing to review")
            found = review_rules.record_from_data(claim_id, findings)
            review_rules.check_no_protected_text(found, _protected(s, row))
            existing = s.get(t.ClaimReview, claim_id)
            kept = existing or t.ClaimReview(claim_id=claim_id)
            kept.findings = found.as_data()
            kept.recorded_by = self.actor.name
            kept.recorded_at = datetime.now(UTC).replace(tzinfo=None)
            s.add(kept)
            self.ctx.audit(
                s,
                "claim.review",
                claim_id,
                threshold_met=found.threshold_met,
                replaced=existing is not None,
            )

    def findings(self, claim_id: str) -> review_rules.ReviewRecord:
        """The findings recorded on a claim."""
        self.ctx.require(Act.read_review)
        with self.ctx.transaction() as s:
            lookup.claim(s, self.actor, claim_id)
            return _review(s, claim_id)

    def bench_memo(self, claim_id: str) -> bytes:
        """The bench memo for a claim as PDF: caption, claim, declarations, threshold, factors,
        ruling. It names and describes what is claimed; it never shows the claimed text."""
        self.ctx.require(Act.bench_memo)
        with self.ctx.transaction() as s:
            row = lookup.claim(s, self.actor, claim_id)
            found = _review(s, claim_id)
            matter = rows.matter(s)
            exhibits = rows.exhibits(s)
            covered = []
            for number in row.exhibits:
                exhibit = find_exhibit(exhibits, number)
                if row.items:
                    covered += [
                        memo_pdf.Covered(number, str(i.page), i.what)
                        for i in exhibit.items
                        if i.id in row.items
                    ]
                else:
                    covered.append(memo_pdf.Covered(number, str(exhibit.bates), exhibit.title))
            paragraphs = ", ".join(row.paragraphs)
            declarations = []
            for decl_id in row.declarations:
                decl = s.get(t.Declaration, decl_id)
                if decl is not None:
                    declarations.append(
                        memo_pdf.Declarant(
                            decl.declarant, decl.title, ", ".join(decl.docket), paragraphs
                        )
                    )
            ruling = s.scalar(
                select(t.Ruling)
                .where(t.Ruling.claim_id == claim_id)
                .order_by(t.Ruling.id.desc())
                .limit(1)
            )
            if ruling is None:
                ruled = "Not yet ruled."
            else:
                day = f" on {ruling.on}" if ruling.on else ""
                granted = f" (items: {', '.join(ruling.items)})" if ruling.items else ""
                result = ruling.result.replace("_", " ").capitalize()
                ruled = f"{result}{granted}{day}: {ruling.reason}"
            late = claim_rules.lateness(
                row.noticed_on,
                produced_on(s, row.exhibits),
                row.learned_on,
                claim_terms(s).late_after_days,
            )
            events = s.scalars(
                select(t.ClaimEvent)
                .where(t.ClaimEvent.claim_id == claim_id)
                .order_by(t.ClaimEvent.id)
            ).all()
            memo = memo_pdf.BenchMemo(
                court=matter.court,
                case_number=matter.number,
                caption=matter.caption,
                claim=claim_id,
                privilege=row.privilege,
                state=row.state,
                noticed_on=row.noticed_on.isoformat() if row.noticed_on else "",
                basis=row.basis,
                covered=tuple(covered),
                declarations=tuple(declarations),
                review=found,
                ruling=ruled,
                lateness=str(late) if late else "",
                history=tuple(f"{e.state} {e.on or ''}".strip() for e in events),
            )
            protected = _protected(s, row)
            data = memo_pdf.render(memo, protected)
            self.ctx.audit(s, "claim.bench_memo", claim_id, sha256=hashlib.sha256(data).hexdigest())
            return data


def _review(s: Session, claim_id: str) -> review_rules.ReviewRecord:
    kept = s.get(t.ClaimReview, claim_id)
    if kept is None:
        raise NotFound(
            f"claim {claim_id!r} has no review findings yet: record them with "
            f"`clawback review {claim_id} --findings FILE.yaml`"
        )
    return review_rules.record_from_data(claim_id, kept.findings)


def _protected(s: Session, row: t.Claim) -> list[str]:
    """The claimed text a memo or a finding must not show: the claim's items (or every item
    on the claimed exhibits when the claim covers them whole)."""
    docs = s.scalars(select(t.Document.id).where(t.Document.exhibit.in_(list(row.exhibits)))).all()
    items = s.scalars(select(t.Item).where(t.Item.document_id.in_(list(docs)))).all()
    wanted = [i for i in items if not row.items or i.id in row.items]
    return [str(text) for i in wanted for text in i.texts if str(text).strip()]
