"""What the record files: the packages the rulings and the sealing decisions call for, the
ordering paragraphs of a proposed order, and the case summary."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from clawback.domain import claims as claim_rules
from clawback.domain import drafting, sealing
from clawback.domain.actor import Actor
from clawback.domain.errors import NotFound
from clawback.domain.paper_seals import Target, targets
from clawback.domain.seal_parts import MotionForm, Movant, SealRequest
from clawback.domain.seats import Act
from clawback.pdf.gate.verify import require_clean, xray_inspect
from clawback.service import access as access_rules
from clawback.service import (
    delivery,
    family_span,
    filing,
    knowledge,
    lookup,
    paper_filing,
    paper_seals,
    rows,
)
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
                whole = family_span.span(s, ex, doc)  # a family exhibit: the e-mail and its own
                legend = order.legend(ex.designation) if ex.designation else ""
                for plan in filing.plans(
                    whole.exhibit,
                    effects[ex.number],
                    decision.sealed,
                    legend,
                    whole.texts(s),
                    decision.part,
                ):
                    work.append((doc, plan, whole))
            papers = _sealed_papers(s)
        made = [filing.make(plan, whole.pdf(self.ctx.files.get)) for _, plan, whole in work]
        on_papers = [
            (doc, m)
            for doc, texts, found in papers
            for m in paper_filing.versions(
                str(doc.docket), self.ctx.files.get(doc.original), texts, found
            )
        ]
        with delivery.staged(target) as stage:
            every = [(m.plan.name, m.pdf) for m in made] + [(m.name, m.pdf) for _, m in on_papers]
            for name, pdf in every:
                path = stage / "new" / name
                path.parent.mkdir(parents=True, exist_ok=True)
                delivery.write_whole(path, pdf)
            staged = delivery.files_in(stage)
            reports = xray_inspect(list(staged.values()))
            for name, _ in every:
                require_clean(reports.get(staged[name], []), name)
            with self.ctx.transaction() as s:
                for (doc, plan, _), m in zip(work, made, strict=True):
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
                for doc, paper in on_papers:
                    self._file_paper(s, doc, paper, target)
                self._apply(s, on)
                access_rules.refresh(s)
                kinds = sorted({m.plan.kind for m in made} | {m.kind for _, m in on_papers})
            delivery.complete(target, stage, kinds)
        return made

    def _file_paper(
        self, s: Any, doc: t.Document, made: paper_filing.PaperMade, target: Path
    ) -> None:
        sha = self.ctx.put(s, made.pdf, "application/pdf", doc.original, f"file.{made.kind}")
        row = s.scalar(
            select(t.Filing).where(t.Filing.document_id == doc.id, t.Filing.kind == made.kind)
        ) or t.Filing(document_id=doc.id, kind=made.kind)
        row.blob, row.redacted = sha, []
        s.add(row)
        delivery.record(s, target / made.name, made.pdf)
        self.ctx.audit(s, f"file.{made.kind}", f"ECF No. {doc.docket}", path=made.name)

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
            papers = _known_papers(s, self.actor)

            def told(words: str) -> str:
                return lookup.told_words(s, self.actor, words, seen.numbers, set(papers))

            motions = _ruled_motions(s, seen.numbers, set(papers), told)
            on_papers = {
                m.docket: [
                    replace(d, reason=told(d.reason), condition=told(d.condition))
                    for d in rows.paper_seal_decisions(s, motion=m.docket)
                    if d.paper in papers
                ]
                for m, _ in motions
                if m.papers
            }
            items = paper_seals.items(s, list(papers.values()))
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
            paper_seals=on_papers,
            paper_items=items,
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


def _known_papers(s: Any, actor: Actor) -> dict[str, t.Document]:
    """The filed papers ``actor`` may know of, by docket entry."""
    docs = s.scalars(select(t.Document).where(t.Document.docket.is_not(None))).all()
    return {doc.docket: doc for doc in docs if lookup.allowed(s, actor, doc, lookup.Need.know)}


def _ruled_motions(
    s: Any,
    seen: Collection[int],
    papers: Collection[str] = (),
    told: Callable[[str], str] = lambda words: words,
) -> list[tuple[sealing.MotionToSeal, list[sealing.SealDecision]]]:
    """Every ruled motion to seal or to unseal (and the court's own), in the order the rulings
    were entered (on an exhibit or a filed paper), with the decisions on the exhibits this
    actor may know of, their reason and condition as ``told`` (`lookup.told_words`); the
    motion names only the exhibits and ``papers`` it may know of."""
    on_exhibits = dict(
        s.execute(
            select(t.SealDecision.motion, func.min(t.SealDecision.id)).group_by(
                t.SealDecision.motion
            )
        ).all()
    )
    on_papers = dict(
        s.execute(
            select(t.PaperSealDecision.motion, func.min(t.PaperSealDecision.id)).group_by(
                t.PaperSealDecision.motion
            )
        ).all()
    )
    # those ruled on exhibits in the order ruled, then those ruled on papers alone
    order = {m: (0, n) for m, n in on_exhibits.items()}
    order |= {m: (1, n) for m, n in on_papers.items() if m not in order}
    motions = s.scalars(select(t.SealMotion).where(t.SealMotion.docket.in_(list(order)))).all()
    found = []
    for row in sorted(motions, key=lambda m: order[m.docket]):
        shown = tuple(n for n in row.exhibits if n in seen)
        named = tuple(p for p in (row.papers or ()) if p in papers)
        if not shown and not named:
            continue
        motion = sealing.MotionToSeal(
            row.docket,
            shown,
            sealing.MotionKind(row.kind),
            row.joint,
            movant=Movant(row.movant) if row.movant else None,
            request=SealRequest(row.request),
            papers=named,
            form=MotionForm(row.form),
        )
        decisions = [
            replace(d, reason=told(d.reason), condition=told(d.condition))
            for d in rows.seal_decisions(s, motion=row.docket, as_ruled=True)
            if d.exhibit in seen
        ]
        found.append((motion, decisions))
    return found


def _sealed_papers(s: Any) -> list[tuple[t.Document, list[str], list[Target]]]:
    """Each filed paper sealed now (its ruling in force, else as lodged), with its pages' text
    and what its public version removes: every page, or the part its ruling names."""
    docs = s.scalars(
        select(t.Document).where(t.Document.docket.is_not(None)).order_by(t.Document.docket)
    ).all()
    sealed = rows.papers_sealed(s, docs)
    found = []
    for doc in docs:
        if not sealed[doc.docket]:
            continue
        ruled = rows.paper_seal_decisions(s, papers=[doc.docket])
        part = ruled[-1].part if ruled else None
        texts = list(
            s.scalars(select(t.Page.text).where(t.Page.document_id == doc.id).order_by(t.Page.idx))
        )
        items = paper_seals.items(s, [doc])[doc.docket]
        found.append((doc, texts, targets(part, items, texts)))
    return found
