"""Case files in and out of the record: a whole case loaded in one go, through the very service
calls the CLI makes one by one, and the record written back as a case file.

Loading is idempotent: what the record already holds (a file by its hash, a designation, a
claim, a ruling, a seal ruling, an act, a closure) is left as it is, and only what is new is
entered, so a second load of the same file changes nothing and a load stopped half way (a file
refused) is finished by loading again. What the record holds and the file contradicts (a claim
with other exhibits, an earlier ruling the file does not list) is refused, never overwritten.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.casefile import (
    Caption,
    CaseFile,
    ClaimEntry,
    ClosureEntry,
    DeclarationEntry,
    DocumentEntry,
    ItemEntry,
    ProductionEntry,
    RulingEntry,
    SealEntry,
)
from clawback.domain.claims import Privilege, Request, Result
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.order import NO_ORDER
from clawback.domain.refs import ControlNumber, ExhibitNamed, ExhibitNumber, exhibit_ref
from clawback.domain.seal_parts import MotionForm, Movant, SealPart, SealRequest
from clawback.domain.sealing import PUBLIC_DOMAIN, MotionKind
from clawback.domain.seats import Act
from clawback.service import access as access_rules
from clawback.service import rows
from clawback.service.base import Service
from clawback.service.casefile_papers import export_papers, load_papers
from clawback.service.casefile_seals import paper_seal_entries
from clawback.service.matter import protective_order_presets
from clawback.storage import tables as t

if TYPE_CHECKING:
    from clawback.service.facade import Record

DOCUMENTS = "documents"  # the folder beside an exported case file that holds its files


class CaseFiles(Service):
    """Load a case file into the record; export the record as one."""

    def load(self, case: CaseFile, folder: Path, agreed_by: str | None = None) -> list[str]:
        """Enter ``case`` (its files relative to ``folder``); one line per thing entered.
        ``agreed_by``: as for ``Matter.load_case``, when the file's protective order replaces
        the one in force."""
        from clawback.service.facade import Record

        self.ctx.require(Act.load_case_file)
        problems = case.problems()
        if problems:
            raise NotFound(problems[0])
        for key, files in (
            ("documents", [d.file for d in case.documents]),
            ("filed_papers", [p.file for p in case.filed_papers]),
        ):
            missing = [f for f in files if not (folder / f).is_file()]
            if missing:
                raise NotFound(f"{key}: no file {missing[0]} beside the case file ({folder})")
        record = Record(self.ctx)
        said: list[str] = []
        preset = case.protective_order if isinstance(case.protective_order, str) else None
        record.matter.load_case(_matter_data(case), order=preset, agreed_by=agreed_by)
        for closure in case.closures:
            if closure.day not in self._closed():
                record.deadlines.close_court(closure.day, closure.reason)
                said.append(f"court closed {closure.day}")
        said += self._documents(record, case.documents, folder)
        said += self._productions(record, case.productions)
        said += self._items(record, case.items)
        said += load_papers(record, case.filed_papers, folder)  # before the claims over them
        said += self._claims(record, case.claims)
        said += self._rulings(record, case.rulings)
        said += load_papers(record, case.filed_papers, folder)  # before the seals naming them
        said += self._seals(record, case.seals)
        entered = self._acts()
        for act in case.acts:
            if _act_key(act) not in entered:
                found = record.deadlines.add_act(act)
                said.append(f"act due {found.due}: {found.says}")
        return said

    def export(self, folder: Path) -> CaseFile:
        """The record as a case file whose documents and filed papers are written to
        ``folder``/documents: the whole record, every side's collection in it, so the
        operator's to make alone."""
        self.ctx.require(Act.export_case)
        with self.ctx.transaction() as s:
            matter = rows.matter(s)
            order = rows.protective_order(s)
            docs = s.scalars(select(t.Document).order_by(t.Document.id)).all()
            ids = _exhibit_ids(docs)
            entries, files = [], []
            for doc in docs:
                if (doc.meta or {}).get("depth", 0):
                    continue  # a member of an e-mail family: its file is the e-mail's
                if doc.docket is not None:
                    continue  # a filed paper: in ``filed_papers``
                suffix = PurePosixPath(str((doc.meta or {}).get("name") or ".pdf")).suffix
                stem = f"ex{ids[doc.exhibit]}" if doc.exhibit is not None else doc.control
                file = PurePosixPath(DOCUMENTS, stem + (suffix or ".pdf"))
                files.append((file, doc.original))
                tier = s.scalar(
                    select(t.Designation.tier)
                    .where(t.Designation.document_id == doc.id)
                    .order_by(t.Designation.id.desc())
                    .limit(1)
                )
                entries.append(
                    DocumentEntry(
                        file=file,
                        exhibit=ids.get(doc.exhibit) if doc.exhibit is not None else None,
                        title=doc.title,
                        kind=doc.kind,
                        designation=order.tier(tier).short if tier else None,
                        public=doc.publicly_available,
                    )
                )
            papers, paper_files = export_papers(s, self.ctx.files, DOCUMENTS)
            files += paper_files
            case = CaseFile(
                caption=Caption(matter.number, matter.court, matter.caption, matter.state),
                protective_order=_preset_name(dict(matter.order)),
                producing_party=str((matter.facts or {}).get("producing_party", "")),
                receiving_party=str((matter.facts or {}).get("receiving_party", "")),
                declarations=tuple(
                    DeclarationEntry(d.id, d.declarant, d.title, tuple(d.docket))
                    for d in s.scalars(select(t.Declaration).order_by(t.Declaration.id))
                ),
                documents=tuple(entries),
                productions=tuple(_productions(s, ids)),
                items=tuple(_items(s, ids)),
                claims=tuple(
                    _claim(c, ids) for c in s.scalars(select(t.Claim).order_by(t.Claim.id))
                ),
                rulings=tuple(
                    RulingEntry(r.claim_id, Result(r.result), r.on, r.reason, tuple(r.items))
                    for r in s.scalars(select(t.Ruling).order_by(t.Ruling.id))
                ),
                seals=tuple(_seals(s, ids)),
                acts=tuple(_acts(s)),
                closures=tuple(
                    ClosureEntry(c.day, c.reason)
                    for c in s.scalars(select(t.CourtClosure).order_by(t.CourtClosure.day))
                ),
                filed_papers=tuple(papers),
            )
            blobs = [(file, self.ctx.files.get(sha)) for file, sha in files]
        for file, data in blobs:
            self.ctx.write(folder / file, data, "case.export.document", str(file))
        return case

    # -- loading, part by part -----------------------------------------------------------------

    def _documents(
        self, record: Record, documents: Sequence[DocumentEntry], folder: Path
    ) -> list[str]:
        said = []
        for d in documents:
            (report,) = record.ingest.ingest_paths(
                [folder / d.file],
                exhibit=d.exhibit,
                title=d.title,
                kind=d.kind,
                publicly_available=d.public,
            )
            if report.outcome == "refused":  # read only now: what came before it stays
                raise ClawbackError(
                    f"documents: {d.file}: refused: {report.reason} (the matter and the "
                    "documents before it are entered: replace the file and load again, which "
                    "enters only what is new)"
                )
            if report.outcome != "known":
                said.append(report.line())
            ref: ExhibitNumber | ExhibitNamed | ControlNumber = (
                exhibit_ref(d.exhibit)
                if d.exhibit is not None
                else ControlNumber(report.controls[0])
            )
            if d.designation is not None and self._designation(ref) != self._short(d.designation):
                record.designations.designate(ref, d.designation)
                said.append(f"{d.file}: {d.designation}")
        return said

    def _productions(self, record: Record, productions: Sequence[ProductionEntry]) -> list[str]:
        said = []
        with self.ctx.transaction() as s:
            done = set(
                s.scalars(select(t.Production.volume).where(t.Production.state == "complete"))
            )
        for p in productions:
            if p.volume in done:
                continue
            refs = [exhibit_ref(e) for e in p.exhibits]
            span = record.productions.produce(refs, p.start, p.volume, p.on)
            said.append(f"{p.volume}: {span}")
        return said

    def _items(self, record: Record, items: Sequence[ItemEntry]) -> list[str]:
        said = []
        with self.ctx.transaction() as s:
            named = set(s.scalars(select(t.Item.id)))
        for i in items:
            if i.id in named:
                continue
            record.items.define(exhibit_ref(i.exhibit), i.id, i.page, i.what, i.texts, i.whole_page)
            said.append(f"item {i.id} on {i.page}")
        return said

    def _claims(self, record: Record, claims: Sequence[ClaimEntry]) -> list[str]:
        said = []
        with self.ctx.transaction() as s:
            held = {c.id: sorted(c.exhibits) for c in s.scalars(select(t.Claim))}
            papers = {c.id: sorted(c.papers or ()) for c in s.scalars(select(t.Claim))}
        for c in claims:
            exhibits = record.catalog.exhibit_ordinals(c.exhibits) if c.exhibits else []
            if c.id in held:
                if held[c.id] != sorted(exhibits):
                    raise RuleViolation(
                        f"claim {c.id!r} is in the record over other exhibits "
                        f"({held[c.id]}, not {sorted(exhibits)})"
                    )
                if papers[c.id] != sorted(c.papers):
                    raise RuleViolation(
                        f"claim {c.id!r} is in the record over other filed papers "
                        f"({', '.join(papers[c.id]) or 'none'}, not {', '.join(c.papers)})"
                    )
                continue
            record.claims.claim(
                c.id,
                privilege=c.privilege.value,
                exhibits=exhibits,
                items=c.items,
                declarations=c.declarations,
                paragraphs=c.paragraphs,
                basis=c.basis,
                on=c.on,
                learned_on=c.learned_on,
                request=c.request.value,
                papers=c.papers,
            )
            said.append(f"claim {c.id}: noticed")
        return said

    def _rulings(self, record: Record, rulings: Sequence[RulingEntry]) -> list[str]:
        """Each claim's rulings in the file's order: the first rules, a later one amends."""
        said = []
        with self.ctx.transaction() as s:
            held: dict[str, list[tuple[str, date | None]]] = defaultdict(list)
            for row in s.scalars(select(t.Ruling).order_by(t.Ruling.id)):
                held[row.claim_id].append((row.result, row.on))
        seen: dict[str, int] = defaultdict(int)
        for r in rulings:
            n = seen[r.claim]
            seen[r.claim] += 1
            if n < len(held[r.claim]):
                if held[r.claim][n] != (r.result.value, r.on):
                    result, on = held[r.claim][n]
                    raise RuleViolation(
                        f"claim {r.claim!r}: the record's ruling {n + 1} is {result} on {on}, "
                        f"the case file's {r.result.value} on {r.on}"
                    )
                continue
            record.claims.rule(r.claim, r.result.value, r.items, r.reason, r.on, amend=n > 0)
            said.append(f"claim {r.claim}: {r.result.value}{' (amended)' if n else ''}")
        return said

    def _seals(self, record: Record, seals: Sequence[SealEntry]) -> list[str]:
        said = []
        with self.ctx.transaction() as s:
            ruled = set(s.scalars(select(t.SealDecision.motion).distinct()))
            on_papers = {
                (motion, paper)
                for motion, paper in s.execute(
                    select(t.PaperSealDecision.motion, t.PaperSealDecision.paper)
                )
            }
        for m in seals:
            exhibits = m.exhibits if m.docket not in ruled else ()
            papers = tuple(p for p in m.papers if (m.docket, p) not in on_papers)
            if not exhibits and not papers:
                continue
            record.sealing.seal(
                m.docket,
                exhibits=record.catalog.exhibit_ordinals(exhibits),
                papers=papers,
                public_days=m.public_days,
                kind=m.kind.value,
                granted=m.granted,
                joint=m.joint,
                reason=m.reason,
                on=m.on,
                unseal_on=m.unseal_on,
                movant=m.movant.value if m.movant else None,
                request="unseal" if m.unseal else "seal",
                part=m.in_part,
                condition=m.condition,
                condition_days=m.condition_days,
                form=m.form.value,
            )
            motion = "unseal" if m.unseal else "seal"
            said.append(
                f"motion to {motion} Dkt. {m.docket}: {'granted' if m.granted else 'denied'}"
            )
        return said

    def _closed(self) -> set[date]:
        with self.ctx.transaction() as s:
            return set(rows.closures(s))

    def _acts(self) -> set[tuple[Any, ...]]:
        with self.ctx.transaction() as s:
            return {_act_key(a) for a in _acts(s)}

    def _designation(self, ref: ExhibitNumber | ExhibitNamed | ControlNumber) -> str | None:
        with self.ctx.transaction() as s:
            where = (
                t.Document.exhibit_key == str(ref.number)
                if isinstance(ref, ExhibitNumber)
                else t.Document.exhibit_key == ref.exhibit.canonical
                if isinstance(ref, ExhibitNamed)
                else t.Document.control == ref.text
            )
            found: str | None = s.scalar(
                select(t.Designation.tier)
                .join(t.Document, t.Designation.document_id == t.Document.id)
                .where(where)
                .order_by(t.Designation.id.desc())
                .limit(1)
            )
            return found

    def _short(self, tier: str) -> str:
        with self.ctx.transaction() as s:
            return rows.protective_order(s).tier(tier).short


