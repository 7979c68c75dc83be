"""An exhibit index matched with the record, and its exhibits bound after review.

`ExhibitIndexes.read` reads the index (`clawback.domain.exhibit_index`) and matches each row
with the produced pages the person asking may see. A row is ready to bind when its pages are
exactly one produced document's, that document carries no other exhibit number and no other
document carries this one. Every other row is a mismatch, one line each, with the line number:

* ``line 4: Ex. 12: ABC0015 is not a produced page in the record`` (a page the person may not
  see reads exactly the same: the index learns nothing of what is withheld from them);
* ``line 5: Ex. 13: ABC0015-0022 is part of DOC-000004 (ABC0015-0030)``, or spans documents;
* one document named under two exhibits (neither is bound);
* ``line 6: Ex. 14: ABC0031-0040: DOC-000005 (ABC0031-0040) is already Ex. 9``;
* ``line 7: Ex. 15: ABC0051-0060: Ex. 15 is already DOC-000006 (ABC0041-0050)``, or, for a
  document the person may not see, ``Ex. 15 is already in the record (another file)``, as
  ingest says it.

`ExhibitIndexes.apply` binds the rows that are ready, all in one transaction, each audited;
the rows with a mismatch are left alone, and said. Nothing is bound by `read`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.bates import BatesNumber, BatesRange, coalesce, format_ranges
from clawback.domain.counts import counted
from clawback.domain.exhibit_index import IndexProblem, IndexRow, read_index
from clawback.domain.seats import Act
from clawback.service import access as access_rules
from clawback.service import exhibit_numbering as numbering
from clawback.service import rows as row_labels
from clawback.service.base import Service
from clawback.storage import tables as t

__all__ = ["ExhibitIndexes", "IndexMatch", "IndexReport"]

_MAX_PAGES = 100_000  # a range longer than this is a typo, not walked page by page


@dataclass(frozen=True)
class IndexMatch:
    """A row of the index ready to bind: the exhibit and the document whose pages it names;
    ``bound`` when the document already carries that exhibit number."""

    row: IndexRow
    control: str
    bound: bool

    def __str__(self) -> str:
        state = "already bound" if self.bound else "to bind"
        return f"line {self.row.line}: {self.row} = {self.control} ({state})"


@dataclass(frozen=True)
class IndexReport:
    """The rows ready to bind, and every mismatch or misreading, in line order."""

    matches: tuple[IndexMatch, ...]
    problems: tuple[IndexProblem, ...]


@dataclass
class _Produced:
    """The produced pages the person may see: page -> document, and each document's pages."""

    page_doc: dict[BatesNumber, t.Document]
    pages: dict[int, BatesRange]
    by_exhibit: dict[str, t.Document]  # the numbered documents the person may see, by key
    numbers: dict[str, int]  # every exhibit in the record (its key): the document's id


