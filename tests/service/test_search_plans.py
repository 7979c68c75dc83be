"""A search's two plans give one answer: each match checked against its document, or, for a
person who may see few of the record's pages, the index asked about those pages only
(``service.search._few_pages``). Which plan a search takes changes its cost, never a hit, a
snippet, a total or its "more than"; and the few pages' plan reads none of the other matches."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from clawback.service import Record, search
from clawback.service.search import Hits
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
    assert priced and set(priced) == {search.PAGE_READ_COST}, priced
    assert before != search.PAGE_READ_COST and after == before, (before, after)
