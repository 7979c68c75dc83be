"""Search as an index (FTS5 on SQLite, tsvector + GIN on PostgreSQL): every page the person may
see, produced or not; phrases across line breaks; prefix, boolean and proximity queries; marked
snippets from the text the person may read; counted and paged; never a word only the unredacted
text holds, for the receiving side."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from sqlalchemy import event
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.domain.errors import InvalidInput
from clawback.service import Record, Workspace
from clawback.service.search import Hit
from tests.conftest import postgres_schema

COUNSEL = "counsel@plf.test"
CODE = "zulucode"  # on the memo's page 1, granted for redaction


def pdf(*pages: list[str]) -> bytes:
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=612, height=792)
        for i, line in enumerate(lines):
            page.insert_text((72, 100 + 14 * i), line, fontsize=11)
    data: bytes = doc.tobytes()
    doc.close()
    return data


@pytest.fixture
def world(ws: Record) -> Record:
    return _built(ws)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def shared_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Record]:
    """The same world made once per backend, for the tests that only search it."""
    with ExitStack() as stack:
        root = tmp_path_factory.mktemp("search")
        url = (
            f"sqlite:///{root / 'clawback.db'}"
            if request.param == "sqlite"
            else stack.enter_context(postgres_schema(request.getfixturevalue("postgres_url")))
        )
        record = Workspace.init(root / "ws", url).operator()
        stack.callback(record.close)
        record.matter.load_case(reference_case())
        yield _built(record)


def _built(ws: Record) -> Record:
    ws.people.add(COUNSEL, name="counsel", side="receiving", category="counsel")
    memo = pdf(
        ["Record no. zulucode in the lookout database.", "The court finds compelling"],
        ["reasons to seal this page.", "caravan shelter report"],
        ["shelter far from any caravan; reasonable steps were taken"],
    )
    ws.ingest.ingest(memo, title="memo", kind="report", exhibit=1)
    ws.productions.produce([1], "TST-00000001", "VOL001")
    ws.items.define(1, "code", "TST-00000001", "a record number", texts=[CODE])
    ws.claims.claim(
        "c1", privilege="law_enforcement", exhibits=[1], items=["code"], on=date(2020, 5, 1)
    )
    ws.claims.rule("c1", "granted", on=date(2020, 6, 26))
    draft = pdf(["unproducedword draft of the compelling reasons"], ["second page, nothing"])
    ws.ingest.ingest(draft, title="draft", kind="report", exhibit=2)  # never produced
    return ws


def names(hits: Sequence[Hit]) -> list[str]:
    return [h.name for h in hits]


def test_an_unproduced_page_is_found_by_its_control_number_and_page(world: Record) -> None:
    hits = world.reads.search("unproducedword")
    assert names(hits) == ["DOC-000002 p. 1"] and hits.total == 1
    assert hits[0].bates is None and hits[0].control == "DOC-000002" and hits[0].page == 1
    counsel = world.ctx.workspace.person(COUNSEL)
    hidden, absent = counsel.reads.search("unproducedword"), counsel.reads.search("nowhereword")
    assert hidden == absent == [] and hidden.total == absent.total == 0


def test_a_phrase_wrapped_over_two_lines_and_two_forms_of_it(world: Record) -> None:
    assert names(world.reads.search('"compelling reasons"')) == ["DOC-000002 p. 1"]
    # On the memo the phrase wraps a line (page 1), then a page: a page break is not a line.
    assert names(world.reads.search('"lookout database"')) == ["TST-00000001"]
    assert names(world.reads.search('"seal this page"')) == ["TST-00000002"]
    assert names(world.reads.search('"this seal page"')) == []


def test_prefix_boolean_and_near(world: Record) -> None:
    assert names(world.reads.search("reason*")) == [
        "TST-00000002",
        "TST-00000003",
        "DOC-000002 p. 1",
    ]
    assert names(world.reads.search("reasons")) == ["TST-00000002", "DOC-000002 p. 1"]
    assert names(world.reads.search("caravan AND shelter")) == ["TST-00000002", "TST-00000003"]
    assert names(world.reads.search("caravan shelter")) == ["TST-00000002", "TST-00000003"]
    assert names(world.reads.search("caravan NOT report")) == ["TST-00000003"]
    assert names(world.reads.search("lookout OR unproducedword")) == [
        "TST-00000001",
        "DOC-000002 p. 1",
    ]
    assert names(world.reads.search("(report OR reasonable) NOT seal")) == ["TST-00000003"]
    assert names(world.reads.search("NEAR(caravan shelter, 0)")) == ["TST-00000002"]
    assert names(world.reads.search("NEAR(caravan shelter, 5)")) == [
        "TST-00000002",
        "TST-00000003",
    ]
    assert names(world.reads.search("NEAR(reasonable shelter, 3)")) == []
    assert names(world.reads.search("NEAR(reasonable shelter, 4)")) == ["TST-00000003"]


def test_a_granted_items_word_is_not_there_for_the_receiving_side(world: Record) -> None:
    assert names(world.reads.search(CODE)) == ["TST-00000001"]
    assert "\u00abzulucode\u00bb" in world.reads.search(CODE)[0].snippet
    counsel = world.ctx.workspace.person(COUNSEL)
    for query in (CODE, "zulu*", f'"no {CODE}"', f"{CODE} OR nowhereword", f"NEAR({CODE} no)"):
        hidden, absent = counsel.reads.search(query), counsel.reads.search("nowhereword")
        assert (hidden, hidden.total) == (absent, absent.total) == ([], 0), query
    # The page is still found by its other words, and its snippet is the redacted text.
    (hit,) = counsel.reads.search("lookout")
    assert hit.name == "TST-00000001" and "\u00ablookout\u00bb" in hit.snippet
    assert CODE not in hit.snippet.lower()


def test_results_are_counted_and_paged(world: Record) -> None:
    everything = world.reads.search("the OR caravan OR shelter OR page")
    assert everything.total == len(everything) == 5
    first, rest = world.reads.search("the OR caravan OR shelter OR page", 2), None
    rest = world.reads.search("the OR caravan OR shelter OR page", 2, 2)
    last = world.reads.search("the OR caravan OR shelter OR page", 2, 4)
    assert (first.total, rest.total, last.total) == (5, 5, 5)
    assert names(first) + names(rest) + names(last) == names(everything)
    assert world.reads.search("the OR caravan OR shelter OR page", 2, 10) == []
    counsel = world.ctx.workspace.person(COUNSEL)
    assert counsel.reads.search("the OR caravan OR shelter OR page").total == 3


def test_a_count_stops_at_its_cap_counted_among_the_pages_the_person_may_see(
    world: Record,
) -> None:
    """Past the cap a count says "more than" (a common word need not count every page); the
    cap is counted inside the access filter: counsel, who may see 3 of the 5 pages, is told
    exactly 3 at a cap of 3, never "more than 3" (which would tell of the 2 hidden pages)."""
    query = "the OR caravan OR shelter OR page"
    capped = world.reads.search(query, 1, count_up_to=2)
    assert (len(capped), capped.total, capped.more, capped.shown_total) == (1, 2, True, "2+")
    exact = world.reads.search(query, 1, count_up_to=5)
    assert (exact.total, exact.more, exact.shown_total) == (5, False, "5")
    beyond = world.reads.search(query, 2, 2, count_up_to=1)  # counted to the end of the page
    assert (names(beyond), beyond.total, beyond.more) == (
        names(world.reads.search(query)[2:4]),
        4,
        True,
    )
    counsel = world.ctx.workspace.person(COUNSEL)
    seen = counsel.reads.search(query, 1, count_up_to=3)
    assert (seen.total, seen.more, seen.shown_total) == (3, False, "3")
    over = counsel.reads.search(query, 1, count_up_to=2)
    assert (over.total, over.more) == (2, True)


@contextmanager
def asked_of_the_index(ws: Record, with_parameters: bool = False) -> Iterator[list[Any]]:
    """The statements that ask the search index (FTS5's MATCH, PostgreSQL's @@) while inside,
    or with ``with_parameters`` each as (statement, its parameters)."""
    sent: list[Any] = []

    def seen(_c: object, _cursor: object, sql: str, parameters: Any, *_: object) -> None:
        if " MATCH " in sql or "@@" in sql:
            sent.append((sql, parameters) if with_parameters else sql)

    engine = ws.ctx.workspace.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_a_page_of_hits_and_its_count_walk_the_index_once(world: Record) -> None:
    """A common word is on most pages and a phrase's words on many: the index is walked for
    the page of hits, and the count goes on from its last hit (never from the first again). On
    SQLite the page of hits comes with its names and snippets in the same statement (FTS5 makes
    a snippet only for the rows a query returns, never for those an OFFSET skips); PostgreSQL's
    ts_headline would run for skipped rows too, so it is asked for the shown pages after. On
    PostgreSQL the count comes first (``search._counted_first``): under the cap it holds every
    answer, and the page of hits is taken from it, no statement of its own."""
    query = "the OR caravan OR shelter OR page"
    counsel = world.ctx.workspace.person(COUNSEL)
    sqlite = world.ctx.workspace.engine.dialect.name == "sqlite"
    for who, offset, expected in ((world, 2, 5), (counsel, 0, 3)):
        with asked_of_the_index(world) as sent:
            found = who.reads.search(query, 2, offset)
        assert (len(found), found.total, found.more) == (2, expected, False)
        assert len(sent) == 2, sent
        if sqlite:
            counts = [q for q in sent if "count(" in q]
            assert len(counts) == 1 and (" > " in counts[0]), sent
        else:
            assert "MATERIALIZED" in sent[0] and "ts_headline" in sent[1], sent


def test_the_count_finds_each_hits_document_without_reading_its_page(world: Record) -> None:
    """SQLite: the count checks each match against its page's document, and a page's row holds
    its text (kilobytes, over several database pages); the index of (page id, document id)
    answers which document without reading the row (the count of a common word reads a
    thousand of them)."""
    if world.ctx.workspace.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL reads the page's row for its tsvector anyway")
    counsel = world.ctx.workspace.person(COUNSEL)
    for who in (world, counsel):
        with asked_of_the_index(world, with_parameters=True) as sent:
            who.reads.search("the OR caravan OR shelter OR page", 1)
        ((count, parameters),) = [(q, p) for q, p in sent if "count(" in q]
        with world.ctx.workspace.engine.connect() as conn:
            plan = [
                row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {count}", parameters)
            ]
        assert "SEARCH page USING COVERING INDEX ix_page_id_document_id (id=?)" in plan, plan


@pytest.mark.parametrize(
    "query",
    [
        '"unclosed phrase',
        "caravan OR",
        "NOT caravan",
        "(caravan",
        "caravan)",
        "NEAR(caravan)",
        "NEAR(caravan shelter, 99)",
        "NEAR(a b c, 2)",
        "-- ** --",
        '""',
    ],
)
def test_a_malformed_query_is_one_line(shared_world: Record, query: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        shared_world.reads.search(query)
    assert "\n" not in str(refused.value) and str(refused.value).startswith("search")


@pytest.mark.parametrize(
    "query",
    [
        "caravan' OR 1=1 --",
        "caravan:*",
        "text : caravan",
        "{text} : caravan",
        "caravan & !shelter",
        "^caravan",
    ],
)
def test_engine_syntax_in_a_query_is_only_words(shared_world: Record, query: str) -> None:
    """What either engine would read as its own syntax is cut into words: caravan AND ..."""
    hits = shared_world.reads.search(query)
    assert set(names(hits)) <= {"TST-00000002", "TST-00000003"}


def test_the_index_follows_the_page_text(world: Record) -> None:
    """A page's text rewritten (here: a volume abandoned gives text back) is searched as it now
    stands: the triggers (SQLite) and the expression index (PostgreSQL) follow every write."""
    from clawback.storage import tables as t

    with world.transaction() as s:
        page = s.query(t.Page).filter(t.Page.idx == 1, t.Page.document_id == 2).one()
        page.text = "a rewritten page about quokkas"
    assert names(world.reads.search("quokkas")) == ["DOC-000002 p. 2"]
    assert world.reads.search("nothing") == []


def test_the_command_line_names_each_hit_and_counts_them(
    world: Record, tmp_path: Path, database_url: str
) -> None:
    env = {"CLAWBACK_DATABASE_URL": database_url}
    where = ["-w", str(tmp_path / "ws")]
    result = CliRunner().invoke(app, ["search", "reason*", "--limit", "2", *where], env=env)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("TST-00000002  ")
    assert "\u00abreasons\u00bb" in result.output.splitlines()[0]
    assert result.output.splitlines()[-1] == "1-2 of 3 pages"
    result = CliRunner().invoke(app, ["search", "reason*", "--offset", "2", *where], env=env)
    assert result.output.splitlines()[0].startswith("DOC-000002 p. 1  ")
    with pytest.MonkeyPatch.context() as patch:  # a count past its cap says so
        patch.setattr("clawback.service.search.COUNT_UP_TO", 1)
        capped = CliRunner().invoke(app, ["search", "reason*", "--limit", "1", *where], env=env)
    assert capped.output.splitlines()[-1] == "1-1 of 1+ pages", capped.output
    refused = CliRunner().invoke(app, ["search", "(reasons", *where], env=env)
    assert refused.exit_code != 0 and "Traceback" not in refused.output
    assert len(refused.output.strip().splitlines()) == 1


def test_a_hit_names_a_lettered_exhibit_as_the_court_writes_it(world: Record) -> None:
    """A hit on Ex. 5-A says 5-A (not the ordinal the record keeps for it); a numbered one
    keeps its number."""
    from clawback.domain.exhibit_ids import ExhibitId

    world.ingest.ingest(
        pdf(["a lettered exhibit about wombats"]), title="w", exhibit=ExhibitId.parse("5-A")
    )
    assert [h.exhibit for h in world.reads.search("wombats")] == ["5-A"]
    assert {h.exhibit for h in world.reads.search("caravan")} == {1}
