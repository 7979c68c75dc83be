"""A search's two questions of the index, asked inside the access filter: which pages are the
``limit`` from ``offset`` (with a snippet made for those only), and how many pages answer, counted
exactly up to a cap and past it said as "more than": counted on from the last hit shown, so the
index is walked once, never from its first match again.

The engine answers the words: FTS5 on SQLite (``page_fts`` joined to its pages), the stored,
GIN-indexed tsvector column of the text the person reads on PostgreSQL (migration 0014). Each
page the engine names is checked against its own document (``EXISTS``, a primary-key lookup)
inside the same query, so the listing, its snippets and the count never pass over a page the
person may not see: a count must not tell of hidden pages, not even "more than". On SQLite the
count finds a page's document in the index of (page id, document id) (migration 0025), never in
the page's row, which holds its text.

A common word is on most pages: counting every one of them is most of the time such a search
takes. The count stops at the cap (``COUNT_UP_TO``, or the end of the page shown if that is
further), and when the page of hits came back short it is the count (no second query at all).
On PostgreSQL the count comes first, by the GIN index's bitmap alone, and the page of hits is
taken from what it counted (``_counted_first``): no statement walks the pages in id order
testing each one's tsvector, which the planner prices at nothing though each is read out of
TOAST.

Checked match by match, a person who may see few of the record's pages (the public, a seat
shown one production) has every match of a common word walked and checked for the few it
may name: at 100,000 pages, two thirds of a second for the public's four. So a search first
asks how many pages the person may see (one pass over the documents, summing their page
counts); at most ``FEW_PAGES`` of the record's, the index is asked about those pages only,
page by page (``_few_pages``), and its other matches are never read. Either way the same
condition: which plan is taken changes the time a search takes, never its answer.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Engine,
    FromClause,
    Integer,
    Select,
    String,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSQUERY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import TableClause

from clawback.domain import search as search_language
from clawback.domain.access import sees_everything
from clawback.domain.actor import Actor
from clawback.domain.bates import BatesNumber
from clawback.service import access as access_rules
from clawback.service import control_names, rows
from clawback.service import search_settings as settings
from clawback.service.paged import Paged
from clawback.storage import pairs
from clawback.storage import tables as t

#: The document a hit's page belongs to, as the access check names it: made once, since an
#: alias builds a proxy of every column of the table (a quarter of a search's time, per search).
_SEEN = aliased(t.Document, name="seen")
#: Pages a search counts exactly; past it a search says "more than" this many.
COUNT_UP_TO = 1000
#: A person who may see at most this share of the record's pages is searched among them, each
#: looked up in the index (~0.1 ms a page), instead of each match being checked (~3 us a match,
#: every match of a common word when few are the person's).
FEW_PAGES = 0.01
#: ... and no more documents than this (a person who may see more is found out after these).
FEW_DOCUMENTS = 1000
#: How long the answer to "does this seat see few pages?" is kept (``_FewAnswers``).
FEW_KEPT_SECONDS = 60.0
#: How a snippet marks the words found, and the words shown around them.
MARK = ("\u00ab", "\u00bb")
SNIPPET_WORDS = 24


@dataclass(frozen=True)
class Hit:
    """One page a search found, with the words around the match marked «thus». A page not
    produced has no Bates number: a filed paper's is named by its docket entry and page, any
    other by its document's control number and page (only ever one of the searcher's own
    side's: control numbers count a side's own documents, and another side never names a
    document by them), or its reference where the numbers would count documents withheld
    from the searcher (`control_names`)."""

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
    in the order they came in, and how many answer (exactly up to ``count_up_to``).

    On PostgreSQL each statement is planned for its own words: psycopg prepares a statement
    run five times, and PostgreSQL may then plan it once for any words, blind to how many
    pages hold them (a walk of every page in id order, reading each one's vector, for a
    phrase a hundred pages answer); a page read out of order is priced as one in memory
    (``settings.PAGE_READ_COST``); and no sequential scan is planned till the count is made
    (``_counted_first``), the scans as they were after it (``_walks_again``)."""
    postgresql = s.get_bind().dialect.name == "postgresql"
    walks: tuple[str, ...] = ()
    if postgresql:
        walks = tuple(s.execute(settings.SEARCH).one()[: len(settings.WALKS)])
    asked = _matching(s, query, access_rules.text_column(actor))
    few = _few_pages(s, actor)
    bound = max(count_up_to, offset + limit)
    may_see: ColumnElement[bool]
    if few is not None:  # the person's few pages, each asked of the index
        if postgresql:
            settings.walks_again(s, walks)
        asked = asked._replace(counted_from=asked.index_alone)
        may_see = asked.order.in_(few)
        found = _page_of_hits(s, asked, may_see, limit, offset, one_statement=False)
        total = _counted(s, asked, may_see, found, limit, offset, bound)
    elif postgresql:  # each match the GIN index found checked against its document
        ids, total = _counted_first(s, asked, actor, limit, offset, bound)
        settings.walks_again(s, walks)
        found = _named(s, asked, ids)
    else:  # each match FTS5 hands over, in page order, checked against its document
        may_see = _may_see(actor, t.Page.__table__.c.document_id)
        found = _page_of_hits(s, asked, may_see, limit, offset)
        total = _counted(s, asked, _may_see(actor, asked.document_of), found, limit, offset, bound)
    return Hits(
        (
            Hit(
                b,
                rows.as_written(n, written),
                " ".join((text or "").split()),
                control_names.name(actor, control, ref, held_by) or "",
                idx + 1,
                docket,
            )
            for _, b, n, written, control, held_by, ref, docket, idx, text in found
        ),
        total=min(total, bound),
        offset=offset,
        more=total > bound,
    )


