"""What the record files: the packages the rulings and the sealing decisions call for, the
ordering paragraphs of a proposed order, and the case summary."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from clawback.domain import claims as claim_rules
from clawback.domain import drafting, sealing
from clawback.domain.errors import NotFound
from clawback.domain.seal_parts import Movant, SealRequest
from clawback.domain.seats import Act
from clawback.pdf.gate.verify import require_clean, xray_inspect
from clawback.service import access as access_rules
from clawback.service import delivery, filing, knowledge, rows
from clawback.service.base import Service
from clawback.service.claims import Claims, move_claim
from clawback.service.deadlines import Deadlines
from clawback.storage import tables as t

KINDS = ["sealed", "highlighted", "public"]


class Filings(Service):
    def file(self, out: Path, on: date | None = None) -> list[filing.Made]:
        """Make the filing packages the rulings and the sealing decisions call for: ``sealed/``
        (lodged under seal, redacted for privilege), ``highlighted/`` and ``public/`` (for the
        public docket), each file verified; they replace the package in ``out`` only when
        every file passed (``service.delivery``). The ruled claims are then applied (released,
        redacted or withheld), dated ``on`` (else the ruling's day)."""
        self.ctx.require(Act.file)
        target = delivery.outside(self.ctx.workspace.root, out)
        delivery.finish_stages(target)
        with self.ctx.transaction() as s:
            delivery.check_package(s, target, KINDS)
            exhibits = rows.exhibits(s)
            effects = claim_rules.effects(exhibits, rows.claims(s), rows.rulings(s))
            ruled = {d.exhibit: d for d in rows.seal_decisions(s)}  # the latest governs
            order = rows.protective_order(s)
            work = []
            for ex in exhibits:
                if ex.number not in ruled:
                    continue
                decision = ruled[ex.number]
                doc = s.scalar(select(t.Document).where(t.Document.exhibit == ex.number))
                assert doc is not None  # rows.exhibits read it
                texts = s.scalars(
                    select(t.Page.text).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
                ).all()
                legend = order.legend(ex.designation) if ex.designation else ""
                for plan in filing.plans(
                    ex, effects[ex.number], decision.sealed, legend, texts, decision.part
                ):
                    work.append((doc, plan))
        made = [filing.make(plan, self.ctx.files.get(doc.original)) for doc, plan in work]
        with delivery.staged(target) as stage:
            for m in made:
                path = stage / "new" / m.plan.name
                path.parent.mkdir(parents=True, exist_ok=True)
                delivery.write_whole(path, m.pdf)
            staged = delivery.files_in(stage)
            reports = xray_inspect(list(staged.values()))
            for m in made:
                require_clean(reports.get(staged[m.plan.name], []), m.plan.name)
            with self.ctx.transaction() as s:
                for (doc, plan), m in zip(work, made, strict=True):
                    sha = self.ctx.put(
                        s, m.pdf, "application/pdf", doc.original, f"file.{plan.kind}"
                    )
                    row = s.scalar(
                        select(t.Filing).where(
                            t.Filing.document_id == doc.id, t.Filing.kind == plan.kind
                        )
                    ) or t.Filing(document_id=doc.id, kind=plan.kind)
                    row.blob, row.redacted = sha, [r.label for r in plan.redactions]
                    s.add(row)
                    delivery.record(s, target / plan.name, m.pdf)
                    self.ctx.audit(s, f"file.{plan.kind}", str(plan.exhibit.bates), path=plan.name)
                self._apply(s, on)
                access_rules.refresh(s)
                kinds = sorted({m.plan.kind for m in made})
            delivery.complete(target, stage, kinds)
        return made

    def package(self, out: Path) -> list[str]:
        """The files of the filing package in ``out`` that clawback made and nobody changed
        since, by name (``public/ex03_....pdf``), for the seats that make filings."""
        self.ctx.require(Act.file)
        target = delivery.outside(self.ctx.workspace.root, out)
        with self.ctx.transaction() as s:
            return [
                path.relative_to(target).as_posix()
                for kind in KINDS
                for path in sorted((target / kind).glob("*.pdf"))
                if path.is_file() and delivery.ours(s, path)
            ]

    def package_file(self, out: Path, name: str) -> bytes:
        """One file of the package in ``out`` (a name ``package`` lists), its handing-out
        audited; anything else is not found."""
        self.ctx.require(Act.file)
        if name not in self.package(out):
            raise NotFound(f"no filed file {name!r}")
        path = delivery.outside(self.ctx.workspace.root, out) / name
        data = path.read_bytes()
        with self.ctx.transaction() as s:
            if not delivery.ours(s, path):
                raise NotFound(f"no filed file {name!r}")
            self.ctx.audit(s, "file.download", name, sha256=hashlib.sha256(data).hexdigest())
        return data

    def _apply(self, s: Any, on: date | None) -> None:
        """Move every ruled claim to applied, now that the filings carry its rulings."""
        rulings = {r.claim: r for r in rows.rulings(s)}
        claims = {c.id: c for c in rows.claims(s)}
        for claim in s.scalars(select(t.Claim).where(t.Claim.state == "ruled")).all():
            ruling = rulings[claim.id]
            outcome = claim_rules.applied_outcome(claims[claim.id], ruling)
            applied_on = on if on is not None else ruling.on
            move_claim(
                self.ctx, s, claim, claim_rules.State.applied, applied_on, {"outcome": outcome}
            )

    def draft_order(
        self,
        producing: str = "Defendants",
        receiving: str = "Plaintiffs",
        exhibit_label: str | None = None,
    ) -> list[drafting.Paragraph]:
        """The ordering paragraphs a proposed order needs, drafted from the record as this
        actor may know it; the parties as the order names them, exhibits labelled as the
        producing party's ("Gov't Ex." when it is the government) unless ``exhibit_label``."""
        self.ctx.require(Act.draft_order)
        with self.ctx.transaction() as s:
            described = str((rows.matter(s).facts or {}).get("producing_party", ""))
            label = exhibit_label or drafting.exhibit_label(producing, described)
            seen = knowledge.known(s, self.actor)
            motions = _ruled_motions(s, seen.numbers)
        return drafting.ordering_paragraphs(
            seen.exhibits,
            seen.claims,
            seen.rulings,
            None,
            None,
            Deadlines(self.ctx).list(claims=False),  # the order's own
            producing,
            exhibit_label=label,
            receiving=receiving,
            seal_motions=motions,
            papers=seen.papers,
        )

    def summary(self, order_date: date, files: Mapping[tuple[int, str], str]) -> dict[str, Any]:
        """The outcome per exhibit, the rulings and the deadlines, as plain data."""
        self.ctx.require(Act.read_summary)
        with self.ctx.transaction() as s:
            m = rows.matter(s)
            seen = knowledge.known(s, self.actor)
            effects = claim_rules.effects(seen.exhibits, seen.claims, seen.rulings)
            sealed = {d.exhibit: d.sealed for d in seen.seal_decisions}
        return {
            "case": {"number": m.number, "court": m.court, "caption": m.caption},
            "order_date": order_date.isoformat(),
            "exhibits": [
                {
                    "exhibit": e.identifier.number or e.identifier.text,
                    "bates": str(e.bates),
                    "designation": e.designation,
                    "clawback": effects[e.number].outcome,
                    "redacted": list(effects[e.number].redact),
                    "sealed": sealed.get(e.number, False),
                    "files": {
                        kind: files[(e.number, kind)]
                        for kind in ("sealed", "highlighted", "public")
                        if (e.number, kind) in files
                    },
                }
                for e in seen.exhibits
            ],
            "rulings": [{"claim": r.claim, "result": r.result.value} for r in seen.rulings],
            "claims": [
                {
                    "claim": c["claim"],
                    "state": c["state"],
                    "late": c["late"],
                    "duties": c["duties"],
                }
                for c in Claims(self.ctx).status()
            ],
            "deadlines": [  # the order's; each claim's duties are listed with the claim
                {"due": d.due.isoformat(), "act": d.says}
                for d in Deadlines(self.ctx).list(claims=False)
            ],
        }


def _ruled_motions(
    s: Any, seen: Collection[int]
) -> list[tuple[sealing.MotionToSeal, list[sealing.SealDecision]]]:
    """Every ruled motion to seal or to unseal (and the court's own), in the order the rulings
    were entered, with the decisions on the exhibits this actor may know of."""
    first = (
        select(t.SealDecision.motion, func.min(t.SealDecision.id).label("first"))
        .group_by(t.SealDecision.motion)
        .subquery()
    )
    found = []
    query = select(t.SealMotion).join(first, first.c.motion == t.SealMotion.docket)
    for row in s.scalars(query.order_by(first.c.first)).all():
        shown = tuple(n for n in row.exhibits if n in seen)
        if not shown:
            continue
        motion = sealing.MotionToSeal(
            row.docket,
            shown,
            sealing.MotionKind(row.kind),
            row.joint,
            movant=Movant(row.movant) if row.movant else None,
            request=SealRequest(row.request),
        )
        decisions = [
            d for d in rows.seal_decisions(s, motion=row.docket, as_ruled=True) if d.exhibit in seen
        ]
        found.append((motion, decisions))
    return found