def _matter_data(case: CaseFile) -> dict[str, Any]:
    """The matter as ``Matter.load_case`` takes it."""
    caption = case.caption
    data: dict[str, Any] = {
        "case": {"number": caption.number, "court": caption.court, "caption": caption.caption},
        "producing_party": case.producing_party,
        "receiving_party": case.receiving_party,
        "declarations": [
            {"id": d.id, "declarant": d.declarant, "title": d.title, "docket": list(d.docket)}
            for d in case.declarations
        ],
    }
    if caption.state is not None:
        data["case"]["state"] = caption.state
    if case.protective_order is None:
        data["protective_order"] = NO_ORDER
    elif not isinstance(case.protective_order, str):
        data["protective_order"] = case.protective_order
    return data


def _preset_name(order: dict[str, Any]) -> str | dict[str, Any] | None:
    """The order's preset name when it is one of the presets word for word, else the order;
    None when the case has none."""
    if order == NO_ORDER:
        return None
    for name, preset in protective_order_presets().items():
        if preset == order:
            return name
    return order


def _exhibit_ids(docs: Sequence[t.Document]) -> dict[int, ExhibitId]:
    """Each numbered document's ordinal and its identifier as the court writes it."""
    return {
        d.exhibit: ExhibitId.parse(d.exhibit_id or d.exhibit) for d in docs if d.exhibit is not None
    }