def _counted(
    s: Session,
    asked: _Asked,
    may_see: ColumnElement[bool],
    found: list[tuple[Any, ...]],
    limit: int,
    offset: int,
    bound: int,
) -> int:
    """How many pages answer, up to ``bound`` + 1, the page of hits ``found`` known."""
    if len(found) < limit and (found or offset == 0):
        total = offset + len(found)  # the page came back short: every answer is counted
    else:
        # Counted on from the page's last hit (the index seeks there), not from the first hit
        # again; from the first only when the offset is past the last hit.
        before, after = (offset + limit, [asked.order > found[-1][0]]) if found else (0, [])
        counted = (
            select(literal(1))
            .select_from(asked.counted_from)
            .where(asked.matches, may_see, *after)
            .limit(bound + 1 - before)
        )
        total = before + (s.scalar(select(func.count()).select_from(counted.subquery())) or 0)
    return total


def _may_see(
    actor: Actor, document_id: ColumnElement[Any], fenced: bool = False
) -> ColumnElement[bool]:
    """Whether ``actor`` may see the page whose document is ``document_id``: checked page by
    page against that document (a primary-key lookup), inside the query, so the index answers
    the words and only pages the person may see are counted, named or shown. ``fenced``: by
    an OFFSET 0 that keeps PostgreSQL from making the test a join (it stays a lookup for each
    page the index found, in the order found)."""
    seen = select(_SEEN.id).where(_SEEN.id == document_id)
    seen = seen.where(access_rules.visible(actor, _SEEN))
    return (seen.offset(literal_column("0")) if fenced else seen).exists()


def _counted_first(
    s: Session,
    asked: _Asked,
    actor: Actor,
    limit: int,
    offset: int,
    bound: int,
) -> tuple[list[int], int]:
    """PostgreSQL: the ids of the ``limit`` hits from ``offset``, and how many pages answer up
    to ``bound`` + 1, found by the GIN index's bitmap of its matches, never by walking the
    pages in id order testing each (the planner prices the test at nothing, though it reads
    the page's tsvector out of TOAST: ``settings.PAGE_READ_COST``).

    First the count: up to ``bound`` + 1 matches the person may see, in the order the bitmap
    hands them over (the pages' order on disk), each page's id kept. Under that, they are
    every answer, and the hits are the ``limit`` from ``offset`` of them in id order: no other
    statement. Otherwise the first ``offset`` + ``limit`` answers by id are all at or below
    the ``offset`` + ``limit``-th lowest of the ids counted (that many answers are), so the
    hits are asked among the matches up to that id: a bitmap of the matches and of the ids
    up to it, whose pages are about as many as the hits when the pages lie in id order.

    Each statement reads the index's matches as a MATERIALIZED CTE (planned apart, for all
    its rows, and read only as far as the statement's LIMIT asks), planned with no sequential
    scan (``settings.SEARCH``): no index scan serves a CTE of no order and no condition but
    the words, so the GIN index's bitmap is the only way left to the matches. The second is
    planned with no index scan either (it would walk the ids' range testing each page): a
    bitmap of the ids and the GIN index's, or of the ids alone, each of those pages tested (no
    more than the page of hits walked before; PostgreSQL has no way to forbid one index and
    not another). The person's access is tested on each match read, inside the statement (a
    lookup of its document, fenced so it stays one: ``_may_see``)."""
    page = t.Page.__table__

    def matched(*within: ColumnElement[bool]) -> Any:
        cte = select(page.c.id, page.c.document_id).where(asked.matches, *within).cte("matched")
        return cte.prefix_with("MATERIALIZED")

    found = matched()  # no sequential scan (``settings.SEARCH``): the GIN index's bitmap
    ids = sorted(
        s.scalars(
            select(found.c.id)
            .where(_may_see(actor, found.c.document_id, fenced=True))
            .limit(bound + 1)
        )
    )
    if len(ids) <= bound:
        return ids[offset : offset + limit], len(ids)
    s.execute(select(func.set_config("enable_indexscan", "off", True)))  # the ids' range
    below = matched(page.c.id <= ids[offset + limit - 1])
    shown = (
        select(below.c.id)
        .where(_may_see(actor, below.c.document_id, fenced=True))
        .order_by(below.c.id)
        .limit(limit)
        .offset(offset)
    )
    return list(s.scalars(shown)), len(ids)


