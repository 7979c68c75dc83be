"""Production volumes: plan the numbering once, then make and commit document by document.

``produce`` first records the volume as *open* with its plan: the documents in order, each
with its Bates range, what goes out for it (the document, a slip sheet for a withheld one),
the legend and stamp corner, the pattern hits to redact. Then each document is made
(redacted, stamped, verified) and committed on its own: its pages' Bates numbers and the
stamped file. A run killed midway leaves the volume open; running the same ``produce`` again
makes only the documents not yet committed and closes the volume. The numbers come from the
plan, so each is used exactly once and none is skipped; a file the killed run was writing is
removed from the store (`FileStore.sweep`), and a redone document's file is byte-identical to
what it would have been (see `pdf.stamp`).

Numbering (where a volume starts, what it may not overlap) is ``service.volume_numbers``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.errors import (
    ClawbackError,
    InvalidInput,
    RuleViolation,
)
from clawback.domain.refs import DocumentRef, bates_number, document_ref
from clawback.domain.seats import Act
from clawback.domain.typed import processes
from clawback.domain.volume_names import volume_name
from clawback.heap import settled
from clawback.pdf.files.document import open_pdf
from clawback.pdf.gate.verify import VerificationError, XrayRun
from clawback.pdf.marks.slipsheet import placeholder, slip_sheet
from clawback.pdf.marks.stamp import CORNERS
from clawback.pdf.produced import Job, Made, hits_on, make_many
from clawback.service import lookup, rows, stamps, volume_numbers
from clawback.service.base import Service
from clawback.service.standing import still_standing
from clawback.service.volume_take_back import ABANDON, WITHDRAW, TakeBack
from clawback.storage import tables as t

#: Called after each committed document with (pages done, pages in the volume).
Progress = Callable[[int, int], None]

WITHHELD = "Withheld \u2013 privileged"
REDACTED = "REDACTED"


#: Why a production stops when the person it runs as no longer stands (`service.standing`).
_NO_STANDING = (
    "the person it runs as no longer has the seat it began with, or their login is disabled"
)


class ProductionStopped(ClawbackError):
    """A document could not be made (failed the gate, could not be redacted or stamped), or
    the person the production runs as no longer stands (`service.standing`)."""


class Productions(Service):
    @settled()  # a volume's per-page work would walk the whole old heap again and again
    def produce(
        self,
        refs: Sequence[DocumentRef | int | str],
        start: BatesNumber | str | None,
        volume: str,
        on: date | None = None,
        *,
        continue_from: str | None = None,
        allow_gap: str | None = None,
        withhold: Mapping[DocumentRef | int | str, str] | None = None,
        corner: str = "bottom-right",
        legend: str | None = None,
        redact_pattern: str | None = None,
        redact_reason: str = REDACTED,
        check: bool = True,
        workers: int = 1,
        progress: Progress | None = None,
    ) -> BatesRange:
        """Number, stamp, verify and record ``refs`` as production ``volume``; returns its range.

        ``start`` is the first Bates number, or with ``continue_from`` (a prefix) numbering goes
        on after that prefix's last volume. ``withhold`` maps documents to the reason printed
        on their slip sheet (documents a ruling withholds get one too). ``legend`` replaces the
        order's legend; ``redact_pattern`` (a regular expression) is truly redacted wherever
        it matches a page's text. ``check=False`` skips the verification gate (benchmarks
        only). Running it again on an open volume resumes it.
        """
        self.ctx.require(Act.produce)
        if corner not in CORNERS:
            raise InvalidInput(f"stamp corner must be one of {', '.join(CORNERS)}, not {corner!r}")
        processes("--workers", workers)
        volume_name(volume)
        if redact_pattern is not None:
            _compile(redact_pattern)  # read here, a volume resumed too
        wanted = [document_ref(r) for r in refs]
        start = bates_number(start) if start is not None else None
        held = {document_ref(r): why for r, why in (withhold or {}).items()}
        with self.ctx.transaction() as s:
            if not still_standing(s, self.actor):  # a job begun after its person's standing
                raise ProductionStopped(f"volume {volume} not begun: {_NO_STANDING}")
            production = s.scalar(select(t.Production).where(t.Production.volume == volume))
            if production is not None:
                start_again = start if continue_from is None else None
                self._same_request(s, production, wanted, start_again)
                asked = (corner, legend, redact_pattern, self._withheld(s, held))
                _same_stamping(production, asked)
                self.ctx.audit(s, "produce.resume", volume, documents=len(production.plan["docs"]))
            else:
                production = self._plan(
                    s,
                    wanted,
                    start,
                    volume,
                    on,
                    continue_from,
                    allow_gap,
                    held,
                    (corner, legend, redact_pattern, redact_reason),
                )
            production_id, plan = production.id, production.plan
        # With a core to spare, x-ray reads each document as soon as it is made, on that
        # core; with none, it reads them once the workers are done, in as many interpreters
        # (a production given N workers keeps to N processes at a time). The interpreters
        # start now: their start-up overlaps the work.
        spare = workers < (os.cpu_count() or 1)
        xray = XrayRun(workers, stream=spare) if check else None
        try:
            if xray is not None:
                xray.start()
            done = self._make_all(production_id, plan, check, workers, progress, xray)
            if xray is not None:
                xray.require_clean()
        except (VerificationError, ValueError) as exc:
            raise ProductionStopped(
                f"{exc}; volume {volume} stays open with the documents made so far: "
                "fix the cause and run the same produce to finish it"
            ) from None
        finally:
            if xray is not None:
                xray.close()
        with self.ctx.transaction() as s:
            production = s.get(t.Production, production_id)
            assert production is not None
            self._require_standing(s, production_id)
            production.state = "complete"
            span = BatesRange(production.first, production.last)
            self.ctx.audit(s, "produce", str(span), volume=volume, documents=len(plan["docs"]))
        if done != sum(d["pages"] for d in plan["docs"]):
            raise ClawbackError(f"{volume}: not every page was made")  # pragma: no cover
        return span

    def _same_request(
        self,
        s: Session,
        production: t.Production,
        refs: Sequence[DocumentRef],
        start: BatesNumber | None,
    ) -> None:
        """Resuming: the request must be the one that opened the volume."""
        volume = production.volume
        if production.state in ("abandoned", "withdrawn"):
            raise RuleViolation(
                f"volume {volume} was {production.state}: give the new volume another name"
            )
        if production.state != "open":
            raise RuleViolation(f"volume {volume} was already produced")
        planned = [d["id"] for d in production.plan["docs"]]
        asked = [lookup.document(s, self.actor, r).id for r in refs]
        if asked and asked != planned:
            raise RuleViolation(
                f"volume {volume} is open with other documents: run the same produce to finish it"
            )
        if start is not None and start != production.first:
            raise RuleViolation(f"volume {volume} is open and starts at {production.first}")

    def _withheld(self, s: Session, withhold: Mapping[DocumentRef, str]) -> dict[int, str]:
        return {lookup.document(s, self.actor, r).id: why for r, why in withhold.items()}

    def produced(self, volume: str) -> BatesRange | None:
        """The range of ``volume`` if it is produced (complete), else None (open, abandoned or
        not there): how a step run again after a kill knows its volume is done."""
        self.ctx.require(Act.produce)
        with self.ctx.transaction() as s:
            production = s.scalar(select(t.Production).where(t.Production.volume == volume))
            if production is None or not lookup.volume_ours(s, self.actor, production):
                return None
            if production.state != "complete":
                return None
            return BatesRange(production.first, production.last)

    def abandon(self, volume: str, reason: str) -> int:
        """Give up an open volume (one that cannot be finished: a document that always fails
        the gate, the wrong documents): its documents lose the numbers and stamped files it
        gave them and get their page text back from the file as ingested, the numbers become
        free again (an open volume was never delivered), and the volume stays on record as
        abandoned, with the reason. Returns how many documents it released."""
        self.ctx.require(Act.abandon_volume)
        return TakeBack(self.ctx).take_back(volume, reason, ABANDON)

    def withdraw(self, volume: str, reason: str) -> int:
        """Take back a finished volume (the wrong documents served, designations to correct
        before producing them again): its documents are no longer produced, so the receiving
        side no longer sees them (its copies are to be returned or destroyed), and they may be
        produced again in a new volume. Its numbers stay retired, never given again: they were
        delivered. The volume stays on record as withdrawn, with the reason. Refused while a
        claim, a named item, a seal ruling or a challenge rests on one of its documents: those
        cite its pages. Returns how many documents it released."""
        self.ctx.require(Act.withdraw_volume)
        return TakeBack(self.ctx).take_back(volume, reason, WITHDRAW)

    # -- planning --------------------------------------------------------------------------

    def _plan(
        self,
        s: Session,
        refs: Sequence[DocumentRef],
        start: BatesNumber | None,
        volume: str,
        on: date | None,
        continue_from: str | None,
        allow_gap: str | None,
        withhold: Mapping[DocumentRef, str],
        stamping: tuple[str, str | None, str | None, str],
    ) -> t.Production:
        corner, legend_text, pattern, reason = stamping
        if not refs:
            raise ClawbackError(f"{volume}: no documents to produce")
        order = rows.protective_order(s)
        docs = [lookup.document(s, self.actor, r) for r in refs]
        withheld = self._withheld(s, withhold)
        seen: set[int] = set()
        for doc in docs:
            if doc.id in seen:
                raise RuleViolation(f"{rows.label(doc)} is named twice")
            seen.add(doc.id)
            if doc.produced:
                raise RuleViolation(f"{rows.label(doc)} was already produced")
            if doc.production is not None:
                raise RuleViolation(f"{rows.label(doc)} is planned in another open volume")
        if set(withheld) - seen:
            raise ClawbackError("a document to withhold is not among those produced")
        first = volume_numbers.first_number(s, start, continue_from, allow_gap)
        matcher = _compile(pattern) if pattern else None
        entries, number = [], first.number
        for doc in docs:
            tier = doc.tier
            legend = legend_text if legend_text is not None else order.legend(tier) if tier else ""
            why = withheld.get(doc.id) or (WITHHELD if doc.withheld else None)
            pages = s.scalars(
                select(t.Page).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
            ).all()
            hits: list[dict[str, Any]] = []
            native = None if why else native_file(doc.meta or {})
            if matcher is not None and why is None:
                hits = hits_on(self.ctx.files.get(doc.original), matcher)
                if hits and native:
                    raise RuleViolation(
                        f"{rows.label(doc)}: a native with pattern hits cannot be produced "
                        "natively; withhold it"
                    )
            entries.append(
                {
                    "id": doc.id,
                    "first": number,
                    "pages": len(pages),
                    "legend": legend,
                    "withheld": why,
                    "native": native,
                    "hits": hits,
                }
            )
            number += len(pages)
        last = BatesNumber(first.prefix, number - 1, first.width)
        volume_numbers.refuse_used(s, first, number - first.number)
        production = t.Production(
            volume=volume,
            first=first,
            last=last,
            produced_on=on,
            state="open",
            plan={
                "prefix": first.prefix,
                "width": first.width,
                "corner": corner,
                "reason": reason,
                "docs": entries,
                "asked": {  # what the run again may name and must name alike
                    "legend": legend_text,
                    "pattern": pattern,
                    "withhold": {str(k): v for k, v in withheld.items()},
                },
            },
        )
        s.add(production)
        s.flush()
        for doc in docs:
            doc.production = production.id
        detail: dict[str, Any] = {"volume": volume, "documents": len(docs)}
        if allow_gap:
            detail["gap_reason"] = allow_gap
        if withheld or any(e["withheld"] for e in entries):
            detail["slip_sheets"] = sum(1 for e in entries if e["withheld"])
        self.ctx.audit(s, "produce.open", f"{first}-{last}", **detail)
        return production

    # -- making ----------------------------------------------------------------------------

    def _make_all(
        self,
        production_id: int,
        plan: dict[str, Any],
        check: bool,
        workers: int,
        progress: Progress | None,
        xray: XrayRun | None = None,
    ) -> int:
        """Make and commit every document of the plan not made yet (each made file, and each
        one an earlier run made, is handed to `xray`); returns the pages done."""
        total = sum(d["pages"] for d in plan["docs"])
        self.ctx.files.sweep()  # what a run killed mid-write left in the store
        with self.ctx.transaction() as s:
            ids = [d["id"] for d in plan["docs"]]
            earlier = s.scalars(
                select(t.Document).where(t.Document.id.in_(ids), t.Document.produced.is_not(None))
            ).all()
            files = [(rows.label(doc), doc.produced or "") for doc in earlier]
            made = {doc.id for doc in earlier}
        done = sum(int(d["pages"]) for d in plan["docs"] if d["id"] in made)
        if progress:
            progress(done, total)
        if xray is not None:
            for label, sha in files:
                xray.add(self.ctx.files.path(sha), label)
        todo = [d for d in plan["docs"] if d["id"] not in made]
        for entry, output, read in self._outputs(plan, todo, check, workers):
            file = self._commit(production_id, plan, entry, output, read)
            if xray is not None and file is not None:
                xray.add(self.ctx.files.path(file[1]), file[0])
            done += int(entry["pages"])
            if progress:
                progress(done, total)
        return done

    def _outputs(
        self, plan: dict[str, Any], todo: list[dict[str, Any]], check: bool, workers: int
    ) -> Iterator[tuple[dict[str, Any], bytes, dict[int, str]]]:
        """Each document of `todo` made, in groups (`_groups`): a group's files come once the
        gate passed all of them (each with its redacted pages' text as the gate read it)."""
        groups = _groups(todo, check)
        if workers == 1:
            for group in groups:
                jobs = [self._job(plan, entry, check) for entry in group]
                yield from _made(group, make_many(jobs))
            return
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending: dict[Future[Made], list[dict[str, Any]]] = {}
            for group in groups:
                jobs = [self._job(plan, entry, check) for entry in group]
                pending[pool.submit(make_many, jobs)] = group
                if len(pending) >= 2 * workers:
                    break
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    group = pending.pop(future)
                    yield from _made(group, future.result())
                    following = next(groups, None)
                    if following is not None:
                        jobs = [self._job(plan, entry, check) for entry in following]
                        pending[pool.submit(make_many, jobs)] = following

    def _job(self, plan: dict[str, Any], entry: dict[str, Any], check: bool) -> Job:
        with self.ctx.transaction() as s:
            doc = s.get(t.Document, entry["id"])
            assert doc is not None
            label, original = rows.label(doc), doc.original
        numbers = _numbers(plan, entry)
        span = f"{numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
        if entry["withheld"]:
            pdf = slip_sheet(entry["withheld"], span, entry["pages"])
            labels = [(str(numbers[0]), entry["legend"])]
        elif entry.get("native"):
            name = entry["native"]["name"] or "native file"
            pdf = placeholder(["Produced in native form", name, f"Bates {span}"])
            labels = [(str(numbers[0]), entry["legend"])]
        else:
            pdf = self.ctx.files.get(original)
            labels = [(str(n), entry["legend"]) for n in numbers]
        return Job(label, pdf, labels, list(entry["hits"]), plan["reason"], plan["corner"], check)

    def _require_standing(self, s: Session, production_id: int) -> None:
        """At a step boundary: stop, the volume left open, once the person this production
        runs as no longer stands (`standing.still_standing`: login disabled, seat changed)."""
        if not still_standing(s, self.actor):
            production = s.get(t.Production, production_id)
            assert production is not None
            raise ProductionStopped(
                f"volume {production.volume} stopped: {_NO_STANDING}; it stays open with the "
                "documents made so far: someone who may produce runs the same produce to finish it"
            )

    def _commit(
        self,
        production_id: int,
        plan: dict[str, Any],
        entry: dict[str, Any],
        output: bytes,
        read: Mapping[int, str],
    ) -> tuple[str, str] | None:
        """One document's numbers and file, in one transaction of its own; returns the
        document's label and produced file (None if a run that overlapped this one took the
        document out of the volume)."""
        with self.ctx.transaction() as s:
            self._require_standing(s, production_id)
            doc = s.get(t.Document, entry["id"])
            assert doc is not None
            if doc.production != production_id:
                return None
            if doc.produced is not None:  # committed by a run that overlapped this one
                return rows.label(doc), doc.produced
            pages = s.scalars(
                select(t.Page).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
            ).all()
            redacted = {int(hit["page"]) for hit in entry["hits"]}
            produced = _texts_as_produced(output, redacted, _numbers(plan, entry), entry, read)
            for page, number in zip(pages, _numbers(plan, entry), strict=True):
                page.bates = number
                if entry["withheld"]:  # the numbers stay the document's; its text goes nowhere
                    page.text = page.redacted_text = entry["withheld"]
                elif page.idx in produced:  # the page's text as produced, boxes and all
                    page.text = page.redacted_text = produced[page.idx]
            recipe = "produce"
            if entry["withheld"] or entry.get("native"):
                recipe = "slip sheet" if entry["withheld"] else "native placeholder"
            doc.produced = self.ctx.put(s, output, "application/pdf", doc.original, recipe)
            stamps.stamp(doc, [page.bates for page in pages if page.bates is not None])
            label = rows.label(doc)
        return label, doc.produced


#: Pages of the documents made together, when verified (a longer document is a group alone):
#: the gate reads the drawn pages of a group in one OCR batch (`produced.make_many`), so each
#: Tesseract run loads its model once for many pages; the group's files are held until then.
GROUP_PAGES = 200


def _groups(todo: list[dict[str, Any]], check: bool) -> Iterator[list[dict[str, Any]]]:
    """`todo` in groups of consecutive documents of at most `GROUP_PAGES` pages; one
    document a group when not verified (nothing then to read together)."""
    group: list[dict[str, Any]] = []
    pages = 0
    for entry in todo:
        if group and (not check or pages + int(entry["pages"]) > GROUP_PAGES):
            yield group
            group, pages = [], 0
        group.append(entry)
        pages += int(entry["pages"])
    if group:
        yield group


def _made(
    group: list[dict[str, Any]], made: Made
) -> Iterator[tuple[dict[str, Any], bytes, dict[int, str]]]:
    """Each document of `group` with its file and the text the gate read of its redacted
    pages (`Made.texts`), up to the first that failed; then its failure."""
    texts = made.texts or [{} for _ in made.files]
    yield from zip(group, made.files, texts, strict=False)
    if made.failure is not None:
        raise made.failure


def _texts_as_produced(
    output: bytes,
    pages: set[int],
    numbers: list[BatesNumber],
    entry: dict[str, Any],
    read: Mapping[int, str],
) -> dict[int, str]:
    """The text of each redacted page as the produced file gives it (``page.get_text()``;
    `read` has it where the gate read it, and then the file is not opened again), the stamp
    taken out: what the record then reads for that page (a pattern's hit cannot survive in
    it)."""
    if not pages or entry["withheld"] or entry.get("native"):
        return {}
    texts = {idx: read[idx] for idx in pages if idx in read}
    if len(texts) < len(pages):
        with open_pdf(output) as doc:
            texts |= {idx: doc[idx].get_text() for idx in pages if idx not in texts}
    found = {}
    for idx in sorted(pages):
        text = texts[idx]
        for mark in (str(numbers[idx]), entry["legend"]):
            if mark:
                text = text.replace(mark, "")
        found[idx] = text.strip() + "\n"
    return found


#: Files produced as they are (the PDF carries a placeholder page): spreadsheets and the like.
NATIVE_SUFFIXES = (".xls", ".xlsx", ".xlsm", ".xlsb", ".csv", ".ods", ".numbers")


def native_file(meta: Mapping[str, Any]) -> dict[str, str] | None:
    """The native this document goes out as (``{"sha256", "name"}``), or None: a file that
    had no page form (``native_sha256``), or a spreadsheet the PDF was made from."""
    if meta.get("native_sha256"):
        return {"sha256": str(meta["native_sha256"]), "name": str(meta.get("name", ""))}
    kept = meta.get("native")
    if isinstance(kept, Mapping) and kept.get("sha256"):
        name = str(kept.get("name", ""))
        spreadsheet = "spreadsheet" in str(kept.get("media_type", "")) or "excel" in str(
            kept.get("media_type", "")
        )
        if spreadsheet or name.lower().endswith(NATIVE_SUFFIXES):
            return {"sha256": str(kept["sha256"]), "name": name}
    return None


def _numbers(plan: dict[str, Any], entry: dict[str, Any]) -> list[BatesNumber]:
    prefix, width, first = plan["prefix"], plan["width"], entry["first"]
    return [BatesNumber(prefix, first + i, width) for i in range(entry["pages"])]


def _same_stamping(
    production: t.Production, asked: tuple[str, str | None, str | None, dict[int, str]]
) -> None:
    """Resuming: what the run again names (a legend, a corner, a pattern to redact, documents
    to withhold) must be what opened the volume, whose plan is finished as it stands; what it
    leaves out is the plan's. Named otherwise, it would be dropped in silence: a document to
    withhold produced whole, a pattern to redact not redacted."""
    corner, legend, pattern, withhold = asked
    plan = production.plan
    opened = plan.get("asked", {})  # none in a plan made before it was kept: each differs
    differ = [
        ("--legend", legend is not None and legend != opened.get("legend")),
        ("--corner", corner != "bottom-right" and corner != plan["corner"]),
        ("--redact-pattern", pattern is not None and pattern != opened.get("pattern")),
        ("--withhold", bool(withhold)
         and {str(k): v for k, v in withhold.items()} != opened.get("withhold")),
    ]  # fmt: skip
    for option, differs in differ:
        if differs:
            raise RuleViolation(
                f"volume {production.volume} is open without this {option}: run the produce "
                "that opened it to finish it, or abandon it"
            )


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ClawbackError(f"redaction pattern {pattern!r} is not valid: {exc}") from None
    if compiled.groups:
        raise ClawbackError(f"redaction pattern {pattern!r}: use (?:...) instead of groups")
    if compiled.search(""):
        raise ClawbackError(f"redaction pattern {pattern!r} matches empty text")
    return compiled
