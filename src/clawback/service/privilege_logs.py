"""The privilege log: as the record stands, as served on a day, and what changed between two
served versions. Each person reads the rows of the exhibits they may know of: a served log goes
to the other side's counsel whole, and a party employee sees the rows its tier admits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from hashlib import sha256

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain import privilege_log
from clawback.domain.errors import InvalidInput, NotFound
from clawback.domain.seats import Act
from clawback.service import exports, knowledge, lookup
from clawback.service.base import Service
from clawback.storage import tables as t


class PrivilegeLogs(Service):
    def serve(self, on: date, note: str = "") -> tuple[int, str]:
        """Keep the log as served today (rows and file); returns its version and sha256."""
        self.ctx.require(Act.serve_log)
        rows = self.rows()
        data = exports.privilege_log_csv(rows)
        with self.ctx.transaction() as s:
            sha = self.ctx.put(s, data, "text/csv", None, "privilege-log")
            version = t.LogVersion(
                served_on=on,
                note=note,
                sha256=sha,
                rows=[privilege_log.as_record(r) for r in rows],
            )
            s.add(version)
            s.flush()
            self.ctx.audit(s, "privilege_log.serve", f"version {version.id}", sha256=sha)
            return version.id, sha

    def served(self) -> list[tuple[int, date, str, str]]:
        """Every served version: (version, served on, note, sha256 of the file served as this
        actor reads it). Whoever reads every row of a version reads the fingerprint of the file
        served; a reader of fewer rows (a party employee, no row of an AEO exhibit) that of the
        version's rows it may read, entries numbered as its log numbers them: so two versions
        that differ only by a row it may not know of read as the same version, as their
        ``diff`` does, and no fingerprint is of rows withheld from it."""
        self.ctx.require(Act.read_log)
        with self.ctx.reading() as s:
            found = s.scalars(select(t.LogVersion).order_by(t.LogVersion.id)).all()
            seen = knowledge.known(s, self.actor)
            numbers, dockets = _labels(seen), lookup.known_papers(s, self.actor)
            versions = []
            told = self._told(s)
            for r in found:
                readable = _rows_of(r.rows, numbers, dockets, told)
                sha = r.sha256 if readable == r.rows else _fingerprint(readable)
                versions.append((r.id, r.served_on, told(r.note), sha))
            return versions

    def diff(self, before: int, after: int) -> list[privilege_log.Change]:
        """What changed in the log between two served versions (the rows this actor may read)."""
        self.ctx.require(Act.read_log)
        with self.ctx.reading() as s:
            old, new = s.get(t.LogVersion, before), s.get(t.LogVersion, after)
            if old is None or new is None:
                raise NotFound(
                    f"no served privilege log version {before if old is None else after}"
                )
            seen = knowledge.known(s, self.actor)
            numbers, dockets = _labels(seen), lookup.known_papers(s, self.actor)
            told = self._told(s)
            return privilege_log.diff(
                _rows_of(old.rows, numbers, dockets, told),
                _rows_of(new.rows, numbers, dockets, told),
            )

    def _told(self, s: Session) -> Callable[[str], str]:
        """A served row's words as this actor is told them (`lookup.told_words`)."""
        known, papers = lookup.known_exhibits(s, self.actor), lookup.known_papers(s, self.actor)
        return lambda words: lookup.told_words(s, self.actor, words, known, papers)

    def describe(
        self,
        exhibit: int,
        *,
        on: date | None = None,
        author: str | None = None,
        recipients: Sequence[str] | None = None,
    ) -> dict[str, str]:
        """Set what the log says of a logged document: its date, author and recipients (each
        left as it was when not given; an empty text clears it). Returns the three as kept."""
        self.ctx.require(Act.serve_log)
        if on is None and author is None and recipients is None:
            raise InvalidInput("give --date, --author or --recipient to describe a logged document")
        with self.ctx.transaction() as s:
            (doc,) = lookup.exhibit_documents(s, self.actor, [exhibit])
            meta = dict(doc.meta or {})
            if on is not None:
                meta["date"] = on.isoformat()
            if author is not None:
                meta["author"] = author.strip()
            if recipients is not None:
                meta["recipients"] = "; ".join(r.strip() for r in recipients if r.strip())
            doc.meta = meta  # a new mapping: the change is written
            kept = {k: str(meta.get(k, "")) for k in ("date", "author", "recipients")}
            self.ctx.audit(s, "privilege_log.describe", f"Ex. {exhibit}", **kept)
            return kept

    def rows(self) -> list[privilege_log.Row]:
        """The privilege log as the record stands now, as this actor may read it."""
        self.ctx.require(Act.read_log)
        with self.ctx.reading() as s:
            seen = knowledge.known(s, self.actor)
            exhibits = seen.exhibits
            docs = s.scalars(select(t.Document).where(t.Document.exhibit.is_not(None))).all()
            meta = {d.exhibit: d.meta for d in docs if d.exhibit is not None}
            parents = {d.family: d.exhibit for d in docs if d.parent and d.exhibit is not None}
            for d in docs:  # attachments carry their parent email's date, author and recipients
                if d.exhibit is not None and d.family in parents and not d.meta:
                    meta[d.exhibit] = meta.get(parents[d.family], {})
            declarants = {d.id: d.declarant for d in s.scalars(select(t.Declaration)).all()}
            return privilege_log.rows(
                exhibits, seen.claims, seen.rulings, meta, declarants, seen.papers
            )

    def download(self, fmt: str) -> bytes:
        """The log as the record stands, as this actor may read it, as a CSV or XLSX file to
        hand out; the handing out audited."""
        if fmt not in ("csv", "xlsx"):
            raise InvalidInput(f"a privilege log is a csv or xlsx file, not {fmt!r}")
        rows = self.rows()
        data = exports.privilege_log_csv(rows) if fmt == "csv" else exports.privilege_log_xlsx(rows)
        with self.ctx.transaction() as s:
            self.ctx.audit(
                s, "privilege_log.download", fmt, entries=len(rows), sha256=sha256(data).hexdigest()
            )
        return data

    def categorical(self) -> list[privilege_log.CategoryRow]:
        """The privilege log grouped by category, with counts and Bates ranges."""
        return privilege_log.categorical(self.rows())


def _labels(seen: knowledge.Known) -> set[str]:
    """The exhibits the reader may know of as a served row names them: ``12``, ``A``, ``5-A``
    (a lettered exhibit's row never carries the record's ordinal)."""
    return {str(e.identifier) for e in seen.exhibits} | {str(n) for n in seen.numbers}


def _rows_of(
    kept: list[dict[str, str]],
    labels: set[str],
    dockets: set[str],
    told: Callable[[str], str] = lambda words: words,
) -> list[dict[str, str]]:
    """A served version's rows about the exhibits named in ``labels`` (as `_labels` gives them)
    and the filed papers in ``dockets`` (a paper's row names it ``ECF No. 101-33``), each Basis
    as ``told``."""
    papers = {f"ECF No. {d}" for d in dockets}
    return [
        {**r, "Basis": told(r["Basis"])} if r.get("Basis") else r
        for r in kept
        if str(r.get("Exhibit", "")) in labels or r.get("Exhibit", "") in papers
    ]


def _fingerprint(kept: list[dict[str, str]]) -> str:
    """The SHA-256 of the log file made of ``kept`` (a served version's rows), its entries
    numbered from 1: the file ``download`` hands out of the same rows."""
    numbered = [{**r, "Entry": str(n)} for n, r in enumerate(kept, start=1)]
    return sha256(exports.rows_csv(numbered)).hexdigest()