def _productions(s: Session, ids: dict[int, ExhibitId]) -> list[ProductionEntry]:
    """Each finished volume with the exhibits it numbered, in Bates order."""
    found = []
    for p in s.scalars(
        select(t.Production).where(t.Production.state == "complete").order_by(t.Production.id)
    ):
        numbered = s.execute(
            select(t.Document.exhibit, t.Page.bates)
            .join(t.Page, t.Page.document_id == t.Document.id)
            .where(t.Document.production == p.id, t.Page.idx == 0)
        ).all()
        firsts = {bates: exhibit for exhibit, bates in numbered if exhibit and bates}
        exhibits = [ids[firsts[b]] for b in sorted(firsts)]
        found.append(ProductionEntry(p.volume, p.first, tuple(exhibits), p.produced_on))
    return found


def _items(s: Session, ids: dict[int, ExhibitId]) -> list[ItemEntry]:
    """Every item on an exhibit, by the exhibit and its page: an item on a family exhibit's
    attachment is the exhibit's, at the attachment's page (`access.exhibit_of`)."""
    found = []
    rows_ = s.execute(
        select(t.Item, t.Document, t.Page.bates)
        .join(t.Document, t.Item.document_id == t.Document.id)
        .join(t.Page, (t.Page.document_id == t.Item.document_id) & (t.Page.idx == t.Item.page_idx))
        .order_by(t.Item.id)
    ).all()
    exhibit_of = access_rules.exhibits_of(s, {doc for _, doc, _ in rows_})
    for item, doc, bates in rows_:
        exhibit = exhibit_of.get(doc.id)
        if exhibit is None or bates is None:
            continue  # an item on a document of no exhibit: not in a case file yet
        found.append(
            ItemEntry(item.id, ids[exhibit], bates, item.what, tuple(item.texts), item.whole_page)
        )
    return found


