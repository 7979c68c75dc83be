"""A search's two plans give one answer: each match checked against its document, or, for a
person who may see few of the record's pages, the index asked about those pages only
(``service.search._few_pages``). Which plan a search takes changes its cost, never a hit, a
snippet, a total or its "more than"; and the few pages' plan reads none of the other matches."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, literal_column, select, update

from clawback.domain import search as search_language
from clawback.service import Record, search
from clawback.service import access as access_rules
from clawback.service import search_settings as settings
from clawback.service.search import Hits
from clawback.storage import tables as t
from tests.plans import statements
from tests.service.test_search import COUNSEL, world

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from generated import grow  # benchmarks/ is no package

__all__ = ["world"]  # the fixture, shared with tests.service.test_search

REPORTER = "reporter@press.test"
#: Each asked at several pages, caps and offsets: a page of hits ends short, full, past a cap.
QUERIES = ["the OR caravan OR shelter OR page", "reason*", '"compelling reasons"']
PAGINGS = [(50, 0, 1000), (1, 0, 2), (2, 1, 1)]


@contextmanager
def plan(monkeypatch: pytest.MonkeyPatch, few: bool) -> Iterator[None]:
    """Every search made with one plan: the few pages' (whatever the share) or each match's."""
    with monkeypatch.context() as patch:
        patch.setattr("clawback.service.search.FEW_PAGES", 1.0 if few else -1.0)
        patch.setattr("clawback.service.search.FEW_DOCUMENTS", 10**9 if few else -1)
        # answers kept under these shares stay with this plan (kept apart from the shared ones)
        patch.setattr("clawback.service.search._FEW_ANSWERS", search._FewAnswers())
        yield


def answer(hits: Hits) -> tuple[Any, ...]:
    return ([(h.name, h.snippet) for h in hits], hits.total, hits.more, hits.offset)


def test_both_plans_give_every_person_the_same_answer(
    world: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.people.add(REPORTER, name="reporter", side="public", category="public")
    people = [world, *(world.ctx.workspace.person(p) for p in (COUNSEL, REPORTER))]
    for who in people:
        for query in QUERIES:
            for limit, offset, cap in PAGINGS:
                found = {}
                for few in (True, False):
                    with plan(monkeypatch, few):
                        found[few] = answer(who.reads.search(query, limit, offset, cap))
                assert found[True] == found[False], (who.actor.email, query, limit, offset)
    # and the answers are not all empty: counsel sees 3 of the 5 pages, the reporter none
    counsel = people[1]
    with plan(monkeypatch, few=True):
        assert counsel.reads.search(QUERIES[0]).total == 3
        assert people[2].reads.search(QUERIES[0]).total == 0


@contextmanager
def steps(ws: Record) -> Iterator[list[int]]:
    """SQLite's virtual machine steps (in hundreds) of each statement sent while inside: the
    work a statement does, counted, not timed."""
    done: list[int] = []

    def started(conn: Any, *_: Any) -> None:
        done.append(0)

        def step() -> int:
            done[-1] += 1
            return 0

        conn.connection.driver_connection.set_progress_handler(step, 100)

    engine = ws.ctx.workspace.engine
    event.listen(engine, "before_cursor_execute", started)
    try:
        yield done
    finally:
        event.remove(engine, "before_cursor_execute", started)


def test_a_person_who_sees_few_pages_is_searched_among_them_only(
    database_url: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2,000 more pages hold "lookout", none of them the reporter's (nothing is filed in
    public): asked match by match, the search walks all 2,000; among the reporter's pages, it
    reads none of them, so its work does not grow with the matches it may not name."""
    if not database_url.startswith("sqlite"):  # asked before the world is made
        pytest.skip("counted in SQLite's virtual machine steps")
    world: Record = request.getfixturevalue("world")
    world.people.add(REPORTER, name="reporter", side="public", category="public")
    grow(world, 2000, 10, lambda _rng: "a lookout post")
    reporter = world.ctx.workspace.person(REPORTER)
    worked = {}
    for few in (True, False):
        with plan(monkeypatch, few), steps(world) as done:
            assert reporter.reads.search("lookout").total == 0
        worked[few] = sum(done)
    with steps(world) as done:  # the share chooses the few pages' plan by itself
        reporter.reads.search("lookout")
    assert max(sum(done), worked[True]) < worked[False] / 10, (sum(done), worked)


