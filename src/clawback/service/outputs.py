"""What the record makes: filing packages, the privilege log, the case summary."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from clawback.domain import claims as claim_rules
from clawback.domain import drafting, privilege_log, sealing
from clawback.domain.errors import NotFound
from clawback.domain.order import Side
from clawback.service import access as access_rules
from clawback.service import exports, filing, record
from clawback.service.base import WorkspaceBase
from clawback.service.disputes import move_claim
from clawback.storage import tables as t


class Outputs(WorkspaceBase):
    # -- file ----------------------------------------------------------------------------------

    def file(self, out: Path, on: date | None = None) -> list[filing.Made]:
        """Make the filing packages the rulings and the sealing decisions call for: ``sealed/``
        (lodged under seal, redacted for privilege) and ``public/`` (for the public docket),
        each file verified; written to ``out`` only when every file passed. The ruled claims
        are then applied (released, redacted or withheld), dated ``on`` (else the ruling's day)."""
        self._require(Side.producing, Side.court, act="make filing packages")
        with self.transaction() as s:
            exhibits = record.exhibits(s)
            effects = claim_rules.effects(exhibits, record.claims(s), record.rulings(s))
            sealed = {d.exhibit: d.sealed for d in record.seal_decisions(s)}
            order = record.protective_order(s)
            work = []
            for ex in exhibits:
                if ex.number not in sealed:
                    continue
                doc = record.document(s, ex.number)
                texts = s.scalars(
                    select(t.Page.text).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
                ).all()
                legend = order.legend(ex.designation) if ex.designation else ""
                for plan in filing.plans(ex, effects[ex.number], sealed[ex.number], legend, texts):
                    work.append((doc, plan))
        made = [filing.make(plan, self.files.get(doc.original)) for doc, plan in work]
        filing.write(made, out)
        with self.transaction() as s:
            for (doc, plan), m in zip(work, made, strict=True):
                sha = self._store(s, m.pdf, "application/pdf", doc.original, f"file.{plan.kind}")
                row = s.scalar(
                    select(t.Filing).where(
                        t.Filing.document_id == doc.id, t.Filing.kind == plan.kind
                    )
                ) or t.Filing(document_id=doc.id, kind=plan.kind)
                row.blob, row.redacted = sha, [r.label for r in plan.redactions]
                s.add(row)
                self._audit(s, f"file.{plan.kind}", str(plan.exhibit.bates), path=plan.name)
            rulings = {r.claim: r for r in record.rulings(s)}
            claims = {c.id: c for c in record.claims(s)}
            for claim in s.scalars(select(t.Claim).where(t.Claim.state == "ruled")).all():
                ruling = rulings[claim.id]
                outcome = claim_rules.applied_outcome(claims[claim.id], ruling)
                applied_on = on if on is not None else ruling.on
                move_claim(
                    self,  # type: ignore[arg-type]  # a mixin of the same Workspace
                    s,
                    claim,
                    claim_rules.State.applied,
                    applied_on,
                    {"outcome": outcome},
                )
            access_rules.refresh(s)
        return made

    def draft_order(self, producing: str = "Defendants") -> list[drafting.Paragraph]:
        """The ordering paragraphs a proposed order needs, drafted from the record."""
        self._require(Side.producing, Side.receiving, Side.court, act="draft an order")
        with self.transaction() as s:
            row = s.scalar(
                select(t.SealMotion)
                .where(t.SealMotion.ruled_on.is_not(None))
                .order_by(t.SealMotion.ruled_on.desc())
                .limit(1)
            )
            motion = decisions = None
            if row is not None:
                motion = sealing.MotionToSeal(
                    row.docket, tuple(row.exhibits), sealing.MotionKind(row.kind), row.joint
                )
                decisions = record.seal_decisions(s, motion=row.docket, as_ruled=True)
            exhibits, claims, rulings = record.exhibits(s), record.claims(s), record.rulings(s)
            claim_duties = set(
                s.scalars(select(t.Deadline.id).where(t.Deadline.claim_id.is_not(None))).all()
            )
        return drafting.ordering_paragraphs(
            exhibits,
            claims,
            rulings,
            motion,
            None,
            [d for d in self.deadlines() if d.number not in claim_duties],  # the order's own
            producing,
            seal_decisions=decisions,
        )

    def serve_privilege_log(self, on: date, note: str = "") -> tuple[int, str]:
        """Keep the log as served today (rows and file); returns its version and sha256."""
        self._require(Side.producing, act="serve the privilege log")
        rows = self.privilege_log()
        data = exports.privilege_log_csv(rows)
        with self.transaction() as s:
            sha = self._store(s, data, "text/csv", None, "privilege-log")
            version = t.LogVersion(
                served_on=on,
                note=note,
                sha256=sha,
                rows=[privilege_log.as_record(r) for r in rows],
            )
            s.add(version)
            s.flush()
            self._audit(s, "privilege_log.serve", f"version {version.id}", sha256=sha)
            return version.id, sha

    def served_logs(self) -> list[tuple[int, date, str, str]]:
        """Every served version: (version, served on, note, sha256 of the file served)."""
        self._require(Side.producing, Side.receiving, Side.court, act="read the privilege log")
        with self.transaction() as s:
            rows = s.scalars(select(t.LogVersion).order_by(t.LogVersion.id)).all()
            return [(r.id, r.served_on, r.note, r.sha256) for r in rows]

    def privilege_log_diff(self, before: int, after: int) -> list[privilege_log.Change]:
        """What changed in the log between two served versions."""
        self._require(Side.producing, Side.receiving, Side.court, act="read the privilege log")
        with self.transaction() as s:
            old, new = s.get(t.LogVersion, before), s.get(t.LogVersion, after)
            if old is None or new is None:
                raise NotFound(
                    f"no served privilege log version {before if old is None else after}"
                )
            return privilege_log.diff(old.rows, new.rows)

    def privilege_log(self) -> list[privilege_log.Row]:
        """The privilege log as the record stands now."""
        self._require(Side.producing, Side.receiving, Side.court, act="read the privilege log")
        with self.transaction() as s:
            exhibits = record.exhibits(s)
            docs = s.scalars(select(t.Document).where(t.Document.exhibit.is_not(None))).all()
            meta = {d.exhibit: d.meta for d in docs if d.exhibit is not None}
            parents = {d.family: d.exhibit for d in docs if d.parent and d.exhibit is not None}
            for d in docs:  # attachments carry their parent email's date, author and recipients
                if d.exhibit is not None and d.family in parents and not d.meta:
                    meta[d.exhibit] = meta.get(parents[d.family], {})
            declarants = {d.id: d.declarant for d in s.scalars(select(t.Declaration)).all()}
            return privilege_log.rows(
                exhibits, record.claims(s), record.rulings(s), meta, declarants
            )

    def categorical_privilege_log(self) -> list[privilege_log.CategoryRow]:
        """The privilege log grouped by category, with counts and Bates ranges."""
        return privilege_log.categorical(self.privilege_log())

    def summary(self, order_date: date, files: Mapping[tuple[int, str], str]) -> dict[str, Any]:
        """The outcome per exhibit, the rulings and the deadlines, as plain data."""
        self._require(Side.producing, Side.receiving, Side.court, act="read the case summary")
        with self.transaction() as s:
            m = record.matter(s)
            exhibits = record.exhibits(s)
            effects = claim_rules.effects(exhibits, record.claims(s), record.rulings(s))
            sealed = {d.exhibit: d.sealed for d in record.seal_decisions(s)}
            rulings = record.rulings(s)
            claim_duties = set(
                s.scalars(select(t.Deadline.id).where(t.Deadline.claim_id.is_not(None))).all()
            )
        return {
            "case": {"number": m.number, "court": m.court, "caption": m.caption},
            "order_date": order_date.isoformat(),
            "exhibits": [
                {
                    "exhibit": e.number,
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
                for e in exhibits
            ],
            "rulings": [{"claim": r.claim, "result": r.result.value} for r in rulings],
            "claims": [
                {
                    "claim": c["claim"],
                    "state": c["state"],
                    "late": c["late"],
                    "duties": c["duties"],
                }
                for c in self.claims_status()  # type: ignore[attr-defined]
            ],
            "deadlines": [  # the order's; each claim's duties are listed with the claim
                {"due": d.due.isoformat(), "act": d.act}
                for d in self.deadlines()
                if d.number not in claim_duties
            ],
        }