def _few_pages(s: Session, actor: Actor) -> Select[tuple[int]] | None:
    """The ids of the pages ``actor`` may see, as a subquery, when they are at most
    ``FEW_PAGES`` of the record's (the highest page id); None when they are more, or every
    page. Asked of at most ``FEW_DOCUMENTS`` + 1 documents the person may see, so a person
    who may see many is told so after a few (only the plan hangs on this, never the answer:
    the documents' page counts and the highest id are estimates enough). The answer is kept
    for ``FEW_KEPT_SECONDS`` per database and seat and tiers (``_FewAnswers``): a server's
    searches do not ask it each time, and one a minute stale costs time, never an answer."""
    if sees_everything(actor):
        return None
    seen = access_rules.visible(actor, _SEEN)
    page = t.Page.__table__
    if not _FEW_ANSWERS.few(s, actor, seen):
        return None
    return select(page.c.id).where(page.c.document_id.in_(select(_SEEN.id).where(seen)))


def _sees_few(s: Session, seen: ColumnElement[bool]) -> bool:
    first = select(_SEEN.page_count).where(seen).limit(FEW_DOCUMENTS + 1).subquery()
    page = t.Page.__table__
    documents, pages, every = s.execute(
        select(
            func.count(),
            func.coalesce(func.sum(first.c.page_count), 0),
            select(func.coalesce(func.max(page.c.id), 0)).scalar_subquery(),
        ).select_from(first)
    ).one()
    return not (documents > FEW_DOCUMENTS or pages > every * FEW_PAGES)


class _FewAnswers:
    """Whether a seat with these tiers sees few pages, asked of each database at most once
    each ``FEW_KEPT_SECONDS`` (kept by the database's engine, forgotten with it)."""

    def __init__(self) -> None:
        self._kept: WeakKeyDictionary[Engine, dict[tuple[str, frozenset[str]], _Kept]] = (
            WeakKeyDictionary()
        )

    def few(self, s: Session, actor: Actor, seen: ColumnElement[bool]) -> bool:
        kept = self._kept.setdefault(s.get_bind().engine, {})
        key = (actor.seat.value, actor.tiers)
        now = time.monotonic()
        answer = kept.get(key)
        if answer is None or now - answer.asked >= FEW_KEPT_SECONDS:
            answer = kept[key] = _Kept(_sees_few(s, seen), now)
        return answer.few


class _Kept(NamedTuple):
    few: bool
    asked: float  # time.monotonic()


_FEW_ANSWERS = _FewAnswers()


def _page_of_hits(
    s: Session,
    asked: _Asked,
    may_see: ColumnElement[bool],
    limit: int,
    offset: int,
    one_statement: bool = True,
) -> list[tuple[Any, ...]]:
    """The ``limit`` hits from ``offset`` as (page id, Bates number, exhibit, exhibit as
    written, control number, side holding it, reference, docket entry, page index, snippet), in
    order.

    A snippet is the dearest thing a search makes, so it is made for the pages shown only. On
    SQLite that is one statement: FTS5 hands its matches over in page order, and SQLite makes
    a row's columns (the snippet among them) only for the rows it returns, never for those the
    OFFSET skips. PostgreSQL would run ts_headline (which parses the page's text again) on the
    skipped rows too, so there the page ids come first and the rest for those pages after; on
    SQLite too when the index is asked page by page (not ``one_statement``: the pages then come
    in no order the planner knows, and every match would have its snippet made to be sorted)."""
    in_order = (
        select(t.Page.id)
        .select_from(asked.source)
        .where(asked.matches, may_see)
        .order_by(asked.order)  # as ingested: document by document, page by page
        .limit(limit)
        .offset(offset)
    )
    if one_statement and s.get_bind().dialect.name == "sqlite":
        shown = in_order.with_only_columns(*_NAMED, asked.snippet).join(
            t.Document, t.Page.document_id == t.Document.id
        )
        return [tuple(row) for row in s.execute(shown)]
    return _named(s, asked, list(s.scalars(in_order)))