#: Phrases only (asked of the pair index of migration 0026), each of whose words a seat that
#: sees few pages holds on its pages while the phrase itself is on pages it may not see: the
#: unproduced draft's "compelling reasons" (the memo breaks it over a page), the redacted code
#: ("Record no. zulucode": counsel reads the code's page with the code removed), the draft's
#: "unproducedword draft", a prefix phrase, and phrases joined by AND and (PostgreSQL) OR.
PHRASES = [
    '"compelling reasons"',
    '"record no zulucode"',
    '"unproducedword draft"',
    '"compelling reas*"',
    '"compelling reasons" AND "seal this"',
    '"compelling reasons" OR "caravan shelter"',
    '"lookout database"',
]


def test_phrases_over_the_pair_index_answer_alike_in_both_plans(
    world: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The few pages' plan combined with a phrase asked of the pair index: the same hits,
    snippets and totals as the plan that checks each match, for the operator, receiving counsel
    (three of five pages) and the public (none), and nothing of the hidden pages' phrases."""
    world.people.add(REPORTER, name="reporter", side="public", category="public")
    people = [world, *(world.ctx.workspace.person(p) for p in (COUNSEL, REPORTER))]
    statements: list[str] = []

    def sent(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    engine = world.ctx.workspace.engine
    event.listen(engine, "before_cursor_execute", sent)
    try:
        for who in people:
            for query in PHRASES:
                found = {}
                for few in (True, False):
                    with plan(monkeypatch, few):
                        found[few] = answer(who.reads.search(query, 50, 0, 1000))
                assert found[True] == found[False], (who.actor.email, query, found)
    finally:
        event.remove(engine, "before_cursor_execute", sent)
    assert any("_pairs" in s for s in statements)  # the pair index answered
    counsel = people[1]
    with plan(monkeypatch, few=True):
        for query in PHRASES[:4]:  # on pages counsel may not see, or removed from them
            hits = counsel.reads.search(query)
            assert (list(hits), hits.total, hits.more) == ([], 0, False), query
        assert [h.name for h in counsel.reads.search('"lookout database"')] == ["TST-00000001"]
        assert world.reads.search('"compelling reasons"').total == 1


def _plan_questions(sent: list[tuple[str, Any]]) -> int:
    """The statements that asked how many pages a person may see (sum of page counts)."""
    return sum("sum(" in sql and "page_count" in sql for sql, _ in sent)


def test_the_plan_question_is_asked_once_a_while_per_seat_and_tiers(
    world: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a seat sees few pages decides the plan only: a server keeps the answer a
    minute per database, seat and tiers instead of asking it on every search; another seat
    asks its own, and once the minute is past the question is asked again. The answers are
    the same whether it was asked or kept."""
    world.people.add(REPORTER, name="reporter", side="public", category="public")
    counsel = world.ctx.workspace.person(COUNSEL)
    reporter = world.ctx.workspace.person(REPORTER)
    monkeypatch.setattr("clawback.service.search._FEW_ANSWERS", search._FewAnswers())
    engine = world.ctx.workspace.engine
    with statements(engine) as first:
        asked = answer(counsel.reads.search(QUERIES[0]))
    with statements(engine) as again:
        kept = answer(counsel.reads.search(QUERIES[0]))
    with statements(engine) as other:
        reporter.reads.search(QUERIES[0])
    assert (_plan_questions(first), _plan_questions(again), _plan_questions(other)) == (1, 0, 1)
    assert kept == asked and asked[1] == 3
    monkeypatch.setattr("clawback.service.search.FEW_KEPT_SECONDS", 0.0)
    with statements(engine) as stale:
        assert answer(counsel.reads.search(QUERIES[0])) == asked
    assert _plan_questions(stale) == 1


def test_a_search_prices_a_page_read_out_of_order_as_in_memory_in_its_own_transaction(
    world: Record,
) -> None:
    """PostgreSQL: each statement that asks the index about pages is planned with a page read
    out of order priced at ``PAGE_READ_COST`` (the default, 4, had a word on few pages found by
    walking every page in id order, reading each one's tsvector); only within the search's
    transaction, so nothing else on the connection is planned so."""
    engine = world.ctx.workspace.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite's planner has no such price")
    priced: list[str] = []

    def seen(conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        if "FROM page" in sql:
            cursor = conn.connection.driver_connection.execute("SHOW random_page_cost")
            priced.append(cursor.fetchone()[0])

    with engine.connect() as conn:
        before = conn.exec_driver_sql("SHOW random_page_cost").scalar()
    counsel = world.ctx.workspace.person(COUNSEL)
    event.listen(engine, "before_cursor_execute", seen)
    try:
        for who in (world, counsel):
            assert who.reads.search("caravan OR shelter", 1).total >= 1
            assert who.reads.search('"caravan shelter"', 1).total == 1
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    with engine.connect() as conn:
        after = conn.exec_driver_sql("SHOW random_page_cost").scalar()
    assert priced and set(priced) == {settings.PAGE_READ_COST}, priced
    assert before != settings.PAGE_READ_COST and after == before, (before, after)


def test_a_search_has_memory_for_an_exact_bitmap_and_a_larger_setting_is_kept(
    world: Record,
) -> None:
    """PostgreSQL: past ``work_mem`` the GIN index's bitmap keeps heap blocks, not pages, and
    every page of them is read again (a common word at 20,000 pages under 64 kB: 6,290
    buffers, against 2,169 exact). A search's transaction has at least ``BITMAP_KB``; a
    server that gives more keeps it; nothing outside the transaction is changed."""
    engine = world.ctx.workspace.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no work_mem")
    given: list[str] = []

    def seen(conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        if "FROM page" in sql:
            given.append(conn.connection.driver_connection.execute("SHOW work_mem").fetchone()[0])

    with engine.connect() as conn:
        before = conn.exec_driver_sql("SHOW work_mem").scalar()
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert world.reads.search("caravan OR shelter", 1).total >= 1
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW work_mem").scalar() == before
    assert given and set(given) == {f"{settings.BITMAP_KB // 1024}MB"}, given
    with engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL work_mem = '64MB'")
        conn.execute(settings.SEARCH)
        assert conn.exec_driver_sql("SHOW work_mem").scalar() == "64MB"


# -- PostgreSQL: the count first, by the GIN index's bitmap (search._counted_first) -----------

STAFF = "staff@plaintiffs.test"
#: Each a word or phrase on a share of the generated pages: on most, on 5%, on 0.5%, a phrase
#: on 3% (its first word on 5% more without it), one only on pages the staff may not see.
GROWN_QUERIES = ["commonword", "midword", "rareword", '"pairone pairtwo"', "secretword"]
#: (limit, offset, cap): under the cap; past it (the hits asked among the ids up to one
#: counted); an offset past the cap; past every answer; a page of one.
GROWN_PAGINGS = [(50, 0, 1000), (50, 0, 20), (10, 30, 20), (50, 5000, 1000), (1, 7, 5)]


def _grown_text(rng: random.Random) -> str:
    words = ["filler", f"w{rng.randrange(300)}", "text"]
    for word, share in (("commonword", 0.6), ("midword", 0.05), ("rareword", 0.005)):
        if rng.random() < share:
            words.insert(rng.randrange(len(words) + 1), word)
    if rng.random() < 0.03:
        words += ["pairone", "pairtwo"]
    elif rng.random() < 0.05:
        words += ["pairtwo", "x", "pairone"]
    return " ".join(words)


@pytest.fixture
def grown(world: Record) -> Record:
    """PostgreSQL: the search world and 3,000 generated pages, of 300 documents of random
    tiers; 20 of them sequestered, "secretword" on their pages only; ANALYZEd."""
    if world.ctx.workspace.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plan: SQLite's is FTS5's, in page order")
    world.people.add(
        STAFF, name="staff", side="receiving", category="party_officers_directors_employees"
    )
    grow(world, 3000, 10, _grown_text, seed=5)
    with world.transaction() as s:
        first = select(t.Document.id).where(t.Document.control.like("BEN-DOC-%"))
        hidden = list(s.scalars(first.order_by(t.Document.id).limit(20)))
        s.execute(update(t.Document).where(t.Document.id.in_(hidden)).values(sequestered=True))
        s.execute(
            update(t.Page)
            .where(t.Page.document_id.in_(hidden))
            .values(
                text=t.Page.text + " secretword",
                redacted_text=t.Page.redacted_text + " secretword",
            )
        )
    with world.ctx.workspace.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE page")
        conn.exec_driver_sql("ANALYZE document")
    return world


def _reference(ws: Record, who: Record, words: str) -> list[str]:
    """The pages answering ``words`` that ``who`` may see, by the plainest query: the word
    index joined to each page's document, the access rule, every answer sorted by page id."""
    column_ = access_rules.text_column(who.actor)
    query = search_language.tsquery(search_language.parse(words))
    vector = literal_column(f"page.{column_.key}_search")
    with ws.transaction() as s:
        found = s.scalars(
            select(t.Page.bates)
            .join(t.Document, t.Page.document_id == t.Document.id)
            .where(
                vector.op("@@")(func.to_tsquery(literal_column("'simple'::regconfig"), query)),
                access_rules.visible(who.actor, t.Document),
            )
            .order_by(t.Page.id)
        )
        return [str(b) for b in found]


def test_counted_first_answers_as_the_plainest_query_and_as_the_few_pages_plan(
    grown: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hits, their order, the total and its "more than" of every query at every paging are
    those of the plainest query (every answer, sorted); the snippets those of the other plan
    (the few pages', asked page by page); the sequestered pages' word is found by the operator
    and is absent for the staff: no hit, a total of 0, no "more"."""
    staff = grown.ctx.workspace.person(STAFF)
    for who in (grown, staff):
        for words in GROWN_QUERIES:
            every = _reference(grown, who, words)
            for limit, offset, cap in GROWN_PAGINGS:
                hits = who.reads.search(words, limit, offset, cap)
                bound = max(cap, offset + limit)
                expected = (every[offset : offset + limit], min(len(every), bound))
                assert ([h.name for h in hits], hits.total) == expected, (who.actor.email, words)
                assert hits.more == (len(every) > bound), (who.actor.email, words, limit)
                if who is staff:
                    with plan(monkeypatch, few=True):
                        other = answer(who.reads.search(words, limit, offset, cap))
                    assert answer(hits) == other, (words, limit, offset, cap)
    sizes = {w: len(_reference(grown, staff, w)) for w in GROWN_QUERIES}
    assert sizes["secretword"] == 0 and len(_reference(grown, grown, "secretword")) >= 20
    assert sizes["commonword"] > 1000 and 3 <= sizes["rareword"] < 20, sizes
    hidden = staff.reads.search("secretword", 50, 0, 5)
    assert (list(hidden), hidden.total, hidden.more) == ([], 0, False)


def _scans(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _scans(child)


def test_counted_first_reads_the_pages_by_the_gin_index_only(grown: Record) -> None:
    """Every statement of a search that reads pages to find its matches (all but the shown
    pages' snippets, asked by page id) reads them by a bitmap of the GIN index (of words, or
    of pairs for a phrase): the ``@@`` test is the index's (its Recheck Cond), never a Filter
    tested page after page along the primary key, the documents' index or the table, for a
    common word (60% of pages), a rare one, a phrase, as the operator and as the staff. Past
    the cap, the hits are asked among the pages up to the id that ends them
    (``_counted_first``), by a bitmap of those ids (with the GIN index's, or alone where the
    planner finds it cheaper: a walk no longer than the page of hits walked before; see
    benchmarks/results/scale-100k-postgresql-countfirst.txt). Planned as sent: EXPLAIN on
    the same connection, in the search's own transaction, with its settings and parameters.
    The scans set aside for those statements: those after them (the snippets, the audit)
    planned as the session is."""
    engine = grown.ctx.workspace.engine
    plans: list[dict[str, Any]] = []
    settings: set[tuple[str, str, str]] = set()
    sent: list[str] = []

    def explained(conn: Any, _cursor: Any, sql: str, parameters: Any, *_: Any) -> None:
        driver = conn.connection.driver_connection
        counting = "@@" in sql and "ts_headline" not in sql  # not the shown pages' snippets
        if counting:
            cursor = driver.execute(f"EXPLAIN (FORMAT JSON) {sql}", parameters)
            plans.append(cursor.fetchone()[0][0]["Plan"])
            sent.append(sql)
        if "set_config" not in sql:  # the settings' own statements aside
            cursor = driver.execute(
                "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')"
            )
            after = "ts_headline" in sql or "audit" in sql  # the snippets, the audit
            settings.add(("count" if counting else "after" if after else "", *cursor.fetchone()))

    staff = grown.ctx.workspace.person(STAFF)
    event.listen(engine, "before_cursor_execute", explained)
    try:
        for who in (grown, staff):
            for words in GROWN_QUERIES[:4]:
                for limit, offset, cap in GROWN_PAGINGS[:3]:
                    who.reads.search(words, limit, offset, cap)
    finally:
        event.remove(engine, "before_cursor_execute", explained)
    for sql, top in zip(sent, plans, strict=True):
        pages = [n for n in _scans(top) if n.get("Relation Name") == "page"]
        assert pages and all(n["Node Type"] == "Bitmap Heap Scan" for n in pages), (sql, top)
        for n in pages:
            if "page.id <=" in sql and "@@" in n.get("Filter", ""):  # ids up to one counted
                assert re.search(r"\bid <= \d+", n["Recheck Cond"]), n
                continue
            assert "@@" in n["Recheck Cond"] and "@@" not in n.get("Filter", ""), n
            gin = [i for i in _scans(n) if i["Node Type"] == "Bitmap Index Scan"]
            assert any(i["Index Name"].endswith(("_search", "_pairs")) for i in gin), n
    assert len(plans) > 2 * 4 * 3, len(plans)  # past the cap, a second statement
    assert {seq for what, seq, _ in settings if what == "count"} == {"off"}, settings
    assert {(seq, i) for what, seq, i in settings if what == "after"} == {("on", "on")}, settings