def _claim(c: t.Claim, ids: dict[int, ExhibitId]) -> ClaimEntry:
    return ClaimEntry(
        id=c.id,
        privilege=Privilege(c.privilege),
        exhibits=tuple(ids.get(e) or ExhibitId.parse(e) for e in c.exhibits),
        items=tuple(c.items),
        request=Request(c.request),
        basis=c.basis,
        on=c.noticed_on,
        learned_on=c.learned_on,
        declarations=tuple(c.declarations),
        paragraphs=tuple(c.paragraphs),
        papers=tuple(c.papers or ()),
    )


def _seals(s: Session, ids: dict[int, ExhibitId]) -> list[SealEntry]:
    """Each ruled motion to seal as the ruling was entered: granted unless every exhibit not
    already public stayed unsealed; the court's reason unless it gave none (a stock phrase)."""
    found = []
    for m in s.scalars(
        select(t.SealMotion).where(t.SealMotion.ruled_on.is_not(None)).order_by(t.SealMotion.docket)
    ):
        on_papers = paper_seal_entries(s, m)
        decisions = s.scalars(select(t.SealDecision).where(t.SealDecision.motion == m.docket)).all()
        if not decisions and m.papers:
            found += on_papers  # ruled on papers alone
            continue
        ruled = [d for d in decisions if d.reason != PUBLIC_DOMAIN]
        unseal = m.request == SealRequest.unseal.value
        granted = (
            (not all(d.sealed for d in ruled) if unseal else any(d.sealed for d in ruled))
            if ruled
            else True
        )
        part = next((d.part for d in decisions if d.part), None)
        condition = next((d.condition for d in decisions if d.condition), None) or ""
        condition_days = s.scalar(
            select(t.Deadline.days).where(
                t.Deadline.source == f"order on the motion to seal, Dkt. {m.docket}",
                t.Deadline.act == condition,
            )
        )
        reason = ruled[0].reason if ruled else ""
        if ruled and reason == _stock_reason(ruled[0].standard, granted):
            reason = ""
        if unseal and reason in ("unsealed", "the seal stays in place"):
            reason = ""  # what ``domain.sealing.decide`` says of a motion to unseal
        found.append(
            SealEntry(
                docket=m.docket,
                exhibits=tuple(ids.get(e) or ExhibitId.parse(e) for e in m.exhibits),
                kind=MotionKind(m.kind),
                granted=granted,
                on=m.ruled_on,
                joint=m.joint,
                reason=reason,
                unseal_on=next((d.unseal_on for d in decisions if d.unseal_on), None),
                movant=Movant(m.movant) if m.movant else None,
                unseal=unseal,
                in_part=SealPart.from_data(part),
                condition=condition,
                condition_days=condition_days if condition else None,
                form=MotionForm(m.form),
            )
        )
        found += on_papers
    return found


def _stock_reason(standard: str, granted: bool) -> str:
    """What ``domain.sealing.decide`` says when the court gave no reason."""
    return f"{standard.replace('_', ' ')} {'shown for sealing' if granted else 'not shown'}"


def _acts(s: Session) -> list[OrderedAct]:
    """The acts orders set (a claim's duties and a seal's end are the record's own)."""
    return [
        OrderedAct(
            Party(str(d.party)),
            ActKind(str(d.kind)),
            d.act,
            d.trigger,
            days=d.days,
            by=d.due if d.days is None else None,
            source=d.source,
        )
        for d in s.scalars(
            select(t.Deadline).where(t.Deadline.kind.is_not(None)).order_by(t.Deadline.id)
        )
    ]


def _act_key(act: OrderedAct) -> tuple[Any, ...]:
    return (act.party, act.kind, act.what.strip().rstrip("."), act.trigger, act.days, act.by)