def _named(s: Session, asked: _Asked, ids: list[int]) -> list[tuple[Any, ...]]:
    """The hits ``ids`` (pages found, in order) as ``_page_of_hits`` names them, with their
    snippets: one statement for those pages only."""
    if not ids:
        return []
    found = s.execute(
        select(*_NAMED, asked.snippet)
        .select_from(asked.source)
        .join(t.Document, t.Page.document_id == t.Document.id)
        .where(asked.order.in_(ids), asked.matches)
    ).all()
    by_id = {row[0]: tuple(row) for row in found}
    return [by_id[i] for i in ids if i in by_id]


#: What names a hit: page id, Bates number, exhibit, exhibit as written, control number, side
#: holding it, reference, docket entry, page index (the snippet after them).
_NAMED = (
    t.Page.id,
    t.Page.bates,
    t.Document.exhibit,
    t.Document.exhibit_id,
    t.Document.control,
    t.Document.held_by,
    t.Document.ref,
    t.Document.docket,
    t.Page.idx,
)
_PAGE_FTS = table("page_fts", column("rowid", Integer))
_PAGE_PAIRS = table("page_pairs", column("rowid", Integer))
#: Phrases joined by AND only on SQLite: the snippet's MATCH, asked at a shown page, must not
#: walk the word index to the next page answering a phrase there is not on (as OR and NOT do).
_FTS5_OPERATORS = {"AND": " AND "}
_TSQUERY_OPERATORS = {"AND": " & ", "OR": " | ", "NOT": " & !"}


class _IndexedBy(TableClause):
    """A table read through the index it names (SQLite's ``INDEXED BY``): the planner, without
    the statistics ANALYZE keeps (clawback keeps none), takes a page by its primary key,
    reading its whole row, when the index of (id, document_id) holds all a count needs."""

    inherit_cache = True

    def __init__(self, name: str, index: str, *columns: ColumnClause[Any]) -> None:
        super().__init__(name, *columns)
        self.index = index


@compiles(_IndexedBy, "sqlite")
def _indexed_by(element: _IndexedBy, compiler: SQLCompiler, **kw: Any) -> str:
    name = compiler.preparer.format_table(element)
    return f"{name} INDEXED BY {element.index}" if kw.get("asfrom") else name


#: A page's document by its id, from the index of migration 0025 (never the page's row).
_PAGE_DOCUMENT = _IndexedBy(
    "page", "ix_page_id_document_id", column("id", Integer), column("document_id", Integer)
)


class _Asked(NamedTuple):
    """A query put to one engine: where to search (``source``, the page joined to what
    answers), the condition that the index answers, the snippet of the text with the hit
    marked, the page id to order by, what the count reads (``counted_from``, the page's
    document as ``document_of``), and the index alone (``index_alone``: a count among pages
    given)."""

    source: FromClause
    matches: ColumnElement[bool]
    snippet: ColumnElement[str]
    order: ColumnElement[int]
    counted_from: FromClause
    document_of: ColumnElement[Any]
    index_alone: FromClause


