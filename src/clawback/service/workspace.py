"""The Workspace: one matter's record (database + file store) and the verbs of the flow.

Every verb is one transaction that writes its audit entry; the CLI, and later the web app and
the workers, only call these methods.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clawback.domain import claims as claim_rules
from clawback.domain import compliance, privilege_log, sealing
from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.deadlines import Deadline
from clawback.domain.documents import Exhibit
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.order import order_from_data
from clawback.pdf.extract import read_pages
from clawback.pdf.stamp import stamp
from clawback.pdf.verify import require_clean, verify
from clawback.service import filing, record
from clawback.storage import tables as t
from clawback.storage.db import connect, migrate, schema_is_current, sqlite_url
from clawback.storage.files import FileStore

DATABASE = "clawback.db"
URL_SETTING = "CLAWBACK_DATABASE_URL"


class Workspace:
    """A folder with the matter's database (SQLite by default) and its file store."""

    def __init__(self, root: Path, url: str | None = None, actor: str = "system") -> None:
        self.root = root
        self.url = url or os.environ.get(URL_SETTING) or sqlite_url(root / DATABASE)
        self.engine = connect(self.url)
        self.files = FileStore(root / "files")
        self.actor = actor
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def init(cls, root: Path, url: str | None = None) -> Workspace:
        """Create (or bring up to date) a workspace at ``root``."""
        root.mkdir(parents=True, exist_ok=True)
        (root / "files").mkdir(exist_ok=True)
        ws = cls(root, url)
        migrate(ws.engine)
        return ws

    @classmethod
    def open(cls, root: Path, url: str | None = None, actor: str = "system") -> Workspace:
        if not (root / "files").is_dir():
            raise NotFound(f"no workspace at {root}: run `clawback init {root}` first")
        ws = cls(root, url, actor)
        if not schema_is_current(ws.engine):
            raise ClawbackError(f"workspace at {root} needs migrating: run `clawback init {root}`")
        return ws

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def _audit(self, s: Session, action: str, subject: str, **detail: Any) -> None:
        s.add(
            t.Audit(
                at=datetime.now(UTC),
                actor=self.actor,
                path="api",
                action=action,
                subject=subject,
                detail=detail,
            )
        )

    # -- the case ----------------------------------------------------------------------------

    def load_case(self, data: Mapping[str, Any]) -> None:
        """Record the matter: caption, protective order, declarations."""
        case = data["case"]
        with self.transaction() as s:
            row = s.get(t.Matter, 1) or t.Matter(id=1)
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
            order_from_data(row.order)  # refuse a malformed order now, not later
            self._audit(s, "case.load", case["number"])

    # -- ingest and designate ----------------------------------------------------------------

    def ingest(
        self,
        pdf: bytes,
        *,
        title: str,
        kind: str = "pdf",
        exhibit: int | None = None,
        family: str | None = None,
        parent: bool = False,
        publicly_available: bool = False,
        meta: Mapping[str, Any] | None = None,
    ) -> str:
        """Store a PDF and its pages' text and hashes; returns its control number.

        Ingesting the same file again returns the same document: nothing is stored twice.
        """
        pages = read_pages(pdf)  # raises a one-line PdfError on a bad file, before any write
        sha = hashlib.sha256(pdf).hexdigest()
        with self.transaction() as s:
            existing = s.scalar(select(t.Document).where(t.Document.original == sha))
            if existing is not None:
                return existing.control
            if exhibit is not None and s.scalar(
                select(t.Document).where(t.Document.exhibit == exhibit)
            ):
                raise RuleViolation(f"Ex. {exhibit} is already in the record (another file)")
            self._store(s, pdf, "application/pdf")
            count = s.scalar(select(func.count()).select_from(t.Document)) or 0
            doc = t.Document(
                control=f"DOC-{count + 1:06d}",
                title=title,
                kind=kind,
                family=family,
                parent=parent,
                exhibit=exhibit,
                original=sha,
                page_count=len(pages),
                publicly_available=publicly_available,
                meta=dict(meta or {}),
            )
            s.add(doc)
            s.flush()
            for p in pages:
                s.add(
                    t.Page(
                        document_id=doc.id,
                        idx=p.index,
                        text=p.text,
                        sha256=p.sha256,
                        image_sha256=list(p.image_sha256),
                    )
                )
            self._audit(s, "ingest", record.label(doc), pages=len(pages), sha256=sha)
            return doc.control

    def designate(self, ref: str | int, tier: str, note: str = "", on: date | None = None) -> None:
        """Give a document a tier of the protective order; earlier designations stay on record."""
        with self.transaction() as s:
            doc = record.document(s, ref)
            name = record.protective_order(s).tier(tier).short
            previous = s.scalar(
                select(t.Designation.tier)
                .where(t.Designation.document_id == doc.id)
                .order_by(t.Designation.id.desc())
            )
            s.add(t.Designation(document_id=doc.id, tier=name, note=note, on=on))
            self._audit(s, "designate", record.label(doc), tier=name, previous=previous)

    def define_item(
        self,
        ref: str | int,
        item_id: str,
        page: str,
        what: str,
        texts: Sequence[str] = (),
        whole_page: bool = False,
    ) -> None:
        """Name a text span or a whole page on a produced page, so a claim can point at it."""
        with self.transaction() as s:
            doc = record.document(s, ref)
            ex = record.exhibit(s, doc)
            index = ex.page_index(BatesNumber.parse(page))
            if texts:
                page_text = (
                    s.scalar(
                        select(t.Page.text).where(t.Page.document_id == doc.id, t.Page.idx == index)
                    )
                    or ""
                )
                for text in texts:
                    if text not in page_text:
                        raise NotFound(f"item {item_id!r}: its text is not on page {page}")
            s.merge(
                t.Item(
                    id=item_id,
                    document_id=doc.id,
                    page_idx=index,
                    what=what,
                    texts=list(texts),
                    whole_page=whole_page,
                )
            )
            self._audit(s, "item.define", page, item=item_id, what=what)

    # -- produce -------------------------------------------------------------------------------

    def produce(
        self, refs: Sequence[str | int], start: str, volume: str, on: date | None = None
    ) -> BatesRange:
        """Number the documents' pages from ``start`` and stamp each page with its Bates number
        and designation legend, in a band below the content; returns the volume's range."""
        first = BatesNumber.parse(start)
        with self.transaction() as s:
            order = record.protective_order(s)
            docs = [record.document(s, r) for r in refs]
            next_number = first
            for doc in docs:
                if doc.produced:
                    raise RuleViolation(f"{record.label(doc)} was already produced")
                tier = s.scalar(
                    select(t.Designation.tier)
                    .where(t.Designation.document_id == doc.id)
                    .order_by(t.Designation.id.desc())
                )
                legend = order.legend(tier) if tier else ""
                pages = s.scalars(
                    select(t.Page).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
                ).all()
                labels = []
                for page in pages:
                    number = str(next_number)
                    if s.scalar(select(t.Page.id).where(t.Page.bates == number)):
                        raise RuleViolation(f"Bates number {number} is already used")
                    page.bates = number
                    labels.append((number, legend))
                    next_number = next_number + 1
                stamped = stamp(self.files.get(doc.original), labels)
                checked = verify(stamped, (), expected_labels=labels, xray=False)
                require_clean(checked, f"{volume}: {record.label(doc)}")
                doc.produced = self._store(s, stamped, "application/pdf", doc.original, "produce")
            last = next_number + -1
            production = t.Production(
                volume=volume, first=str(first), last=str(last), produced_on=on
            )
            s.add(production)
            s.flush()
            for doc in docs:
                doc.production = production.id
            span = BatesRange(first, last)
            self._audit(s, "produce", str(span), volume=volume, documents=len(docs))
            return span

    # -- claw back and rule ----------------------------------------------------------------------

    def claim(
        self,
        claim_id: str,
        *,
        privilege: str,
        exhibits: Sequence[int],
        items: Sequence[str] = (),
        declarations: Sequence[str] = (),
        paragraphs: Sequence[str] = (),
        basis: str = "",
        on: date | None = None,
    ) -> None:
        """A claw-back notice (FRCP 26(b)(5)(B)): from now the claimed material is sequestered."""
        with self.transaction() as s:
            if s.get(t.Claim, claim_id) is not None:
                raise RuleViolation(f"claim {claim_id!r} already exists")
            known = {e.number: e for e in record.exhibits(s)}
            for number in exhibits:
                if number not in known:
                    raise NotFound(f"claim {claim_id!r}: no produced Ex. {number}")
            on_claimed = {i.id for n in exhibits for i in known[n].items}
            for item in items:
                if item not in on_claimed:
                    raise NotFound(f"claim {claim_id!r}: no item {item!r} on the claimed exhibits")
            for decl in declarations:
                if s.get(t.Declaration, decl) is None:
                    raise NotFound(f"claim {claim_id!r}: no declaration {decl!r}")
            privilege_kind = claim_rules.Privilege(privilege)
            s.add(
                t.Claim(
                    id=claim_id,
                    privilege=privilege_kind.value,
                    exhibits=list(exhibits),
                    items=list(items),
                    declarations=list(declarations),
                    paragraphs=list(paragraphs),
                    basis=basis,
                    state=claim_rules.State.noticed.value,
                    noticed_on=on,
                )
            )
            self._event(s, claim_id, claim_rules.State.noticed, on)
            spans = [str(known[n].bates) for n in exhibits]
            self._audit(s, "claim.notice", "; ".join(spans), claim=claim_id, items=list(items))

    def advance(self, claim_id: str, to: str, on: date | None = None) -> None:
        """Move a claim on in its lifecycle (sequestered, submitted, ...); illegal moves refused."""
        with self.transaction() as s:
            row = self._claim(s, claim_id)
            state = claim_rules.State(to)
            self._replace_state(s, row, state, on)

    def rule(
        self,
        claim_id: str,
        result: str,
        items: Sequence[str] = (),
        reason: str = "",
        on: date | None = None,
    ) -> None:
        """Enter the court's ruling on a claim: granted, denied, or granted in part (items)."""
        with self.transaction() as s:
            row = self._claim(s, claim_id)
            claim = next(c for c in record.claims(s) if c.id == claim_id)
            ruling = claim_rules.Ruling(
                claim_id, claim_rules.Result(result), tuple(items), reason, on
            )
            claim_rules.check_ruling(claim, ruling, record.exhibits(s))
            if s.get(t.Ruling, claim_id) is not None:
                raise RuleViolation(f"claim {claim_id!r} is already ruled on")
            self._replace_state(s, row, claim_rules.State.ruled, on)
            s.add(
                t.Ruling(claim_id=claim_id, result=result, items=list(items), reason=reason, on=on)
            )
            self._audit(s, "rule", claim_id, result=result, items=list(items))

    def _claim(self, s: Session, claim_id: str) -> t.Claim:
        row = s.get(t.Claim, claim_id)
        if row is None:
            raise NotFound(f"no claim {claim_id!r}")
        return row

    def _replace_state(
        self, s: Session, row: t.Claim, state: claim_rules.State, on: date | None
    ) -> None:
        row.state = claim_rules.transition(row.id, claim_rules.State(row.state), state).value
        self._event(s, row.id, state, on)
        self._audit(s, f"claim.{state.value}", row.id)

    def _event(self, s: Session, claim_id: str, state: claim_rules.State, on: date | None) -> None:
        s.add(t.ClaimEvent(claim_id=claim_id, state=state.value, on=on, at=datetime.now(UTC)))

    # -- seal and comply ---------------------------------------------------------------------------

    def seal(
        self,
        docket: str,
        *,
        exhibits: Sequence[int],
        kind: str,
        granted: bool,
        joint: bool = False,
        reason: str = "",
        on: date | None = None,
    ) -> list[sealing.SealDecision]:
        """Record a motion to seal and the court's ruling on it, exhibit by exhibit."""
        motion = sealing.MotionToSeal(docket, tuple(exhibits), sealing.MotionKind(kind), joint)
        with self.transaction() as s:
            known = record.exhibits(s)
            missing = set(exhibits) - {e.number for e in known}
            if missing:
                raise NotFound(f"motion to seal {docket}: no produced Ex. {min(missing)}")
            decisions = sealing.decide(motion, known, granted, reason)
            s.merge(
                t.SealMotion(
                    docket=docket, kind=kind, joint=joint, exhibits=list(exhibits), ruled_on=on
                )
            )
            s.flush()  # the motion row first: decisions refer to it
            for d in decisions:
                s.add(
                    t.SealDecision(
                        motion=docket,
                        exhibit=d.exhibit,
                        sealed=d.sealed,
                        standard=d.standard.value,
                        reason=d.reason,
                    )
                )
            self._audit(s, "seal", docket, sealed=[d.exhibit for d in decisions if d.sealed])
            return decisions

    def order_deadlines(
        self, order_date: date, directives: Sequence[compliance.Directive]
    ) -> list[Deadline]:
        """Turn an order's directives into dated acts (FRCP 6(a)) and record them."""
        with self.transaction() as s:
            state = record.matter(s).state
            found = compliance.deadlines(
                directives, order_date, record.exhibits(s), record.seal_decisions(s), state=state
            )
            for d in found:
                s.add(
                    t.Deadline(
                        act=d.act, due=d.due, trigger=d.trigger, days=d.days, source=d.source
                    )
                )
            self._audit(s, "deadlines", d.source if found else "", count=len(found))
            return found

    def deadlines(self) -> list[Deadline]:
        with self.transaction() as s:
            rows = s.scalars(select(t.Deadline).order_by(t.Deadline.due, t.Deadline.id)).all()
            return [Deadline(r.act, r.due, r.trigger, r.days, r.source) for r in rows]

    # -- file ----------------------------------------------------------------------------------

    def file(self, out: Path) -> list[filing.Made]:
        """Make the filing packages the rulings and the sealing decisions call for: ``sealed/``
        (lodged under seal, redacted for privilege) and ``public/`` (for the public docket),
        each file verified; written to ``out`` only when every file passed."""
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
            for claim in s.scalars(select(t.Claim).where(t.Claim.state == "ruled")).all():
                self._replace_state(s, claim, claim_rules.State.applied, None)
        return made

    def privilege_log(self) -> list[privilege_log.Row]:
        """The privilege log as the record stands now."""
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

    def summary(self, order_date: date, files: Mapping[tuple[int, str], str]) -> dict[str, Any]:
        """The outcome per exhibit, the rulings and the deadlines, as plain data."""
        with self.transaction() as s:
            m = record.matter(s)
            exhibits = record.exhibits(s)
            effects = claim_rules.effects(exhibits, record.claims(s), record.rulings(s))
            sealed = {d.exhibit: d.sealed for d in record.seal_decisions(s)}
            rulings = record.rulings(s)
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
                        for kind in ("sealed", "public")
                        if (e.number, kind) in files
                    },
                }
                for e in exhibits
            ],
            "rulings": [{"claim": r.claim, "result": r.result.value} for r in rulings],
            "deadlines": [{"due": d.due.isoformat(), "act": d.act} for d in self.deadlines()],
        }

    def show(self, ref: str | int) -> dict[str, Any]:
        """What the record holds about one document (never the text of an item)."""
        with self.transaction() as s:
            doc = record.document(s, ref)
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

    def _store(
        self,
        s: Session,
        data: bytes,
        media_type: str,
        made_from: str | None = None,
        recipe: str = "original",
    ) -> str:
        sha = self.files.put(data)
        if s.get(t.Blob, sha) is None:
            s.add(
                t.Blob(
                    sha256=sha,
                    size=len(data),
                    media_type=media_type,
                    made_from=made_from,
                    recipe=recipe,
                )
            )
            s.flush()
        return sha
