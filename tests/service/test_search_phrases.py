"""Phrases answered by the index of adjacent word pairs (migration 0026, ``storage.pairs``):
the same pages, counts and order as the word index's own phrase (FTS5's ``"a b"``, PostgreSQL's
``'a' <-> 'b'``), asked here of the word index directly as the truth, for the phrase shapes a
pair index could get wrong: one word, small words, a word repeated, hyphens, accents and
combining marks, digits, a prefix, several phrases, a page break, a line break; and a hidden
page never counted."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, text

from clawback.domain import search as search_language
from clawback.service import Record
from clawback.storage import pairs
from clawback.storage import tables as t
from tests.service.test_search import COUNSEL, names, pdf

PAGES = [
    # 1: a line break inside phrases; small words; a word repeated
    "it is very very very late\nand it is of the essence. Of the\nessence it is",
    # 2: hyphens, accents written whole and with a combining mark, digits, quotes
    "a well-known caf\u00e9 cre\u0300me br\u00fbl\u00e9e; the CAFE\u0301 cr\u00e8me at 12.5 "
    "per cent \u201cvery late\u201d 2019-10-01",
    # 3: ends with half a phrase the next page ends ("of the" / "essence")
    "nothing here is late; the last words are of the",
    "essence of the matter is very well known",
]
PHRASES = [
    '"very very"',
    '"very very very"',
    '"very very very very"',
    '"very late"',
    '"late and"',
    '"of the essence"',
    '"the essence"',
    '"of the"',
    '"well known"',
    '"well-known cafe"',
    '"cafe creme"',
    '"caf\u00e9 cr\u00e8me br\u00fbl\u00e9e"',
    '"CAFE CREME"',
    '"12 5 per"',
    '"2019 10 01"',
    "very-lat*",  # a prefix at a phrase's end (as AOL-DEF-0052* is)
    "of-th*",
    '"very very" "of the"',
    '"very late" AND "the essence"',
    '"the essence" "well known"',
    '"of the" "well known"',
    '"essence"',  # a phrase of one word
    '"the last words are of the essence"',  # only across the page break: never found
    '"per very"',
    '"very very" OR "well known"',  # by pairs on PostgreSQL, by words on SQLite
    '"very late" NOT "of the"',
]
#: Asked of the word index, not the pairs: a phrase of one word; on SQLite, phrases joined by
#: OR or NOT (FTS5 would walk to the next page answering one, making each snippet).
BY_WORDS = {'"essence"'}
BY_WORDS_ON_SQLITE = {'"very very" OR "well known"', '"very late" NOT "of the"'}


@pytest.fixture
def pages(ws: Record) -> Record:
    ws.people.add(COUNSEL, name="counsel", side="receiving", category="counsel")
    ws.ingest.ingest(
        pdf(["one"], ["two"], ["three"], ["four"]), title="memo", kind="report", exhibit=1
    )
    with ws.transaction() as s:
        for page in s.query(t.Page).filter(t.Page.document_id == 1):
            page.text = page.redacted_text = PAGES[page.idx]
    return ws


def truth(ws: Record, query: str) -> list[str]:
    """The pages answering ``query`` by the word index alone, named as hits are."""
    node = search_language.parse(query)
    with ws.ctx.workspace.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            found = conn.execute(
                text(
                    "SELECT page.idx FROM page_fts JOIN page ON page.id = page_fts.rowid "
                    "WHERE page_fts MATCH :q ORDER BY page_fts.rowid"
                ),
                {"q": search_language.fts5(node, "text")},
            )
        else:
            found = conn.execute(
                text(
                    "SELECT idx FROM page WHERE text_search @@ to_tsquery('simple', :q) ORDER BY id"
                ),
                {"q": search_language.tsquery(node)},
            )
        return [f"DOC-000001 p. {idx + 1}" for (idx,) in found]


@contextmanager
def statements(ws: Record) -> Iterator[list[str]]:
    sent: list[str] = []

    def seen(_c: object, _cursor: object, sql: str, *_: Any) -> None:
        sent.append(sql)

    event.listen(ws.ctx.workspace.engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(ws.ctx.workspace.engine, "before_cursor_execute", seen)


def test_every_phrase_answers_as_the_word_index_does(pages: Record) -> None:
    sqlite = pages.ctx.workspace.engine.dialect.name == "sqlite"
    for query in PHRASES:
        with statements(pages) as sent:
            found = pages.reads.search(query)
        assert (names(found), found.total) == (truth(pages, query), len(found)), query
        by_pairs = any("page_pairs" in q or "_pairs @@" in q for q in sent)
        words = query in BY_WORDS or (sqlite and query in BY_WORDS_ON_SQLITE)
        assert by_pairs != words, (query, sent)
    assert names(pages.reads.search('"very very very very"')) == []
    assert names(pages.reads.search('"very very very"')) == ["DOC-000001 p. 1"]
    assert names(pages.reads.search('"of the essence"')) == ["DOC-000001 p. 1"]
    assert names(pages.reads.search('"well known"')) == ["DOC-000001 p. 2", "DOC-000001 p. 4"]
    accents = ["DOC-000001 p. 2"] if sqlite else []  # PostgreSQL's simple keeps accents
    assert names(pages.reads.search('"cafe creme"')) == accents
    assert names(pages.reads.search("very-lat*")) == ["DOC-000001 p. 1", "DOC-000001 p. 2"]
    assert names(pages.reads.search('"the last words are of the essence"')) == []
    (hit,) = pages.reads.search('"of the" "well known"')
    assert hit.name == "DOC-000001 p. 4"
    marked = hit.snippet.replace("\u00bb \u00ab", " ")  # PostgreSQL marks word by word
    assert "\u00abwell known\u00bb" in marked  # marked by the word index, as before


def test_a_hidden_page_is_never_counted_nor_named(pages: Record) -> None:
    """The receiving side's counsel may not see the unproduced memo: every phrase answers as
    one nowhere in the record, in hits, count and "more than"."""
    counsel = pages.ctx.workspace.person(COUNSEL)
    absent = counsel.reads.search('"nowhere phrase"', count_up_to=1)
    for query in ('"very very"', "of-the*", '"well known"', '"very late" AND "the essence"'):
        hidden = counsel.reads.search(query, count_up_to=1)
        assert (hidden, hidden.total, hidden.more) == (absent, 0, False) == ([], 0, False)
    pages.productions.produce([1], "TST-00000001", "VOL001")
    seen = counsel.reads.search('"well known"', 1, count_up_to=1)
    assert (names(seen), seen.total, seen.more) == (["TST-00000002"], 1, True)


def test_the_pairs_follow_the_page_text(pages: Record) -> None:
    """A page rewritten is searched by its new pairs, never its old ones (the triggers give
    FTS5 back the very pairs it was given)."""
    with pages.transaction() as s:
        page = s.query(t.Page).filter(t.Page.idx == 3).one()
        page.text = page.redacted_text = "the quokka colony is well kept"
    assert names(pages.reads.search('"quokka colony"')) == ["DOC-000001 p. 4"]
    assert names(pages.reads.search('"well known"')) == ["DOC-000001 p. 2"]
    assert names(pages.reads.search('"matter is"')) == []


@pytest.mark.parametrize(
    ("written", "cut"),
    [
        ("Caf\u00e9 CRE\u0300ME", ["cafe", "creme"]),
        ("\u0301alone x\u0301y", ["alone", "xy"]),
        ("well-known 12.5 \u201cquoted\u201d", ["well", "known", "12", "5", "quoted"]),
        (
            "\u00c6sop \u03a3\u03bf\u03c6\u03af\u03b1 \u2160",
            ["\u00e6sop", "\u03c3\u03bf\u03c6\u03af\u03b1", "\u2170"],
        ),
    ],
)
def test_words_are_cut_as_fts5_cuts_them(written: str, cut: list[str]) -> None:
    """The pairs are made of the words FTS5 itself makes of a text (asked of FTS5 in memory,
    character by character): were they cut otherwise, a phrase would miss pages."""
    import sqlite3

    assert pairs.words(written) == cut
    probe = sqlite3.connect(":memory:")
    probe.execute("CREATE VIRTUAL TABLE p USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    probe.execute("CREATE VIRTUAL TABLE v USING fts5vocab(p, instance)")
    probe.execute("INSERT INTO p(x) VALUES (?)", (written,))
    assert [term for (term,) in probe.execute("SELECT term FROM v ORDER BY offset")] == cut