def _matching(
    s: Session, query: search_language.Node, column_: InstrumentedAttribute[str]
) -> _Asked:
    """``query`` asked of the text ``column_``: FTS5 on SQLite (``page_fts`` joined to its
    pages), the GIN-indexed tsvector column generated from that column on PostgreSQL
    (migration 0014). The query goes in as a bound parameter, in the engine's syntax as
    ``domain.search`` made it.

    A query of phrases only (one, or several joined by AND; on PostgreSQL by OR and NOT too)
    is asked of the index of adjacent word pairs instead (migration 0026, ``storage.pairs``),
    which answers the same pages from the pages holding its pairs, not from every page holding
    its words; the snippet is still made from the word index, for the pages shown only."""
    start, stop = MARK
    if s.get_bind().dialect.name == "sqlite":
        fts: ColumnElement[Any] = literal_column("page_fts")
        which = 0 if column_ is t.Page.text else 1
        by_id = _PAGE_DOCUMENT
        matches = fts.op("MATCH")(search_language.fts5(query, column_.key))
        snippet = func.snippet(fts, which, start, stop, "\u2026", SNIPPET_WORDS)
        paired = _in_pairs(
            query, lambda term: pairs.phrase(term.tokens, term.prefix), _FTS5_OPERATORS
        )
        if paired is not None:
            page = t.Page.__table__
            return _Asked(
                _PAGE_PAIRS.join(page, page.c.id == _PAGE_PAIRS.c.rowid),
                literal_column("page_pairs").op("MATCH")(f"{{{column_.key}_pairs}} : {paired}"),
                select(snippet)
                .select_from(_PAGE_FTS)
                .where(matches, _PAGE_FTS.c.rowid == _PAGE_PAIRS.c.rowid)
                .scalar_subquery(),
                _PAGE_PAIRS.c.rowid,
                _PAGE_PAIRS.join(by_id, by_id.c.id == _PAGE_PAIRS.c.rowid),
                by_id.c.document_id,
                _PAGE_PAIRS,
            )
        # Ordered by the FTS5 rowid (the page id): the index hands pages over in that order
        # and the first ``limit`` are read without sorting every match.
        return _Asked(
            _PAGE_FTS.join(t.Page.__table__, t.Page.id == _PAGE_FTS.c.rowid),
            matches,
            snippet,
            _PAGE_FTS.c.rowid,
            _PAGE_FTS.join(by_id, by_id.c.id == _PAGE_FTS.c.rowid),
            by_id.c.document_id,
            _PAGE_FTS,
        )
    config: ColumnElement[Any] = literal_column("'simple'::regconfig")
    tsquery = func.to_tsquery(config, search_language.tsquery(query))
    options = f"StartSel={start}, StopSel={stop}, MaxWords={SNIPPET_WORDS}, MinWords=8"
    vector: ColumnElement[Any] = literal_column(f"page.{column_.key}_search")  # generated
    paired = _in_pairs(query, lambda term: _postgresql_phrase(s, term), _TSQUERY_OPERATORS)
    if paired is not None:
        pairs_vector: ColumnElement[Any] = literal_column(f"page.{column_.key}_pairs")
        matched = pairs_vector.op("@@")(cast(literal(paired), TSQUERY))
    else:
        matched = vector.op("@@")(tsquery)
    page = t.Page.__table__
    return _Asked(
        page,
        matched,
        func.ts_headline(config, column_, tsquery, options),
        page.c.id,
        page,
        page.c.document_id,
        page,
    )


def _in_pairs(
    node: search_language.Node,
    term_of: Callable[[search_language.Term], str | None],
    ops: dict[str, str],
) -> str | None:
    """A query made of phrases only, joined by the operators of ``ops``, in the pair index's
    syntax: each phrase by ``term_of``, each operator as ``ops`` says; None for any other query
    (a word, a NEAR, another operator, a phrase ``term_of`` cannot put in pairs), asked of the
    word index as before."""
    if isinstance(node, search_language.Term):
        return term_of(node) if len(node.tokens) > 1 else None
    if isinstance(node, search_language.Op) and node.op in ops:
        left = _in_pairs(node.left, term_of, ops)
        right = _in_pairs(node.right, term_of, ops) if left is not None else None
        return None if left is None or right is None else f"({left}{ops[node.op]}{right})"
    return None


def _postgresql_phrase(s: Session, term: search_language.Term) -> str | None:
    """The tsquery of the phrase ``term`` over a pairs column: its words as PostgreSQL's
    ``simple`` configuration makes them (asked of it, as the tsvector was made), pair by pair
    (``'a b' <-> 'b c'``); None unless it makes one lexeme a position, 2 or more."""
    found = s.execute(
        select(column("lexeme", String), column("positions", ARRAY(Integer))).select_from(
            func.unnest(
                func.to_tsvector(literal_column("'simple'::regconfig"), " ".join(term.tokens))
            )
        )
    ).all()
    at = {p: lexeme for lexeme, positions in found for p in positions}
    if len(at) != sum(len(p) for _, p in found) or sorted(at) != list(range(1, len(at) + 1)):
        return None
    if len(at) < 2:
        return None
    words = [at[p] for p in range(1, len(at) + 1)]
    quoted = [_lexeme(f"{a} {b}") for a, b in pairwise(words)]
    if term.prefix:
        quoted[-1] += ":*"
    return "(" + " <-> ".join(quoted) + ")"


def _lexeme(word: str) -> str:
    """``word`` as one lexeme in tsquery input, quoted."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