class ExhibitIndexes(Service):
    """Exhibit indexes read against the record; their exhibits bound after review."""

    def read(self, text: str) -> IndexReport:
        """The index ``text`` matched with the record (see the module doc). Binds nothing."""
        self.ctx.require(Act.number_exhibits)
        with self.ctx.transaction() as s:
            report, _ = self._match(s, text)
        return report

    def apply(self, text: str) -> IndexReport:
        """Bind every row of the index ``text`` that is ready; the report says what was not."""
        self.ctx.require(Act.number_exhibits)
        with self.ctx.transaction() as s:
            report, docs = self._match(s, text)
            for match in report.matches:
                if match.bound:
                    continue
                doc = docs[match.control]
                numbering.number(s, doc, match.row.exhibit)
                s.flush()
                self.ctx.audit(
                    s,
                    "exhibit.bind",
                    row_labels.label(doc),
                    exhibit=match.row.exhibit.text,
                    index_line=match.row.line,
                )
        return report

    def _produced(self, s: Session) -> _Produced:
        visible = access_rules.visible(self.actor)
        found = s.execute(
            select(t.Document, t.Page.bates)
            .join(t.Page, t.Page.document_id == t.Document.id)
            .where(t.Page.bates.is_not(None), visible)
        ).all()
        page_doc: dict[BatesNumber, t.Document] = {}
        pages: dict[int, BatesRange] = {}
        for doc, bates in found:
            assert bates is not None
            page_doc[bates] = doc
            known = pages.get(doc.id)
            if known is None:
                pages[doc.id] = BatesRange.single(bates)
            elif bates < known.first:
                pages[doc.id] = BatesRange(bates, known.last)
            elif known.last < bates:
                pages[doc.id] = BatesRange(known.first, bates)
        numbered = s.scalars(select(t.Document).where(t.Document.exhibit.is_not(None), visible))
        by_exhibit = {doc.exhibit_key: doc for doc in numbered if doc.exhibit_key is not None}
        every = s.execute(
            select(t.Document.exhibit_key, t.Document.id).where(t.Document.exhibit_key.is_not(None))
        ).all()
        numbers = {key: doc_id for key, doc_id in every if key is not None}
        return _Produced(page_doc, pages, by_exhibit, numbers)

    def _match(self, s: Session, text: str) -> tuple[IndexReport, dict[str, t.Document]]:
        produced = self._produced(s)
        reading = read_index(text, sorted({n.prefix for n in produced.page_doc}))
        matches: list[IndexMatch] = []
        problems = list(reading.problems)
        docs: dict[str, t.Document] = {}
        for row in reading.rows:
            found = _row(row, produced)
            if isinstance(found, str):
                problems.append(IndexProblem(row.line, found))
                continue
            docs[found.control] = found
            matches.append(
                IndexMatch(row, found.control, found.exhibit_key == row.exhibit.canonical)
            )
        rows_of: dict[str, list[IndexMatch]] = {}
        for match in matches:
            rows_of.setdefault(match.control, []).append(match)
        for control, named in rows_of.items():
            if len(named) > 1:  # one document, two exhibits: neither is bound
                lines = ", ".join(f"Ex. {m.row.exhibit} (line {m.row.line})" for m in named)
                problems.extend(
                    IndexProblem(m.row.line, f"{m.row}: {control} is named twice: {lines}")
                    for m in named
                )
                matches = [m for m in matches if m.control != control]
        return IndexReport(tuple(matches), tuple(sorted(problems))), docs


def _shown(doc: t.Document, produced: _Produced) -> str:
    pages = produced.pages.get(doc.id)
    return f"{doc.control} ({pages.abbreviated()})" if pages is not None else doc.control


def _row(row: IndexRow, produced: _Produced) -> t.Document | str:
    """The one document the row names, or what is wrong with the row."""
    docs: dict[int, t.Document] = {}
    for rng in row.ranges:
        if len(rng) > _MAX_PAGES:
            return f"{row}: {counted(len(rng), 'page')}, more than any exhibit: a typo?"
        missing = [n for n in rng if n not in produced.page_doc]
        if missing:
            what = format_ranges([BatesRange(missing[0], missing[-1])])
            return f"Ex. {row.exhibit}: {what} is not a produced page in the record"
        for n in rng:
            doc = produced.page_doc[n]
            docs[doc.id] = doc
    if len(docs) > 1:
        spans = ", ".join(_shown(d, produced) for d in docs.values())
        return f"{row} spans {counted(len(docs), 'document')}: {spans}"
    (doc,) = docs.values()
    if [produced.pages[doc.id]] != coalesce(row.ranges):
        return f"{row} is part of {_shown(doc, produced)}"
    if doc.exhibit_key is not None and doc.exhibit_key != row.exhibit.canonical:
        return f"{row}: {_shown(doc, produced)} is already {row_labels.label(doc)}"
    holder = produced.by_exhibit.get(row.exhibit.canonical)
    if holder is not None and holder.id != doc.id:
        return f"{row}: Ex. {row.exhibit} is already {_shown(holder, produced)}"
    if produced.numbers.get(row.exhibit.canonical, doc.id) != doc.id:  # as ingest says it
        return f"{row}: Ex. {row.exhibit} is already in the record (another file)"
    return doc
