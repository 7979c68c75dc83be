"""A search's two questions of the index, asked inside the access filter: which pages are the
``limit`` from ``offset`` (with a snippet made for those only), and how many pages answer, counted
exactly up to a cap and past it said as "more than": counted on from the last hit shown, so the
index is walked once, never from its first match again.

The engine answers the words: FTS5 on SQLite (``page_fts`` joined to its pages), the stored,
GIN-indexed tsvector column of the text the person reads on PostgreSQL (migration 0014). Each
page the engine names is checked against its own document (``EXISTS``, a primary-key lookup)
inside the same query, so the listing, its snippets and the count never pass over a page the
person may not see: a count must not tell of hidden pages, not even "more than".

A common word is on most pages: counting every one of them is most of the time such a search
takes. The count stops at the cap (``COUNT_UP_TO``, or the end of the page shown if that is
further), and when the page of hits came back short it is the count (no second query at all).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Integer,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from clawback.domain import search as search_language
from clawback.domain.access import full_view
from clawback.domain.actor import Actor
from clawback.domain.bates import BatesNumber
from clawback.service import access as access_rules
from clawback.service import rows
from clawback.service.paged import Paged
from clawback.storage import tables as t

#: The document a hit's page belongs to, as the access check names it: made once, since an
#: alias builds a proxy of every column of the table (a quarter of a search's time, per search).
_SEEN = aliased(t.Document, name="seen")
#: Pages a search counts exactly; past it a search says "more than" this many.
COUNT_UP_TO = 1000
#: How a snippet marks the words found, and the words shown around them.
MARK = ("\u00ab", "\u00bb")
SNIPPET_WORDS = 24


@dataclass(frozen=True)
class Hit:
    """One page a search found, with the words around the match marked «thus». A page not
    produced has no Bates number: a filed paper's is named by its docket entry and page, any
    other by its document's control number and page (only ever one of the searcher's own
    side's: control numbers count a side's own documents, and another side never names a
    document by them)."""

    bates: BatesNumber | None
    exhibit: int | str | None  # as the court writes it: 12, or "A", "5-A"
    snippet: str
    control: str = ""
    page: int = 0  # from 1
    docket: str | None = None  # a filed paper's entry: 101-33

    @property
    def name(self) -> str:
        if self.bates is not None:
            return str(self.bates)
        if self.docket is not None:
            return f"ECF No. {self.docket} p. {self.page}"
        return f"{self.control} p. {self.page}"


class Hits(Paged[Hit]):
    """One page of a search's hits, with how many pages answer among those the person may see
    (`Paged`): exactly, or when ``more`` is true, more than ``total`` (the count stopped
    there)."""

    def __init__(
        self, items: Iterable[Hit] = (), *, total: int = 0, offset: int = 0, more: bool = False
    ) -> None:
        super().__init__(items, total=total, offset=offset)
        self.more = more

    @property
    def shown_total(self) -> str:
        """The total as a person reads it: ``1,000+`` when the count stopped, else ``3``."""
        return f"{self.total:,}+" if self.more else f"{self.total:,}"


def hits(
    s: Session,
    actor: Actor,
    query: search_language.Node,
    limit: int,
    offset: int,
    count_up_to: int = COUNT_UP_TO,
) -> Hits:
    """The ``limit`` pages from ``offset`` that answer ``query`` among those ``actor`` may see,
    in the order they came in, and how many answer (exactly up to ``count_up_to``)."""
    column_ = access_rules.text_column(actor)
    source, matches, snippet, order = _matching(s, query, column_)
    # Checked page by page against the page's own document (a primary-key lookup): the index
    # answers the words, and only pages the person may see are counted, named or shown.
    may_see = (
        select(_SEEN.id)
        .where(_SEEN.id == t.Page.document_id)
        .where(access_rules.visible(actor, _SEEN))
        .exists()
    )
    found = _page_of_hits(s, source, matches, may_see, snippet, order, limit, offset)
    bound = max(count_up_to, offset + limit)
    if len(found) < limit and (found or offset == 0):
        total = offset + len(found)  # the page came back short: every answer is counted
    else:
        # Counted on from the page's last hit (the index seeks there), not from the first hit
        # again; from the first only when the offset is past the last hit.
        before, after = (offset + limit, [order > found[-1][0]]) if found else (0, [])
        counted = (
            select(literal(1))
            .select_from(source)
            .where(matches, may_see, *after)
            .limit(bound + 1 - before)
        )
        total = before + (s.scalar(select(func.count()).select_from(counted.subquery())) or 0)
    own = full_view(actor)
    return Hits(
        (
            Hit(
                b,
                rows.as_written(n, written),
                " ".join((text or "").split()),
                control if own or held_by == actor.seat.value else "",
                idx + 1,
                docket,
            )
            for _, b, n, written, control, held_by, docket, idx, text in found
        ),
        total=min(total, bound),
        offset=offset,
        more=total > bound,
    )


def _page_of_hits(
    s: Session,
    source: FromClause,
    matches: ColumnElement[bool],
    may_see: ColumnElement[bool],
    snippet: ColumnElement[str],
    order: ColumnElement[int],
    limit: int,
    offset: int,
) -> list[tuple[Any, ...]]:
    """The ``limit`` hits from ``offset`` as (page id, Bates number, exhibit, exhibit as
    written, control number, side holding it, docket entry, page index, snippet), in order.

    A snippet is the dearest thing a search makes, so it is made for the pages shown only. On
    SQLite that is one statement: FTS5 hands its matches over in page order, and SQLite makes
    a row's columns (the snippet among them) only for the rows it returns, never for those the
    OFFSET skips. PostgreSQL would run ts_headline (which parses the page's text again) on the
    skipped rows too, so there the page ids come first and the rest for those pages after."""
    named = (
        t.Page.id,
        t.Page.bates,
        t.Document.exhibit,
        t.Document.exhibit_id,
        t.Document.control,
        t.Document.held_by,
        t.Document.docket,
        t.Page.idx,
    )
    in_order = (
        select(t.Page.id)
        .select_from(source)
        .where(matches, may_see)
        .order_by(order)  # as ingested: document by document, page by page
        .limit(limit)
        .offset(offset)
    )
    if s.get_bind().dialect.name == "sqlite":
        shown = in_order.with_only_columns(*named, snippet).join(
            t.Document, t.Page.document_id == t.Document.id
        )
        return [tuple(row) for row in s.execute(shown)]
    ids = list(s.scalars(in_order))
    if not ids:
        return []
    found = s.execute(
        select(*named, snippet)
        .select_from(source)
        .join(t.Document, t.Page.document_id == t.Document.id)
        .where(order.in_(ids), matches)
    ).all()
    by_id = {row[0]: tuple(row) for row in found}
    return [by_id[i] for i in ids if i in by_id]


_PAGE_FTS = table("page_fts", column("rowid", Integer))


def _matching(
    s: Session, query: search_language.Node, column_: InstrumentedAttribute[str]
) -> tuple[FromClause, ColumnElement[bool], ColumnElement[str], ColumnElement[int]]:
    """Where to search, the condition that the search index answers ``query`` in ``column_``,
    the snippet of ``column_`` with the hit marked, and the page id to order by: FTS5 on
    SQLite (``page_fts`` joined to its pages), the GIN-indexed tsvector column generated from
    that column on PostgreSQL (migration 0014). The query goes in as a bound parameter, in the
    engine's syntax as ``domain.search`` made it."""
    start, stop = MARK
    if s.get_bind().dialect.name == "sqlite":
        fts: ColumnElement[Any] = literal_column("page_fts")
        source = _PAGE_FTS.join(t.Page.__table__, t.Page.id == _PAGE_FTS.c.rowid)
        which = 0 if column_ is t.Page.text else 1
        snippet = func.snippet(fts, which, start, stop, "\u2026", SNIPPET_WORDS)
        match = fts.op("MATCH")(search_language.fts5(query, column_.key))
        # Ordered by the FTS5 rowid (the page id): the index hands pages over in that order
        # and the first ``limit`` are read without sorting every match.
        return source, match, snippet, _PAGE_FTS.c.rowid
    config: ColumnElement[Any] = literal_column("'simple'::regconfig")
    tsquery = func.to_tsquery(config, search_language.tsquery(query))
    options = f"StartSel={start}, StopSel={stop}, MaxWords={SNIPPET_WORDS}, MinWords=8"
    snippet = func.ts_headline(config, column_, tsquery, options)
    vector: ColumnElement[Any] = literal_column(f"page.{column_.key}_search")  # generated
    found: ColumnElement[bool] = vector.op("@@")(tsquery)
    return t.Page.__table__, found, snippet, t.Page.__table__.c.id
